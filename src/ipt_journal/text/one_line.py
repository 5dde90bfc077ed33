"""A check-in written in one line: `ipt checkin 6 "dinner with Sam+1, went well #family"`.

The words after the mood are the note, kept as typed. Read from it:
- tags: each `#word` (letters, digits, `-`, `_`, `/`), or `#"words in quotes"` for a tag
  with spaces (`#"movies / tv"`);
- people: each living person of the inventory named in it as a whole word (`@` before the
  name is allowed, and quotes around it: `"Mary Ann"+2`, as someone writes a name with a
  space inside a quoted line); a sign right after the name (`Sam+1`, `Sam:-2`, after the
  closing quote) says how it went, otherwise how it went stays unsaid;
- a word with a sign (`Tom+1`), a quoted name with a sign (`"Mary Jo"+1`) or an `@`
  (`@Tom`) that is nobody in the inventory is refused, so a typo never drops a person
  silently.
Someone who has died is never "with" the person: their name stays words in the note.
"""

import re
import shlex
from collections.abc import Iterable
from typing import NamedTuple

from ipt_journal.errors import InputError

EXAMPLE = 'ipt checkin 6 "dinner with Sam+1 #family"'
# A tag: #word, or in quotes when it has spaces: #"movies / tv" (straight or curly quotes).
_TAG = re.compile(r"(?<![\w#])#(?:[\"\u201c]([^\"\u201c\u201d\n]+)[\"\u201d]|([\w/-]+))")
_HOW = r"(?::?(?P<how>[+-][0-9]))?(?!\w)"
# The quotes a name may stand in: straight and curly, double and single.
_QUOTES = (('"', '"'), ("\u201c", "\u201d"), ("'", "'"), ("\u2018", "\u2019"))
# What looks meant as a person: @Word, "Quoted words"+N, Word+N / Word:-N, or a capitalised
# Word+5 (top-3 is not).
_PERSON_LIKE = re.compile(
    r"(?<!\w)(?:@(?P<at>[^\W\d_][\w'.-]*)"
    + "".join(  # "Mary Jo"+1: a quoted name with a sign
        rf"|{re.escape(left)}(?P<quoted{n}>[^\W\d_][^{re.escape(right)}\n]*){re.escape(right)}:?[+-][0-9](?!\w)"
        for n, (left, right) in enumerate(_QUOTES)
    )
    # Tom+1, tom:-2; one letter with a sign is a grade or a score ("an A-2"), not a name
    + r"|(?P<word>[^\W\d_][\w'.]+):?[+-][0-2](?!\w)"
    + r"|(?P<cap>[A-Z][\w'.]+):?[+-][3-9](?!\w))"  # Tom+5: a name with a sign out of range
)


class QuickEntry(NamedTuple):
    mood: int
    note: str | None
    tags: list[str]
    people: list[dict[str, object]]  # name, quality (int or None)


def parse_mood(text: str) -> int:
    """ASCII digits 0-10 only: '١', '1_0' and '1e1' are not moods."""
    if not re.fullmatch(r"[0-9]{1,2}", text) or int(text) > 10:
        raise InputError(
            f"A check-in in one line starts with a mood from 0 to 10, got {text!r}.",
            f"For example: {EXAMPLE}",
        )
    return int(text)


def _how(text: str | None, name: str) -> int | None:
    if text is None:
        return None
    value = int(text)
    if not -2 <= value <= 2:
        raise InputError(
            f"How it went with {name} must be from -2 (very badly) to +2 (very well), got {text}."
        )
    return value


def parse_line(mood: str, words: Iterable[str], living: Iterable[str], died: Iterable[str]) -> QuickEntry:
    """Mood, note, tags and people from one line; `living` and `died` are inventory names."""
    value = parse_mood(mood)
    note = " ".join(words).strip()
    tags = list(dict.fromkeys((match.group(1) or match.group(2)).strip() for match in _TAG.finditer(note)))
    masked = _TAG.sub(lambda match: " " * len(match.group(0)), note)
    found: dict[str, tuple[int, int | None]] = {}  # name -> (where first named, how it went)
    # Longest names first, so "Sam Lee" is taken before "Sam"; each match is blanked out.
    names = [(name, True) for name in living] + [(name, False) for name in died]
    # Only the names the line holds get a pattern: compiling one for each of 150 people
    # took longer than the rest of the check-in. A case-insensitive match implies this.
    folded = note.casefold()
    names = [(name, alive) for name, alive in names if name.casefold() in folded]
    for name, alive in sorted(names, key=lambda item: len(item[0]), reverse=True):
        written = "|".join(re.escape(left + name + right) for left, right in _QUOTES)
        pattern = re.compile(rf"(?<!\w)@?(?:{written}|{re.escape(name)})" + _HOW, re.IGNORECASE)
        for match in pattern.finditer(masked):
            if not alive and match.group("how"):
                from ipt_journal.store.people import raise_deceased

                raise_deceased(name)
            if alive:
                how = _how(match.group("how"), name)
                start, before = found.get(name, (match.start(), None))
                if before is not None and how is not None and how != before:
                    raise InputError(
                        f"{name} is named with two signs, {before:+d} and {how:+d}.",
                        f"Give one sign for how it went with {name} overall, e.g. {name}{how:+d}.",
                    )
                found[name] = (start, before if before is not None else how)
        masked = pattern.sub(lambda match: " " * len(match.group(0)), masked)
    stray = _PERSON_LIKE.search(masked)
    if stray:
        from ipt_journal.store.people import unknown_name_message

        typed = next(part for part in stray.groups() if part)
        raise InputError(
            unknown_name_message(typed, list(living)),
            f"Add them first (ipt inventory add --name {shlex.quote(typed)} --relationship RELATIONSHIP), "
            "or write the name without @ or a sign.",
        )
    in_order = sorted(found.items(), key=lambda item: item[1][0])
    people: list[dict[str, object]] = [{"name": name, "quality": how} for name, (_, how) in in_order]
    return QuickEntry(mood=value, note=note or None, tags=tags, people=people)
