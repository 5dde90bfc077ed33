"""What every part of the journal's storage shares: a repository over the journal's one
connection, and the stamps and ids each new row gets."""

from __future__ import annotations

import datetime as dt
import sqlite3
import uuid
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal, get_args

if TYPE_CHECKING:
    from ipt_journal.store.core import Journal

# What sqlite3 binds to a statement's placeholders.
Params = Sequence[Any] | Mapping[str, Any]

# Every table whose records have a uid: a deletion from one of them leaves a tombstone
# (migration m012's triggers for these, a later migration's for a later table), and an
# export's `deleted` list names one of them.
TombstonedByM012 = Literal[
    "people",
    "checkins",
    "measures",
    "courses",
    "goals",
    "safety_plan_items",
    "reviews",
    "coping_log",
    "coping_strategies",
    "exercises",
    "homework",
    "events",
    "therapy_sessions",
    "bring_items",
]
TombstonedTable = Literal[TombstonedByM012, "incidents", "pathway_steps", "pathway_weeks"]  # m015, m019
TOMBSTONED_BY_M012: tuple[str, ...] = get_args(TombstonedByM012)
TOMBSTONED: tuple[str, ...] = get_args(TombstonedTable)


def now() -> str:
    return stamp(dt.datetime.now(dt.UTC))


def stamp(moment: dt.datetime) -> str:
    """A row's created_at or updated_at: UTC, to the second, with Z. A naive `moment` is
    this computer's local time (an imported entry's time of day)."""
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def new_uid() -> str:
    return uuid.uuid4().hex


class Repository:
    """The few queries one part of the journal needs. It writes on the journal's connection:
    its own writes take `journal.writing()`, and its `insert`-style methods join a
    transaction the caller holds, so several parts can be saved as one."""

    def __init__(self, journal: Journal) -> None:
        self.journal = journal
        self.conn = journal.conn

    def _all(self, sql: str, params: Params = ()) -> list[sqlite3.Row]:
        return self.conn.execute(sql, params).fetchall()

    def _one(self, sql: str, params: Params = ()) -> sqlite3.Row | None:
        row: sqlite3.Row | None = self.conn.execute(sql, params).fetchone()
        return row

    def _row(self, sql: str, params: Params = ()) -> sqlite3.Row:
        """The row of a query that always has one: an aggregate (count(), min()...), or a row
        this transaction has just written."""
        row: sqlite3.Row = self.conn.execute(sql, params).fetchone()
        return row

    def _write_one_row(self, table: str, given: Mapping[str, str | None]) -> None:
        """Inside the caller's transaction: create a one-row table's row (id 1) if missing,
        then write the columns `given` (an empty text is stored as NULL, never as ''). For
        the plans ipt keeps one of: the staying-well plan, the safety plan's closing answers."""
        stamp = now()
        if self._one(f"SELECT 1 FROM {table} WHERE id = 1") is None:
            self.conn.execute(
                f"INSERT INTO {table} (id, uid, created_at, updated_at) VALUES (1, ?, ?, ?)",
                (new_uid(), stamp, stamp),
            )
        if given:
            assignments = ", ".join(f"{column} = ?" for column in given)
            self.conn.execute(
                f"UPDATE {table} SET {assignments}, updated_at = ? WHERE id = 1",
                [*(value or None for value in given.values()), stamp],
            )

    def _insert(self, sql: str, params: Params = ()) -> int:
        """Run one INSERT; the new row's id."""
        return inserted(self.conn.execute(sql, params))


def inserted(cursor: sqlite3.Cursor) -> int:
    """The id of the row the INSERT run on `cursor` added."""
    if cursor.lastrowid is None:
        raise RuntimeError("not an INSERT: no row id")
    return cursor.lastrowid
