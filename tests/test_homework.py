"""Homework between sessions: due, overdue, done, skipped, and the figures in the report."""

import datetime as dt
import json

from support import assert_user_error, flat

TODAY = dt.date.today()


def day(offset: int) -> str:
    return (TODAY + dt.timedelta(days=offset)).isoformat()


def test_add_defaults_to_a_week_and_links_a_person(people):
    assert (
        f"due {day(7)}" in people.ok("homework", "add", "Ask Sam about the weekend", "--with", "sam").stdout
    )
    assert people.rows("SELECT text, due, status FROM homework") == [
        ("Ask Sam about the weekend", day(7), "open")
    ]
    assert people.rows("SELECT p.name FROM homework h JOIN people p ON p.id = h.person_id") == [("Sam",)]
    assert_user_error(people("homework", "add", "x", "--with", "Sma"), "Did you mean Sam?")
    assert_user_error(people("homework", "add", "x", "--due", "soon"), "--due must be a real day")


def test_due_and_overdue_across_dates(people):
    people.ok("homework", "add", "Yesterday's", "--due", day(-1))
    people.ok("homework", "add", "Today's", "--due", day(0))
    people.ok("homework", "add", "Next week's", "--due", day(7))
    items = json.loads(people.ok("homework", "list", "--json").stdout)
    assert [(i["text"], i["overdue"]) for i in items] == [
        ("Yesterday's", True),
        ("Today's", False),
        ("Next week's", False),
    ]
    lines = [line for line in people.ok("homework", "list").stdout.splitlines() if "'s" in line]
    assert "OVERDUE" in lines[0] and "due today" in lines[1] and "open" in lines[2]
    out = flat(people.ok().stdout)
    assert "Homework due: 2." in out


def test_done_and_skip_close_it_once(people):
    people.ok("homework", "add", "Try an I-statement")
    people.ok("homework", "add", "Call Mum")
    people.ok("homework", "done", "1", "--outcome", "It went better than I feared", "--helpful", "4")
    people.ok("homework", "skip", "2")
    assert people.rows("SELECT status, outcome, helpful, closed_on FROM homework ORDER BY id") == [
        ("done", "It went better than I feared", 4, day(0)),
        ("skipped", None, None, day(0)),
    ]
    assert_user_error(people("homework", "done", "1"), "already done")
    assert_user_error(people("homework", "done", "9"), "There is no homework #9.")
    assert_user_error(people("homework", "done", "2", "--helpful", "7"), "got 7")
    assert "No homework" in people.ok("homework", "list").stdout
    assert len(json.loads(people.ok("homework", "list", "--all", "--json").stdout)) == 2


def test_report_counts_homework_against_a_hand_computed_example(people):
    people.ok("checkin", "--mood", "5")
    for text, due in (("a", day(-3)), ("b", day(-2)), ("c", day(3)), ("d", day(-1))):
        people.ok("homework", "add", text, "--due", due)
    people.ok("homework", "done", "1")
    people.ok("homework", "skip", "4")
    # 4 set; a done, d skipped; b overdue; c not yet due.
    data = json.loads(people.ok("report", "--json").stdout)
    assert data["homework"] == {"assigned": 4, "done": 1, "skipped": 1, "overdue": 1}
    assert "Homework set in this window: 4; done 1, skipped 1, overdue 1." in flat(people.ok("report").stdout)
