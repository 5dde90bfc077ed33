"""An export read as it is imported, never whole: 63 MB of `{}` once took 1.65 GB when the
file was decoded at once (issue 22, point 14).

The file is one JSON object whose lists hold the records. `Scanner` walks it with a buffer of
a megabyte or so, decoding a record at a time with the standard library's decoder; each is
checked alone (no record an export writes is near `RECORD_MAX`) and let go. `read` checks every
record once, keeping only where each list starts, the uids and the odd days; the merge then
reads each list again from there (`StreamedDocument`), as it needs it.
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO, get_args

from pydantic import ValidationError

from ipt_journal.errors import InputError
from ipt_journal.safekeeping.export_document import FORMAT, FORMAT_VERSION
from ipt_journal.safekeeping.files import the_input
from ipt_journal.safekeeping.portable import UNIQUE_KINDS, Document

CHUNK = 1024 * 1024
RECORD_MAX = 8 * 1024 * 1024  # one record; an export's largest (a goal rated daily for years) is far less
RECORD_TOO_LARGE = "holds a record larger than"
ONE_ONLY = ("staying_well", "safety_plan_closing")

_SPACE = re.compile(r"[ \t\r\n]*")
_DECODER = json.JSONDecoder()


class _NotJson(Exception):
    def __init__(self, problem: str, offset: int) -> None:
        super().__init__(f"{problem} (at byte {offset})")


class Scanner:
    """The file from `offset` on, a value at a time: each decoded by the standard library's
    decoder from a buffer of text that holds at least that value."""

    def __init__(self, handle: BinaryIO, offset: int = 0) -> None:
        handle.seek(offset)
        self.handle = handle
        self.text = codecs.getincrementaldecoder("utf-8")()  # a character split across reads waits
        self.buf = ""
        self.pos = 0
        self.base = offset  # the file's byte offset of buf[0]
        self.eof = False

    def _fill(self) -> bool:
        """Read on, dropping what was taken; False at the end of the file."""
        if self.eof:
            return False
        data = self.handle.read(CHUNK)
        self.eof = not data
        self.base += len(self.buf[: self.pos].encode("utf-8"))
        self.buf = self.buf[self.pos :] + self.text.decode(data, final=self.eof)
        self.pos = 0
        return not self.eof

    def offset(self, pos: int | None = None) -> int:
        return self.base + len(self.buf[: self.pos if pos is None else pos].encode("utf-8"))

    def peek(self) -> str | None:
        """The next character that is not white space (None at the end), not taken."""
        while True:
            match = _SPACE.match(self.buf, self.pos)
            assert match is not None  # matches the empty string
            self.pos = match.end()
            if self.pos < len(self.buf):
                return self.buf[self.pos]
            if not self._fill():
                return None

    def take(self, char: str) -> None:
        if self.peek() != char:
            raise _NotJson(f"Expecting {char!r}", self.offset())
        self.pos += 1

    def value(self) -> Any:
        """The next value, decoded and taken; one over RECORD_MAX is refused, not held."""
        if self.peek() is None:
            raise _NotJson("Expecting value", self.offset())
        while True:
            try:
                found, end = _DECODER.raw_decode(self.buf, self.pos)
            except json.JSONDecodeError as exc:
                if self.eof:
                    raise _NotJson(exc.msg, self.offset(exc.pos)) from None
                if len(self.buf) - self.pos > RECORD_MAX:
                    raise InputError(
                        f"{{what}} is not JSON or {RECORD_TOO_LARGE} {RECORD_MAX // 2**20} MB "
                        f"(at byte {self.offset()}); no export has one. Nothing was imported."
                    ) from None
                self._fill()  # the value may go on past the buffer
                continue
            except RecursionError:
                raise InputError(
                    "{what} is nested far deeper than any export; it was not imported."
                ) from None
            if end == len(self.buf) and self._fill():
                continue  # a number may go on past the buffer
            self.pos = end
            return found

    def items(self) -> Iterator[Any]:
        """The values of the list starting here, each decoded as it comes."""
        self.take("[")
        if self.peek() == "]":
            self.pos += 1
            return
        while True:
            yield self.value()
            if self.peek() == "]":
                self.pos += 1
                return
            self.take(",")


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
        for record in Scanner(self.handle, self.lists[name]).items():
            yield kind.model_validate(record, context={"odd_days": []})

    # each kind of record, in the file's order, read as the merge comes to it
    people = property(lambda self: self.records("people"))
    checkins = property(lambda self: self.records("checkins"))
    incidents = property(lambda self: self.records("incidents"))
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
    pathway_steps = property(lambda self: self.records("pathway_steps"))
    pathway_weeks = property(lambda self: self.records("pathway_weeks"))
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
    if first != "{":
        try:
            scanner.value()  # what is not JSON, or nested absurdly deep, is said so
        except InputError as error:
            if RECORD_TOO_LARGE not in error.message:  # a long list is JSON, but no export
                raise
        raise InputError("{what} is not an ipt-journal export (its 'format' is not 'ipt-journal-export').")
    scanner.pos += 1
    scalars: dict[str, Any] = {}
    lists: dict[str, int] = {}
    checked = _Checked()
    while scanner.peek() != "}":
        if scalars or lists:
            scanner.take(",")
        if scanner.peek() != '"':
            raise _NotJson("Expecting property name enclosed in double quotes", scanner.offset())
        name = scanner.value()
        scanner.take(":")
        if scanner.peek() == "[":
            lists[name] = scanner.offset()
            scalars.pop(name, None)
            if _header_ok(scalars):  # as an export writes it: the format first, each record checked now
                checked.section(name, scanner.items())
            else:
                for _ in scanner.items():
                    pass
        else:
            scalars[name] = scanner.value()
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

    def section(self, name: str, items: Iterator[Any]) -> None:
        self.done.add(name)
        field = Document.model_fields.get(name)
        if field is None or name.startswith("format"):
            for _ in items:  # the skeleton's check names it
                pass
            return
        kind = get_args(field.annotation)[0]
        uids: set[str] = set()
        for index, found in enumerate(items):
            odd: list[str] = []
            try:
                record = kind.model_validate(found, context={"odd_days": odd})
            except ValidationError as exc:
                raise _located(exc, (name, index)) from None
            self.odd_days += [f"{name}[{index}]: {problem}" for problem in dict.fromkeys(odd)]
            if name in UNIQUE_KINDS:
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
