"""The export side: every row of every table out, as it is read. The import side (an export
document merged back in by the records' stable uids) is `store/merging.py`.

A new table goes in `TABLES` here (in the order its rows may be written: a table after those
it points at) and gets its part of the merge in `merging.py`."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ipt_journal.store.core import Journal

TABLES = (
    "people",
    "checkins",
    "interactions",
    "checkin_tags",
    "incidents",
    "measures",
    "courses",
    "goals",
    "goal_history",
    "goal_ratings",
    "safety_plan_items",
    "reviews",
    "staying_well",
    "safety_plan_closing",
    "midpoint_reviews",
    "exercise_drafts",
    "coping_log",
    "coping_strategies",
    "exercises",
    "homework",
    "events",
    "event_people",
    "therapy_sessions",
    "bring_items",
    "pathway_steps",
    "pathway_weeks",
)


# Records deleted, by uid, with when (migration 12 keeps them by trigger): an import skips a
# file's record deleted here since it was last changed, and a file's deletion removes the
# journal's older copy. They hold no text.
TOMBSTONES = "tombstones"


def dump(journal: Journal) -> dict[str, list[dict]]:
    """Every row of every table, in the order it was written, and the deletions."""
    return {
        table: [dict(row) for row in journal.conn.execute(f"SELECT * FROM {table} ORDER BY rowid")]
        for table in (*TABLES, TOMBSTONES)
    }


def rows(journal: Journal, table: str, by: str | None = None) -> Iterator[dict]:
    """The rows of `table` one at a time, as they are read (an export streams them): in the
    order they were written, or grouped by the column `by` (a child table read in step with
    its parents, in that order within each parent)."""
    if table not in (*TABLES, TOMBSTONES):  # names come from code, never from input; this keeps it so
        raise ValueError(f"{table} is not a table of the journal")
    cursor = journal.conn.execute(f"SELECT * FROM {table} ORDER BY {by + ', ' if by else ''}rowid")
    names = [column[0] for column in cursor.description]
    for row in cursor:
        yield dict(zip(names, row, strict=True))


def uids(journal: Journal, table: str) -> dict[int, str]:
    """Each row's uid by its id: how an export names the rows others point at."""
    if table not in TABLES:
        raise ValueError(f"{table} is not a table of the journal")
    return dict(journal.conn.execute(f"SELECT id, uid FROM {table}").fetchall())


def columns(journal: Journal, table: str) -> list[str]:
    return [row["name"] for row in journal.conn.execute(f"PRAGMA table_info({table})")]


def known_uids(journal: Journal, table: str, wanted: list[str]) -> set[str]:
    """Which of `wanted` (a few hundred at a time) the journal's `table` already holds."""
    if table not in TABLES:
        raise ValueError(f"{table} is not a table of the journal")
    if not wanted:
        return set()
    marks = ", ".join("?" * len(wanted))
    return {row[0] for row in journal.conn.execute(f"SELECT uid FROM {table} WHERE uid IN ({marks})", wanted)}
