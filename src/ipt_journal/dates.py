"""Days and ISO weeks, the calendar units check-ins and reports use."""

import datetime as dt

from ipt_journal.errors import InputError

RELATIVE_DAYS = {"today": 0, "yesterday": 1}


def parse_day(text: str, what: str = "The date") -> dt.date:
    """A day written YYYY-MM-DD, or 'today' / 'yesterday'."""
    cleaned = text.strip().lower()
    if cleaned in RELATIVE_DAYS:
        return dt.date.today() - dt.timedelta(days=RELATIVE_DAYS[cleaned])
    try:
        return dt.date.fromisoformat(cleaned)
    except ValueError:
        raise InputError(
            f"{what} must be a real day written YYYY-MM-DD (or 'today', 'yesterday'), got {text!r}."
        ) from None


def monday_of(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def week_label(day: dt.date) -> str:
    """The ISO week a day falls in, as '2026-W48'."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"
