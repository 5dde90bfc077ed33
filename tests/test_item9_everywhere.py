"""PHQ-9 item 9 above 0 brings the crisis lines wherever that questionnaire is shown, in
text and in JSON, while the latest PHQ-9 still answers it above 0 (defect 1 of the trial);
once a later PHQ-9 answered 0, every screen tells the earlier answers as history in one
line (issue 20, point 6)."""

import datetime as dt
import json

import pytest

from support import flat

TODAY = dt.date.today()
HARD = TODAY - dt.timedelta(days=3)
HARD_DAY = HARD.isoformat()
LATER = (TODAY - dt.timedelta(days=1)).isoformat()
EARLIER = (TODAY - dt.timedelta(days=5)).isoformat()
REMINDER = f"On {HARD_DAY} you answered the PHQ-9 question about thoughts of being better off dead"


def spoken(day: dt.date) -> str:
    """'2 Nov' as screens say it (the year only when it is not the latest answer's)."""
    later = TODAY - dt.timedelta(days=1)
    return f"{day.day} {day:%b}" + ("" if day.year == later.year else f" {day.year}")


HISTORY = (
    f"On {spoken(HARD)} you answered 'more than half the days' to the PHQ-9 question about thoughts "
    f"of being better off dead or of hurting yourself; your answer since, on "
    f"{spoken(TODAY - dt.timedelta(days=1))}, was 'not at all'. `ipt crisis` any time."
)
SCREENS = [("report",), ("chart",), ("timeline",), ("review", "--show"), ("prep",), ("measure", "history")]
JSON_SCREENS = [("report", "--json"), ("timeline", "--json"), ("review", "--json"), ("prep", "--json")]


@pytest.fixture
def item9_then_calm(ipt):
    ipt.ok("measure", "phq9", "--answers", "1,1,1,1,1,1,1,1,2", "--date", HARD_DAY)
    ipt.ok("measure", "phq9", "--answers", "1,1,1,1,1,1,1,1,0", "--date", LATER)
    assert ipt.rows("SELECT day, json_extract(answers, '$[8]') FROM measures ORDER BY day") == [
        (HARD_DAY, 2),
        (LATER, 0),
    ]
    return ipt


@pytest.fixture
def item9_latest(ipt):
    ipt.ok("measure", "phq9", "--answers", "1,1,1,1,1,1,1,1,0", "--date", EARLIER)
    ipt.ok("measure", "phq9", "--answers", "1,1,1,1,1,1,1,1,2", "--date", HARD_DAY)
    return ipt


@pytest.mark.parametrize("screen", SCREENS)
def test_every_screen_showing_the_phq9_shows_the_crisis_lines_while_the_latest_answer_is_above_0(
    item9_latest, screen
):
    result = item9_latest.ok(*screen)  # no input given: nothing is asked or acknowledged
    out = flat(result.stdout)
    assert REMINDER in out
    assert "Help is there, any time" in out and "ipt crisis" in out
    # Item 9 = 2: today, and "your therapist or doctor" (no course says otherwise).
    assert out.endswith(
        "ipt does not tell anyone; please contact your therapist or doctor today, and call the "
        "emergency number above if you might act on these thoughts."
    )


@pytest.mark.parametrize("screen", SCREENS)
def test_after_a_later_0_every_screen_tells_the_earlier_answer_as_history_in_one_line(
    item9_then_calm, screen
):
    out = flat(item9_then_calm.ok(*screen).stdout)
    assert HISTORY in out
    assert "Help is there" not in out and "Your safety plan" not in out and "today" not in out


@pytest.mark.parametrize("screen", JSON_SCREENS)
def test_every_json_screen_showing_the_phq9_carries_the_safety_object(item9_latest, screen):
    data = json.loads(item9_latest.ok(*screen).stdout)
    assert data["safety"]["urgent"] is True and data["safety"]["item9_days"] == [HARD_DAY]
    assert data["safety"]["resources"] and data["safety"]["always_available"] == "ipt crisis"
    assert data["safety"]["urgency"] == "today"


@pytest.mark.parametrize("screen", JSON_SCREENS)
def test_json_screens_tell_history_once_a_later_phq9_answered_0(item9_then_calm, screen):
    safety = json.loads(item9_then_calm.ok(*screen).stdout)["safety"]
    assert safety == {
        "urgent": False,
        "item9_days": [HARD_DAY],
        "history": HISTORY,
        "always_available": "ipt crisis",
    }


def test_report_json_flags_an_earlier_phq9_in_the_window_not_only_the_latest(item9_then_calm):
    data = json.loads(item9_then_calm.ok("report", "--json").stdout)
    assert data["crisis_resources"] is True and data["item9_days"] == [HARD_DAY]


def test_measure_history_json_stays_a_list_and_tells_the_terminal(item9_latest):
    result = item9_latest.ok("measure", "history", "--json")
    assert [m["day"] for m in json.loads(result.stdout)] == [EARLIER, HARD_DAY]
    assert "Help is there, any time" in result.stderr


def test_no_crisis_block_where_no_item9_is_shown(ipt):
    ipt.ok("measure", "phq9", "--answers", "1,1,1,1,1,1,1,1,0", "--date", LATER)
    for screen in SCREENS:
        out = ipt.ok(*screen).stdout
        assert "Help is there" not in out and "you answered" not in out
    assert "safety" not in json.loads(ipt.ok("timeline", "--json").stdout)
    # Outside the window asked for, the questionnaire is not shown, so neither is the block.
    ipt.ok("measure", "phq9", "--answers", "0,0,0,0,0,0,0,0,1", "--date", "2020-01-06")
    assert "you answered" not in ipt.ok("timeline", "--since", HARD_DAY).stdout
    assert "On 6 Jan 2020 you answered 'several days'" in flat(ipt.ok("measure", "history").stdout)
