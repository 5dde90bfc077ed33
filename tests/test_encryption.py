"""Encryption at rest with SQLCipher: no plaintext on disk, clear errors, nothing lost."""

import json
import sqlite3
import subprocess
import sys

import pytest

from ipt_journal import store
from support import assert_user_error, flat

MARKER = "MARKER-4c1d a note nobody else should read"
PASSPHRASE = "correct horse battery"


@pytest.fixture
def secret(people, monkeypatch):
    """The small inventory, a marker note, then encrypted with PASSPHRASE."""
    people.ok("checkin", "--date", "2026-01-05", "--mood", "6", "--with", "Sam:+1", "--note", MARKER)
    monkeypatch.setenv("IPT_JOURNAL_PASSPHRASE", PASSPHRASE)
    out = flat(people.ok("encrypt", "--yes").stdout)
    assert "cannot be recovered" in out and "now encrypted" in out
    return people


def raw(path) -> bytes:
    return path.read_bytes() if path.exists() else b""


def test_the_encrypted_file_and_its_wal_hold_no_plaintext(secret):
    assert store.is_encrypted(secret.path)
    assert MARKER.encode() not in raw(secret.path)
    # Keep a connection open with checkpoints off, so new text sits in the -wal file.
    journal = store.open_journal(secret.path, passphrase=lambda: PASSPHRASE)
    journal.conn.execute("PRAGMA wal_autocheckpoint = 0")
    from ipt_journal.models import CheckinIn

    journal.add_checkin(CheckinIn(day="2026-01-06", mood=5, note=MARKER + " in the wal"))
    wal = type(secret.path)(f"{secret.path}-wal")
    assert wal.exists() and wal.stat().st_size > 0
    assert MARKER.encode() not in raw(wal) and MARKER.encode() not in raw(secret.path)
    journal.close()
    notes = [c["note"] for c in json.loads(secret.ok("checkin", "list", "--json").stdout)]
    assert notes == [MARKER + " in the wal", MARKER]


def test_plain_sqlite_cannot_read_it(secret):
    conn = sqlite3.connect(secret.path)
    with pytest.raises(sqlite3.DatabaseError):
        conn.execute("SELECT * FROM checkins").fetchall()
    conn.close()


def test_a_wrong_passphrase_is_a_clear_error_without_sqlcipher_noise(secret, monkeypatch):
    before = raw(secret.path)
    monkeypatch.setenv("IPT_JOURNAL_PASSPHRASE", "not the one")
    result = secret("checkin", "--mood", "3")
    assert_user_error(result, "Wrong passphrase for the journal", code=1)
    assert result.stderr.count("\n") == 2 and "ERROR CORE" not in result.stderr
    assert raw(secret.path) == before
    child = subprocess.run(
        [sys.executable, "-m", "ipt_journal", "report"],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=60,
    )
    assert (
        child.returncode == 1 and "ERROR CORE" not in child.stderr and "sqlcipher" not in child.stderr.lower()
    )


def test_without_a_passphrase_outside_a_terminal_it_says_how_to_give_one(secret, monkeypatch):
    monkeypatch.delenv("IPT_JOURNAL_PASSPHRASE")
    assert_user_error(secret("report"), "set IPT_JOURNAL_PASSPHRASE", "never as a command-line argument")


def test_backups_of_an_encrypted_journal_are_encrypted_and_restore(secret, tmp_path):
    out = flat(secret.ok("backup", str(tmp_path / "b.db")).stdout)
    assert "encrypted like the journal" in out
    assert store.is_encrypted(tmp_path / "b.db") and MARKER.encode() not in raw(tmp_path / "b.db")
    secret.ok("checkin", "--mood", "2")
    secret.ok("restore", str(tmp_path / "b.db"), "--yes")
    assert len(json.loads(secret.ok("checkin", "list", "--json").stdout)) == 1


def test_change_passphrase_and_decrypt(secret, monkeypatch):
    monkeypatch.setenv("IPT_JOURNAL_NEW_PASSPHRASE", "a brand new one")
    secret.ok("passphrase")
    assert_user_error(secret("report"), "Wrong passphrase", code=1)
    monkeypatch.setenv("IPT_JOURNAL_PASSPHRASE", "a brand new one")
    assert "encrypted with SQLCipher" in secret.ok("doctor").stdout
    secret.ok("decrypt", "--yes")
    assert not store.is_encrypted(secret.path)
    assert secret.rows("SELECT note FROM checkins") == [(MARKER,)]


def test_short_passphrases_and_double_encryption_are_refused(people, monkeypatch):
    monkeypatch.setenv("IPT_JOURNAL_PASSPHRASE", "short")
    assert_user_error(people("encrypt", "--yes"), "at least 8 characters")
    assert not store.is_encrypted(people.path)
    monkeypatch.setenv("IPT_JOURNAL_PASSPHRASE", PASSPHRASE)
    people.ok("encrypt", "--yes")
    assert "already encrypted" in people.ok("encrypt", "--yes").stdout


def test_crisis_works_on_an_encrypted_journal_without_asking(secret, monkeypatch):
    secret.ok("safety-plan", "add", "2", "--text", "A hot shower")
    monkeypatch.delenv("IPT_JOURNAL_PASSPHRASE")
    out = secret.ok("crisis").stdout
    assert "988" in out and "A hot shower" not in out
    monkeypatch.setenv("IPT_JOURNAL_PASSPHRASE", PASSPHRASE)
    assert "A hot shower" in secret.ok("crisis").stdout


def test_export_of_an_encrypted_journal_says_it_is_not_encrypted(secret):
    result = secret.ok("export")
    assert "not encrypted" in result.stderr and json.loads(result.stdout)["checkins"][0]["note"] == MARKER


def test_an_encrypted_journal_from_an_older_version_is_upgraded(tmp_path, ipt, monkeypatch):
    from sqlite_utils import Database

    from ipt_journal.migrations import migrations

    names = [migration.name for migration in migrations._migrations]
    plain = tmp_path / "old.db"
    conn = sqlite3.connect(plain)
    migrations.apply(Database(conn), stop_before=names[-1])
    conn.execute(f"PRAGMA user_version = {len(names) - 1}")
    conn.execute(
        "INSERT INTO people (uid, name, relationship, status, created_at, updated_at) "
        "VALUES ('u1', 'Sam', 'partner', 'current', 'x', 'x')"
    )
    conn.commit()
    conn.close()
    monkeypatch.setenv("IPT_JOURNAL_PASSPHRASE", PASSPHRASE)
    cipher = store.sqlcipher()
    old = cipher.connect(str(plain), isolation_level=None)
    encrypted = tmp_path / "old-encrypted.db"
    old.execute("ATTACH DATABASE ? AS secret KEY ?", (str(encrypted), PASSPHRASE))
    old.execute("SELECT sqlcipher_export('secret')")
    old.execute(f"PRAGMA secret.user_version = {len(names) - 1}")
    old.execute("DETACH DATABASE secret")
    old.close()
    ipt.ok("--db", str(encrypted), "checkin", "--mood", "5", "--with", "Sam:+1")
    journal = store.open_journal(encrypted, passphrase=lambda: PASSPHRASE)
    assert journal.conn.execute("PRAGMA user_version").fetchone()[0] == store.SCHEMA_VERSION
    assert [p.name for p in journal.people()] == ["Sam"]
    journal.close()
    assert store.is_encrypted(encrypted)
