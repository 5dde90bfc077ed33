"""`ipt course end` (issue 24, point 9): it asks what becomes of each open goal (done, keep,
drop; --done, --keep and --drop outside a terminal) and suggests the review only when none
was written for this course."""

import json

import pytest

from support import assert_user_error, flat
from terminal import DOWN, ENTER, Terminal

START = "2026-01-08"
END = "2026-04-01"


@pytest.fixture
def goals(ipt):
    """A course from START with three open goals (#1-#3) and one already done (#4)."""
    ipt.ok(
        "start", "--start-date", START, "--weeks", "12", "--goal", "Call Jo weekly", "--goal", "Sleep by 11"
    )
    ipt.ok("goals", "add", "Join the choir")
    ipt.ok("goals", "add", "Tell Sam about the money")
    ipt.ok("goals", "done", "4")
    return ipt


def statuses(ipt) -> list[tuple]:
    return ipt.rows("SELECT id, status, closed_on FROM goals ORDER BY id")


def test_flags_mark_each_open_goal_in_one_go_with_the_end(goals):
    done_on = goals.rows("SELECT closed_on FROM goals WHERE id = 4")[0][0]
    out = flat(
        goals.ok("course", "end", "--date", END, "--done", "1", "--drop", "#3", "--keep", "all").stdout
    )
    assert goals.rows("SELECT ended_on FROM courses") == [(END,)]
    assert statuses(goals) == [(1, "done", END), (2, "open", None), (3, "dropped", END), (4, "done", done_on)]
    assert goals.rows("SELECT goal_id, status FROM goal_history WHERE status != 'open' ORDER BY id")[-2:] == [
        (1, "done"),
        (3, "dropped"),
    ]
    assert "Marked done: goal #1. Kept open: goal #2. Let go (kept in your history): goal #3." in out


def test_outside_a_terminal_open_goals_need_a_flag_and_nothing_is_written(goals):
    result = goals("course", "end", "--date", END, "--done", "1")
    assert_user_error(
        result, "what becomes of your open goals #2, #3: --done, --keep or --drop", "ipt course end --done 2"
    )
    assert goals.rows("SELECT ended_on FROM courses") == [(None,)]
    assert [status for _, status, _ in statuses(goals)] == ["open", "open", "open", "done"]


def test_without_open_goals_the_course_simply_ends(ipt):
    ipt.ok("start", "--start-date", START, "--weeks", "12")
    out = flat(ipt.ok("course", "end", "--date", END).stdout)
    assert f"Your course ended on {END}." in out and "goal" not in out
    assert ipt.rows("SELECT ended_on FROM courses") == [(END,)]


@pytest.mark.parametrize(
    ("flags", "message"),
    [
        (["--done", "9"], "There is no open goal #9 (--done)"),
        (["--drop", "4"], "There is no open goal #4 (--drop)"),  # already done
        (["--done", "1", "--drop", "1", "--keep", "all"], "Goal #1 was given two ways"),
        (["--done", "all", "--drop", "all"], "'all' can follow only one of --done, --keep and --drop"),
        (["--keep", "the first"], "--keep takes a goal's id (a number) or 'all', got 'the first'"),
        (["--keep", "all", "--date", "soon"], "--date"),
    ],
)
def test_bad_goal_flags_are_refused_before_anything_is_written(goals, flags, message):
    assert_user_error(goals("course", "end", *flags), message)
    assert goals.rows("SELECT ended_on FROM courses") == [(None,)]


def test_the_review_is_suggested_only_when_none_was_written_for_this_course(ipt):
    ipt.ok("start", "--start-date", "2025-01-06", "--weeks", "12")
    ipt.ok("review", "--date", "2025-03-31", "--what-helped", "Walking")  # the first course's
    ipt.ok("course", "end", "--date", "2025-04-01")
    ipt.ok("start", "--start-date", START, "--weeks", "12")
    first = flat(ipt.ok("course", "end", "--date", END).stdout)
    assert "Look back on it with: ipt review" in first  # the earlier course's review is not this one's
    ipt.ok("start", "--start-date", "2026-04-06", "--weeks", "12")
    ipt.ok("review", "--date", "2026-06-25", "--what-changed", "Sleep")
    second = flat(ipt.ok("course", "end", "--date", "2026-06-29").stdout)
    assert "You wrote your review on 2026-06-25; read it again with: ipt review --show" in second
    assert "Look back on it with" not in second
    assert ipt.rows("SELECT count(*) FROM reviews") == [(2,)]


def test_the_wizard_asks_about_each_open_goal_not_given_as_a_flag(goals):
    term = Terminal(goals.path, "course", "end", "--date", END, "--drop", "3")
    term.answer("Goal #1: Call Jo weekly. What becomes of it now the course ends?", ENTER)  # done
    term.answer("Goal #2: Sleep by 11. What becomes of it now the course ends?", DOWN, ENTER)  # keep
    term.shows("Kept open: goal #2.")
    code, output = term.finish()
    assert code == 0, output
    assert goals.rows("SELECT ended_on FROM courses") == [(END,)]
    assert [status for _, status, _ in statuses(goals)] == ["done", "open", "dropped", "done"]


def test_ctrl_c_at_the_goals_question_saves_nothing(goals):
    term = Terminal(goals.path, "course", "end", "--date", END)
    term.answer("Goal #1: Call Jo weekly. What becomes of it", DOWN, ENTER)
    term.answer("Goal #2: Sleep by 11.", "\x03")
    code, _ = term.finish()
    assert code != 0
    assert goals.rows("SELECT ended_on FROM courses") == [(None,)]
    assert [status for _, status, _ in statuses(goals)] == ["open", "open", "open", "done"]


def test_the_dashboard_suggests_the_review_of_a_second_course_an_earlier_review_does_not_stand_for(ipt):
    ipt.ok("start", "--start-date", "2025-01-06", "--weeks", "12")
    ipt.ok("review", "--date", "2025-03-31", "--what-helped", "Walking")
    ipt.ok("course", "end", "--date", "2025-04-01")
    ipt.ok("start", "--start-date", "2025-06-02", "--weeks", "12")
    ipt.ok("checkin", "--mood", "6")  # a check-in today: the next step is not a check-in
    for scale, answers in (("phq9", "0,0,0,0,0,0,0,0,0"), ("gad7", "0,0,0,0,0,0,0")):
        ipt.ok("measure", scale, "--answers", answers)
    out = flat(ipt.ok().stdout)
    assert "Next: ipt review (to look back on what changed as the course ends)" in out
    assert json.loads(ipt.ok("review", "--json").stdout)["review"] is None  # not the first course's
    assert ipt.rows("SELECT day FROM reviews") == [("2025-03-31",)]


def test_ending_an_ended_course_again_is_refused_and_changes_nothing(ipt):
    ipt.ok("start", "--weeks", "12", "--start-date", "2026-01-05", "--goal", "Talk calmly")
    ipt.ok("course", "end", "--date", "2026-03-30", "--keep", "all")
    result = ipt("course", "end", "--date", "2026-04-06", "--keep", "all")
    assert_user_error(result, "Your course already ended on 2026-03-30. Nothing was changed.", "ipt start")
    assert ipt.rows("SELECT ended_on FROM courses") == [("2026-03-30",)]
    assert ipt.rows("SELECT status FROM goals") == [("open",)]
