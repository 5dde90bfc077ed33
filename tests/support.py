"""Helpers the tests share."""

import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ipt_journal.cli import app


def python_without_the_test_clock(code: str) -> str:
    """Run `code` in a fresh interpreter and return what it printed: for a test that counts
    the modules a start loads. The tests' clock (IPT_TEST_NOW, tests/conftest.py) stays
    out, since its time-machine loads modules that ipt never would."""
    env = {key: value for key, value in os.environ.items() if key != "IPT_TEST_NOW"}
    return subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        stdin=subprocess.DEVNULL,
        check=True,
    ).stdout


class Ipt:
    """Runs `ipt` in-process the way a script would (stdin is not a terminal). Each result
    carries the journal as it was before the call (`result.journal_before`), so
    `assert_user_error` can tell that a refused command wrote nothing."""

    def __init__(self, path: Path):
        self.path = path
        self.runner = CliRunner()

    def __call__(self, *args: str, input: str | None = None):
        before = Snapshot(self.path)
        result = self.runner.invoke(app, list(args), input=input, catch_exceptions=False)
        result.journal_before = before
        return result

    def ok(self, *args: str):
        result = self(*args)
        assert result.exit_code == 0, result.output
        return result

    def rows(self, sql: str, params=()) -> list[tuple]:
        """What is really in the file, read past ipt."""
        return self.rows_in(self.path, sql, params)

    def rows_in(self, path: Path, sql: str, params=()) -> list[tuple]:
        """Like rows(), in another journal file."""
        conn = sqlite3.connect(path)
        try:
            return conn.execute(sql, params).fetchall()
        finally:
            conn.close()

    def count(self, table: str) -> int:
        return self.rows(f"SELECT count(*) FROM {table}")[0][0]


def assert_user_error(result, *phrases: str, code: int = 2) -> None:
    """A user mistake: the given exit code, each phrase in the message on stderr, and the
    journal exactly as it was before the command (an in-process run raises on a crash, so
    a traceback never gets this far)."""
    assert result.exit_code == code, result.output
    for phrase in phrases:
        assert phrase in result.stderr, result.stderr
    result.journal_before.assert_unchanged()


class Snapshot:
    """A journal file's content at one moment. Kept as the file's bytes (cheap enough to
    take before every call); when the bytes differ later, the two are compared by what
    their tables hold, so a file SQLite merely rewrote still counts as unchanged. A journal
    that does not exist holds nothing, like one whose tables are all empty."""

    SUFFIXES = ("", "-wal")

    def __init__(self, path: Path):
        self.path = Path(path)
        self.files = self._files()

    def _files(self) -> dict[str, bytes | None]:
        found = {}
        for suffix in self.SUFFIXES:
            file = self.path.with_name(self.path.name + suffix)
            content = file.read_bytes() if file.exists() else None
            # An empty write-ahead log holds nothing: opening a journal may leave one.
            found[suffix] = None if suffix and not content else content
        return found

    def assert_unchanged(self) -> None:
        now = self._files()
        if now == self.files:
            return
        with tempfile.TemporaryDirectory() as folder:
            copy = Path(folder) / self.path.name
            for suffix, content in self.files.items():
                if content is not None:
                    copy.with_name(copy.name + suffix).write_bytes(content)
            before = contents(copy)
        assert contents(self.path) == before, f"{self.path} changed"


def contents(path: Path) -> dict[str, list[tuple]]:
    """Every row of every table that has any, sorted: what a journal holds, however stored.
    Bookkeeping a new journal starts with (its migrations, the search index's tables, which
    follow the rows they index) is left out, so a file a refused command created is empty."""
    if not path.exists():
        return {}
    conn = _connect(path)
    try:
        names = [
            name
            for (name,) in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                "AND name != '_sqlite_migrations' AND name NOT LIKE '%_fts%'"
            )
        ]
        tables = {name: sorted(conn.execute(f'SELECT * FROM "{name}"'), key=repr) for name in names}
    finally:
        conn.close()
    return {name: rows for name, rows in tables.items() if rows}


def _connect(path: Path):
    """The journal, opened with IPT_JOURNAL_PASSPHRASE as the real one is when it is encrypted."""
    with open(path, "rb") as file:
        plain = file.read(16) in (b"", b"SQLite format 3\x00")
    passphrase = os.environ.get("IPT_JOURNAL_PASSPHRASE")
    if plain or passphrase is None:
        return sqlite3.connect(path)
    from sqlcipher3 import dbapi2

    conn = dbapi2.connect(str(path))
    conn.execute("PRAGMA key = '{}'".format(passphrase.replace("'", "''")))
    return conn


@contextmanager
def unchanged(path: Path) -> Iterator[None]:
    """The journal at `path` holds the same after the block as before it: for a run
    outside `Ipt` (a subprocess, a terminal)."""
    before = Snapshot(path)
    yield
    before.assert_unchanged()


def flat(text: str) -> str:
    """Output with line wrapping undone, to find a sentence Rich wrapped at 80 columns."""
    return " ".join(text.split())


def older_journal(path: Path, version: int) -> Path:
    """A journal file as a release with only the first `version` migrations left it."""
    from sqlite_utils import Database

    from ipt_journal.store.migrations import migrations

    names = [migration.name for migration in migrations._migrations]
    conn = sqlite3.connect(path)
    migrations.apply(Database(conn), stop_before=names[version])
    conn.execute(f"PRAGMA user_version = {version}")
    conn.commit()
    conn.close()
    return path


def read_only(path: Path):
    """Make `path` read-only even for root (who ignores permissions), or skip; returns the undo."""
    if os.geteuid() != 0:
        os.chmod(path, 0o400)
        return lambda: os.chmod(path, 0o600)
    if shutil.which("chattr") is None or subprocess.run(["chattr", "+i", str(path)]).returncode != 0:
        pytest.skip("cannot make a file read-only for root here")
    return lambda: subprocess.run(["chattr", "-i", str(path)], check=True)


def block_after(lines: list[str], first: str, indent: str = "    ") -> list[str]:
    """The line starting with `first` and the lines wrapped under it (starting with `indent`)."""
    start = next(i for i, line in enumerate(lines) if line.startswith(first))
    block = [lines[start]]
    for line in lines[start + 1 :]:
        if not line.startswith(indent):
            break
        block.append(line)
    return block
