"""Daylio's CSV export ("Export entries" in the app), in both column layouts it has used:

    full_date,date,weekday,time,mood,activities,note_title,note     (current)
    year,date,weekday,time,mood,activities,note                     (older)

(and full_date with no note_title, in between). Rows come newest first; a day can have
several entries; activities are separated by " | "; notes may hold HTML.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ipt_journal.errors import InputError
from ipt_journal.importers.common import (
    Entry,
    Source,
    SourceError,
    check_activities,
    check_day,
    check_note,
    check_time,
    html_to_text,
    row_key,
    split_list,
)
from ipt_journal.safekeeping.files import shown_name

# Daylio's five default moods, best to worst, on ipt's 0-10 scale (docs/user-guide.md):
# evenly spaced and short of both ends, since "rad" and "awful" are not the best and
# worst a day can be.
DEFAULT_MOODS = {"rad": 9, "good": 7, "meh": 5, "bad": 3, "awful": 1}

LAYOUTS = {
    ("full_date", "date", "weekday", "time", "mood", "activities", "note_title", "note"): "8 columns",
    ("full_date", "date", "weekday", "time", "mood", "activities", "note"): "7 columns, full_date",
    ("year", "date", "weekday", "time", "mood", "activities", "note"): "7 columns, year",
}
EXPECTED = "full_date,date,weekday,time,mood,activities,note_title,note"


def read(path: Path) -> Source:
    """Open a Daylio export and check its columns; its rows are read later, one at a time
    (`Source.read_row`), each problem naming its line and column."""
    from ipt_journal.importers.rows import CsvFile
    from ipt_journal.safekeeping.files import open_user_file
    from ipt_journal.safekeeping.portable import MAX_IMPORT_BYTES

    file = CsvFile(path, open_user_file(path, MAX_IMPORT_BYTES), delimiter=",")
    columns = tuple(cell.lower() for cell in file.header)
    layout = LAYOUTS.get(columns)
    if layout is None:
        raise InputError(
            f"{shown_name(path)} is not a Daylio CSV export: its first line should be {EXPECTED} "
            "(or year,date,weekday,time,mood,activities,note in older exports). Nothing was imported.",
            "For another app's CSV use: ipt import --from csv FILE --columns day=COLUMN,mood=COLUMN",
        )

    def read_row(line: int, row: list[str]) -> Entry:
        if len(row) != len(columns):
            raise SourceError(
                path,
                line,
                None,
                f"the row has {len(row)} columns; each row of this export has {len(columns)}.",
            )
        cells = dict(zip(columns, row, strict=True))
        day = check_day(path, line, columns[0], _day(path, line, cells))
        time = check_time(path, line, "time", cells["time"])
        title = html_to_text(cells.get("note_title", ""))
        body = html_to_text(cells["note"])
        note = check_note(path, line, "note", "\n\n".join(part for part in (title, body) if part))
        activities = check_activities(path, line, "activities", split_list(cells["activities"]))
        key = row_key(day.isoformat(), time or "", cells["mood"].strip(), " | ".join(activities), title, body)
        return Entry(line, key, day, time, cells["mood"], activities, note)

    return Source(path, f"Daylio export ({layout})", "daylio", "mood", file, read_row)


def _day(path: Path, line: int, cells: dict[str, str]) -> dt.date:
    if "full_date" in cells:
        written = cells["full_date"].strip()
        try:
            return dt.date.fromisoformat(written)
        except ValueError:
            from ipt_journal.text.dates import no_such_day_problem

            problem = no_such_day_problem(written) or f"{written!r} is not a date written YYYY-MM-DD."
            raise SourceError(path, line, "full_date", problem) from None
    written = f"{cells['year'].strip()} {' '.join(cells['date'].split())}"
    for form in ("%Y %d %B", "%Y %B %d", "%Y %d %b", "%Y %b %d"):
        try:
            return dt.datetime.strptime(written, form).date()
        except ValueError:
            continue
    raise SourceError(
        path, line, "date", f"{written!r} is not a date like '2018 18 May' (year, then day and month)."
    )
