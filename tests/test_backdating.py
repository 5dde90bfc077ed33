"""Back-dating what happened on another day (issue 24, point 5): an exercise done last week,
homework done or let go on the day it was, asked in a terminal when it was not today."""

import datetime as dt

from exercise_flags import flags_for
from support import assert_user_error
from terminal import ENTER, Terminal, rows


def test_an_exercise_keeps_the_day_it_was_done(people):
    people.ok(
        "exercise", "start", "i-statement", "--date", "2026-03-02", "--with", "Sam", "--no-homework",
        *flags_for("i-statement"),
    )  # fmt: skip
    assert people.rows("SELECT kind, day FROM exercises") == [("i-statement", "2026-03-02")]


def test_an_exercise_on_a_day_still_to_come_is_refused_before_anything(people):
    far = (dt.date.today() + dt.timedelta(days=3)).isoformat()
    assert_user_error(people("exercise", "start", "i-statement", "--date", far), "in the future")
    assert people.count("exercises") == 0


def test_homework_done_and_skipped_on_the_day_they_were(people):
    people.ok("homework", "add", "Ask Sam about the weekend", "--due", "2026-03-09")
    people.ok("homework", "add", "Call Jo", "--due", "2026-03-09")
    result = people.ok("homework", "done", "1", "--date", "2026-03-06", "--outcome", "He listened")
    assert "Homework #1 done on 2026-03-06." in result.stdout
    people.ok("homework", "skip", "2", "--date", "2026-03-07")
    assert people.rows("SELECT status, closed_on, outcome FROM homework ORDER BY id") == [
        ("done", "2026-03-06", "He listened"),
        ("skipped", "2026-03-07", None),
    ]
    assert_user_error(people("homework", "done", "1", "--date", "someday"), "The date must be a real day")


def test_the_homework_wizard_asks_the_day(people):
    people.ok("homework", "add", "Ask Sam about the weekend", "--due", "2026-03-09")
    term = Terminal(people.path, "homework", "done", "1")
    term.at("Which day did you do it?").keys(*["\x7f"] * 5).type("2026-03-05")
    term.at("How did it go?").type("Went well")
    term.answer("How much did it help?", "4", ENTER)
    code, output = term.finish()
    assert code == 0, output
    assert "done on 2026-03-05" in output
    assert rows(people.path, "SELECT closed_on, outcome, helpful FROM homework") == [
        ("2026-03-05", "Went well", 4)
    ]
