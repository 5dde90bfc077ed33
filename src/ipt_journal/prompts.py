"""The one place ipt asks questions in a terminal (questionary underneath).

Imported only by commands that are about to prompt, so nothing else pays for
questionary's start-up. Every function lets Ctrl-C through as KeyboardInterrupt;
the CLI edge turns that into "nothing was saved".
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, TypeVar

import questionary
from questionary import Choice

from ipt_journal.questions import Question

T = TypeVar("T")
SKIP_LABEL = "(skip)"
_SKIP = "\0skip"  # questionary treats a None value as "use the title", so skip needs a token


def text(message: str, default: str = "", validate: Callable[[str], bool | str] | None = None) -> str:
    return questionary.text(message, default=default, validate=validate).unsafe_ask()


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
    options = [Choice(label, value, shortcut_key=str(value) if by_digit else None) for label, value in pairs]
    if isinstance(optional, str):  # last, so a quick Enter never answers "not applicable"
        options.append(Choice(optional, _SKIP, shortcut_key="n" if by_digit else None))
    elif optional:  # first, so Enter skips and the arrows start at the real options
        options.insert(0, Choice(SKIP_LABEL, _SKIP, shortcut_key="s" if by_digit else None))
        if default is None:
            default = _SKIP
    answer = questionary.select(
        message,
        choices=options,
        default=default,
        use_shortcuts=by_digit,
        use_jk_keys=not (by_digit or by_typing),
        use_search_filter=by_typing,
        instruction="(arrows, or type -1, +2, ...)" if by_typing else None,
    ).unsafe_ask()
    return None if answer == _SKIP else answer


# questionary's own hint names ctrl-a twice when typing filters, and each question already
# says how to tick and finish.
CHECKBOX_HINT = "(type to filter)"


def checkbox(
    message: str,
    choices: Iterable[tuple[str, object]],
    checked: Iterable = (),
    most: int | None = None,
    too_many: str = "",
) -> list:
    """Several answers: Space ticks one. Typed letters filter the list where the person sees
    them, instead of questionary's silent a (tick all) and i (invert). With `most`, Enter
    on more ticks than that shows `too_many` and keeps the list open."""
    checked = set(checked)
    options = [Choice(label, value, checked=value in checked) for label, value in choices]

    def within(ticked: list) -> bool | str:
        return most is None or len(ticked) <= most or (too_many or f"Tick {most} at most.")

    return questionary.checkbox(
        message,
        choices=options,
        use_search_filter=True,
        use_jk_keys=False,
        instruction=CHECKBOX_HINT,
        validate=within,
    ).unsafe_ask()


def secret(message: str) -> str:
    """Typed without being shown."""
    return questionary.password(message).unsafe_ask()


def confirm(message: str, default: bool = False) -> bool:
    return questionary.confirm(message, default=default).unsafe_ask()


def ask(question: Question, default: Any = None) -> Any:
    """Ask one question of a table-driven wizard; an optional one is skipped with Enter."""
    if question.kind == "text":
        suffix = "" if question.required else " (Enter to skip)"
        validate = (lambda value: bool(value.strip()) or "This one is needed.") if question.required else None
        answer = text(question.message + suffix, default=default or "", validate=validate).strip()
        return answer or None
    if question.kind == "day":  # optional; a month alone (2026-04) is enough
        from ipt_journal.text.dates import parse_day_or_month

        return day(
            question.message + " (Enter to skip)",
            lambda typed: parse_day_or_month(typed)[0].isoformat() if typed else None,
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
