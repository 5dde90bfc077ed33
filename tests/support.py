"""Helpers the tests share."""

import sqlite3
from pathlib import Path

from typer.testing import CliRunner

from ipt_journal.cli import app


class Ipt:
    """Runs `ipt` in-process the way a script would (stdin is not a terminal)."""

    def __init__(self, path: Path):
        self.path = path
        self.runner = CliRunner()

    def __call__(self, *args: str, input: str | None = None):
        return self.runner.invoke(app, list(args), input=input, catch_exceptions=False)

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
    """A user mistake: the given exit code, a plain message, never a traceback."""
    assert result.exit_code == code, result.output
    assert "Traceback" not in result.output
    for phrase in phrases:
        assert phrase in result.stderr, result.stderr


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
