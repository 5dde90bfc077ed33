"""The dates people type: a refused date is refused in the person's own terms."""

import datetime as dt

import pytest

from ipt_journal.dates import parse_day, parse_day_or_month
from ipt_journal.errors import InputError
from support import assert_user_error


def test_a_day_that_does_not_exist_is_called_that():
    with pytest.raises(InputError) as caught:
        parse_day("2026-04-31", "--date", today=dt.date(2026, 11, 25))
    assert "2026-04-31 is not a real day: April 2026 has 30 days" in caught.value.message
    with pytest.raises(InputError) as caught:
        parse_day_or_month("2026-02-30", "--date", today=dt.date(2026, 11, 25))
    assert "February 2026 has 28 days" in caught.value.message


def test_import_csv_names_a_day_that_does_not_exist(ipt, tmp_path):
    path = tmp_path / "moods.csv"
    path.write_text("Date,Mood\n2026-04-30,3\n2026-04-31,4\n", encoding="utf-8")
    result = ipt("import", "--from", "csv", str(path), "--columns", "day=Date,mood=Mood")
    assert_user_error(result, "line 3, column Date: 2026-04-31 is not a real day: April 2026 has 30 days")
    assert "--date-format" not in result.stderr and "not a date written" not in result.stderr
    path.write_text("Date,Mood\n30/04/2026,3\n31/04/2026,4\n", encoding="utf-8")
    result = ipt(
        "import", "--from", "csv", str(path), "--columns", "day=Date,mood=Mood", "--date-format", "%d/%m/%Y"
    )
    assert_user_error(result, "line 3, column Date: '31/04/2026' is not a real day")
    assert "does not match" not in result.stderr
    assert not ipt.path.exists() or ipt.count("checkins") == 0


@pytest.mark.parametrize(
    "parse, text",
    [
        (parse_day, "2026-02-30"),
        (parse_day, "soon"),
        (parse_day, "the first monday after easter"),
        (parse_day, "2027-03-01"),
        (parse_day, "next friday"),
        (parse_day, "dec 24"),
        (parse_day, "3/4/2026"),
        (parse_day, "feb 31"),
        (parse_day_or_month, "2026-13"),
        (parse_day_or_month, "2027-01"),
        (parse_day_or_month, "spring"),
        (parse_day_or_month, "2026-04-31"),
    ],
)
def test_a_refused_date_has_a_brief_that_fits_a_prompt_line(parse, text):
    """questionary shows a wizard's validation message in a one-line toolbar."""
    with pytest.raises(InputError) as caught:
        parse(text, "The date", today=dt.date(2026, 11, 25))
    assert len(caught.value.brief) <= 70, caught.value.brief
    assert "..." not in caught.value.brief

