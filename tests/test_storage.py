"""The journal file: where it lives, who can read it, how it is upgraded and refused."""

import os
import sqlite3
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from ipt_journal import store
from ipt_journal.store import SCHEMA_VERSION, open_journal
from ipt_journal.store.migrations import migrations
from support import assert_user_error


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def umask_022():
    old = os.umask(0o022)
    yield
    os.umask(old)


def test_new_journal_is_0600_in_a_0700_folder_under_umask_022(ipt, umask_022):
    ipt.ok("inventory", "add", "--name", "Sam", "--relationship", "partner")
    assert mode(ipt.path) == 0o600
    assert mode(ipt.path.parent) == 0o700


def test_wal_and_shm_files_are_private_too(tmp_path, umask_022):
    journal = open_journal(tmp_path / "private" / "journal.db")
    journal.conn.execute("PRAGMA wal_autocheckpoint = 0")  # keep the -wal file around
    with journal.writing() as conn:
        conn.execute(
            "INSERT INTO checkins (uid, day, mood, created_at, updated_at) "
            "VALUES ('u', '2026-01-01', 5, 'x', 'x')"
        )
    for suffix in ("-wal", "-shm"):
        side_file = tmp_path / "private" / f"journal.db{suffix}"
        assert side_file.exists() and mode(side_file) == 0o600
    assert journal.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert journal.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert journal.conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    journal.close()


def test_only_missing_folders_are_made_private(tmp_path, umask_022):
    shared = tmp_path / "shared"
    shared.mkdir(mode=0o755)
    open_journal(shared / "a" / "b" / "journal.db").close()
    assert mode(shared) == 0o755
    assert mode(shared / "a") == 0o700 and mode(shared / "a" / "b") == 0o700


def test_default_location_is_the_user_data_folder(ipt, tmp_path, monkeypatch):
    monkeypatch.delenv("IPT_JOURNAL_DB")
    out = ipt.ok().stdout
    expected = tmp_path / "xdg-data" / "ipt-journal" / "journal.db"
    assert expected.exists() and str(expected) in out.replace("\n", "")


def test_db_flag_wins_over_the_environment_variable(ipt, tmp_path):
    chosen = tmp_path / "chosen.db"
    ipt.ok("--db", str(chosen), "inventory", "add", "--name", "Sam", "--relationship", "partner")
    assert chosen.exists() and not ipt.path.exists()


def test_migrations_build_the_schema_from_an_empty_file(tmp_path):
    path = tmp_path / "empty.db"
    path.touch()
    open_journal(path).close()
    conn = sqlite3.connect(path)
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"people", "checkins", "interactions", "checkin_tags", "_sqlite_migrations"} <= tables
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    applied = [row[0] for row in conn.execute("SELECT name FROM _sqlite_migrations ORDER BY id")]
    assert applied == [migration.name for migration in migrations._migrations]
    assert applied[0] == "m001_people_checkins_interactions" and len(applied) == SCHEMA_VERSION


def test_every_older_journal_is_upgraded_with_its_data(tmp_path, ipt):
    from sqlite_utils import Database

    names = [migration.name for migration in migrations._migrations]
    for version in range(1, len(names)):
        path = tmp_path / f"v{version}.db"
        conn = sqlite3.connect(path)
        migrations.apply(Database(conn), stop_before=names[version])
        conn.execute(f"PRAGMA user_version = {version}")
        conn.execute(
            "INSERT INTO people (uid, name, relationship, status, created_at, updated_at) "
            "VALUES ('u1', 'Sam', 'partner', 'current', 'x', 'x')"
        )
        conn.commit()
        conn.close()
        ipt.ok("--db", str(path), "checkin", "--mood", "5", "--with", "Sam:+1")
        upgraded = sqlite3.connect(path)
        assert upgraded.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert upgraded.execute("SELECT name FROM people").fetchall() == [("Sam",)]
        assert upgraded.execute("SELECT count(*) FROM interactions").fetchone()[0] == 1
        upgraded.close()


def test_schema_version_counts_the_migrations():
    assert SCHEMA_VERSION == len(migrations._migrations)


def test_opening_twice_applies_nothing_new(tmp_path):
    path = tmp_path / "j.db"
    open_journal(path).close()
    open_journal(path).close()
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT count(*) FROM _sqlite_migrations").fetchone()[0] == SCHEMA_VERSION


def test_a_journal_from_a_newer_version_is_refused_and_untouched(ipt):
    ipt.ok("inventory", "add", "--name", "Sam", "--relationship", "partner")
    conn = sqlite3.connect(ipt.path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    before = ipt.path.read_bytes()
    result = ipt("inventory", "list")
    assert_user_error(result, "written by a newer version of ipt-journal", "Upgrade ipt-journal", code=1)
    assert ipt.path.read_bytes() == before


def test_another_programs_database_is_refused(ipt, tmp_path):
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
    conn.close()
    before = other.read_bytes()
    assert_user_error(ipt("--db", str(other), "inventory", "list"), "not an ipt journal", code=1)
    assert other.read_bytes() == before


def test_a_file_that_is_not_a_database_gives_a_clear_error(ipt, tmp_path):
    junk = tmp_path / "notes.txt"
    junk.write_bytes(b"my private notes, not a database at all" * 100)
    before = junk.read_bytes()
    assert_user_error(ipt("--db", str(junk), "report"), "Cannot use the journal", code=1)
    assert junk.read_bytes() == before


def test_a_folder_is_not_a_journal(ipt, tmp_path):
    assert_user_error(ipt("--db", str(tmp_path), "report"), "is a directory")


WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from ipt_journal.models import CheckinIn
    from ipt_journal.store import open_journal
    journal = open_journal(Path(sys.argv[1]))
    for n in range(int(sys.argv[2])):
        journal.checkins.add(CheckinIn(day="2026-01-01", mood=n % 11, people=[{"name": "Sam", "quality": 1}]))
    journal.close()
    """
)


def test_two_terminals_writing_at_once_both_succeed(ipt):
    ipt.ok("inventory", "add", "--name", "Sam", "--relationship", "partner")
    writers = [
        subprocess.Popen([sys.executable, "-c", WRITER, str(ipt.path), "200"], stderr=subprocess.PIPE)
        for _ in range(2)
    ]
    for writer in writers:
        _, err = writer.communicate(timeout=120)
        assert writer.returncode == 0, err.decode()
    assert ipt.count("checkins") == 400
    assert ipt.count("interactions") == 400


def test_a_failed_write_leaves_nothing_behind(tmp_path):
    from ipt_journal.models import CheckinDraft, CheckinIn, PersonIn

    journal = open_journal(tmp_path / "j.db")
    newcomer = PersonIn(name="Robin", relationship="friend")
    checkin = CheckinIn(
        day="2026-01-01", mood=5, people=[{"name": "Robin", "quality": 1}, {"name": "Nobody", "quality": 0}]
    )
    with pytest.raises(store.NotFound, match="Nobody"):
        journal.checkins.add(CheckinDraft(checkin, newcomers=[newcomer]))
    assert journal.people.all() == [] and journal.checkins.all() == []
    journal.close()
