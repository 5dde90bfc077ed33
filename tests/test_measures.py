"""PHQ-9 and GAD-7: scored exactly as published, and crisis help whenever item 9 is above 0."""

import json

import pytest

from ipt_journal.clinical import scales
from support import assert_user_error, flat

PHQ9_BANDS = [
    (0, 4, "minimal"),
    (5, 9, "mild"),
    (10, 14, "moderate"),
    (15, 19, "moderately severe"),
    (20, 27, "severe"),
]
GAD7_BANDS = [(0, 4, "minimal"), (5, 9, "mild"), (10, 14, "moderate"), (15, 21, "severe")]


@pytest.mark.parametrize(("scale", "bands"), [(scales.PHQ9, PHQ9_BANDS), (scales.GAD7, GAD7_BANDS)])
def test_every_possible_total_gets_its_published_band(scale, bands):
    expected = {total: band for low, high, band in bands for total in range(low, high + 1)}
    assert sorted(expected) == list(range(scale.max_total + 1))
    for total, band in expected.items():
        assert scale.band(total) == band
        assert f"in the {band} range" in scales.describe(scale, total)
    with pytest.raises(ValueError, match=f"total {scale.max_total + 1} is outside 0-{scale.max_total}"):
        scale.band(scale.max_total + 1)
    with pytest.raises(ValueError, match="total -1 is outside"):
        scale.band(-1)


def test_items_and_options_are_as_published():
    assert len(scales.PHQ9.items) == 9 and len(scales.GAD7.items) == 7
    assert scales.PHQ9.items[0] == "Little interest or pleasure in doing things"
    assert (
        scales.PHQ9.items[8]
        == "Thoughts that you would be better off dead or of hurting yourself in some way"
    )
    assert scales.GAD7.items[0] == "Feeling nervous, anxious or on edge"
    assert scales.GAD7.items[6] == "Feeling afraid as if something awful might happen"
    assert scales.OPTIONS == ("Not at all", "Several days", "More than half the days", "Nearly every day")
    assert "Pfizer" in scales.CREDIT


def test_wording_informs_and_never_diagnoses():
    for total in range(28):
        text = scales.describe(scales.PHQ9, total)
        assert "you have" not in text.lower() and "depression" not in text.lower()
    assert "worth discussing with your therapist or doctor" in scales.describe(scales.PHQ9, 12)


@pytest.mark.parametrize(
    ("scale", "earlier", "latest", "meaningful"),
    [
        (scales.PHQ9, 15, 10, True),
        (scales.PHQ9, 15, 11, False),
        (scales.PHQ9, 10, 15, True),
        (scales.GAD7, 12, 8, True),
        (scales.GAD7, 12, 9, False),
        (scales.GAD7, 8, 12, True),
    ],
)
def test_meaningful_change_at_its_edges(scale, earlier, latest, meaningful):
    assert scales.change(scale, earlier, latest).meaningful is meaningful


def test_response_and_remission_at_their_edges():
    assert scales.response(20, 10) and not scales.response(20, 11)
    assert scales.response(10, 5) and not scales.response(10, 6)
    assert scales.remission(10, 4) and not scales.remission(10, 5)
    # Below the clinical range the terms do not apply at all.
    assert scales.response(9, 0) is None and scales.remission(9, 0) is None
    assert scales.response(None, 0) is None


def test_only_phq9_item_9_above_zero_calls_for_crisis_help():
    for answer in (1, 2, 3):
        assert scales.needs_safety_message("phq9", [0] * 8 + [answer])
    assert not scales.needs_safety_message("phq9", [3] * 8 + [0])
    assert not scales.needs_safety_message("gad7", [3] * 7)


ITEM9 = {1: "0,0,0,0,0,0,0,0,1", 2: "1,1,0,0,0,0,0,0,2", 3: "3,3,3,3,3,3,3,3,3"}


@pytest.mark.parametrize("answer", [1, 2, 3])
def test_item_9_above_zero_saves_then_shows_help_by_flags(ipt, answer):
    result = ipt.ok("measure", "phq9", "--answers", ITEM9[answer])
    out = flat(result.stdout)
    assert out.index("PHQ-9 saved") < out.index("Help is there, any time")
    assert "988" in out and "116 123" in out and "ipt crisis" in out
    assert ipt.rows("SELECT answers FROM measures") == [
        (json.dumps([int(a) for a in ITEM9[answer].split(",")]),)
    ]


@pytest.mark.parametrize("answer", [1, 2, 3])
def test_item_9_above_zero_in_json_has_a_safety_object(ipt, answer):
    result = ipt.ok("measure", "phq9", "--answers", ITEM9[answer], "--json")
    data = json.loads(result.stdout)
    assert data["safety"]["always_available"] == "ipt crisis"
    assert any("988" in line for line in data["safety"]["resources"])
    assert "Help is there" in result.stderr
    assert ipt.count("measures") == 1


def test_item_9_at_zero_shows_no_help_and_does_not_call_it_safe(ipt):
    result = ipt.ok("measure", "phq9", "--answers", "3,3,3,3,3,3,3,3,0", "--json")
    assert json.loads(result.stdout)["safety"] is None
    text = ipt.ok("measure", "phq9", "--answers", "0,0,0,0,0,0,0,0,0").stdout.lower()
    assert "safe" not in text and "help is there" not in text


def test_crisis_help_uses_the_country_setting_and_the_safety_plan(ipt):
    ipt.ok("config", "set", "country", "gb")
    ipt.ok("inventory", "add", "--name", "Sam", "--relationship", "partner")
    ipt.ok("safety-plan", "add", "4", "--person", "Sam", "--text", "07700 900123, any time")
    out = flat(ipt.ok("measure", "phq9", "--answers", ITEM9[2]).stdout)
    assert "Samaritans on 116 123" in out and "call 999" in out and "988" not in out
    assert "Sam: 07700 900123, any time" in out


def test_crisis_works_with_a_corrupt_journal(ipt):
    ipt.path.parent.mkdir(parents=True)
    ipt.path.write_bytes(b"this is not a database" * 50)
    result = ipt("crisis")
    assert result.exit_code == 0
    assert "988" in result.stdout and "Error" not in result.output
    assert ipt.path.read_bytes() == b"this is not a database" * 50


def test_crisis_never_creates_a_journal(ipt):
    assert "116 123" in ipt.ok("crisis").stdout
    assert not ipt.path.exists()
    assert json.loads(ipt.ok("crisis", "--json").stdout)["resources"]


def test_measure_history_with_changes(ipt):
    ipt.ok("measure", "phq9", "--answers", "2,2,2,2,2,2,2,2,0", "--date", "2026-01-05")
    ipt.ok("measure", "phq9", "--answers", "1,1,1,1,1,1,1,0,0", "--date", "2026-02-02")
    ipt.ok("measure", "gad7", "--answers", "1,1,1,1,1,1,1", "--date", "2026-02-02")
    data = json.loads(ipt.ok("measure", "history", "--json").stdout)
    assert [(m["scale"], m["total"], m["band"]) for m in data] == [
        ("phq9", 16, "moderately severe"),
        ("phq9", 7, "mild"),
        ("gad7", 7, "mild"),
    ]
    assert data[1]["change_from_baseline"] == {
        "day": "2026-01-05",
        "total": 16,
        "points": -9,
        "meaningful": True,
    }
    assert data[1]["response"] is True and data[1]["remission"] is False
    out = ipt.ok("measure", "history").stdout
    assert "moderately severe" in out and "Pfizer" in flat(out)


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        ("0,1,2", "--answers needs exactly 9 answers from 0 to 3, separated by commas; got 3."),
        ("0,1,2,3,0,1,2,3,4", "--answers answer 9 must be 0, 1, 2 or 3, got '4'."),
        ("0,1,2,3,0,1,2,3,x", "answer 9 must be 0, 1, 2 or 3, got 'x'."),
    ],
)
def test_bad_answers_write_nothing(ipt, answers, message):
    assert_user_error(ipt("measure", "phq9", "--answers", answers), message)
    assert not ipt.path.exists() or ipt.count("measures") == 0


def test_missing_answers_outside_a_terminal(ipt):
    assert_user_error(ipt("measure", "gad7"), "Missing --answers", "ipt measure gad7 --answers 0,0,0,0,0,0,0")


def test_crisis_works_while_another_program_locks_the_journal(people):
    import sqlite3
    import subprocess
    import sys

    people.ok("safety-plan", "add", "2", "--text", "A hot shower")
    lock = sqlite3.connect(people.path, isolation_level=None)
    lock.execute("PRAGMA locking_mode = EXCLUSIVE")
    lock.execute("BEGIN EXCLUSIVE")
    try:
        result = subprocess.run(
            [sys.executable, "-m", "ipt_journal", "--db", str(people.path), "crisis"],
            capture_output=True,
            text=True,
            timeout=60,
            stdin=subprocess.DEVNULL,
        )
    finally:
        lock.execute("ROLLBACK")
        lock.close()
    assert result.returncode == 0 and "988" in result.stdout and "Traceback" not in result.stderr
