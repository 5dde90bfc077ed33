"""`ipt backup`, `ipt restore` and `ipt doctor`: keeping the journal safe."""

from pathlib import Path
from typing import Annotated

import typer

from ipt_journal import messages
from ipt_journal.cli.session import YesOpt, session


def backup(
    ctx: typer.Context,
    destination: Annotated[
        Path | None,
        typer.Argument(
            metavar="[PATH]", help="A file to create, or a folder for a timestamped one.", show_default=False
        ),
    ] = None,
) -> None:
    """Make a checked copy of the journal, safe to take while ipt is in use.
    By default a timestamped file in the backups folder beside the journal."""
    from ipt_journal import safekeeping

    journal = session(ctx).journal()
    made = safekeeping.backup(journal.conn, journal.path, destination)
    messages.note(f"Backed up to {made} (checked, readable only by you). Backups are not encrypted.")


def restore(
    ctx: typer.Context,
    source: Annotated[
        Path, typer.Argument(metavar="PATH", help="The backup to restore.", show_default=False)
    ],
    yes: YesOpt = False,
) -> None:
    """Replace the journal with a backup. The backup is checked first and the current
    journal is kept as a backup of its own."""
    from ipt_journal import prompts, safekeeping

    state = session(ctx)
    state.require([] if yes else ["--yes"], f"ipt restore {source} --yes")
    version = safekeeping.check_file(source)
    journal = state.journal()
    messages.note(f"{source} is an intact ipt journal (schema {version}).")
    if not yes and not prompts.confirm(f"Replace your journal at {journal.path} with it?", default=False):
        messages.note("Nothing was changed.")
        return
    kept = safekeeping.restore(source, journal.path, journal.conn)
    state.forget_journal()
    messages.note(f"Restored. Your journal as it was is kept at {kept}.")


def doctor(
    ctx: typer.Context,
    fix: Annotated[bool, typer.Option("--fix", help="Repair file and folder permissions.")] = False,
) -> None:
    """Check the journal: integrity, links between records, schema, permissions, where it lives.
    Exits 1 when something is wrong."""
    from ipt_journal import safekeeping
    from ipt_journal.paths import journal_path

    findings = safekeeping.doctor(journal_path(session(ctx).db_flag), fix=fix)
    for finding in findings:
        mark = "ok  " if finding.ok else "FIX " if finding.fixable else "!!  "
        messages.note(f"{mark} {finding.what}: {finding.detail}")
    problems = [f for f in findings if not f.ok]
    if any(f.fixable for f in problems):
        messages.note("Run again with --fix to repair the permissions.")
    if problems:
        raise typer.Exit(1)
