"""What every command shares: the journal it opens (once, lazily) and whether it may ask."""

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer

from ipt_journal.errors import MissingInput, WrongPassphrase

if TYPE_CHECKING:
    from collections.abc import Callable

    from ipt_journal.store import Journal

YesOpt = Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")]
ForceOpt = Annotated[bool, typer.Option("--force", help="Replace the file if it already exists.")]


def named_file(value: str | None) -> str | None:
    """A file name the person typed: an empty one is refused, never read as the working folder."""
    if value is not None and not value.strip():
        from ipt_journal.errors import InputError

        raise InputError("The file name is empty.", "Give a file name (or - for standard output).")
    return value


DIFFICULTY_HELP = (
    "How difficult these problems made work, home or getting along with people: 0 not difficult "
    "at all, 1 somewhat, 2 very, 3 extremely."
)
Phq9DifficultyOpt = Annotated[
    int | None, typer.Option("--phq9-difficulty", metavar="0-3", help=DIFFICULTY_HELP)
]
Gad7DifficultyOpt = Annotated[
    int | None, typer.Option("--gad7-difficulty", metavar="0-3", help=DIFFICULTY_HELP)
]
# With it, a command writes its note through ipt_journal.editor (see there).
EditOpt = Annotated[bool, typer.Option("--edit", help="Write the note in your editor ($VISUAL or $EDITOR).")]


T = TypeVar("T")  # the record a removal shows before asking


class Session:
    """One run of `ipt`: its global options, and the journal, opened when first needed.
    (A plain class, not a dataclass: every command makes one, and a dataclass's methods
    are compiled at every start.)"""

    def __init__(self, db_flag: Path | None, no_input: bool, debug: bool = False) -> None:
        self.db_flag = db_flag
        self.no_input = no_input
        self.debug = debug  # --debug: errors as tracebacks (IPT_DEBUG=1 also)
        self._journal: Journal | None = None
        self._passphrase_from_keyring = False
        # What Ctrl-C keeps, in a sentence, when a command saved part of its work early.
        self.cancel_note: str | None = None

    def journal_path(self) -> Path:
        """Where this run's journal is (--db, $IPT_JOURNAL_DB or the default), without opening
        it: the editor keeps its files beside it before the journal is needed."""
        from ipt_journal.paths import journal_path

        return journal_path(self.db_flag)

    def journal(self) -> "Journal":
        if self._journal is None:
            from ipt_journal.store import open_journal

            path = self.journal_path()
            try:
                self._journal = open_journal(path, passphrase=lambda: self.passphrase_to_open(path))
            except WrongPassphrase as error:
                if not self._passphrase_from_keyring:
                    raise
                raise WrongPassphrase(
                    error.message,
                    "The passphrase kept in your system keyring does not open it; "
                    "stop using it with: ipt passphrase forget",
                ) from None
            if not self._journal.whole:
                from ipt_journal.text import messages

                messages.note(
                    f"The journal at {path} is on read-only media and its newest entries (in "
                    f"{path.name}-wal) cannot be read here: what ipt shows may leave them out. "
                    "Copy the journal with its -wal file somewhere you may write, and open the copy.",
                    stream=sys.stderr,
                )
            from ipt_journal.safekeeping import editing, files

            # What a kill -9 or a power cut left of an earlier run: copies of journal text.
            files.sweep(path)
            editing.sweep_editing(path)  # notes an ended --edit of this journal left open
        return self._journal

    def passphrase_to_open(self, path: Path) -> str:
        """From the environment, else the system keyring if you asked ipt to keep it there,
        else a hidden prompt."""
        from ipt_journal.safekeeping import keychain
        from ipt_journal.store import PASSPHRASE_ENV

        if not os.environ.get(PASSPHRASE_ENV):
            kept = keychain.read(path)
            if kept is not None:
                self._passphrase_from_keyring = True
                return kept
        return self.passphrase()

    def passphrase(
        self,
        variable: str | None = None,
        question: str = "Passphrase for your journal",
        needed: str = "The journal is encrypted and needs its passphrase",
    ) -> str:
        """From the environment (for scripts), else a hidden prompt in a terminal; outside
        one, `needed` says what is missing (`wizards.passphrase.typed`)."""
        from ipt_journal.store import PASSPHRASE_ENV
        from ipt_journal.wizards import passphrase

        return passphrase.typed(variable or PASSPHRASE_ENV, question, needed, self.can_prompt)

    @property
    def saved_something(self) -> bool:
        return self._journal is not None and self._journal.saves > 0

    def forget_journal(self) -> None:
        """After the file was replaced under it: the next journal() opens the new one."""
        self._journal = None

    def close(self) -> None:
        if self._journal is not None:
            self._journal.close()
            self._journal = None

    @property
    def can_prompt(self) -> bool:
        return not self.no_input and sys.stdin.isatty()

    def require(self, missing: list[str], example: str) -> None:
        """Refuse, naming the flags, when values are missing and ipt may not ask for them."""
        if missing and not self.can_prompt:
            raise MissingInput(
                f"Missing {_join(missing)}. ipt only asks questions in a terminal "
                "(and never with --no-input), so pass "
                f"{'it as a flag' if len(missing) == 1 else 'them as flags'}.",
                f"For example: {example}",
            )

    def remove_after_asking(
        self,
        yes: bool,
        label: str,
        command: str,
        fetch: "Callable[[], T]",
        show: "Callable[[T], object]",
        remove: "Callable[[], object]",
        verb: str = "Delete",
    ) -> None:
        """The one removal flow: outside a terminal only with --yes; otherwise show the
        record (`fetch` refuses an unknown id first), ask, and only then `remove` it."""
        from ipt_journal.text import messages

        self.require([] if yes else ["--yes"], f"{command} --yes")
        current = fetch()
        if not yes:
            show(current)
        if not self.confirm(yes, f"{verb} {label}?"):
            messages.note(f"Nothing was {verb.lower()}d.")
            return
        remove()
        messages.note(f"{verb}d {label}.")

    def confirm(self, yes: bool, question: str) -> bool:
        """True with --yes; otherwise the person's answer. Call `require` first."""
        if yes:
            return True
        from ipt_journal import prompts

        return prompts.confirm(question, default=False)


def command_group(**settings: Any) -> typer.Typer:
    """A Typer app for one group of commands, set up like the root: plain-text help and no
    completion options. Groups are loaded on their own (see COMMANDS), so they inherit
    nothing from the root."""
    return typer.Typer(add_completion=False, rich_markup_mode=None, **settings)


def one_of(flags: dict[str, bool]) -> None:
    """Refuse two ways of printing at once (`--json --markdown`) instead of silently picking one."""
    given = [flag for flag, on in flags.items() if on]
    if len(given) > 1:
        from ipt_journal.errors import InputError

        raise InputError(f"Choose one of {_join(given)}.")


def session(ctx: typer.Context) -> Session:
    return ctx.find_root().obj


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]
