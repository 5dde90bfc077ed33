"""Coping strategies and guided breathing."""

import json

from support import assert_user_error, flat


def test_cope_lists_every_strategy_and_names_the_inner_circle(people):
    out = flat(people.ok("cope").stdout)
    for key in (
        "slow-breathing",
        "grounding",
        "reach-out",
        "pleasant-activity",
        "short-walk",
        "write-it-down",
    ):
        assert f"({key})" in out
    assert "Your inner circle: Sam, Jo." in out or "Your inner circle: Jo, Sam." in out


def test_cope_without_people_suggests_adding_them(ipt):
    assert "ipt inventory add" in flat(ipt.ok("cope").stdout)


def test_log_records_use_and_helpfulness(people):
    out = people.ok("cope", "log", "Short-Walk", "--helpful", "4", "--note", "round the block").stdout
    assert "Logged short-walk" in out and "helpful 4/5" in out
    assert people.rows("SELECT strategy, helpful, note FROM coping_log") == [
        ("short-walk", 4, "round the block")
    ]


def test_bad_strategy_and_rating_are_refused(people):
    assert_user_error(people("cope", "log", "walk"), "There is no coping strategy 'walk'", "ipt cope")
    assert_user_error(
        people("cope", "log", "grounding", "--helpful", "6"), "from 1 (not at all) to 5 (a lot), got 6"
    )
    assert people.count("coping_log") == 0


def test_report_ranks_strategies_by_how_much_they_helped(people):
    people.ok("checkin", "--mood", "5")
    for strategy, helpful in (("grounding", "2"), ("grounding", "4"), ("short-walk", "5")):
        people.ok("cope", "log", strategy, "--helpful", helpful)
    people.ok("cope", "log", "write-it-down")
    data = json.loads(people.ok("report", "--json").stdout)
    assert [(c["strategy"], c["uses"], c["mean_helpful"]) for c in data["coping"]] == [
        ("short-walk", 1, 5.0),
        ("grounding", 2, 3.0),
        ("write-it-down", 1, None),
    ]
    out = flat(people.ok("report").stdout)
    assert "short-walk: 1 time, helped 5.0/5 on average" in out and "write-it-down: 1 time, not rated" in out


def test_breathe_by_flags_logs_without_asking(people):
    out = flat(people.ok("breathe", "--minutes", "0.1", "--pattern", "box", "--log", "--helpful", "3").stdout)
    assert "Box (4-4-4-4): finished." in out
    assert people.rows("SELECT strategy, helpful, note FROM coping_log") == [
        ("slow-breathing", 3, "Box (4-4-4-4), 0 min 6 s")
    ]


def test_breathe_refuses_unknown_patterns(people):
    assert_user_error(people("breathe", "--pattern", "deep"), "--pattern must be one of calm, box, 4-7-8")
