"""The IPT course: start, phases, goals, review, and how they show in the dashboard and report."""

import datetime as dt
import json

import pytest

from ipt_journal.clinical.course import phase_for, position
from support import assert_user_error, flat

TODAY = dt.date.today()


def weeks_ago(weeks: int) -> str:
    return (TODAY - dt.timedelta(weeks=weeks)).isoformat()


@pytest.mark.parametrize(
    ("planned", "phases"),
    [
        (12, ["initial"] * 3 + ["middle"] * 6 + ["termination"] * 3),
        (16, ["initial"] * 3 + ["middle"] * 9 + ["termination"] * 4),
        # A short course keeps a real middle: the ending scales with the course.
        (8, ["initial"] * 2 + ["middle"] * 4 + ["termination"] * 2),
        (20, ["initial"] * 3 + ["middle"] * 13 + ["termination"] * 4),
    ],
)
def test_phase_for_every_week_and_after_the_end(planned, phases):
    assert [phase_for(week, planned) for week in range(1, planned + 1)] == phases
    assert phase_for(planned + 1, planned) == "maintenance"
    assert phase_for(planned + 30, planned) == "maintenance"


def test_position_counts_weeks_from_the_start_day():
    start = dt.date(2026, 1, 5)
    assert position("2026-01-05", 12, None, start).week == 1
    assert position("2026-01-05", 12, None, start + dt.timedelta(days=6)).week == 1
    assert position("2026-01-05", 12, None, start + dt.timedelta(days=7)).week == 2
    assert position("2026-01-05", 12, "2026-02-01", start + dt.timedelta(days=30)).phase == "maintenance"


START = [
    "start",
    "--start-date",
    "2026-01-05",
    "--weeks",
    "12",
    "--background",
    "Moved city in spring",
    "--reason",
    "Low since the move",
    "--therapist",
    "--focus",
    "role-transition",
    "--focus",
    "role-dispute",
    "--dispute-with",
    "sam",
    "--dispute-stage",
    "impasse",
    "--goal",
    "Call Sam without shouting",
    "--goal",
    "Join a club",
    "--phq9",
    "2,2,2,2,2,2,2,2,0",
    "--gad7",
    "1,1,1,1,1,1,1",
]


def test_start_by_flags_saves_course_baseline_and_goals_together(people):
    out = flat(people.ok(*START).stdout)
    assert (
        "Started your course: 12 weekly sessions from 2026-01-05; focus: role transition and role dispute."
        in out
    )
    assert "Your PHQ-9 score is 16 of 27, in the moderately severe range" in out
    assert people.rows(
        "SELECT started_on, planned_weeks, background, with_therapist, focus_areas, dispute_stage "
        "FROM courses"
    ) == [("2026-01-05", 12, "Moved city in spring", 1, "role-transition,role-dispute", "impasse")]
    assert people.rows("SELECT p.name FROM courses c JOIN people p ON p.id = c.dispute_person_id") == [
        ("Sam",)
    ]
    assert people.rows("SELECT scale, total FROM measures ORDER BY scale") == [("gad7", 7), ("phq9", 16)]
    assert people.rows("SELECT text, status FROM goals") == [
        ("Call Sam without shouting", "open"),
        ("Join a club", "open"),
    ]


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--weeks", "7"], "The planned length must be 8 to 20 weekly sessions, got 7."),
        (["--focus", "grief", "--focus", "role-transition", "--focus", "role-dispute"], "at most two"),
        (["--dispute-with", "Sam"], "only applies when role-dispute is a focal area"),
        (["--goal", "a", "--goal", "b", "--goal", "c", "--goal", "d"], "Choose 1 to 3 goals"),
        (["--phq9", "1,2"], "--phq9 needs exactly 9 answers"),
        (["--start-date", "soon"], "--start-date must be a real day"),
    ],
)
def test_start_refuses_bad_values_and_writes_nothing(people, extra, message):
    assert_user_error(people("start", *extra), message)
    assert people.count("courses") == 0 and people.count("measures") == 0 and people.count("goals") == 0


def test_start_outside_a_terminal_needs_flags(ipt):
    assert_user_error(ipt("start"), "Missing the course's values as flags", "ipt start --weeks 12")
    assert not ipt.path.exists() or ipt.count("courses") == 0


def test_start_again_offers_revision_and_never_starts_over_silently(people):
    people.ok("start", "--weeks", "12", "--start-date", weeks_ago(2))
    assert_user_error(people("start", "--weeks", "16"), "You already started a course on", "--revise")
    assert_user_error(people("start"), "You already started a course")
    people.ok("start", "--revise", "--weeks", "16")
    assert people.rows("SELECT planned_weeks, started_on FROM courses") == [(16, weeks_ago(2))]


def test_a_new_course_can_start_after_the_last_one_ended(people):
    people.ok("start", "--start-date", "2026-01-05")
    people.ok("course", "end", "--date", "2026-04-01")
    people.ok("start", "--weeks", "8")
    assert people.count("courses") == 2


def test_course_shows_week_phase_and_purpose(people):
    people.ok("start", "--start-date", weeks_ago(4), "--focus", "grief", "--goal", "Visit the grave with Jo")
    out = flat(people.ok("course").stdout)
    assert "Week 5 of 12, middle phase." in out and "practise on your focal problem area" in out
    assert "Focus: grief." in out and "Visit the grave with Jo" in out
    data = json.loads(people.ok("course", "--json").stdout)
    assert (data["week"], data["phase"]) == (5, "middle")


def test_extend_and_end(people):
    people.ok("start", "--start-date", weeks_ago(10), "--weeks", "12")
    assert "Week 11 of 12, termination phase." in people.ok("course").stdout
    people.ok("course", "extend", "4")
    assert "Week 11 of 16, middle phase." in flat(people.ok("course").stdout)
    assert_user_error(people("course", "extend", "5"), "extended by 1 to 4 weeks")
    people.ok("course", "end")
    assert "You are in maintenance" in flat(people.ok("course").stdout)


def test_course_commands_without_a_course_point_to_start(ipt):
    assert_user_error(ipt("course"), "You have not started a course yet.", "ipt start")


def test_goals_keep_their_history(people):
    people.ok("goals", "add", "Call Sam weekly")
    people.ok("goals", "edit", "1", "Call Sam twice a week")
    people.ok("goals", "done", "1")
    people.ok("goals", "add", "Run")
    people.ok("goals", "drop", "2")
    assert people.rows("SELECT text, status FROM goal_history WHERE goal_id = 1 ORDER BY id") == [
        ("Call Sam weekly", "open"),
        ("Call Sam twice a week", "open"),
        ("Call Sam twice a week", "done"),
    ]
    assert "No goals yet" in people.ok("goals", "list").stdout
    data = json.loads(people.ok("goals", "list", "--all", "--json").stdout)
    assert [(g["text"], g["status"]) for g in data] == [("Call Sam twice a week", "done"), ("Run", "dropped")]
    assert "Call Sam weekly" in people.ok("goals", "show", "1").stdout
    assert_user_error(people("goals", "done", "9"), "There is no goal #9.")


def test_checkin_records_goal_progress_and_questionnaires(people):
    people.ok("goals", "add", "Call Sam weekly")
    people.ok("checkin", "--date", "2026-01-05", "--mood", "4", "--goal", "1:2")
    out = flat(
        people.ok(
            "checkin", "--date", "2026-01-12", "--mood", "6", "--goal", "#1:5", "--phq9", "1,1,1,1,1,1,1,1,0"
        ).stdout
    )
    assert "Goal progress: #1 5/10." in out and "Your PHQ-9 score is 8 of 27" in out
    assert people.rows("SELECT rating FROM goal_ratings ORDER BY id") == [(2,), (5,)]
    assert people.rows("SELECT scale, day, checkin_id FROM measures") == [("phq9", "2026-01-12", 2)]
    goal = json.loads(people.ok("goals", "list", "--json").stdout)[0]
    assert (goal["first_rating"], goal["latest_rating"], goal["ratings"]) == (2, 5, 2)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--goal", "1:11"], "must be a whole number from 0 to 10"),
        (["--goal", "7:3"], "There is no open goal #7"),
        (["--goal", "one"], "Write --goal as ID:PROGRESS"),
        (["--gad7", "1,1"], "--gad7 needs exactly 7 answers"),
    ],
)
def test_checkin_refuses_bad_goal_and_questionnaire_values(people, args, message):
    people.ok("goals", "add", "Call Sam weekly")
    assert_user_error(people("checkin", "--mood", "5", *args), message)
    assert people.count("checkins") == 0 and people.count("measures") == 0


@pytest.mark.parametrize("answer", [1, 2, 3])
def test_checkin_flags_with_item_9_above_zero_save_and_show_help(people, answer):
    result = people.ok("checkin", "--mood", "3", "--phq9", f"0,0,0,0,0,0,0,0,{answer}")
    out = flat(result.stdout)
    assert out.index("Saved check-in") < out.index("Help is there, any time")
    assert people.count("checkins") == 1 and people.count("measures") == 1
    data = json.loads(
        people.ok("checkin", "--mood", "3", "--phq9", f"0,0,0,0,0,0,0,0,{answer}", "--json").stdout
    )
    assert data["checkin"]["mood"] == 3 and data["safety"]["always_available"] == "ipt crisis"


def test_report_shows_course_measures_change_and_goals(people):
    people.ok(*START[:5], "--goal", "Call Sam")
    people.ok("measure", "phq9", "--answers", "2,2,2,2,2,2,2,2,0", "--date", weeks_ago(6))
    people.ok("measure", "phq9", "--answers", "1,0,0,1,0,0,1,0,0", "--date", weeks_ago(1))
    people.ok("measure", "gad7", "--answers", "2,2,2,1,1,1,1", "--date", weeks_ago(6))
    people.ok("measure", "gad7", "--answers", "2,1,1,1,1,1,1", "--date", weeks_ago(1))
    people.ok("checkin", "--mood", "6", "--goal", "1:7")
    data = json.loads(people.ok("report", "--json").stdout)
    phq9, gad7 = data["progress"]
    assert (phq9["baseline"], phq9["latest"], phq9["points"]) == (16, 3, -13)
    assert phq9["meaningful"] and phq9["response"] and phq9["remission"]
    assert (gad7["baseline"], gad7["latest"], gad7["meaningful"], gad7["response"]) == (10, 8, False, False)
    assert [m["phq9_band"] for m in data["measures"]] == ["moderately severe", "minimal"]
    assert data["goals"][0]["latest_rating"] == 7
    assert data["course"]["planned_weeks"] == 12 and data["crisis_resources"] is False
    out = flat(people.ok("report").stdout)
    assert "PHQ-9: 16 at baseline" in out and "a meaningful change" in out and "a response" in out
    assert "GAD-7: 10 at baseline" in out and "Call Sam" in out


def test_report_shows_two_questionnaires_of_one_day_as_two_rows(people):
    people.ok(*START[:5])
    day = weeks_ago(1)
    people.ok("checkin", "--date", day, "--mood", "4", "--phq9", "2,2,2,2,2,2,2,2,0")
    people.ok("measure", "phq9", "--answers", "1,1,1,1,1,1,1,1,0", "--date", day)
    people.ok("measure", "gad7", "--answers", "1,1,1,1,1,1,1", "--date", day)
    data = json.loads(people.ok("report", "--json").stdout)
    assert [(m["day"], m["phq9"], m["gad7"]) for m in data["measures"]] == [(day, 16, 7), (day, 8, None)]
    table = [line.split() for line in people.ok("report").stdout.splitlines() if line.strip().startswith(day)]
    assert table == [[day, "16", "moderately", "severe", "7", "mild"], [day, "8", "mild"]]


def test_report_shows_crisis_resources_while_a_phq9_with_item_9_above_zero_is_shown(people):
    people.ok("measure", "phq9", "--answers", "0,0,0,0,0,0,0,0,1", "--date", weeks_ago(3))
    assert "Help is there, any time" in people.ok("report").stdout
    assert json.loads(people.ok("report", "--json").stdout)["safety"]["resources"]
    people.ok("measure", "phq9", "--answers", "0,0,0,0,0,0,0,0,0")
    # A later calm answer tells the earlier one still in the window as history, in one line.
    out = flat(people.ok("report").stdout)
    assert "Help is there" not in out and "you answered 'several days'" in out and "ipt crisis" in out
    assert "Help is there" not in people.ok("report", "--weeks", "1").stdout
    assert "safety" not in json.loads(people.ok("report", "--weeks", "1", "--json").stdout)


def test_review_is_saved_shown_in_reports_and_joins_the_safety_plan(people):
    people.ok("start", "--start-date", weeks_ago(12))
    assert "Next: ipt" in people.ok().stdout
    people.ok(
        "review",
        "--what-helped",
        "Talking to Jo",
        "--warning-signs",
        "Not answering texts",
        "--keep-practising",
        "Sunday check-ins",
        "--add-to-safety-plan",
        "warning-signs",
    )
    assert people.rows("SELECT step, text FROM safety_plan_items") == [(1, "Not answering texts")]
    out = flat(people.ok("report").stdout)
    assert "Early warning signs: Not answering texts" in out and "Sunday check-ins" in out
    assert_user_error(people("review"), "Missing --what-changed")


def test_dashboard_points_a_new_user_to_start_and_then_onwards(ipt):
    assert "ipt start" in ipt.ok().stdout
    ipt.ok("start", "--start-date", weeks_ago(1), "--goal", "Sleep before midnight")
    out = flat(ipt.ok().stdout)
    assert "Week 2 of 12, initial phase." in out and "Goal #1: Sleep before midnight" in out
    assert "Next: ipt checkin" in out and "Due: PHQ-9 and GAD-7" in out


def test_dashboard_suggests_the_review_near_the_end(people):
    people.ok(
        "start", "--start-date", weeks_ago(11), "--phq9", "0,0,0,0,0,0,0,0,0", "--gad7", "0,0,0,0,0,0,0"
    )
    # The baseline is dated at the first session; this week's questionnaires are taken too.
    people.ok("measure", "phq9", "--answers", "0,0,0,0,0,0,0,0,0")
    people.ok("measure", "gad7", "--answers", "0,0,0,0,0,0,0")
    people.ok("checkin", "--mood", "6")
    assert "Next: ipt review" in flat(people.ok().stdout)


def test_revise_with_nothing_to_change_outside_a_terminal_names_the_flags(people):
    people.ok("start", "--weeks", "12", "--start-date", weeks_ago(2), "--goal", "Talk calmly with Sam")
    before = people.rows("SELECT * FROM courses")
    result = people("start", "--revise")
    assert_user_error(result, "Missing what to change", "--weeks", "--focus", "--goal", "ipt start --revise")
    assert "Revised" not in result.stdout
    assert people.rows("SELECT * FROM courses") == before
    assert people.count("goals") == 1 and people.count("measures") == 0
