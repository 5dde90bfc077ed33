"""When someone died, as much as was said: the day when the day is known, the month alone
when only the month is (nothing made up), and a reminder for the month of a death known
only by its month, as the anniversary of a known day has one."""

import datetime as dt
import json

import pytest
import time_machine

from support import assert_user_error, flat


@pytest.fixture
def bereaved(ipt):
    ipt.ok(
        "inventory",
        "add",
        "--name",
        "Dad",
        "--relationship",
        "parent",
        "--status",
        "deceased",
        "--died",
        "2019-12",
    )
    ipt.ok("inventory", "add", "--name", "Gran", "--relationship", "other-family", "--status", "deceased",
           "--died", "2025-12-20")  # fmt: skip
    return ipt


def test_the_day_is_shown_when_it_is_known_and_the_month_alone_when_only_it_is(bereaved):
    assert "Status died 20 December 2025" in flat(bereaved.ok("inventory", "show", "Gran").stdout)
    assert "Status died December 2019" in flat(bereaved.ok("inventory", "show", "Dad").stdout)
    listed = flat(bereaved.ok("inventory", "list").stdout)
    assert "died 20 December 2025" in listed and "died December 2019" in listed
    # Only the month is kept for a month: no 1st made up.
    assert bereaved.rows("SELECT name, died_on FROM people ORDER BY id") == [
        ("Dad", "2019-12"),
        ("Gran", "2025-12-20"),
    ]


def test_a_death_month_is_edited_to_a_day_and_back(bereaved):
    bereaved.ok("inventory", "edit", "Dad", "--died", "2019-12-03")
    assert "Status died 3 December 2019" in flat(bereaved.ok("inventory", "show", "Dad").stdout)
    bereaved.ok("inventory", "edit", "Dad", "--died", "2019-11")
    assert bereaved.rows("SELECT died_on FROM people WHERE name = 'Dad'") == [("2019-11",)]


def test_a_month_not_yet_begun_is_refused_and_nothing_is_written(bereaved):
    result = bereaved("inventory", "edit", "Dad", "--died", "2999-01")
    assert_user_error(result, "2999-01")
    assert bereaved.rows("SELECT died_on FROM people WHERE name = 'Dad'") == [("2019-12",)]


def test_the_dashboard_reminds_in_the_month_of_a_death_known_by_its_month(bereaved):
    with time_machine.travel(dt.datetime(2026, 12, 5, 12).astimezone(), tick=False):
        out = flat(bereaved.ok().stdout)
    assert "December: the month Dad died, 7 years ago." in out
    assert "It begins" not in out
    with time_machine.travel(dt.datetime(2026, 11, 24, 12).astimezone(), tick=False):
        soon = flat(bereaved.ok().stdout)
    assert "December: the month Dad died, 7 years ago. It begins in 7 days." in soon
    with time_machine.travel(dt.datetime(2026, 10, 5, 12).astimezone(), tick=False):
        assert "the month Dad died" not in flat(bereaved.ok().stdout)
    with time_machine.travel(dt.datetime(2027, 1, 2, 12).astimezone(), tick=False):
        assert "the month Dad died" not in flat(bereaved.ok().stdout)


def test_the_month_of_the_death_itself_and_the_turn_of_the_year():
    from ipt_journal.clinical.pathways import death_month_words, near_death_months

    died = [("Dad", dt.date(2026, 12, 1))]
    assert near_death_months(died, dt.date(2026, 12, 10)) == []  # the month it happened
    january = [("Mum", dt.date(2020, 1, 1))]
    (near,) = near_death_months(january, dt.date(2026, 12, 25))
    assert (near.starts, near.years, near.in_days) == (dt.date(2027, 1, 1), 7, 7)
    assert death_month_words(near).startswith(
        "January: the month Mum died, 7 years ago. It begins in 7 days."
    )
    (one,) = near_death_months([("Gran", dt.date(2025, 12, 1))], dt.date(2026, 12, 31))
    assert death_month_words(one).startswith("December: the month Gran died, 1 year ago.")


def test_pathway_says_the_month_too_and_its_json_names_it(bereaved):
    with time_machine.travel(dt.datetime(2026, 12, 5, 12).astimezone(), tick=False):
        data = json.loads(bereaved.ok("pathway", "--json").stdout)
        out = flat(bereaved.ok("pathway").stdout)
    assert data["death_months"] == [{"name": "Dad", "month": "2026-12", "years": 7, "in_days": 0}]
    assert [a["name"] for a in data["anniversaries"]] == []  # no day made up for Dad
    assert "December: the month Dad died, 7 years ago." in out
