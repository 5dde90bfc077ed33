"""Weekly check-ins with the people and tags they name, and the SQL aggregates over them
that reports read (weekly mood, people patterns, the inner circle not seen)."""

import datetime as dt
import sqlite3
from collections.abc import Callable, Sequence
from collections.abc import Set as AbstractSet
from typing import TYPE_CHECKING, Any, NamedTuple

from ipt_journal.errors import NotFound
from ipt_journal.store.people import _quoted, raise_deceased, unknown_name_message
from ipt_journal.store.repository import Repository, new_uid, now

if TYPE_CHECKING:
    from ipt_journal.models import CheckinDraft, CheckinIn, PersonIn


class Interaction(NamedTuple):
    name: str
    quality: int | None  # None: how it went unknown (imported)
    what_happened: str | None = None  # one line on what happened with them (an incident)
    incident: int | None = None  # that incident's id (ipt exercise start ... --from-incident)


class Checkin(NamedTuple):
    id: int
    uid: str
    day: str
    mood: int
    note: str | None
    created_at: str
    updated_at: str
    local_time: str | None  # HH:MM as the person's clock said; None when back-dated
    people: list[Interaction]  # filled in after the check-in's own row is read
    tags: list[str]

    def fields(self) -> dict:
        """The editable fields, as CheckinIn takes them."""
        return {
            "day": self.day,
            "mood": self.mood,
            "note": self.note,
            "people": [
                {"name": i.name, "quality": i.quality, "what_happened": i.what_happened} for i in self.people
            ],
            "tags": list(self.tags),
        }


class CheckinStore(Repository):
    def add(self, draft: "CheckinDraft | CheckinIn") -> Checkin:
        """Save a check-in with all that comes with it (a CheckinDraft: newcomers it names,
        questionnaires, goal ratings, homework it closes, things to bring): all together or
        not at all. A bare CheckinIn is a check-in with nothing else."""
        from ipt_journal.models import CheckinDraft

        if not isinstance(draft, CheckinDraft):
            draft = CheckinDraft(draft)
        checkin, newcomers, ratings = draft.checkin, draft.newcomers, draft.ratings
        with self.journal.writing():
            if ratings:  # a check-in without ratings need not load the goals' part
                self.journal.goals.check_open([rating.goal_id for rating in ratings])
            self.check_names(checkin, newcomers)
            for person in newcomers:
                self.journal.people.insert(person)
            stamp = now()
            from ipt_journal.text.dates import local_time_now

            row_id = self._insert(
                "INSERT INTO checkins (uid, day, mood, note, created_at, updated_at, local_time) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    new_uid(),
                    checkin.day.isoformat(),
                    checkin.mood,
                    checkin.note,
                    stamp,
                    stamp,
                    local_time_now(checkin.day),
                ),
            )
            self._write_people_and_tags(row_id, checkin, stamp)
            for measure in draft.measures:
                self.journal.measures.insert(measure, row_id)
            # Questionnaires the wizard saved as soon as they were answered.
            if draft.saved_measures:
                self.journal.measures.attach(draft.saved_measures, row_id)
            self.conn.executemany(
                "INSERT INTO goal_ratings (goal_id, checkin_id, rating, created_at) VALUES (?, ?, ?, ?)",
                [(rating.goal_id, row_id, rating.rating, stamp) for rating in ratings],
            )
            for homework_id, status, result in draft.homework:
                self.journal.homework.mark_closed(homework_id, status, checkin.day, result)
            for item in draft.bring:
                self.journal.bring.insert(item)
        return self.get(row_id)

    def update(self, checkin_id: int, checkin: "CheckinIn") -> Checkin:
        with self.journal.writing():
            # Someone who has since died may stay on a check-in from before: only adding them is refused.
            before = self._all(
                "SELECT p.name FROM interactions i JOIN people p ON p.id = i.person_id "
                "WHERE i.checkin_id = ?",
                (checkin_id,),
            )
            self.check_names(checkin, already={row["name"].casefold() for row in before})
            stamp = now()
            self.conn.execute(
                # A check-in moved to another day keeps no time of day (it was not written then).
                "UPDATE checkins SET local_time = CASE WHEN day = ? THEN local_time END, "
                "day = ?, mood = ?, note = ?, updated_at = ? WHERE id = ?",
                (
                    checkin.day.isoformat(),
                    checkin.day.isoformat(),
                    checkin.mood,
                    checkin.note,
                    stamp,
                    checkin_id,
                ),
            )
            self.conn.execute("DELETE FROM interactions WHERE checkin_id = ?", (checkin_id,))
            self.conn.execute("DELETE FROM checkin_tags WHERE checkin_id = ?", (checkin_id,))
            self._write_people_and_tags(checkin_id, checkin, stamp)
        return self.get(checkin_id)

    def check_names(
        self,
        checkin: "CheckinIn",
        newcomers: "Sequence[PersonIn]" = (),
        already: AbstractSet[str] = frozenset(),
    ) -> None:
        """Every name a check-in mentions must be known, or be one of its newcomers, and alive
        unless `already` (casefolded) had them on it."""
        rows = self._all("SELECT name, status FROM people")
        known = [row["name"] for row in rows]
        known_keys = {name.casefold() for name in known}
        died = {row["name"].casefold(): row["name"] for row in rows if row["status"] == "deceased"}
        new_keys = {person.name.casefold() for person in newcomers}
        for person in newcomers:
            self.journal.people.check_name_free(person.name)
        for interaction in checkin.people:
            if interaction.name.casefold() in died.keys() - already:
                raise_deceased(died[interaction.name.casefold()])
            if interaction.name.casefold() not in known_keys | new_keys:
                raise NotFound(
                    unknown_name_message(interaction.name, known),
                    f"Add them first: ipt inventory add --name {_quoted(interaction.name)} "
                    "--relationship RELATIONSHIP",
                )

    def _write_people_and_tags(self, checkin_id: int, checkin: "CheckinIn", stamp: str) -> None:
        ids = {row["name"].casefold(): row["id"] for row in self._all("SELECT id, name FROM people")}
        self.conn.executemany(
            "INSERT INTO interactions (checkin_id, person_id, quality, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?)",
            [
                (checkin_id, ids[interaction.name.casefold()], interaction.quality, stamp, stamp)
                for interaction in checkin.people
            ],
        )
        self.conn.executemany(
            "INSERT INTO checkin_tags (checkin_id, tag) VALUES (?, ?)",
            [(checkin_id, tag) for tag in checkin.tags],
        )
        self.journal.incidents.write(checkin_id, checkin, ids, stamp)

    def get(self, checkin_id: int) -> Checkin:
        row = self._one("SELECT * FROM checkins WHERE id = ?", (checkin_id,))
        if row is None:
            raise NotFound(f"There is no check-in #{checkin_id}.", "See the ids with: ipt checkin list")
        return self._with_people_and_tags([row])[0]

    def all(
        self,
        limit: int | None = None,
        since: dt.date | None = None,
        until: dt.date | None = None,
        person: str | None = None,
        tag: str | None = None,
        mood_below: int | None = None,
        mood_above: int | None = None,
        contains: str | None = None,
    ) -> list[Checkin]:
        """Check-ins newest first, those matching every filter given. `contains` is words
        the note holds (each also as the start of a longer word), found through the index."""
        from ipt_journal.store.search import plain_words

        sql = "SELECT * FROM checkins c WHERE 1 = 1"
        params: list[object] = []
        conditions: list[tuple[object, str, Callable[[Any], object]]] = [
            (since, "c.day >= ?", lambda d: d.isoformat()),
            (until, "c.day <= ?", lambda d: d.isoformat()),
            (mood_below, "c.mood < ?", int),
            (mood_above, "c.mood > ?", int),
            (tag, "c.id IN (SELECT checkin_id FROM checkin_tags WHERE tag = ? COLLATE NOCASE)", str),
            (
                person,
                "c.id IN (SELECT checkin_id FROM interactions WHERE person_id = ?)",
                lambda name: self.journal.people.named(name).id,
            ),
            (
                contains,
                "c.id IN (SELECT rowid FROM checkins_fts WHERE checkins_fts MATCH ?)",
                lambda text: plain_words(text, prefix=True),
            ),
        ]
        if contains is not None and not plain_words(contains):
            return []  # no word in it to look for
        for value, condition, convert in conditions:
            if value is not None:
                sql += f" AND {condition}"
                params.append(convert(value))
        sql += " ORDER BY c.day DESC, c.id DESC"
        if limit:
            sql += " LIMIT ?"
            params.append(limit)
        return self._with_people_and_tags(self._all(sql, params))

    def _with_people_and_tags(self, rows: list[sqlite3.Row]) -> list[Checkin]:
        checkins = {row["id"]: Checkin(**dict(row), people=[], tags=[]) for row in rows}
        if not checkins:
            return []
        marks = ", ".join("?" * len(checkins))
        for row in self._all(
            "SELECT i.checkin_id, p.name, i.quality, n.what_happened, n.id AS incident FROM interactions i "
            "JOIN people p ON p.id = i.person_id "
            "LEFT JOIN incidents n ON n.checkin_id = i.checkin_id AND n.person_id = i.person_id "
            f"WHERE i.checkin_id IN ({marks}) "
            "ORDER BY p.closeness IS NULL, p.closeness, p.name COLLATE NOCASE",
            list(checkins),
        ):
            checkins[row["checkin_id"]].people.append(
                Interaction(row["name"], row["quality"], row["what_happened"], row["incident"])
            )
        for row in self._all(
            f"SELECT checkin_id, tag FROM checkin_tags WHERE checkin_id IN ({marks}) ORDER BY tag",
            list(checkins),
        ):
            checkins[row["checkin_id"]].tags.append(row["tag"])
        return list(checkins.values())

    def delete(self, checkin_id: int) -> None:
        with self.journal.writing():
            self.conn.execute("DELETE FROM checkins WHERE id = ?", (checkin_id,))
        self.journal.fold_wal()

    def counts(self) -> sqlite3.Row:
        return self._row(
            "SELECT (SELECT count(*) FROM people) AS people, "
            "(SELECT count(*) FROM checkins) AS checkins, "
            "(SELECT max(day) FROM checkins) AS last_checkin"
        )

    def weekly_mood(self, since: dt.date, until: dt.date | None = None) -> list[sqlite3.Row]:
        """Per ISO week (keyed by its Monday) from `since` to `until` (any, if None): check-ins,
        mood sum and mean."""
        return self._all(
            """
            SELECT date(day, '-' || ((CAST(strftime('%w', day) AS INTEGER) + 6) % 7) || ' days')
                       AS monday,
                   count(*) AS checkins, total(mood) AS mood_sum, avg(mood) AS mean_mood
            FROM checkins WHERE day >= ? AND day <= ? GROUP BY monday ORDER BY monday
            """,
            (since.isoformat(), (until or dt.date.max).isoformat()),
        )

    def people_patterns(
        self, since: dt.date, compare_from: dt.date | None = None, until: dt.date | None = None
    ) -> list[sqlite3.Row]:
        """Per living person seen from `since` to `until` (any, if None): interactions (one per
        check-in at most), mean quality and last contact; and, over the check-ins from
        `compare_from` on (default `since`: a comparison never reaches back across a gap),
        the check-ins with them (`compared`) and the mean mood of those with and without them."""
        return self._all(
            """
            WITH win AS (SELECT id, day, mood, day >= :compare AS cmp FROM checkins
                         WHERE day >= :since AND day <= :until),
                 totals AS (SELECT count(*) AS n, total(mood) AS s FROM win WHERE cmp)
            SELECT p.name, p.closeness, count(*) AS interactions,
                   avg(i.quality) AS mean_quality,
                   count(CASE WHEN i.quality > 0 THEN 1 END) AS went_well,
                   count(CASE WHEN i.quality < 0 THEN 1 END) AS went_badly,
                   count(CASE WHEN cmp THEN 1 END) AS compared,
                   avg(CASE WHEN cmp THEN win.mood END) AS mood_with,
                   totals.n - count(CASE WHEN cmp THEN 1 END) AS checkins_without,
                   (totals.s - total(CASE WHEN cmp THEN win.mood END))
                       / nullif(totals.n - count(CASE WHEN cmp THEN 1 END), 0) AS mood_without,
                   max(win.day) AS last_contact
            FROM interactions i
            JOIN win ON win.id = i.checkin_id
            JOIN people p ON p.id = i.person_id AND p.status != 'deceased'
            CROSS JOIN totals
            GROUP BY p.id
            ORDER BY p.closeness IS NULL, p.closeness, interactions DESC, p.name COLLATE NOCASE
            """,
            {
                "since": since.isoformat(),
                "compare": (compare_from or since).isoformat(),
                "until": (until or dt.date.max).isoformat(),
            },
        )

    def inner_ring_without_contact(self, since: dt.date) -> list[sqlite3.Row]:
        """Current inner-circle people with no interaction since `since`, and their last one."""
        return self._all(
            """
            SELECT p.name,
                   -- newest check-in first, down the day index, until one mentions them
                   (SELECT c.day FROM checkins c
                    WHERE EXISTS (SELECT 1 FROM interactions i
                                  WHERE i.checkin_id = c.id AND i.person_id = p.id)
                    ORDER BY c.day DESC LIMIT 1) AS last_contact
            FROM people p
            WHERE p.closeness = 1 AND p.status = 'current'
              AND p.id NOT IN (SELECT i.person_id FROM checkins c JOIN interactions i ON i.checkin_id = c.id
                               WHERE c.day >= ?)
            ORDER BY p.name COLLATE NOCASE
            """,
            (since.isoformat(),),
        )
