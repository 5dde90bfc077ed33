"""Keeping the journal safe: backups, restoring one, and a health check.

These work on the journal as a file (copies, checks, permissions), so they read it
read-only with sqlite3 where they must; the records themselves are the store's.

Files are written the careful way: into a temporary file in the destination folder,
mode 0600 from the start, checked, flushed to disk, then renamed into place, so no
reader ever sees half a file.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import time
from pathlib import Path

from ipt_journal import store
from ipt_journal.errors import InputError, JournalError
from ipt_journal.safekeeping import files
from ipt_journal.store import (
    BUSY_TIMEOUT_SECONDS,
    SCHEMA_VERSION,
    connect,
    is_encrypted,
    make_private_dirs,
    quoted,
    sqlcipher,
)

BACKUP_FOLDER = files.BACKUP_FOLDER


def backups_folder(journal_path: Path) -> Path:
    return journal_path.parent / BACKUP_FOLDER


def remove(paths: list[Path]) -> tuple[list[Path], list[tuple[Path, str]]]:
    """Delete each file that exists; returns those removed, and those that could not be
    with the reason why."""
    removed, kept = [], []
    for path in paths:
        try:
            path.unlink()
        except FileNotFoundError:
            continue
        except OSError as exc:
            kept.append((path, exc.strerror or str(exc)))
            continue
        removed.append(path)
    return removed, kept


def unremovable(paths: list[Path]) -> list[tuple[Path, str]]:
    """The files of `paths` that could not be deleted now, each with the reason, found before
    anything is deleted: a wipe stopped half-way (backups gone, journal left) helps nobody."""
    import os
    import stat

    problems = []
    for path in paths:
        folder = path.parent
        try:
            info = folder.stat()
        except OSError as exc:
            problems.append((path, exc.strerror or str(exc)))
            continue
        # access() answers for read-only mounts and immutable folders too, even for root
        if not os.access(folder, os.W_OK | os.X_OK):
            problems.append((path, f"its folder {folder} is read-only for you"))
        elif info.st_mode & stat.S_ISVTX and os.geteuid() not in (0, _owner(path)):
            problems.append((path, f"its folder {folder} lets only the file's owner remove it"))
    return problems


def _owner(path: Path) -> int | None:
    try:
        return path.lstat().st_uid
    except OSError:
        return None


def check_file(path: Path, key: str | None = None) -> int:
    """The schema version of a readable, intact ipt journal at `path` (encrypted with `key`,
    if given); an error a person can read otherwise."""
    if not path.exists():
        raise InputError(f"There is no file at {path}.")
    store.refuse_unless_regular(path, "a journal or a backup")
    if is_encrypted(path) and key is None:
        raise JournalError(f"{path} is encrypted; its passphrase is needed to check it.")
    try:
        conn = connect(path, key, read_only=True, timeout=5)
        try:
            result = conn.execute("PRAGMA integrity_check").fetchone()[0]
            try:
                store.refuse_foreign(conn, path)
            except JournalError:
                raise JournalError(f"{path} is an SQLite file, but not an ipt journal.") from None
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        finally:
            conn.close()
    except store.DB_ERRORS as exc:
        raise _unreadable(path, exc) from None
    if result != "ok":
        raise JournalError(f"{path} is damaged: SQLite's integrity check says {result!r}.")
    if version < 1 or "people" not in tables or "checkins" not in tables:
        raise JournalError(f"{path} is an SQLite file, but not an ipt journal.")
    if version > SCHEMA_VERSION:
        raise JournalError(
            f"{path} was written by a newer version of ipt-journal (schema {version}).",
            "Upgrade ipt-journal to use it.",
        )
    return version


def _unreadable(path: Path, exc: Exception) -> JournalError:
    """Why a journal could not be checked: in use, or not readable here, are not damage."""
    text = str(exc)
    name = getattr(exc, "sqlite_errorname", "")
    if "locked" in text or "busy" in text or name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
        return JournalError(
            f"{path} is in use: another program (or another ipt) holds it locked, so it could not "
            "be checked just now. Being locked is not a sign of damage.",
            "Close the other program (or let the other ipt finish) and try again.",
        )
    if "readonly" in text or name.startswith(("SQLITE_READONLY", "SQLITE_CANTOPEN", "SQLITE_PERM")):
        return JournalError(
            f"{path} could not be opened here ({text}): it, or its folder, cannot be written, and "
            "SQLite needs to (its -wal and -shm files). This says nothing about the journal itself.",
            "Check it where it can be written (or copy it, with its -wal file, to a folder of yours).",
        )
    return JournalError(f"{path} is not a readable ipt journal ({text}).")


def _export_to(conn, temp: Path, key: str, uri: bool = False) -> None:
    """SQLCipher's export of the open journal into the empty file `temp`, encrypted with `key`
    ('' for none), in one read transaction so the copy is consistent. `uri`: the connection
    was opened read-only by URI, so the copy is attached by URI, writable."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    mark = conn.execute("PRAGMA application_id").fetchone()[0]
    target = f"{temp.resolve().as_uri()}?mode=rw" if uri else str(temp)
    conn.execute("ATTACH DATABASE ? AS copy KEY ?", (target, key))
    try:
        conn.execute("BEGIN")
        conn.execute("SELECT sqlcipher_export('copy')")
        conn.execute(f"PRAGMA copy.user_version = {int(version)}")  # export leaves it out
        conn.execute(f"PRAGMA copy.application_id = {int(mark)}")  # and the mark
        conn.execute("COMMIT")
    finally:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        conn.execute("DETACH DATABASE copy")


def backup(journal, destination: Path | None = None, force: bool = False) -> Path:
    """A consistent snapshot of the open journal, even while others use it, checked before it
    is put in place; encrypted with the journal's passphrase when the journal is. Default: a
    timestamped file in the backups folder beside the journal. A named file is checked like
    every output (`files.check_target`): never the journal, never over a file without `force`."""
    if destination is None or destination.is_dir():
        folder = destination or backups_folder(journal.path)
        make_private_dirs(folder)
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        destination = folder / f"journal-{stamp}.db"
    else:
        files.check_target(destination, force, journal.path)
    try:
        with files.temp_output(destination, journal.path) as temp:
            _copy_journal(journal, temp)
            check_file(temp, journal.key)
            files.fsync_file(temp)
            files.replace(temp, destination)
    except (OSError, *store.DB_ERRORS) as exc:
        raise _cannot_write(destination, exc) from None
    return destination


def _cannot_write(path: Path, exc: Exception) -> JournalError:
    """A failed write (disk full, a file-size limit, a read-only folder) as a sentence."""
    reason = getattr(exc, "strerror", None) or str(exc)
    return JournalError(
        f"Cannot write {path}: {reason}. Nothing was changed, and no partial file is left.",
        "Free some space (or choose a place you may write to) and try again.",
    )


def _copy_journal(journal, temp: Path) -> None:
    if journal.key is None:
        target = sqlite3.connect(temp)
        try:
            journal.conn.backup(target)  # SQLite's online backup: a consistent copy, WAL included
            target.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
        finally:
            target.close()
    else:
        _export_to(journal.conn, temp, journal.key)


def _hold_exclusively(conn, path: Path) -> None:
    """Make `conn` the only connection to the journal until it closes: no other process can
    read or write it meanwhile (they wait, then fail clearly), so nothing saved elsewhere
    while the journal is converted or replaced can be lost. Leaving WAL folds the -wal in.
    Leaving WAL needs every other connection closed, and SQLite then answers with the mode
    it is still in rather than an error: so try until it changes (other commands are short)."""
    conn.execute("PRAGMA locking_mode = EXCLUSIVE")
    deadline = time.monotonic() + BUSY_TIMEOUT_SECONDS
    while True:
        try:
            if conn.execute("PRAGMA journal_mode = MEMORY").fetchone()[0] == "memory":
                version = conn.execute("PRAGMA user_version").fetchone()[0]
                conn.execute("BEGIN EXCLUSIVE")
                conn.execute(f"PRAGMA user_version = {int(version)}")  # a write: the lock stays
                conn.execute("COMMIT")
                return
        except store.OP_ERRORS:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
        if time.monotonic() > deadline:
            raise JournalError(
                f"Another ipt has the journal at {path} open, so it cannot be replaced now. "
                "Nothing was changed.",
                "Finish or close the other ipt (a question waiting for an answer, say) and try again.",
            )
        time.sleep(0.05)


def _swap_in(conn, path: Path, fill) -> None:
    """Replace the journal at `path` with a file `fill(temp)` makes, holding the journal
    exclusively through `conn` from before the copy until after the rename; `conn` is closed
    afterwards. A process that waited meanwhile finds the new file, or is told its journal
    was replaced (`Journal.writing`); none is told 'Saved' for a row the old file took."""
    temp = None
    try:
        try:
            temp = files.temp_beside(path)
            _hold_exclusively(conn, path)
            fill(temp)
            files.fsync_file(temp)
            for suffix in ("-wal", "-shm", "-journal"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
            files.replace(temp, path)
        finally:
            conn.close()
    except (OSError, *store.DB_ERRORS) as exc:
        raise _cannot_write(path, exc) from None
    finally:
        if temp is not None:
            temp.unlink(missing_ok=True)


def restore(source: Path, journal, key: str | None = None) -> Path:
    """Replace the journal with the backup at `source` (encrypted with `key`, if it is), after
    checking it and keeping a copy of the current journal. The backup is read through SQLite,
    so rows still in its -wal come along. An encrypted journal stays encrypted with its own
    passphrase; a plain one takes the backup's. Returns where the copy of the old one is."""
    check_file(source, key)
    # Held before the copy is kept: a check-in another ipt saves from now on waits, and then
    # lands in the restored journal; one saved before is in the kept copy. Keeping first and
    # holding after left a gap where a check-in told "Saved" was in neither.
    _hold_exclusively(journal.conn, journal.path)
    kept = backup(journal)
    target_key = journal.key if journal.key is not None else key

    def fill(temp: Path) -> None:
        _copy_through_sqlite(source, key, temp, target_key)
        check_file(temp, target_key)

    _swap_in(journal.conn, journal.path, fill)
    return kept


def _copy_through_sqlite(source: Path, key: str | None, temp: Path, target_key: str | None) -> None:
    uri = f"{source.resolve().as_uri()}?mode=ro"
    if key is None and target_key is None:
        reader = sqlite3.connect(uri, uri=True)
        writer = sqlite3.connect(temp)
        try:
            reader.backup(writer)
            writer.execute("PRAGMA journal_mode = DELETE")
        finally:
            writer.close()
            reader.close()
        return
    reader = sqlcipher().connect(uri, uri=True, isolation_level=None, timeout=BUSY_TIMEOUT_SECONDS)
    try:
        if key is not None:
            reader.execute("PRAGMA cipher_log_level = NONE")
            reader.execute(f"PRAGMA key = {quoted(key)}")
        _export_to(reader, temp, target_key or "", uri=True)
    finally:
        reader.close()


def encrypt(journal, passphrase: str) -> None:
    """Turn the open plain journal into an encrypted one, checked before it replaces the plain
    file. The connection is closed afterwards."""
    if journal.key is not None:
        raise InputError("The journal is already encrypted.", "Change its passphrase with: ipt passphrase")
    driver = sqlcipher()
    journal.conn.close()  # SQLCipher's connection (it reads plain files too) holds the journal instead
    conn = driver.connect(str(journal.path), isolation_level=None, timeout=BUSY_TIMEOUT_SECONDS)

    def fill(temp: Path) -> None:
        _export_to(conn, temp, passphrase)
        check_file(temp, passphrase)

    _swap_in(conn, journal.path, fill)


def encrypt_file(path: Path, passphrase: str) -> None:
    """Encrypt a plain journal file that is not open (an old backup) in place."""
    conn = sqlcipher().connect(str(path), isolation_level=None, timeout=BUSY_TIMEOUT_SECONDS)

    def fill(temp: Path) -> None:
        _export_to(conn, temp, passphrase)
        check_file(temp, passphrase)

    _swap_in(conn, path, fill)


def decrypt(journal) -> None:
    """Turn the open encrypted journal back into a plain one."""
    if journal.key is None:
        raise InputError("The journal is not encrypted.")

    def fill(temp: Path) -> None:
        _export_to(journal.conn, temp, "")
        check_file(temp)

    _swap_in(journal.conn, journal.path, fill)


def change_passphrase(journal, new: str) -> None:
    """Re-encrypt the open journal with `new`, as a copy that replaces it, holding the journal
    exclusively meanwhile (as encrypt does): another ipt waits, or is told clearly that the
    journal was replaced and nothing was saved. Rekeying in place left a command that had
    opened the journal with the old passphrase reading pages it could no longer decrypt."""
    if journal.key is None:
        raise InputError("The journal is not encrypted.", "Encrypt it with: ipt encrypt")

    def fill(temp: Path) -> None:
        _export_to(journal.conn, temp, new)
        check_file(temp, new)

    _swap_in(journal.conn, journal.path, fill)
    journal.key = new
