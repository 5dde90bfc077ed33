"""Reliability proofs, data loss (issue 16, items 1-5 and 14): what an attacker and a crash
found, each reproduced. Named files are never written over by accident, nothing saved during
encrypt or decrypt is lost, an old export never undoes newer edits, and restore takes the
whole backup, with the backup's own passphrase."""

import json
import os
import sqlite3

import pytest

from support import assert_user_error, flat
from writers import Writer

PASSPHRASE = "correct horse battery"
MARKER = "MARKER-9f2e a note nobody else should read"


def open_cipher(path, key):
    from sqlcipher3 import dbapi2

    conn = dbapi2.connect(str(path))
    conn.execute(f"PRAGMA key = '{key}'")
    return conn


# ------------------------------------------------------------------ 1. named files


def test_export_never_writes_over_the_journal(people):
    people.ok("checkin", "--mood", "6", "--note", MARKER)
    before = people.path.read_bytes()
    for target in (people.path, f"{people.path}-wal", people.path.parent / "backups" / "x.json"):
        assert_user_error(people("export", "-o", str(target), "--force"), "never writes an export over it")
    assert people.path.read_bytes()[:16] == before[:16] == b"SQLite format 3\x00"
    assert people.rows("SELECT note FROM checkins") == [(MARKER,)]


def test_export_of_an_encrypted_journal_as_markdown_cannot_replace_it(people, monkeypatch):
    people.ok("checkin", "--mood", "6", "--note", MARKER)
    monkeypatch.setenv("IPT_JOURNAL_PASSPHRASE", PASSPHRASE)
    people.ok("encrypt", "--yes")
    assert_user_error(people("export", "-f", "markdown", "-o", str(people.path)), "never writes an export")
    assert MARKER.encode() not in people.path.read_bytes()
    assert "MARKER" in people.ok("checkin", "list").stdout


def test_an_existing_file_is_kept_unless_force(people, tmp_path):
    target = tmp_path / "mine.json"
    target.write_text("my own file")
    assert_user_error(people("export", "-o", str(target)), "already exists", "--force")
    assert target.read_text() == "my own file"
    people.ok("export", "-o", str(target), "--force")
    assert json.loads(target.read_text())["format"] == "ipt-journal-export"
    assert oct(target.stat().st_mode & 0o777) == "0o600"


def test_fifos_links_folders_and_missing_folders_are_refused(people, tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    link = tmp_path / "link.json"
    link.symlink_to(tmp_path / "elsewhere.json")
    (tmp_path / "plain-file").write_text("")
    cases = [
        (fifo, "not a regular file"),
        (link, "is a link"),
        (tmp_path, "is a folder"),
        (tmp_path / "missing" / "out.json", "does not exist"),
        (tmp_path / "plain-file" / "x.json", "is not a folder"),
    ]
    for target, phrase in cases:
        assert_user_error(people("export", "-o", str(target), "--force"), phrase)
    assert not (tmp_path / "elsewhere.json").exists()


def test_dash_writes_to_standard_output(people, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = people.ok("export", "-o", "-")
    assert json.loads(result.stdout)["format"] == "ipt-journal-export"
    assert not (tmp_path / "-").exists()


def test_csv_export_keeps_an_unrelated_file_in_its_folder(people, tmp_path):
    folder = tmp_path / "csv"
    folder.mkdir()
    (folder / "people.csv").write_text("my own spreadsheet")
    assert_user_error(people("export", "-f", "csv", "-o", str(folder)), "people.csv already exists")
    assert (folder / "people.csv").read_text() == "my own spreadsheet"
    assert sorted(p.name for p in folder.iterdir()) == ["people.csv"]  # none written before the refusal
    people.ok("export", "-f", "csv", "-o", str(folder), "--force")
    assert "Sam" in (folder / "people.csv").read_text()


def test_backup_to_a_named_file_is_checked_the_same_way(people, tmp_path):
    target = tmp_path / "copy.db"
    target.write_text("keep me")
    assert_user_error(people("backup", str(target)), "already exists")
    assert target.read_text() == "keep me"
    people.ok("backup", str(target), "--force")
    assert target.read_bytes()[:16] == b"SQLite format 3\x00"
    assert_user_error(people("backup", f"{people.path}-shm", "--force"), "never writes")


# ------------------------------------------------------------------ 2. encrypt and decrypt


@pytest.mark.parametrize("direction", ["encrypt", "decrypt"])
def test_nothing_reported_saved_during_encrypt_or_decrypt_is_lost(people, monkeypatch, direction):
    monkeypatch.setenv("IPT_JOURNAL_PASSPHRASE", PASSPHRASE)
    if direction == "decrypt":
        people.ok("encrypt", "--yes")
    for _ in range(3):
        writer = Writer(people.path, PASSPHRASE)
        writer.wait_saved(2)  # saving before the journal is replaced,
        people.ok(direction, "--yes")
        writer.wait_saved(1)  # and after it
        writer.stop()
        saved = writer.saved()
        assert len(saved) >= 3, writer.lines
        conn = (
            open_cipher(people.path, PASSPHRASE) if direction == "encrypt" else sqlite3.connect(people.path)
        )
        kept = {row[0] for row in conn.execute("SELECT note FROM checkins")}
        conn.close()
        assert saved <= kept, f"reported saved but lost: {sorted(saved - kept)}"
        direction = "decrypt" if direction == "encrypt" else "encrypt"


# ------------------------------------------------------------------ 3. import


def test_importing_an_older_export_keeps_newer_edits_and_says_so(people, tmp_path):
    people.ok("checkin", "--mood", "6", "--note", "what I wrote today")
    people.ok("inventory", "edit", "Sam", "--notes", "current notes")
    old = json.loads(people.ok("export").stdout)
    old["checkins"][0].update(note="an old version", updated_at="2020-01-01T00:00:00Z")
    sam = next(p for p in old["people"] if p["name"] == "Sam")
    sam.update(notes="old notes", updated_at="2020-01-01T00:00:00Z")
    file = tmp_path / "old.json"
    file.write_text(json.dumps(old))
    out = flat(people.ok("import", str(file)).stdout)
    assert "checkins: 0 added, 0 updated, 1 kept (yours is newer)" in out
    assert "people: 0 added, 0 updated, 1 kept (yours is newer)" in out
    assert people.rows("SELECT note FROM checkins") == [("what I wrote today",)]
    assert people.rows("SELECT notes FROM people WHERE name = 'Sam'") == [("current notes",)]
    assert not (people.path.parent / "backups").exists()  # nothing changed, nothing to keep


def test_an_import_that_changes_records_keeps_a_backup_first(people, tmp_path):
    people.ok("checkin", "--mood", "6", "--note", "before")
    newer = json.loads(people.ok("export").stdout)
    newer["checkins"][0].update(note="after", updated_at="2099-01-01T00:00:00Z")
    file = tmp_path / "newer.json"
    file.write_text(json.dumps(newer))
    out = flat(people.ok("import", str(file)).stdout)
    assert "checkins: 0 added, 1 updated" in out and "as it was is kept at" in out
    (backup,) = (people.path.parent / "backups").iterdir()
    assert people.rows_in(backup, "SELECT note FROM checkins") == [("before",)]
    assert people.rows("SELECT note FROM checkins") == [("after",)]


# ------------------------------------------------------------------ 4 and 5. restore


def test_restore_takes_the_rows_still_in_the_backups_wal(people, tmp_path):
    backup = tmp_path / "copy.db"
    people.ok("backup", str(backup))
    holder = sqlite3.connect(backup, isolation_level=None)
    holder.execute("PRAGMA journal_mode = WAL")
    holder.execute("PRAGMA wal_autocheckpoint = 0")
    holder.execute(
        "INSERT INTO checkins (uid, day, mood, note, created_at, updated_at) "
        "VALUES ('w1', '2026-01-02', 4, 'only in the wal', '2026-01-02T00:00:00Z', '2026-01-02T00:00:00Z')"
    )
    assert os.path.getsize(f"{backup}-wal") > 0
    try:
        people.ok("restore", str(backup), "--yes")
    finally:
        holder.close()
    assert people.rows("SELECT note FROM checkins") == [("only in the wal",)]


def test_an_old_encrypted_backup_restores_with_its_own_passphrase(people, monkeypatch, tmp_path):
    people.ok("checkin", "--mood", "6", "--note", MARKER)
    monkeypatch.setenv("IPT_JOURNAL_PASSPHRASE", PASSPHRASE)
    people.ok("encrypt", "--yes")
    backup = tmp_path / "old.db"
    people.ok("backup", str(backup))
    monkeypatch.setenv("IPT_JOURNAL_NEW_PASSPHRASE", "a brand new passphrase")
    people.ok("passphrase")
    monkeypatch.setenv("IPT_JOURNAL_PASSPHRASE", "a brand new passphrase")
    people.ok("checkin", "--mood", "2", "--note", "after the change")
    assert_user_error(people("restore", str(backup), "--yes"), "set IPT_BACKUP_PASSPHRASE")
    monkeypatch.setenv("IPT_BACKUP_PASSPHRASE", PASSPHRASE)
    out = flat(people.ok("restore", str(backup), "--yes").stdout)
    assert "Restored" in out and "your journal's passphrase" in out
    notes = [c["note"] for c in json.loads(people.ok("checkin", "list", "--json").stdout)]
    assert notes == [MARKER]  # the journal opens with its own, new passphrase


# ------------------------------------------------------------------ 14. durability


def test_settings_exports_and_backups_flush_their_folder_through_one_helper(people, tmp_path, monkeypatch):
    from ipt_journal.safekeeping import files

    flushed = []
    monkeypatch.setattr(files, "fsync_folder", flushed.append)
    people.ok("config", "set", "country", "IE")
    people.ok("export", "-o", str(tmp_path / "out.json"))
    people.ok("backup", str(tmp_path / "copy.db"))
    settings_folder = tmp_path / "config"
    assert flushed == [settings_folder, tmp_path, tmp_path]
    assert not [p for p in tmp_path.rglob("*") if p.name.startswith(files.TEMP_PREFIX)]
