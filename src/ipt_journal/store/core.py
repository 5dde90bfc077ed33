"""Opening the journal, and the `Journal` every command is handed.

`open_journal` finds or creates the file privately, applies migrations and hands back
a `Journal`. Every write goes through `Journal.writing()`: one `BEGIN IMMEDIATE`
transaction, so a write is whole or absent and two terminals writing at once both
succeed. Each part of the journal is a repository on it (`journal.people`,
`journal.checkins`, ...), all on its one connection.

Kept light on purpose: sqlite-utils (for migrations) and pydantic are imported only
when they are needed, so read-only commands start fast.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import ipt_journal.store.transfer as transfer
from ipt_journal.errors import JournalError, WrongPassphrase
from ipt_journal.store import connection
from ipt_journal.store.connection import PASSPHRASE_ENV, connect, is_encrypted, storage_error
from ipt_journal.store.parts import JournalParts
from ipt_journal.store.recognise import APPLICATION_ID, refuse_foreign, refuse_unless_regular

if TYPE_CHECKING:
    from ipt_journal.store.merge_rows import Records
    from ipt_journal.store.safety_plan import SafetyPlanItem

# The number of migrations in ipt_journal.store.migrations; a test keeps the two equal.
# Stored in the file as PRAGMA user_version, so opening an up-to-date journal never
# has to import the migration machinery.
SCHEMA_VERSION = 20
__all__ = ["APPLICATION_ID", "refuse_foreign", "refuse_unless_regular"]  # re-exported


# ---------------------------------------------------------------- opening


def make_private_dirs(folder: Path) -> None:
    """Create missing folders with mode 0700, whatever the umask; leave existing ones be."""
    missing = []
    while not folder.exists():
        missing.append(folder)
        folder = folder.parent
    for path in reversed(missing):
        try:
            path.mkdir(mode=0o700)
        except FileExistsError:
            continue  # another ipt made it a moment ago, privately too
        os.chmod(path, 0o700)


def _create_private_file(path: Path) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        os.fchmod(fd, 0o600)  # the umask may have taken bits away; never added any
    finally:
        os.close(fd)


def _connect_read_only(path: Path, key: str | None) -> tuple:
    """A connection to a journal ipt may not write (read-only media, or a file or folder
    that is not yours to write), and whether it sees every row. `mode=ro` reads the -wal
    too, so rows not yet folded into the file are there; only when SQLite cannot open it that
    way is the file read as immutable, which ignores the -wal: whole if the -wal is empty."""
    try:
        conn = connect(path, key, read_only=True)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn, True
    except (WrongPassphrase, *connection.DB_ERRORS):  # type: ignore[misc]  # mypy: a tuple read at run time
        pass
    conn = connect(path, key, immutable=True)
    try:
        wal = os.stat(f"{path}-wal").st_size
    except OSError:
        wal = 0
    return conn, wal == 0


def open_journal(path: Path, passphrase: Callable[[], str] | None = None) -> Journal:
    """Open (creating on first use) the journal at `path`, upgraded to this version's schema.
    `passphrase` is asked only when the file turns out to be encrypted."""
    refuse_unless_regular(path)
    try:
        make_private_dirs(path.parent)
        if not path.exists():
            _create_private_file(path)
    except FileExistsError:
        pass  # another process created it between our check and our open
    except OSError as exc:
        raise JournalError(f"Cannot create the journal at {path}: {exc.strerror}.") from None

    # On read-only media (or a file you may not write) ipt still reads: reports, exports.
    writable = os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)
    conn, key, version, identity, whole = _connect_to_current(path, passphrase, read_only=not writable)
    try:
        refuse_foreign(conn, path)
        if not writable and version != SCHEMA_VERSION:
            raise JournalError(
                f"The journal at {path} is read-only and needs upgrading first (schema {version}).",
                "Copy it somewhere you may write to, and open the copy.",
            )
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA secure_delete = ON")  # deleted text is overwritten, not left in free pages
        if version > SCHEMA_VERSION:
            raise JournalError(
                f"The journal at {path} was written by a newer version of ipt-journal "
                f"(schema {version}; this version knows up to {SCHEMA_VERSION}). "
                "It was not changed.",
                "Upgrade ipt-journal to open it.",
            )
        if version < SCHEMA_VERSION:
            _migrate(conn, path)
        if writable and conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            conn.execute("PRAGMA journal_mode = WAL")
    except connection.DB_ERRORS as exc:
        conn.close()
        raise storage_error(exc, path, "use") from None
    except BaseException:
        conn.close()
        raise
    journal = Journal(conn, path, key)
    journal.identity = identity
    journal.whole = whole
    return journal


def _connect_to_current(
    path: Path, passphrase: Callable[[], str] | None, read_only: bool = False
) -> tuple[sqlite3.Connection, str | None, int, tuple[int, int] | None, bool]:
    """A connection to the file at `path` now, its key, schema version, identity, and whether
    it reads whole (False: read-only where SQLite could not read the -wal). The
    first read waits while `encrypt`, `decrypt` or `restore` holds the journal; if the file
    was replaced meanwhile, the new one is opened instead (the passphrase is asked once)."""
    given = None
    for _attempt in range(3):
        identity = _identity(path)
        key = None
        if is_encrypted(path):
            if passphrase is None:
                raise JournalError(f"The journal at {path} is encrypted and no passphrase was given.")
            given = key = given or passphrase()
        try:
            # SQLite gives the -wal and -shm files the main file's mode, so they are 0600 too.
            if read_only:
                conn, whole = _connect_read_only(path, key)
            else:
                conn, whole = connect(path, key), True
            version = conn.execute("PRAGMA user_version").fetchone()[0]
        except (WrongPassphrase, *connection.DB_ERRORS) as exc:  # type: ignore[misc]  # mypy: a tuple read at run time
            if _identity(path) != identity:
                continue
            if isinstance(exc, WrongPassphrase):
                raise
            raise storage_error(exc, path, "use") from None
        if _identity(path) == identity:
            return conn, key, version, identity, whole
        conn.close()
    raise JournalError(f"The journal at {path} keeps being replaced; nothing was done.", "Try again.")


def _identity(path: Path) -> tuple[int, int] | None:
    """Which file is at `path` now: replacing the journal (one rename) changes it."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_dev, info.st_ino


def _migrate(conn: sqlite3.Connection, path: Path) -> None:
    from sqlite_utils import Database

    from ipt_journal.store.migrations import migrations

    # Off while migrating, as SQLite's documentation asks for a table rebuild (dropping the
    # old table must cascade nothing); checked before the commit, on again after it.
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("BEGIN IMMEDIATE")
    try:
        # Read again under the lock: another process may have migrated meanwhile.
        refuse_foreign(conn, path)
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version < SCHEMA_VERSION:
            migrations.apply(Database(conn, execute_plugins=False))
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            if conn.execute("PRAGMA foreign_key_check").fetchone() is not None:
                raise JournalError(
                    f"Upgrading the journal at {path} failed a consistency check. It was not changed."
                )
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:  # a failed write (disk full, ulimit -f) may have ended it already
            conn.execute("ROLLBACK")
        raise
    finally:
        conn.execute("PRAGMA foreign_keys = ON")


# ---------------------------------------------------------------- the journal


class Journal(JournalParts):
    def __init__(self, conn: sqlite3.Connection, path: Path, key: str | None = None) -> None:
        self.conn = conn
        self.path = path
        self.key = key  # the passphrase of an encrypted journal; None for a plain one
        self.identity: tuple[int, int] | None = None  # the file opened; see writing()
        self.saves = 0  # write transactions committed, so a cancelled command can say what it kept
        # False when read-only media let ipt read the file but not its -wal: the newest rows
        # may be missing from what it shows (the session says so)
        self.whole = True

    @property
    def refused(self) -> tuple[type[Exception], ...]:
        """The errors of a statement the file or SQLite refused (SQLCipher's too, once loaded),
        for repositories, which do not import this module."""
        return connection.OP_ERRORS

    def close(self) -> None:
        self.conn.close()

    @contextmanager
    def writing(self) -> Iterator[sqlite3.Connection]:
        """One write transaction, taken with the write lock up front, rolled back on any error
        (Ctrl-C included)."""
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except connection.OP_ERRORS as exc:
            raise storage_error(exc, self.path, "save to") from None
        if self.identity is not None and _identity(self.path) != self.identity:
            self.conn.execute("ROLLBACK")
            if not self.path.exists():  # ipt wipe (or another program) removed it meanwhile
                raise storage_error(sqlite3.OperationalError("removed"), self.path, "save to")
            raise JournalError(
                f"The journal at {self.path} was replaced while this command ran (by ipt encrypt, "
                "decrypt, passphrase or restore). Nothing was saved.",
                "Run the command again.",
            )
        try:
            yield self.conn
            self.conn.execute("COMMIT")
            self.saves += 1
        except connection.OP_ERRORS as exc:  # read-only, disk full, I/O: the file refused the write
            self._roll_back()
            raise storage_error(exc, self.path, "save to") from None
        except BaseException:
            self._roll_back()
            raise

    def _roll_back(self) -> None:
        """Undo the open transaction. After a failed write (disk full, a file-size limit)
        SQLite may already have rolled it back itself: that is no second error."""
        if self.conn.in_transaction:
            try:
                self.conn.execute("ROLLBACK")
            except connection.OP_ERRORS:
                if self.conn.in_transaction:
                    raise

    def fold_wal(self) -> None:
        """After a deletion: copy the WAL into the file and empty it, so the deleted text does
        not linger in the -wal file (nor its words in the search index)."""
        self.search.forget_deleted()
        self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    # ------------------------------------------------------------ export and import

    TABLES = transfer.TABLES

    def dump(self) -> dict[str, list[dict]]:
        return transfer.dump(self)

    def rows(self, table: str, by: str | None = None) -> Iterator[dict]:
        return transfer.rows(self, table, by)

    def uids(self, table: str) -> dict[int, str]:
        return transfer.uids(self, table)

    def columns(self, table: str) -> list[str]:
        return transfer.columns(self, table)

    def known_uids(self, table: str, uids: list[str]) -> set[str]:
        return transfer.known_uids(self, table, uids)

    @contextmanager
    def reading(self) -> Iterator[None]:
        """One read transaction: every query inside sees the journal as it was at the first,
        even while another ipt saves (an export reads for a while, table after table). Inside
        another transaction it is part of that one."""
        if self.conn.in_transaction:
            yield
            return
        self.conn.execute("BEGIN")
        try:
            yield
        finally:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")  # nothing was written; this only ends the read

    def merge(self, doc: Records, dry_run: bool = False) -> dict[str, dict[str, int]]:
        from ipt_journal.store import merging  # only an import merges

        return merging.merge(self, doc, dry_run)


def read_safety_plan(path: Path, key: str | None = None) -> list[SafetyPlanItem]:
    """The safety plan, read without creating, migrating, prompting or waiting long: for
    `ipt crisis`, which must not depend on the journal being healthy. An encrypted journal
    is read only with `key` or its passphrase in the environment."""
    if not path.is_file():
        return []
    key = (key or os.environ.get(PASSPHRASE_ENV)) if is_encrypted(path) else None
    if is_encrypted(path) and not key:
        return []
    conn = connect(path, key, read_only=True, timeout=1)
    try:
        if conn.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION:
            return []
        if conn.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
            return []
        return Journal(conn, path).safety_plan.items()
    finally:
        conn.close()
