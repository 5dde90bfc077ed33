"""An export read as it is imported, never whole: 63 MB of `{}` once took 1.65 GB when the
file was decoded at once (issue 22, point 14).

The file is one JSON object whose lists hold the records. `Scanner` walks it with a buffer of
a megabyte or so, finding where each record starts and ends; a record is decoded and checked
alone (no record an export writes is near `RECORD_MAX`) and let go. `read` checks every
record once, keeping only where each list starts, the uids and the odd days; the merge then
reads each list again from there (`StreamedDocument`), as it needs it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO, get_args

from pydantic import ValidationError

from ipt_journal.errors import InputError
from ipt_journal.safekeeping.export_document import FORMAT, FORMAT_VERSION
from ipt_journal.safekeeping.files import the_input
from ipt_journal.safekeeping.portable import Document

CHUNK = 1024 * 1024
RECORD_MAX = 8 * 1024 * 1024  # one record; an export's largest (a goal rated daily for years) is far less
ONE_ONLY = ("staying_well", "safety_plan_closing")
UNIQUE = (
    "people",
    "checkins",
    "measures",
    "courses",
    "goals",
    "safety_plan",
    "reviews",
    "midpoints",
    "coping",
    "strategies",
    "exercises",
    "homework",
    "events",
    "therapy_sessions",
    "bring",
)

_SPACE = re.compile(rb"[ \t\r\n]*")
_STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_STRUCTURE = re.compile(rb'[\[\]{}"]')
_SCALAR = re.compile(rb"[-+0-9.eE]+|true|false|null")


class _NotJson(Exception):
    def __init__(self, problem: str, offset: int) -> None:
        super().__init__(f"{problem} (at byte {offset})")


class Scanner:
    """The file from `offset` on, a value at a time."""

    def __init__(self, handle: BinaryIO, offset: int = 0) -> None:
        handle.seek(offset)
        self.handle = handle
        self.buf = b""
        self.pos = 0
        self.base = offset  # the file's offset of buf[0]

    def _fill(self) -> bool:
        data = self.handle.read(CHUNK)
        if not data:
            return False
        self.buf = self.buf[self.pos :] + data
        self.base += self.pos
        self.pos = 0
        return True

    def offset(self) -> int:
        return self.base + self.pos

    def peek(self) -> int | None:
        """The next byte that is not white space (None at the end), not taken."""
        while True:
            match = _SPACE.match(self.buf, self.pos)
            assert match is not None  # matches the empty string
            self.pos = match.end()
            if self.pos < len(self.buf):
                return self.buf[self.pos]
            if not self._fill():
                return None

    def take(self, byte: bytes) -> None:
        if self.peek() != byte[0]:
            raise _NotJson(f"Expecting {byte.decode()!r}", self.offset())
        self.pos += 1

    def value(self) -> bytes:
        """The bytes of the next value, taken; a value over RECORD_MAX is refused unread."""
        if self.peek() is None:
            raise _NotJson("Expecting value", self.offset())
        while True:
            end = _end(self.buf, self.pos)
            if end is not None:
                raw, self.pos = self.buf[self.pos : end], end
                return raw
            if len(self.buf) - self.pos > RECORD_MAX:
                raise InputError(
                    f"{{what}} holds a record larger than {RECORD_MAX // 2**20} MB "
                    f"(at byte {self.offset()}); no export has one. Nothing was imported."
                )
            if not self._fill():
                if _SCALAR.fullmatch(self.buf, self.pos):  # a number at the very end
                    raw, self.pos = self.buf[self.pos :], len(self.buf)
                    return raw
                raise _NotJson("Unterminated value", self.offset())

    def items(self) -> Iterator[bytes]:
        """The values of the list starting here, each as its bytes."""
        self.take(b"[")
        if self.peek() == ord("]"):
            self.pos += 1
            return
        while True:
            yield self.value()
            if self.peek() == ord("]"):
                self.pos += 1
                return
            self.take(b",")


def _end(buf: bytes, i: int) -> int | None:
    """Where the value starting at buf[i] ends, or None when the buffer ends first."""
    first = buf[i]
    if first == ord('"'):
        match = _STRING.match(buf, i)
        return match.end() if match else None
    if first in b"[{":
        depth = 0
        while True:
            found = _STRUCTURE.search(buf, i)
            if found is None:
                return None
            i = found.start()
            if buf[i] == ord('"'):
                string = _STRING.match(buf, i)
                if string is None:
                    return None
                i = string.end()
                continue
            depth += 1 if buf[i] in b"[{" else -1
            i += 1
            if depth == 0:
                return i
    scalar = _SCALAR.match(buf, i)
    if scalar is None:
        raise _NotJson("Expecting value", i)
    return scalar.end() if scalar.end() < len(buf) else None


def _decode(raw: bytes) -> Any:
    try:
        return json.loads(raw)
    except RecursionError:
        raise InputError("{what} is nested far deeper than any export; it was not imported.") from None


class StreamedDocument:
    """An export checked whole by `read`, its records read again from the file as a merge
    asks for each kind (store.merging.Records)."""

    def __init__(self, handle: BinaryIO, lists: dict[str, int], odd_days: list[str]) -> None:
        self.handle = handle
        self.lists = lists  # a kind of record -> where its list starts in the file
        self.odd_days = odd_days

    def records(self, name: str) -> Iterator[Any]:
        kind = get_args(Document.model_fields[name].annotation)[0]
        if name not in self.lists:
            return
        for raw in Scanner(self.handle, self.lists[name]).items():
            yield kind.model_validate(json.loads(raw), context={"odd_days": []})

    # each kind of record, in the file's order, read as the merge comes to it
    people = property(lambda self: self.records("people"))
    checkins = property(lambda self: self.records("checkins"))
    measures = property(lambda self: self.records("measures"))
    courses = property(lambda self: self.records("courses"))
    goals = property(lambda self: self.records("goals"))
    safety_plan = property(lambda self: self.records("safety_plan"))
    reviews = property(lambda self: self.records("reviews"))
    staying_well = property(lambda self: self.records("staying_well"))
    safety_plan_closing = property(lambda self: self.records("safety_plan_closing"))
    midpoints = property(lambda self: self.records("midpoints"))
    drafts = property(lambda self: self.records("drafts"))
    coping = property(lambda self: self.records("coping"))
    strategies = property(lambda self: self.records("strategies"))
    exercises = property(lambda self: self.records("exercises"))
    homework = property(lambda self: self.records("homework"))
    events = property(lambda self: self.records("events"))
    therapy_sessions = property(lambda self: self.records("therapy_sessions"))
    bring = property(lambda self: self.records("bring"))
    deleted = property(lambda self: self.records("deleted"))


def read(handle: BinaryIO, path: Path) -> StreamedDocument:
    """Check a whole export before anything is written, a record at a time. Stops at the first
    bad record, so a hostile file costs no more than a good one of its size."""
    what = the_input(path)
    try:
        return _read(handle)
    except InputError as error:
        error.message = error.message.replace("{what}", what)
        raise
    except _NotJson as error:
        raise InputError(f"{what} is not JSON: {error}.") from None
    except UnicodeDecodeError:
        raise InputError(f"{what} is not UTF-8 text.") from None
    except ValidationError as exc:
        raise _not_valid(exc, what) from None


def _read(handle: BinaryIO) -> StreamedDocument:
    scanner = Scanner(handle)
    first = scanner.peek()
    if first != ord("{"):
        if first != ord("["):  # a list is JSON, but no export; anything else must decode
            try:
                json.loads(scanner.value())
            except ValueError as exc:
                raise _NotJson(str(exc).split(":")[0], scanner.offset()) from None
        raise InputError("{what} is not an ipt-journal export (its 'format' is not 'ipt-journal-export').")
    scanner.pos += 1
    scalars: dict[str, Any] = {}
    lists: dict[str, int] = {}
    checked = _Checked()
    while scanner.peek() != ord("}"):
        if scalars or lists:
            scanner.take(b",")
        if scanner.peek() != ord('"'):
            raise _NotJson("Expecting property name enclosed in double quotes", scanner.offset())
        name = _decode(scanner.value())
        scanner.take(b":")
        if scanner.peek() == ord("["):
            lists[name] = scanner.offset()
            scalars.pop(name, None)
            if _header_ok(scalars):  # as an export writes it: the format first, each record checked now
                checked.section(name, scanner.items())
            else:
                for _ in scanner.items():
                    pass
        else:
            scalars[name] = _decode(scanner.value())
            lists.pop(name, None)
        if scanner.peek() is None:
            raise _NotJson("Expecting '}'", scanner.offset())
    scanner.pos += 1
    if scanner.peek() is not None:
        raise _NotJson("Extra data", scanner.offset())
    _check_header(scalars)
    for name, offset in lists.items():
        if name not in checked.done:
            checked.section(name, Scanner(handle, offset).items())
    skeleton = {**scalars, **{name: checked.few.get(name, []) for name in lists}}
    Document.model_validate(skeleton, context={"odd_days": []})  # unknown names, lists that are not
    return StreamedDocument(handle, lists, checked.odd_days)


def _header_ok(scalars: dict[str, Any]) -> bool:
    try:
        _check_header(scalars)
    except InputError:
        return False
    return True


def _check_header(scalars: dict[str, Any]) -> None:
    if scalars.get("format") != FORMAT:
        raise InputError("{what} is not an ipt-journal export (its 'format' is not 'ipt-journal-export').")
    version = scalars.get("format_version")
    if type(version) is not int or version != FORMAT_VERSION:  # noqa: E721 - True == 1, but is no version
        raise InputError(
            f"{{what}} is export format {version!r}; this ipt reads format {FORMAT_VERSION}.",
            "Upgrade ipt-journal to import it.",
        )


class _Checked:
    """What checking every record keeps: the odd days, and a list's first records when it may
    hold only one."""

    def __init__(self) -> None:
        self.done: set[str] = set()
        self.odd_days: list[str] = []
        self.few: dict[str, list[Any]] = {}

    def section(self, name: str, items: Iterator[bytes]) -> None:
        self.done.add(name)
        field = Document.model_fields.get(name)
        if field is None or name.startswith("format"):
            for _ in items:  # the skeleton's check names it
                pass
            return
        kind = get_args(field.annotation)[0]
        uids: set[str] = set()
        for index, raw in enumerate(items):
            odd: list[str] = []
            try:
                record = kind.model_validate(_decode(raw), context={"odd_days": odd})
            except ValidationError as exc:
                raise _located(exc, (name, index)) from None
            self.odd_days += [f"{name}[{index}]: {problem}" for problem in dict.fromkeys(odd)]
            if name in UNIQUE:
                if record.uid in uids:
                    raise InputError(
                        f"{{what}} is not a valid export: the document: two records in {name} share a uid. "
                        "Nothing was imported."
                    )
                uids.add(record.uid)
            if name in ONE_ONLY and index < 2:
                self.few.setdefault(name, []).append(record)


def _located(exc: ValidationError, prefix: tuple) -> InputError:
    return _not_valid(exc, "{what}", prefix)


def _not_valid(exc: ValidationError, what: str, prefix: tuple = ()) -> InputError:
    error = exc.errors(include_url=False)[0]
    loc = (*prefix, *error["loc"])
    where = "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in loc).lstrip(".")
    message = str(error["ctx"]["error"]) if error["type"] == "value_error" else error["msg"]
    return InputError(
        f"{what} is not a valid export: {where or 'the document'}: {message}. Nothing was imported."
    )
