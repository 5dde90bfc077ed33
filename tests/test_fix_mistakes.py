"""Fixing mistakes: questionnaires corrected or deleted, homework closed with how it went,
an ended course that cannot be revised or extended, safety-plan removals confirmed, and
"did you mean" for commands and values."""

import json

import pytest

from support import assert_user_error, flat
from terminal import DOWN, ENTER, Terminal


def test_measure_edit_corrects_the_day_and_answers_and_the_total(people):
    people.ok("measure", "gad7", "--date", "2026-03-02", "--answers", "1,1,1,1,1,1,1")
    out = people.ok("measure", "edit", "1", "--date", "2026-03-01").stdout
    assert "Updated questionnaire #1." in out
    people.ok("measure", "edit", "1", "--answers", "3,3,3,0,0,0,0")
    assert people.rows("SELECT day, answers, total FROM measures") == [
        ("2026-03-01", "[3, 3, 3, 0, 0, 0, 0]", 9)
    ]


def test_measure_edit_refuses_bad_values_and_keeps_the_old_ones(people):
    people.ok("measure", "gad7", "--date", "2026-03-02", "--answers", "1,1,1,1,1,1,1")
    assert_user_error(people("measure", "edit", "1", "--answers", "1,1"), "7 answers")
    assert_user_error(people("measure", "edit", "1", "--date", "tomorrow"), "in the future")
    assert_user_error(people("measure", "edit", "1"), "Missing --answers, --date or --difficulty")
    assert_user_error(people("measure", "edit", "9", "--date", "today"), "There is no questionnaire #9.")
    assert people.rows("SELECT day, total FROM measures") == [("2026-03-02", 7)]


def test_measure_edit_to_item_9_above_zero_shows_crisis_help(people):
    people.ok("measure", "phq9", "--answers", "0,0,0,0,0,0,0,0,0")
    out = flat(people.ok("measure", "edit", "1", "--answers", "0,0,0,0,0,0,0,0,1").stdout)
    assert "ipt crisis" in out


def test_measure_delete_asks_for_yes_and_deletes(people):
    people.ok("measure", "gad7", "--answers", "1,1,1,1,1,1,1")
    assert_user_error(people("measure", "delete", "1"), "--yes")
    assert people.count("measures") == 1
    assert "Deleted questionnaire #1." in people.ok("measure", "delete", "1", "--yes").stdout
    assert people.count("measures") == 0
    assert_user_error(people("measure", "delete", "1", "--yes"), "There is no questionnaire #1.")


def test_homework_done_asks_how_it_went_in_a_terminal(people, journal_path):
    people.ok("homework", "add", "Ask Sam about the weekend")
    term = Terminal(journal_path, "homework", "done", "1")
    term.at("Which day did you do it?").type("")  # today, pre-filled
    term.at("How did it go?").type("Better than I feared")
    term.answer("How much did it help?", DOWN, DOWN, DOWN, ENTER)
    code, output = term.finish()
    assert code == 0, output
    assert people.rows("SELECT status, outcome, helpful FROM homework") == [
        ("done", "Better than I feared", 3)
    ]  # after "skip", 1, 2


def test_an_ended_course_is_neither_revised_nor_extended(people):
    people.ok("start", "--start-date", "2026-01-05", "--weeks", "12")
    people.ok("course", "end", "--date", "2026-03-30")
    assert_user_error(
        people("start", "--revise", "--weeks", "16"),
        "ended on 2026-03-30",
        "Start a new course with: ipt start",
    )
    assert_user_error(people("course", "extend", "4"), "ended on 2026-03-30", "ipt start")
    assert people.rows("SELECT count(*), max(planned_weeks) FROM courses") == [(1, 12)]


def test_revise_without_a_course_points_to_start(ipt):
    assert_user_error(ipt("start", "--revise", "--weeks", "16"), "none to revise", "ipt start")
    assert ipt.count("courses") == 0


def test_safety_plan_remove_confirms(people, journal_path):
    people.ok("safety-plan", "add", "2", "--text", "a hot shower")
    assert_user_error(people("safety-plan", "remove", "1"), "--yes")
    term = Terminal(journal_path, "safety-plan", "remove", "1")
    term.at("#1: a hot shower")
    term.at("Remove entry #1 from your safety plan?").type("n")
    code, output = term.finish()
    assert code == 0 and "Nothing was removed." in output
    assert people.count("safety_plan_items") == 1
    people.ok("safety-plan", "remove", "1", "--yes")
    assert people.count("safety_plan_items") == 0


@pytest.mark.parametrize(
    "args, hint",
    [
        (["chekin"], "Did you mean 'checkin'?"),
        (["serch", "x"], "Did you mean 'search'?"),
        (["cope", "log", "walk"], "Did you mean 'short-walk'?"),
        (["config", "set", "country", "United Kingdon"], "Did you mean GB (United Kingdom)?"),
        (["config", "set", "country", "englnd"], "Did you mean GB"),
        (["measure", "history", "--scale", "phq"], "Did you mean 'phq9'?"),
        (["search", "x", "--kind", "checkin"], "Did you mean 'check-in'?"),
    ],
)
def test_did_you_mean_for_commands_and_values(people, args, hint):
    result = people(*args)
    assert result.exit_code == 2 and hint in result.stderr, result.stderr


def test_measure_history_limit_and_days(people):
    for day in ("2026-01-05", "2026-02-02", "2026-03-02"):
        people.ok("measure", "gad7", "--date", day, "--answers", "1,1,1,1,1,1,1")
    data = json.loads(people.ok("measure", "history", "--limit", "2", "--json").stdout)
    assert [m["day"] for m in data] == ["2026-02-02", "2026-03-02"]
    data = json.loads(people.ok("measure", "history", "--until", "2026-02-02", "--json").stdout)
    assert [m["day"] for m in data] == ["2026-01-05", "2026-02-02"]


def test_own_coping_strategies_are_added_logged_listed_and_removed(people):
    out = people.ok("cope", "add", "Cold water on my face", "--how", "Splash it, slowly.").stdout
    assert "Added your strategy Cold water on my face (cold-water-on-my-face)" in out
    assert "Cold water on my face  (cold-water-on-my-face)" in people.ok("cope").stdout
    people.ok("cope", "log", "cold-water-on-my-face", "--helpful", "4")
    assert_user_error(people("cope", "log", "cold-water"), "Did you mean 'cold-water-on-my-face'?")
    assert_user_error(people("cope", "add", "Short walk"), "one of ipt's own strategies")
    assert_user_error(people("cope", "add", "Cold water on my face"), "already have a strategy")
    assert_user_error(people("cope", "remove", "short-walk", "--yes"), "only your own can be removed")
    assert_user_error(people("cope", "remove", "cold-water-on-my-face"), "--yes")
    people.ok("cope", "remove", "cold-water-on-my-face", "--yes")
    assert people.count("coping_strategies") == 0
    assert people.rows("SELECT strategy, helpful FROM coping_log") == [("cold-water-on-my-face", 4)]


def test_own_strategies_travel_in_exports(people, tmp_path):
    people.ok("cope", "add", "Stretch", "--key", "stretch")
    people.ok("cope", "log", "stretch")
    export = tmp_path / "out.json"
    people.ok("export", "-o", str(export))
    data = json.loads(export.read_text())
    assert [s["key"] for s in data["strategies"]] == ["stretch"]
    other = tmp_path / "other.db"
    people.ok("--db", str(other), "import", str(export))
    assert people.rows_in(other, "SELECT key, name FROM coping_strategies") == [("stretch", "Stretch")]
    assert people.rows_in(other, "SELECT strategy FROM coping_log") == [("stretch",)]


def test_inventory_and_goals_lists_take_a_limit(people):
    assert [
        p["name"] for p in json.loads(people.ok("inventory", "list", "--limit", "2", "--json").stdout)
    ] == [
        "Jo",
        "Sam",
    ]
    people.ok("start", "--goal", "One", "--goal", "Two")
    assert len(json.loads(people.ok("goals", "list", "-n", "1", "--json").stdout)) == 1
