"""What every importer shares: reading a CSV file, mapping moods and people, and turning the
rows into the export document `ipt import` already merges (portable.Document).

Each row becomes one check-in whose uid is a hash of the row itself, so importing the same
file again finds every check-in already there and adds nothing.
"""

import datetime as dt
import hashlib
import html
import re
import shlex
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, TypeVar

from ipt_journal.clinical.vocab import MOOD_MAX, MOOD_MIN
from ipt_journal.errors import InputError
from ipt_journal.safekeeping.files import shown_name

if TYPE_CHECKING:
    from collections.abc import Callable

    from ipt_journal.importers.rows import CsvFile

NOTE_MAX = 5000
TAG_MAX = 40
EXAMPLES = 5  # an error names at most this many of what is wrong
LABELS_MAX = 10_000  # different mood labels in one file
PROBLEM_MAX = 200  # characters of one problem shown


class SourceError(InputError):
    """A problem in the file being imported, named by file, line and column."""

    def __init__(
        self, path: Path, line: int, column: str | None, problem: str, hint: str | None = None
    ) -> None:
        if len(problem) > PROBLEM_MAX:  # a cell quoted whole could be megabytes
            problem = problem[: PROBLEM_MAX - 5] + "...'."
        self.path = path
        self.place = (f"line {line}" if line else "") + (f", column {column}" if column else "")
        self.place = self.place.lstrip(", ")
        self.problem = problem
        super().__init__(f"{shown_name(path)}, {self.place}: {problem} Nothing was imported.", hint)


def first_problems(errors: list[SourceError], stopped: bool) -> InputError:
    """The first few bad rows as one error (one alone as it is): reading stops after
    EXAMPLES, so a file of a million bad rows costs no more than one of five."""
    if len(errors) == 1:
        return errors[0]
    listing = "; ".join(f"{error.place}: {error.problem.rstrip('.')}" for error in errors)
    first = "the first " if stopped else ""
    return InputError(
        f"{shown_name(errors[0].path)} has problems on {first}{len(errors)} rows"
        f"{' (reading stopped there)' if stopped else ''}: {listing}. Nothing was imported.",
        errors[0].hint,
    )


class Entry(NamedTuple):
    """One row of the file, checked, before its mood is mapped."""

    line: int
    key: str  # what identifies the row: the same row always gives the same check-in uid
    day: dt.date
    time: str | None  # HH:MM, when the file has one
    mood: str  # the mood cell as written: a label ("rad") or a number
    activities: list[str]
    note: str | None


class Source(NamedTuple):
    """A file open to be read row by row, and how its rows become entries."""

    path: Path
    kind: str  # e.g. "Daylio export (8 columns)"
    uid_prefix: str
    mood_column: str
    file: "CsvFile"
    # A row (its first line, its cells) as an entry, or why it is skipped; a bad row raises
    # SourceError naming its line and column.
    read_row: "Callable[[int, list[str]], Entry | str]"


# ------------------------------------------------------------------ reading the file


def row_key(*parts: str) -> str:
    return "\x1f".join(parts)


def html_to_text(text: str) -> str:
    """Daylio keeps a note's formatting as HTML (<b>, <br>, <li>, &amp;): plain text instead."""
    if "<" not in text and "&" not in text:
        return text.strip()
    text = re.sub(r"<\s*(br|/?p|/?div|/li|/?ul|/?ol|/h[1-6])\s*/?\s*>", "\n", text, flags=re.IGNORECASE)
    text = re.sub(r"<\s*li(\s[^<>]*)?>", "- ", text, flags=re.IGNORECASE)
    text = re.sub(r"</?[a-zA-Z][a-zA-Z0-9]*(\s[^<>]*)?/?>", "", text)
    text = html.unescape(text).replace("\xa0", " ")
    lines = [line.rstrip() for line in text.splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def check_day(path: Path, line: int, column: str, day: dt.date) -> dt.date:
    from ipt_journal.text.dates import EARLIEST

    if day > dt.date.today():
        raise SourceError(path, line, column, f"the date {day.isoformat()} is in the future.")
    if day < EARLIEST:
        raise SourceError(
            path, line, column, f"the date {day.isoformat()} is before {EARLIEST.year}: no one's journal."
        )
    return day


def check_text(path: Path, line: int, column: str | None, text: str, multiline: bool = True) -> str:
    """Text with NUL, ESC or another control character nobody types is refused by line and
    column, before anything is written (the journal refuses it too)."""
    from ipt_journal.text.safe_text import control_character

    found = control_character(text, multiline=multiline)
    if found:
        raise SourceError(path, line, column, f"the text contains a control character ({found}).")
    return text


def check_activities(path: Path, line: int, column: str, activities: list[str]) -> list[str]:
    for activity in activities:
        check_text(path, line, column, activity, multiline=False)
    return activities


def check_note(path: Path, line: int, column: str | None, note: str | None) -> str | None:
    note = note.replace("\r\n", "\n").replace("\r", "\n") if note else note
    if note:
        check_text(path, line, column, note)
    if note and len(note) > NOTE_MAX:
        raise SourceError(
            path, line, column, f"the note has {len(note)} characters; a check-in's note holds {NOTE_MAX}."
        )
    return note or None


def check_time(path: Path, line: int, column: str, text: str) -> str | None:
    """'21:30', '9:30 pm', '21:30:05' -> '21:30'; blank -> None."""
    cleaned = " ".join(text.split()).upper()
    if not cleaned:
        return None
    for form in ("%H:%M", "%H:%M:%S", "%I:%M %p", "%I:%M%p"):
        try:
            return dt.datetime.strptime(cleaned, form).strftime("%H:%M")
        except ValueError:
            continue
    raise SourceError(path, line, column, f"{text.strip()!r} is not a time like 21:30 or 9:30 pm.")


def split_list(cell: str, separators: str = "|") -> list[str]:
    return [part.strip() for part in re.split(f"[{re.escape(separators)}]", cell) if part.strip()]


# ------------------------------------------------------------------ options


def label_key(label: str) -> str:
    """Labels match whatever their case and spacing: 'Ok but sleepy ' is 'ok but sleepy'."""
    return " ".join(label.split()).casefold()


V = TypeVar("V")  # what a map's values are checked into


def parse_map(text: str | None, option: str, value_rule: "Callable[[str, str], V]") -> dict[str, V]:
    """'label=value,label=value' -> {label key: value}, each value checked by `value_rule`."""
    mapping: dict[str, V] = {}
    for part in (text or "").split(","):
        if not part.strip():
            continue
        label, equals, value = part.rpartition("=")
        if not equals or not label.strip() or not value.strip():
            raise InputError(f"{option} takes label=value pairs separated by commas, got {part.strip()!r}.")
        mapping[label_key(label)] = value_rule(label.strip(), value.strip())
    return mapping


def mood_value(label: str, value: str) -> int:
    if not re.fullmatch(r"[0-9]+", value) or not MOOD_MIN <= int(value) <= MOOD_MAX:
        raise InputError(
            f"--mood-map: {label!r} must map to a mood from {MOOD_MIN} (worst) to {MOOD_MAX} (best), "
            f"got {value!r}."
        )
    return int(value)


def parse_scale(text: str | None) -> tuple[float, float]:
    """'1-5' -> (1, 5): the scale numeric moods in the file are on."""
    if text is None:
        return (MOOD_MIN, MOOD_MAX)
    match = re.fullmatch(r"\s*(-?[0-9]+(?:\.[0-9]+)?)\s*(?:-|to|\.\.)\s*(-?[0-9]+(?:\.[0-9]+)?)\s*", text)
    if not match or float(match[1]) >= float(match[2]):
        raise InputError(f"--mood-scale must be LOW-HIGH with LOW below HIGH, like 1-5, got {text!r}.")
    return float(match[1]), float(match[2])


# ------------------------------------------------------------------ moods


@dataclass
class MoodLabel:
    label: str  # as first written in the file, trimmed
    rows: int
    mood: int | None  # on ipt's 0-10 scale; None while unmapped
    how: str  # "default", "--mood-map" or "scale"


class Moods:
    """Each entry's mood on the 0-10 scale, and every label found with its count."""

    def __init__(
        self,
        source: Source,
        mood_map: dict[str, int],
        defaults: dict[str, int],
        scale: tuple[float, float] | None,
    ) -> None:
        self.source = source
        self.mood_map = mood_map
        self.defaults = defaults
        self.scale = scale
        self.labels: dict[str, MoodLabel] = {}

    def of(self, entry: Entry, count: bool = True) -> int:
        """The entry's mood (-1 while its label is unmapped: `check` says so once every row is
        read), counted under its label unless `count` is false."""
        key = label_key(entry.mood)
        found = self.labels.get(key)
        if found is None:
            if len(self.labels) >= LABELS_MAX:  # a file of numbers read as words, or no mood column
                raise InputError(
                    f"{shown_name(self.source.path)} has over {LABELS_MAX} different moods in its "
                    f"{self.source.mood_column} column. Nothing was imported.",
                    "Check that the column holds moods; numbers need --mood-scale LOW-HIGH.",
                )
            found = self._label(entry.mood, key)
            self.labels[key] = found
        if count:
            found.rows += 1
        if found.how == "scale":
            assert self.scale is not None  # a label is read on the scale only when one was given
            found.mood = _on_our_scale(self.source, entry, self.scale)
            return found.mood
        return found.mood if found.mood is not None else -1

    def _label(self, mood: str, key: str) -> MoodLabel:
        number = _number(mood) if self.scale else None
        if key in self.mood_map:
            return MoodLabel(mood.strip(), 0, self.mood_map[key], "--mood-map")
        if number is not None:
            return MoodLabel(mood.strip(), 0, None, "scale")
        if key in self.defaults:
            return MoodLabel(mood.strip(), 0, self.defaults[key], "default")
        return MoodLabel(" ".join(mood.split()), 0, None, "unmapped")

    def check(self) -> None:
        """Raises, before anything is written, when a label has no mapping: the message lists
        a few with their counts and gives the exact option to pass."""
        unmapped = [label for label in self.labels.values() if label.how == "unmapped"]
        if not unmapped:
            return
        # A few examples, never the whole file: a million odd labels would make a 36 MB message.
        shown = sorted(unmapped, key=lambda label: -label.rows)[:EXAMPLES]
        listing = ", ".join(
            f"{label.label[:40]!r} ({label.rows} row{'s' if label.rows != 1 else ''})" for label in shown
        )
        if len(unmapped) > len(shown):
            listing += f" and {len(unmapped) - len(shown)} more"
        pairs = ",".join(f"{label.label}=N" for label in shown)
        quoted = f"'{pairs}'" if "'" not in pairs else shlex.quote(pairs)
        raise InputError(
            f"{shown_name(self.source.path)} has mood labels ipt cannot place on its 0-10 scale: {listing}. "
            "Nothing was imported.",
            f"Give each a mood from 0 (worst) to 10 (best), replacing each N: --mood-map {quoted}",
        )

    def found(self) -> list[MoodLabel]:
        return sorted(self.labels.values(), key=lambda label: -(label.mood or 0))


# A mood number as a keyboard types it: ASCII digits, an optional sign and decimal point or
# comma. float() alone would take "٣", "1_0", "1e1", "nan" and "inf".
_MOOD_NUMBER = re.compile(r"[+-]?[0-9]+(?:[.,][0-9]+)?")


def _number(text: str) -> float | None:
    if not _MOOD_NUMBER.fullmatch(text.strip()):
        return None
    return float(text.strip().replace(",", "."))


def _on_our_scale(source: Source, entry: Entry, scale: tuple[float, float]) -> int:
    low, high = scale
    value = _number(entry.mood)
    if value is None or not low <= value <= high:
        raise SourceError(
            source.path,
            entry.line,
            source.mood_column,
            f"the mood {entry.mood.strip()} is outside the scale {low:g}-{high:g}.",
            "Say the scale the file uses with --mood-scale LOW-HIGH (for example 1-5).",
        )
    # round half up: on a 1-5 scale 2 is 2.5 and becomes 3, 4 becomes 8
    return int((value - low) / (high - low) * (MOOD_MAX - MOOD_MIN) + MOOD_MIN + 0.5)


# ------------------------------------------------------------------ the document


def uid_for(prefix: str, key: str) -> str:
    return f"{prefix}-{hashlib.sha256(key.encode('utf-8')).hexdigest()[:32]}"


def people_for(
    activities: list[str], person_map: dict[str, str], people: dict[str, tuple[str, str]]
) -> tuple[list[str], list[str]]:
    """Split a row's activities into the people of the inventory it names (their uids) and tags."""
    uids: list[str] = []
    tags: list[str] = []
    for activity in activities:
        key = label_key(activity)
        name = person_map.get(key, key)
        person = people.get(label_key(name))
        if person is not None:
            if person[0] not in uids:
                uids.append(person[0])
        else:
            tag = activity.lower()
            if tag not in tags:
                tags.append(tag)
    return uids, tags
