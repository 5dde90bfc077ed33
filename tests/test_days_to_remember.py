"""Issue 23, point 2, what a trial found left: anniversary and holiday reminders every year
from the date of death, not only a first-year note. The holidays a person names for someone
who died (`--holidays "Christmas 12-25; his birthday 12-09"`) are reminded every year when
near (two weeks, as an anniversary), on the right days with the clock set: 29 February,
the turn of the year, years after the death."""

import datetime as dt
import json
import sqlite3

import pytest
import time_machine

from support import assert_user_error, flat, older_journal

NEAR = (
    "a day you named as one that may be hard without Dad. It can help to plan it ahead, and to tell someone."
)


def on(day: dt.date):
    """The clock at noon of `day` (local time), ticking from there."""
    return time_machine.travel(dt.datetime(day.year, day.month, day.day, 12).astimezone(), tick=True)


def add_dad(ipt, died: str, holidays: str) -> None:
    ipt.ok("inventory", "add", "--name", "Dad", "--relationship", "parent", "--status", "deceased",
           "--died", died, "--holidays", holidays)  # fmt: skip


@pytest.mark.parametrize(
    ("died", "holidays", "today", "words"),
    [
        # Every year, not only the first: Christmas seven years on.
        ("2019-06-01", "Christmas 12-25", "2026-12-11", "Christmas is in 14 days (Friday 25 December)"),
        ("2019-06-01", "Christmas 12-25", "2026-12-10", None),  # 15 days before: not yet
        ("2019-06-01", "Christmas 12-25", "2026-12-24", "Christmas is tomorrow (Friday 25 December)"),
        ("2019-06-01", "Christmas 12-25", "2026-12-25", "Christmas is today (Friday 25 December)"),
        ("2019-06-01", "Christmas 12-25", "2026-12-26", None),  # the day after: gone until next year
        ("2019-06-01", "Christmas 12-25", "2031-12-20", "Christmas is in 5 days (Thursday 25 December)"),
        # The turn of the year: next January's day, seen from December.
        (
            "2025-06-01",
            "New Year's Day 01-01",
            "2026-12-25",
            "New Year's Day is in 7 days (Friday 1 January)",
        ),
        ("2025-06-01", "his birthday 01-03", "2026-12-31", "His birthday is in 3 days (Sunday 3 January)"),
        # 29 February: on the 28th in a year without it, on the 29th in a year with it.
        ("2023-05-01", "our day 02-29", "2026-02-28", "Our day is today (Saturday 28 February)"),
        ("2023-05-01", "our day 02-29", "2026-03-01", None),
        ("2023-05-01", "our day 02-29", "2028-02-28", "Our day is tomorrow (Tuesday 29 February)"),
        ("2023-05-01", "our day 02-29", "2028-02-29", "Our day is today (Tuesday 29 February)"),
        # A day before the death was not yet one without them: next year's is.
        ("2026-12-20", "Christmas 12-25", "2026-12-21", "Christmas is in 4 days (Friday 25 December)"),
        ("2026-12-26", "Christmas 12-25", "2026-12-27", None),
    ],
)
def test_a_named_day_is_reminded_every_year_on_the_right_days(ipt, died, holidays, today, words):
    with on(dt.date.fromisoformat(today)):
        add_dad(ipt, died, holidays)
        home = flat(ipt.ok().stdout)
        data = json.loads(ipt.ok("pathway", "--area", "grief", "--json").stdout)
        screen = flat(ipt.ok("pathway", "--area", "grief").stdout)
    if words is None:
        assert "a day you named" not in home and data["holidays"] == []
        return
    assert f"{words}, {NEAR}" in home
    assert f"{words}, {NEAR}" in screen
    (near,) = data["holidays"]
    assert near["for"] == "Dad"
    assert (dt.date.fromisoformat(near["day"]) - dt.date.fromisoformat(today)).days == near["in_days"] <= 14


def test_the_anniversary_comes_every_year_and_a_holiday_beside_it(ipt):
    """Years after the death, both the anniversary and a day named near it are said."""
    with on(dt.date(2033, 12, 20)):
        add_dad(ipt, "2020-12-28", "Christmas 12-25; his birthday 07-14")
        home = flat(ipt.ok().stdout)
        data = json.loads(ipt.ok("pathway", "--area", "grief", "--json").stdout)
    assert "The anniversary of Dad's death is in 8 days (Wednesday 28 December, 13 years)." in home
    assert f"Christmas is in 5 days (Sunday 25 December), {NEAR}" in home
    assert "His birthday" not in home  # July is far
    assert data["holidays"] == [{"name": "Christmas", "for": "Dad", "day": "2033-12-25", "in_days": 5}]
    assert [a["years"] for a in data["anniversaries"]] == [13]


def test_days_are_kept_tidy_shown_changed_and_cleared(ipt):
    with on(dt.date(2026, 6, 1)):
        add_dad(ipt, "2025-09-20", " Christmas  12-25 ;his birthday 3-4; ")
        assert ipt.rows("SELECT holidays FROM people") == [("Christmas 12-25; his birthday 03-04",)]
        shown = flat(ipt.ok("inventory", "show", "Dad").stdout)
        assert "Days to remember Christmas 12-25; his birthday 03-04" in shown
        ipt.ok("inventory", "edit", "Dad", "--holidays", "Diwali 11-08")
        assert ipt.rows("SELECT holidays FROM people") == [("Diwali 11-08",)]
        ipt.ok("inventory", "edit", "Dad", "--notes", "kind")  # other edits keep them
        assert ipt.rows("SELECT holidays, notes FROM people") == [("Diwali 11-08", "kind")]
        ipt.ok("inventory", "edit", "Dad", "--holidays", "")
        assert ipt.rows("SELECT holidays FROM people") == [(None,)]


@pytest.mark.parametrize(
    ("args", "phrase"),
    [
        (("--status", "deceased", "--holidays", "Christmas 25-12"), "25-12 is not a day of the year (MM-DD)"),
        (("--status", "deceased", "--holidays", "02-30 Leap"), "a name then the month and day"),
        (("--status", "deceased", "--holidays", "Christmas"), "like 'Christmas 12-25'; got 'Christmas'"),
        (
            ("--status", "deceased", "--holidays", "; ".join(f"d{i} 01-{i:02d}" for i in range(1, 14))),
            "Name at most 12 days for one person; got 13",
        ),  # fmt: skip
        (("--status", "deceased", "--holidays", "x" * 61 + " 01-01"), "at most 60 characters"),
        (("--holidays", "Christmas 12-25"), "only apply to someone whose status is deceased"),
    ],
)
def test_bad_days_are_refused_and_nothing_is_written(ipt, args, phrase):
    result = ipt("inventory", "add", "--name", "Dad", "--relationship", "parent", *args)
    assert_user_error(result, phrase)
    assert ipt.count("people") == 0


def test_days_travel_through_export_and_import(ipt, tmp_path):
    with on(dt.date(2026, 12, 20)):
        add_dad(ipt, "2025-09-20", "Christmas 12-25")
        exported = tmp_path / "out.json"
        ipt.ok("export", "--format", "json", "-o", str(exported))
        (person,) = json.loads(exported.read_text())["people"]
        assert person["holidays"] == "Christmas 12-25"
        other = tmp_path / "other" / "journal.db"
        ipt.ok("--db", str(other), "import", str(exported))
        assert ipt.rows_in(other, "SELECT name, holidays FROM people") == [("Dad", "Christmas 12-25")]
        assert "Christmas is in 5 days" in flat(ipt.ok("--db", str(other)).stdout)
        markdown = tmp_path / "journal.md"
        ipt.ok("export", "--format", "markdown", "-o", str(markdown))
        assert "- Days to remember: Christmas 12-25" in markdown.read_text()


def test_an_older_journal_gets_the_place_and_its_course_takes_the_latest_stage(ipt, tmp_path):
    from ipt_journal.store.migrations import migrations

    names = [migration.name for migration in migrations._migrations]
    m020 = names.index("m020_days_to_remember_and_the_dispute_s_stage_now")
    path = older_journal(tmp_path / "old.db", m020)
    conn = sqlite3.connect(path)
    conn.execute(
        "INSERT INTO people (uid, name, relationship, status, problem_area, dispute_stage, created_at, "
        "updated_at) VALUES ('p1', 'Sam', 'partner', 'current', 'role-dispute', 'impasse', 'x', 'x')"
    )
    conn.execute(
        "INSERT INTO courses (uid, started_on, planned_weeks, focus_areas, dispute_person_id, dispute_stage, "
        "created_at, updated_at) VALUES ('c1', '2026-03-04', 12, 'role-dispute', 1, 'impasse', 'x', 'x')"
    )
    for uid, week, stage in [("w1", "2026-03-02", "impasse"), ("w2", "2026-03-16", "renegotiation")]:
        conn.execute(
            "INSERT INTO pathway_weeks (uid, week, dispute_stage, created_at, updated_at) "
            "VALUES (?, ?, ?, 'x', 'x')",
            (uid, week, stage),
        )
    conn.commit()
    conn.close()
    with on(dt.date(2026, 3, 20)):
        assert "The dispute with Sam stands at renegotiation" in flat(ipt.ok("--db", str(path)).stdout)
    assert ipt.rows_in(path, "SELECT dispute_stage FROM courses") == [("renegotiation",)]
    assert ipt.rows_in(path, "SELECT dispute_stage, holidays FROM people") == [("renegotiation", None)]
