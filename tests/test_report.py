"""`ipt report` against a small journal whose figures are worked out by hand."""

import datetime as dt
import json

from support import flat

TODAY = dt.date.today()
MONDAY = TODAY - dt.timedelta(days=TODAY.weekday())


def week_day(weeks_ago: int, weekday: int = 0) -> str:
    """A day `weeks_ago` ISO weeks back, never later than today."""
    return min(MONDAY - dt.timedelta(weeks=weeks_ago) + dt.timedelta(days=weekday), TODAY).isoformat()


def label(day: str) -> str:
    year, week, _ = dt.date.fromisoformat(day).isocalendar()
    return f"{year}-W{week:02d}"


def build(people):
    """Eight check-ins over five weeks. By hand:
    weeks (oldest first): 5 weeks ago 3 & 5 -> 4.0; 4 ago 4 -> 4.0; 3 ago 6 -> 6.0;
    1 ago 7 & 7 -> 7.0; this week 8 & 6 -> 7.0.
    Sam is in the check-ins with moods 6, 7, 8, 6 (quality +1, +2, +1, +2): mood with 6.75,
    without (3, 5, 4, 7) 4.75, mean quality 1.5. Alex: 3 & 4 (-1, -2), too few to compare.
    Jo (inner circle) is never seen.
    """
    entries = [
        (week_day(5, 0), 3, ["Alex:-1"]),
        (week_day(5, 2), 5, []),
        (week_day(4, 1), 4, ["Alex:-2"]),
        (week_day(3, 0), 6, ["Sam:+1"]),
        (week_day(1, 0), 7, ["Sam:+2"]),
        (week_day(1, 3), 7, []),
        (week_day(0, 0), 8, ["Sam:+1"]),
        (week_day(0, 0), 6, ["Sam:+2"]),
    ]
    for day, mood, with_ in entries:
        args = ["checkin", "--date", day, "--mood", str(mood)]
        for item in with_:
            args += ["--with", item]
        people.ok(*args)
    return people


def test_json_figures_match_the_hand_computed_ones(people):
    data = json.loads(build(people).ok("report", "--json").stdout)
    weeks = [(w["week"], w["checkins"], w["mean_mood"], w["change"]) for w in data["weeks"]]
    assert weeks == [
        (label(week_day(5)), 2, 4.0, None),
        (label(week_day(4)), 1, 4.0, 0.0),
        (label(week_day(3)), 1, 6.0, 2.0),
        (label(week_day(1)), 2, 7.0, 1.0),
        (label(week_day(0)), 2, 7.0, 0.0),
    ]
    # 5 weeks with check-ins: the first 2 (3, 5, 4 -> 4.0) against the last 2 (7, 7, 8, 6 -> 7.0).
    assert data["summary"] == {"weeks_compared": 2, "first_mean": 4.0, "last_mean": 7.0, "change": 3.0}
    sam, alex = data["people"]
    assert (sam["name"], sam["interactions"], sam["mean_quality"]) == ("Sam", 4, 1.5)
    assert (sam["mood_with"], sam["mood_without"], sam["mood_difference"]) == (6.75, 4.75, 2.0)
    assert sam["last_contact"] == week_day(0)
    assert (alex["name"], alex["mood_with"], alex["mood_without"]) == ("Alex", None, None)
    assert alex["mean_quality"] == -1.5
    assert data["quiet_inner_circle"] == [{"name": "Jo", "last_contact": None}]
    assert data["window_checkins"] == 8 and data["note"].startswith("Mood differences are associations")


def test_table_shows_the_same_figures(people):
    out = build(people).ok("report").stdout
    text = flat(out)
    assert f"{label(week_day(3))} 1 6.0 +2.0" in text
    assert "up 3.0 from 4.0" in text
    assert "Sam 1 4 +1.5 6.8 / 4.8" in text
    assert "Alex 2 2 -1.5 not enough data yet" in text
    assert "associations, not causes" in text
    assert "Jo: no contact recorded yet" in text


def test_window_excludes_older_weeks(people):
    data = json.loads(build(people).ok("report", "--weeks", "2", "--json").stdout)
    assert [w["week"] for w in data["weeks"]] == [label(week_day(1)), label(week_day(0))]
    assert data["since"] == week_day(1)
    assert [p["name"] for p in data["people"]] == ["Sam"]
    assert data["people"][0]["mood_with"] is None  # 4 with Sam, only 1 without in this window


def test_since_overrides_weeks(people):
    data = json.loads(build(people).ok("report", "--since", week_day(3), "--json").stdout)
    assert data["weeks"][0]["week"] == label(week_day(3)) and data["window_checkins"] == 5


def test_inner_circle_silence_counts_weeks_since_last_contact(people):
    people.ok(
        "checkin", "--date", (TODAY - dt.timedelta(days=100)).isoformat(), "--mood", "5", "--with", "Jo:0"
    )
    people.ok("checkin", "--mood", "6", "--with", "Sam:+1")
    text = flat(people.ok("report", "--weeks", "4").stdout)
    assert "Jo: no contact recorded in 14 weeks" in text
    assert "Sam: no contact" not in text


def test_past_and_deceased_inner_circle_people_are_not_flagged(people):
    people.ok("inventory", "edit", "Jo", "--status", "deceased")
    people.ok("checkin", "--mood", "6", "--with", "Sam:+1")
    assert "Jo" not in people.ok("report").stdout


def test_empty_journal_gives_a_next_step(ipt):
    out = ipt.ok("report").stdout
    assert "No check-ins yet" in out and "ipt checkin" in out
    assert json.loads(ipt.ok("report", "--json").stdout)["weeks"] == []


def test_no_checkins_in_window_suggests_looking_further_back(people):
    people.ok("checkin", "--date", (TODAY - dt.timedelta(days=400)).isoformat(), "--mood", "5")
    assert "--weeks 52" in people.ok("report").stdout


def test_report_stays_within_80_columns(people):
    people.ok(
        "inventory", "add", "--name", "A very long name for somebody important", "--relationship", "friend"
    )
    build(people).ok("checkin", "--mood", "5", "--with", "A very long name for somebody important:+1")
    out = people.ok("report").stdout
    assert max(len(line) for line in out.splitlines()) <= 80
    assert "A very long" in out and "important" in out  # wrapped in its column, not cut


def test_bad_since_is_a_clear_error(people):
    result = people("report", "--since", "last year")
    assert result.exit_code == 2 and "--since must be a real day" in result.stderr
