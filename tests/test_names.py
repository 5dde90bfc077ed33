"""Names that say what things are (issue 19, point 9), and what they fixed on the way."""

import datetime as dt

from ipt_journal import remind
from ipt_journal.clinical.vocab import REVIEW_FIELDS
from ipt_journal.importers import common
from ipt_journal.text import dates
from support import flat


def test_a_weekday_and_a_day_have_different_names():
    assert remind.parse_weekday("Sun") == 6 and remind.parse_weekday("monday") == 0
    assert not hasattr(remind, "parse_day")
    assert dates.parse_day("2026-03-01") == dt.date(2026, 3, 1)


def test_the_importers_check_a_time_beside_a_day_and_a_note(tmp_path):
    assert common.check_time(tmp_path / "x.csv", 2, "time", "9:30 pm") == "21:30"
    assert not hasattr(common, "parse_time")


def test_the_report_names_the_review_as_the_review_does(ipt):
    started = (dt.date.today() - dt.timedelta(weeks=14)).isoformat()
    ipt.ok("start", "--start-date", started, "--weeks", "12")
    ipt.ok("review", "--keep-practising", "Sunday check-ins", "--warning-signs", "Skipping meals")
    assert ipt.rows("SELECT keep_practising, warning_signs FROM reviews") == [
        ("Sunday check-ins", "Skipping meals")
    ]
    report = flat(ipt.ok("report").stdout)
    labels = dict(REVIEW_FIELDS)
    assert f"{labels['keep_practising']}: Sunday check-ins" in report
    assert f"{labels['warning_signs']}: Skipping meals" in report
    assert "Plan to keep practising" not in report


def test_revising_an_agreed_formulation_keeps_its_day(monkeypatch):
    # The stored day is text (YYYY-MM-DD); keeping the formulation as it was used to hand
    # that text on to be saved as a date, an unexpected problem.
    from ipt_journal import prompts
    from ipt_journal.wizards.course import ask_formulation

    monkeypatch.setattr(prompts, "text", lambda *args, **kwargs: "Arguments with Sam about money")
    monkeypatch.setattr(prompts, "confirm", lambda *args, **kwargs: True)
    kept = ask_formulation("Arguments with Sam about money", "2026-03-01", [], True)
    assert kept == ("Arguments with Sam about money", dt.date(2026, 3, 1))
