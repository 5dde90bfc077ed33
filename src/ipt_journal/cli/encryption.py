"""Encryption of the journal: encrypt, decrypt, and its passphrase (change, remember, forget)."""

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ipt_journal.cli.context import YesOpt, command_group, session
from ipt_journal.text import messages

if TYPE_CHECKING:
    from ipt_journal.cli.context import Session

LOST_PASSPHRASE = (
    "A lost passphrase cannot be recovered: nobody, ipt included, can open the journal without "
    "it. Keep it somewhere safe (a password manager)."
)


def encrypt(
    ctx: typer.Context,
    yes: YesOpt = False,
    backups: Annotated[
        str | None,
        typer.Option(
            "--backups",
            metavar="encrypt|delete|keep",
            help="What to do with earlier, unencrypted backups. [default: ask; keep without a terminal]",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Encrypt the journal with a passphrase (SQLCipher; needs the 'encryption' extra).
    The passphrase is typed at a hidden prompt, or comes from IPT_JOURNAL_PASSPHRASE."""
    encrypt_journal(session(ctx), yes, backups)


def encrypt_journal(state: "Session", yes: bool, backups: str | None = None) -> None:
    """The encryption flow, shared by `ipt encrypt` and the end of `ipt start`."""
    from ipt_journal.safekeeping import backups as safekeeping
    from ipt_journal.store import sqlcipher
    from ipt_journal.wizards import safekeeping as asking
    from ipt_journal.wizards.passphrase import new as new_passphrase

    if backups not in (None, "encrypt", "delete", "keep"):
        from ipt_journal.errors import InputError

        raise InputError(f"--backups must be encrypt, delete or keep, got {backups!r}.")
    sqlcipher()  # say at once if encryption support is missing
    journal = state.journal()
    if journal.key is not None:
        messages.note("The journal is already encrypted. Change its passphrase with: ipt passphrase")
        return
    messages.note(LOST_PASSPHRASE)
    passphrase = new_passphrase("IPT_JOURNAL_PASSPHRASE", state.can_prompt)
    if not yes and state.can_prompt and not asking.encrypt_now():
        messages.note("Nothing was changed.")
        return
    safekeeping.encrypt(journal, passphrase)
    state.forget_journal()
    messages.note(f"The journal at {journal.path} is now encrypted.")
    messages.note(
        "Not to type the passphrase each time, keep it in your system keyring: ipt passphrase remember"
    )
    _plain_backups(state, journal.path, passphrase, backups)


def _plain_backups(state: "Session", journal_path: Path, passphrase: str, choice: str | None) -> None:
    """Backups made before `encrypt` are plaintext copies of the journal: encrypt them with
    the new passphrase, delete them, or keep them (and say so)."""
    from ipt_journal.safekeeping import backups as safekeeping
    from ipt_journal.safekeeping import files
    from ipt_journal.store import is_encrypted
    from ipt_journal.wizards import safekeeping as asking

    plain = [
        b
        for b in sorted(safekeeping.backups_folder(journal_path).glob("journal-*.db"))
        if not is_encrypted(b)
    ]
    if not plain:
        return
    if choice is None and state.can_prompt:
        choice = asking.plain_backups(messages.count(len(plain), "earlier backup"), len(plain) == 1)
    if choice == "encrypt":
        for backup in plain:
            safekeeping.encrypt_file(backup, passphrase)
        messages.note(f"Encrypted {messages.count(len(plain), 'earlier backup')} with the new passphrase.")
    elif choice == "delete":
        files.shred(plain)
        messages.note(f"Deleted {messages.count(len(plain), 'earlier, unencrypted backup')}.")
    else:
        _mention_plain_backups(journal_path)


def decrypt(ctx: typer.Context, yes: YesOpt = False) -> None:
    """Turn an encrypted journal back into a plain one."""
    from ipt_journal.safekeeping import backups as safekeeping
    from ipt_journal.safekeeping import keychain
    from ipt_journal.wizards import safekeeping as asking

    state = session(ctx)
    state.require([] if yes else ["--yes"], "ipt decrypt --yes")
    journal = state.journal()
    if journal.key is None:
        messages.note("The journal is not encrypted.")
        return
    if not yes and not asking.decrypt():
        messages.note("Nothing was changed.")
        return
    safekeeping.decrypt(journal)
    state.forget_journal()
    messages.note(f"The journal at {journal.path} is no longer encrypted.")
    forgetting = keychain.forget(journal.path)
    if forgetting.refused:
        messages.note("  ".join(forgetting.sentences(journal.path)), stream=sys.stderr)
    elif forgetting.was_kept:
        messages.note("Its passphrase is no longer kept in your system keyring.")


passphrase_app = command_group(invoke_without_command=True)


@passphrase_app.callback()
def passphrase(ctx: typer.Context) -> None:
    """Change the passphrase of an encrypted journal: the new one is typed twice at a hidden
    prompt, or comes from IPT_JOURNAL_NEW_PASSPHRASE. 'remember' keeps the passphrase in
    your system keyring so ipt stops asking for it; 'forget' removes it from there."""
    if ctx.invoked_subcommand is not None:
        return
    from ipt_journal.safekeeping import backups as safekeeping
    from ipt_journal.safekeeping import keychain

    state = session(ctx)
    journal = state.journal()
    if journal.key is None:
        messages.note("The journal is not encrypted, so it has no passphrase. Encrypt it with: ipt encrypt")
        return
    from ipt_journal.wizards.passphrase import new as new_passphrase

    new = new_passphrase("IPT_JOURNAL_NEW_PASSPHRASE", state.can_prompt)
    safekeeping.change_passphrase(journal, new)
    state.forget_journal()  # the file was replaced; the next journal() opens the new one
    messages.note("The passphrase is changed. " + LOST_PASSPHRASE)
    if keychain.is_kept(journal.path):
        keychain.keep(journal.path, new)
        messages.note("Your system keyring now keeps the new one.")
    _mention_plain_backups(journal.path, changed=True)


@passphrase_app.command()
def remember(ctx: typer.Context) -> None:
    """Keep the passphrase in your system keyring, so ipt stops asking.

    The system keyring is macOS Keychain, Windows Credential Locker, or the Secret Service
    on Linux; ipt stops asking for the passphrase on this computer."""
    from ipt_journal.safekeeping import keychain

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
    """Remove the passphrase from your keyring; ipt asks for it again."""
    from ipt_journal.paths import journal_path
    from ipt_journal.safekeeping import keychain

    path = journal_path(session(ctx).db_flag)
    forgetting = keychain.forget(path)
    if forgetting.refused:
        from ipt_journal.errors import JournalError

        raise JournalError(*forgetting.sentences(path))
    if forgetting.was_kept:
        messages.note("Your system keyring no longer keeps the passphrase; ipt will ask for it.")
    else:
        messages.note("Your system keyring kept no passphrase for this journal.")


def _mention_plain_backups(journal_path: Path, changed: bool = False) -> None:
    from ipt_journal.safekeeping import backups as safekeeping

    backups = sorted(safekeeping.backups_folder(journal_path).glob("journal-*.db"))
    if backups:
        what = "still open with the old passphrase, or none" if changed else "are not encrypted"
        messages.note(
            f"Earlier backups in {backups[0].parent} ({len(backups)}) {what}; delete them or keep "
            "them as safe as the journal."
        )
