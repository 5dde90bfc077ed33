"""Any CSV with a date and a mood column (Bearable, Excel, Google Sheets, other apps): the
person says which column is which with --columns day=Date,mood=Mood,note=Notes,tags=Tags.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from ipt_journal.errors import InputError, MissingInput
from ipt_journal.importers.common import (
    Entry,
    Source,
    SourceError,
    check_activities,
    check_day,
    check_note,
    check_time,
    row_key,
    split_list,
)
from ipt_journal.safekeeping.files import shown_name
from ipt_journal.text.dates import no_such_day_problem

FIELDS = {
    "day": "the date (YYYY-MM-DD, a date and time, or as --date-format says)",
    "mood": "the mood: a number (on --mood-scale) or a word (mapped with --mood-map)",
    "time": "the time of day, when a day has several rows",
    "note": "a note",
    "tags": "tags, separated by | , or ;",
}
REQUIRED = ("day", "mood")
NO_MOOD = "no mood in the mood column"


def parse_columns(text: str | None) -> dict[str, str]:
    """'day=Date,mood=Mood' -> {"day": "Date", "mood": "Mood"}."""
    if not text:
        raise MissingInput(
            "--from csv needs --columns to say which column holds the date and which the mood.",
            "For example: --columns 'day=Date,mood=Mood,note=Notes,tags=Tags'",
        )
    columns: dict[str, str] = {}
    for part in text.split(","):
        name, equals, column = part.partition("=")
        name = name.strip().lower()
        if not equals or not column.strip():
            raise InputError(f"--columns takes field=COLUMN pairs separated by commas, got {part.strip()!r}.")
        if name not in FIELDS:
            raise InputError(f"--columns: {name!r} is not a field ipt imports; use {', '.join(FIELDS)}.")
        columns[name] = column.strip()
    missing = [name for name in REQUIRED if name not in columns]
    if missing:
        raise MissingInput(
            f"--columns must name the {' and the '.join(missing)} column{'s' if len(missing) > 1 else ''}.",
            "For example: --columns 'day=Date,mood=Mood'",
        )
    return columns


def read(path: Path, columns: dict[str, str], date_format: str | None = None) -> Source:
    """Open a CSV file and find the columns the person named; its rows are read later, one
    at a time (`Source.read_row`)."""
    from ipt_journal.importers.rows import CsvFile
    from ipt_journal.safekeeping.files import open_user_file
    from ipt_journal.safekeeping.portable import MAX_IMPORT_BYTES

    file = CsvFile(path, open_user_file(path, MAX_IMPORT_BYTES))
    header = file.header
    position = {cell.casefold(): index for index, cell in reversed(list(enumerate(header)))}
    where: dict[str, int] = {}
    for name, column in columns.items():
        if column.casefold() not in position:
            raise InputError(
                f"{shown_name(path)} has no column {column!r} (for {name}). Its columns are: "
                f"{', '.join(cell for cell in header if cell)}. Nothing was imported."
            )
        where[name] = position[column.casefold()]

    def read_row(line: int, row: list[str]) -> Entry | str:
        def cell(name: str) -> str:
            index = where.get(name)
            return row[index].strip() if index is not None and index < len(row) else ""

        if not cell("mood"):
            return NO_MOOD
        day, time = _day_and_time(path, line, columns["day"], cell("day"), date_format)
        day = check_day(path, line, columns["day"], day)
        if "time" in where and cell("time"):
            time = check_time(path, line, columns["time"], cell("time"))
        note = check_note(path, line, columns.get("note"), cell("note"))
        return Entry(
            line,
            row_key(*(c.strip() for c in row)),
            day,
            time,
            cell("mood"),
            check_activities(path, line, columns.get("tags", "tags"), split_list(cell("tags"), "|,;")),
            note,
        )

    return Source(path, "CSV file", "csv", columns["mood"], file, read_row)


def _day_and_time(
    path: Path, line: int, column: str, text: str, date_format: str | None
) -> tuple[dt.date, str | None]:
    if date_format:
        try:
            moment = dt.datetime.strptime(text, date_format)
        except ValueError as error:
            # strptime says so when the form matched but the calendar has no such day (31/04)
            real = "out of range" not in str(error)
            problem = f"does not match --date-format {date_format!r}" if real else "is not a real day"
            raise SourceError(path, line, column, f"{text!r} {problem}.") from None
        has_time = any(code in date_format for code in ("%H", "%I", "%M"))
        return moment.date(), moment.strftime("%H:%M") if has_time else None
    match = re.fullmatch(
        r"([0-9]{4}-[0-9]{2}-[0-9]{2})(?:[T ]([0-9]{1,2}:[0-9]{2})(?::[0-9]{2}(?:\.[0-9]+)?)?"
        r"(?:Z|[+-][0-9]{2}:?[0-9]{2})?)?",
        text,
    )
    if match:
        try:
            day = dt.date.fromisoformat(match[1])
        except ValueError:
            day = None
        if day is not None:
            return day, match[2].zfill(5) if match[2] else None
        raise SourceError(path, line, column, no_such_day_problem(match[1]) or f"{text!r} is not a real day.")
    raise SourceError(
        path,
        line,
        column,
        f"{text!r} is not a date written YYYY-MM-DD.",
        "Say how the dates are written with --date-format, for example --date-format '%d/%m/%Y'.",
    )
