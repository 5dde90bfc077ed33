"""Encryption at rest with SQLCipher: no plaintext on disk, clear errors, nothing lost."""

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

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

    journal.checkins.add(CheckinIn(day="2026-01-06", mood=5, note=MARKER + " in the wal"))
    wal = type(secret.path)(f"{secret.path}-wal")
    assert wal.exists() and wal.stat().st_size > 0
    assert MARKER.encode() not in raw(wal) and MARKER.encode() not in raw(secret.path)
    journal.close()
    notes = [c["note"] for c in json.loads(secret.ok("checkin", "list", "--json").stdout)]
    assert notes == [MARKER + " in the wal", MARKER]


def test_plain_sqlite_cannot_read_it(secret):
    conn = sqlite3.connect(secret.path)
    with pytest.raises(sqlite3.DatabaseError, match="file is not a database"):
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


def test_passphrase_commands_on_a_plain_journal_say_what_is_going_on(people, monkeypatch):
    assert "not encrypted, so it has no passphrase" in flat(people.ok("passphrase").stdout)
    monkeypatch.delenv("IPT_JOURNAL_PASSPHRASE", raising=False)
    assert_user_error(people("encrypt", "--yes"), "A new passphrase is needed: set IPT_JOURNAL_PASSPHRASE")
    assert not store.is_encrypted(people.path)


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

    from ipt_journal.store.migrations import migrations

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
    old.execute(f"PRAGMA secret.application_id = {store.APPLICATION_ID}")  # export leaves it out too
    old.execute("DETACH DATABASE secret")
    old.close()
    ipt.ok("--db", str(encrypted), "checkin", "--mood", "5", "--with", "Sam:+1")
    journal = store.open_journal(encrypted, passphrase=lambda: PASSPHRASE)
    assert journal.conn.execute("PRAGMA user_version").fetchone()[0] == store.SCHEMA_VERSION
    assert [p.name for p in journal.people.all()] == ["Sam"]
    journal.close()
    assert store.is_encrypted(encrypted)


FAKE_KEYRING = Path(__file__).resolve().parent / "fake_keyring"


@pytest.fixture
def system_keyring(tmp_path, monkeypatch):
    """A stand-in for the OS keyring (a JSON file), for ipt here and the processes tests start."""
    import keyring

    previous = keyring.get_keyring()  # the tests' default: none
    monkeypatch.syspath_prepend(str(FAKE_KEYRING))
    from ipt_test_keyring import FileKeyring

    store_file = tmp_path / "keyring.json"
    monkeypatch.setenv("IPT_TEST_KEYRING", str(store_file))
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "ipt_test_keyring.FileKeyring")
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join([str(FAKE_KEYRING), os.environ["PYTHONPATH"]]))
    keyring.set_keyring(FileKeyring())
    yield store_file
    keyring.set_keyring(previous)


def kept(store_file) -> list[str]:
    return list(json.loads(store_file.read_text()).values()) if store_file.exists() else []


def test_a_passphrase_kept_in_the_system_keyring_opens_the_journal(secret, system_keyring, monkeypatch):
    out = flat(secret.ok("passphrase", "remember").stdout)
    assert "Anyone who can use your unlocked account can then open the journal" in out
    assert kept(system_keyring) == [PASSPHRASE]
    settings = (secret.path.parent.parent / "config" / "config.json").read_text()
    assert PASSPHRASE not in settings and str(secret.path) in settings
    monkeypatch.delenv("IPT_JOURNAL_PASSPHRASE")
    assert secret.ok("checkin", "list", "--json").stdout.count(MARKER) == 1  # no prompt, no variable
    doctor = flat(secret.ok("doctor").stdout)
    assert "integrity: SQLite's integrity check is ok" in doctor
    assert "its passphrase is kept in your system keyring" in doctor

    # Changing the passphrase changes the kept one too.
    monkeypatch.setenv("IPT_JOURNAL_NEW_PASSPHRASE", "a brand new one")
    assert "keyring now keeps the new one" in secret.ok("passphrase").stdout
    assert kept(system_keyring) == ["a brand new one"]
    secret.ok("report")

    # Forgotten, ipt asks again (and, outside a terminal, says how to give it).
    assert "no longer keeps the passphrase" in secret.ok("passphrase", "forget").stdout
    assert kept(system_keyring) == []
    assert_user_error(secret("report"), "set IPT_JOURNAL_PASSPHRASE")
    assert "kept no passphrase" in secret.ok("passphrase", "forget").stdout


def test_a_stale_kept_passphrase_says_how_to_stop_using_it(secret, system_keyring, monkeypatch):
    secret.ok("passphrase", "remember")
    system_keyring.write_text(system_keyring.read_text().replace(PASSPHRASE, "an old one"))
    monkeypatch.delenv("IPT_JOURNAL_PASSPHRASE")
    result = secret("report")
    assert_user_error(result, "Wrong passphrase", "ipt passphrase forget", code=1)
    monkeypatch.setenv("IPT_JOURNAL_PASSPHRASE", PASSPHRASE)  # the variable wins over the keyring
    secret.ok("report")


def test_decrypt_and_wipe_remove_the_kept_passphrase(secret, system_keyring):
    secret.ok("passphrase", "remember")
    assert "no longer kept in your system keyring" in flat(secret.ok("decrypt", "--yes").stdout)
    assert kept(system_keyring) == []
    assert "no passphrase to keep" in secret.ok("passphrase", "remember").stdout
    secret.ok("encrypt", "--yes")
    secret.ok("passphrase", "remember")
    out = flat(secret.ok("wipe", "--yes").stdout)
    assert "the journal's passphrase, kept in your system keyring" in out
    assert kept(system_keyring) == []


def test_without_a_usable_keyring_remember_is_a_clear_error_and_nothing_is_kept(secret):
    # The tests' default backend is keyring's "no keyring": like a server without one.
    result = secret("passphrase", "remember")
    assert_user_error(result, "No system keyring was found on this computer", "IPT_JOURNAL_PASSPHRASE")
    settings = secret.path.parent.parent / "config" / "config.json"
    assert not settings.exists() or "keyring" not in settings.read_text()


def test_a_journal_whose_passphrase_is_not_kept_never_loads_keyring(secret, monkeypatch):
    monkeypatch.delenv("IPT_JOURNAL_PASSPHRASE")
    code = (
        "import sys, runpy\n"
        "sys.argv = ['ipt', 'report']\n"
        "try:\n    runpy.run_module('ipt_journal', run_name='__main__')\n"
        "except SystemExit:\n    pass\n"
        "print('LOADED' if 'keyring' in sys.modules else 'NOT LOADED')"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL
    )
    assert "needs its passphrase" in result.stderr  # it went looking, and asked instead
    assert result.stdout.strip() == "NOT LOADED"


def test_a_keyring_that_cannot_be_read_falls_back_to_asking(secret, system_keyring, monkeypatch):
    import keyring
    from keyring.backends import fail

    secret.ok("passphrase", "remember")
    keyring.set_keyring(fail.Keyring())  # say, a desktop keyring that went away
    monkeypatch.delenv("IPT_JOURNAL_PASSPHRASE")
    assert_user_error(secret("report"), "needs its passphrase", "set IPT_JOURNAL_PASSPHRASE")
    monkeypatch.setenv("IPT_JOURNAL_PASSPHRASE", PASSPHRASE)
    secret.ok("report")
