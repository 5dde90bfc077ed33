"""Seams a new user's trial found: lists at 40 columns keep a hanging indent and say what a
narrow screen left out; a report row's figures all come from one window; small wording
(one goal rating, homework due today, a trend over a few days, --kind incident). The
clock stands on 2026-12-05 (a Saturday); the journal is built by flags."""

import datetime as dt
import json
import re

import pytest
import time_machine

from ipt_journal.store import open_journal
from support import block_after, flat

TODAY = dt.date(2026, 12, 5)


@pytest.fixture(autouse=True)
def clock():
    with time_machine.travel(dt.datetime(2026, 12, 5, 12).astimezone(), tick=True):
        yield


def course(ipt, goal: str = "Talk calmly with Sam about money") -> None:
    ipt.ok("inventory", "add", "--name", "Sam", "--relationship", "partner", "--closeness", "1",
           "--contact", "daily", "--problem-area", "role-dispute",
           "--dispute-stage", "renegotiation")  # fmt: skip
    ipt.ok("start", "--weeks", "12", "--start-date", "2026-10-10", "--no-therapist",
           "--phq9", "1,2,1,2,1,2,1,2,0", "--wsas", "5,5,4,4,4", "--focus", "role-dispute",
           "--dispute-with", "Sam", "--dispute-stage", "renegotiation", "--goal", goal)  # fmt: skip


def at(monkeypatch, columns: int) -> None:
    monkeypatch.setenv("COLUMNS", str(columns))


# ------------------------------------------------------------------ 1. 40 columns


def test_report_questionnaires_at_40_columns_wrap_under_their_day_each_score_with_its_scale(ipt, monkeypatch):
    course(ipt)
    ipt.ok("checkin", "--date", "2026-10-11", "--mood", "5")
    at(monkeypatch, 40)
    lines = ipt.ok("report", "--course").stdout.splitlines()
    heading = lines.index("Questionnaires in this window")
    block = block_after(lines[heading + 1 :], "  2026-10-10: PHQ-9 12 (moderate),")
    assert len(block) > 1 and all(len(line) <= 40 for line in block), block
    assert all(line.startswith("      ") for line in block[1:]), block  # under the day, not column 0
    assert "WSAS 22" in " ".join(block)  # a scale never parted from its score
    assert ipt.rows("SELECT scale, total FROM measures ORDER BY scale") == [("phq9", 12), ("wsas", 22)]


def test_inventory_at_40_columns_keeps_contact_and_problem_area_on_indented_lines(ipt, monkeypatch, capsys):
    course(ipt)
    ipt.ok("inventory", "add", "--name", "Aunt May", "--relationship", "other-family", "--contact", "weekly")
    from ipt_journal.render.people import people_table

    at(monkeypatch, 40)
    journal = open_journal(ipt.path)
    try:
        people_table(journal.people.all())
    finally:
        journal.close()
    lines = capsys.readouterr().out.splitlines()
    assert all(len(line) <= 40 for line in lines), lines
    sam = block_after(lines, "Sam (partner, ring 1, current)")
    assert flat(" ".join(sam[1:])) == "contact daily; problem area: role dispute (renegotiation)", lines
    assert block_after(lines, "Aunt May (other family, current)")[1:] == ["    contact weekly"], lines
    assert ipt.rows("SELECT name, contact, problem_area FROM people ORDER BY id") == [
        ("Sam", "daily", "role-dispute"),
        ("Aunt May", "weekly", None),
    ]


def test_a_table_that_left_columns_out_says_which_and_where_to_see_them(ipt, monkeypatch, capsys):
    course(ipt)
    from ipt_journal.render.people import people_table

    journal = open_journal(ipt.path)
    try:
        for columns, left_out in ((60, "Problem area"), (100, None)):
            at(monkeypatch, columns)
            people_table(journal.people.all())
            out = flat(capsys.readouterr().out)
            assert "─" in out  # a table at both widths
            if left_out:
                assert f"Left out at this width: {left_out}; ipt inventory show NAME has everything." in out
                assert "role dispute" not in out
            else:
                assert "Left out" not in out and "role dispute" in out
    finally:
        journal.close()


def test_crisis_lines_at_40_columns_never_split_a_phone_number(ipt, monkeypatch):
    at(monkeypatch, 40)
    for args in (("crisis",), ("safety-plan",)):
        lines = ipt.ok(*args).stdout.splitlines()
        assert all(len(line) <= 40 for line in lines), [line for line in lines if len(line) > 40]
        for number in ("13 11 14", "116 123"):
            assert any(number in line for line in lines), (number, lines)
        for entry in ("Australia: Call Lifeline on", "Ireland: Call Samaritans on"):
            block = block_after(lines, next(line for line in lines if entry in line)[:12])
            assert len(block) > 1 and all(line.startswith("    ") for line in block[1:]), block
    assert ipt.count("safety_plan_items") == 0  # looking wrote nothing


def test_exercise_and_coping_lists_at_40_columns_keep_a_long_heading_under_its_first_line(ipt, monkeypatch):
    at(monkeypatch, 40)
    exercises = ipt.ok("exercise", "list").stdout.splitlines()
    assert exercises[:2] == ["communication-analysis  (Communication", "  analysis, about 20 minutes)"]
    coping = ipt.ok("cope").stdout.splitlines()
    first = coping.index("Do something small you enjoy")
    assert coping[first + 1] == "  (pleasant-activity)"
    assert all(len(line) <= 40 for line in exercises + coping)


def test_timeline_event_at_40_columns_wraps_under_its_day_with_names_whole(ipt, monkeypatch):
    course(ipt)
    ipt.ok("inventory", "add", "--name", "Alex Longname", "--relationship", "friend")
    ipt.ok("checkin", "--date", "2026-11-02", "--mood", "5")
    ipt.ok("event", "add", "--date", "2026-11-01", "--kind", "move", "--person", "Sam",
           "--person", "Alex Longname", "--note", "Moved across town")  # fmt: skip
    at(monkeypatch, 40)
    lines = ipt.ok("timeline", "--since", "2026-10-01").stdout.splitlines()
    event = block_after(lines, "  ◆ 2026-11-01 move with")
    assert event[1] == "    Sam" and event[2] == "      Moved across town", lines
    assert "Alex Longname" in event[0]
    assert ipt.rows("SELECT kind, day FROM events") == [("move", "2026-11-01")]


# ------------------------------------------------------------------ 2. one window per row


@pytest.fixture
def old_and_new(ipt):
    """Check-ins from 2021 (as a Daylio import leaves them), with Sam and Alex; then, after
    five years without one, eight in the course, Sam in four of them."""
    course(ipt)
    ipt.ok("inventory", "add", "--name", "Alex", "--relationship", "friend", "--closeness", "2")
    for week in range(5):
        day = (dt.date(2021, 9, 5) + dt.timedelta(weeks=week)).isoformat()
        ipt.ok("checkin", "--date", day, "--mood", "9", "--with", "Sam:+2", "--with", "Alex:+2")
    for week in range(8):
        day = (dt.date(2026, 10, 11) + dt.timedelta(weeks=week)).isoformat()
        sam = ["--with", "Sam:-1"] if week % 2 else []
        ipt.ok("checkin", "--date", day, "--mood", str(4 + week % 3), *sam)
    return ipt


def test_people_and_mood_after_a_gap_takes_every_figure_of_a_row_from_the_compared_days(old_and_new):
    ipt = old_and_new
    data = json.loads(ipt.ok("report", "--since", "2021-09-01", "--json").stdout)
    compared = data["gap"]["compared_from"]
    assert (data["people_since"], data["people_until"]) == (compared, "2026-12-05")
    # What the file holds for those days, read past ipt.
    (times, went, with_, without) = ipt.rows(
        """SELECT count(*), avg(i.quality),
                  avg(c.mood),
                  (SELECT avg(mood) FROM checkins WHERE day >= :from AND id NOT IN
                     (SELECT checkin_id FROM interactions JOIN people p ON p.id = person_id
                      WHERE p.name = 'Sam'))
           FROM interactions i JOIN checkins c ON c.id = i.checkin_id JOIN people p ON p.id = i.person_id
           WHERE p.name = 'Sam' AND c.day >= :from""",
        {"from": compared},
    )[0]
    (sam,) = data["people"]
    assert (sam["interactions"], sam["mean_quality"]) == (times, went) == (4, -1.0)  # not 9, not +0.6
    assert (sam["mood_with"], sam["mood_without"]) == (pytest.approx(with_), pytest.approx(without))
    assert data["people_before_gap"] == ["Alex"]  # seen only in 2021: named, not in a row

    out = ipt.ok("report", "--since", "2021-09-01").stdout
    assert f"People and mood, {compared} to 2026-12-05 (after the gap)" in out
    people = out.split("People and mood, ")[1].split("Went:")[0]
    (row,) = [line for line in people.splitlines() if line.startswith("Sam ")]
    assert row.split()[1:4] == ["1", "4", "-1.0"], row  # ring, times, went: the compared days
    assert f"Seen in this window only before {compared}, so not above: Alex" in flat(out)
    assert f"cover {compared} to 2026-12-05 only" in flat(out)


def test_people_and_mood_without_a_gap_has_no_dates_in_its_heading_and_counts_the_window(ipt):
    course(ipt)
    for week in range(4):
        ipt.ok("checkin", "--date", (dt.date(2026, 10, 11) + dt.timedelta(weeks=week)).isoformat(),
               "--mood", "5", "--with", "Sam:+1")  # fmt: skip
    data = json.loads(ipt.ok("report", "--course", "--json").stdout)
    assert data["people_since"] == "2026-10-10" and data["people_before_gap"] == []
    assert data["people"][0]["interactions"] == ipt.count("interactions") == 4
    out = ipt.ok("report", "--course").stdout
    assert "People and mood\n" in out and "after the gap" not in out


# ------------------------------------------------------------------ 3. wording


def test_one_goal_rating_says_so_and_an_arrow_needs_two(ipt, monkeypatch):
    course(ipt)
    ipt.ok("checkin", "--date", "2026-12-04", "--mood", "6", "--goal", "1:6")
    assert ipt.rows("SELECT rating FROM goal_ratings") == [(6,)]
    report = flat(ipt.ok("report", "--course").stdout)
    assert "#1 Talk calmly with Sam about money (open): 6/10 (one rating so far)" in report
    assert "→" not in report
    assert "6/10 (one rating so far)" in flat(ipt.ok("goals", "show", "1").stdout)
    at(monkeypatch, 40)
    assert "(open, 6/10, one rating so far)" in flat(ipt.ok("course").stdout)

    ipt.ok("checkin", "--date", "2026-12-05", "--mood", "7", "--goal", "1:8")
    assert ipt.rows("SELECT rating FROM goal_ratings ORDER BY id") == [(6,), (8,)]
    monkeypatch.setenv("COLUMNS", "80")
    report = flat(ipt.ok("report", "--course").stdout)
    assert "(open): 6 → 8/10" in report and "one rating" not in report


def test_homework_due_today_says_due_once(ipt, monkeypatch, capsys):
    ipt.ok("homework", "add", "Ask Sam about the budget", "--due", "2026-12-05")
    ipt.ok("homework", "add", "Walk", "--due", "2026-12-12")
    from ipt_journal.render.practice import homework_table

    at(monkeypatch, 40)
    journal = open_journal(ipt.path)
    try:
        homework_table(journal.homework.all(), TODAY)
    finally:
        journal.close()
    out = capsys.readouterr().out
    assert out.startswith("#1 due today (2026-12-05): Ask Sam about")
    assert "due today, due" not in out and out.count("due") == 2  # once for each
    assert "#2 open, due 2026-12-12: Walk" in out
    assert ipt.rows("SELECT due, status FROM homework ORDER BY id") == [
        ("2026-12-05", "open"),
        ("2026-12-12", "open"),
    ]


def test_prep_over_eight_days_compares_the_first_weeks_check_ins_not_first_weeks(ipt):
    for day, mood in (("2026-11-27", 6), ("2026-11-30", 5), ("2026-12-04", 6)):
        ipt.ok("checkin", "--date", day, "--mood", str(mood))
    out = flat(ipt.ok("prep", "--since", "2026-11-27").stdout)
    assert "down 0.5 from the first week's check-ins to the last week's" in out
    assert "first weeks" not in out
    data = json.loads(ipt.ok("prep", "--since", "2026-11-27", "--json").stdout)
    assert (data["mood_trend"], data["trend_weeks"], data["checkins"]) == (-0.5, 1, ipt.count("checkins"))


def test_prep_over_months_names_how_many_weeks_each_side_holds(ipt):
    for week in range(10):
        ipt.ok("checkin", "--date", (dt.date(2026, 9, 28) + dt.timedelta(weeks=week)).isoformat(),
               "--mood", str(3 + week // 3))  # fmt: skip
    out = flat(ipt.ok("prep", "--since", "2026-09-28").stdout)
    assert re.search(r"up \d\.\d from the first 4 weeks to the last 4", out), out


def test_search_help_lists_every_kind_it_accepts(ipt):
    from ipt_journal.store.search import SOURCES

    text = flat(ipt.ok("search", "--help").stdout).replace("- ", "-")
    listed = re.search(r"Only this kind of record \(([^)]*)\)", text).group(1).split(", ")
    assert listed == [source.kind for source in SOURCES]
    assert "incident" in listed


def draw(ipt, which: str) -> None:
    """A list as a terminal shows it (a test's stdout is no terminal: `ipt` would write rows)."""
    from ipt_journal.render import checkins, events, measures, sessions

    journal = open_journal(ipt.path)
    try:
        {
            "checkins": lambda: checkins.checkins_table(journal.checkins.all()),
            "events": lambda: events.events_table(journal.events.between()),
            "measures": lambda: measures.measures_table(journal.measures.all()),
            "sessions": lambda: sessions.sessions_table(journal.sessions.all()),
        }[which]()
    finally:
        journal.close()


@pytest.fixture
def lists(ipt):
    ipt.ok("inventory", "add", "--name", "Sam", "--relationship", "partner")
    ipt.ok("checkin", "--date", "2026-12-01", "--mood", "6", "--with", "Sam:+1", "--tag", "family",
           "--tag", "movies / tv", "--note", "Dinner at the river house")  # fmt: skip
    ipt.ok("event", "add", "--date", "2026-11-01", "--kind", "move", "--person", "Sam",
           "--note", "Moved to a flat across town")  # fmt: skip
    ipt.ok("measure", "phq9", "--answers", "1,1,1,1,1,1,1,1,0", "--difficulty", "1", "--date", "2026-12-01")
    ipt.ok("session", "add", "--date", "2026-12-02", "--with", "Dr Lee",
           "--worked-on", "money talks with Sam and the budget",
           "--agreed", "one calm talk each week at dinner")  # fmt: skip
    return ipt


LEFT_OUT = "Left out at this width: "


@pytest.mark.parametrize(
    "which, columns, pointer",
    [
        ("checkins", 50, "Tags; ipt checkin show ID has everything."),
        ("measures", 50, "Answers, Difficulty; ipt measure history --json has everything."),
        ("sessions", 60, "With, Agreed; ipt session list --json has everything."),
    ],
)
def test_a_list_that_left_columns_out_to_fit_says_which(lists, monkeypatch, capsys, which, columns, pointer):
    for width, said in ((columns, True), (140, False)):
        at(monkeypatch, width)
        draw(lists, which)
        out = flat(capsys.readouterr().out)
        assert "─" in out  # a table either way
        assert (LEFT_OUT + pointer in out) is said, out
        assert (LEFT_OUT in out) is said
    assert [lists.count(table) for table in ("checkins", "measures", "therapy_sessions")] == [1, 1, 1]


def test_at_40_columns_a_check_in_keeps_its_tags_and_an_event_its_note(lists, monkeypatch, capsys):
    at(monkeypatch, 40)
    draw(lists, "checkins")
    checkin = capsys.readouterr().out.splitlines()
    assert checkin[:2] == ["#1 2026-12-01 mood 6 with Sam (+1)", "    #family #movies / tv"], checkin
    draw(lists, "events")
    event = capsys.readouterr().out.splitlines()
    assert event == ["#1 2026-11-01 move with Sam", "    Moved to a flat across town"], event
    assert lists.rows("SELECT tag FROM checkin_tags ORDER BY tag") == [("family",), ("movies / tv",)]
