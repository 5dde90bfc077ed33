"""Issue 23, what a trial found left: the role dispute's stage recorded week by week is the
course's current stage everywhere; a self-guided course's pathway never assumes a therapist;
the clinician document carries the pathway; course weeks said once in words."""

import datetime as dt
import json

import time_machine

from exercise_flags import flags_for
from support import flat

START = "2026-03-02"  # a Monday; a 12-week course
WEEK_5 = dt.date(2026, 3, 31)


def on(day: dt.date):
    """The clock at noon of `day` (local time), ticking from there."""
    return time_machine.travel(dt.datetime(day.year, day.month, day.day, 12).astimezone(), tick=True)


def start_course(ipt, *extra: str, therapist: bool = True) -> None:
    ipt.ok(
        "start", "--weeks", "12", "--start-date", START, "--therapist" if therapist else "--no-therapist",
        "--phq9", "1,1,1,1,1,1,1,1,0", "--goal", "Feel closer to people", *extra,
    )  # fmt: skip


def dispute_with_sam(ipt) -> None:
    ipt.ok(
        "inventory", "add", "--name", "Sam", "--relationship", "partner", "--closeness", "1",
        "--problem-area", "role-dispute", "--dispute-stage", "impasse",
    )  # fmt: skip
    start_course(ipt, "--focus", "role-dispute", "--dispute-with", "Sam", "--dispute-stage", "impasse")


# Point 4: the weekly stage is the course's stage ---------------------------------------------


def test_the_latest_week_s_stage_is_the_course_s_stage_on_every_screen(ipt):
    with on(WEEK_5):
        dispute_with_sam(ipt)
        ipt.ok("pathway", "week", "--stage", "renegotiation", "--date", "2026-03-10")
        ipt.ok("pathway", "week", "--stage", "dissolution", "--date", "2026-03-25")
        # A week recorded later for an earlier date does not turn the clock back.
        ipt.ok("pathway", "week", "--stage", "impasse", "--date", "2026-03-17")
        assert ipt.rows("SELECT dispute_stage FROM courses") == [("dissolution",)]
        assert ipt.rows("SELECT name, dispute_stage FROM people") == [("Sam", "dissolution")]
        where = "The dispute with Sam stands at dissolution (recorded for the week of 2026-03-23)."
        assert where in flat(ipt.ok().stdout)
        assert where in flat(ipt.ok("prep").stdout)
        assert json.loads(ipt.ok("prep", "--json").stdout)["dispute"] == {
            "with": "Sam",
            "stage": "dissolution",
            "week": "2026-03-23",
        }
        assert "Focus: role dispute with Sam (dissolution)." in flat(ipt.ok("course").stdout)
        # The line over the course keeps every week's stage, the older ones too.
        assert json.loads(ipt.ok("pathway", "--json").stdout)["dispute_stage_by_week"] == [
            {"week": "2026-03-09", "stage": "renegotiation"},
            {"week": "2026-03-16", "stage": "impasse"},
            {"week": "2026-03-23", "stage": "dissolution"},
        ]
        # Recording the newest week again moves the course's stage with it.
        ipt.ok("pathway", "week", "--stage", "renegotiation", "--date", "2026-03-31")
        assert ipt.rows("SELECT dispute_stage FROM courses") == [("renegotiation",)]


def test_a_role_dispute_exercise_s_stage_moves_the_course_s_stage(ipt):
    with on(WEEK_5):
        dispute_with_sam(ipt)
        answers = [*flags_for("role-dispute", skip=("stage",)), "--answer", "stage=renegotiation"]
        ipt.ok("exercise", "start", "role-dispute", "--with", "Sam", *answers, "--no-homework")
        assert ipt.rows("SELECT dispute_stage FROM courses") == [("renegotiation",)]
        assert "stands at renegotiation (recorded for the week of 2026-03-30)" in flat(ipt.ok().stdout)


def test_without_a_week_recorded_the_stage_is_the_course_s_own(ipt):
    with on(WEEK_5):
        dispute_with_sam(ipt)
        assert "The dispute with Sam stands at impasse (as set for the course)." in flat(ipt.ok().stdout)


def test_a_stage_recorded_before_the_course_began_or_without_a_dispute_focus_changes_no_course(ipt):
    with on(WEEK_5):
        ipt.ok("inventory", "add", "--name", "Sam", "--relationship", "partner")
        start_course(ipt, "--focus", "role-transition")
        ipt.ok("pathway", "week", "--stage", "impasse", "--date", "2026-03-10")
        assert ipt.rows("SELECT dispute_stage FROM courses") == [(None,)]
        assert "stands at" not in flat(ipt.ok().stdout)
        assert json.loads(ipt.ok("prep", "--json").stdout)["dispute"] is None


# Point 3: a self-guided course -------------------------------------------------------------


def test_a_self_guided_course_s_isolation_pathway_never_assumes_a_therapist(ipt):
    with on(WEEK_5):
        start_course(ipt, "--focus", "interpersonal-deficits", therapist=False)
        ipt.ok("pathway", "done", "past", "--date", "2026-03-10")
        home = flat(ipt.ok().stdout)
        assert "next: The pattern with someone new, or someone who helps you (ipt pathway next)" in home
        data = json.loads(ipt.ok("pathway", "--json").stdout)
        (therapist_step,) = [s for s in data["pathways"][0]["steps"] if s["step"] == "therapist"]
        assert (therapist_step["title"], therapist_step["exercise"]) == (
            "The pattern with someone new, or someone who helps you",
            "new-pattern",
        )
        shown = ipt.ok("pathway").stdout
        assert "therapist" not in shown.lower()
        out = flat(ipt.ok("pathway", "next", *flags_for("new-pattern"), "--homework").stdout)
        assert "Saved Loneliness and isolation: the pattern in new relationships" in out
        assert "bring up" not in out and "next session" not in out
        # Its plan is something to try, so it becomes homework; nothing goes on a session's list.
        assert ipt.rows("SELECT text FROM homework") == [("my try_next",)]
        assert ipt.count("bring_items") == 0
        assert ipt.rows("SELECT area, step FROM pathway_steps ORDER BY id") == [
            ("interpersonal-deficits", "past"),
            ("interpersonal-deficits", "therapist"),
        ]
        assert json.loads(ipt.ok("pathway", "--json").stdout)["pathways"][0]["next"] == "contact"


def test_a_course_with_a_therapist_keeps_the_pattern_with_the_therapist(ipt):
    with on(WEEK_5):
        start_course(ipt, "--focus", "interpersonal-deficits")
        ipt.ok("pathway", "done", "past", "--date", "2026-03-10")
        assert "next: The pattern with your therapist, to bring up" in flat(ipt.ok().stdout)
        out = flat(ipt.ok("pathway", "next", *flags_for("therapist-pattern"), "--homework").stdout)
        assert "What to bring up is on your list for the next session (ipt bring list)." in out
        assert ipt.rows("SELECT text FROM bring_items") == [("my bring_up",)]


def test_either_wording_s_exercise_counts_for_the_step(ipt):
    """A person who moves from self-guided to a therapist keeps the step they did."""
    with on(WEEK_5):
        start_course(ipt, "--focus", "interpersonal-deficits", therapist=False)
        ipt.ok("exercise", "start", "new-pattern", *flags_for("new-pattern"), "--no-homework")
        ipt.ok("exercise", "start", "therapist-pattern", "--pathway", "interpersonal-deficits",
               *flags_for("therapist-pattern"))  # fmt: skip
        assert ipt.rows("SELECT step FROM pathway_steps ORDER BY id") == [("therapist",), ("therapist",)]


# Point 5: a course week said once ----------------------------------------------------------


def test_a_week_past_the_plan_is_said_once_in_a_narrow_report(ipt, monkeypatch):
    with on(dt.date(2026, 6, 10)):  # week 15 of a planned 12
        start_course(ipt)
        ipt.ok("checkin", "--mood", "5", "--date", "2026-06-09")
        monkeypatch.setenv("COLUMNS", "30")
        text = flat(ipt.ok("report").stdout)
    assert "2026-W24 (week 15, past the planned 12): mood 5.0" in text
    assert "(planned 12))" not in text
