"""`ipt wipe` and `ipt doctor --fix` act only on ipt's own files: another program's database
or a file that is no database at all, named by --db, is refused and left exactly as it was
(issue 22, point 4; found by a second attack)."""

import os
import sqlite3

import pytest

from support import assert_user_error


def _foreign_database(path):
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (text)")
    conn.execute("INSERT INTO notes VALUES ('not ipt')")
    conn.execute("PRAGMA user_version = 5")
    conn.commit()
    conn.close()


def _text_file(path):
    path.write_text("hello, not a database\n")


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (_foreign_database, "is an SQLite database, but not an ipt journal; it was not changed."),
        (_text_file, "is not an ipt journal (not a database at all); it was not changed."),
    ],
)
@pytest.mark.parametrize("command", [("wipe", "--yes"), ("doctor", "--fix")])
def test_a_file_that_is_not_a_journal_is_never_removed_or_repaired(ipt, tmp_path, make, message, command):
    other = tmp_path / "other.db"
    make(other)
    os.chmod(other, 0o644)
    before = other.read_bytes()
    result = ipt("--db", str(other), "--no-input", *command)
    assert_user_error(result, message, code=1)
    assert other.read_bytes() == before
    assert oct(other.stat().st_mode & 0o777) == "0o644"  # doctor --fix did not touch it


def test_wipe_still_removes_a_journal(ipt):
    ipt.ok("checkin", "--mood", "5")
    assert ipt.path.exists()
    ipt.ok("--no-input", "wipe", "--yes")
    assert not ipt.path.exists()


def test_doctor_never_offers_a_permissions_fix_it_cannot_make_on_read_only_media(ipt, monkeypatch):
    from ipt_journal.safekeeping import doctor

    ipt.ok("checkin", "--mood", "5")
    os.chmod(ipt.path, 0o644)
    monkeypatch.setattr(doctor, "_read_only_media", lambda path: True)  # a locked USB stick, say
    out = " ".join(ipt("doctor").stdout.split())
    assert "on read-only media, so ipt cannot change it there" in out
    assert "Run again with --fix" not in out
    ipt("doctor", "--fix")
    assert oct(ipt.path.stat().st_mode & 0o777) == "0o644"


def _damaged_database(path):
    path.write_bytes(b"SQLite format 3\x00")  # SQLite's header, and nothing SQLite can read


@pytest.mark.parametrize("command", [("wipe", "--yes"), ("doctor", "--fix")])
def test_a_file_sqlite_cannot_read_is_named_and_left_alone(ipt, tmp_path, command):
    damaged = tmp_path / "damaged.db"
    _damaged_database(damaged)
    result = ipt("--db", str(damaged), "--no-input", *command)
    assert_user_error(result, "starts like an SQLite database, but SQLite cannot read it", code=1)
    assert "restore it from a backup (ipt restore)" in " ".join(result.output.split())
    assert damaged.read_bytes() == b"SQLite format 3\x00"


def test_doctor_says_a_file_sqlite_cannot_read_is_damaged(ipt, tmp_path):
    damaged = tmp_path / "damaged.db"
    _damaged_database(damaged)
    result = ipt("--db", str(damaged), "doctor")
    out = " ".join(result.stdout.split())
    assert result.exit_code == 1 and "this is a bug" not in result.output
    assert "file is not a database" in out and "not an ipt journal" not in out
    assert damaged.read_bytes() == b"SQLite format 3\x00"
