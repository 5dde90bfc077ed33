"""Issue 11 by flags: difficulty, the fuller inventory, people who died, the formulation,
the ending phase, the safety plan's additions, and the upgrade that brings them."""

import datetime as dt
import json
import sqlite3

from ipt_journal.store.migrations import migrations
from support import assert_user_error, flat

TODAY = dt.date.today()


def weeks_ago(weeks: int) -> str:
    return (TODAY - dt.timedelta(weeks=weeks)).isoformat()


def test_the_difficulty_answer_is_stored_shown_and_exported(ipt):
    out = flat(ipt.ok("measure", "phq9", "--answers", "1,1,1,0,0,0,0,0,0", "--difficulty", "3").stdout)
    assert "How difficult these problems have made things: extremely difficult." in out
    data = json.loads(ipt.ok("measure", "history", "--json").stdout)[0]
    assert (data["difficulty"], data["difficulty_text"]) == (3, "Extremely difficult")
    ipt.ok("checkin", "--mood", "5", "--gad7", "1,1,1,1,0,0,0", "--gad7-difficulty", "1")
    assert ipt.rows("SELECT scale, difficulty FROM measures ORDER BY id") == [("phq9", 3), ("gad7", 1)]
    assert "extremely" in ipt.ok("measure", "history").stdout
    exported = json.loads(ipt.ok("export", "--format", "json").stdout)
    assert [m["difficulty"] for m in exported["measures"]] == [3, 1]


def test_a_difficulty_out_of_range_writes_nothing(ipt):
    result = ipt("measure", "phq9", "--answers", "0,0,0,0,0,0,0,0,0", "--difficulty", "4")
    assert_user_error(
        result,
        "Difficulty must be 0 (not difficult at all), 1 (somewhat), 2 (very) or 3 (extremely "
        "difficult), got 4.",
    )
    assert not ipt.path.exists() or ipt.count("measures") == 0


def test_a_baseline_difficulty_by_flags_in_start(ipt):
    ipt.ok("start", "--phq9", "2,2,2,2,1,1,0,0,0", "--phq9-difficulty", "2", "--weeks", "12")
    assert ipt.rows("SELECT total, difficulty FROM measures") == [(10, 2)]


def test_inventory_records_together_disagreements_and_what_can_be_talked_about(ipt):
    ipt.ok(
        "inventory",
        "add",
        "--name",
        "Sam",
        "--relationship",
        "partner",
        "--together",
        "Cooking",
        "--disagreements",
        "We shout, then go quiet",
        "--resolved",
        "partly",
        "--can-talk-about",
        "The kids",
        "--cannot-talk-about",
        "Money",
    )
    out = flat(ipt.ok("inventory", "show", "Sam").stdout)
    for shown in ("Together Cooking", "We shout, then go quiet", "Get resolved partly", "The kids", "Money"):
        assert shown in out
    result = ipt("inventory", "edit", "Sam", "--resolved", "sometimes")
    assert result.exit_code == 2 and ipt.rows("SELECT resolved FROM people") == [("partly",)]


def test_someone_who_died_never_reads_no_time_recorded_yet(ipt):
    ipt.ok("inventory", "add", "--name", "Dad", "--relationship", "parent", "--status", "deceased")
    ipt.ok("inventory", "add", "--name", "Jo", "--relationship", "friend")
    assert "No time with Dad" not in flat(ipt.ok("inventory", "show", "Dad").stdout)
    assert "No time with Jo recorded in a check-in yet." in flat(ipt.ok("inventory", "show", "Jo").stdout)


def test_formulation_by_flags_is_agreed_shown_and_revisable(ipt):
    ipt.ok("inventory", "add", "--name", "Sam", "--relationship", "partner")
    ipt.ok(
        "start", "--weeks", "12", "--focus", "role-dispute",
        "--formulation", "Low since the fights began", "--formulation-agreed",
    )  # fmt: skip
    assert ipt.rows("SELECT formulation, formulation_agreed_on FROM courses") == [
        ("Low since the fights began", TODAY.isoformat())
    ]
    assert f"How it links together (agreed with my therapist on {TODAY}): Low since the fights began" in flat(
        ipt.ok("course").stdout
    )
    # Written again without saying it was agreed: it is not.
    ipt.ok("course", "formulation", "--text", "Low since the fights; lonely too")
    out = flat(ipt.ok("course", "formulation").stdout)
    assert "(in my own words): Low since the fights; lonely too" in out
    assert "Low since the fights; lonely too" in flat(ipt.ok("report").stdout)
    data = json.loads(ipt.ok("course", "formulation", "--json").stdout)
    assert data == {"formulation": "Low since the fights; lonely too", "agreed_on": None}


def test_formulation_revise_outside_a_terminal_names_the_flag(ipt):
    ipt.ok("start", "--weeks", "12")
    assert_user_error(ipt("course", "formulation", "--revise"), "--text")


def test_course_extend_says_to_agree_it_with_the_therapist(ipt):
    ipt.ok("start", "--weeks", "12")
    assert "agree any change with your therapist" in flat(ipt.ok("course", "extend", "2").stdout)


def test_review_keeps_the_relapse_plan_and_shows_it_after_the_course(ipt):
    ipt.ok("start", "--start-date", weeks_ago(14), "--weeks", "12")
    out = flat(
        ipt.ok(
            "review",
            "--warning-signs",
            "Skipping meals",
            "--relapse-plan",
            "Call Jo, book a session",
            "--feelings-about-ending",
            "Nervous",
            "--add-to-safety-plan",
            "what-i-will-do",
        ).stdout
    )
    assert "Also added to your safety plan (step 2)." in out and "a check-in once a month" in out
    # Only the part named goes into the crisis plan; both stay in the staying-well plan.
    assert ipt.rows("SELECT step, text FROM safety_plan_items ORDER BY step") == [
        (2, "Call Jo, book a session"),
    ]
    assert ipt.rows("SELECT warning_signs, what_i_will_do FROM staying_well") == [
        ("Skipping meals", "Call Jo, book a session")
    ]
    dashboard = flat(ipt.ok().stdout)
    assert "Your staying-well plan (ipt staying-well):" in dashboard
    assert "What I will do: Call Jo, book a session" in dashboard
    report = flat(ipt.ok("report").stdout)
    assert "If they return: Call Jo, book a session" in report and "On ending: Nervous" in report


def test_after_a_reviewed_course_check_ins_are_due_monthly(ipt):
    ipt.ok("start", "--start-date", weeks_ago(14), "--weeks", "12")
    ipt.ok("checkin", "--mood", "6", "--date", (TODAY - dt.timedelta(days=10)).isoformat())
    assert "A check-in is due." in ipt.ok().stdout  # weekly until the review
    ipt.ok("review", "--what-helped", "Talking to Jo")
    assert "A check-in is due." not in ipt.ok().stdout  # monthly after it


def test_the_look_back_is_honest_when_scores_did_not_improve(ipt):
    ipt.ok("measure", "phq9", "--answers", "2,2,2,2,1,1,0,0,0", "--date", weeks_ago(10))
    ipt.ok("measure", "phq9", "--answers", "2,2,2,2,2,1,0,0,0")
    out = flat(ipt.ok("review", "--show").stdout)
    assert "this treatment has not worked for you so far, not that you failed" in out
    assert "talk with your therapist or doctor about other options" in out
    assert "you did the work that changed it" not in out
    # On one's own (a self-guided course), the doctor (GP): never "your clinician".
    ipt.ok("start", "--no-therapist", "--start-date", weeks_ago(10), "--weeks", "12")
    out = flat(ipt.ok("review", "--show").stdout)
    assert "talk with your doctor (GP) about other options" in out and "clinician" not in out


def test_the_safety_plan_has_reasons_for_living_and_says_to_make_it_with_a_clinician(ipt):
    ipt.ok("config", "set", "country", "NZ")
    ipt.ok("safety-plan", "add", "0", "--text", "My dog, Rua")
    out = flat(ipt.ok("safety-plan").stdout)
    assert "best made with a clinician, such as your doctor or therapist" in out
    assert out.index("What matters most to me, my reasons for living") < out.index("1. Warning signs")
    assert "My dog, Rua" in out
    md = ipt.ok("safety-plan", "--markdown").stdout
    assert "Nearest emergency department" in md and "1737" in md
    assert "My dog, Rua" in flat(ipt.ok("crisis").stdout)
    assert_user_error(ipt("safety-plan", "add", "7", "--text", "x"), "step")


def test_an_older_journal_keeps_its_safety_plan_through_the_upgrade(tmp_path, ipt):
    from sqlite_utils import Database

    path = tmp_path / "v5.db"
    conn = sqlite3.connect(path)
    migrations.apply(Database(conn), stop_before="m006_clinical_fields")
    conn.execute("PRAGMA user_version = 5")
    conn.execute(
        "INSERT INTO safety_plan_items (uid, step, text, created_at, updated_at) "
        "VALUES ('s1', 2, 'A hot shower', 'x', 'x')"
    )
    conn.commit()
    conn.close()
    assert "A hot shower" in ipt.ok("--db", str(path), "safety-plan").stdout
    ipt.ok("--db", str(path), "safety-plan", "add", "0", "--text", "My sister")
    assert ipt.rows_in(path, "SELECT id, step, text FROM safety_plan_items ORDER BY id") == [
        (1, 2, "A hot shower"),
        (2, 0, "My sister"),
    ]


def test_a_check_in_at_mood_0_or_1_ends_with_one_gentle_line(ipt):
    for mood in ("0", "1"):
        out = flat(ipt.ok("checkin", "--mood", mood).stdout)
        assert out.endswith(
            "That sounds like a hard week. If it would help, `ipt cope` has a few things to try now, "
            "and `ipt crisis` shows who you can talk to, any time."
        )
    assert "ipt cope" not in ipt.ok("checkin", "--mood", "2").stdout
