"""Keeping the journal safe: backup, restore, doctor, export and wipe (import is in
cli/importing.py, encryption in cli/encryption.py)."""

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ipt_journal.cli.context import ForceOpt, YesOpt, named_file, session
from ipt_journal.text import messages

if TYPE_CHECKING:
    from ipt_journal.cli.context import Session


def backup(
    ctx: typer.Context,
    destination: Annotated[
        str | None,
        typer.Argument(
            metavar="[PATH]",
            help="A file to create, or a folder for a timestamped one.",
            show_default=False,
            callback=named_file,
        ),
    ] = None,
    force: ForceOpt = False,
) -> None:
    """Make a checked copy of the journal, safe to take while ipt is in use.
    By default a timestamped file in the backups folder beside the journal."""
    from ipt_journal.safekeeping import backups as safekeeping

    journal = session(ctx).journal()
    made = safekeeping.backup(journal, Path(destination) if destination else None, force=force)
    protection = "encrypted like the journal" if journal.key else "not encrypted"
    messages.note(f"Backed up to {made} (checked, readable only by you, {protection}).")


def restore(
    ctx: typer.Context,
    source: Annotated[
        Path, typer.Argument(metavar="PATH", help="The backup to restore.", show_default=False)
    ],
    yes: YesOpt = False,
) -> None:
    """Replace the journal with a backup. The backup is checked first and the current
    journal is kept as a backup of its own."""
    from ipt_journal.errors import InputError
    from ipt_journal.safekeeping import backups as safekeeping
    from ipt_journal.store import is_encrypted, refuse_unless_regular
    from ipt_journal.wizards import safekeeping as asking

    state = session(ctx)
    state.require([] if yes else ["--yes"], f"ipt restore {source} --yes")
    if not source.exists():
        raise InputError(f"There is no file at {source}.")
    # Before anything opens it: a FIFO would hang.
    refuse_unless_regular(source, "a backup", "Name a backup file (ipt doctor says where your backups are).")
    journal = state.journal()
    key = None
    if is_encrypted(source):
        key = _backup_passphrase(state, source, journal.key)
    version = _check_backup(source, key)
    messages.note(f"{source} is an intact ipt journal (schema {version}).")
    if not yes and not asking.replace_with_backup(journal.path):
        messages.note("Nothing was changed.")
        return
    was_encrypted = journal.key is not None
    kept = safekeeping.restore(source, journal, key)
    state.forget_journal()
    messages.note(f"Restored. Your journal as it was is kept at {kept}.")
    if was_encrypted and key != journal.key:
        messages.note("The restored journal is encrypted with your journal's passphrase, as before.")
    elif not was_encrypted and key is not None:
        messages.note("The restored journal is encrypted, with the backup's passphrase.")


BACKUP_PASSPHRASE_ENV = "IPT_BACKUP_PASSPHRASE"


def _check_backup(source: Path, key: str | None) -> int:
    """The backup's schema version, once checked; a wrong passphrase is the backup's, and the
    variable to set is IPT_BACKUP_PASSPHRASE (not the journal's)."""
    from ipt_journal.errors import WrongPassphrase
    from ipt_journal.safekeeping import backups as safekeeping

    try:
        return safekeeping.check_file(source, key)
    except WrongPassphrase:
        raise WrongPassphrase(
            f"Wrong passphrase for the backup at {source}, or it is not an ipt journal. Nothing was changed.",
            f"Type it again, or set {BACKUP_PASSPHRASE_ENV} to the backup's passphrase.",
        ) from None


def _backup_passphrase(state: "Session", source: Path, journal_key: str | None) -> str:
    """An encrypted backup's own passphrase: IPT_BACKUP_PASSPHRASE, else the journal's if it
    opens the backup (the usual case), else asked for: a backup made before a passphrase
    change still opens with the old one."""
    import os

    from ipt_journal.errors import WrongPassphrase
    from ipt_journal.store import connect

    if os.environ.get(BACKUP_PASSPHRASE_ENV):
        return os.environ[BACKUP_PASSPHRASE_ENV]
    if journal_key is not None:
        try:
            connect(source, journal_key, read_only=True, timeout=1).close()
            return journal_key
        except WrongPassphrase:
            pass
    return state.passphrase(
        BACKUP_PASSPHRASE_ENV,
        question="Passphrase of the backup",
        needed="The backup is encrypted with another passphrase",
    )


def doctor(
    ctx: typer.Context,
    fix: Annotated[
        bool, typer.Option("--fix", help="Repair the permissions of ipt's files; remove its leftovers.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the findings as JSON.")] = False,
) -> None:
    """Check the journal: integrity, links between records, schema, permissions, where it lives.
    Exits 1 when something is wrong."""
    from ipt_journal.paths import journal_path
    from ipt_journal.safekeeping import doctor as checks

    state = session(ctx)
    path = journal_path(state.db_flag)
    findings = checks.doctor(path, fix=fix, passphrase=lambda: state.passphrase_to_open(path))
    problems = [f for f in findings if not f.ok]
    if as_json:
        messages.print_json(
            {
                "journal": str(path),
                "ok": not problems,
                "findings": [
                    {"what": f.what, "ok": f.ok, "fixable": f.fixable, "detail": f.detail} for f in findings
                ],
            }
        )
        if problems:
            raise typer.Exit(1)
        return
    for finding in findings:
        mark = "ok  " if finding.ok else "FIX " if finding.fixable else "!!  "
        messages.note(f"{mark} {finding.what}: {finding.detail}")
    if any(f.fixable for f in problems):
        messages.note("Run again with --fix to repair the permissions and remove the leftovers.")
    if problems:
        raise typer.Exit(1)


def export(
    ctx: typer.Context,
    format: Annotated[
        str, typer.Option("--format", "-f", metavar="json|csv|markdown", help="What to write.")
    ] = "json",
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            metavar="PATH",
            help="A file (a folder for csv); - for stdout. [default: stdout]",
            callback=named_file,
        ),
    ] = None,
    force: ForceOpt = False,
) -> None:
    """Export everything: JSON (lossless, for ipt import), CSV (into a folder: checkins.csv
    with one row per check-in for a spreadsheet, and one file per table) or Markdown (a
    readable journal to print or bring to a therapist). An existing file is replaced only
    with --force; the journal and its backups never."""
    import datetime as dt
    from collections.abc import Iterator

    from ipt_journal.documents import NOT_ENCRYPTED
    from ipt_journal.errors import InputError, MissingInput
    from ipt_journal.safekeeping import export_document, export_files, files

    kind = format.lower()
    if kind not in ("json", "csv", "markdown"):
        raise InputError(f"--format must be json, csv or markdown, got {format!r}.")
    if kind == "csv" and output in (None, files.STDOUT):
        raise MissingInput(
            "CSV export needs a folder: -o FOLDER.", "For example: ipt export --format csv -o my-journal"
        )
    journal = session(ctx).journal()
    if kind == "csv":
        assert output is not None  # refused above
        tables = journal.dump()
        folder = Path(output)
        records = {table: rows for table, rows in tables.items() if table in journal.TABLES}  # no deletions
        written = export_files.write_csv_folder(
            folder, records, journal.columns, force=force, journal_path=journal.path
        )
        messages.note(
            f"Wrote {written} CSV files to {folder}: checkins.csv has one row per check-in, "
            "for a spreadsheet; the others are the journal's tables.",
            stream=sys.stderr,
        )
    else:
        with journal.reading():  # one snapshot, however long the file takes to write
            data: bytes | Iterator[bytes]
            if kind == "json":  # written as it is read: a ten-year journal never whole in memory
                data = export_files.json_pieces(export_document.sections(journal))
            else:
                from ipt_journal.documents.journal import markdown

                data = markdown(export_document.document(journal), dt.date.today()).encode()
            where = files.write_user_file(output or files.STDOUT, data, force, journal.path)
        if output not in (None, files.STDOUT):
            messages.note(f"Wrote {where} (readable only by you).", stream=sys.stderr)
    messages.note(NOT_ENCRYPTED, stream=sys.stderr)


def wipe(
    ctx: typer.Context,
    yes: YesOpt = False,
    settings: Annotated[bool, typer.Option("--settings", help="Remove the settings file too.")] = False,
) -> None:
    """Delete the journal, its -wal and -shm files, the backups ipt made and the drafts it kept
    from a failed editor; the settings only if you say so. Asks you to type 'wipe' first (or --yes)."""
    from ipt_journal import config
    from ipt_journal.paths import journal_path
    from ipt_journal.safekeeping import backups as safekeeping
    from ipt_journal.safekeeping import files as temporary
    from ipt_journal.safekeeping import keychain
    from ipt_journal.wizards import safekeeping as asking

    state = session(ctx)
    state.require([] if yes else ["--yes"], "ipt wipe --yes")
    path = journal_path(state.db_flag)
    from ipt_journal.store.recognise import refuse_unless_journal_file

    refuse_unless_journal_file(path)  # never another program's file, whatever --db names
    files = [p for p in (path, *(Path(f"{path}{s}") for s in ("-wal", "-shm", "-journal"))) if p.exists()]
    backups = safekeeping.backups_folder(path)
    files += sorted(backups.glob("journal-*.db")) if backups.is_dir() else []
    files += temporary.leftovers(path, all_of_them=True)
    in_flight = path.parent / temporary.IN_FLIGHT  # the list of outputs being written
    files += [in_flight] if in_flight.is_file() else []
    from ipt_journal.safekeeping import editing

    edits = editing.editing_leftovers(path)  # notes an ended --edit of this journal left open
    files += edits
    drafts = editing.drafts_folder(path)
    files += editing.kept_drafts(path)  # text kept from a failed editor, this journal's only
    settings_file = config.config_path()
    if not files and not settings_file.exists():
        messages.note(f"There is nothing to wipe: no journal at {path}.")
        return
    messages.note("This removes, for good:")
    for file in files:
        messages.note(f"  {file}")
    if keychain.is_kept(path):
        messages.note("  the journal's passphrase, kept in your system keyring")
    if not yes and not asking.wipe():
        messages.note("Nothing was removed.")
        return
    if settings_file.exists() and not settings and not yes:
        settings = asking.wipe_settings(settings_file)
    if settings and settings_file.exists():
        files.append(settings_file)
    blocked = safekeeping.unremovable(files)
    if blocked:
        from ipt_journal.errors import JournalError

        for file, why in blocked:
            messages.note(f"  cannot remove {file}: {why}", stream=sys.stderr)
        raise JournalError(
            f"{len(blocked)} file{'s' if len(blocked) != 1 else ''} could not be removed, so nothing "
            "was removed: your journal and its backups are as they were.",
            "Make the folder writable for you (or ask its owner), then run ipt wipe again.",
        )
    forgotten = keychain.forget(path)  # before the settings file, which lists it, may go
    removed, kept = safekeeping.remove(files)
    # Folders ipt made that are now empty; another journal's files in them keep them.
    for folder in (*sorted({edit.parent for edit in edits}), editing.editing_home(path), backups, drafts):
        try:
            if folder.is_dir() and not folder.is_symlink() and not any(folder.iterdir()):
                folder.rmdir()
        except OSError as exc:
            kept.append((folder, exc.strerror or str(exc)))
    messages.note(f"Removed {len(removed)} file{'s' if len(removed) != 1 else ''}:")
    for file in removed:
        messages.note(f"  {file}")
    if kept:
        from ipt_journal.errors import JournalError

        for file, why in kept:
            messages.note(f"  NOT removed: {file} ({why})", stream=sys.stderr)
        raise JournalError(
            f"{len(kept)} file{'s' if len(kept) != 1 else ''} could not be removed; they are listed "
            "above as NOT removed.",
            "Make the folder writable for you (or ask its owner), then run ipt wipe again.",
        )
    if forgotten.refused:
        messages.note("  ".join(forgotten.sentences(path)), stream=sys.stderr)
    elif forgotten.was_kept:
        messages.note("Your system keyring no longer keeps the journal's passphrase.")
    messages.note(
        "ipt cannot reach copies outside these places: exports and backups you saved elsewhere, "
        "and system backups or snapshots (Time Machine, cloud sync history). Deleted files can stay "
        "recoverable on the disk until overwritten; full-disk encryption protects against that."
    )
