"""The import's records that carry rows of their own: a person (by name too), a check-in
with its people and tags, a life event with its people, a goal with its history and
ratings. `merging.py` merges everything else, and in which order."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ipt_journal.errors import InputError
from ipt_journal.store.merge_rows import MergeRows

if TYPE_CHECKING:
    from ipt_journal.safekeeping.portable import CheckinDoc, EventDoc, GoalDoc, PersonDoc


class LinkedMerges(MergeRows):
    """Merging one record together with the rows linked to it."""

    def _person(self, person: PersonDoc) -> None:
        from ipt_journal.store.people import PERSON_FIELDS  # here: every command imports this module

        taken = self.conn.execute(
            "SELECT uid FROM people WHERE name = ? COLLATE NOCASE AND uid != ?", (person.name, person.uid)
        ).fetchone()
        if taken:
            raise InputError(
                f"The imported {person.name} is a different person from the {person.name} in your journal "
                "(their ids differ). Rename one of them first. Nothing was imported."
            )
        values = {field: value_of(getattr(person, field)) for field in PERSON_FIELDS}
        values["can_confide"] = int_or_none(person.can_confide)
        values.update(created_at=person.created_at, updated_at=person.updated_at)
        person_id, _ = self._upsert("people", person.uid, values)
        self._remember("people", person.uid, person_id)

    def _checkin(self, checkin: CheckinDoc) -> None:
        checkin_id, changed = self._upsert(
            "checkins",
            checkin.uid,
            {
                "day": checkin.day.isoformat(),
                "mood": checkin.mood,
                "note": checkin.note,
                "created_at": checkin.created_at,
                "updated_at": checkin.updated_at,
                "local_time": checkin.local_time,
            },
        )
        self._remember("checkins", checkin.uid, checkin_id)
        if changed is None:
            return  # the journal's check-in is newer: its people and tags stay too
        added = self.added_last
        wanted = [
            (person, i.quality, i.created_at, i.updated_at)
            for i in checkin.people
            if (person := self._ref("people", i.person)) is not None  # None: deleted here since
        ]
        if not added:  # a check-in just added has no people or tags to compare
            have = self.conn.execute(
                "SELECT person_id, quality, created_at, updated_at FROM interactions "
                "WHERE checkin_id = ? ORDER BY id",
                (checkin_id,),
            ).fetchall()
            tags = [
                row[0]
                for row in self.conn.execute(
                    "SELECT tag FROM checkin_tags WHERE checkin_id = ? ORDER BY rowid", (checkin_id,)
                )
            ]
            if [tuple(row) for row in have] == wanted and tags == checkin.tags:
                return
            self.conn.execute("DELETE FROM interactions WHERE checkin_id = ?", (checkin_id,))
            self.conn.execute("DELETE FROM checkin_tags WHERE checkin_id = ?", (checkin_id,))
        self.conn.executemany(
            "INSERT INTO interactions (checkin_id, person_id, quality, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?)",
            [(checkin_id, *interaction) for interaction in wanted],
        )
        self.conn.executemany(
            "INSERT INTO checkin_tags (checkin_id, tag) VALUES (?, ?)",
            [(checkin_id, tag) for tag in checkin.tags],
        )
        if not changed:
            self._count("checkins", "updated")

    def _event(self, event: EventDoc) -> None:
        event_id, changed = self._upsert(
            "events",
            event.uid,
            {
                "day": event.day.isoformat(),
                "approximate": int(event.approximate),
                "kind": event.kind.value,
                "note": event.note,
                "created_at": event.created_at,
                "updated_at": event.updated_at,
            },
        )
        if event_id is None:
            return  # deleted here since
        wanted = [person for uid in event.people if (person := self._ref("people", uid)) is not None]
        have = [
            row[0]
            for row in self.conn.execute(
                "SELECT person_id FROM event_people WHERE event_id = ? ORDER BY rowid", (event_id,)
            )
        ]
        if have != wanted:
            self.conn.execute("DELETE FROM event_people WHERE event_id = ?", (event_id,))
            self.conn.executemany(
                "INSERT INTO event_people (event_id, person_id) VALUES (?, ?)",
                [(event_id, person_id) for person_id in wanted],
            )
            if not changed:
                self._count("events", "updated")

    def _goal(self, goal: GoalDoc) -> None:
        goal_id, _ = self._upsert(
            "goals",
            goal.uid,
            {
                "text": goal.text,
                "status": goal.status,
                "closed_on": goal.closed_on.isoformat() if goal.closed_on else None,
                "set_on": _set_on(goal),
                "created_at": goal.created_at,
                "updated_at": goal.updated_at,
            },
        )
        self._remember("goals", goal.uid, goal_id)
        if goal_id is None:
            return  # deleted here since
        for entry in goal.history:
            exists = self.conn.execute(
                "SELECT 1 FROM goal_history WHERE goal_id = ? AND text = ? AND status = ? AND changed_at = ?",
                (goal_id, entry.text, entry.status, entry.changed_at),
            ).fetchone()
            if not exists:
                self.conn.execute(
                    "INSERT INTO goal_history (goal_id, text, status, changed_at) VALUES (?, ?, ?, ?)",
                    (goal_id, entry.text, entry.status, entry.changed_at),
                )
                self._count("goal_history", "added")
        for rating in goal.ratings:
            checkin_id = self._ref("checkins", rating.checkin)
            if checkin_id is None:
                continue  # its check-in was deleted here since
            row = self.conn.execute(
                "SELECT rating, created_at FROM goal_ratings WHERE goal_id = ? AND checkin_id = ?",
                (goal_id, checkin_id),
            ).fetchone()
            if row is None:
                self.conn.execute(
                    "INSERT INTO goal_ratings (goal_id, checkin_id, rating, created_at) VALUES (?, ?, ?, ?)",
                    (goal_id, checkin_id, rating.rating, rating.created_at),
                )
                self._count("goal_ratings", "added")
            elif tuple(row) != (rating.rating, rating.created_at):
                self.conn.execute(
                    "UPDATE goal_ratings SET rating = ?, created_at = ? WHERE goal_id = ? AND checkin_id = ?",
                    (rating.rating, rating.created_at, goal_id, checkin_id),
                )
                self._count("goal_ratings", "updated")


def _set_on(goal: GoalDoc) -> str | None:
    """The day a goal was set. An export from before m018 has none: the day it was typed
    (UTC) stands in. One that says null keeps it, so an export imports back the same."""
    if "set_on" not in goal.model_fields_set:
        return goal.created_at[:10]
    return goal.set_on.isoformat() if goal.set_on else None


def value_of(value: Any) -> Any:
    """An enum as its stored text; anything else as it is."""
    return getattr(value, "value", value)


def int_or_none(flag: bool | None) -> int | None:
    return None if flag is None else int(flag)
