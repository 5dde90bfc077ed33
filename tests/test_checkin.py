"""`ipt checkin` by flags: what is stored, what is shown, and what is refused."""

import datetime as dt
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from support import assert_user_error, flat

TODAY = dt.date.today()
TOMORROW = (TODAY + dt.timedelta(days=1)).isoformat()


def test_checkin_with_flags_stores_everything(people):
    result = people.ok(
        "checkin",
        "--date",
        "2026-03-02",
        "--mood",
        "6",
        "--with",
        "Sam:+1",
        "--with",
        "alex:-2",
        "--note",
        "Long talk [finally]",
        "--tag",
        "Work",
        "--tag",
        "work",
        "--tag",
        "sleep",
    )
    assert "Saved check-in #1 for 2026-03-02: mood 6/10, with Sam (+1), Alex (-2)." in flat(result.stdout)
    assert people.rows("SELECT day, mood, note FROM checkins") == [("2026-03-02", 6, "Long talk [finally]")]
    assert people.rows(
        "SELECT p.name, i.quality FROM interactions i JOIN people p ON p.id = i.person_id ORDER BY p.name"
    ) == [("Alex", -2), ("Sam", 1)]
    assert people.rows("SELECT tag FROM checkin_tags ORDER BY tag") == [("sleep",), ("work",)]


def test_date_defaults_to_today_and_accepts_words(people):
    people.ok("checkin", "--mood", "5")
    people.ok("checkin", "--mood", "4", "--date", "yesterday")
    days = [row[0] for row in people.rows("SELECT day FROM checkins ORDER BY id")]
    assert days == [TODAY.isoformat(), (TODAY - dt.timedelta(days=1)).isoformat()]


def test_several_checkins_a_week_are_all_kept(people):
    for day in ("2026-03-02", "2026-03-03", "2026-03-03"):
        people.ok("checkin", "--date", day, "--mood", "5")
    assert people.count("checkins") == 3


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--mood", "11"], "Mood must be a whole number from 0 (worst) to 10 (best), got 11."),
        (["--mood", "-1"], "Mood must be a whole number from 0 (worst) to 10 (best), got -1."),
        (["--mood", "5", "--date", TOMORROW], f"The date {TOMORROW} is in the future"),
        (
            ["--mood", "5", "--date", "2026-02-30"],
            "The date 2026-02-30 is not a real day: February 2026 has 28",
        ),
        (["--mood", "5", "--date", "next week"], "got 'next week'"),
        (
            ["--mood", "5", "--with", "Sam:+5"],
            "How it went with Sam must be a whole number from -2 (very badly) to +2 (very well), got +5.",
        ),
        (["--mood", "5", "--with", "Sam:great"], "How it went with Sam must be a whole number"),
        (["--mood", "5", "--with", "Sam"], "Write --with as NAME:HOW"),
        (["--mood", "5", "--with", "Sma:+1"], "No one called 'Sma' in your inventory. Did you mean Sam?"),
        (["--mood", "5", "--with", "Sam:+1", "--with", "sam:0"], "Sam is listed twice"),
        (["--mood", "5", "--tag", "x" * 41], "Tags must be 1 to 40 characters each"),
    ],
)
def test_bad_values_write_nothing(people, args, message):
    result = people("checkin", *args)
    assert_user_error(result, message)
    assert people.count("checkins") == 0
    assert people.count("interactions") == 0


def test_a_mood_that_is_not_a_number_is_a_usage_error(people):
    result = people("checkin", "--mood", "good")
    assert result.exit_code == 2 and "--mood" in result.stderr
    assert people.count("checkins") == 0


def test_unknown_person_gets_the_command_to_add_them(people):
    result = people("checkin", "--mood", "5", "--with", "Robin:+1")
    assert_user_error(result, "No one called 'Robin'", "ipt inventory add --name Robin")


def test_missing_mood_outside_a_terminal_names_the_flag(people):
    result = people("checkin", "--with", "Sam:+1")
    assert_user_error(result, "Missing --mood", "ipt checkin --mood 6")
    assert people.count("checkins") == 0


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(value=st.text(max_size=30))
def test_any_with_value_gives_a_clear_answer_never_a_traceback(people, value):
    before = people.count("checkins")
    result = people("checkin", "--mood", "5", "--with", value)
    assert result.exit_code in (0, 2), result.output
    if result.exit_code == 2:
        assert result.stderr.startswith("Error: ") and people.count("checkins") == before


def test_list_shows_newest_first(people):
    people.ok("checkin", "--date", "2026-03-02", "--mood", "3", "--with", "Jo:-1")
    people.ok("checkin", "--date", "2026-03-09", "--mood", "8", "--note", "Good week")
    lines = [line for line in people.ok("checkin", "list").stdout.splitlines() if "2026-03" in line]
    assert "2026-03-09" in lines[0] and "Good week" in lines[0]
    assert "2026-03-02" in lines[1] and "Jo (-1)" in lines[1]


def test_list_limit_and_json(people):
    for day in range(1, 6):
        people.ok(
            "checkin", "--date", f"2026-03-0{day}", "--mood", str(day), "--with", "Sam:+1", "--tag", "t"
        )
    data = json.loads(people.ok("checkin", "list", "--limit", "2", "--json").stdout)
    assert [c["day"] for c in data] == ["2026-03-05", "2026-03-04"]
    assert data[0]["people"] == [{"name": "Sam", "quality": 1, "what_happened": None, "incident": None}]
    assert data[0]["tags"] == ["t"]
    assert len(json.loads(people.ok("checkin", "list", "--all", "--json").stdout)) == 5


def test_edit_changes_given_fields_and_replaces_people(people):
    people.ok("checkin", "--date", "2026-03-02", "--mood", "3", "--with", "Jo:-1", "--note", "Rough")
    out = people.ok("checkin", "edit", "1", "--mood", "4", "--with", "Sam:+2").stdout
    assert "Updated check-in #1" in out
    assert people.rows("SELECT day, mood, note FROM checkins") == [("2026-03-02", 4, "Rough")]
    assert people.rows("SELECT p.name, quality FROM interactions JOIN people p ON p.id = person_id") == [
        ("Sam", 2)
    ]


def test_edit_refuses_bad_values_and_keeps_the_old_ones(people):
    people.ok("checkin", "--date", "2026-03-02", "--mood", "3", "--with", "Jo:-1")
    assert_user_error(people("checkin", "edit", "1", "--with", "Jo:+1", "--mood", "12"), "Mood must be")
    assert people.rows("SELECT mood FROM checkins") == [(3,)]
    assert people.rows("SELECT quality FROM interactions") == [(-1,)]


def test_edit_and_delete_of_an_unknown_id(people):
    assert_user_error(people("checkin", "edit", "7", "--mood", "5"), "There is no check-in #7.")
    assert_user_error(people("checkin", "delete", "7", "--yes"), "There is no check-in #7.")


def test_delete_removes_the_checkin_and_its_interactions(people):
    people.ok("checkin", "--date", "2026-03-02", "--mood", "3", "--with", "Jo:-1", "--tag", "x")
    assert_user_error(people("checkin", "delete", "1"), "--yes")
    assert people.count("checkins") == 1
    assert "Deleted check-in #1." in people.ok("checkin", "delete", "1", "--yes").stdout
    assert (people.count("checkins"), people.count("interactions"), people.count("checkin_tags")) == (0, 0, 0)
    assert people.count("people") == 3
