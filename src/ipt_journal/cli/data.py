"""Keeping the journal safe: backup, restore, doctor, export, import, wipe, and encryption
(encrypt, decrypt, passphrase)."""

from pathlib import Path
from typing import Annotated

import typer

from ipt_journal import messages
from ipt_journal.cli.session import YesOpt, command_group, session


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
    made = safekeeping.backup(journal, destination)
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
    from ipt_journal import prompts, safekeeping
    from ipt_journal.store import is_encrypted

    state = session(ctx)
    state.require([] if yes else ["--yes"], f"ipt restore {source} --yes")
    journal = state.journal()
    key = None
    if is_encrypted(source):
        key = journal.key or state.passphrase(
            question="Passphrase of the backup", needed="The backup is encrypted and needs its passphrase"
        )
    version = safekeeping.check_file(source, key)
    messages.note(f"{source} is an intact ipt journal (schema {version}).")
    if not yes and not prompts.confirm(f"Replace your journal at {journal.path} with it?", default=False):
        messages.note("Nothing was changed.")
        return
    was_encrypted = journal.key is not None
    kept = safekeeping.restore(source, journal, key)
    state.forget_journal()
    messages.note(f"Restored. Your journal as it was is kept at {kept}.")
    if was_encrypted and key is None:
        messages.note("The restored journal is not encrypted (the backup was not). Encrypt it: ipt encrypt")


def doctor(
    ctx: typer.Context,
    fix: Annotated[bool, typer.Option("--fix", help="Repair file and folder permissions.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the findings as JSON.")] = False,
) -> None:
    """Check the journal: integrity, links between records, schema, permissions, where it lives.
    Exits 1 when something is wrong."""
    from ipt_journal import safekeeping
    from ipt_journal.paths import journal_path

    state = session(ctx)
    path = journal_path(state.db_flag)
    findings = safekeeping.doctor(path, fix=fix, passphrase=lambda: state.passphrase_to_open(path))
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
    problems = [f for f in findings if not f.ok]
    if any(f.fixable for f in problems):
        messages.note("Run again with --fix to repair the permissions.")
    if problems:
        raise typer.Exit(1)


def export(
    ctx: typer.Context,
    format: Annotated[
        str, typer.Option("--format", "-f", metavar="json|csv|markdown", help="What to write.")
    ] = "json",
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", metavar="PATH", help="A file (a folder for csv). [default: stdout]"),
    ] = None,
) -> None:
    """Export everything: JSON (lossless, for ipt import), CSV (one file per table, into a
    folder) or Markdown (a readable journal to print or bring to a therapist)."""
    import csv
    import datetime as dt
    import io
    import json
    import sys

    from ipt_journal import portable, safekeeping
    from ipt_journal.errors import InputError, MissingInput
    from ipt_journal.store import make_private_dirs

    kind = format.lower()
    if kind not in ("json", "csv", "markdown"):
        raise InputError(f"--format must be json, csv or markdown, got {format!r}.")
    if kind == "csv" and output is None:
        raise MissingInput(
            "CSV export needs a folder: -o FOLDER.", "For example: ipt export --format csv -o my-journal"
        )
    journal = session(ctx).journal()
    tables = journal.dump()
    if kind == "csv":
        folder = output
        make_private_dirs(folder)
        for table, rows in tables.items():
            buffer = io.StringIO()
            writer = csv.DictWriter(buffer, fieldnames=journal.columns(table))
            writer.writeheader()
            writer.writerows(rows)
            safekeeping.write_private(folder / f"{table}.csv", buffer.getvalue().encode())
        messages.note(f"Wrote {len(tables)} CSV files to {folder}.", stream=sys.stderr)
    else:
        doc = portable.document(tables)
        text = (
            json.dumps(doc, indent=2, ensure_ascii=False) + "\n"
            if kind == "json"
            else portable.markdown(doc, dt.date.today())
        )
        if output is None:
            sys.stdout.write(text)
        else:
            safekeeping.write_private(output, text.encode())
            messages.note(f"Wrote {output} (readable only by you).", stream=sys.stderr)
    messages.note(portable.NOT_ENCRYPTED, stream=sys.stderr)


def import_(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(metavar="FILE.json", help="A JSON export.", show_default=False)],
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Say what would change, change nothing.")
    ] = False,
) -> None:
    """Merge a JSON export into the journal by its records' stable ids. The whole file is
    checked first; importing the same file twice changes nothing the second time."""
    from ipt_journal import portable
    from ipt_journal.errors import InputError

    try:
        text = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"Cannot read {file}: {getattr(exc, 'strerror', None) or exc}.") from None
    doc = portable.parse(text)
    counts = session(ctx).journal().merge(doc, dry_run=dry_run)
    if not counts:
        messages.note("Nothing to import: the journal already has everything in this file.")
        return
    messages.note("This import would change:" if dry_run else "Imported:")
    for table, changed in counts.items():
        messages.note(f"  {table.replace('_', ' ')}: {changed['added']} added, {changed['updated']} updated")
    if dry_run:
        messages.note("Nothing was changed (--dry-run).")


def wipe(
    ctx: typer.Context,
    yes: YesOpt = False,
    settings: Annotated[bool, typer.Option("--settings", help="Remove the settings file too.")] = False,
) -> None:
    """Delete the journal, its -wal and -shm files and the backups ipt made; the settings
    only if you say so. Asks you to type 'wipe' first (or --yes)."""
    from ipt_journal import config, keychain, prompts, safekeeping
    from ipt_journal.paths import journal_path

    state = session(ctx)
    state.require([] if yes else ["--yes"], "ipt wipe --yes")
    path = journal_path(state.db_flag)
    files = [p for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm")) if p.exists()]
    backups = safekeeping.backups_folder(path)
    files += sorted(backups.glob("journal-*.db")) if backups.is_dir() else []
    settings_file = config.config_path()
    if not files and not settings_file.exists():
        messages.note(f"There is nothing to wipe: no journal at {path}.")
        return
    messages.note("This removes, for good:")
    for file in files:
        messages.note(f"  {file}")
    if keychain.is_kept(path):
        messages.note("  the journal's passphrase, kept in your system keyring")
    if not yes and prompts.text("Type 'wipe' to remove them (anything else keeps them)").strip() != "wipe":
        messages.note("Nothing was removed.")
        return
    if settings_file.exists() and not settings and not yes:
        settings = prompts.confirm(f"Remove your settings too ({settings_file})?", default=False)
    if settings and settings_file.exists():
        files.append(settings_file)
    forgotten = keychain.forget(path)  # before the settings file, which lists it, may go
    removed = safekeeping.remove(files)
    if backups.is_dir() and not any(backups.iterdir()):
        backups.rmdir()
    messages.note(f"Removed {len(removed)} file{'s' if len(removed) != 1 else ''}:")
    for file in removed:
        messages.note(f"  {file}")
    if forgotten:
        messages.note("Your system keyring no longer keeps the journal's passphrase.")
    messages.note(
        "ipt cannot reach copies outside these places: exports and backups you saved elsewhere, "
        "and system backups or snapshots (Time Machine, cloud sync history). Deleted files can stay "
        "recoverable on the disk until overwritten; full-disk encryption protects against that."
    )


LOST_PASSPHRASE = (
    "A lost passphrase cannot be recovered: nobody, ipt included, can open the journal without "
    "it. Keep it somewhere safe (a password manager)."
)


def encrypt(ctx: typer.Context, yes: YesOpt = False) -> None:
    """Encrypt the journal with a passphrase (SQLCipher; needs the 'encryption' extra).
    The passphrase is typed at a hidden prompt, or comes from IPT_JOURNAL_PASSPHRASE."""
    encrypt_journal(session(ctx), yes)


def encrypt_journal(state, yes: bool) -> None:
    """The encryption flow, shared by `ipt encrypt` and the end of `ipt start`."""
    from ipt_journal import prompts, safekeeping
    from ipt_journal.store import sqlcipher

    sqlcipher()  # say at once if encryption support is missing
    journal = state.journal()
    if journal.key is not None:
        messages.note("The journal is already encrypted. Change its passphrase with: ipt passphrase")
        return
    messages.note(LOST_PASSPHRASE)
    passphrase = _new_passphrase(state, "IPT_JOURNAL_PASSPHRASE")
    if not yes and state.can_prompt and not prompts.confirm("Encrypt the journal now?", default=True):
        messages.note("Nothing was changed.")
        return
    safekeeping.encrypt(journal, passphrase)
    state.forget_journal()
    messages.note(f"The journal at {journal.path} is now encrypted.")
    messages.note(
        "Not to type the passphrase each time, keep it in your system keyring: ipt passphrase remember"
    )
    _mention_plain_backups(journal.path)


def decrypt(ctx: typer.Context, yes: YesOpt = False) -> None:
    """Turn an encrypted journal back into a plain one."""
    from ipt_journal import keychain, prompts, safekeeping

    state = session(ctx)
    state.require([] if yes else ["--yes"], "ipt decrypt --yes")
    journal = state.journal()
    if journal.key is None:
        messages.note("The journal is not encrypted.")
        return
    if not yes and not prompts.confirm("Store the journal unencrypted from now on?", default=False):
        messages.note("Nothing was changed.")
        return
    safekeeping.decrypt(journal)
    state.forget_journal()
    messages.note(f"The journal at {journal.path} is no longer encrypted.")
    if keychain.forget(journal.path):
        messages.note("Its passphrase is no longer kept in your system keyring.")


passphrase_app = command_group(invoke_without_command=True)


@passphrase_app.callback()
def passphrase(ctx: typer.Context) -> None:
    """Change the passphrase of an encrypted journal: the new one is typed twice at a hidden
    prompt, or comes from IPT_JOURNAL_NEW_PASSPHRASE. 'remember' keeps the passphrase in
    your system keyring so ipt stops asking for it; 'forget' removes it from there."""
    if ctx.invoked_subcommand is not None:
        return
    from ipt_journal import keychain, safekeeping

    state = session(ctx)
    journal = state.journal()
    if journal.key is None:
        messages.note("The journal is not encrypted, so it has no passphrase. Encrypt it with: ipt encrypt")
        return
    new = _new_passphrase(state, "IPT_JOURNAL_NEW_PASSPHRASE")
    safekeeping.change_passphrase(journal, new)
    messages.note("The passphrase is changed. " + LOST_PASSPHRASE)
    if keychain.is_kept(journal.path):
        keychain.keep(journal.path, new)
        messages.note("Your system keyring now keeps the new one.")
    _mention_plain_backups(journal.path, changed=True)


@passphrase_app.command()
def remember(ctx: typer.Context) -> None:
    """Keep the passphrase in your system keyring (macOS Keychain, Windows Credential
    Locker, the Secret Service on Linux), so ipt stops asking for it on this computer."""
    from ipt_journal import keychain

    journal = session(ctx).journal()
    if journal.key is None:
        messages.note("The journal is not encrypted, so there is no passphrase to keep.")
        return
    keychain.keep(journal.path, journal.key)
    messages.note(
        "Your system keyring now keeps the passphrase, and ipt will not ask for it here. Anyone "
        "who can use your unlocked account can then open the journal; undo it with: "
        "ipt passphrase forget"
    )


@passphrase_app.command()
def forget(ctx: typer.Context) -> None:
    """Remove the passphrase from your system keyring; ipt asks for it again."""
    from ipt_journal import keychain
    from ipt_journal.paths import journal_path

    if keychain.forget(journal_path(session(ctx).db_flag)):
        messages.note("Your system keyring no longer keeps the passphrase; ipt will ask for it.")
    else:
        messages.note("Your system keyring kept no passphrase for this journal.")


MIN_PASSPHRASE = 8


def _new_passphrase(state, variable: str) -> str:
    import os

    from ipt_journal.errors import InputError

    if os.environ.get(variable):
        chosen = os.environ[variable]
    else:
        chosen = state.passphrase(variable, "New passphrase", needed="A new passphrase is needed")
        if state.passphrase(variable, "The same passphrase again") != chosen:
            raise InputError("The two passphrases differ. Nothing was changed.")
    if len(chosen) < MIN_PASSPHRASE:
        raise InputError(f"A passphrase needs at least {MIN_PASSPHRASE} characters. Nothing was changed.")
    return chosen


def _mention_plain_backups(journal_path: Path, changed: bool = False) -> None:
    from ipt_journal import safekeeping

    backups = sorted(safekeeping.backups_folder(journal_path).glob("journal-*.db"))
    if backups:
        what = "still open with the old passphrase, or none" if changed else "are not encrypted"
        messages.note(
            f"Earlier backups in {backups[0].parent} ({len(backups)}) {what}; delete them or keep "
            "them as safe as the journal."
        )
