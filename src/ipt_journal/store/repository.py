"""What every part of the journal's storage shares: a repository over the journal's one
connection, and the stamps and ids each new row gets."""

from __future__ import annotations

import datetime as dt
import sqlite3
import uuid
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ipt_journal.store.core import Journal


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

    def __init__(self, journal: Journal):
        self.journal = journal
        self.conn = journal.conn

    def _all(self, sql: str, params=()) -> list[sqlite3.Row]:
        return self.conn.execute(sql, params).fetchall()

    def _one(self, sql: str, params=()) -> sqlite3.Row | None:
        return self.conn.execute(sql, params).fetchone()
