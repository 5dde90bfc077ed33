"""Response, remission, change and the clinician line, as a clinician would read them
(issue 11: errors 1 and 6, omission 2)."""

import datetime as dt
import json

import pytest

from support import flat

# Answer sets with the totals named; item 9 is 0 except for 27, where it must be 3.
TOTALS = {
    0: "0,0,0,0,0,0,0,0,0",
    4: "1,1,1,1,0,0,0,0,0",
    9: "2,2,2,1,1,1,0,0,0",
    10: "2,2,2,2,1,1,0,0,0",
    16: "2,2,2,2,2,2,2,2,0",
    20: "3,3,3,3,3,3,2,0,0",
    27: "3,3,3,3,3,3,3,3,3",
}


def weeks_ago(n: int) -> str:
    return (dt.date.today() - dt.timedelta(weeks=n)).isoformat()


@pytest.mark.parametrize(("baseline", "applies"), [(9, False), (10, True), (27, True)])
def test_response_and_remission_only_from_a_clinical_baseline_in_measure(ipt, baseline, applies):
    ipt.ok("measure", "phq9", "--answers", TOTALS[baseline], "--date", weeks_ago(4))
    out = flat(ipt.ok("measure", "phq9", "--answers", TOTALS[0]).stdout)
    assert ("what studies call a response" in out) is applies
    assert ("what studies call remission" in out) is applies
    assert "to treatment" not in out
    data = json.loads(ipt.ok("measure", "history", "--json").stdout)[-1]
    assert (data["response"], data["remission"]) == ((True, True) if applies else (None, None))


@pytest.mark.parametrize(("baseline", "applies"), [(9, False), (10, True), (27, True)])
def test_response_and_remission_only_from_a_clinical_baseline_in_checkins_and_reports(ipt, baseline, applies):
    ipt.ok("measure", "phq9", "--answers", TOTALS[baseline], "--date", weeks_ago(4))
    out = flat(ipt.ok("checkin", "--mood", "6", "--phq9", TOTALS[0]).stdout)
    assert ("what studies call a response" in out) is applies
    assert ("what studies call remission" in out) is applies
    report = json.loads(ipt.ok("report", "--json").stdout)["progress"][0]
    assert (report["response"], report["remission"]) == ((True, True) if applies else (None, None))
    out = flat(ipt.ok("report").stdout)
    assert ("what studies call a response" in out) is applies
    assert ("what studies call remission" in out) is applies


def test_gad7_follows_the_same_rule(ipt):
    ipt.ok("measure", "gad7", "--answers", "1,1,1,1,1,1,1", "--date", weeks_ago(4))  # 7
    out = flat(ipt.ok("measure", "gad7", "--answers", "0,0,0,0,0,0,0").stdout)
    assert "response" not in out and "remission" not in out
    ipt.ok("measure", "gad7", "--answers", "2,2,2,2,1,1,0", "--date", weeks_ago(5))  # 10, new baseline
    out = flat(ipt.ok("measure", "gad7", "--answers", "0,0,0,0,0,0,0").stdout)
    assert "what studies call a response" in out and "what studies call remission" in out


def test_review_look_back_marks_response_only_from_a_clinical_baseline(ipt):
    ipt.ok("measure", "phq9", "--answers", TOTALS[10], "--date", weeks_ago(8))
    ipt.ok("measure", "phq9", "--answers", TOTALS[4])
    ipt.ok("measure", "gad7", "--answers", "1,1,1,1,1,1,1", "--date", weeks_ago(8))
    ipt.ok("measure", "gad7", "--answers", "0,0,0,0,0,0,0")
    out = flat(ipt.ok("review", "--show").stdout)
    assert (
        "PHQ-9: 10 at the start" in out
        and "what studies call a response and what studies call remission" in out
    )
    assert "GAD-7: 7 at the start" in out and out.count("what studies call a response") == 1


def test_the_previous_one_is_not_repeated_when_it_is_the_baseline(ipt):
    ipt.ok("measure", "phq9", "--answers", TOTALS[16], "--date", weeks_ago(4))
    out = flat(ipt.ok("measure", "phq9", "--answers", TOTALS[9]).stdout)
    assert "Since your baseline" in out and "Since the previous one" not in out
    out = flat(ipt.ok("measure", "phq9", "--answers", TOTALS[10]).stdout)
    assert "Since your baseline" in out and "Since the previous one" in out


def test_severe_scores_and_meaningful_rises_ask_to_contact_the_clinician_soon(ipt):
    out = flat(ipt.ok("measure", "phq9", "--answers", TOTALS[20]).stdout)
    assert "please contact your therapist or doctor soon" in out and "worth discussing" not in out
    out = flat(ipt.ok("measure", "gad7", "--answers", "3,3,3,3,3,0,0").stdout)  # 15
    assert "please contact your therapist or doctor soon" in out
    ipt.ok("measure", "gad7", "--answers", "0,0,0,0,0,0,0", "--date", weeks_ago(6))
    ipt.ok("measure", "phq9", "--answers", TOTALS[4], "--date", weeks_ago(6))
    out = flat(ipt.ok("measure", "phq9", "--answers", TOTALS[10]).stdout)  # a rise of 6
    assert "risen meaningfully; please contact your therapist or doctor soon" in out
    data = json.loads(ipt.ok("measure", "history", "--json", "--scale", "phq9").stdout)
    assert [m["contact_clinician_soon"] for m in data] == [False, True, True]


def test_a_moderate_score_without_a_rise_is_worth_discussing(ipt):
    out = flat(ipt.ok("measure", "phq9", "--answers", TOTALS[10]).stdout)
    assert "worth discussing with your therapist or doctor" in out and "soon" not in out


def test_the_report_asks_to_contact_the_clinician_after_a_meaningful_rise(ipt):
    ipt.ok("measure", "phq9", "--answers", TOTALS[4], "--date", weeks_ago(4))
    ipt.ok("measure", "phq9", "--answers", TOTALS[10])
    assert "PHQ-9: 4 at baseline" in flat(ipt.ok("report").stdout)
    assert "a meaningful rise: please contact your therapist or doctor soon" in flat(ipt.ok("report").stdout)
