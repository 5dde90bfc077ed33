"""The one place ipt asks questions in a terminal (questionary underneath).

Imported only by commands that are about to prompt, so nothing else pays for
questionary's start-up. Every function lets Ctrl-C through as KeyboardInterrupt;
the CLI edge turns that into "nothing was saved".
"""

from __future__ import annotations

import os
import shutil
import sys
import textwrap
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

import questionary
from questionary import Choice

from ipt_journal.questions import Question

T = TypeVar("T")
SKIP_LABEL = "(skip)"
POINTER_COLUMNS = 3  # questionary's " » " before each row of a list
_SKIP = "\0skip"  # questionary treats a None value as "use the title", so skip needs a token


def fit(message: str, width: int | None = None, tail: str = "", first: int = 2, indent: int = 0) -> str:
    """`message` broken at spaces to the terminal's width (prompt_toolkit breaks a long line
    wherever the edge falls, inside a word). `first`: columns the first line starts after
    (questionary's "? "); `indent`: spaces before every line. When `tail` (the hint or the
    answer shown after the question) would not fit after the last line, it goes on the next."""
    columns = max(width or _columns(), 20)
    lines: list[str] = []
    for paragraph in message.split("\n"):
        taken = 0 if lines else first  # only the very first line follows the "? "
        lead = " " * (indent + taken)
        wrapped = textwrap.wrap(
            paragraph, columns, initial_indent=lead, subsequent_indent=" " * indent, break_on_hyphens=False
        )
        wrapped = wrapped or [lead]
        wrapped[0] = wrapped[0][taken:]
        lines += wrapped
    last = len(lines[-1]) + (first if len(lines) == 1 else 0)
    fitted = "\n".join(lines)
    return fitted + "\n" if tail and last + 1 + len(tail) > columns else fitted


def fit_choice(title: str, lead: int, hang: int = 0, width: int | None = None) -> str:
    """A choice's words broken at spaces to the terminal's width, the lines after the first
    under its words: a list does not wrap its rows, so a long answer ("Not applicable: I am
    retired or choose not to have a job...") was cut at the edge. `lead`: columns before the
    title on its first line (the pointer, " » "); `hang`: how much further in the other
    lines start (past "n " or a tick mark)."""
    columns = max(width or _columns(), 20)
    lines = textwrap.wrap(title, columns - lead, subsequent_indent=" " * hang, break_on_hyphens=False)
    return ("\n" + " " * lead).join(lines) if lines else title


def _columns() -> int:
    """The terminal's width as prompt_toolkit sees it: asked of the terminal, not $COLUMNS."""
    try:
        return os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
    except (AttributeError, OSError, ValueError):
        return shutil.get_terminal_size().columns


def text(message: str, default: str = "", validate: Callable[[str], bool | str] | None = None) -> str:
    return questionary.text(fit(message), default=default, validate=validate).unsafe_ask()


def day(message: str, parse: Callable[[str], T], default: str = "") -> T:
    """A date question: `parse` reads the answer (dates.parse_day, parse_day_or_month...);
    what it refuses is said at the prompt in its brief form, since questionary shows the
    problem in a one-line toolbar that would cut a longer sentence."""
    from ipt_journal.errors import InputError

    def problem(typed: str) -> bool | str:
        try:
            parse(typed.strip())
        except InputError as error:
            return getattr(error, "brief", error.message)
        return True

    return parse(text(message, default=default, validate=problem).strip())


def select(
    message: str, choices: Iterable[tuple[str, Any]], default: Any = None, optional: bool | str = False
) -> Any:
    """One answer from a list, with the arrows. Where the answers are the numbers 0-9 (a
    questionnaire's 0-3, how much something helped), typing the number picks it too; where
    they are signed (how it went, -2 to +2), typing narrows the list to what matches
    ("-1", "+2"), and Enter takes the first left. `optional` offers an answer that gives None:
    "skip" (first), or the label given (last: the WSAS work item's "not applicable", key n)."""
    pairs = list(choices)
    numbers = all(type(value) is int for _, value in pairs)  # not yes/no (bool)
    by_digit = numbers and all(0 <= value <= 9 for _, value in pairs)
    by_typing = numbers and not by_digit
    # Picked by its digit, an answer shows the digit before its words, in the list and in the
    # echo once chosen ("3 (between)": the WSAS labels only every other point). A title given
    # as formatted text is drawn as it stands, without questionary's "3) " shortcut prefix.
    titles = [f"{value} {label}".rstrip() if by_digit else label for label, value in pairs]
    # Each row after the pointer (" » "), wrapped between words; a digit's words hang past it.
    options = [
        Choice([("", fit_choice(title, POINTER_COLUMNS, 2))], value, shortcut_key=str(value))
        if by_digit
        else Choice(fit_choice(title, POINTER_COLUMNS), value)
        for title, (_, value) in zip(titles, pairs, strict=True)
    ]
    if isinstance(optional, str):  # last, so a quick Enter never answers "not applicable"
        if by_digit:  # "n Not applicable...", drawn as the digits are, so it can wrap as they do
            title = fit_choice(f"n {optional}", POINTER_COLUMNS, 2)
            options.append(Choice([("", title)], _SKIP, shortcut_key="n"))
        else:
            options.append(Choice(fit_choice(optional, POINTER_COLUMNS), _SKIP))
    elif optional:  # first, so Enter skips and the arrows start at the real options
        options.insert(0, Choice(SKIP_LABEL, _SKIP, shortcut_key="s" if by_digit else None))
        if default is None:
            default = _SKIP
    instruction = "(arrows, or type -1, +2, ...)" if by_typing else None
    longest = max([*titles, optional if isinstance(optional, str) else SKIP_LABEL], key=len)
    answer = questionary.select(
        fit(message, tail=instruction or longest),  # the hint, then the answer, follow the question
        choices=options,
        default=default,
        use_shortcuts=by_digit,
        use_jk_keys=not (by_digit or by_typing),
        use_search_filter=by_typing,
        instruction=instruction,
    ).unsafe_ask()
    return None if answer == _SKIP else answer


def checkbox(
    message: str,
    choices: Iterable[tuple[str, object]],
    checked: Iterable = (),
    most: int | None = None,
    too_many: str = "",
) -> list:
    """Several answers, in list order. Space ticks the highlighted one; typing finds one (a
    space included, once something is typed) and Enter or Tab ticks it; Enter with nothing
    typed is done (wizards/checklist.py says why questionary's checkbox is not used). With `most`,
    Enter on more ticks than that shows `too_many` and keeps the list open."""
    from ipt_journal.wizards import checklist

    pairs = list(choices)
    wanted = set(checked)
    ticked = {index for index, (_, value) in enumerate(pairs) if value in wanted}
    picked = checklist.ask(message, [label for label, _ in pairs], ticked, most, too_many)
    return [pairs[index][1] for index in picked]


def secret(message: str) -> str:
    """Typed without being shown."""
    return questionary.password(fit(message)).unsafe_ask()


def confirm(message: str, default: bool = False) -> bool:
    return questionary.confirm(fit(message, tail="(y/N) Yes"), default=default).unsafe_ask()


def ask(question: Question, default: Any = None) -> Any:
    """Ask one question of a table-driven wizard; an optional one is skipped with Enter."""
    if question.kind == "text":
        suffix = "" if question.required else " (Enter to skip)"
        validate = (lambda value: bool(value.strip()) or "This one is needed.") if question.required else None
        answer = text(question.message + suffix, default=default or "", validate=validate).strip()
        return answer or None
    if question.kind == "day":  # optional; a month alone (2026-04) is enough
        from ipt_journal.text.dates import day_or_month_text, parse_day_or_month

        return day(
            question.message + " (Enter to skip)",
            lambda typed: day_or_month_text(*parse_day_or_month(typed)) if typed else None,
            default=default or "",
        )
    if question.kind == "holidays":  # optional; each day checked as typed, so no answer is lost
        from ipt_journal.clinical.pathways import holidays_text, parse_holidays

        def problem(typed: str) -> bool | str:
            try:
                parse_holidays(typed)
            except ValueError as error:
                return str(error)
            return True

        typed = text(question.message + " (Enter to skip)", default=default or "", validate=problem)
        return holidays_text(parse_holidays(typed))
    if question.kind == "yes-no":
        choices = (("yes", True), ("no", False))
        return select(question.message, choices, default=default, optional=True)
    return select(question.message, question.choices, default=default, optional=not question.required)
