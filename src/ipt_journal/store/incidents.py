"""Interpersonal incidents: what happened with one person, in one line, beside how time
with them went in a check-in (issue 23, point 1). Written with their check-in (in its
transaction), read by `checkin show`, `inventory show`, `ipt prep`, the reports, and by a
communication analysis that starts from one."""

import datetime as dt
from typing import TYPE_CHECKING, NamedTuple

from ipt_journal.errors import NotFound
from ipt_journal.store.repository import Repository, new_uid

if TYPE_CHECKING:
    from collections.abc import Iterable

    from ipt_journal.models import CheckinIn
    from ipt_journal.safekeeping.portable import IncidentDoc
    from ipt_journal.store.merge_rows import MergeRows


class Incident(NamedTuple):
    id: int
    checkin_id: int
    day: str  # its check-in's day
    person: str
    quality: int | None  # how it went with them that time (None: nobody said)
    what_happened: str


_SELECT = (
    "SELECT n.id, n.checkin_id, c.day, p.name AS person, i.quality, n.what_happened "
    "FROM incidents n JOIN checkins c ON c.id = n.checkin_id JOIN people p ON p.id = n.person_id "
    "LEFT JOIN interactions i ON i.checkin_id = n.checkin_id AND i.person_id = n.person_id "
)


class IncidentStore(Repository):
    def get(self, incident_id: int) -> Incident:
        row = self._one(_SELECT + "WHERE n.id = ?", (incident_id,))
        if row is None:
            raise NotFound(
                f"There is no incident #{incident_id}.",
                "Incidents are what happened with someone in a check-in: find them with "
                "ipt search WORDS --kind incident, or ipt checkin show ID.",
            )
        return Incident(**dict(row))

    def all(
        self,
        since: dt.date | None = None,
        until: dt.date | None = None,
        person: str | None = None,
    ) -> list[Incident]:
        """Incidents oldest first (by their check-in's day), those matching every filter."""
        sql = _SELECT + "WHERE 1 = 1"
        params: list[object] = []
        if since is not None:
            sql += " AND c.day >= ?"
            params.append(since.isoformat())
        if until is not None:
            sql += " AND c.day <= ?"
            params.append(until.isoformat())
        if person is not None:
            sql += " AND n.person_id = ?"
            params.append(self.journal.people.named(person).id)
        sql += " ORDER BY c.day, n.id"
        return [Incident(**dict(row)) for row in self._all(sql, params)]

    def write(self, checkin_id: int, checkin: "CheckinIn", person_ids: dict[str, int], stamp: str) -> None:
        """Inside the caller's transaction: the check-in's incidents as `checkin` says. A person
        whose what-happened is None keeps the one they had (an edit that does not mention it
        loses no words); an empty one removes it; anyone no longer on the check-in loses theirs."""
        on_it = [person_ids[i.name.casefold()] for i in checkin.people]
        marks = ", ".join("?" * len(on_it))
        self.conn.execute(
            f"DELETE FROM incidents WHERE checkin_id = ? AND person_id NOT IN ({marks})",
            [checkin_id, *on_it],
        )
        for interaction in checkin.people:
            person_id = person_ids[interaction.name.casefold()]
            words = interaction.what_happened
            if words is None:
                continue
            if not words:
                self.conn.execute(
                    "DELETE FROM incidents WHERE checkin_id = ? AND person_id = ?", (checkin_id, person_id)
                )
                continue
            self.conn.execute(
                "INSERT INTO incidents (uid, checkin_id, person_id, what_happened, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (checkin_id, person_id) DO UPDATE SET "
                "what_happened = excluded.what_happened, updated_at = excluded.updated_at "
                "WHERE what_happened != excluded.what_happened",
                (new_uid(), checkin_id, person_id, words, stamp, stamp),
            )


def merge_incidents(merge: "MergeRows", incidents: "Iterable[IncidentDoc]") -> None:
    """An import's incidents, after its check-ins, by uid as every record (store.merging).
    One incident per person and check-in: where the journal has another for the same pair
    (each copy wrote one), the one changed later stays."""
    for incident in incidents:
        checkin_id = merge._ref("checkins", incident.checkin)
        person_id = merge._ref("people", incident.person)
        if checkin_id is None or person_id is None:
            continue  # its check-in or person was deleted here since
        other = merge.conn.execute(
            "SELECT id, updated_at FROM incidents WHERE checkin_id = ? AND person_id = ? AND uid != ?",
            (checkin_id, person_id, incident.uid),
        ).fetchone()
        if other is not None:
            if other["updated_at"] >= incident.updated_at:
                merge._count("incidents", "skipped")
                continue
            merge.conn.execute("DELETE FROM incidents WHERE id = ?", (other["id"],))
        merge._upsert(
            "incidents",
            incident.uid,
            {
                "checkin_id": checkin_id,
                "person_id": person_id,
                "what_happened": incident.what_happened,
                "created_at": incident.created_at,
                "updated_at": incident.updated_at,
            },
        )
