"""The interpersonal inventory: people, what removing one takes with them, and a
person's contact over the whole journal."""

import datetime as dt
import sqlite3
from typing import TYPE_CHECKING, NamedTuple

from ipt_journal.errors import HasDied, InputError, NotFound
from ipt_journal.store.repository import Repository, new_uid, now

if TYPE_CHECKING:
    from ipt_journal.models import PersonIn

PERSON_FIELDS = (
    "name",
    "relationship",
    "status",
    "closeness",
    "contact",
    "satisfying",
    "unsatisfying",
    "their_expectations",
    "my_expectations",
    "expectations_met",
    "can_confide",
    "together",
    "disagreements",
    "resolved",
    "can_talk_about",
    "cannot_talk_about",
    "change",
    "problem_area",
    "dispute_stage",
    "notes",
    "died_on",
    "holidays",
)


class Person(NamedTuple):
    id: int
    uid: str
    name: str
    relationship: str
    status: str
    closeness: int | None
    contact: str | None
    satisfying: str | None
    unsatisfying: str | None
    their_expectations: str | None
    my_expectations: str | None
    expectations_met: str | None
    can_confide: bool | None
    together: str | None
    disagreements: str | None
    resolved: str | None
    can_talk_about: str | None
    cannot_talk_about: str | None
    change: str | None
    problem_area: str | None
    dispute_stage: str | None
    notes: str | None
    created_at: str
    updated_at: str
    died_on: str | None = None  # for someone who has died, if the person said when
    holidays: str | None = None  # for someone who has died: days that may be hard, "Christmas 12-25; ..."

    def fields(self) -> dict:
        """The editable fields, as a model would take them."""
        return {name: getattr(self, name) for name in PERSON_FIELDS}


class Footprint(NamedTuple):
    """What else goes when a person is removed."""

    interactions: int
    checkins: int
    safety_plan_entries: int
    unlinked: int = 0  # exercises, homework, courses and life events that stay but will no longer name them


class ContactSummary(NamedTuple):
    """A person's interactions over the whole journal."""

    interactions: int
    mean_quality: float | None
    first_contact: str | None
    last_contact: str | None
    mood_with: float | None
    mood_without: float | None
    checkins_without: int
    recent: list[tuple[str, int, int]]  # (day, quality, mood), newest first
    compared: int = 0  # check-ins with them that the mood with and without covers
    compared_from: str | None = None  # that comparison's first day, after a gap of months


class PeopleStore(Repository):
    def all(self, living: bool = False) -> list[Person]:
        """Closest first. `living`: without people who have died, for the pickers that ask
        about time spent together or whom to call (they stay for grief and life events)."""
        where = "WHERE status != 'deceased' " if living else ""
        rows = self._all(
            f"SELECT * FROM people {where}ORDER BY closeness IS NULL, closeness, name COLLATE NOCASE"
        )
        return [_person(row) for row in rows]

    def names(self) -> tuple[list[str], list[str]]:
        """The names of the living and of those who have died, closest first: all a line of
        text is read against (the one-line check-in), without reading whole records."""
        living: list[str] = []
        died: list[str] = []
        for row in self._all(
            "SELECT name, status = 'deceased' FROM people "
            "ORDER BY closeness IS NULL, closeness, name COLLATE NOCASE"
        ):
            (died if row[1] else living).append(row[0])
        return living, died

    def named(self, name: str) -> Person:
        """The person called `name` (any case), or NotFound suggesting close names."""
        key = name.strip().casefold()
        people = self.all()
        for person in people:
            if person.name.casefold() == key:
                return person
        raise NotFound(unknown_name_message(name, [p.name for p in people]))

    def living_named(self, name: str, refusal: str = "contact") -> Person:
        """The person called `name`, refusing someone who has died: check-ins, the safety
        plan's people (steps 3 and 4), disputes and tasks are for the living; grief work and
        life events keep them."""
        person = self.named(name)
        if person.status == "deceased":
            raise_deceased(person.name, refusal)
        return person

    def add(self, person: "PersonIn") -> Person:
        with self.journal.writing():
            person_id = self.insert(person)
        return self.get(person_id)

    def insert(self, person: "PersonIn") -> int:
        self.check_name_free(person.name)
        stamp = now()
        values = _person_values(person)
        columns = ["uid", *values, "created_at", "updated_at"]
        row_id = self._insert(
            f"INSERT INTO people ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
            [new_uid(), *values.values(), stamp, stamp],
        )
        return row_id

    def check_name_free(self, name: str, except_id: int | None = None) -> None:
        """Refuse a name someone else already has, whatever the case."""
        key = name.casefold()
        for row in self._all("SELECT id, name FROM people"):
            if row["name"].casefold() == key and row["id"] != except_id:
                raise InputError(
                    f"There is already someone called {row['name']} in your inventory.",
                    "Names must be unique; add something to tell them apart, like 'Sam B'.",
                )

    def get(self, person_id: int) -> Person:
        row = self._one("SELECT * FROM people WHERE id = ?", (person_id,))
        if row is None:
            raise NotFound(f"No person with id {person_id}.")
        return _person(row)

    def update(self, person_id: int, person: "PersonIn") -> Person:
        with self.journal.writing():
            self.check_name_free(person.name, except_id=person_id)
            values = _person_values(person)
            assignments = ", ".join(f"{column} = ?" for column in values)
            self.conn.execute(
                f"UPDATE people SET {assignments}, updated_at = ? WHERE id = ?",
                [*values.values(), now(), person_id],
            )
        return self.get(person_id)

    def footprint(self, person_id: int) -> Footprint:
        row = self._row(
            "SELECT count(*), count(DISTINCT checkin_id), "
            "(SELECT count(*) FROM safety_plan_items WHERE person_id = :id), "
            "(SELECT count(*) FROM exercises WHERE person_id = :id) "
            "+ (SELECT count(*) FROM homework WHERE person_id = :id) "
            "+ (SELECT count(*) FROM courses WHERE dispute_person_id = :id) "
            "+ (SELECT count(*) FROM event_people WHERE person_id = :id) "
            "FROM interactions WHERE person_id = :id",
            {"id": person_id},
        )
        return Footprint(interactions=row[0], checkins=row[1], safety_plan_entries=row[2], unlinked=row[3])

    def remove(self, person_id: int) -> None:
        with self.journal.writing():
            self.conn.execute("DELETE FROM people WHERE id = ?", (person_id,))
        self.journal.fold_wal()

    def contact_summary(
        self, person_id: int, recent: int = 5, compare_from: dt.date | None = None
    ) -> ContactSummary:
        """Their interactions over the whole journal; mood with and without them only over
        the check-ins from `compare_from` on (after a gap of months: insight/gaps.py)."""
        row = self._row(
            """
            WITH totals AS (SELECT count(*) AS n, total(mood) AS s FROM checkins WHERE day >= :from)
            SELECT count(i.id) AS interactions, avg(i.quality) AS mean_quality,
                   min(c.day) AS first_contact, max(c.day) AS last_contact,
                   count(CASE WHEN c.day >= :from THEN 1 END) AS compared,
                   avg(CASE WHEN c.day >= :from THEN c.mood END) AS mood_with,
                   totals.n - count(CASE WHEN c.day >= :from THEN 1 END) AS checkins_without,
                   (totals.s - total(CASE WHEN c.day >= :from THEN c.mood END))
                       / nullif(totals.n - count(CASE WHEN c.day >= :from THEN 1 END), 0) AS mood_without,
                   :shown AS compared_from
            FROM totals
            LEFT JOIN interactions i ON i.person_id = :person
            LEFT JOIN checkins c ON c.id = i.checkin_id
            """,
            {
                "person": person_id,
                "from": compare_from.isoformat() if compare_from else "",
                "shown": compare_from.isoformat() if compare_from else None,
            },
        )
        latest = self._all(
            """
            SELECT c.day, i.quality, c.mood FROM interactions i JOIN checkins c ON c.id = i.checkin_id
            WHERE i.person_id = ? ORDER BY c.day DESC, c.id DESC LIMIT ?
            """,
            (person_id, recent),
        )
        return ContactSummary(**dict(row), recent=[(r["day"], r["quality"], r["mood"]) for r in latest])


def _person(row: sqlite3.Row) -> Person:
    values = dict(row)
    if values["can_confide"] is not None:
        values["can_confide"] = bool(values["can_confide"])
    return Person(**values)


def _person_values(person: "PersonIn") -> dict:
    values = person.model_dump(mode="json")
    if values["can_confide"] is not None:
        values["can_confide"] = int(values["can_confide"])
    return {name: values[name] for name in PERSON_FIELDS}


def _quoted(name: str) -> str:
    """A name in a command ipt suggests: the one shell-quoting rule (safe_text.shell_word)."""
    from ipt_journal.text.safe_text import shell_word

    return shell_word(name)


def raise_deceased(name: str, refusal: str = "contact") -> None:
    """The one refusal for naming someone who has died where ipt means someone you see
    (`refusal`: a key of errors.DECEASED_REFUSALS)."""
    raise HasDied(name, refusal)


def unknown_name_message(name: str, known: list[str]) -> str:
    """'No one called X in your inventory', with the closest known names if any."""
    import difflib  # only when a name is not found

    by_key = {known_name.casefold(): known_name for known_name in known}
    close = difflib.get_close_matches(name.casefold(), list(by_key), n=3, cutoff=0.6)
    message = f"No one called {name!r} in your inventory."
    if close:
        message += " Did you mean " + " or ".join(by_key[key] for key in close) + "?"
    return message
