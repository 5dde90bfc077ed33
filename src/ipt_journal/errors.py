"""The one family of errors a person may see.

Every message is a sentence written for the person at the keyboard. The CLI edge
turns these into a line on stderr and an exit code; nothing else prints them.
Messages never carry journal text the person did not just type themselves.
"""

# Said wherever ipt needs the optional 'encryption' extra (SQLCipher, keyring).
INSTALL_ENCRYPTION = (
    "Install the encryption extra. From your ipt-journal folder: pip install '.[encryption]' "
    "(in the venv you installed ipt into), or pipx install --force '.[encryption]' if you "
    "installed it with pipx."
)


class IptError(Exception):
    """Something the person can act on. Exit code 1 unless a subclass says otherwise."""

    exit_code = 1

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


class InputError(IptError):
    """A value given on the command line or at a prompt is not allowed."""

    exit_code = 2


class MissingInput(InputError):
    """Required values were not given and ipt may not ask for them."""


class NotFound(InputError):
    """A name or id that is not in the journal."""


class JournalError(IptError):
    """The journal file cannot be opened or used as it is."""


class WrongPassphrase(JournalError):
    """The passphrase given does not open the encrypted journal."""


# What ipt will not do with someone who has died, in the one kind refusal below.
DECEASED_REFUSALS = {
    "contact": "does not record time with them or list them as someone to contact",
    "dispute": "does not make them the other side of a dispute",
    "area": "keeps them with grief: their problem area can be grief or none, with no dispute stage",
    "stage": "keeps them with grief: a dispute stage does not apply to them",
    "with": "does not set this exercise or task with them",
}


class HasDied(InputError):
    """The kind refusal for naming someone who has died where ipt means someone living."""

    def __init__(self, name: str, refusal: str = "contact"):
        from ipt_journal.text.safe_text import shell_word  # the one quoting rule for suggestions

        quoted = shell_word(name)
        super().__init__(
            f"{name} has died, so ipt {DECEASED_REFUSALS[refusal]}.",
            f"To remember {quoted}: ipt exercise start grief --with {quoted}, "
            f"or a life event: ipt event add --person {quoted}",
        )
