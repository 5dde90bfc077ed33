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
import json
import os
import sqlite3
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ipt_journal.errors import INSTALL_ENCRYPTION, InputError, JournalError, NotFound, WrongPassphrase

if TYPE_CHECKING:
    from ipt_journal.models import (
        CheckinIn,
        CopingIn,
        CourseIn,
        ExerciseIn,
        GoalIn,
        GoalRatingIn,
        HomeworkDoneIn,
        HomeworkIn,
        MeasureIn,
        PersonIn,
        ReviewIn,
        SafetyPlanItemIn,
    )

# The number of migrations in ipt_journal.migrations; a test keeps the two equal.
# Stored in the file as PRAGMA user_version, so opening an up-to-date journal never
# has to import the migration machinery.
SCHEMA_VERSION = 5
BUSY_TIMEOUT_SECONDS = 10

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
    safety_plan_entries: int
    unlinked: int = 0  # exercises, homework and courses that stay but will no longer name them


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


@dataclass
class Measure:
    id: int
    uid: str
    scale: str
    day: str
    answers: list[int]
    total: int
    checkin_id: int | None
    created_at: str
    updated_at: str


@dataclass
class Course:
    id: int
    uid: str
    started_on: str
    planned_weeks: int
    background: str | None
    reason: str | None
    with_therapist: bool | None
    focus_areas: list[str]
    dispute_person: str | None
    dispute_stage: str | None
    ended_on: str | None
    created_at: str
    updated_at: str


@dataclass
class Goal:
    id: int
    uid: str
    text: str
    status: str
    closed_on: str | None
    created_at: str
    updated_at: str
    first_rating: int | None = None
    latest_rating: int | None = None
    ratings: int = 0


@dataclass
class SafetyPlanItem:
    id: int
    step: int
    text: str | None
    person: str | None


@dataclass
class Homework:
    id: int
    uid: str
    text: str
    due: str | None
    person: str | None
    status: str
    outcome: str | None
    helpful: int | None
    closed_on: str | None
    created_at: str
    updated_at: str
    exercise_id: int | None = None

    def overdue(self, today: dt.date) -> bool:
        return self.status == "open" and self.due is not None and self.due < today.isoformat()

    def due_by(self, day: dt.date) -> bool:
        return self.status == "open" and self.due is not None and self.due <= day.isoformat()


@dataclass
class Exercise:
    id: int
    uid: str
    kind: str
    day: str
    person: str | None
    mood_before: int | None
    mood_after: int | None
    answers: dict
    created_at: str
    updated_at: str


@dataclass
class Review:
    id: int
    uid: str
    day: str
    what_changed: str | None
    what_helped: str | None
    warning_signs: str | None
    keep_practising: str | None
    created_at: str
    updated_at: str


def now() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _new_uid() -> str:
    return uuid.uuid4().hex


# ---------------------------------------------------------------- opening


def make_private_dirs(folder: Path) -> None:
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


SQLITE_HEADER = b"SQLite format 3\x00"
PASSPHRASE_ENV = "IPT_JOURNAL_PASSPHRASE"
# SQLite's error classes, joined by SQLCipher's once it is loaded: each module has its own.
DB_ERRORS: tuple[type[Exception], ...] = (sqlite3.DatabaseError,)
OP_ERRORS: tuple[type[Exception], ...] = (sqlite3.OperationalError,)


def is_encrypted(path: Path) -> bool:
    """SQLCipher encrypts even the file's header: a file of whole pages starting with random
    bytes, not SQLite's header, is taken for an encrypted journal (a wrong guess ends in the
    passphrase check's clear error)."""
    try:
        size = path.stat().st_size
        with open(path, "rb") as handle:
            head = handle.read(len(SQLITE_HEADER))
    except OSError:
        return False
    looks_like_text = all(32 <= byte < 127 or byte in b"\t\r\n" for byte in head)
    return size >= 1024 and size % 512 == 0 and head != SQLITE_HEADER and not looks_like_text


def sqlcipher():
    """SQLCipher's DB-API module, from the optional 'encryption' extra."""
    global DB_ERRORS, OP_ERRORS
    try:
        from sqlcipher3 import dbapi2
    except ImportError:
        raise JournalError(
            "Encryption needs SQLCipher, which this ipt was installed without.",
            INSTALL_ENCRYPTION,
        ) from None
    DB_ERRORS = (sqlite3.DatabaseError, dbapi2.DatabaseError)
    OP_ERRORS = (sqlite3.OperationalError, dbapi2.OperationalError)
    return dbapi2


def quoted(text: str) -> str:
    """`text` as an SQL string literal (PRAGMA key takes no parameters)."""
    return "'" + text.replace("'", "''") + "'"


def connect(
    path: Path, key: str | None = None, read_only: bool = False, timeout: float = BUSY_TIMEOUT_SECONDS
):
    """A connection to the journal file: plain SQLite, or SQLCipher with `key`. A wrong key
    is a clear JournalError, with SQLCipher's own log kept off stderr."""
    target = f"{path.resolve().as_uri()}?mode=ro" if read_only else str(path)
    driver = sqlite3 if key is None else sqlcipher()
    conn = driver.connect(target, uri=read_only, isolation_level=None, timeout=timeout)
    conn.row_factory = driver.Row
    if key is not None:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA key = {quoted(key)}")
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except driver.DatabaseError:
            conn.close()
            raise WrongPassphrase(
                f"Wrong passphrase for the journal at {path}, or it is not an ipt journal. "
                "Nothing was changed.",
                f"Type it again, or set {PASSPHRASE_ENV} to the right one.",
            ) from None
    return conn


def open_journal(path: Path, passphrase: Callable[[], str] | None = None) -> Journal:
    """Open (creating on first use) the journal at `path`, upgraded to this version's schema.
    `passphrase` is asked only when the file turns out to be encrypted."""
    if path.is_dir():
        raise JournalError(f"{path} is a folder, not a journal file.", "Point --db at a file.")
    try:
        make_private_dirs(path.parent)
        if not path.exists():
            _create_private_file(path)
    except FileExistsError:
        pass  # another process created it between our check and our open
    except OSError as exc:
        raise JournalError(f"Cannot create the journal at {path}: {exc.strerror}.") from None

    key = None
    if is_encrypted(path):
        if passphrase is None:
            raise JournalError(f"The journal at {path} is encrypted and no passphrase was given.")
        key = passphrase()
    try:
        # SQLite gives the -wal and -shm files the main file's mode, so they are 0600 too.
        conn = connect(path, key)
    except DB_ERRORS as exc:
        raise JournalError(f"Cannot open the journal at {path}: {exc}.") from None
    try:
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA secure_delete = ON")  # deleted text is overwritten, not left in free pages
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
    except DB_ERRORS as exc:
        conn.close()
        raise storage_error(exc, path, "use") from None
    except BaseException:
        conn.close()
        raise
    return Journal(conn, path, key)


def _migrate(conn: sqlite3.Connection, path: Path) -> None:
    from sqlite_utils import Database

    from ipt_journal.migrations import migrations

    conn.execute("BEGIN IMMEDIATE")
    try:
        # Read again under the lock: another process may have migrated meanwhile.
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version == 0:
            # Migrations run whole or not at all, so tables in an unversioned file are not ours.
            tables = sorted(
                row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            )
            if tables:
                raise JournalError(
                    f"{path} is an SQLite database, but not an ipt journal "
                    f"(it has tables such as {tables[0]!r}). It was not changed.",
                    "Point --db at a new file or at your journal.",
                )
        if version < SCHEMA_VERSION:
            migrations.apply(Database(conn, execute_plugins=False))
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def storage_error(exc: Exception, path: Path, doing: str) -> JournalError:
    """What SQLite's complaint means for the person, and what to do about it."""
    text = str(exc)
    if "locked" in text or "busy" in text:
        hint = "Another ipt may be using it; try again in a moment."
    elif "readonly" in text or "read-only" in text:
        hint = "The file or its folder is read-only for you; see: ipt doctor"
    elif "full" in text:
        hint = "The disk is full; free some space and try again."
    else:
        hint = "If it is damaged, restore it from a backup (ipt restore); see: ipt doctor"
    return JournalError(f"Cannot {doing} the journal at {path}: {text}. Nothing was changed.", hint)


# ---------------------------------------------------------------- the journal


class Journal:
    def __init__(self, conn: sqlite3.Connection, path: Path, key: str | None = None):
        self.conn = conn
        self.path = path
        self.key = key  # the passphrase of an encrypted journal; None for a plain one
        self.saves = 0  # write transactions committed, so a cancelled command can say what it kept

    def close(self) -> None:
        self.conn.close()

    @contextmanager
    def writing(self) -> Iterator[sqlite3.Connection]:
        """One write transaction, taken with the write lock up front, rolled back on any error
        (Ctrl-C included)."""
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except OP_ERRORS as exc:
            raise storage_error(exc, self.path, "save to") from None
        try:
            yield self.conn
            self.conn.execute("COMMIT")
            self.saves += 1
        except OP_ERRORS as exc:  # read-only, disk full, I/O: the file refused the write
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise storage_error(exc, self.path, "save to") from None
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise

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
            "SELECT count(*), count(DISTINCT checkin_id), "
            "(SELECT count(*) FROM safety_plan_items WHERE person_id = :id), "
            "(SELECT count(*) FROM exercises WHERE person_id = :id) "
            "+ (SELECT count(*) FROM homework WHERE person_id = :id) "
            "+ (SELECT count(*) FROM courses WHERE dispute_person_id = :id) "
            "FROM interactions WHERE person_id = :id",
            {"id": person_id},
        )
        return Footprint(interactions=row[0], checkins=row[1], safety_plan_entries=row[2], unlinked=row[3])

    def remove_person(self, person_id: int) -> None:
        with self.writing():
            self.conn.execute("DELETE FROM people WHERE id = ?", (person_id,))
        self._fold_wal()

    def _fold_wal(self) -> None:
        """After a deletion: copy the WAL into the file and empty it, so the deleted text does
        not linger in the -wal file."""
        self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

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

    def add_checkin(
        self,
        checkin: CheckinIn,
        newcomers: list[PersonIn] = (),
        measures: list[MeasureIn] = (),
        ratings: list[GoalRatingIn] = (),
        homework: list[tuple[int, str, HomeworkDoneIn | None]] = (),
    ) -> Checkin:
        """Save a check-in with any newcomers it names, questionnaires and goal ratings taken with
        it: all together or not at all."""
        with self.writing():
            self.check_goals_open([rating.goal_id for rating in ratings])
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
            for measure in measures:
                self._insert_measure(measure, cursor.lastrowid)
            self.conn.executemany(
                "INSERT INTO goal_ratings (goal_id, checkin_id, rating, created_at) VALUES (?, ?, ?, ?)",
                [(rating.goal_id, cursor.lastrowid, rating.rating, stamp) for rating in ratings],
            )
            for homework_id, status, result in homework:
                self._close_homework(homework_id, status, checkin.day, result)
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
        self._fold_wal()

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

    # ------------------------------------------------------------ measures

    def add_measure(self, measure: MeasureIn) -> Measure:
        with self.writing():
            measure_id = self._insert_measure(measure, None)
        return self.measures(ids=[measure_id])[0]

    def _insert_measure(self, measure: MeasureIn, checkin_id: int | None) -> int:
        stamp = now()
        return self.conn.execute(
            "INSERT INTO measures (uid, scale, day, answers, total, checkin_id, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                _new_uid(),
                measure.scale,
                measure.day.isoformat(),
                json.dumps(measure.answers),
                measure.total,
                checkin_id,
                stamp,
                stamp,
            ),
        ).lastrowid

    def measures(
        self,
        scale: str | None = None,
        ids: list[int] | None = None,
        checkin_id: int | None = None,
        since: dt.date | None = None,
    ) -> list[Measure]:
        """Oldest first."""
        sql, params = "SELECT * FROM measures WHERE 1 = 1", []
        if since is not None:
            sql += " AND day >= ?"
            params.append(since.isoformat())
        if checkin_id is not None:
            sql += " AND checkin_id = ?"
            params.append(checkin_id)
        if scale:
            sql += " AND scale = ?"
            params.append(scale)
        if ids:
            sql += f" AND id IN ({', '.join('?' * len(ids))})"
            params += ids
        rows = self._all(sql + " ORDER BY day, id", params)
        return [Measure(**{**dict(row), "answers": json.loads(row["answers"])}) for row in rows]

    def baseline_and_previous(self, measure: Measure) -> tuple[Measure | None, Measure | None]:
        """The baseline for `measure` (the first of its scale in the current course, else the
        first ever) and the one just before it; None where `measure` is itself that one."""
        course = self.current_course()
        earlier = "scale = :scale AND (day < :day OR (day = :day AND id < :id))"
        params = {
            "scale": measure.scale,
            "day": measure.day,
            "id": measure.id,
            "since": course.started_on if course else "",
        }
        baseline = self._measure_where(f"{earlier} AND day >= :since ORDER BY day, id", params)
        baseline = baseline or self._measure_where(f"{earlier} ORDER BY day, id", params)
        previous = self._measure_where(f"{earlier} ORDER BY day DESC, id DESC", params)
        return baseline, previous

    def latest_measure(self, scale: str) -> Measure | None:
        return self._measure_where("scale = :scale ORDER BY day DESC, id DESC", {"scale": scale})

    def _measure_where(self, condition: str, params: dict) -> Measure | None:
        row = self._one(f"SELECT * FROM measures WHERE {condition} LIMIT 1", params)
        return Measure(**{**dict(row), "answers": json.loads(row["answers"])}) if row else None

    def last_measure_day(self, scale: str) -> str | None:
        return self._one("SELECT max(day) FROM measures WHERE scale = ?", (scale,))[0]

    # ------------------------------------------------------------ course

    def current_course(self) -> Course | None:
        row = self._one(
            "SELECT c.*, p.name AS dispute_person FROM courses c "
            "LEFT JOIN people p ON p.id = c.dispute_person_id ORDER BY c.id DESC LIMIT 1"
        )
        if row is None:
            return None
        values = dict(row)
        values.pop("dispute_person_id")
        values["focus_areas"] = [area for area in values["focus_areas"].split(",") if area]
        if values["with_therapist"] is not None:
            values["with_therapist"] = bool(values["with_therapist"])
        return Course(**values)

    def save_course(
        self,
        course: CourseIn,
        course_id: int | None = None,
        measures: list[MeasureIn] = (),
        goals: list[GoalIn] = (),
    ) -> tuple[Course, list[Measure]]:
        """Start a course with its baseline measures and goals, or revise the one with
        `course_id`: all together or not at all. Returns the course and the measures saved."""
        with self.writing():
            measure_ids = [self._insert_measure(measure, None) for measure in measures]
            for goal in goals:
                self._insert_goal(goal)
            person_id = self.person_named(course.dispute_person).id if course.dispute_person else None
            values = {
                "started_on": course.started_on.isoformat(),
                "planned_weeks": course.planned_weeks,
                "background": course.background,
                "reason": course.reason,
                "with_therapist": None if course.with_therapist is None else int(course.with_therapist),
                "focus_areas": ",".join(area.value for area in course.focus_areas),
                "dispute_person_id": person_id,
                "dispute_stage": course.dispute_stage.value if course.dispute_stage else None,
            }
            stamp = now()
            if course_id is None:
                columns = ["uid", *values, "created_at", "updated_at"]
                self.conn.execute(
                    f"INSERT INTO courses ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
                    [_new_uid(), *values.values(), stamp, stamp],
                )
            else:
                assignments = ", ".join(f"{column} = ?" for column in values)
                self.conn.execute(
                    f"UPDATE courses SET {assignments}, updated_at = ? WHERE id = ?",
                    [*values.values(), stamp, course_id],
                )
        return self.current_course(), self.measures(ids=measure_ids) if measure_ids else []

    def set_course_length(self, course_id: int, planned_weeks: int) -> Course:
        with self.writing():
            self.conn.execute(
                "UPDATE courses SET planned_weeks = ?, updated_at = ? WHERE id = ?",
                (planned_weeks, now(), course_id),
            )
        return self.current_course()

    def end_course(self, course_id: int, day: dt.date) -> Course:
        with self.writing():
            self.conn.execute(
                "UPDATE courses SET ended_on = ?, updated_at = ? WHERE id = ?",
                (day.isoformat(), now(), course_id),
            )
        return self.current_course()

    # ------------------------------------------------------------ goals

    def goals(self, status: str | None = None) -> list[Goal]:
        sql = """
            SELECT g.*,
                   (SELECT r.rating FROM goal_ratings r JOIN checkins c ON c.id = r.checkin_id
                    WHERE r.goal_id = g.id ORDER BY c.day, r.id LIMIT 1) AS first_rating,
                   (SELECT r.rating FROM goal_ratings r JOIN checkins c ON c.id = r.checkin_id
                    WHERE r.goal_id = g.id ORDER BY c.day DESC, r.id DESC LIMIT 1) AS latest_rating,
                   (SELECT count(*) FROM goal_ratings r WHERE r.goal_id = g.id) AS ratings
            FROM goals g
        """
        params: list = []
        if status:
            sql += " WHERE g.status = ?"
            params.append(status)
        return [Goal(**dict(row)) for row in self._all(sql + " ORDER BY g.status != 'open', g.id", params)]

    def goal(self, goal_id: int) -> Goal:
        for goal in self.goals():
            if goal.id == goal_id:
                return goal
        raise NotFound(f"There is no goal #{goal_id}.", "See the ids with: ipt goals list")

    def add_goals(self, goals: list[GoalIn]) -> list[Goal]:
        with self.writing():
            ids = [self._insert_goal(goal) for goal in goals]
        return [self.goal(goal_id) for goal_id in ids]

    def _insert_goal(self, goal: GoalIn) -> int:
        stamp = now()
        goal_id = self.conn.execute(
            "INSERT INTO goals (uid, text, status, created_at, updated_at) VALUES (?, ?, 'open', ?, ?)",
            (_new_uid(), goal.text, stamp, stamp),
        ).lastrowid
        self._goal_history(goal_id, goal.text, "open", stamp)
        return goal_id

    def revise_goal(self, goal_id: int, goal: GoalIn) -> Goal:
        """Change a goal's words; the old words stay in its history."""
        current = self.goal(goal_id)
        with self.writing():
            stamp = now()
            self.conn.execute(
                "UPDATE goals SET text = ?, updated_at = ? WHERE id = ?", (goal.text, stamp, goal_id)
            )
            self._goal_history(goal_id, goal.text, current.status, stamp)
        return self.goal(goal_id)

    def close_goal(self, goal_id: int, status: str, day: dt.date) -> Goal:
        current = self.goal(goal_id)
        with self.writing():
            stamp = now()
            self.conn.execute(
                "UPDATE goals SET status = ?, closed_on = ?, updated_at = ? WHERE id = ?",
                (status, day.isoformat(), stamp, goal_id),
            )
            self._goal_history(goal_id, current.text, status, stamp)
        return self.goal(goal_id)

    def _goal_history(self, goal_id: int, text: str, status: str, stamp: str) -> None:
        self.conn.execute(
            "INSERT INTO goal_history (goal_id, text, status, changed_at) VALUES (?, ?, ?, ?)",
            (goal_id, text, status, stamp),
        )

    def goal_history(self, goal_id: int) -> list[sqlite3.Row]:
        return self._all(
            "SELECT text, status, changed_at FROM goal_history WHERE goal_id = ? ORDER BY id", (goal_id,)
        )

    def check_goals_open(self, goal_ids: list[int]) -> None:
        open_ids = {goal.id for goal in self.goals("open")}
        for goal_id in goal_ids:
            if goal_id not in open_ids:
                raise NotFound(
                    f"There is no open goal #{goal_id} to rate.", "See the open goals with: ipt goals list"
                )

    # ------------------------------------------------------------ safety plan

    def safety_plan(self) -> list[SafetyPlanItem]:
        rows = self._all(
            "SELECT s.id, s.step, s.text, p.name AS person FROM safety_plan_items s "
            "LEFT JOIN people p ON p.id = s.person_id ORDER BY s.step, s.id"
        )
        return [SafetyPlanItem(**dict(row)) for row in rows]

    def add_safety_plan_items(self, items: list[SafetyPlanItemIn]) -> None:
        with self.writing():
            for item in items:
                self._insert_safety_item(item)

    def _insert_safety_item(self, item: SafetyPlanItemIn) -> None:
        person_id = self.person_named(item.person).id if item.person else None
        stamp = now()
        self.conn.execute(
            "INSERT INTO safety_plan_items (uid, step, text, person_id, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (_new_uid(), item.step, item.text, person_id, stamp, stamp),
        )

    def remove_safety_plan_item(self, item_id: int) -> None:
        with self.writing():
            if not self.conn.execute("DELETE FROM safety_plan_items WHERE id = ?", (item_id,)).rowcount:
                raise NotFound(
                    f"There is no safety plan entry #{item_id}.", "See the ids with: ipt safety-plan"
                )
        self._fold_wal()

    # ------------------------------------------------------------ review

    def add_review(self, review: ReviewIn, warning_signs_to_plan: bool) -> Review:
        """Save the end-of-course review; its warning signs join the safety plan if agreed."""
        from ipt_journal.models import SafetyPlanItemIn

        with self.writing():
            stamp = now()
            review_id = self.conn.execute(
                "INSERT INTO reviews (uid, day, what_changed, what_helped, warning_signs, keep_practising, "
                "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    _new_uid(),
                    review.day.isoformat(),
                    review.what_changed,
                    review.what_helped,
                    review.warning_signs,
                    review.keep_practising,
                    stamp,
                    stamp,
                ),
            ).lastrowid
            if warning_signs_to_plan and review.warning_signs:
                self._insert_safety_item(SafetyPlanItemIn(step=1, text=review.warning_signs))
        return Review(**dict(self._one("SELECT * FROM reviews WHERE id = ?", (review_id,))))

    def latest_review(self) -> Review | None:
        row = self._one("SELECT * FROM reviews ORDER BY day DESC, id DESC LIMIT 1")
        return Review(**dict(row)) if row else None

    # ------------------------------------------------------------ coping

    def log_coping(self, use: CopingIn) -> int:
        stamp = now()
        with self.writing():
            return self.conn.execute(
                "INSERT INTO coping_log (uid, strategy, day, helpful, note, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (_new_uid(), use.strategy, use.day.isoformat(), use.helpful, use.note, stamp, stamp),
            ).lastrowid

    def coping_summary(self, since: dt.date) -> list[sqlite3.Row]:
        """Per strategy used since `since`: how often, and how helpful on average (1-5)."""
        return self._all(
            "SELECT strategy, count(*) AS uses, avg(helpful) AS mean_helpful, count(helpful) AS rated "
            "FROM coping_log WHERE day >= ? GROUP BY strategy "
            "ORDER BY mean_helpful IS NULL, mean_helpful DESC, uses DESC",
            (since.isoformat(),),
        )

    # ------------------------------------------------------------ exercises

    def add_exercise(self, exercise: ExerciseIn, homework: HomeworkIn | None = None) -> Exercise:
        """Save a finished exercise, and the homework made from its plan, together."""
        stamp = now()
        with self.writing():
            person_id = self.person_named(exercise.person).id if exercise.person else None
            exercise_id = self.conn.execute(
                "INSERT INTO exercises (uid, kind, day, person_id, mood_before, mood_after, answers, "
                "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    _new_uid(),
                    exercise.kind,
                    exercise.day.isoformat(),
                    person_id,
                    exercise.mood_before,
                    exercise.mood_after,
                    json.dumps(exercise.answers, ensure_ascii=False),
                    stamp,
                    stamp,
                ),
            ).lastrowid
            if homework is not None:
                self._insert_homework(homework.model_copy(update={"exercise_id": exercise_id}))
        return self.exercise(exercise_id)

    def exercises(self, kind: str | None = None, person: str | None = None) -> list[Exercise]:
        """Newest first."""
        sql = f"{EXERCISE_SELECT} WHERE 1 = 1"
        params: list = []
        if kind:
            sql += " AND e.kind = ?"
            params.append(kind)
        if person:
            sql += " AND e.person_id = ?"
            params.append(self.person_named(person).id)
        return [_exercise(row) for row in self._all(sql + " ORDER BY e.day DESC, e.id DESC", params)]

    def exercise(self, exercise_id: int) -> Exercise:
        row = self._one(
            f"{EXERCISE_SELECT} WHERE e.id = ?",
            (exercise_id,),
        )
        if row is None:
            raise NotFound(f"There is no exercise #{exercise_id}.", "See the ids with: ipt exercise history")
        return _exercise(row)

    def exercise_summary(self, since: dt.date) -> dict:
        """Exercises done since `since`: by kind, by person, and mean mood before and after
        (over those with both)."""
        window = {"since": since.isoformat()}
        by_kind = self._all(
            "SELECT kind, count(*) AS done FROM exercises WHERE day >= :since "
            "GROUP BY kind ORDER BY done DESC, kind",
            window,
        )
        by_person = self._all(
            "SELECT p.name, count(*) AS done FROM exercises e JOIN people p ON p.id = e.person_id "
            "WHERE e.day >= :since GROUP BY p.id ORDER BY done DESC, p.name",
            window,
        )
        mood = self._one(
            "SELECT count(*) AS rated, avg(mood_before) AS before, avg(mood_after) AS after FROM exercises "
            "WHERE day >= :since AND mood_before IS NOT NULL AND mood_after IS NOT NULL",
            window,
        )
        return {
            "by_kind": {row["kind"]: row["done"] for row in by_kind},
            "by_person": {row["name"]: row["done"] for row in by_person},
            "mood_rated": mood["rated"],
            "mean_mood_before": mood["before"],
            "mean_mood_after": mood["after"],
        }

    # ------------------------------------------------------------ homework

    def add_homework(self, homework: HomeworkIn) -> Homework:
        with self.writing():
            homework_id = self._insert_homework(homework)
        return self.homework_item(homework_id)

    def _insert_homework(self, homework: HomeworkIn) -> int:
        person_id = self.person_named(homework.person).id if homework.person else None
        if homework.exercise_id is not None:
            self.exercise(homework.exercise_id)  # refuses an unknown id
        stamp = now()
        return self.conn.execute(
            "INSERT INTO homework (uid, text, due, person_id, exercise_id, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                _new_uid(),
                homework.text,
                homework.due.isoformat() if homework.due else None,
                person_id,
                homework.exercise_id,
                stamp,
                stamp,
            ),
        ).lastrowid

    def homework(self, open_only: bool = True) -> list[Homework]:
        """Open items first, soonest due first (undated last), then the closed ones."""
        where = "WHERE h.status = 'open'" if open_only else ""
        rows = self._all(
            f"SELECT h.*, p.name AS person FROM homework h LEFT JOIN people p ON p.id = h.person_id {where} "
            "ORDER BY h.status != 'open', h.due IS NULL, h.due, h.id"
        )
        return [_homework(row) for row in rows]

    def homework_item(self, homework_id: int) -> Homework:
        row = self._one(
            "SELECT h.*, p.name AS person FROM homework h LEFT JOIN people p ON p.id = h.person_id "
            "WHERE h.id = ?",
            (homework_id,),
        )
        if row is None:
            raise NotFound(
                f"There is no homework #{homework_id}.", "See the ids with: ipt homework list --all"
            )
        return _homework(row)

    def close_homework(
        self, homework_id: int, status: str, day: dt.date, result: HomeworkDoneIn | None = None
    ) -> Homework:
        with self.writing():
            self._close_homework(homework_id, status, day, result)
        return self.homework_item(homework_id)

    def _close_homework(
        self, homework_id: int, status: str, day: dt.date, result: HomeworkDoneIn | None
    ) -> None:
        current = self.homework_item(homework_id)
        if current.status != "open":
            raise InputError(f"Homework #{homework_id} is already {current.status}.")
        self.conn.execute(
            "UPDATE homework SET status = ?, closed_on = ?, outcome = ?, helpful = ?, updated_at = ? "
            "WHERE id = ?",
            (
                status,
                day.isoformat(),
                result.outcome if result else None,
                result.helpful if result else None,
                now(),
                homework_id,
            ),
        )

    def homework_summary(self, since: dt.date, today: dt.date) -> sqlite3.Row:
        """Homework set since `since`: how many, done, skipped, and open past their due day."""
        return self._one(
            "SELECT count(*) AS assigned, total(status = 'done') AS done, "
            "total(status = 'skipped') AS skipped, total(status = 'open' AND due < :today) AS overdue "
            "FROM homework WHERE substr(created_at, 1, 10) >= :since OR due >= :since",
            {"since": since.isoformat(), "today": today.isoformat()},
        )

    # ------------------------------------------------------------ export and import

    TABLES = (
        "people",
        "checkins",
        "interactions",
        "checkin_tags",
        "measures",
        "courses",
        "goals",
        "goal_history",
        "goal_ratings",
        "safety_plan_items",
        "reviews",
        "coping_log",
        "exercises",
        "homework",
    )

    def dump(self) -> dict[str, list[dict]]:
        """Every row of every table, in the order it was written."""
        return {
            table: [dict(row) for row in self._all(f"SELECT * FROM {table} ORDER BY rowid")]
            for table in self.TABLES
        }

    def columns(self, table: str) -> list[str]:
        return [row["name"] for row in self._all(f"PRAGMA table_info({table})")]

    def merge(self, doc, dry_run: bool = False) -> dict[str, dict[str, int]]:
        """Merge an export document (portable.Document) by stable uids in one transaction:
        absent records are added, differing ones updated. With `dry_run` the same work is
        done and rolled back. Returns, per kind of record, how many were added and updated."""
        counts: dict[str, dict[str, int]] = {}
        try:
            with self.writing():
                _Merge(self, counts).run(doc)
                if dry_run:
                    raise _DryRun
        except _DryRun:
            pass
        return counts


class _DryRun(Exception):
    """Raised inside a merge's transaction to roll it back."""


class _Merge:
    """One import, inside its transaction: maps uids to this journal's row ids as it goes."""

    def __init__(self, journal: Journal, counts: dict):
        self.conn = journal.conn
        self.journal = journal
        self.counts = counts
        self.ids: dict[str, dict[str, int]] = {}

    def run(self, doc) -> None:
        self._known_ids("people", "checkins", "goals", "exercises")
        for person in doc.people:
            self._person(person)
        for checkin in doc.checkins:
            self._checkin(checkin)
        for measure in doc.measures:
            answers = json.dumps(measure.answers)
            self._upsert(
                "measures",
                measure.uid,
                {
                    "scale": measure.scale,
                    "day": measure.day.isoformat(),
                    "answers": answers,
                    "total": sum(measure.answers),
                    "checkin_id": self._ref("checkins", measure.checkin),
                    "created_at": measure.created_at,
                    "updated_at": measure.updated_at,
                },
            )
        for course in doc.courses:
            self._upsert(
                "courses",
                course.uid,
                {
                    "started_on": course.started_on.isoformat(),
                    "planned_weeks": course.planned_weeks,
                    "background": course.background,
                    "reason": course.reason,
                    "with_therapist": _int(course.with_therapist),
                    "focus_areas": ",".join(area.value for area in course.focus_areas),
                    "dispute_person_id": self._ref("people", course.dispute_person),
                    "dispute_stage": _value(course.dispute_stage),
                    "ended_on": course.ended_on.isoformat() if course.ended_on else None,
                    "created_at": course.created_at,
                    "updated_at": course.updated_at,
                },
            )
        for goal in doc.goals:
            self._goal(goal)
        for item in doc.safety_plan:
            self._upsert(
                "safety_plan_items",
                item.uid,
                {
                    "step": item.step,
                    "text": item.text,
                    "person_id": self._ref("people", item.person),
                    "created_at": item.created_at,
                    "updated_at": item.updated_at,
                },
            )
        for use in doc.coping:
            self._upsert(
                "coping_log",
                use.uid,
                {
                    "strategy": use.strategy,
                    "day": use.day.isoformat(),
                    "helpful": use.helpful,
                    "note": use.note,
                    "created_at": use.created_at,
                    "updated_at": use.updated_at,
                },
            )
        for exercise in doc.exercises:
            exercise_id, _ = self._upsert(
                "exercises",
                exercise.uid,
                {
                    "kind": exercise.kind,
                    "day": exercise.day.isoformat(),
                    "person_id": self._ref("people", exercise.person),
                    "mood_before": exercise.mood_before,
                    "mood_after": exercise.mood_after,
                    "answers": json.dumps(exercise.answers, ensure_ascii=False),
                    "created_at": exercise.created_at,
                    "updated_at": exercise.updated_at,
                },
            )
            self.ids["exercises"][exercise.uid] = exercise_id
        for item in doc.homework:
            self._upsert(
                "homework",
                item.uid,
                {
                    "text": item.text,
                    "due": item.due.isoformat() if item.due else None,
                    "person_id": self._ref("people", item.person),
                    "status": item.status,
                    "outcome": item.outcome,
                    "helpful": item.helpful,
                    "closed_on": item.closed_on.isoformat() if item.closed_on else None,
                    "exercise_id": self._ref("exercises", item.exercise),
                    "created_at": item.created_at,
                    "updated_at": item.updated_at,
                },
            )
        for review in doc.reviews:
            self._upsert(
                "reviews",
                review.uid,
                {
                    "day": review.day.isoformat(),
                    "what_changed": review.what_changed,
                    "what_helped": review.what_helped,
                    "warning_signs": review.warning_signs,
                    "keep_practising": review.keep_practising,
                    "created_at": review.created_at,
                    "updated_at": review.updated_at,
                },
            )

    def _known_ids(self, *tables: str) -> None:
        for table in tables:
            self.ids[table] = {
                row["uid"]: row["id"] for row in self.conn.execute(f"SELECT id, uid FROM {table}")
            }

    def _ref(self, table: str, uid: str | None) -> int | None:
        if uid is None:
            return None
        if uid not in self.ids[table]:
            raise InputError(
                f"The file refers to a record in {table} (uid {uid}) that is neither in the file nor in "
                "your journal. Nothing was imported."
            )
        return self.ids[table][uid]

    def _count(self, table: str, what: str) -> None:
        self.counts.setdefault(table, {"added": 0, "updated": 0})[what] += 1

    def _upsert(self, table: str, uid: str, values: dict) -> tuple[int, bool]:
        """Insert or update the row with `uid`; returns its id and whether anything changed."""
        row = self.conn.execute(f"SELECT * FROM {table} WHERE uid = ?", (uid,)).fetchone()
        if row is None:
            columns = ["uid", *values]
            cursor = self.conn.execute(
                f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
                [uid, *values.values()],
            )
            self._count(table, "added")
            return cursor.lastrowid, True
        if any(row[column] != value for column, value in values.items()):
            assignments = ", ".join(f"{column} = ?" for column in values)
            self.conn.execute(f"UPDATE {table} SET {assignments} WHERE id = ?", [*values.values(), row["id"]])
            self._count(table, "updated")
            return row["id"], True
        return row["id"], False

    def _person(self, person) -> None:
        taken = self.conn.execute(
            "SELECT uid FROM people WHERE name = ? COLLATE NOCASE AND uid != ?", (person.name, person.uid)
        ).fetchone()
        if taken:
            raise InputError(
                f"The file's {person.name} is a different person from the {person.name} in your journal "
                "(their ids differ). Rename one of them first. Nothing was imported."
            )
        values = {field: _value(getattr(person, field)) for field in PERSON_FIELDS}
        values["can_confide"] = _int(person.can_confide)
        values.update(created_at=person.created_at, updated_at=person.updated_at)
        person_id, _ = self._upsert("people", person.uid, values)
        self.ids["people"][person.uid] = person_id

    def _checkin(self, checkin) -> None:
        checkin_id, changed = self._upsert(
            "checkins",
            checkin.uid,
            {
                "day": checkin.day.isoformat(),
                "mood": checkin.mood,
                "note": checkin.note,
                "created_at": checkin.created_at,
                "updated_at": checkin.updated_at,
            },
        )
        self.ids["checkins"][checkin.uid] = checkin_id
        wanted = [
            (self._ref("people", i.person), i.quality, i.created_at, i.updated_at) for i in checkin.people
        ]
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
        if [tuple(row) for row in have] != wanted or tags != checkin.tags:
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

    def _goal(self, goal) -> None:
        goal_id, _ = self._upsert(
            "goals",
            goal.uid,
            {
                "text": goal.text,
                "status": goal.status,
                "closed_on": goal.closed_on.isoformat() if goal.closed_on else None,
                "created_at": goal.created_at,
                "updated_at": goal.updated_at,
            },
        )
        self.ids["goals"][goal.uid] = goal_id
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


def _value(value):
    """An enum as its stored text; anything else as it is."""
    return getattr(value, "value", value)


def _int(flag: bool | None) -> int | None:
    return None if flag is None else int(flag)


def read_safety_plan(path: Path) -> list[SafetyPlanItem]:
    """The safety plan, read without creating, migrating, prompting or waiting long: for
    `ipt crisis`, which must not depend on the journal being healthy. An encrypted journal
    is read only when its passphrase is in the environment."""
    if not path.is_file():
        return []
    key = os.environ.get(PASSPHRASE_ENV) if is_encrypted(path) else None
    if is_encrypted(path) and not key:
        return []
    conn = connect(path, key, read_only=True, timeout=1)
    try:
        if conn.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION:
            return []
        return Journal(conn, path).safety_plan()
    finally:
        conn.close()


def _homework(row: sqlite3.Row) -> Homework:
    values = dict(row)
    values.pop("person_id")
    return Homework(**values)


EXERCISE_SELECT = "SELECT e.*, p.name AS person FROM exercises e LEFT JOIN people p ON p.id = e.person_id"


def _exercise(row: sqlite3.Row) -> Exercise:
    values = dict(row)
    values.pop("person_id")
    values["answers"] = json.loads(values["answers"])
    return Exercise(**values)


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
