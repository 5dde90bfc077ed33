"""A CSV file read row by row, never whole: a 13 MB file of a million rows once took 2.3 GB
when it was read, decoded and split at once (issue 22, point 14).

Each row comes with the line it starts on and its byte offset, so an import can check every
row in one pass, keep only a number per row (`sort_key`), and read the rows again in the order
of their days, one at a time.
"""

from __future__ import annotations

import csv
import heapq
from array import array
from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path
from typing import BinaryIO

from ipt_journal.errors import InputError
from ipt_journal.importers.common import SourceError
from ipt_journal.safekeeping.files import shown_name

LINE_MAX = 1024 * 1024  # a longer line is no mood app's export: refused, never held whole
OFFSET_BITS = 27  # a row's byte offset fits: files are read up to 64 MB (portable.MAX_IMPORT_BYTES)
SORT_CHUNK = 200_000  # keys sorted at a time; the sorted chunks are then merged


class _Lines:
    """The file's lines as text, from `offset` on, counting them and where the next starts."""

    def __init__(self, handle: BinaryIO, path: Path, offset: int, line: int) -> None:
        handle.seek(offset)
        self.handle = handle
        self.path = path
        self.offset = offset  # where the next line starts
        self.line = line  # the number of the next line

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        raw = self.handle.readline(LINE_MAX + 1)
        if not raw:
            raise StopIteration
        if len(raw) > LINE_MAX:
            raise SourceError(
                self.path, self.line, None, "the line is longer than 1 MB; no export has such lines."
            )
        try:
            text = raw.decode("utf-8-sig" if self.offset == 0 else "utf-8")
        except UnicodeDecodeError:
            raise SourceError(
                self.path,
                self.line,
                None,
                "the file is not UTF-8 text.",
                "Save it as CSV UTF-8 and import it again.",
            ) from None
        self.offset += len(raw)
        self.line += 1
        return text


class CsvFile:
    """An open CSV file: its header, then its rows as they are read."""

    def __init__(self, path: Path, handle: BinaryIO, delimiter: str | None = None) -> None:
        self.path = path
        self.handle = handle
        self.delimiter = delimiter or ","
        self.header: list[str] = []
        self._start = (0, 1)  # the first row after the header: offset, line
        self._next: tuple[int, Iterator[list[str]], _Lines] | None = None
        self._after = self._start
        first = next((text for text in _Lines(handle, path, 0, 1) if text.strip()), None)
        if first is None:
            raise InputError(
                f"{shown_name(path)} is empty: there is nothing to import. Nothing was imported."
            )
        if delimiter is None:  # whichever of , ; or tab the header uses most
            self.delimiter = max((",", ";", "\t"), key=first.count)
        for _line, _offset, row in self._rows(0, 1):
            self.header = [cell.strip() for cell in row]
            self._start = self._after
            break

    def _reader(self, lines: _Lines) -> Iterator[list[str]]:
        return csv.reader(lines, delimiter=self.delimiter, strict=True)

    def _rows(self, offset: int, line: int) -> Iterator[tuple[int, int, list[str]]]:
        lines = _Lines(self.handle, self.path, offset, line)
        reader = self._reader(lines)
        while True:
            start, first_line = lines.offset, lines.line
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                raise SourceError(self.path, first_line, None, f"the CSV is malformed ({exc}).") from None
            self._after = (lines.offset, lines.line)
            if any(cell.strip() for cell in row):
                yield first_line, start, row

    def rows(self) -> Iterator[tuple[int, int, list[str]]]:
        """Every row after the header that is not blank: its first line, its offset, its cells."""
        return self._rows(*self._start)

    def row_at(self, offset: int) -> list[str]:
        """The row starting at byte `offset` (given by `rows`): read on from the last one when it
        follows it, as rows in the order of the file do, else sought."""
        if self._next is None or self._next[0] != offset:
            lines = _Lines(self.handle, self.path, offset, 0)
            self._next = (offset, self._reader(lines), lines)
        _, reader, lines = self._next
        try:
            row = next(reader)
            while not any(cell.strip() for cell in row):
                row = next(reader)
        except (StopIteration, csv.Error):  # the file changed since it was checked
            raise InputError(
                f"{shown_name(self.path)} changed while it was being imported. Nothing was imported."
            ) from None
        self._next = (lines.offset, reader, lines)
        return row


def sort_key(ordinal: int, time: str | None, offset: int) -> int:
    """One number per row: its day, its time (none first), then its place in the file."""
    minutes = 0 if time is None else 1 + int(time[:2]) * 60 + int(time[3:5])
    return ((ordinal * 1441 + minutes) << OFFSET_BITS) | offset


def offset_of(key: int) -> int:
    return key & ((1 << OFFSET_BITS) - 1)


def day_and_time_of(key: int) -> int:
    return key >> OFFSET_BITS


def in_order(keys: array) -> Iterator[int]:
    """The keys sorted, holding no more than twice their array: a file in order of its days
    is read as it is; another is sorted a chunk at a time and the chunks merged."""
    if all(a <= b for a, b in pairwise(keys)):
        return iter(keys)
    chunks = [array("q", sorted(keys[i : i + SORT_CHUNK])) for i in range(0, len(keys), SORT_CHUNK)]
    del keys[:]
    return heapq.merge(*chunks)
