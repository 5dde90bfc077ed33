"""A connection to a journal file, and what SQLite's complaints about it mean.

Plain SQLite, or SQLCipher with a key (`sqlcipher()` loads it only for an encrypted
journal, and widens `DB_ERRORS` and `OP_ERRORS` to its errors: read them as
`connection.DB_ERRORS` at the moment of use, never copied at import). `storage_error` turns
SQLite's complaint into a sentence for the person.
"""

from __future__ import annotations

import sqlite3
import stat
from pathlib import Path
from typing import Any

from ipt_journal.errors import INSTALL_ENCRYPTION, JournalError, WrongPassphrase

BUSY_TIMEOUT_SECONDS = 10
SQLITE_HEADER = b"SQLite format 3\x00"
PASSPHRASE_ENV = "IPT_JOURNAL_PASSPHRASE"
# SQLite's error classes, joined by SQLCipher's once it is loaded: each module has its own.
DB_ERRORS: tuple[type[Exception], ...] = (sqlite3.DatabaseError,)
OP_ERRORS: tuple[type[Exception], ...] = (sqlite3.OperationalError,)


def is_encrypted(path: Path) -> bool:
    """SQLCipher encrypts even the file's header: a file of whole pages starting with random
    bytes, not SQLite's header, is taken for an encrypted journal (a wrong guess ends in the
    passphrase check's clear error)."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            return False  # opening a FIFO would wait for a writer forever
        size = info.st_size
        with open(path, "rb") as handle:
            head = handle.read(len(SQLITE_HEADER))
    except OSError:
        return False
    looks_like_text = all(32 <= byte < 127 or byte in b"\t\r\n" for byte in head)
    return size >= 1024 and size % 512 == 0 and head != SQLITE_HEADER and not looks_like_text


def sqlcipher() -> Any:
    """SQLCipher's DB-API module, from the optional 'encryption' extra."""
    global DB_ERRORS, OP_ERRORS
    try:
        from sqlcipher3 import dbapi2
    except ImportError:
        raise JournalError(
            "Encryption needs SQLCipher, which this ipt was installed without.",
            INSTALL_ENCRYPTION,
        ) from None
    DB_ERRORS = (sqlite3.DatabaseError, dbapi2.DatabaseError)
    OP_ERRORS = (sqlite3.OperationalError, dbapi2.OperationalError)
    return dbapi2


def quoted(text: str) -> str:
    """`text` as an SQL string literal (PRAGMA key takes no parameters)."""
    return "'" + text.replace("'", "''") + "'"


def connect(
    path: Path,
    key: str | None = None,
    read_only: bool = False,
    timeout: float = BUSY_TIMEOUT_SECONDS,
    immutable: bool = False,
) -> sqlite3.Connection:
    """A connection to the journal file: plain SQLite, or SQLCipher with `key`. A wrong key
    is a clear JournalError, with SQLCipher's own log kept off stderr. `immutable`: the file
    cannot change (read-only media), so SQLite needs no -wal, -shm or locks beside it."""
    read_only = read_only or immutable
    target = (
        f"{path.resolve().as_uri()}?mode=ro" + ("&immutable=1" if immutable else "")
        if read_only
        else str(path)
    )
    driver = sqlite3 if key is None else sqlcipher()
    conn = driver.connect(target, uri=read_only, isolation_level=None, timeout=timeout)
    conn.row_factory = driver.Row
    if key is not None:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA key = {quoted(key)}")
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except driver.DatabaseError:
            conn.close()
            raise WrongPassphrase(
                f"Wrong passphrase for the journal at {path}, or it is not an ipt journal. "
                "Nothing was changed.",
                f"Type it again, or set {PASSPHRASE_ENV} to the right one.",
            ) from None
    return conn


# SQLite's names for a write the disk or the system refused (a full disk, `ulimit -f`):
# the transaction is rolled back and the journal is as it was.
_WRITE_REFUSED = {"SQLITE_FULL", "SQLITE_IOERR_WRITE", "SQLITE_IOERR_TRUNCATE", "SQLITE_IOERR_SHORT_READ"}


def storage_error(exc: Exception, path: Path, doing: str) -> JournalError:
    """What SQLite's complaint means for the person, and what to do about it. Only an error
    with no other explanation points at damage."""
    text = str(exc)
    name = getattr(exc, "sqlite_errorname", "")
    if not path.exists():
        return JournalError(
            f"The journal at {path} was removed while this command ran (by ipt wipe, or another "
            "program). Nothing was saved.",
            "If that was not you, look for it in your backups: ipt restore",
        )
    if "locked" in text or "busy" in text:
        hint = "Another ipt may be using it; try again in a moment."
    elif "readonly" in text or "read-only" in text:
        hint = "The file or its folder is read-only for you; see: ipt doctor"
    elif (
        "full" in text
        or (name in _WRITE_REFUSED and _cannot_grow(path))
        # A write past `ulimit -f` can surface as a plain I/O error (at commit, say).
        or (name.startswith("SQLITE_IOERR") and _size_limited())
    ):
        return JournalError(
            f"Cannot {doing} the journal at {path}: the disk is full, or a limit on file size "
            "(ulimit -f) stopped the write. Nothing was changed, and the journal is as it was.",
            "Free some space (or raise the limit) and try again.",
        )
    else:
        hint = "If it is damaged, restore it from a backup (ipt restore); see: ipt doctor"
    return JournalError(f"Cannot {doing} the journal at {path}: {text}. Nothing was changed.", hint)


def _size_limited() -> bool:
    """This process may not grow a file past a limit (ulimit -f)."""
    import resource

    soft, _hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    return soft != resource.RLIM_INFINITY


def _cannot_grow(path: Path) -> bool:
    """A limit on file size for this process, or little room left on the journal's disk."""
    import shutil

    if _size_limited():
        return True
    try:
        return shutil.disk_usage(path.parent).free < 64 * 2**20
    except OSError:
        return False
