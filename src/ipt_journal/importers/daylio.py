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
    html_to_text,
    parse_time,
    read_rows,
    row_key,
    split_list,
)

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
    """Read and check a whole Daylio export; the first problem names its line and column."""
    header, rows = read_rows(path, delimiter=",")
    columns = tuple(cell.lower() for cell in header)
    layout = LAYOUTS.get(columns)
    if layout is None:
        raise InputError(
            f"{path.name} is not a Daylio CSV export: its first line should be {EXPECTED} "
            "(or year,date,weekday,time,mood,activities,note in older exports). Nothing was imported.",
            "For another app's CSV use: ipt import --from csv FILE --columns day=COLUMN,mood=COLUMN",
        )
    entries = []
    for line, row in rows:
        if len(row) != len(columns):
            raise SourceError(
                path,
                line,
                None,
                f"the row has {len(row)} columns; each row of this export has {len(columns)}.",
            )
        cells = dict(zip(columns, row, strict=True))
        day = check_day(path, line, columns[0], _day(path, line, cells))
        time = parse_time(path, line, "time", cells["time"])
        title = html_to_text(cells.get("note_title", ""))
        body = html_to_text(cells["note"])
        note = check_note(path, line, "note", "\n\n".join(part for part in (title, body) if part))
        activities = check_activities(path, line, "activities", split_list(cells["activities"]))
        key = row_key(day.isoformat(), time or "", cells["mood"].strip(), " | ".join(activities), title, body)
        entries.append(Entry(line, key, day, time, cells["mood"], activities, note))
    return Source(path, f"Daylio export ({layout})", "daylio", "mood", entries)


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
