"""Keeping the journal safe: backups, restoring one, and a health check.

These work on the journal as a file (copies, checks, permissions), so they read it
read-only with sqlite3 where they must; the records themselves are the store's.

Files are written the careful way: into a temporary file in the destination folder,
mode 0600 from the start, checked, flushed to disk, then renamed into place, so no
reader ever sees half a file.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ipt_journal import keychain, store
from ipt_journal.errors import InputError, JournalError
from ipt_journal.store import SCHEMA_VERSION, connect, is_encrypted, make_private_dirs, quoted, sqlcipher

BACKUP_FOLDER = "backups"
# Folders that sync to someone's cloud; a journal there is only as private as that account.
SYNCED_FOLDER_NAMES = (
    "dropbox",
    "onedrive",
    "google drive",
    "googledrive",
    "icloud",
    "mobile documents",
    "nextcloud",
    "owncloud",
    "pcloud",
    "box sync",
    "mega",
    "seafile",
    "syncthing",
)
NETWORK_FILESYSTEMS = {
    "nfs",
    "nfs4",
    "cifs",
    "smbfs",
    "smb3",
    "sshfs",
    "fuse.sshfs",
    "9p",
    "davfs",
    "fuse.rclone",
    "afpfs",
    "ncpfs",
}


def backups_folder(journal_path: Path) -> Path:
    return journal_path.parent / BACKUP_FOLDER


def _temp_beside(target: Path) -> Path:
    fd, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    os.fchmod(fd, 0o600)
    os.close(fd)
    return Path(name)


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_private(path: Path, data: bytes) -> Path:
    """Write `data` to `path` the careful way: a 0600 temporary file beside it, flushed to
    disk, then renamed into place. An existing file is replaced whole."""
    temp = _temp_beside(path)
    try:
        with open(temp, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return path


def remove(files: list[Path]) -> list[Path]:
    """Delete each file that exists; returns those removed."""
    removed = []
    for file in files:
        try:
            file.unlink()
        except FileNotFoundError:
            continue
        removed.append(file)
    return removed


def check_file(path: Path, key: str | None = None) -> int:
    """The schema version of a readable, intact ipt journal at `path` (encrypted with `key`,
    if given); an error a person can read otherwise."""
    if not path.is_file():
        raise InputError(f"There is no file at {path}.")
    if is_encrypted(path) and key is None:
        raise JournalError(f"{path} is encrypted; its passphrase is needed to check it.")
    try:
        conn = connect(path, key, read_only=True, timeout=5)
        try:
            result = conn.execute("PRAGMA integrity_check").fetchone()[0]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        finally:
            conn.close()
    except store.DB_ERRORS as exc:
        raise JournalError(f"{path} is not a readable ipt journal ({exc}).") from None
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


def _export_to(conn, temp: Path, key: str) -> None:
    """SQLCipher's export of the open journal into the empty file `temp`, encrypted with `key`
    ('' for none), in one read transaction so the copy is consistent."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    conn.execute("ATTACH DATABASE ? AS copy KEY ?", (str(temp), key))
    try:
        conn.execute("BEGIN")
        conn.execute("SELECT sqlcipher_export('copy')")
        conn.execute(f"PRAGMA copy.user_version = {int(version)}")  # export leaves it out
        conn.execute("COMMIT")
    finally:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        conn.execute("DETACH DATABASE copy")


def backup(journal, destination: Path | None = None) -> Path:
    """A consistent snapshot of the open journal, even while others use it, checked before it
    is put in place; encrypted with the journal's passphrase when the journal is. Default: a
    timestamped file in the backups folder beside the journal."""
    if destination is None or destination.is_dir():
        folder = destination or backups_folder(journal.path)
        make_private_dirs(folder)
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        destination = folder / f"journal-{stamp}.db"
    elif destination.exists():
        raise InputError(
            f"{destination} already exists; ipt does not overwrite files.",
            "Pick another name, or a folder for a timestamped file.",
        )
    elif not destination.parent.is_dir():
        raise InputError(f"The folder {destination.parent} does not exist.")
    temp = _temp_beside(destination)
    try:
        if journal.key is None:
            target = sqlite3.connect(temp)
            try:
                journal.conn.backup(target)  # SQLite's online backup: a consistent copy, WAL included
                target.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
            finally:
                target.close()
        else:
            _export_to(journal.conn, temp, journal.key)
        check_file(temp, journal.key)
        _fsync(temp)
        os.replace(temp, destination)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return destination


def _replace_journal(journal, temp: Path) -> None:
    """Put the checked file `temp` in the journal's place in one rename, after folding the
    current -wal into the old file and closing it, so no stale -wal or -shm is left."""
    journal.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    journal.conn.execute("PRAGMA journal_mode = DELETE")
    journal.conn.close()
    _fsync(temp)
    os.replace(temp, journal.path)
    for suffix in ("-wal", "-shm"):
        Path(f"{journal.path}{suffix}").unlink(missing_ok=True)


def restore(source: Path, journal, key: str | None = None) -> Path:
    """Replace the journal with the backup at `source` (encrypted with `key`, if it is), after
    checking it and keeping a copy of the current journal. Returns where that copy is."""
    check_file(source, key)
    kept = backup(journal)
    temp = _temp_beside(journal.path)
    try:
        with open(source, "rb") as reader, open(temp, "wb") as writer:
            while chunk := reader.read(1 << 20):
                writer.write(chunk)
        check_file(temp, key)
        _replace_journal(journal, temp)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return kept


def encrypt(journal, passphrase: str) -> None:
    """Turn the open plain journal into an encrypted one, checked before it replaces the plain
    file. The connection is closed afterwards."""
    if journal.key is not None:
        raise InputError("The journal is already encrypted.", "Change its passphrase with: ipt passphrase")
    driver = sqlcipher()
    temp = _temp_beside(journal.path)
    try:
        plain = driver.connect(str(journal.path), isolation_level=None)  # SQLCipher reads plain files too
        try:
            _export_to(plain, temp, passphrase)
        finally:
            plain.close()
        check_file(temp, passphrase)
        _replace_journal(journal, temp)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def decrypt(journal) -> None:
    """Turn the open encrypted journal back into a plain one."""
    if journal.key is None:
        raise InputError("The journal is not encrypted.")
    temp = _temp_beside(journal.path)
    try:
        _export_to(journal.conn, temp, "")
        check_file(temp)
        _replace_journal(journal, temp)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def change_passphrase(journal, new: str) -> None:
    if journal.key is None:
        raise InputError("The journal is not encrypted.", "Encrypt it with: ipt encrypt")
    journal.conn.execute(f"PRAGMA rekey = {quoted(new)}")
    journal.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    journal.key = new


@dataclass
class Finding:
    ok: bool
    what: str
    detail: str
    fixable: bool = False


def doctor(journal_path: Path, fix: bool = False, passphrase=None) -> list[Finding]:
    """Health checks that work even when the journal cannot be opened normally. `passphrase`
    is asked for only when the journal is encrypted."""
    findings = [Finding(True, "location", str(journal_path))]
    if not journal_path.exists():
        return [
            *findings,
            Finding(False, "journal", "there is no journal file here yet; any ipt command makes one"),
        ]
    findings += _permissions(journal_path, fix)
    encrypted = is_encrypted(journal_path)
    try:
        key = passphrase() if encrypted and passphrase else None
        version = check_file(journal_path, key)
        findings.append(Finding(True, "integrity", "SQLite's integrity check is ok"))
        findings.append(
            Finding(
                True,
                "schema",
                f"version {version} of {SCHEMA_VERSION}"
                + ("" if version == SCHEMA_VERSION else " (upgraded the next time ipt opens it)"),
            )
        )
        conn = connect(journal_path, key, read_only=True, timeout=5)
        try:
            broken = conn.execute("PRAGMA foreign_key_check").fetchall()
        finally:
            conn.close()
        findings.append(
            Finding(
                not broken,
                "links",
                "every record points at records that exist"
                if not broken
                else f"{len(broken)} records point at missing ones",
            )
        )
    except (InputError, JournalError) as exc:
        findings.append(Finding(False, "integrity", exc.message))
    kept = "; its passphrase is kept in your system keyring" if keychain.is_kept(journal_path) else ""
    findings.append(
        Finding(True, "encryption", "encrypted with SQLCipher" + kept)
        if encrypted
        else Finding(
            True, "encryption", "not encrypted: use full-disk encryption and a screen lock, or ipt encrypt"
        )
    )
    findings.append(_where_it_syncs(journal_path))
    backups = sorted(backups_folder(journal_path).glob("journal-*.db"))
    findings.append(
        Finding(
            True,
            "backups",
            f"{len(backups)} in {backups_folder(journal_path)}"
            + (f", newest {backups[-1].name}" if backups else "; make one with: ipt backup"),
        )
    )
    return findings


def _permissions(journal_path: Path, fix: bool) -> list[Finding]:
    findings = []
    checks = [(journal_path, 0o600)]
    checks += [(Path(f"{journal_path}{suffix}"), 0o600) for suffix in ("-wal", "-shm")]
    checks.append((journal_path.parent, 0o700))
    for path, wanted in checks:
        if not path.exists():
            continue
        mode = stat.S_IMODE(path.stat().st_mode)
        if mode & ~wanted:
            if fix:
                os.chmod(path, wanted)
                findings.append(Finding(True, "permissions", f"{path} was {oct(mode)}, now {oct(wanted)}"))
            else:
                findings.append(
                    Finding(
                        False,
                        "permissions",
                        f"{path} is {oct(mode)}: others can read it; it should be {oct(wanted)}",
                        fixable=True,
                    )
                )
    if not findings:
        findings.append(Finding(True, "permissions", "only you can read the journal and its folder"))
    return findings


def _where_it_syncs(journal_path: Path) -> Finding:
    lowered = str(journal_path.resolve()).lower()
    for name in SYNCED_FOLDER_NAMES:
        if name in lowered:
            return Finding(
                False,
                "sync",
                f"the journal seems to be in a cloud-synced folder ({name}); "
                "the copy there is only as private as that account",
            )
    fstype = _filesystem_type(journal_path.resolve())
    if fstype in NETWORK_FILESYSTEMS:
        return Finding(
            False,
            "sync",
            f"the journal is on a network file system ({fstype}); SQLite can "
            "lose data there when two computers write",
        )
    return Finding(True, "sync", "on a local disk, not in a folder known to sync")


def _filesystem_type(path: Path) -> str | None:
    """The type of the file system holding `path`, from /proc/mounts where there is one."""
    try:
        mounts = Path("/proc/mounts").read_text().splitlines()
    except OSError:
        return None
    best, best_type = "", None
    for line in mounts:
        parts = line.split()
        mount = parts[1] if len(parts) >= 3 else ""
        inside = str(path) == mount or str(path).startswith(mount.rstrip("/") + "/")
        if mount and inside and len(mount) > len(best):
            best, best_type = mount, parts[2]
    return best_type
