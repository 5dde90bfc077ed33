"""A clinician's read of the merged product: what a person sees after each fix."""

import datetime as dt
import json
import sqlite3

import pytest

from support import assert_user_error, flat

TODAY = dt.date.today()


def days_ago(days: int) -> str:
    return (TODAY - dt.timedelta(days=days)).isoformat()


# 1. Someone who has died is never treated as someone the client sees.


def test_a_checkin_with_someone_who_died_is_refused_pointing_at_grief_and_events(ipt):
    ipt.ok("inventory", "add", "--name", "Gran", "--relationship", "other-family", "--status", "deceased")
    result = ipt("checkin", "--mood", "5", "--with", "Gran:+1")
    assert_user_error(result, "Gran has died", "ipt exercise start grief", "ipt event add")
    assert ipt.count("checkins") == 0 and ipt.count("interactions") == 0


def test_a_safety_plan_step_4_person_who_died_is_refused(ipt):
    ipt.ok("inventory", "add", "--name", "Gran", "--relationship", "other-family", "--status", "deceased")
    for step in ("3", "4"):
        result = ipt("safety-plan", "add", step, "--person", "Gran", "--text", "call")
        assert_user_error(result, "Gran has died", "ipt exercise start grief")
    assert ipt.count("safety_plan_items") == 0
    # Steps that do not name people still take the text, and grief still takes her.
    ipt.ok("safety-plan", "add", "2", "--text", "look at Gran's photos")


def test_no_contact_figures_for_someone_who_has_since_died(ipt):
    ipt.ok("start", "--weeks", "12", "--start-date", days_ago(20), "--no-therapist")
    ipt.ok("inventory", "add", "--name", "Gran", "--relationship", "other-family", "--closeness", "1")
    ipt.ok("inventory", "add", "--name", "Sam", "--relationship", "partner", "--closeness", "1")
    for days in (9, 5, 2):
        ipt.ok("checkin", "--mood", "6", "--date", days_ago(days), "--with", "Gran:+1", "--with", "Sam:+1")
    ipt.ok("inventory", "edit", "Gran", "--status", "deceased")
    shown = flat(ipt.ok("inventory", "show", "Gran").stdout)
    assert "Time together" not in shown and "it went" not in shown
    assert json.loads(ipt.ok("inventory", "show", "Gran", "--json").stdout)["contact_summary"] is None
    assert "Time together" in flat(ipt.ok("inventory", "show", "Sam").stdout)
    ipt.ok(*REVIEW)
    for args in (("prep",), ("report",), ("report", "--format", "markdown"), ("review", "--show")):
        out = ipt.ok(*args).stdout
        assert "Sam" in out, args
        if args == ("report", "--format", "markdown"):
            # Only in the inventory, marked as died: never in a figure of time together.
            assert [line for line in out.splitlines() if "Gran" in line] == [
                "### Gran: other family, inner circle, has died"
            ]
        else:
            assert "Gran" not in out, args


def test_a_checkin_from_before_a_death_can_still_be_edited_but_not_given_them(ipt):
    ipt.ok("inventory", "add", "--name", "Gran", "--relationship", "other-family")
    ipt.ok("inventory", "add", "--name", "Sam", "--relationship", "partner")
    ipt.ok("checkin", "--mood", "6", "--date", days_ago(9), "--with", "Gran:+1")
    ipt.ok("checkin", "--mood", "6", "--date", days_ago(8), "--with", "Sam:+1")
    ipt.ok("inventory", "edit", "Gran", "--status", "deceased")
    ipt.ok("checkin", "edit", "1", "--mood", "5")
    kept = ipt.rows(
        "SELECT c.mood, count(i.id) FROM checkins c JOIN interactions i ON i.checkin_id = c.id WHERE c.id = 1"
    )
    assert kept == [(5, 1)]
    assert_user_error(ipt("checkin", "edit", "2", "--with", "Gran:+1"), "Gran has died")


# 6. "These thoughts" only where thoughts were just named: after a PHQ-9 item 9 answer.

ITEM9 = "In an emergency, or if you might act on these thoughts, call 000."
PLAIN = "In an emergency, call 000."


def test_crisis_and_the_safety_plan_do_not_speak_of_these_thoughts(ipt):
    ipt.ok("config", "set", "country", "AU")
    assert PLAIN in flat(ipt.ok("crisis").stdout)
    assert PLAIN in json.loads(ipt.ok("crisis", "--json").stdout)["resources"]
    ipt.ok("safety-plan", "add", "2", "--text", "a walk")
    assert PLAIN in ipt.ok("safety-plan", "--markdown").stdout
    for args in (("crisis",), ("crisis", "--json"), ("safety-plan", "--markdown")):
        out = ipt.ok(*args).stdout
        assert "these thoughts" not in out


def test_after_an_item_9_answer_the_emergency_line_names_the_thoughts(ipt):
    ipt.ok("config", "set", "country", "AU")
    assert ITEM9 in flat(ipt.ok("measure", "phq9", "--answers", "0,0,0,0,0,0,0,0,1").stdout)
    data = json.loads(ipt.ok("measure", "phq9", "--answers", "0,0,0,0,0,0,0,0,1", "--json").stdout)
    assert ITEM9 in data["safety"]["resources"]
    ipt.ok("config", "set", "country", "BO")  # a country ipt has no row for
    out = flat(ipt.ok("crisis").stdout)
    assert "In an emergency, call your local emergency number." in out


# 5. GAD-7's 4 points is a reliable-change figure; PHQ-9's 5 points stays "meaningful".


def test_a_gad7_change_of_4_is_called_reliable_and_a_phq9_change_of_5_meaningful(ipt):
    ipt.ok("measure", "gad7", "--answers", "2,2,2,2,2,0,0", "--date", days_ago(28))  # 10
    ipt.ok("measure", "phq9", "--answers", "2,2,2,2,2,0,0,0,0", "--date", days_ago(28))  # 10
    out = flat(ipt.ok("measure", "gad7", "--answers", "1,1,1,1,2,0,0").stdout)  # 6
    assert "a change of 4 or more points counts as a reliable change" in out
    assert "meaningful" not in out
    out = flat(ipt.ok("measure", "phq9", "--answers", "1,1,1,1,1,0,0,0,0").stdout)  # 5
    assert "a change of 5 or more points is considered meaningful" in out
    report = flat(ipt.ok("report").stdout)
    assert "GAD-7: 10 at baseline" in report
    gad7 = report[report.index("GAD-7: 10 at baseline") :]
    assert gad7.split("PHQ-9")[0].count("a reliable change") == 1
    md = flat(ipt.ok("report", "--format", "markdown").stdout)
    assert "a change of -4 points (a reliable change)" in md
    assert (
        "a change of -5 points (meaningful by the 5-point convention of Löwe 2004; "
        "not reliable by NHS Talking Therapies' 6 points)" in " ".join(md.split())
    )


def test_a_reliable_gad7_rise_asks_to_contact_the_clinician_in_its_own_words(ipt):
    ipt.ok("measure", "gad7", "--answers", "0,0,0,0,0,0,0", "--date", days_ago(28))
    out = flat(ipt.ok("measure", "gad7", "--answers", "1,1,1,1,0,0,0").stdout)
    assert "Your GAD-7 score has risen reliably; please contact your therapist or doctor soon." in out
    assert "a reliable rise: please contact your therapist or doctor soon" in flat(ipt.ok("report").stdout)


# 9. A country ipt has no lines for: the local number first, 112 never offered outside the
# EU/EEA (issue 20, point 7: the EU hint only for EU/EEA countries, which all have a row).


def test_an_unlisted_country_reads_only_the_local_number_and_no_eu_hint(ipt):
    for code in ("BO", "LA"):  # Bolivia, Laos: no row of their own
        ipt.ok("config", "set", "country", code)
        out = flat(ipt.ok("crisis").stdout)
        assert "call your local emergency number." in out and "112" not in out
        assert out.index("local emergency number") < out.index("findahelpline.com")
        resources = json.loads(ipt.ok("crisis", "--json").stdout)["resources"]
        assert resources == [
            "In an emergency, call your local emergency number.",
            "findahelpline.com lists free, confidential helplines in your country.",
        ]


def test_a_country_name_far_from_any_ipt_knows_gets_no_wrong_suggestion(ipt):
    result = ipt("config", "set", "country", "Atlantis")
    assert_user_error(result, "two-letter code", "for example DE")
    assert "Did you mean" not in result.stderr
    assert "Did you mean GB" in ipt("config", "set", "country", "Untied Kingdom").stderr


# 10. prep and the clinician report say "please contact your therapist or doctor soon" where measure does.


def test_prep_asks_to_contact_the_clinician_after_a_severe_score_or_a_rise(ipt):
    ipt.ok("measure", "phq9", "--answers", "2,2,2,2,2,2,2,0,0", "--date", days_ago(20))  # 14
    ipt.ok("measure", "gad7", "--answers", "1,1,1,1,1,0,0", "--date", days_ago(20))  # 5
    ipt.ok("session", "add", "--date", days_ago(10), "--self-guided", "--worked-on", "x", "--agreed", "y")
    ipt.ok("measure", "phq9", "--answers", "3,3,3,3,2,2,2,2,0", "--date", days_ago(2))  # 20: severe, +6
    ipt.ok("measure", "gad7", "--answers", "1,1,1,1,1,1,0", "--date", days_ago(2))  # 6: neither
    out = flat(ipt.ok("prep").stdout)
    assert (
        "PHQ-9: 20, severe range, +6 since the one before (a meaningful rise); "
        "please contact your therapist or doctor soon" in out
    )
    assert "soon" not in out.split("GAD-7: 6")[1][:50]
    data = json.loads(ipt.ok("prep", "--json").stdout)
    soon = {m["scale"]: m["contact_clinician_soon"] for m in data["measures"]}
    assert soon == {"phq9": True, "gad7": False}
    md = flat(ipt.ok("report", "--format", "markdown").stdout)
    assert (
        "(latest, severe range), a change of +6 points (meaningful by the 5-point convention of "
        "Löwe 2004; reliable by NHS Talking Therapies' 6 points); a result at which ipt asks the "
        "person to contact their therapist or doctor soon" in md
    )


# 3. The clinician report carries the formulation, as `ipt course` shows it.


def test_the_clinician_report_shows_the_formulation(ipt, tmp_path):
    ipt.ok("inventory", "add", "--name", "Sam", "--relationship", "partner", "--closeness", "1")
    ipt.ok(
        "start", "--weeks", "12", "--focus", "role-dispute",
        "--dispute-with", "Sam", "--dispute-stage", "impasse",
        "--formulation", "Low since the fights with Sam began", "--formulation-agreed",
    )  # fmt: skip
    line = (
        "How it links together (agreed with my therapist on "
        + TODAY.isoformat()
        + "): Low since the fights with Sam began"
    )
    assert line in flat(ipt.ok("course").stdout)
    md = flat(ipt.ok("report", "--format", "markdown").stdout)
    assert "Focus: role dispute with Sam (impasse)." in md and line in md
    target = tmp_path / "report.html"
    ipt.ok("report", "--format", "html", "-o", str(target))
    assert line in flat(target.read_text())


# 7. The clinician report says what ipt really showed after an item-9 answer.


def test_the_safety_notes_say_whether_a_plan_was_shown_or_suggested(ipt):
    ipt.ok("measure", "phq9", "--answers", "0,0,0,0,0,0,0,0,1", "--date", days_ago(10))
    md = flat(ipt.ok("report", "--format", "markdown").stdout)
    assert "ipt showed crisis lines and suggested writing a safety plan (there was none yet)" in md
    assert "and the safety plan" not in md
    # It was saved a while before the plan was written (ipt stamps to the second).
    conn = sqlite3.connect(ipt.path)
    with conn:
        conn.execute("UPDATE measures SET created_at = '2000-01-01T00:00:00Z'")
    conn.close()
    ipt.ok("safety-plan", "add", "2", "--text", "a walk")
    ipt.ok("measure", "phq9", "--answers", "0,0,0,0,0,0,0,0,1", "--date", days_ago(2))
    md = flat(ipt.ok("report", "--format", "markdown").stdout)
    assert (
        f"ipt showed crisis lines, with the person's safety plan on {days_ago(2)} and a suggestion "
        f"to write one on {days_ago(10)} (there was none yet)" in md
    )


# 4. The review credits only a result that is there.

REVIEW = (
    "review", "--what-changed", "a", "--what-helped", "b", "--warning-signs", "c", "--keep-practising", "d",
    "--relapse-plan", "e", "--feelings-about-ending", "f",
)  # fmt: skip
CONGRATULATION = "Your scores came down, and you did the work that brought them down."


def _course_with_scores(ipt, phq9: tuple[str, str], gad7: tuple[str, str] | None = None):
    ipt.ok("start", "--weeks", "12", "--start-date", days_ago(84), "--no-therapist")
    ipt.ok("measure", "phq9", "--answers", phq9[0], "--date", days_ago(80))
    ipt.ok("measure", "phq9", "--answers", phq9[1], "--date", days_ago(2))
    if gad7:
        ipt.ok("measure", "gad7", "--answers", gad7[0], "--date", days_ago(80))
        ipt.ok("measure", "gad7", "--answers", gad7[1], "--date", days_ago(2))
    ipt.ok(*REVIEW)
    return flat(ipt.ok("review", "--show").stdout)


def test_a_change_that_is_not_meaningful_gets_the_honest_ending(ipt):
    out = _course_with_scores(ipt, ("2,2,2,2,2,2,2,0,0", "2,2,2,2,2,1,1,0,0"))  # 14 -> 12
    assert CONGRATULATION not in out
    assert "Your scores have not come down meaningfully" in out


@pytest.mark.parametrize(
    ("phq9", "gad7", "said"),
    [
        (  # PHQ-9 14 -> 12, GAD-7 10 -> 6: one down, one the same
            ("2,2,2,2,2,2,2,0,0", "2,2,2,2,2,1,1,0,0"),
            ("2,2,2,2,2,0,0", "1,1,1,1,2,0,0"),
            "Your GAD-7 score came down by a reliable change, "
            "but your PHQ-9 score has not changed meaningfully.",
        ),
        (  # PHQ-9 14 -> 4, GAD-7 3 -> 7: one down, one up
            ("2,2,2,2,2,2,2,0,0", "1,1,1,1,0,0,0,0,0"),
            ("1,1,1,0,0,0,0", "2,2,2,1,0,0,0"),
            "Your PHQ-9 score came down meaningfully, but your GAD-7 score went up by a reliable change.",
        ),
    ],
)
def test_when_only_some_scores_came_down_the_review_says_which(ipt, phq9, gad7, said):
    out = _course_with_scores(ipt, phq9, gad7)
    assert CONGRATULATION not in out
    assert said in out and "please talk with your doctor (GP)" in out  # a self-guided course


def test_every_score_down_is_credited(ipt):
    out = _course_with_scores(ipt, ("2,2,2,2,2,2,2,0,0", "1,1,1,1,0,0,0,0,0"))  # 14 -> 4
    assert CONGRATULATION in out


# 8. Step 5 reads the same on screen and on paper: the person's entries, then the crisis lines.

ED_BLANK = "Nearest emergency department (name and address): ____________"


def test_step_5_shows_the_crisis_lines_and_the_same_ed_blank_on_screen_and_in_markdown(ipt):
    ipt.ok("config", "set", "country", "AU")
    ipt.ok("safety-plan", "add", "5", "--text", "Dr Lee, 555 0100")
    screen = flat(ipt.ok("safety-plan").stdout)
    paper = flat(ipt.ok("safety-plan", "--markdown").stdout)
    for shown in (screen, paper):
        step5 = shown[shown.index("5. Professionals") : shown.index("6. Making")]
        assert "Dr Lee, 555 0100" in step5
        assert "Call Lifeline on 13 11 14, day or night." in step5 and "In an emergency, call 000." in step5
        assert ED_BLANK in step5
    assert "Nearest emergency department: -" not in paper and "Nearest emergency department: \n" not in paper
    ipt.ok("safety-plan", "add", "5", "--text", "Nearest emergency department: St Vincent's, Darlinghurst")
    for shown in (ipt.ok("safety-plan").stdout, ipt.ok("safety-plan", "--markdown").stdout):
        assert "Nearest emergency department (name and address)" not in shown
        assert "St Vincent's" in shown


# 11. Ending texts true with or without a therapist, about reminders, and about step 5.


def test_ending_texts_without_a_therapist_say_nothing_of_one(ipt):
    ipt.ok("start", "--weeks", "12", "--start-date", days_ago(84), "--no-therapist")
    out = flat(ipt.ok("course", "extend", "2").stdout)
    assert "therapist" not in out and "end date is agreed at the start" in out
    out = flat(ipt.ok(*REVIEW, "--add-to-safety-plan", "what-i-will-do").stdout)
    assert "therapist" not in out
    assert "remind you monthly" not in out
    assert "the dashboard (ipt) says when a check-in is due" in out
    assert "Also added to your safety plan (step 2)." in out
    assert "keep them in step 5 of your safety plan" in out


def test_ending_texts_with_a_therapist_mention_them(ipt):
    ipt.ok("start", "--weeks", "12", "--start-date", days_ago(84), "--therapist")
    assert "agree any change with your therapist" in flat(ipt.ok("course", "extend", "2").stdout)
    assert "maintenance sessions with their therapist" in flat(ipt.ok(*REVIEW).stdout)


# 14. `ipt cope` suggests the safety plan's helpers first, never the other side of an impasse.


def _reach_out(ipt) -> str:
    out = flat(ipt.ok("cope").stdout)
    return out[out.index("(reach-out)") : out.index("(pleasant-activity)")]


def test_reach_out_names_step_4_people_first_and_not_a_dispute_at_impasse(people):
    people.ok("inventory", "edit", "Sam", "--problem-area", "role-dispute", "--dispute-stage", "impasse")
    shown = _reach_out(people)
    assert "Your inner circle: Jo." in shown and "Sam" not in shown
    people.ok("safety-plan", "add", "4", "--person", "Alex", "--text", "07700 900123")
    shown = _reach_out(people)
    assert "People your safety plan says you can ask for help: Alex." in shown
    assert "Sam" not in shown and "Jo" not in shown


def test_exercise_show_does_not_repeat_a_wizard_instruction(ipt):
    ipt.ok(
        "exercise", "start", "communication-analysis",
        "--answer", "context=Sunday", "--answer", "turns=Me: hi",
        "--answer", "felt_wanted=hurt", "--answer", "their_side=tired", "--answer", "meant_vs_heard=care",
        "--answer", "problems=giving up too soon", "--answer", "outcome=flat", "--answer", "next_time=ask",
        "--mood-before", "4", "--mood-after", "5", "--no-homework",
    )  # fmt: skip
    shown = ipt.ok("exercise", "show", "1").stdout
    questions = ipt.ok("exercise", "show-questions", "communication-analysis").stdout
    for out in (shown, questions):
        assert "Did any of these happen?" in flat(out)
        assert "space to tick" not in flat(out)
