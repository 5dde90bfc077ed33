"""What every importer shares: reading a CSV file, mapping moods and people, and turning the
rows into the export document `ipt import` already merges (portable.Document).

Each row becomes one check-in whose uid is a hash of the row itself, so importing the same
file again finds every check-in already there and adds nothing.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import html
import io
import re
import shlex
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ipt_journal.clinical.vocab import MOOD_MAX, MOOD_MIN
from ipt_journal.errors import InputError

NOTE_MAX = 5000
TAG_MAX = 40
EXAMPLES = 5  # an error names at most this many of what is wrong


class SourceError(InputError):
    """A problem in the file being imported, named by file, line and column."""

    def __init__(self, path: Path, line: int, column: str | None, problem: str, hint: str | None = None):
        where = f"{path.name}, line {line}" + (f", column {column}" if column else "")
        super().__init__(f"{where}: {problem} Nothing was imported.", hint)


@dataclass
class Entry:
    """One row of the file, checked, before its mood is mapped."""

    line: int
    key: str  # what identifies the row: the same row always gives the same check-in uid
    day: dt.date
    time: str | None  # HH:MM, when the file has one
    mood: str  # the mood cell as written: a label ("rad") or a number
    activities: list[str]
    note: str | None


@dataclass
class Source:
    """A whole file, read and checked."""

    path: Path
    kind: str  # e.g. "Daylio export (8 columns)"
    uid_prefix: str
    mood_column: str
    entries: list[Entry]
    skipped: Counter = field(default_factory=Counter)  # reason -> rows


# ------------------------------------------------------------------ reading the file


def read_rows(path: Path, delimiter: str | None = None) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """The header and the rows of a CSV file, each row with the line it starts on. Accepts a
    UTF-8 byte order mark and Windows line endings; without `delimiter`, whichever of , ; or
    tab the header uses most."""
    from ipt_journal.safekeeping.files import read_user_bytes
    from ipt_journal.safekeeping.portable import MAX_IMPORT_BYTES

    data = read_user_bytes(path, MAX_IMPORT_BYTES)  # a regular file of a sane size, or a clear refusal
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise SourceError(
            path, line, None, "the file is not UTF-8 text.", "Save it as CSV UTF-8 and import it again."
        ) from None
    if not text.strip():
        raise InputError(f"{path.name} is empty: there is nothing to import. Nothing was imported.")
    first_line = text.lstrip("\r\n").split("\n", 1)[0]
    if delimiter is None:
        delimiter = max((",", ";", "\t"), key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    rows: list[tuple[int, list[str]]] = []
    line = 1
    try:
        for row in reader:
            if any(cell.strip() for cell in row):
                rows.append((line, row))
            line = reader.line_num + 1
    except csv.Error as exc:
        raise SourceError(path, line, None, f"the CSV is malformed ({exc}).") from None
    _, header = rows.pop(0)
    return [cell.strip() for cell in header], rows


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


def check_note(path: Path, line: int, column: str, note: str | None) -> str | None:
    note = note.replace("\r\n", "\n").replace("\r", "\n") if note else note
    if note:
        check_text(path, line, column, note)
    if note and len(note) > NOTE_MAX:
        raise SourceError(
            path, line, column, f"the note has {len(note)} characters; a check-in's note holds {NOTE_MAX}."
        )
    return note or None


def parse_time(path: Path, line: int, column: str, text: str) -> str | None:
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


def parse_map(text: str | None, option: str, value_rule) -> dict[str, object]:
    """'label=value,label=value' -> {label key: value}, each value checked by `value_rule`."""
    mapping: dict[str, object] = {}
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


def map_moods(
    source: Source,
    mood_map: dict[str, int],
    defaults: dict[str, int],
    scale: tuple[float, float] | None,
) -> tuple[list[int], list[MoodLabel]]:
    """Each entry's mood on the 0-10 scale, and every label found with its count.

    Raises, before anything is written, when a label has no mapping: the message lists them
    with their counts and gives the exact option to pass."""
    labels: dict[str, MoodLabel] = {}
    moods: list[int] = []
    for entry in source.entries:
        key = label_key(entry.mood)
        found = labels.get(key)
        if found is None:
            number = _number(entry.mood) if scale else None
            if key in mood_map:
                found = MoodLabel(entry.mood.strip(), 0, mood_map[key], "--mood-map")
            elif number is not None:
                found = MoodLabel(entry.mood.strip(), 0, None, "scale")
            elif key in defaults:
                found = MoodLabel(entry.mood.strip(), 0, defaults[key], "default")
            else:
                found = MoodLabel(" ".join(entry.mood.split()), 0, None, "unmapped")
            labels[key] = found
        found.rows += 1
        if found.how == "scale":
            moods.append(_on_our_scale(source, entry, scale))
            found.mood = moods[-1]
        else:
            moods.append(found.mood if found.mood is not None else -1)
    unmapped = [label for label in labels.values() if label.how == "unmapped"]
    if unmapped:
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
            f"{source.path.name} has mood labels ipt cannot place on its 0-10 scale: {listing}. "
            "Nothing was imported.",
            f"Give each a mood from 0 (worst) to 10 (best), replacing each N: --mood-map {quoted}",
        )
    return moods, sorted(labels.values(), key=lambda label: -label.mood)


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
    if not low <= value <= high:
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
