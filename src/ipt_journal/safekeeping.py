"""Keeping the journal safe: backups, restoring one, and a health check.

These work on the journal as a file (copies, checks, permissions), so they read it
read-only with sqlite3 where they must; the records themselves are store.py's.

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

from ipt_journal.errors import InputError, JournalError
from ipt_journal.store import SCHEMA_VERSION

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


def _private_folder(folder: Path) -> None:
    if not folder.exists():
        folder.mkdir(parents=True, mode=0o700)
        os.chmod(folder, 0o700)


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


def private_folder(folder: Path) -> Path:
    """Create `folder` (and missing parents) with mode 0700 if it does not exist."""
    _private_folder(folder)
    return folder


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


def check_file(path: Path) -> int:
    """The schema version of a readable, intact ipt journal at `path`; JournalError otherwise."""
    if not path.is_file():
        raise InputError(f"There is no file at {path}.")
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=5)
        try:
            result = conn.execute("PRAGMA integrity_check").fetchone()[0]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
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


def backup(conn: sqlite3.Connection, journal_path: Path, destination: Path | None = None) -> Path:
    """A consistent snapshot of the open journal, even while others use it, checked before it
    is put in place. Default: a timestamped file in the backups folder beside the journal."""
    if destination is None or destination.is_dir():
        folder = destination or backups_folder(journal_path)
        _private_folder(folder)
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
        target = sqlite3.connect(temp)
        try:
            conn.backup(target)  # SQLite's online backup: a consistent copy, WAL included
            target.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
        finally:
            target.close()
        check_file(temp)
        _fsync(temp)
        os.replace(temp, destination)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return destination


def restore(source: Path, journal_path: Path, conn: sqlite3.Connection) -> Path:
    """Replace the journal with the backup at `source`, after checking it and keeping a copy of
    the current journal. Returns where that copy is. The switch is one atomic rename."""
    check_file(source)
    kept = backup(conn, journal_path)
    temp = _temp_beside(journal_path)
    try:
        with open(source, "rb") as reader, open(temp, "wb") as writer:
            while chunk := reader.read(1 << 20):
                writer.write(chunk)
            writer.flush()
            os.fsync(writer.fileno())
        check_file(temp)
        # Fold the current -wal into the file and end WAL mode, so no stale -wal or -shm
        # sits beside the restored file.
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("PRAGMA journal_mode = DELETE")
        conn.close()
        os.replace(temp, journal_path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return kept


@dataclass
class Finding:
    ok: bool
    what: str
    detail: str
    fixable: bool = False


def doctor(journal_path: Path, fix: bool = False) -> list[Finding]:
    """Health checks that work even when the journal cannot be opened normally."""
    findings = [Finding(True, "location", str(journal_path))]
    if not journal_path.exists():
        return [
            *findings,
            Finding(False, "journal", "there is no journal file here yet; any ipt command makes one"),
        ]
    findings += _permissions(journal_path, fix)
    try:
        version = check_file(journal_path)
        findings.append(Finding(True, "integrity", "SQLite's integrity check is ok"))
        findings.append(
            Finding(
                True,
                "schema",
                f"version {version} of {SCHEMA_VERSION}"
                + ("" if version == SCHEMA_VERSION else " (upgraded the next time ipt opens it)"),
            )
        )
        conn = sqlite3.connect(f"{journal_path.resolve().as_uri()}?mode=ro", uri=True, timeout=5)
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
    findings.append(
        Finding(True, "encryption", "not encrypted: protect it with full-disk encryption and a screen lock")
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
