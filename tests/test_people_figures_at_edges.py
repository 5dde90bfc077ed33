"""The per-person figures at their edges (insight/relationships.py): the trend-free link's r
and its effective number of check-ins with each lag-1 autocorrelation held within -1..1,
the interval shown from exactly ten, the one way time always went, the closeness circle's
day someone died, a course that ended mid-week, and the treatment marks on the mood chart.
Written against the mutants mutation testing left alive (docs/testing.md)."""

import datetime as dt
import math
from types import SimpleNamespace

import pytest

from ipt_journal.insight import relationships as insight
from ipt_journal.store import open_journal


def person_row(**given):
    """A row of store.patterns.person_figures, as _person_mood reads it."""
    row = {
        "name": "Sam", "closeness": 1, "interactions": 12, "window_checkins": 20, "rated": 12,
        "badly": 3, "badly_mood": 3.5, "neither": 4, "neither_mood": 5.0, "well": 5,
        "well_mood": 7.25, "detrended": 10, "mood_without": 5.5, "link_cov": 0.6,
        "link_var_quality": 1.0, "link_var_mood": 1.0, "lag_cov_quality": 0.0, "lag_cov_mood": 0.0,
    }  # fmt: skip
    return {**row, **given}


def weeks_from(monday: dt.date, count: int) -> list:
    from ipt_journal.insight.weekly_mood import WeekMood

    return [
        WeekMood(f"week {n}", monday + dt.timedelta(weeks=n), 1, 5.0, None, people=[]) for n in range(count)
    ]


# ------------------------------------------------------------------ the trend-free link


def test_r_divides_the_covariance_by_both_spreads():
    # 1 / sqrt(4 * 2): a spread of how it went unlike the spread of mood
    link = insight.trend_free_link(12, 1.0, 4.0, 2.0)
    assert link.r == pytest.approx(1 / math.sqrt(8))
    assert link.strength == "moderate"


@pytest.mark.parametrize(
    "lags, effective",
    [
        ((-3.0, -3.0), 0.0),  # each held at -1: (1 - 1) / (1 + 1) of the 20
        ((3.0, 0.5), 20 * 0.5 / 1.5),  # how it went held at +1
        ((0.5, 3.0), 20 * 0.5 / 1.5),  # mood held at +1
    ],
)
def test_each_autocorrelation_is_held_within_minus_one_and_one(lags, effective):
    link = insight.trend_free_link(20, 0.5, 1.0, 1.0, *lags)
    assert link.effective == pytest.approx(effective)
    assert (link.low, link.high, link.clear, link.checkins) == (None, None, False, 20)


@pytest.mark.parametrize(
    "lags, effective",
    [
        ((2.0, 2.0), 20 * 0.75 / 1.25),  # each lag over its variance of 4: 0.5 and 0.5
        ((None, 2.0), 20.0),  # no lag for how it went: nothing shared
        ((2.0, None), 20.0),
        ((0.0, 2.0), 20.0),
    ],
)
def test_the_autocorrelations_are_each_lag_over_its_own_variance(lags, effective):
    link = insight.trend_free_link(20, 0.5, 4.0, 4.0, *lags)
    assert link.effective == pytest.approx(effective)
    assert link.low is not None and link.checkins == 20


def test_the_interval_is_shown_from_exactly_ten_effective_checkins():
    link = insight.trend_free_link(10, 0.5, 1.0, 1.0)
    assert link.effective == 10
    half = 1.96 * math.sqrt(1 / 7)
    assert link.low == pytest.approx(math.tanh(math.atanh(0.5) - half))
    assert link.high == pytest.approx(math.tanh(math.atanh(0.5) + half))
    nine = insight.trend_free_link(9, 0.5, 1.0, 1.0)
    assert (nine.low, nine.high, nine.clear, nine.checkins, nine.effective) == (None, None, False, 9, 9)


# ------------------------------------------------------------------ a person's row


def test_time_that_went_badly_every_time_is_said_so():
    one_way = insight._person_mood(person_row(neither=0, well=0))
    assert (one_way.link_status, one_way.always, one_way.link) == ("one-way", "badly", None)


def test_time_that_went_more_than_one_way_has_no_always():
    assert insight._person_mood(person_row()).always is None
    assert insight._person_mood(person_row(detrended=9)).always is None


def test_the_persons_link_counts_their_autocorrelations():
    mood = insight._person_mood(person_row(detrended=20, lag_cov_quality=0.5, lag_cov_mood=0.5))
    assert mood.link.effective == pytest.approx(20 * 0.75 / 1.25)
    assert mood.link.checkins == mood.compared == 20


# ------------------------------------------------------------------ a journal


@pytest.fixture
def journal(people):
    """The inventory (Sam, Alex, Jo) with Rosa, who died in April 2026; a check-in a day in
    January 2026 and life events in and around the week of 6 to 12 January."""
    people.ok(
        "inventory", "add", "--name", "Rosa", "--relationship", "parent", "--status", "deceased",
        "--died", "2026-04",
    )  # fmt: skip
    for day in range(1, 15):
        people.ok("checkin", "--date", f"2026-01-{day:02d}", "--mood", str(day % 10))
    for day, kind in (
        ("2026-01-03", "doctor-visit"),  # before the window
        ("2026-01-06", "medication-started"),
        ("2026-01-08", "conflict"),  # not treatment: no mark
        ("2026-01", "hospital-stay"),  # known by its month only
        ("2026-01-12", "doctor-visit"),
        ("2026-01-13", "sick-leave"),  # after it
    ):
        people.ok("event", "add", "--date", day, "--kind", kind)
    opened = open_journal(people.path)
    yield opened
    opened.close()


def test_the_circle_keeps_the_day_someone_died(journal):
    places = {place.name: place for place in insight.closeness_circle(journal, dt.date(2026, 5, 1))}
    assert places["Rosa"].status == "deceased" and places["Rosa"].died_on == "2026-04"
    assert places["Sam"].died_on is None


def test_the_treatment_marks_of_a_window_in_words_and_marks(journal):
    expected = [
        insight.TreatmentMark(dt.date(2026, 1, 1), "hospital-stay", "hospital stay", "H", True),
        insight.TreatmentMark(dt.date(2026, 1, 6), "medication-started", "medication started", "+", False),
        insight.TreatmentMark(dt.date(2026, 1, 12), "doctor-visit", "doctor visit", "D", False),
    ]
    assert insight.treatment_marks(journal, dt.date(2026, 1, 6), dt.date(2026, 1, 12)) == expected
    series = insight.mood_series(journal, dt.date(2026, 1, 6), dt.date(2026, 1, 12))
    assert series.treatment == expected
    assert [point.mood for point in series.points] == [6, 7, 8, 9, 0, 1, 2]


# ------------------------------------------------------------------ weeks


def test_a_course_that_ended_mid_week_keeps_its_last_days_course_week():
    """Begun on a Thursday and ended on the Tuesday of its third calendar week: that week's
    row says course week 2 (the Tuesday's), not 3 (its Sunday's)."""
    course = SimpleNamespace(started_on="2027-01-07", ended_on="2027-01-19", planned_weeks=12)
    weeks = weeks_from(dt.date(2027, 1, 4), 3)
    weeks = insight.name_weeks(weeks, {}, course, dt.date(2027, 6, 1))
    assert [week.course_week for week in weeks] == [1, 2, 2]
