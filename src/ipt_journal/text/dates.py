"""Days and ISO weeks, the calendar units check-ins and reports use, and days written the
way people say them ('yesterday', 'last friday', '3 days ago', 'nov 2')."""

import datetime as dt
import re

from ipt_journal.errors import InputError

FORMS = "YYYY-MM-DD, 'today', 'yesterday', 'monday', 'last friday', '3 days ago', '2 weeks ago' or 'nov 2'"
_ISO_SHAPED = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_MONTH = re.compile(r"^\s*(\d{4})-(\d{1,2})\s*$")


# Which days a record may carry, one rule for flags, wizards, models, the store and import:
# nothing before 1900 (no one's journal; 9999-12-31 would read "-2912110 days ago"), and
# nothing more than a year ahead (homework may be due, a course may start, within a year).
# What has happened (a check-in, a questionnaire, a life event) is not in the future either.
EARLIEST = dt.date(1900, 1, 1)
AHEAD = dt.timedelta(days=366)


def day_problem(day: dt.date, today: dt.date | None = None) -> str | None:
    """Why `day` is outside what any record may carry, or None."""
    today = today or dt.date.today()
    if day < EARLIEST:
        return f"{day.isoformat()} is before {EARLIEST.year}"
    if day > today + AHEAD:
        return f"{day.isoformat()} is more than a year ahead"
    return None


class DateError(InputError):
    """A date refused. `brief` says why in a line short enough for a wizard's prompt, where
    questionary shows the problem in a one-line toolbar (70 characters at most)."""

    def __init__(self, message: str, hint: str | None = None, brief: str | None = None) -> None:
        super().__init__(message, hint)
        self.brief = brief or message


def parse_day(
    text: str, what: str = "The date", future: bool = False, today: dt.date | None = None
) -> dt.date:
    """A day written as ISO (tried first: it costs nothing) or as people say it. A day
    after today is refused unless `future` (due dates); a day that could be read two ways
    is refused. Either refusal names the day ipt understood."""
    cleaned = " ".join(text.strip().lower().split())
    today = today or dt.date.today()
    try:
        day = dt.date.fromisoformat(cleaned)
    except ValueError:
        day = _spoken_day(cleaned, text, what, future, today)
    problem = day_problem(day, today)
    if problem and (future or day < EARLIEST):  # a day after today has its own message below
        raise DateError(
            f"{what} {problem}; pick a day from {EARLIEST.year} to a year from today.",
            brief=f"{problem}; pick another day.",
        )
    if not future and day > today:
        if cleaned == day.isoformat():
            raise DateError(
                f"{what} {cleaned} is in the future; pick today or an earlier day.",
                brief=f"{cleaned} is in the future; pick today or an earlier day.",
            )
        raise DateError(
            f"{what} {text!r} is understood as {day.isoformat()}, which is in the future.",
            "Pick today or an earlier day; write YYYY-MM-DD if you meant another year.",
            brief=f"That is {day.isoformat()}, in the future; pick an earlier day.",
        )
    return day


def day_or_month_text(day: dt.date, month_only: bool) -> str:
    """As kept: YYYY-MM-DD for a day, YYYY-MM for a month known without its day (a death
    said as "2019-12"), so what was not said is never made up as the 1st."""
    return f"{day:%Y-%m}" if month_only else day.isoformat()


def stored_day_or_month(text: str) -> tuple[dt.date, bool]:
    """What `day_or_month_text` kept: the day (the 1st for a month) and whether only the
    month is known. A ValueError for anything else."""
    if _MONTH.fullmatch(text):
        return dt.date(int(text[:4]), int(text[5:7]), 1), True
    return dt.date.fromisoformat(text), False


def parse_day_or_month(
    text: str, what: str = "The date", today: dt.date | None = None
) -> tuple[dt.date, bool]:
    """A day (anything `parse_day` reads) or only a month written YYYY-MM. Returns the day
    and whether it is only a month (the day is then the 1st). A month that has not begun is
    refused as written; one that has begun is fine, even if it has days still to come."""
    today = today or dt.date.today()
    month = _MONTH.match(text)
    if not month:
        try:
            return parse_day(text, what, today=today), False
        except DateError as error:  # parse_day names the day it understood; add the month form
            brief = UNKNOWN_DAY_OR_MONTH if error.brief == UNKNOWN_DAY else error.brief
            raise DateError(
                error.message, error.hint or "A month known only roughly: YYYY-MM.", brief
            ) from None
    year, number = int(month.group(1)), int(month.group(2))
    written = text.strip()
    if not 1 <= number <= 12:
        raise DateError(
            f"{what} has no month {number}; write YYYY-MM-DD, or YYYY-MM for a month, got {text!r}.",
            brief=f"There is no month {number}; write YYYY-MM for a month.",
        )
    first = dt.date(year, number, 1)
    if first > today:
        raise DateError(
            f"{what} {written} is in the future; pick this month or an earlier one.",
            brief=f"{written} is in the future; pick this month or an earlier one.",
        )
    return first, True


def month_end(day: dt.date) -> dt.date:
    """The last day of the month `day` falls in."""
    import calendar

    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


UNKNOWN_DAY = "Not a day ipt knows; try YYYY-MM-DD, 'yesterday' or 'last friday'."
UNKNOWN_DAY_OR_MONTH = "Not a date ipt knows; try YYYY-MM-DD, YYYY-MM or 'last friday'."


def _no_such_day(text: str, what: str) -> DateError | None:
    """For a day written YYYY-MM-DD that the calendar lacks (2026-04-31): say so, and how
    long that month is; None when `text` is not shaped like that."""
    shaped = _ISO_SHAPED.match(text)
    if not shaped:
        return None
    import calendar

    year, month, day = (int(part) for part in shaped.groups())
    if not 1 <= month <= 12:
        reason = f"there is no month {month}"
    elif day < 1 or day > calendar.monthrange(year, month)[1]:
        reason = f"{calendar.month_name[month]} {year} has {calendar.monthrange(year, month)[1]} days"
    else:
        return None
    return DateError(
        f"{what} {text} is not a real day: {reason}.", brief=f"{text} is not a real day: {reason}."
    )


def no_such_day_problem(text: str) -> str | None:
    """Why `text`, written YYYY-MM-DD, is no day at all (for importers naming a cell), or None."""
    error = _no_such_day(text.strip(), "")
    return error.brief if error else None


MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}
WEEKDAYS = {
    name: number
    for number, names in enumerate(
        [
            ("mon", "monday"),
            ("tue", "tues", "tuesday"),
            ("wed", "wednesday"),
            ("thu", "thur", "thurs", "thursday"),
            ("fri", "friday"),
            ("sat", "saturday"),
            ("sun", "sunday"),
        ]
    )
    for name in names
}
UNITS = {"day": 1, "days": 1, "week": 7, "weeks": 7}
NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}


def _spoken_day(cleaned: str, text: str, what: str, future: bool, today: dt.date) -> dt.date:
    words = cleaned.replace(",", " ").split()
    if cleaned in ("today", "now"):
        return today
    if cleaned == "yesterday":
        return today - dt.timedelta(days=1)
    if cleaned == "tomorrow":
        return today + dt.timedelta(days=1)
    if len(words) == 3 and words[2] == "ago" and words[1] in UNITS:
        count = NUMBER_WORDS.get(words[0]) or (int(words[0]) if words[0].isdigit() else None)
        if count is not None:
            return today - dt.timedelta(days=count * UNITS[words[1]])
    if len(words) in (1, 2) and words[-1] in WEEKDAYS:
        prefix = words[0] if len(words) == 2 else ""
        if prefix in ("", "last", "this", "next"):
            return _weekday(WEEKDAYS[words[-1]], prefix, future, today)
    month_day = _month_and_day(words)
    if month_day is not None:
        return _in_year(month_day, words, text, what, today)
    if "/" in cleaned:
        return _slashed(cleaned, text, what)
    missing = _no_such_day(cleaned, what)
    if missing:
        raise missing
    raise DateError(f"{what} must be a real day written {FORMS}; got {text!r}.", brief=UNKNOWN_DAY)


def _weekday(weekday: int, prefix: str, future: bool, today: dt.date) -> dt.date:
    """'monday' is the latest Monday, today included (the next one for a due date);
    'last monday' the one before today; 'next monday' the one after today."""
    back = (today.weekday() - weekday) % 7
    if prefix == "next" or (future and prefix == ""):
        return today + dt.timedelta(days=(weekday - today.weekday()) % 7 or 7)
    if prefix == "last" and back == 0:
        back = 7
    return today - dt.timedelta(days=back)


def _month_and_day(words: list[str]) -> tuple[int, int] | None:
    """'nov 2', '2 nov', 'november 2nd', with an optional year after them."""
    if len(words) not in (2, 3):
        return None
    first, second = words[0], words[1].rstrip(".")
    for month_word, day_word in ((first.rstrip("."), second), (second, first)):
        day_word = day_word.removesuffix("st").removesuffix("nd").removesuffix("rd").removesuffix("th")
        if month_word in MONTHS and day_word.isdigit():
            return MONTHS[month_word], int(day_word)
    return None


def _in_year(month_day: tuple[int, int], words: list[str], text: str, what: str, today: dt.date) -> dt.date:
    month, day = month_day
    year = int(words[2]) if len(words) == 3 and words[2].isdigit() else today.year
    if len(words) == 3 and not words[2].isdigit():
        raise DateError(f"{what} must be a real day written {FORMS}; got {text!r}.", brief=UNKNOWN_DAY)
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise DateError(
            f"{what} {text!r} is not a real day.", brief=f"{text.strip()!r} is not a real day."
        ) from None


def _slashed(cleaned: str, text: str, what: str) -> dt.date:
    """3/4/2026 is refused unless only one reading is a real day: people write it both ways."""
    parts = cleaned.split("/")
    if len(parts) == 3 and all(part.isdigit() for part in parts):
        first, second, year = (int(part) for part in parts)
        readings = set()
        for month, day in ((first, second), (second, first)):
            try:
                readings.add(dt.date(year, month, day))
            except ValueError:
                pass
        if len(readings) == 1:
            return readings.pop()
        if len(readings) == 2:
            a, b = sorted(readings)
            raise DateError(
                f"{what} {text!r} is ambiguous: it could be {a.isoformat()} or {b.isoformat()}.",
                "Write it as YYYY-MM-DD.",
                brief=f"{cleaned} could be {a.isoformat()} or {b.isoformat()}; write YYYY-MM-DD.",
            )
    raise DateError(f"{what} must be a real day written {FORMS}; got {text!r}.", brief=UNKNOWN_DAY)


def monday_of(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def week_label(day: dt.date) -> str:
    """The ISO week a day falls in, as '2026-W48'."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


MAX_WEEKS = 520  # ten years: the longest window a report, chart or circle looks back over


def check_weeks(weeks: int | None, flag: str = "--weeks") -> None:
    """Refuse a window outside 1..MAX_WEEKS in words (Typer's own range check prints parser text)."""
    if weeks is not None and not 1 <= weeks <= MAX_WEEKS:
        raise InputError(f"{flag} must be a whole number from 1 to {MAX_WEEKS}, got {weeks}.")


def local_time_now(day: dt.date) -> str | None:
    """The time of day (HH:MM, this computer's clock) a check-in for `day` is written at, kept
    as lived; a check-in written for an earlier day (back-dated) has no time of its own."""
    moment = dt.datetime.now()
    return moment.strftime("%H:%M") if moment.date() == day else None


def days_with_times(entries: list[tuple[str, str | None]]) -> list[str]:
    """Each (day, time of day or None) as its day, with the time where another entry listed
    shares the day and the time is known, so two entries of one day read apart."""
    from collections import Counter

    shared = {day for day, n in Counter(day for day, _ in entries).items() if n > 1}
    return [f"{day} {time}" if time and day in shared else day for day, time in entries]
