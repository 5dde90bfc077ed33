"""The import side: an export document merged into the journal by its records' stable uids,
in one transaction. The export side (every row out) is `store/transfer.py`.

The document may be a `portable.Document` held whole or one read from its file as it is
merged (`portable_read.StreamedDocument`): each kind of record is only iterated, once, in the
order below, so a record may point only at kinds merged before it.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from ipt_journal.store.merge_linked import LinkedMerges, int_or_none, value_of
from ipt_journal.store.merge_rows import Records
from ipt_journal.store.transfer_pathways import merge_pathways

if TYPE_CHECKING:
    from ipt_journal.store.core import Journal


def merge(journal: Journal, doc: Records, dry_run: bool = False) -> dict[str, dict[str, int]]:
    """Merge an export document (portable.Document) by stable uids in one transaction:
    absent records are added; a record in both is updated only when the file's copy was
    changed later (its updated_at is newer), else kept and counted as skipped, so an old
    export never undoes newer edits. With `dry_run` the same work is done and rolled back.
    Returns, per kind of record, how many were added, updated and skipped."""
    counts: dict[str, dict[str, int]] = {}
    try:
        with journal.writing():
            _Merge(journal, counts).run(doc)
            if dry_run:
                raise _DryRun
    except _DryRun:
        pass
    return counts


class _DryRun(Exception):
    """Raised inside a merge's transaction to roll it back."""


class _Merge(LinkedMerges):
    """One import, inside its transaction, kind by kind."""

    def run(self, doc: Records) -> None:
        for person in doc.people:
            self._person(person)
        for checkin in doc.checkins:
            self._checkin(checkin)
        from ipt_journal.store.incidents import merge_incidents  # here: every command imports this module

        merge_incidents(self, doc.incidents)
        for measure in doc.measures:
            answers = json.dumps(measure.answers)
            self._upsert(
                "measures",
                measure.uid,
                {
                    "scale": measure.scale,
                    "day": measure.day.isoformat(),
                    "answers": answers,
                    "total": measure.total,  # the WSAS work item n/a: the mean stands in
                    "difficulty": measure.difficulty,
                    "checkin_id": self._ref("checkins", measure.checkin),
                    "created_at": measure.created_at,
                    "updated_at": measure.updated_at,
                },
            )
        for course in doc.courses:
            self._upsert(
                "courses",
                course.uid,
                {
                    "started_on": course.started_on.isoformat(),
                    "planned_weeks": course.planned_weeks,
                    "background": course.background,
                    "reason": course.reason,
                    "with_therapist": int_or_none(course.with_therapist),
                    "focus_areas": ",".join(area.value for area in course.focus_areas),
                    "dispute_person_id": self._ref("people", course.dispute_person),
                    "dispute_stage": value_of(course.dispute_stage),
                    "formulation": course.formulation,
                    "formulation_agreed_on": (
                        course.formulation_agreed_on.isoformat() if course.formulation_agreed_on else None
                    ),
                    "ended_on": course.ended_on.isoformat() if course.ended_on else None,
                    "created_at": course.created_at,
                    "updated_at": course.updated_at,
                },
            )
        for goal in doc.goals:
            self._goal(goal)
        for item in doc.safety_plan:
            self._upsert(
                "safety_plan_items",
                item.uid,
                {
                    "step": item.step,
                    "text": item.text,
                    "person_id": self._ref("people", item.person),
                    "phone": item.phone,
                    "created_at": item.created_at,
                    "updated_at": item.updated_at,
                },
            )
        for use in doc.coping:
            self._upsert(
                "coping_log",
                use.uid,
                {
                    "strategy": use.strategy,
                    "day": use.day.isoformat(),
                    "helpful": use.helpful,
                    "note": use.note,
                    "created_at": use.created_at,
                    "updated_at": use.updated_at,
                },
            )
        for own in doc.strategies:
            taken = self.conn.execute(
                "SELECT 1 FROM coping_strategies WHERE key = ? AND uid != ?", (own.key, own.uid)
            ).fetchone()
            if not taken:  # a strategy of the same name made on another copy: keep the one here
                self._upsert(
                    "coping_strategies",
                    own.uid,
                    {
                        "key": own.key,
                        "name": own.name,
                        "how": own.how,
                        "created_at": own.created_at,
                        "updated_at": own.updated_at,
                    },
                )
        for exercise in doc.exercises:
            exercise_id, _ = self._upsert(
                "exercises",
                exercise.uid,
                {
                    "kind": exercise.kind,
                    "day": exercise.day.isoformat(),
                    "person_id": self._ref("people", exercise.person),
                    "mood_before": exercise.mood_before,
                    "mood_after": exercise.mood_after,
                    "answers": json.dumps(exercise.answers, ensure_ascii=False),
                    "created_at": exercise.created_at,
                    "updated_at": exercise.updated_at,
                },
            )
            self._remember("exercises", exercise.uid, exercise_id)
        for homework in doc.homework:
            self._upsert(
                "homework",
                homework.uid,
                {
                    "text": homework.text,
                    "due": homework.due.isoformat() if homework.due else None,
                    "person_id": self._ref("people", homework.person),
                    "status": homework.status,
                    "outcome": homework.outcome,
                    "helpful": homework.helpful,
                    "closed_on": homework.closed_on.isoformat() if homework.closed_on else None,
                    "exercise_id": self._ref("exercises", homework.exercise),
                    "created_at": homework.created_at,
                    "updated_at": homework.updated_at,
                },
            )
        for event in doc.events:
            self._event(event)
        self._sessions_and_things_to_bring(doc)
        for review in doc.reviews:
            self._upsert(
                "reviews",
                review.uid,
                {
                    "day": review.day.isoformat(),
                    "what_changed": review.what_changed,
                    "what_helped": review.what_helped,
                    "warning_signs": review.warning_signs,
                    "keep_practising": review.keep_practising,
                    "relapse_plan": review.relapse_plan,
                    "feelings_about_ending": review.feelings_about_ending,
                    "created_at": review.created_at,
                    "updated_at": review.updated_at,
                },
            )
        merge_pathways(self, doc)
        self._deletions(doc)
        self._plans_and_drafts(doc)

    def _plans_and_drafts(self, doc: Records) -> None:
        """The one-row plans (the file's copy wins only if changed later), midpoint reviews
        by uid, and drafts by their exercise."""
        for plan in doc.staying_well:
            self._one_row("staying_well", plan.model_dump())
        for closing in doc.safety_plan_closing:
            self._one_row("safety_plan_closing", closing.model_dump())
        for midpoint in doc.midpoints:
            values = midpoint.model_dump(exclude={"uid"})
            values["day"] = midpoint.day.isoformat()
            self._upsert("midpoint_reviews", midpoint.uid, values)
        for draft in doc.drafts:
            values = {
                "person_id": self._ref("people", draft.person),
                "answers": json.dumps(draft.answers, ensure_ascii=False),
                "created_at": draft.created_at,
                "updated_at": draft.updated_at,
            }
            row = self.conn.execute(
                "SELECT updated_at FROM exercise_drafts WHERE kind = ?", (draft.kind,)
            ).fetchone()
            if row is not None and row["updated_at"] >= draft.updated_at:
                self._count("exercise_drafts", "skipped")
                continue
            self.conn.execute(
                "INSERT OR REPLACE INTO exercise_drafts (kind, person_id, answers, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, ?)",
                (draft.kind, *values.values()),
            )
            self._count("exercise_drafts", "updated" if row else "added")

    def _sessions_and_things_to_bring(self, doc: Records) -> None:
        for held in doc.therapy_sessions:
            values = held.model_dump(exclude={"uid"})
            values["day"] = held.day.isoformat()
            session_id, _ = self._upsert("therapy_sessions", held.uid, values)
            self._remember("therapy_sessions", held.uid, session_id)
        for item in doc.bring:
            values = item.model_dump(exclude={"uid", "discussed_in"})
            values["added_on"] = item.added_on.isoformat()
            values["discussed_session_id"] = self._ref("therapy_sessions", item.discussed_in)
            self._upsert("bring_items", item.uid, values)

    def _deletions(self, doc: Records) -> None:
        """The file's deletions: the journal's copy goes when it was not changed since (as the
        store deletes it, cascades included), and the deletion is remembered here too."""
        for gone in doc.deleted:
            cursor = self.conn.execute(
                f"DELETE FROM {gone.kind} WHERE uid = ? AND updated_at <= ?", (gone.uid, gone.deleted_at)
            )
            if cursor.rowcount:
                self._count(gone.kind, "deleted")
            # when it was deleted there, not now (the trigger's time), unless later here
            when = "excluded.deleted_at" if cursor.rowcount else "max(deleted_at, excluded.deleted_at)"
            self.conn.execute(
                "INSERT INTO tombstones (uid, kind, deleted_at) VALUES (?, ?, ?) "
                f"ON CONFLICT (uid) DO UPDATE SET deleted_at = {when}",
                (gone.uid, gone.kind, gone.deleted_at),
            )
