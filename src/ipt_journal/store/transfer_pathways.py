"""The pathways' part of an import (store/merging.py): steps done by uid, pointing at their
exercise by its uid; weeks by uid, one per week (a week recorded on another copy of the
journal under another uid is kept as it is here, as own strategies of the same name are)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ipt_journal.store.merge_rows import MergeRows, Records


def merge_pathways(merge: MergeRows, doc: Records) -> None:
    for done in doc.pathway_steps:
        merge._upsert(
            "pathway_steps",
            done.uid,
            {
                "area": done.area,
                "step": done.step,
                "day": done.day.isoformat(),
                "exercise_id": merge._ref("exercises", done.exercise),
                "created_at": done.created_at,
                "updated_at": done.updated_at,
            },
        )
    from ipt_journal.text.dates import monday_of

    for week in doc.pathway_weeks:
        monday = monday_of(week.week).isoformat()  # a week is kept by its Monday
        taken = merge.conn.execute(
            "SELECT 1 FROM pathway_weeks WHERE week = ? AND uid != ?", (monday, week.uid)
        ).fetchone()
        if taken:
            merge._count("pathway_weeks", "skipped")
            continue
        merge._upsert(
            "pathway_weeks",
            week.uid,
            {
                "week": monday,
                "dispute_stage": week.dispute_stage.value if week.dispute_stage else None,
                "confidants": week.confidants,
                "created_at": week.created_at,
                "updated_at": week.updated_at,
            },
        )
