"""Every number flag and argument takes what a keyboard types in ASCII digits, and nothing
else Python's int() and float() would accept."""

import pytest
import typer

from ipt_journal.cli import COMMANDS, app
from ipt_journal.cli.framework import FloatParamType, IntParamType
from ipt_journal.cli.numbers import StrictFloat, StrictInt
from support import assert_user_error


@pytest.mark.parametrize(
    ("typed", "phrase"),
    [
        ("1_0", "'1_0' is not a whole number written with the digits 0 to 9"),
        ("١", "is not a whole number written with the digits 0 to 9"),  # Arabic-Indic one
        ("５", "is not a whole number written with the digits 0 to 9"),  # fullwidth five
        ("1e1", "'1e1' is not a whole number"),
        ("5.0", "'5.0' is not a whole number"),
        ("99999999999999999999", "far beyond any id or number ipt keeps"),
    ],
)
def test_a_mood_not_in_plain_digits_is_refused_and_nothing_saved(people, typed, phrase):
    assert_user_error(people("checkin", "--mood", typed, "--date", "2026-03-01"), "--mood", phrase)
    assert people.count("checkins") == 0


def test_plain_digits_with_spaces_or_a_sign_are_numbers(ipt):
    ipt.ok("checkin", "--mood", " 7 ", "--date", "2026-03-01")
    ipt.ok("checkin", "--mood", "+6", "--date", "2026-03-02")
    assert ipt.rows("SELECT day, mood FROM checkins ORDER BY day") == [("2026-03-01", 7), ("2026-03-02", 6)]


def test_an_id_in_other_digits_deletes_nothing(people):
    people.ok("checkin", "--mood", "5", "--date", "2026-03-01")
    people.ok("checkin", "--mood", "6", "--date", "2026-03-02")
    assert_user_error(people("checkin", "delete", "٢", "--yes"), "digits 0 to 9")
    assert_user_error(people("checkin", "delete", "2_0", "--yes"), "digits 0 to 9")
    assert people.count("checkins") == 2


@pytest.mark.parametrize("typed", ["1e1", "nan", "inf", "1_5", "٣", "0x2", "1.2.3"])
def test_decimals_are_digits_and_one_point(ipt, typed):
    result = ipt("breathe", "--minutes", typed)
    assert_user_error(result, "--minutes", f"{typed!r} is not a number written with the digits 0 to 9")
    assert "Breathe in" not in result.output


def test_strict_types_convert_like_click_otherwise():
    assert StrictInt().convert("42", None, None) == 42
    assert StrictInt().convert(-3, None, None) == -3  # a default, already a number
    assert StrictFloat().convert("2.5", None, None) == 2.5
    assert StrictFloat().convert(".5", None, None) == 0.5


def _numbers(command, path):
    for param in command.params:
        if isinstance(param.type, IntParamType | FloatParamType):
            yield path, param
    for name, sub in getattr(command, "commands", {}).items():
        yield from _numbers(sub, f"{path} {name}")


def test_every_number_parameter_of_every_command_is_strict():
    group = typer.main.get_command(app)
    found = [
        (path, param.name, type(param.type))
        for name in COMMANDS
        for path, param in _numbers(group.get_command(None, name), f"ipt {name}")
    ]
    assert len(found) > 40  # ids, limits, moods, weeks, minutes...
    assert [entry for entry in found if entry[2] not in (StrictInt, StrictFloat)] == []
