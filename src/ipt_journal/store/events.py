"""Life events: what happened, when, and with whom; the interpersonal timeline's points."""

import datetime as dt
import sqlite3
from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

from ipt_journal.errors import NotFound
from ipt_journal.store.repository import Repository, new_uid, now

if TYPE_CHECKING:
    from ipt_journal.models import BringIn, LifeEventIn

# Names are joined with a character no one types, and split again in Python.
_NAME_SEPARATOR = "\x1f"


class LifeEvent(NamedTuple):
    id: int
    day: str  # YYYY-MM-DD; the 1st of the month when `approximate`
    approximate: bool  # only the month is known
    kind: str
    people: list[str]
    note: str | None
    uid: str = ""
    created_at: str = ""
    updated_at: str = ""

    @property
    def when(self) -> str:
        """The date as the person gave it: '2024-03-14', or '2024-03' for a month."""
        return self.day[:7] if self.approximate else self.day


_SELECT = f"""
    SELECT e.id, e.day, e.approximate, e.kind, e.note, e.uid, e.created_at, e.updated_at,
           (SELECT group_concat(name, '{_NAME_SEPARATOR}') FROM (
                SELECT p.name FROM event_people ep JOIN people p ON p.id = ep.person_id
                WHERE ep.event_id = e.id ORDER BY p.name COLLATE NOCASE)) AS names
    FROM events e
"""
_ORDER = " ORDER BY e.day, e.id"


class EventStore(Repository):
    def add(self, event: "LifeEventIn", bring: "Sequence[BringIn]" = ()) -> LifeEvent:
        """Save an event with its people (checked first: an unknown name saves nothing) and
        anything to bring to the next session about it."""
        with self.journal.writing():
            person_ids = self._person_ids(event.people)
            stamp = now()
            event_id = self._insert(
                "INSERT INTO events (uid, day, approximate, kind, note, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    new_uid(),
                    event.day.isoformat(),
                    int(event.approximate),
                    event.kind,
                    event.note,
                    stamp,
                    stamp,
                ),
            )
            self._link(event_id, person_ids)
            for item in bring:
                self.journal.bring.insert(item)
        return self.get(event_id)

    def get(self, event_id: int) -> LifeEvent:
        row = self._one(f"{_SELECT} WHERE e.id = ?", (event_id,))
        if row is None:
            raise NotFound(f"There is no life event #{event_id}.", "See the ids with: ipt event list")
        return _event(row)

    def between(self, since: dt.date | None = None, until: dt.date | None = None) -> list[LifeEvent]:
        """Events from `since` to `until` (both included, either open), oldest first. An event
        known only by its month counts as in the window when its month overlaps it."""
        sql = f"{_SELECT} WHERE 1 = 1"
        params: dict[str, object] = {}
        if since is not None:
            sql += " AND e.day >= CASE WHEN e.approximate THEN :since_month ELSE :since END"
            params.update(since=since.isoformat(), since_month=since.replace(day=1).isoformat())
        if until is not None:
            sql += " AND e.day <= :until"
            params["until"] = until.isoformat()
        return [_event(row) for row in self._all(sql + _ORDER, params)]

    def with_person(self, person_id: int) -> list[LifeEvent]:
        """The events a person was part of, oldest first."""
        sql = f"{_SELECT} WHERE e.id IN (SELECT event_id FROM event_people WHERE person_id = ?)"
        return [_event(row) for row in self._all(sql + _ORDER, (person_id,))]

    def update(self, event_id: int, event: "LifeEventIn") -> LifeEvent:
        self.get(event_id)
        with self.journal.writing():
            person_ids = self._person_ids(event.people)
            self.conn.execute(
                "UPDATE events SET day = ?, approximate = ?, kind = ?, note = ?, updated_at = ? WHERE id = ?",
                (event.day.isoformat(), int(event.approximate), event.kind, event.note, now(), event_id),
            )
            self.conn.execute("DELETE FROM event_people WHERE event_id = ?", (event_id,))
            self._link(event_id, person_ids)
        return self.get(event_id)

    def delete(self, event_id: int) -> None:
        self.get(event_id)
        with self.journal.writing():
            self.conn.execute("DELETE FROM events WHERE id = ?", (event_id,))
        self.journal.fold_wal()

    def _person_ids(self, names: list[str]) -> list[int]:
        return [self.journal.people.named(name).id for name in names]

    def _link(self, event_id: int, person_ids: list[int]) -> None:
        self.conn.executemany(
            "INSERT INTO event_people (event_id, person_id) VALUES (?, ?)",
            [(event_id, person_id) for person_id in person_ids],
        )


def _event(row: sqlite3.Row) -> LifeEvent:
    return LifeEvent(
        id=row["id"],
        day=row["day"],
        approximate=bool(row["approximate"]),
        kind=row["kind"],
        people=row["names"].split(_NAME_SEPARATOR) if row["names"] else [],
        note=row["note"],
        uid=row["uid"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
    )
