"""The confirmations before ipt replaces, encrypts, decrypts or removes the journal, and
the choice of what becomes of earlier unencrypted backups. Each defaults to changing
nothing, except encrypting, which the person has just asked for."""

from __future__ import annotations

from pathlib import Path


def replace_with_backup(journal_path: Path) -> bool:
    from ipt_journal import prompts

    return prompts.confirm(f"Replace your journal at {journal_path} with it?", default=False)


def wipe() -> bool:
    """The word typed in full: removing the journal and its backups cannot be undone."""
    from ipt_journal import prompts

    return prompts.text("Type 'wipe' to remove them (anything else keeps them)").strip() == "wipe"


def wipe_settings(settings_file: Path) -> bool:
    from ipt_journal import prompts

    return prompts.confirm(f"Remove your settings too ({settings_file})?", default=False)


def encrypt_now() -> bool:
    from ipt_journal import prompts

    return prompts.confirm("Encrypt the journal now?", default=True)


def plain_backups(how_many: str, one: bool) -> str:
    """encrypt, delete or keep, for `how_many` ("2 earlier backups") unencrypted backups."""
    from ipt_journal import prompts

    return prompts.select(
        f"{how_many} {'is' if one else 'are'} not encrypted. What should ipt do with them?",
        [
            ("Encrypt them with the new passphrase", "encrypt"),
            ("Delete them", "delete"),
            ("Keep them", "keep"),
        ],
    )


def decrypt() -> bool:
    from ipt_journal import prompts

    return prompts.confirm("Store the journal unencrypted from now on?", default=False)
