"""The one module that opens and writes the journal file.

`open_journal` finds or creates the file privately, applies migrations and hands back
a `Journal`. Every write goes through `Journal.writing()`: one `BEGIN IMMEDIATE`
transaction, so a write is whole or absent and two terminals writing at once both
succeed. Reads return plain dataclasses; report queries aggregate in SQL.

Kept light on purpose: sqlite-utils (for migrations) and pydantic are imported only
when they are needed, so read-only commands start fast.
"""

from __future__ import annotations

import datetime as dt
import difflib
import os
import sqlite3
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ipt_journal.errors import InputError, JournalError, NotFound

if TYPE_CHECKING:
    from ipt_journal.models import CheckinIn, PersonIn

# The number of migrations in ipt_journal.migrations; a test keeps the two equal.
# Stored in the file as PRAGMA user_version, so opening an up-to-date journal never
# has to import the migration machinery.
SCHEMA_VERSION = 1
BUSY_TIMEOUT_SECONDS = 10
OUR_TABLES = {"people", "checkins", "interactions", "checkin_tags", "_sqlite_migrations"}

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
    "change",
    "problem_area",
    "dispute_stage",
    "notes",
)


@dataclass
class Person:
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
    change: str | None
    problem_area: str | None
    dispute_stage: str | None
    notes: str | None
    created_at: str
    updated_at: str

    def fields(self) -> dict:
        """The editable fields, as a model would take them."""
        return {name: getattr(self, name) for name in PERSON_FIELDS}


@dataclass
class Interaction:
    name: str
    quality: int


@dataclass
class Checkin:
    id: int
    uid: str
    day: str
    mood: int
    note: str | None
    created_at: str
    updated_at: str
    people: list[Interaction] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)

    def fields(self) -> dict:
        """The editable fields, as CheckinIn takes them."""
        return {
            "day": self.day,
            "mood": self.mood,
            "note": self.note,
            "people": [{"name": i.name, "quality": i.quality} for i in self.people],
            "tags": list(self.tags),
        }


@dataclass
class Footprint:
    """What else goes when a person is removed."""

    interactions: int
    checkins: int


@dataclass
class ContactSummary:
    """A person's interactions over the whole journal."""

    interactions: int
    mean_quality: float | None
    first_contact: str | None
    last_contact: str | None
    mood_with: float | None
    mood_without: float | None
    checkins_without: int
    recent: list[tuple[str, int, int]]  # (day, quality, mood), newest first


def now() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _new_uid() -> str:
    return uuid.uuid4().hex


# ---------------------------------------------------------------- opening


def _make_private_dirs(folder: Path) -> None:
    """Create missing folders with mode 0700, whatever the umask; leave existing ones be."""
    missing = []
    while not folder.exists():
        missing.append(folder)
        folder = folder.parent
    for path in reversed(missing):
        try:
            path.mkdir(mode=0o700)
        except FileExistsError:
            continue  # another ipt made it a moment ago, privately too
        os.chmod(path, 0o700)


def _create_private_file(path: Path) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        os.fchmod(fd, 0o600)  # the umask may have taken bits away; never added any
    finally:
        os.close(fd)


def open_journal(path: Path) -> Journal:
    """Open (creating on first use) the journal at `path`, upgraded to this version's schema."""
    if path.is_dir():
        raise JournalError(f"{path} is a folder, not a journal file.", "Point --db at a file.")
    try:
        _make_private_dirs(path.parent)
        if not path.exists():
            _create_private_file(path)
    except FileExistsError:
        pass  # another process created it between our check and our open
    except OSError as exc:
        raise JournalError(f"Cannot create the journal at {path}: {exc.strerror}.") from None

    try:
        # SQLite gives the -wal and -shm files the main file's mode, so they are 0600 too.
        conn = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_SECONDS)
    except sqlite3.Error as exc:
        raise JournalError(f"Cannot open the journal at {path}: {exc}.") from None
    conn.row_factory = sqlite3.Row
    try:
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA synchronous = FULL")
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise JournalError(
                f"The journal at {path} was written by a newer version of ipt-journal "
                f"(schema {version}; this version knows up to {SCHEMA_VERSION}). "
                "It was not changed.",
                "Upgrade ipt-journal to open it.",
            )
        if version < SCHEMA_VERSION:
            _migrate(conn, path)
        if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            conn.execute("PRAGMA journal_mode = WAL")
    except sqlite3.DatabaseError as exc:
        conn.close()
        busy = isinstance(exc, sqlite3.OperationalError) and "locked" in str(exc)
        raise JournalError(
            f"Cannot use the journal at {path}: {exc}.",
            "Another ipt may be using it; try again in a moment."
            if busy
            else "If it is damaged, restore it from a backup. ipt did not change it.",
        ) from None
    except BaseException:
        conn.close()
        raise
    return Journal(conn, path)


def _migrate(conn: sqlite3.Connection, path: Path) -> None:
    from sqlite_utils import Database

    from ipt_journal.migrations import migrations

    conn.execute("BEGIN IMMEDIATE")
    try:
        # Read again under the lock: another process may have migrated meanwhile.
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version == 0:
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            foreign = tables - OUR_TABLES
            if foreign:
                raise JournalError(
                    f"{path} is an SQLite database, but not an ipt journal "
                    f"(it has tables such as {sorted(foreign)[0]!r}). It was not changed.",
                    "Point --db at a new file or at your journal.",
                )
        if version < SCHEMA_VERSION:
            migrations.apply(Database(conn, execute_plugins=False))
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


# ---------------------------------------------------------------- the journal


class Journal:
    def __init__(self, conn: sqlite3.Connection, path: Path):
        self.conn = conn
        self.path = path

    def close(self) -> None:
        self.conn.close()

    @contextmanager
    def writing(self) -> Iterator[sqlite3.Connection]:
        """One write transaction, taken with the write lock up front, rolled back on any error
        (Ctrl-C included)."""
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise JournalError(
                f"The journal is busy ({exc}); another ipt may be writing to it.",
                "Try again in a moment.",
            ) from None
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def _all(self, sql: str, params=()) -> list[sqlite3.Row]:
        return self.conn.execute(sql, params).fetchall()

    def _one(self, sql: str, params=()) -> sqlite3.Row | None:
        return self.conn.execute(sql, params).fetchone()

    # ------------------------------------------------------------ people

    def people(self) -> list[Person]:
        rows = self._all("SELECT * FROM people ORDER BY closeness IS NULL, closeness, name COLLATE NOCASE")
        return [_person(row) for row in rows]

    def person_named(self, name: str) -> Person:
        """The person called `name` (any case), or NotFound suggesting close names."""
        key = name.strip().casefold()
        people = self.people()
        for person in people:
            if person.name.casefold() == key:
                return person
        raise NotFound(unknown_name_message(name, [p.name for p in people]))

    def add_person(self, person: PersonIn) -> Person:
        with self.writing():
            person_id = self._insert_person(person)
        return self.person_by_id(person_id)

    def _insert_person(self, person: PersonIn) -> int:
        self.check_name_free(person.name)
        stamp = now()
        values = _person_values(person)
        columns = ["uid", *values, "created_at", "updated_at"]
        cursor = self.conn.execute(
            f"INSERT INTO people ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
            [_new_uid(), *values.values(), stamp, stamp],
        )
        return cursor.lastrowid

    def check_name_free(self, name: str, except_id: int | None = None) -> None:
        """Refuse a name someone else already has, whatever the case."""
        key = name.casefold()
        for row in self._all("SELECT id, name FROM people"):
            if row["name"].casefold() == key and row["id"] != except_id:
                raise InputError(
                    f"There is already someone called {row['name']} in your inventory.",
                    "Names must be unique; add something to tell them apart, like 'Sam B'.",
                )

    def person_by_id(self, person_id: int) -> Person:
        row = self._one("SELECT * FROM people WHERE id = ?", (person_id,))
        if row is None:
            raise NotFound(f"No person with id {person_id}.")
        return _person(row)

    def update_person(self, person_id: int, person: PersonIn) -> Person:
        with self.writing():
            self.check_name_free(person.name, except_id=person_id)
            values = _person_values(person)
            assignments = ", ".join(f"{column} = ?" for column in values)
            self.conn.execute(
                f"UPDATE people SET {assignments}, updated_at = ? WHERE id = ?",
                [*values.values(), now(), person_id],
            )
        return self.person_by_id(person_id)

    def footprint(self, person_id: int) -> Footprint:
        row = self._one(
            "SELECT count(*), count(DISTINCT checkin_id) FROM interactions WHERE person_id = ?",
            (person_id,),
        )
        return Footprint(interactions=row[0], checkins=row[1])

    def remove_person(self, person_id: int) -> None:
        with self.writing():
            self.conn.execute("DELETE FROM people WHERE id = ?", (person_id,))

    def contact_summary(self, person_id: int, recent: int = 5) -> ContactSummary:
        row = self._one(
            """
            WITH totals AS (SELECT count(*) AS n, total(mood) AS s FROM checkins)
            SELECT count(i.id) AS interactions, avg(i.quality) AS mean_quality,
                   min(c.day) AS first_contact, max(c.day) AS last_contact,
                   avg(c.mood) AS mood_with,
                   totals.n - count(i.id) AS checkins_without,
                   (totals.s - total(c.mood)) / nullif(totals.n - count(i.id), 0) AS mood_without
            FROM totals
            LEFT JOIN interactions i ON i.person_id = ?
            LEFT JOIN checkins c ON c.id = i.checkin_id
            """,
            (person_id,),
        )
        latest = self._all(
            """
            SELECT c.day, i.quality, c.mood FROM interactions i JOIN checkins c ON c.id = i.checkin_id
            WHERE i.person_id = ? ORDER BY c.day DESC, c.id DESC LIMIT ?
            """,
            (person_id, recent),
        )
        return ContactSummary(**dict(row), recent=[(r["day"], r["quality"], r["mood"]) for r in latest])

    # ------------------------------------------------------------ check-ins

    def add_checkin(self, checkin: CheckinIn, newcomers: list[PersonIn] = ()) -> Checkin:
        """Save a check-in and any newcomers it names, together or not at all."""
        with self.writing():
            self.check_names(checkin, newcomers)
            for person in newcomers:
                self._insert_person(person)
            stamp = now()
            cursor = self.conn.execute(
                "INSERT INTO checkins (uid, day, mood, note, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (_new_uid(), checkin.day.isoformat(), checkin.mood, checkin.note, stamp, stamp),
            )
            self._write_people_and_tags(cursor.lastrowid, checkin, stamp)
        return self.checkin(cursor.lastrowid)

    def update_checkin(self, checkin_id: int, checkin: CheckinIn) -> Checkin:
        with self.writing():
            self.check_names(checkin)
            stamp = now()
            self.conn.execute(
                "UPDATE checkins SET day = ?, mood = ?, note = ?, updated_at = ? WHERE id = ?",
                (checkin.day.isoformat(), checkin.mood, checkin.note, stamp, checkin_id),
            )
            self.conn.execute("DELETE FROM interactions WHERE checkin_id = ?", (checkin_id,))
            self.conn.execute("DELETE FROM checkin_tags WHERE checkin_id = ?", (checkin_id,))
            self._write_people_and_tags(checkin_id, checkin, stamp)
        return self.checkin(checkin_id)

    def check_names(self, checkin: CheckinIn, newcomers: list[PersonIn] = ()) -> None:
        """Every name a check-in mentions must be known, or be one of its newcomers."""
        known = [row["name"] for row in self._all("SELECT name FROM people")]
        known_keys = {name.casefold() for name in known}
        new_keys = {person.name.casefold() for person in newcomers}
        for person in newcomers:
            self.check_name_free(person.name)
        for interaction in checkin.people:
            if interaction.name.casefold() not in known_keys | new_keys:
                raise NotFound(
                    unknown_name_message(interaction.name, known),
                    f"Add them first: ipt inventory add --name {_quoted(interaction.name)} "
                    "--relationship RELATIONSHIP",
                )

    def _write_people_and_tags(self, checkin_id: int, checkin: CheckinIn, stamp: str) -> None:
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

    def checkin(self, checkin_id: int) -> Checkin:
        row = self._one("SELECT * FROM checkins WHERE id = ?", (checkin_id,))
        if row is None:
            raise NotFound(f"There is no check-in #{checkin_id}.", "See the ids with: ipt checkin list")
        return self._with_people_and_tags([row])[0]

    def checkins(self, limit: int | None = None, since: dt.date | None = None) -> list[Checkin]:
        """Check-ins newest first."""
        sql = "SELECT * FROM checkins"
        params: list = []
        if since:
            sql += " WHERE day >= ?"
            params.append(since.isoformat())
        sql += " ORDER BY day DESC, id DESC"
        if limit:
            sql += " LIMIT ?"
            params.append(limit)
        return self._with_people_and_tags(self._all(sql, params))

    def _with_people_and_tags(self, rows: list[sqlite3.Row]) -> list[Checkin]:
        checkins = {row["id"]: Checkin(**dict(row)) for row in rows}
        if not checkins:
            return []
        marks = ", ".join("?" * len(checkins))
        for row in self._all(
            "SELECT i.checkin_id, p.name, i.quality FROM interactions i "
            f"JOIN people p ON p.id = i.person_id WHERE i.checkin_id IN ({marks}) "
            "ORDER BY p.closeness IS NULL, p.closeness, p.name COLLATE NOCASE",
            list(checkins),
        ):
            checkins[row["checkin_id"]].people.append(Interaction(row["name"], row["quality"]))
        for row in self._all(
            f"SELECT checkin_id, tag FROM checkin_tags WHERE checkin_id IN ({marks}) ORDER BY tag",
            list(checkins),
        ):
            checkins[row["checkin_id"]].tags.append(row["tag"])
        return list(checkins.values())

    def delete_checkin(self, checkin_id: int) -> None:
        with self.writing():
            self.conn.execute("DELETE FROM checkins WHERE id = ?", (checkin_id,))

    # ------------------------------------------------------------ report queries

    def counts(self) -> sqlite3.Row:
        return self._one(
            "SELECT (SELECT count(*) FROM people) AS people, "
            "(SELECT count(*) FROM checkins) AS checkins, "
            "(SELECT max(day) FROM checkins) AS last_checkin"
        )

    def weekly_mood(self, since: dt.date) -> list[sqlite3.Row]:
        """Per ISO week (keyed by its Monday) since `since`: check-ins, mood sum and mean."""
        return self._all(
            """
            SELECT date(day, '-' || ((CAST(strftime('%w', day) AS INTEGER) + 6) % 7) || ' days')
                       AS monday,
                   count(*) AS checkins, total(mood) AS mood_sum, avg(mood) AS mean_mood
            FROM checkins WHERE day >= ? GROUP BY monday ORDER BY monday
            """,
            (since.isoformat(),),
        )

    def people_patterns(self, since: dt.date) -> list[sqlite3.Row]:
        """Per person seen since `since`: interactions (one per check-in at most), mean quality,
        mean mood of the window's check-ins with and without them, and last contact."""
        return self._all(
            """
            WITH win AS (SELECT id, day, mood FROM checkins WHERE day >= :since),
                 totals AS (SELECT count(*) AS n, total(mood) AS s FROM win)
            SELECT p.name, p.closeness, count(*) AS interactions,
                   avg(i.quality) AS mean_quality, avg(win.mood) AS mood_with,
                   totals.n - count(*) AS checkins_without,
                   (totals.s - total(win.mood)) / nullif(totals.n - count(*), 0) AS mood_without,
                   max(win.day) AS last_contact
            FROM interactions i
            JOIN win ON win.id = i.checkin_id
            JOIN people p ON p.id = i.person_id
            CROSS JOIN totals
            GROUP BY p.id
            ORDER BY p.closeness IS NULL, p.closeness, interactions DESC, p.name COLLATE NOCASE
            """,
            {"since": since.isoformat()},
        )

    def inner_ring_without_contact(self, since: dt.date) -> list[sqlite3.Row]:
        """Current inner-circle people with no interaction since `since`, and their last one."""
        return self._all(
            """
            SELECT p.name,
                   (SELECT max(c.day) FROM interactions i JOIN checkins c ON c.id = i.checkin_id
                    WHERE i.person_id = p.id) AS last_contact
            FROM people p
            WHERE p.closeness = 1 AND p.status = 'current'
              AND NOT EXISTS (SELECT 1 FROM interactions i JOIN checkins c ON c.id = i.checkin_id
                              WHERE i.person_id = p.id AND c.day >= ?)
            ORDER BY p.name COLLATE NOCASE
            """,
            (since.isoformat(),),
        )


def _person(row: sqlite3.Row) -> Person:
    values = dict(row)
    if values["can_confide"] is not None:
        values["can_confide"] = bool(values["can_confide"])
    return Person(**values)


def _person_values(person: PersonIn) -> dict:
    values = person.model_dump(mode="json")
    if values["can_confide"] is not None:
        values["can_confide"] = int(values["can_confide"])
    return {name: values[name] for name in PERSON_FIELDS}


def _quoted(name: str) -> str:
    return f'"{name}"' if " " in name else name


def unknown_name_message(name: str, known: list[str]) -> str:
    """'No one called X in your inventory', with the closest known names if any."""
    by_key = {known_name.casefold(): known_name for known_name in known}
    close = difflib.get_close_matches(name.casefold(), list(by_key), n=3, cutoff=0.6)
    message = f"No one called {name!r} in your inventory."
    if close:
        message += " Did you mean " + " or ".join(by_key[key] for key in close) + "?"
    return message
