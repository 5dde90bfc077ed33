"""Where the journal lives: --db, then $IPT_JOURNAL_DB, then the platform's user data folder."""

from pathlib import Path

ENV_DB = "IPT_JOURNAL_DB"
APP_NAME = "ipt-journal"
FILE_NAME = "journal.db"


def default_journal_path() -> Path:
    import platformdirs  # only needed when neither --db nor the variable is set

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / FILE_NAME


def journal_path(chosen: Path | None) -> Path:
    """`chosen` is --db, which Typer already fills from $IPT_JOURNAL_DB when the flag is absent.
    Resolved once, here: a journal reached through a symbolic link is encrypted, backed up,
    checked and wiped where it really is, never by replacing the link."""
    return (chosen.expanduser() if chosen else default_journal_path()).resolve()
