"""Days written the way people say them, and the ones ipt refuses."""

import datetime as dt
import re

import pytest

from ipt_journal.errors import InputError
from ipt_journal.text.dates import parse_day
from support import assert_user_error

TODAY = dt.date(2026, 11, 25)  # a Wednesday


@pytest.mark.parametrize(
    "text, expected",
    [
        ("2026-11-02", dt.date(2026, 11, 2)),
        ("today", TODAY),
        (" Today ", TODAY),
        ("yesterday", dt.date(2026, 11, 24)),
        ("monday", dt.date(2026, 11, 23)),
        ("wed", TODAY),
        ("last wednesday", dt.date(2026, 11, 18)),
        ("last friday", dt.date(2026, 11, 20)),
        ("3 days ago", dt.date(2026, 11, 22)),
        ("a week ago", dt.date(2026, 11, 18)),
        ("2 weeks ago", dt.date(2026, 11, 11)),
        ("nov 2", dt.date(2026, 11, 2)),
        ("2 Nov", dt.date(2026, 11, 2)),
        ("November 2nd", dt.date(2026, 11, 2)),
        ("dec 5 2025", dt.date(2025, 12, 5)),
        ("25/12/2025", dt.date(2025, 12, 25)),
    ],
)
def test_spoken_days(text, expected):
    assert parse_day(text, today=TODAY) == expected


@pytest.mark.parametrize(
    "text, phrase",
    [
        ("tomorrow", "'tomorrow' is understood as 2026-11-26, which is in the future"),
        ("dec 5", "'dec 5' is understood as 2026-12-05, which is in the future"),
        ("2026-12-01", "2026-12-01 is in the future"),
        ("3/4/2026", "ambiguous: it could be 2026-03-04 or 2026-04-03"),
        ("feb 30", "is not a real day"),
        ("soon", "must be a real day written YYYY-MM-DD"),
        ("3 fortnights ago", "must be a real day"),
    ],
)
def test_refusals_name_the_day_understood(text, phrase):
    with pytest.raises(InputError, match=re.escape(phrase)):
        parse_day(text, "--date", today=TODAY)


def test_due_dates_may_be_in_the_future():
    assert parse_day("tomorrow", future=True, today=TODAY) == dt.date(2026, 11, 26)
    assert parse_day("friday", future=True, today=TODAY) == dt.date(2026, 11, 27)
    assert parse_day("next wednesday", future=True, today=TODAY) == dt.date(2026, 12, 2)


def test_checkin_takes_a_spoken_date(people):
    people.ok("checkin", "--mood", "5", "--date", "yesterday")
    people.ok("checkin", "--mood", "6", "--date", "3 days ago")
    today = dt.date.today()
    assert people.rows("SELECT day FROM checkins ORDER BY id") == [
        ((today - dt.timedelta(days=1)).isoformat(),),
        ((today - dt.timedelta(days=3)).isoformat(),),
    ]


def test_a_future_spoken_date_writes_nothing(people):
    assert_user_error(people("checkin", "--mood", "5", "--date", "tomorrow"), "is in the future")
    assert people.count("checkins") == 0


def test_iso_dates_never_load_more_than_the_iso_parser():
    # ISO is tried first; the spoken forms are plain functions in the same small module.
    assert parse_day("2026-01-31") == dt.date(2026, 1, 31)
