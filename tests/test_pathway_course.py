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
        out = flat(ipt.ok("pathway", "week", "--stage", "renegotiation", "--date", "2026-03-10").stdout)
        assert "Your course's dispute stage is now renegotiation, the latest week's." in out
        ipt.ok("pathway", "week", "--stage", "dissolution", "--date", "2026-03-25")
        # A week recorded later for an earlier date does not turn the clock back.
        out = flat(ipt.ok("pathway", "week", "--stage", "impasse", "--date", "2026-03-17").stdout)
        assert "Week of 2026-03-16: stage impasse." in out and "now" not in out
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
            {"week": "2026-03-02", "stage": "impasse"},  # as named when the course began
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


def test_the_stage_named_at_the_start_is_the_first_week_s_and_a_revised_one_this_week_s(ipt):
    with on(WEEK_5):
        dispute_with_sam(ipt)
        assert ipt.rows("SELECT week, dispute_stage FROM pathway_weeks") == [("2026-03-02", "impasse")]
        where = "The dispute with Sam stands at impasse (recorded for the week of 2026-03-02)."
        assert where in flat(ipt.ok().stdout)
        ipt.ok("start", "--revise", "--dispute-stage", "renegotiation")
        assert ipt.rows("SELECT week, dispute_stage FROM pathway_weeks ORDER BY week") == [
            ("2026-03-02", "impasse"),
            ("2026-03-30", "renegotiation"),
        ]
        assert ipt.rows("SELECT dispute_stage FROM courses") == [("renegotiation",)]
        assert "stands at renegotiation (recorded for the week of 2026-03-30)" in flat(ipt.ok().stdout)


def test_a_stage_from_before_any_week_was_recorded_is_the_course_s_own(ipt):
    """A journal from before weekly stages: the course's stage, said as set for the course."""
    with on(WEEK_5):
        dispute_with_sam(ipt)
        ipt.rows("SELECT 1")  # the journal exists
        import sqlite3

        with sqlite3.connect(ipt.path) as conn:
            conn.execute("DELETE FROM pathway_weeks")
        conn.close()
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
        # Marked done by hand (in a group, on paper), it is named in the same words.
        out = flat(ipt.ok("pathway", "done", "therapist", "--date", "2026-03-31").stdout)
        assert "Marked done on 2026-03-31: The pattern with someone new, or someone who helps you." in out


def test_a_course_with_a_therapist_keeps_the_pattern_with_the_therapist(ipt):
    with on(WEEK_5):
        start_course(ipt, "--focus", "interpersonal-deficits")
        ipt.ok("pathway", "done", "past", "--date", "2026-03-10")
        assert "next: The pattern with your therapist, to bring up" in flat(ipt.ok().stdout)
        out = flat(ipt.ok("pathway", "next", *flags_for("therapist-pattern"), "--homework").stdout)
        assert "What to bring up is on your list for the next session (ipt bring list)." in out
        assert ipt.rows("SELECT text FROM bring_items") == [("my bring_up",)]


def test_a_self_guided_course_hears_what_ipt_sessions_do_never_of_its_therapist(ipt):
    with on(WEEK_5):
        start_course(ipt, "--focus", "grief", therapist=False)
        home = flat(ipt.ok().stdout)
        course = flat(ipt.ok("course").stdout)
        data = json.loads(ipt.ok("course", "--json").stdout)
    said = "With an IPT therapist (your course is self-guided), sessions go like this: each one starts"
    assert said in home and said in course
    assert data["in_sessions"].startswith(said)
    assert "In IPT sessions" not in home + course


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


# Point 1: the pathway and the midpoint review in the report and the clinician document -----

MIDPOINT = ("course", "review-midpoint", "--focus-still-right", "partly", "--focus-note", "Sam & me <both>",
            "--next-half", "Talk about the move")  # fmt: skip


def course_with_work(ipt) -> None:
    dispute_with_sam(ipt)
    ipt.ok("pathway", "done", "expectations", "--date", "2026-03-04")
    ipt.ok("pathway", "done", "pattern", "--date", "2026-03-25")
    ipt.ok("pathway", "week", "--stage", "impasse", "--date", "2026-03-03")
    ipt.ok("pathway", "week", "--stage", "renegotiation", "--date", "2026-03-18")
    ipt.ok("pathway", "week", "--stage", "renegotiation", "--date", "2026-03-25")
    ipt.ok(*MIDPOINT)


STEP_STATES = [
    ("1. Each side's expectations, and where the dispute stands", "done 2026-03-04"),
    ("2. Is this a familiar pattern?", "done 2026-03-25"),
    ("3. What is unspoken", "next"),
    ("4. One conversation, looked at closely", "to do"),
    ("5. Rehearse the next conversation", "from the ending phase"),
]
NOW = "The dispute with Sam stands at renegotiation (recorded for the week of 2026-03-23)."


def test_the_report_shows_the_pathway_the_stage_and_the_midpoint_review(ipt):
    with on(WEEK_5):
        course_with_work(ipt)
        text = ipt.ok("report", "--course").stdout
        data = json.loads(ipt.ok("report", "--course", "--json").stdout)
    assert "Role dispute pathway: 2 of 5 steps done." in text
    for title, status in STEP_STATES:
        assert f"  {title}  [{status}]" in text
    assert NOW in flat(text)
    assert "Midpoint review (2026-03-31):" in text
    assert "  Is the focus still the right one: partly" in text
    assert "  About the focus: Sam & me <both>" in text
    assert "  To work on in the second half: Talk about the move" in text
    work = data["course_work"]
    (path,) = work["pathways"]
    assert (path["area"], path["done"], path["next"]) == ("role-dispute", 2, "unspoken")
    assert [(s["title"], s["status"]) for s in path["steps"]] == [(t[3:], s) for t, s in STEP_STATES]
    assert [s["done_on"] for s in path["steps"]] == ["2026-03-04", "2026-03-25", None, None, None]
    assert work["dispute_now"] == {"with": "Sam", "stage": "renegotiation", "week": "2026-03-23"}
    assert work["midpoint"] == {
        "day": "2026-03-31",
        "focus_still_right": "partly",
        "focus_note": "Sam & me <both>",
        "goals_note": None,
        "next_half": "Talk about the move",
    }
    assert data["dispute_stage_by_week"] == [
        {"week": "2026-03-02", "stage": "impasse"},
        {"week": "2026-03-16", "stage": "renegotiation"},
        {"week": "2026-03-23", "stage": "renegotiation"},
    ]


def test_the_clinician_document_has_the_same_figures_in_markdown_and_html(ipt):
    import html

    with on(WEEK_5):
        course_with_work(ipt)
        md = ipt.ok("report", "--course", "--format", "markdown", "-o", "-").stdout
        page = ipt.ok("report", "--course", "--format", "html", "-o", "-").stdout
    start = md.index("## Pathway and midpoint review")
    section = md[start : md.index("\n## ", start)]
    assert "### Role dispute pathway: 2 of 5 steps done" in section
    for title, status in STEP_STATES:
        number, rest = title.split(". ", 1)  # Markdown escapes the number's point
        assert f"| {number}\\. {rest} | {status} |" in section
    assert NOW in section
    # Every week from the first stage to the last, a week without one said so.
    assert "| 2026-03-02 | 1 | impasse |" in section
    assert "| 2026-03-09 | 2 | not recorded |" in section
    assert "| 2026-03-16 | 3 | renegotiation |" in section
    assert "| 2026-03-23 | 4 | renegotiation |" in section
    assert "### Midpoint review (2026-03-31)" in section
    assert "- Is the focus still the right one: partly" in section
    assert "- To work on in the second half: Talk about the move" in section
    # The person's words are escaped in each format, never markup.
    assert "<both>" not in section and "<both>" not in page
    body = html.unescape(page[page.index("<h2>Pathway and midpoint review") :])
    assert "Role dispute pathway: 2 of 5 steps done" in body
    for title, status in STEP_STATES:
        assert f'<th scope="row">{title}</th><td>{status}</td>' in body
    assert NOW in body
    assert '<th scope="row">2026-03-09</th><td class="num">2</td><td>not recorded</td>' in body
    assert "<li>About the focus: Sam & me <both></li>" in body
    # Page one names the same current stage.
    assert "role dispute with Sam (renegotiation)" in md


def test_no_course_no_section_and_no_midpoint_no_heading(ipt):
    with on(WEEK_5):
        ipt.ok("checkin", "--mood", "5")
        md = ipt.ok("report", "--format", "markdown", "-o", "-").stdout
        assert "Pathway and midpoint review" not in md
        assert json.loads(ipt.ok("report", "--json").stdout)["course_work"] == {
            "pathways": [],
            "dispute_now": None,
            "midpoint": None,
        }
        start_course(ipt, "--focus", "grief")
        md = ipt.ok("report", "--course", "--format", "markdown", "-o", "-").stdout
    assert "### Grief pathway: 0 of 4 steps done" in md
    assert "Midpoint review" not in md and "The role dispute's stage" not in md
