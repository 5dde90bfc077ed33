"""One meaning of "baseline" everywhere: the questionnaire taken at the course's start
(defect 2 of the trial: a backdated course got its baseline dated today)."""

import datetime as dt
import json

from support import assert_user_error, flat

TODAY = dt.date.today()


def ago(days: int) -> str:
    return (TODAY - dt.timedelta(days=days)).isoformat()


START = ago(118)


def test_a_backdated_course_dates_its_baseline_at_the_first_session(ipt):
    ipt.ok("measure", "phq9", "--answers", "1,1,1,1,1,0,0,0,0", "--date", ago(59))  # 5, mid-course
    out = ipt.ok("start", "--start-date", START, "--phq9", "2,2,1,2,1,1,1,1,0", "--gad7", "2,2,1,1,1,1,1")
    assert f"PHQ-9 saved for {START}" in out.stdout and f"GAD-7 saved for {START}" in out.stdout
    assert ipt.rows("SELECT scale, day, total FROM measures ORDER BY id") == [
        ("phq9", ago(59), 5),
        ("phq9", START, 11),
        ("gad7", START, 9),
    ]
    ipt.ok("measure", "phq9", "--answers", "0,0,1,1,1,0,0,0,0")  # 3 today
    assert f"PHQ-9: 11 at baseline ({START}), 3 on {TODAY} (minimal), down 8 points" in flat(
        ipt.ok("report").stdout
    )
    assert f"PHQ-9: 11 at the start ({START}), 3 now" in flat(ipt.ok("review", "--show").stdout)
    progress = {p["scale"]: p for p in json.loads(ipt.ok("report", "--json").stdout)["progress"]}
    assert (progress["phq9"]["baseline_day"], progress["phq9"]["baseline"]) == (START, 11)
    story = {p["scale"]: p for p in json.loads(ipt.ok("review", "--json").stdout)["questionnaires"]}
    assert (story["phq9"]["baseline_day"], story["phq9"]["baseline"]) == (START, 11)
    history = json.loads(ipt.ok("measure", "history", "--scale", "phq9", "--json").stdout)
    assert [m["change_from_baseline"] and m["change_from_baseline"]["day"] for m in history] == [
        None,  # the baseline itself
        START,
        START,
    ]


def test_baseline_date_says_when_the_answers_were_given(ipt):
    ipt.ok("start", "--start-date", START, "--phq9", "1,1,1,1,1,1,1,1,0", "--baseline-date", ago(110))
    assert ipt.rows("SELECT day FROM measures") == [(ago(110),)]


def test_baseline_date_without_answers_or_in_the_future_is_refused(ipt):
    assert_user_error(ipt("start", "--start-date", START, "--baseline-date", START), "--baseline-date")
    tomorrow = (TODAY + dt.timedelta(days=1)).isoformat()
    assert_user_error(
        ipt("start", "--phq9", "1,1,1,1,1,1,1,1,0", "--baseline-date", tomorrow), "in the future"
    )
    assert ipt.count("courses") == 0 and ipt.count("measures") == 0


def test_a_course_starting_today_keeps_todays_answers_as_its_baseline(ipt):
    out = ipt.ok("start", "--phq9", "1,1,1,1,1,1,1,1,0")
    assert f"PHQ-9 saved for {TODAY}" in out.stdout
    assert ipt.rows("SELECT day FROM measures") == [(TODAY.isoformat(),)]


def test_one_taken_in_the_two_weeks_before_the_start_is_the_baseline(ipt):
    ipt.ok("measure", "phq9", "--answers", "3,3,3,3,3,0,0,0,0", "--date", ago(130))  # 15, long before
    ipt.ok("measure", "phq9", "--answers", "2,2,2,2,2,2,0,0,0", "--date", ago(125))  # 12, in the 14 days
    ipt.ok("start", "--start-date", START)
    ipt.ok("measure", "phq9", "--answers", "1,1,1,1,1,1,0,0,0", "--date", ago(100))  # 6, after
    ipt.ok("measure", "phq9", "--answers", "1,1,1,0,0,0,0,0,0")  # 3, today
    [progress] = json.loads(ipt.ok("report", "--json").stdout)["progress"]
    assert (progress["baseline_day"], progress["baseline"]) == (ago(125), 12)
    latest = json.loads(ipt.ok("measure", "history", "--json", "-n", "1").stdout)[0]
    assert latest["change_from_baseline"] == {"day": ago(125), "total": 12, "points": -9, "meaningful": True}
    assert "Since your baseline (" + ago(125) + ", 12)" in flat(
        ipt.ok("measure", "phq9", "--answers", "0,0,0,0,0,0,0,0,0").stdout
    )


def test_without_one_near_the_start_the_first_after_it_is_the_baseline(ipt):
    ipt.ok("measure", "phq9", "--answers", "3,3,3,3,3,0,0,0,0", "--date", ago(140))  # 15, 22 days before
    ipt.ok("start", "--start-date", START)
    ipt.ok("measure", "phq9", "--answers", "1,1,1,1,1,1,0,0,0", "--date", ago(100))  # 6
    ipt.ok("measure", "phq9", "--answers", "1,1,1,0,0,0,0,0,0")  # 3
    [progress] = json.loads(ipt.ok("report", "--json").stdout)["progress"]
    assert (progress["baseline_day"], progress["baseline"]) == (ago(100), 6)


def test_without_a_course_the_first_ever_is_the_baseline(ipt):
    ipt.ok("measure", "phq9", "--answers", "3,3,3,3,3,0,0,0,0", "--date", ago(140))
    ipt.ok("measure", "phq9", "--answers", "1,1,1,0,0,0,0,0,0")
    [progress] = json.loads(ipt.ok("report", "--json", "--weeks", "52").stdout)["progress"]
    assert (progress["baseline_day"], progress["baseline"]) == (ago(140), 15)
