"""Backups, restore and doctor: the journal survives mistakes and stays private."""

import os
import sqlite3
import stat
from pathlib import Path

from ipt_journal.safekeeping import doctor
from support import assert_user_error, flat


def mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_backup_is_a_checked_private_copy(people):
    people.ok("checkin", "--date", "2026-01-05", "--mood", "6", "--with", "Sam:+1")
    out = flat(people.ok("backup").stdout)
    backups = list((people.path.parent / "backups").glob("journal-*.db"))
    assert len(backups) == 1 and str(backups[0]) in out and "not encrypted" in out
    assert mode(backups[0]) == 0o600 and mode(backups[0].parent) == 0o700
    copy = sqlite3.connect(backups[0])
    assert copy.execute("SELECT mood FROM checkins").fetchall() == [(6,)]
    assert copy.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # one self-contained file
    copy.close()


def test_backup_while_another_connection_has_uncommitted_changes(people, tmp_path):
    writer = sqlite3.connect(people.path, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("UPDATE people SET notes = 'half-written' WHERE name = 'Sam'")
    people.ok("backup", str(tmp_path / "snapshot.db"))
    writer.execute("ROLLBACK")
    writer.close()
    copy = sqlite3.connect(tmp_path / "snapshot.db")
    assert copy.execute("SELECT notes FROM people WHERE name = 'Sam'").fetchall() == [(None,)]


def test_backup_never_overwrites(people, tmp_path):
    target = tmp_path / "mine.db"
    target.write_text("precious")
    assert_user_error(people("backup", str(target)), "already exists")
    assert target.read_text() == "precious"
    assert not list(tmp_path.glob(".mine.db.*"))  # no temporary left behind


def test_restore_checks_first_keeps_the_current_journal_and_swaps_whole(people, tmp_path):
    people.ok("checkin", "--date", "2026-01-05", "--mood", "6")
    people.ok("backup", str(tmp_path / "monday.db"))
    people.ok("checkin", "--date", "2026-01-06", "--mood", "2")
    out = flat(people.ok("restore", str(tmp_path / "monday.db"), "--yes").stdout)
    assert "Restored." in out
    assert people.rows("SELECT day FROM checkins") == [("2026-01-05",)]
    kept = list((people.path.parent / "backups").glob("journal-*.db"))
    assert len(kept) == 1 and str(kept[0]) in out.replace(" ", "") or str(kept[0]) in out
    assert sqlite3.connect(kept[0]).execute("SELECT count(*) FROM checkins").fetchone()[0] == 2
    assert mode(people.path) == 0o600
    assert "ok   integrity" in people.ok("doctor").stdout


def test_restore_refuses_a_bad_backup_and_changes_nothing(people, tmp_path):
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a journal" * 100)
    before = people.rows("SELECT name FROM people ORDER BY name")
    assert_user_error(people("restore", str(junk), "--yes"), "is not a readable ipt journal", code=1)
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE x (y)").connection.close()
    assert_user_error(people("restore", str(other), "--yes"), "not an ipt journal", code=1)
    assert_user_error(people("restore", str(tmp_path / "missing.db"), "--yes"), "There is no file")
    assert_user_error(people("restore", str(junk)), "--yes")
    assert people.rows("SELECT name FROM people ORDER BY name") == before
    assert not (people.path.parent / "backups").exists()


def test_a_truncated_backup_is_refused(people, tmp_path):
    people.ok("backup", str(tmp_path / "full.db"))
    data = (tmp_path / "full.db").read_bytes()
    (tmp_path / "cut.db").write_bytes(data[: len(data) // 3])
    result = people("restore", str(tmp_path / "cut.db"), "--yes")
    assert_user_error(result, f"{tmp_path / 'cut.db'} is not a readable ipt journal", code=1)
    assert people.rows("SELECT name FROM people ORDER BY name") == [("Alex",), ("Jo",), ("Sam",)]


def test_doctor_reports_and_fixes_permissions(people):
    os.chmod(people.path, 0o644)
    os.chmod(people.path.parent, 0o755)
    result = people("doctor")
    assert result.exit_code == 1
    assert "others can read it" in result.stdout and "--fix" in result.stdout
    people.ok("doctor", "--fix")
    assert mode(people.path) == 0o600 and mode(people.path.parent) == 0o700
    out = people.ok("doctor").stdout
    assert "ok   integrity" in out and "ok   schema: version" in out and "not encrypted" in out


def test_doctor_on_a_damaged_file_says_so_without_touching_it(ipt):
    ipt.path.parent.mkdir(parents=True, mode=0o700)
    ipt.path.write_bytes(b"garbage" * 1000)
    os.chmod(ipt.path, 0o600)
    result = ipt("doctor")
    assert result.exit_code == 1 and "!!   integrity" in result.stdout
    assert ipt.path.read_bytes() == b"garbage" * 1000


def test_doctor_warns_about_cloud_synced_folders(tmp_path, ipt):
    synced = tmp_path / "Dropbox" / "journal.db"
    ipt.ok("--db", str(synced), "inventory", "list")
    result = ipt("--db", str(synced), "doctor")
    assert result.exit_code == 1 and "cloud-synced folder (dropbox)" in flat(result.stdout)


def test_filesystem_type_is_read_from_mounts():
    assert doctor._filesystem_type(Path("/")) is not None


def test_doctor_on_another_programs_database_names_it_and_suggests_nothing_of_ipts(ipt, tmp_path):
    """Found by a trial: doctor offered to fix the permissions of another program's file
    and to back it up, and --fix and backup then refused it."""
    photos = tmp_path / "photos" / "photos.sqlite"
    photos.parent.mkdir()
    with sqlite3.connect(photos) as conn:
        conn.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY)")
    os.chmod(photos, 0o644)
    before = photos.read_bytes()
    result = ipt("--db", str(photos), "doctor")
    assert result.exit_code == 1
    out = flat(result.stdout)
    assert "!! journal:" in out and "is an SQLite database, but not an ipt journal; it was not changed" in out
    for ipts_advice in ("--fix", "ipt backup", "ipt encrypt", "FIX"):
        assert ipts_advice not in out, out
    assert_user_error(ipt("--db", str(photos), "doctor", "--fix"), "not an ipt journal", code=1)
    assert photos.read_bytes() == before and mode(photos) == 0o644
