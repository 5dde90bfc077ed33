"""Therapy sessions held, and the things to bring to the next one."""

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

from ipt_journal.errors import InputError, NotFound
from ipt_journal.store.repository import Repository, new_uid, now

if TYPE_CHECKING:
    from ipt_journal.models import BringIn, HomeworkIn, TherapySessionIn


class TherapySession(NamedTuple):
    id: int
    uid: str
    day: str
    with_whom: str | None  # None: a self-guided session
    worked_on: str | None
    agreed: str | None
    created_at: str
    updated_at: str

    def fields(self) -> dict:
        """What an edit starts from: the session as TherapySessionIn takes it."""
        return {
            "day": dt.date.fromisoformat(self.day),
            "with_whom": self.with_whom,
            "worked_on": self.worked_on,
            "agreed": self.agreed,
        }


class BringItem(NamedTuple):
    id: int
    uid: str
    text: str
    added_on: str
    source: str
    discussed_session_id: int | None
    created_at: str
    updated_at: str

    @property
    def open(self) -> bool:
        return self.discussed_session_id is None


class TherapySessionStore(Repository):
    def add(
        self,
        held: "TherapySessionIn",
        homework: "Sequence[HomeworkIn]" = (),
        discussed: list[int] | None = None,
    ) -> TherapySession:
        """Save a session with the homework agreed in it, and mark things to bring as discussed
        (`discussed`: their ids; None: every open one noted by the session's day): all together
        or not at all."""
        stamp = now()
        with self.journal.writing():
            session_id = self._insert(
                "INSERT INTO therapy_sessions (uid, day, with_whom, worked_on, agreed, created_at, "
                "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (new_uid(), held.day.isoformat(), held.with_whom, held.worked_on, held.agreed, stamp, stamp),
            )
            for item in homework:
                self.journal.homework.insert(item)
            self.journal.bring.mark_discussed(session_id, held.day, discussed)
        return self.get(session_id)

    def update(self, session_id: int, held: "TherapySessionIn") -> TherapySession:
        self.get(session_id)
        with self.journal.writing():
            self.conn.execute(
                "UPDATE therapy_sessions SET day = ?, with_whom = ?, worked_on = ?, agreed = ?, "
                "updated_at = ? WHERE id = ?",
                (held.day.isoformat(), held.with_whom, held.worked_on, held.agreed, now(), session_id),
            )
        return self.get(session_id)

    def delete(self, session_id: int) -> None:
        """Delete a session; what was discussed in it goes back to the open things to bring."""
        self.get(session_id)
        with self.journal.writing():
            self.conn.execute(
                "UPDATE bring_items SET discussed_session_id = NULL, updated_at = ? "
                "WHERE discussed_session_id = ?",
                (now(), session_id),
            )
            self.conn.execute("DELETE FROM therapy_sessions WHERE id = ?", (session_id,))
        self.journal.fold_wal()

    def get(self, session_id: int) -> TherapySession:
        row = self._one("SELECT * FROM therapy_sessions WHERE id = ?", (session_id,))
        if row is None:
            raise NotFound(f"There is no session #{session_id}.", "See the ids with: ipt session list")
        return TherapySession(**dict(row))

    def all(self, since: dt.date | None = None, until: dt.date | None = None) -> list[TherapySession]:
        """Oldest first, within the days given."""
        rows = self._all(
            "SELECT * FROM therapy_sessions WHERE day >= ? AND day <= ? ORDER BY day, id",
            ((since or dt.date.min).isoformat(), (until or dt.date.max).isoformat()),
        )
        return [TherapySession(**dict(row)) for row in rows]

    def last(self, before: dt.date | None = None) -> TherapySession | None:
        """The latest session on or before `before` (default: any)."""
        row = self._one(
            "SELECT * FROM therapy_sessions WHERE day <= ? ORDER BY day DESC, id DESC LIMIT 1",
            ((before or dt.date.max).isoformat(),),
        )
        return TherapySession(**dict(row)) if row else None

    def count_since(self, since: dt.date, until: dt.date | None = None) -> int:
        return self._row(
            "SELECT count(*) FROM therapy_sessions WHERE day >= ? AND day <= ?",
            (since.isoformat(), (until or dt.date.max).isoformat()),
        )[0]


class BringStore(Repository):
    def add(self, item: "BringIn") -> BringItem:
        with self.journal.writing():
            item_id = self.insert(item)
        return self.get(item_id)

    def insert(self, item: "BringIn") -> int:
        stamp = now()
        return self._insert(
            "INSERT INTO bring_items (uid, text, added_on, source, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (new_uid(), item.text, item.added_on.isoformat(), item.source, stamp, stamp),
        )

    def get(self, item_id: int) -> BringItem:
        row = self._one("SELECT * FROM bring_items WHERE id = ?", (item_id,))
        if row is None:
            raise NotFound(
                f"There is no thing to bring #{item_id}.", "See the ids with: ipt bring list --all"
            )
        return BringItem(**dict(row))

    def all(self, open_only: bool = True) -> list[BringItem]:
        """Open ones first, oldest first; then those discussed, latest first."""
        where = "WHERE discussed_session_id IS NULL" if open_only else ""
        rows = self._all(
            f"SELECT * FROM bring_items {where} "
            "ORDER BY discussed_session_id IS NOT NULL, "
            "CASE WHEN discussed_session_id IS NULL THEN added_on END, added_on DESC, id"
        )
        return [BringItem(**dict(row)) for row in rows]

    def discussed_in(self, session_id: int) -> list[BringItem]:
        rows = self._all(
            "SELECT * FROM bring_items WHERE discussed_session_id = ? ORDER BY id", (session_id,)
        )
        return [BringItem(**dict(row)) for row in rows]

    def mark_discussed(self, session_id: int, day: dt.date, item_ids: list[int] | None = None) -> None:
        """Inside the caller's transaction: the given open items were discussed (None: all those
        noted by `day`; one noted later cannot have been)."""
        rows = self._all("SELECT id, added_on FROM bring_items WHERE discussed_session_id IS NULL")
        open_ids = [row[0] for row in rows]
        chosen = [row[0] for row in rows if row[1] <= day.isoformat()] if item_ids is None else item_ids
        unknown = sorted(set(chosen) - set(open_ids))
        if unknown:
            raise InputError(
                f"#{unknown[0]} is not an open thing to bring.", "See the open ones with: ipt bring list"
            )
        self.conn.executemany(
            "UPDATE bring_items SET discussed_session_id = ?, updated_at = ? WHERE id = ?",
            [(session_id, now(), item_id) for item_id in chosen],
        )

    def remove(self, item_id: int) -> None:
        self.get(item_id)
        with self.journal.writing():
            self.conn.execute("DELETE FROM bring_items WHERE id = ?", (item_id,))
        self.journal.fold_wal()
