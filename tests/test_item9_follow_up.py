"""The item-9 follow-up is graded by the answer, and names whom to tell (issue 20, points 1,
2 and 6): item 9 = 1 -> at the next session or sooner; 2 or 3, or a total of 20+ with item
9 above 0 -> today; no therapist, or after the course -> "your doctor (GP)", never "your next
session". One urgency per screen, last in view; in the terminal, --json, Markdown and HTML."""

import datetime as dt
import html
import json

import pytest

from support import flat

TODAY = dt.date.today()
START = (TODAY - dt.timedelta(weeks=3)).isoformat()
NEXT_SESSION = (
    "ipt does not tell anyone; please let your therapist or doctor know, at your next session or sooner."
)
GP_SOON = "ipt does not tell anyone; please let your doctor (GP) know soon."
NOT_SAID = (
    "ipt does not tell anyone; please let your doctor (GP), or your therapist if you have one, know soon."
)
TODAY_THERAPIST = (
    "ipt does not tell anyone; please contact your therapist or doctor today, and call the emergency "
    "number above if you might act on these thoughts."
)
TODAY_GP = (
    "ipt does not tell anyone; please contact your doctor (GP) today, and call the emergency number "
    "above if you might act on these thoughts."
)
SETUPS: dict[str, list[tuple[str, ...]]] = {
    "no course": [],
    "therapist": [("start", "--therapist", "--weeks", "12", "--start-date", START)],
    "self-guided": [("start", "--no-therapist", "--weeks", "12", "--start-date", START)],
    "after the course": [
        ("start", "--therapist", "--weeks", "12", "--start-date", START),
        ("course", "end", "--date", (TODAY - dt.timedelta(days=1)).isoformat()),
    ],
    # The planned 12 weeks are over but nobody ran `ipt course end`: no next session to promise.
    "past its planned end": [
        ("start", "--therapist", "--weeks", "12", "--start-date", str(TODAY - dt.timedelta(weeks=13)))
    ],
}
PAST_END_SOON = "ipt does not tell anyone; please let your therapist or doctor know soon."
CASES = [
    ("no course", 1, NOT_SAID, "soon"),
    ("no course", 2, TODAY_THERAPIST, "today"),
    ("therapist", 1, NEXT_SESSION, "next-session"),
    ("therapist", 2, TODAY_THERAPIST, "today"),
    ("therapist", 3, TODAY_THERAPIST, "today"),
    ("self-guided", 1, GP_SOON, "soon"),
    ("self-guided", 2, TODAY_GP, "today"),
    ("self-guided", 3, TODAY_GP, "today"),
    ("after the course", 1, GP_SOON, "soon"),
    ("after the course", 2, TODAY_GP, "today"),
    ("after the course", 3, TODAY_GP, "today"),
    ("past its planned end", 1, PAST_END_SOON, "soon"),
    ("past its planned end", 2, TODAY_THERAPIST, "today"),
]


def _answers(item9: int) -> str:
    return f"1,1,0,0,0,0,0,0,{item9}"


def _set_up(ipt, setup: str) -> None:
    for command in SETUPS[setup]:
        ipt.ok(*command)


@pytest.mark.parametrize(("setup", "item9", "sentence", "urgency"), CASES)
def test_the_follow_up_is_graded_by_the_answer_in_every_output_mode(ipt, setup, item9, sentence, urgency):
    _set_up(ipt, setup)
    out = flat(ipt.ok("measure", "phq9", "--answers", _answers(item9)).stdout)
    assert out.endswith(sentence)  # last in view
    assert out.count("ipt does not tell anyone") == 1
    if setup != "therapist":
        assert "next session" not in out
    assert ipt.rows("SELECT json_extract(answers, '$[8]') FROM measures") == [(item9,)]

    result = ipt.ok("measure", "phq9", "--answers", _answers(item9), "--json")
    safety = json.loads(result.stdout)["safety"]
    assert (safety["tell_clinician"], safety["urgency"]) == (sentence, urgency)
    assert flat(result.stderr).endswith(sentence)

    for kind in ("markdown", "html"):
        document = " ".join(html.unescape(ipt.ok("report", "--format", kind).stdout).split())
        assert f'After the latest, ipt said: "{sentence}"' in document

    # Every screen showing it while it is the latest answer says the same, last.
    assert flat(ipt.ok("measure", "history").stdout).endswith(sentence)
    assert json.loads(ipt.ok("report", "--json").stdout)["safety"]["tell_clinician"] == sentence


def test_a_severe_total_with_item_9_of_1_asks_for_today_and_says_it_once(ipt):
    _set_up(ipt, "therapist")
    out = flat(ipt.ok("measure", "phq9", "--answers", "3,3,3,3,3,2,2,0,1").stdout)  # 20
    assert "Your PHQ-9 score is 20 of 27, in the severe range." in out
    assert out.endswith(TODAY_THERAPIST)
    # One urgency per screen: no "please contact ... soon" from the severe-score rule.
    assert "soon" not in out and out.count("please contact") == 1
    data = json.loads(ipt.ok("measure", "phq9", "--answers", "3,3,3,3,3,2,2,0,1", "--json").stdout)
    assert data["measures"][0]["follow_up"] is None
    assert data["measures"][0]["summary"] == "Your PHQ-9 score is 20 of 27, in the severe range."
    assert data["safety"]["urgency"] == "today"


def test_a_rise_with_item_9_of_1_says_soon_once_not_twice(ipt):
    _set_up(ipt, "therapist")
    ipt.ok("measure", "phq9", "--answers", "0,0,0,0,0,0,0,0,0", "--date", START)
    out = flat(ipt.ok("measure", "phq9", "--answers", "2,2,2,1,0,0,0,0,1").stdout)  # 0 -> 8
    assert "risen meaningfully; please contact" not in out
    assert out.endswith("ipt does not tell anyone; please contact your therapist or doctor soon.")


def test_without_item_9_a_severe_score_names_the_doctor_for_self_help(ipt):
    _set_up(ipt, "self-guided")
    out = flat(ipt.ok("measure", "gad7", "--answers", "3,3,3,3,3,0,0").stdout)  # 15
    assert "please contact your doctor (GP) soon" in out and "clinician" not in out


def test_a_self_guided_start_at_20_says_self_help_alone_is_usually_not_enough(ipt):
    result = ipt.ok("start", "--no-therapist", "--weeks", "12", "--phq9", "3,3,3,3,3,2,2,1,0")
    out = flat(result.stdout)
    advice = (
        "With a PHQ-9 of 20, self-help alone is usually not enough; please see your doctor (GP) "
        "about treatment. ipt can keep supporting the work alongside it."
    )
    assert advice in out and "clinician" not in out
    assert ipt.rows("SELECT with_therapist FROM courses") == [(0,)]
    assert advice in flat(ipt.ok().stdout)  # the dashboard
    assert json.loads(ipt.ok("report", "--json").stdout)["self_help"] == advice
    data = json.loads(ipt.ok("measure", "phq9", "--answers", "3,3,3,3,3,2,2,1,0", "--json").stdout)
    assert data["self_help"] == advice


def test_self_help_is_not_questioned_below_16_or_with_a_therapist(ipt):
    ipt.ok("start", "--no-therapist", "--weeks", "12", "--phq9", "2,2,2,2,2,2,2,1,0")  # 15
    assert "self-help alone" not in ipt.ok().stdout
    ipt.ok("start", "--revise", "--therapist")
    ipt.ok("measure", "phq9", "--answers", "3,3,3,3,3,2,2,1,0")  # 20, with a therapist
    assert "self-help alone" not in ipt.ok().stdout


def test_a_self_guided_course_with_no_fall_by_mid_course_or_a_rise_suggests_a_doctor(ipt):
    started = (TODAY - dt.timedelta(weeks=7)).isoformat()
    ipt.ok("start", "--no-therapist", "--weeks", "12", "--start-date", started, "--phq9", "2,2,2,1,1,1,1,0,0")
    out = flat(ipt.ok("measure", "phq9", "--answers", "2,2,1,1,1,1,1,0,0").stdout)  # 10 -> 9
    assert (
        "With a PHQ-9 that has not fallen by 5 points by mid-course, self-help alone is usually not enough"
        in out
    )
    ipt.ok("measure", "phq9", "--answers", "2,2,2,2,2,2,2,1,0")  # 15: a rise of 5
    assert "a PHQ-9 that has risen from 10 to 15" in flat(ipt.ok().stdout)


def test_the_dashboard_asks_for_a_safety_plan_after_an_item_9_answer_and_tells_history_later(ipt):
    _set_up(ipt, "therapist")
    hard = (TODAY - dt.timedelta(days=10)).isoformat()
    ipt.ok("measure", "phq9", "--answers", _answers(2), "--date", hard)
    out = flat(ipt.ok().stdout)
    assert "Next: ipt safety-plan edit" in out
    assert out.endswith(
        "ipt does not tell anyone; please contact your therapist or doctor today, and call your "
        "emergency number (`ipt crisis` lists it) if you might act on these thoughts. "
        "Crisis lines, any time: ipt crisis"
    )
    ipt.ok("safety-plan", "add", "2", "--text", "Walk the dog")
    assert "Next: ipt safety-plan edit" not in ipt.ok().stdout
    for days in (5, 1):
        day = (TODAY - dt.timedelta(days=days)).isoformat()
        ipt.ok("measure", "phq9", "--answers", _answers(0), "--date", day)
    out = flat(ipt.ok().stdout)
    assert "you answered 'more than half the days'" in out and "your two answers since, latest" in out
    assert "today" not in out and out.endswith("`ipt crisis` any time.")
    # The clinician report tells it as history too, with no crisis block.
    md = " ".join(ipt.ok("report", "--format", "markdown").stdout.split())
    assert "they answered 'more than half the days'" in md and "Right after each" not in md
