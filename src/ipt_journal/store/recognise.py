"""Which files are ipt journals: a regular file (never a FIFO or a device), and one carrying
ipt's mark, or an ipt journal from before the mark. Another program's database is named as
such and never changed."""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

from ipt_journal.errors import JournalError

# The mark of an ipt journal, in the file's header (PRAGMA application_id; inside the
# encryption for SQLCipher): "ipt1". A file without it is never migrated, so another
# program's database is not turned into a journal, whatever its user_version.
APPLICATION_ID = 0x69707431
# The migrations ipt applied before the mark (migration 11 adds it; shipped migrations never
# change): an unmarked file is taken for an ipt journal only if its user_version counts some of
# these and it holds ipt's own tables and sqlite-utils' record of exactly those migrations.
UNMARKED_MIGRATIONS = (
    "m001_people_checkins_interactions",
    "m002_measures_course_goals_safety_plan",
    "m003_coping_log",
    "m004_homework",
    "m005_exercises",
    "m006_clinical_fields",
    "m007_life_events",
    "m008_therapy_sessions_and_things_to_bring",
    "m009_search_ids_never_reused_own_strategies",
    "m010_how_it_went_can_be_unknown",
)
MIGRATION_SET = "ipt_journal"


def refuse_unless_regular(
    path: Path, what: str = "a journal file", hint: str = "Point --db at a file."
) -> None:
    """A FIFO would make SQLite wait forever for a writer; a device such as /dev/null
    cannot hold a journal: refuse anything at `path` that is not a regular file."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise JournalError(f"Cannot read {path}: {exc.strerror}.") from None
    if stat.S_ISREG(info.st_mode):
        return
    if stat.S_ISDIR(info.st_mode):
        kind = "a folder"
    elif stat.S_ISFIFO(info.st_mode):
        kind = "a FIFO (a named pipe)"
    elif stat.S_ISCHR(info.st_mode) or stat.S_ISBLK(info.st_mode):
        kind = "a device"
    else:
        kind = "not a regular file"
    raise JournalError(f"{path} is {kind}, not {what}. Nothing was read or changed.", hint)


def refuse_foreign(conn: sqlite3.Connection, path: Path) -> None:
    """Refuse a file that is not an ipt journal: one marked by another program, or unmarked
    with anything in it but a journal ipt wrote before the mark (its schema versions, its
    tables and its record of migrations). An empty file becomes a new journal."""
    mark = conn.execute("PRAGMA application_id").fetchone()[0]
    if mark == APPLICATION_ID:
        return
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if mark == 0 and version == 0 and not tables:
        return  # a new, empty file
    if mark == 0 and 1 <= version <= len(UNMARKED_MIGRATIONS) and _before_the_mark(conn, version, tables):
        return
    raise JournalError(
        f"{path} is an SQLite database, but not an ipt journal; it was not changed.",
        "Point --db at a new file or at your journal.",
    )


def _before_the_mark(conn: sqlite3.Connection, version: int, tables: set[str]) -> bool:
    if not {"people", "checkins", "_sqlite_migrations"} <= tables:
        return False
    applied = [
        row[0]
        for row in conn.execute(
            "SELECT name FROM _sqlite_migrations WHERE migration_set = ? ORDER BY rowid", (MIGRATION_SET,)
        )
    ]
    return applied == list(UNMARKED_MIGRATIONS[:version])


class Unreadable(JournalError):
    """A file with SQLite's header that SQLite cannot read: a damaged journal, perhaps, or
    another program's damaged database; no one can tell which."""


def refuse_unless_journal_file(path: Path) -> None:
    """Before removing or repairing the file at `path` as a journal without opening it (`ipt
    wipe`, `ipt doctor --fix`): it must be a regular file that is empty, encrypted (whole pages
    of random bytes: no one can tell more without the passphrase), or an SQLite database that is
    an ipt journal. Anything else is named and left alone."""
    refuse_unless_regular(path)
    if not path.exists() or path.stat().st_size == 0:
        return
    from ipt_journal.store.connection import SQLITE_HEADER, is_encrypted

    if is_encrypted(path):
        return
    with open(path, "rb") as handle:
        header = handle.read(100)  # SQLite's file header
    if header[: len(SQLITE_HEADER)] != SQLITE_HEADER:
        raise JournalError(
            f"{path} is not an ipt journal (not a database at all); it was not changed.",
            "Point --db at your journal.",
        )
    if int.from_bytes(header[68:72], "big") == APPLICATION_ID:  # PRAGMA application_id's bytes
        return
    # Read as the file stands (immutable: no -shm to create, so a read-only folder works too).
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?immutable=1", uri=True)
    try:
        refuse_foreign(conn, path)
    except sqlite3.DatabaseError as exc:  # SQLite's header, then pages SQLite cannot read
        raise Unreadable(
            f"{path} starts like an SQLite database, but SQLite cannot read it ({exc}); it was not changed.",
            "If it is your journal, it is damaged: restore it from a backup (ipt restore).",
        ) from None
    finally:
        conn.close()
