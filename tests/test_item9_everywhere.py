"""PHQ-9 item 9 above 0 brings the crisis lines wherever that questionnaire is shown, in
text and in JSON, even when a later PHQ-9 answered it with 0 (defect 1 of the trial)."""

import datetime as dt
import json

import pytest

from support import flat

TODAY = dt.date.today()
HARD_DAY = (TODAY - dt.timedelta(days=3)).isoformat()
LATER = (TODAY - dt.timedelta(days=1)).isoformat()
REMINDER = f"On {HARD_DAY} you answered the PHQ-9 question about thoughts of being better off dead"


@pytest.fixture
def item9_then_calm(ipt):
    ipt.ok("measure", "phq9", "--answers", "1,1,1,1,1,1,1,1,2", "--date", HARD_DAY)
    ipt.ok("measure", "phq9", "--answers", "1,1,1,1,1,1,1,1,0", "--date", LATER)
    assert ipt.rows("SELECT day, json_extract(answers, '$[8]') FROM measures ORDER BY day") == [
        (HARD_DAY, 2),
        (LATER, 0),
    ]
    return ipt


@pytest.mark.parametrize(
    "screen",
    [("report",), ("chart",), ("timeline",), ("review", "--show"), ("prep",), ("measure", "history")],
)
def test_every_screen_showing_the_phq9_shows_the_crisis_lines(item9_then_calm, screen):
    result = item9_then_calm.ok(*screen)  # no input given: nothing is asked or acknowledged
    out = flat(result.stdout)
    assert REMINDER in out
    assert "Help is there, any time" in out and "ipt crisis" in out
    assert "let your therapist or doctor know" in out


@pytest.mark.parametrize(
    "screen", [("report", "--json"), ("timeline", "--json"), ("review", "--json"), ("prep", "--json")]
)
def test_every_json_screen_showing_the_phq9_carries_the_safety_object(item9_then_calm, screen):
    data = json.loads(item9_then_calm.ok(*screen).stdout)
    assert data["safety"]["item9_days"] == [HARD_DAY]
    assert data["safety"]["resources"] and data["safety"]["always_available"] == "ipt crisis"


def test_report_json_flags_an_earlier_phq9_in_the_window_not_only_the_latest(item9_then_calm):
    data = json.loads(item9_then_calm.ok("report", "--json").stdout)
    assert data["crisis_resources"] is True and data["item9_days"] == [HARD_DAY]


def test_measure_history_json_stays_a_list_and_tells_the_terminal(item9_then_calm):
    result = item9_then_calm.ok("measure", "history", "--json")
    assert [m["day"] for m in json.loads(result.stdout)] == [HARD_DAY, LATER]
    assert "Help is there, any time" in result.stderr


def test_no_crisis_block_where_no_item9_is_shown(ipt):
    ipt.ok("measure", "phq9", "--answers", "1,1,1,1,1,1,1,1,0", "--date", LATER)
    for screen in (("report",), ("chart",), ("timeline",), ("review", "--show"), ("measure", "history")):
        assert "Help is there" not in ipt.ok(*screen).stdout
    assert "safety" not in json.loads(ipt.ok("timeline", "--json").stdout)
    # Outside the window asked for, the questionnaire is not shown, so neither is the block.
    ipt.ok("measure", "phq9", "--answers", "0,0,0,0,0,0,0,0,1", "--date", "2020-01-06")
    assert "Help is there" not in ipt.ok("timeline", "--since", HARD_DAY).stdout
    assert "Help is there" in ipt.ok("measure", "history").stdout
