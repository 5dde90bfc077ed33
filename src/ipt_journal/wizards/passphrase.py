"""The journal's passphrase: typed at a hidden prompt (or read from its environment
variable, for scripts), and a new one chosen twice and checked for length. Never taken
from a command-line argument, where other users and the shell's history would see it."""

from __future__ import annotations

import os

from ipt_journal.errors import InputError, MissingInput
from ipt_journal.text import messages

MIN_PASSPHRASE = 8
ADVISED_PASSPHRASE = 16  # about four random words: far beyond guessing, and easy to type
TRIES = 3


def typed(variable: str, question: str, needed: str, can_prompt: bool) -> str:
    """From `variable` in the environment, else a hidden prompt in a terminal; outside
    one, `needed` says what is missing."""
    if os.environ.get(variable):
        return os.environ[variable]
    if not can_prompt:
        raise MissingInput(
            f"{needed}: set {variable}, or run ipt in a terminal to type it "
            "(never as a command-line argument)."
        )
    from ipt_journal import prompts

    return prompts.secret(question)


def new(variable: str, can_prompt: bool) -> str:
    """From the environment (checked once), else typed twice at a hidden prompt: a short one
    or a mistyped confirmation is said and asked again, never taken."""
    too_short = f"A passphrase needs at least {MIN_PASSPHRASE} characters."
    if os.environ.get(variable):
        if len(os.environ[variable]) < MIN_PASSPHRASE:
            raise InputError(f"{too_short} Nothing was changed.")
        return os.environ[variable]
    for _ in range(TRIES):
        chosen = typed(variable, "New passphrase", "A new passphrase is needed", can_prompt)
        if len(chosen) < MIN_PASSPHRASE:
            messages.note(f"{too_short} Please choose a longer one.")
            continue
        if len(chosen) < ADVISED_PASSPHRASE:
            messages.note(
                f"That works, but {ADVISED_PASSPHRASE} characters or more (four random words, say) "
                "is much harder to guess."
            )
        if typed(variable, "The same passphrase again", "A new passphrase is needed", can_prompt) == chosen:
            return chosen
        messages.note("The two passphrases differ; please type it twice again.")
    raise InputError(f"No passphrase was set after {TRIES} tries. Nothing was changed.")
