"""IPT's own names beside the plain ones, and what happens in the sessions of each phase
(issue 23, point 6; Weissman, Markowitz & Klerman 2018)."""

import datetime as dt
import json

import pytest

from ipt_journal.clinical.course import IN_SESSIONS, PHASES
from ipt_journal.clinical.vocab import ProblemArea
from support import flat

DEFICITS = "loneliness and social isolation (interpersonal deficits)"


def weeks_ago(weeks: int) -> str:
    return (dt.date.today() - dt.timedelta(weeks=weeks)).isoformat()


def test_the_plain_name_carries_ipts_name_beside_it():
    assert ProblemArea.interpersonal_deficits.label == DEFICITS
    # Where the plain words are IPT's own, they stand alone.
    assert [ProblemArea.grief.label, ProblemArea.role_dispute.label, ProblemArea.role_transition.label] == [
        "grief",
        "role dispute",
        "role transition",
    ]


def test_the_course_and_the_inventory_show_both_names(ipt):
    out = flat(
        ipt.ok(
            "start", "--start-date", weeks_ago(1), "--weeks", "12", "--focus", "interpersonal-deficits"
        ).stdout
    )
    assert f"focus: {DEFICITS}." in out
    assert f"Focus: {DEFICITS}." in flat(ipt.ok("course").stdout)
    ipt.ok(
        "inventory",
        "add",
        "--name",
        "Ana",
        "--relationship",
        "friend",
        "--problem-area",
        "interpersonal-deficits",
    )
    assert DEFICITS in flat(ipt.ok("inventory", "show", "Ana").stdout)
    assert ipt.rows("SELECT focus_areas FROM courses") == [("interpersonal-deficits",)]


def test_the_exercise_for_the_area_is_named_both_ways(ipt):
    assert "Loneliness and social isolation (interpersonal deficits)" in flat(
        ipt.ok("exercise", "list").stdout
    )


def test_every_phase_says_what_happens_in_the_sessions_apart_from_what_you_do():
    assert set(IN_SESSIONS) == set(PHASES)
    for phase, line in IN_SESSIONS.items():
        assert line != PHASES[phase] and "session" in line.lower()
    assert "interpersonal inventory" in IN_SESSIONS["initial"]
    assert "how you have been since the last" in IN_SESSIONS["middle"]
    assert "warning signs" in IN_SESSIONS["termination"]


@pytest.mark.parametrize(("started", "phase"), [(0, "initial"), (5, "middle"), (11, "termination")])
def test_ipt_course_and_the_dashboard_say_what_happens_in_the_sessions(ipt, started, phase):
    ipt.ok("start", "--start-date", weeks_ago(started), "--weeks", "12", "--focus", "grief")
    data = json.loads(ipt.ok("course", "--json").stdout)
    assert (data["phase"], data["in_sessions"]) == (phase, IN_SESSIONS[phase])
    assert flat(IN_SESSIONS[phase]) in flat(ipt.ok("course").stdout)
    assert flat(IN_SESSIONS[phase]) in flat(ipt.ok().stdout)


def test_after_the_course_ends_the_dashboard_drops_the_sessions_line(ipt):
    ipt.ok("start", "--start-date", weeks_ago(13), "--weeks", "12", "--focus", "grief")
    ipt.ok("course", "end")
    assert "In IPT sessions" not in flat(ipt.ok().stdout)
    assert json.loads(ipt.ok("course", "--json").stdout)["in_sessions"] == IN_SESSIONS["maintenance"]
