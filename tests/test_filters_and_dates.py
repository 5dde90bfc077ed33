"""Lists narrowed by filters (--since/--until, --person, --kind...) and the dates people type:
a filter that matches nothing says so, a window that ends before it starts is refused, a
month (YYYY-MM) works wherever a day does in a window, and a refused date is refused in the
person's own terms."""

import datetime as dt
import json

import pytest

from ipt_journal.errors import InputError
from ipt_journal.text.dates import parse_day, parse_day_or_month
from support import assert_user_error, flat


@pytest.fixture
def events(people):
    people.ok("event", "add", "--date", "2026-07", "--kind", "move", "--person", "Sam")
    people.ok("event", "add", "--date", "2026-07-31", "--kind", "conflict", "--person", "Sam")
    people.ok("event", "add", "--date", "2026-08-01", "--kind", "illness", "--person", "Alex")
    people.ok("event", "add", "--date", "2026-09-01", "--kind", "loss")
    return people


@pytest.mark.parametrize(
    "filters, said",
    [
        (["--kind", "birth"], "--kind birth"),
        (["--person", "Jo"], "--person Jo"),
        (["--since", "2026-10-01"], "--since 2026-10-01"),
        (["--until", "2026-06-30", "--kind", "loss"], "--until 2026-06-30, --kind loss"),
    ],
)
def test_event_filters_that_match_nothing_say_so_not_that_there_are_none(events, filters, said):
    out = flat(events.ok("event", "list", *filters).stdout)
    assert "No life events recorded yet" not in out
    assert f"No life events match {said}" in out
    assert "4 recorded in all" in out
    assert json.loads(events.ok("event", "list", "--json", *filters).stdout) == []


def test_an_empty_journal_still_says_there_are_no_events_yet(ipt):
    assert "No life events recorded yet" in ipt.ok("event", "list").stdout
    assert "No life events recorded yet" in ipt.ok("event", "list", "--kind", "birth").stdout


@pytest.mark.parametrize(
    "command",
    [
        ["event", "list"],
        ["checkin", "list"],
        ["measure", "history"],
        ["exercise", "history"],
        ["timeline"],
    ],
)
def test_a_window_that_ends_before_it_starts_is_refused(events, command):
    events.ok("checkin", "--mood", "5", "--date", "2026-09-02")
    result = events(*command, "--since", "2026-09-27", "--until", "2026-09-01")
    assert_user_error(result, "--since (2026-09-27) is after --until (2026-09-01)")
    assert result.stdout == ""


@pytest.mark.parametrize(
    "command, empty",
    [
        (["checkin", "list", "--tag", "nothing-tagged-so"], "No check-ins match"),
        (["measure", "history", "--since", "2026-09-03"], "No questionnaires match"),
        (["exercise", "history", "--kind", "grief"], "No exercises match"),
    ],
)
def test_other_lists_say_when_their_filters_match_nothing(people, command, empty):
    people.ok("checkin", "--mood", "5", "--date", "2026-09-02")
    people.ok("measure", "phq9", "--answers", "0,0,0,0,0,0,0,0,0", "--date", "2026-09-02")
    out = people.ok(*command).stdout
    assert empty in out and "yet" not in out


def test_a_month_in_a_window_covers_the_whole_month(events):
    def kinds(*args):
        return [e["kind"] for e in json.loads(events.ok("event", "list", "--json", *args).stdout)]

    assert kinds("--since", "2026-07") == ["move", "conflict", "illness", "loss"]
    assert kinds("--since", "2026-08") == ["illness", "loss"]
    assert kinds("--until", "2026-07") == ["move", "conflict"]
    assert kinds("--since", "2026-07", "--until", "2026-07") == ["move", "conflict"]
    assert kinds("--since", "2026-08", "--until", "2026-08") == ["illness"]
    assert_user_error(events("event", "list", "--since", "2026-13"), "--since has no month 13")


def test_a_month_works_in_the_other_windows_too(people):
    people.ok("checkin", "--mood", "5", "--date", "2026-07-31")
    people.ok("checkin", "--mood", "6", "--date", "2026-08-01")
    listed = json.loads(people.ok("checkin", "list", "--json", "--until", "2026-07").stdout)
    assert [c["day"] for c in listed] == ["2026-07-31"]
    listed = json.loads(people.ok("checkin", "list", "--json", "--since", "2026-08").stdout)
    assert [c["day"] for c in listed] == ["2026-08-01"]


def test_a_month_that_has_not_begun_is_refused_as_the_person_wrote_it(people):
    today = dt.date.today()
    next_month = (today.replace(day=28) + dt.timedelta(days=7)).strftime("%Y-%m")
    result = people("event", "add", "--date", next_month, "--kind", "move")
    assert_user_error(result, f"{next_month} is in the future")
    assert f"{next_month}-01" not in result.stderr
    assert people.count("events") == 0
    assert_user_error(people("event", "list", "--since", next_month), f"{next_month} is in the future")
    # This month has begun: a window or an event in it is fine.
    this_month = today.strftime("%Y-%m")
    people.ok("event", "add", "--date", this_month, "--kind", "move")
    assert len(json.loads(people.ok("event", "list", "--json", "--until", this_month).stdout)) == 1


def test_a_day_that_does_not_exist_is_called_that():
    with pytest.raises(InputError, match="2026-04-31 is not a real day: April 2026 has 30 days"):
        parse_day("2026-04-31", "--date", today=dt.date(2026, 11, 25))
    with pytest.raises(InputError, match="2026-02-30 is not a real day: February 2026 has 28 days"):
        parse_day_or_month("2026-02-30", "--date", today=dt.date(2026, 11, 25))


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
    with pytest.raises(InputError, match="^The date ") as caught:
        parse(text, "The date", today=dt.date(2026, 11, 25))
    assert len(caught.value.brief) <= 70, caught.value.brief
    assert "..." not in caught.value.brief
