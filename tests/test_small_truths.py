"""Small truths a new user trips over (issue 24, point 9)."""

from support import flat


def test_a_questionnaire_typed_as_a_command_points_to_ipt_measure(ipt):
    for name in ("gad7", "PHQ9"):
        result = ipt(name)
        assert result.exit_code == 2
        assert f"Did you mean 'ipt measure {name.lower()}'?" in result.stderr
    assert not ipt.path.exists()  # nothing was opened or created


def test_checkin_edit_help_says_the_day_stays_unless_given(ipt):
    text = flat(ipt.ok("checkin", "edit", "--help").stdout)
    assert "[default: its day stays]" in text
    assert "[default: today]" not in text


def test_checkin_edit_without_date_keeps_the_day(ipt):
    ipt.ok("checkin", "--mood", "6", "--date", "2026-03-02")
    ipt.ok("checkin", "edit", "1", "--mood", "4")
    assert ipt.rows("SELECT day, mood FROM checkins") == [("2026-03-02", 4)]
