"""The numbers people read, at their edges: each threshold on both sides, each reading of a
day, each figure of the per-person insight. Written against the mutants mutation testing
left alive (docs/testing.md), so a changed bound or word fails here."""

import datetime as dt
import re
import sqlite3
from types import SimpleNamespace

import pytest
import time_machine
from hypothesis import given, settings
from hypothesis import strategies as st

from ipt_journal.clinical import scales
from ipt_journal.clinical.scales import GAD7, PHQ9
from ipt_journal.errors import InputError
from ipt_journal.insight import relationships as insight
from ipt_journal.store import open_journal
from ipt_journal.text import figures
from ipt_journal.text.dates import (
    UNKNOWN_DAY,
    UNKNOWN_DAY_OR_MONTH,
    DateError,
    check_weeks,
    day_problem,
    days_with_times,
    local_time_now,
    month_end,
    no_such_day_problem,
    parse_day,
    parse_day_or_month,
)

WEDNESDAY = dt.date(2026, 11, 25)

# ------------------------------------------------------------------ scales


@pytest.mark.parametrize(
    "scale, total, advice",
    [
        (PHQ9, 4, "keep tracking it over time"),
        (PHQ9, 5, "worth keeping an eye on"),
        (PHQ9, 9, "worth keeping an eye on"),
        (PHQ9, 10, "worth discussing with your therapist or doctor"),
        (PHQ9, 19, "worth discussing with your therapist or doctor"),
        (PHQ9, 20, "please contact your therapist or doctor soon"),
        (GAD7, 9, "worth keeping an eye on"),
        (GAD7, 10, "worth discussing with your therapist or doctor"),
        (GAD7, 14, "worth discussing with your therapist or doctor"),
        (GAD7, 15, "please contact your therapist or doctor soon"),
    ],
)
def test_the_advice_changes_exactly_at_each_threshold(scale, total, advice):
    assert scales.describe(scale, total).endswith(f"; {advice}.")


def test_describe_says_the_score_out_of_its_maximum_and_whom_to_tell():
    assert scales.describe(PHQ9, 20, who="Dr Lee") == (
        "Your PHQ-9 score is 20 of 27, in the severe range; please contact Dr Lee soon."
    )
    assert scales.describe(PHQ9, 19, who="Dr Lee").endswith("; worth discussing with Dr Lee.")
    # When a more urgent line follows, a severe score names its range only.
    assert scales.describe(GAD7, 15, urge=False) == "Your GAD-7 score is 15 of 21, in the severe range."
    assert scales.describe(GAD7, 14, urge=False).endswith("; worth discussing with your therapist or doctor.")
    assert scales.describe(GAD7, 0) == (
        "Your GAD-7 score is 0 of 21, in the minimal range; keep tracking it over time."
    )


@pytest.mark.parametrize(
    "scale, total, baseline, previous, soon",
    [
        (PHQ9, 19, None, None, False),
        (PHQ9, 20, None, None, True),  # severe from 20
        (GAD7, 14, None, None, False),
        (GAD7, 15, None, None, True),  # severe from 15
        (PHQ9, 12, 10, None, False),  # a rise of 2
        (PHQ9, 14, 10, None, False),  # 4: under the PHQ-9's 5
        (PHQ9, 15, 10, None, True),  # 5
        (PHQ9, 15, None, 10, True),  # since the previous one
        (PHQ9, 15, 12, 10, True),  # either counts
        (GAD7, 12, 8, None, True),  # 4: the GAD-7's reliable change
        (GAD7, 11, 8, 8, False),
        (PHQ9, 5, 18, 16, False),  # a fall is not a reason
    ],
)
def test_see_clinician_soon_on_each_side_of_its_bounds(scale, total, baseline, previous, soon):
    assert scales.see_clinician_soon(scale, total, baseline, previous) is soon


def test_change_is_meaningful_from_the_scales_own_figure_either_way():
    assert scales.change(PHQ9, 10, 15) == scales.Change(points=5, meaningful=True)
    assert scales.change(PHQ9, 15, 11) == scales.Change(points=-4, meaningful=False)
    assert scales.change(GAD7, 12, 8) == scales.Change(points=-4, meaningful=True)


@pytest.mark.parametrize(
    "baseline, latest, response, remission",
    [
        (None, 2, None, None),
        (9, 2, None, None),  # below the clinical range: the words do not apply
        (10, 5, True, False),  # exactly half
        (10, 6, False, False),
        (10, 4, True, True),
        (20, 10, True, False),
    ],
)
def test_response_and_remission_at_their_edges(baseline, latest, response, remission):
    assert scales.response(baseline, latest) is response
    assert scales.remission(baseline, latest) is remission


def test_only_a_phq9_item_9_above_0_asks_for_the_safety_message():
    assert scales.needs_safety_message("phq9", [0] * 8 + [1])
    assert not scales.needs_safety_message("phq9", [3] * 8 + [0])
    assert not scales.needs_safety_message("gad7", [0] * 6 + [1])


def test_answers_are_parsed_in_full_with_spaces_or_commas():
    assert PHQ9.parse("0 1 2 3 0,1,2,3 , 0", "--phq9") == [0, 1, 2, 3, 0, 1, 2, 3, 0]
    with pytest.raises(
        InputError, match=r"--gad7 needs exactly 7 answers from 0 to 3, .*; got 6\."
    ) as caught:
        GAD7.parse("0,0,0,0,0,0", "--gad7")
    assert caught.value.hint == "For example: --gad7 0,0,0,0,0,0,0"
    with pytest.raises(InputError, match=r"--gad7 answer 3 must be 0, 1, 2 or 3, got '4'\."):
        GAD7.parse("0,0,4,0,0,0,0", "--gad7")


# ------------------------------------------------------------------ figures


@pytest.mark.parametrize(
    "value, text, signed",
    [(6.25, "6.3", "+6.3"), (6.85, "6.9", "+6.9"), (-0.05, "-0.1", "-0.1"), (0.04, "0.0", "+0.0"),
     (-0.04, "0.0", "+0.0")],  # never "-0.0": a mean of -0.04 is no fall
)  # fmt: skip
def test_figures_round_half_away_from_zero(value, text, signed):
    assert figures.shown(value) == text
    assert figures.shown(value, signed=True) == signed


def _by_decimal(value: float, places: int, rule: str) -> float:
    """The published rule, written with Decimal: round the shortest text of the float."""
    from decimal import Decimal

    return float(Decimal(repr(value)).quantize(Decimal(1).scaleb(-places), rounding=rule))


@settings(max_examples=3000, deadline=None)
@given(
    value=st.one_of(
        st.floats(min_value=-1e6, max_value=1e6, allow_nan=False),
        st.integers(-40_000, 40_000).map(lambda n: n / 1000),  # ties at every place
        st.integers(-400, 400).map(lambda n: n / 8),  # binary-exact halves: 0.125, -2.5
    ),
    places=st.sampled_from([0, 1, 2]),
)
def test_rounding_is_decimal_half_up_and_half_down_on_the_written_figure(value, places):
    """figures rounds without Decimal (its import and its cost on every figure of a report),
    and must give what Decimal gives on the figure as written, sign of zero included."""
    import math
    from decimal import ROUND_HALF_DOWN, ROUND_HALF_UP

    up = figures.rounded(value, places)
    assert up == _by_decimal(value, places, ROUND_HALF_UP)
    assert math.copysign(1, up) == math.copysign(1, _by_decimal(value, places, ROUND_HALF_UP))
    if places == 0:
        assert figures.whole_half_down(value) == int(_by_decimal(value, 0, ROUND_HALF_DOWN))


@pytest.mark.parametrize(
    "value, up, down", [(2.675, 2.68, 2.67), (-2.675, -2.68, -2.67), (1.005, 1.01, 1.0), (0.125, 0.13, 0.12)]
)
def test_a_tie_as_written_goes_away_from_zero_and_the_milder_way_toward_it(value, up, down):
    assert figures.rounded(value, 2) == up  # 2.675 is 2.67499999... as a float: written, a tie
    assert figures._rounded(value, 2, ties_away=False) == down
    assert figures.whole_half_down(-1.5) == -1 and figures.whole_half_down(2.5) == 2


def test_no_figure_reads_as_a_dash():
    assert figures.shown(None) == "–"
    assert figures.shown(None, signed=True, places=2) == "–"


def test_whole_and_difference_round_the_same_way():
    assert figures.whole(0.5) == 1 and figures.whole(-0.5) == -1 and figures.whole(0.49) == 0
    assert figures.difference(3.45, 6.84) == 3.3  # 6.8 - 3.5 as shown, not 3.39
    assert figures.shown(0.125, signed=True, places=2) == "+0.13"


def test_json_ready_rounds_to_two_places_and_writes_days():
    data = {"a": [1.005, dt.date(2028, 2, 29)], "b": (2.5,), "c": "x", "d": None}
    assert figures.json_ready(data) == {"a": [1.01, "2028-02-29"], "b": [2.5], "c": "x", "d": None}
    point = insight.MoodPoint(dt.date(2027, 1, 1), 6.666)
    assert figures.json_ready(point) == {"day": "2027-01-01", "mood": 6.67}
    assert figures.json_ready(insight.MoodPoint) is insight.MoodPoint  # a class is left alone


# ------------------------------------------------------------------ dates


@pytest.mark.parametrize(
    "text, day",
    [
        ("now", WEDNESDAY),
        ("this monday", dt.date(2026, 11, 23)),
        ("nov, 2", dt.date(2026, 11, 2)),
        ("nov,2", dt.date(2026, 11, 2)),
        ("nov. 2", dt.date(2026, 11, 2)),
        ("2 nov.", dt.date(2026, 11, 2)),
        ("nov 1st", dt.date(2026, 11, 1)),
        ("nov 2nd", dt.date(2026, 11, 2)),
        ("nov 3rd", dt.date(2026, 11, 3)),
        ("nov 4th", dt.date(2026, 11, 4)),
        ("feb 29 2024", dt.date(2024, 2, 29)),
        ("two weeks ago", dt.date(2026, 11, 11)),
    ],
)
def test_days_as_people_write_them(text, day):
    assert parse_day(text, today=WEDNESDAY) == day


@pytest.mark.parametrize(
    "weekday, due",
    [("monday", 30), ("tuesday", 1), ("wednesday", 2), ("thursday", 26), ("sunday", 29)],
)
def test_next_weekday_later_in_the_week_is_within_seven_days(weekday, due):
    """From a Wednesday: 'next monday' is in 5 days, 'next wednesday' in 7, never today."""
    month = 11 if due > 25 else 12
    assert parse_day(f"next {weekday}", future=True, today=WEDNESDAY) == dt.date(2026, month, due)


def test_a_due_weekday_is_the_coming_one():
    assert parse_day("friday", future=True, today=WEDNESDAY) == dt.date(2026, 11, 27)
    assert parse_day("wednesday", future=True, today=WEDNESDAY) == dt.date(2026, 12, 2)
    assert parse_day("last wednesday", today=WEDNESDAY) == dt.date(2026, 11, 18)


@pytest.mark.parametrize(
    "text, message, brief",
    [
        ("feb 30", "--since 'feb 30' is not a real day.", "'feb 30' is not a real day."),
        ("nov 2 next", "--since must be a real day written YYYY-MM-DD", UNKNOWN_DAY),
        ("1/2", "--since must be a real day written YYYY-MM-DD, 'today'", UNKNOWN_DAY),
        ("1/2/x", "got '1/2/x'.", UNKNOWN_DAY),
        ("many days ago", "got 'many days ago'.", UNKNOWN_DAY),
        ("2026-04-31", "--since 2026-04-31 is not a real day: April 2026 has 30 days.", None),
    ],
)
def test_refusals_name_the_flag_and_the_text(text, message, brief):
    with pytest.raises(DateError, match=re.escape(message)) as caught:
        parse_day(text, "--since", today=WEDNESDAY)
    assert caught.value.message.startswith("--since ")
    if brief:
        assert caught.value.brief == brief


def test_a_day_to_come_is_refused_in_words_that_fit_a_prompt():
    with pytest.raises(DateError, match=r"^The date 2026-12-01 is in the future") as caught:
        parse_day(" 2026-12-01 ", today=WEDNESDAY)
    assert caught.value.brief == "2026-12-01 is in the future; pick today or an earlier day."
    assert parse_day("2026-11-25", today=WEDNESDAY) == WEDNESDAY


def test_an_ambiguous_or_future_day_gets_a_hint():
    with pytest.raises(DateError, match="ambiguous") as caught:
        parse_day("3/4/2026", today=WEDNESDAY)
    assert caught.value.hint == "Write it as YYYY-MM-DD."
    with pytest.raises(DateError, match="in the future") as caught:
        parse_day("dec 25", today=WEDNESDAY)
    assert caught.value.hint.startswith("Pick today or an earlier day")


@pytest.mark.parametrize(
    "text, problem",
    [
        ("2026-01-01", None),
        ("2026-01-31", None),
        ("2026-12-05", None),
        ("not a day", None),
        ("2026-01-32", "2026-01-32 is not a real day: January 2026 has 31 days."),
        ("2026-12-32", "2026-12-32 is not a real day: December 2026 has 31 days."),
        ("2026-02-00", "2026-02-00 is not a real day: February 2026 has 28 days."),
        ("2028-02-30", "2028-02-30 is not a real day: February 2028 has 29 days."),
        ("2026-13-01", "2026-13-01 is not a real day: there is no month 13."),
        ("2026-00-10", "2026-00-10 is not a real day: there is no month 0."),
    ],
)
def test_a_day_the_calendar_lacks_says_why(text, problem):
    assert no_such_day_problem(f" {text} ") == problem


def test_a_day_or_a_month():
    assert parse_day_or_month("yesterday", today=WEDNESDAY) == (dt.date(2026, 11, 24), False)
    assert parse_day_or_month("2026-11", today=dt.date(2026, 11, 1)) == (dt.date(2026, 11, 1), True)
    with pytest.raises(DateError, match=r"^The date 2026-12 is in the future") as caught:
        parse_day_or_month(" 2026-12 ", today=WEDNESDAY)
    assert caught.value.brief == "2026-12 is in the future; pick this month or an earlier one."
    with pytest.raises(DateError, match=r"^The date has no month 13"):
        parse_day_or_month("2026-13", today=WEDNESDAY)


def test_a_refused_day_or_month_says_the_month_form_too():
    with pytest.raises(DateError, match=r"^--since must be a real day") as caught:
        parse_day_or_month("someday", "--since", today=WEDNESDAY)
    assert caught.value.brief == UNKNOWN_DAY_OR_MONTH
    assert caught.value.hint == "A month known only roughly: YYYY-MM."
    with pytest.raises(DateError, match="in the future") as caught:
        parse_day_or_month("dec 25", today=WEDNESDAY)
    assert caught.value.brief == "That is 2026-12-25, in the future; pick an earlier day."
    assert caught.value.hint.startswith("Pick today or an earlier day")  # its own hint is kept


def test_two_entries_of_one_day_read_apart_by_their_times():
    entries = [
        ("2026-11-02", "09:00"),
        ("2026-11-02", "21:30"),
        ("2026-11-03", "08:00"),  # alone on its day: the day is enough
        ("2026-11-04", None),  # a time not known (imported): the day only
        ("2026-11-04", "10:00"),
    ]
    assert days_with_times(entries) == [
        "2026-11-02 09:00",
        "2026-11-02 21:30",
        "2026-11-03",
        "2026-11-04",
        "2026-11-04 10:00",
    ]
    assert days_with_times([]) == []


def test_a_day_before_1900_or_over_a_year_ahead_is_refused_in_words():
    with pytest.raises(DateError) as caught:
        parse_day("1899-12-31", "--date", today=WEDNESDAY)
    assert str(caught.value) == "--date 1899-12-31 is before 1900; pick a day from 1900 to a year from today."
    assert caught.value.brief == "1899-12-31 is before 1900; pick another day."
    assert parse_day("1900-01-01", today=WEDNESDAY) == dt.date(1900, 1, 1)  # the first day kept
    # A due day is measured from the `today` given, not from this computer's clock.
    with pytest.raises(DateError) as caught:
        parse_day("2001-06-01", "--due", future=True, today=dt.date(2000, 1, 1))
    assert caught.value.brief == "2001-06-01 is more than a year ahead; pick another day."
    assert parse_day("2000-12-31", future=True, today=dt.date(2000, 1, 1)) == dt.date(2000, 12, 31)


def test_the_bounds_of_any_day_a_record_may_carry():
    assert day_problem(dt.date(1899, 12, 31), WEDNESDAY) == "1899-12-31 is before 1900"
    assert day_problem(dt.date(1900, 1, 1), WEDNESDAY) is None
    assert day_problem(dt.date(2027, 11, 26), WEDNESDAY) is None  # 366 days ahead: kept
    assert day_problem(dt.date(2027, 11, 27), WEDNESDAY) == "2027-11-27 is more than a year ahead"


def test_a_checkin_keeps_the_time_of_day_only_when_written_on_its_own_day():
    with time_machine.travel(dt.datetime(2026, 11, 25, 14, 7).astimezone(), tick=False):
        assert local_time_now(WEDNESDAY) == "14:07"
        assert local_time_now(WEDNESDAY - dt.timedelta(days=1)) is None  # back-dated: no time


def test_month_ends_and_the_window_bounds():
    assert month_end(dt.date(2028, 2, 3)) == dt.date(2028, 2, 29)
    assert month_end(dt.date(2027, 12, 31)) == dt.date(2027, 12, 31)
    check_weeks(1)
    check_weeks(520)
    check_weeks(None)
    for weeks in (0, 521):
        with pytest.raises(InputError, match=f"--weeks must be a whole number from 1 to 520, got {weeks}."):
            check_weeks(weeks)


# ------------------------------------------------------------------ insight: the link


def test_no_link_when_either_side_never_varied_or_is_missing():
    for args in [(None, 5.0, 5.0), (1.0, None, 5.0), (1.0, 5.0, None), (1.0, 0.0, 5.0), (1.0, 5.0, 0.0)]:
        assert insight.trend_free_link(12, *args) is None, args
    for tiny in (1e-13, 1e-12):
        assert insight.trend_free_link(12, 1.0, tiny, 5.0) is None
        assert insight.trend_free_link(12, 1.0, 5.0, tiny) is None
    assert insight.trend_free_link(12, 0.1, 0.5, 0.5) is not None  # a small variance is still one


@pytest.mark.parametrize(
    "r, strength", [(0.5, "strong"), (0.3, "moderate"), (-0.3, "moderate"), (0.1, "weak"), (0.0, "none")]
)
def test_the_strength_changes_exactly_at_each_bound(r, strength):
    assert insight.trend_free_link(12, r, 1.0, 1.0).strength == strength


def test_r_is_held_within_minus_one_and_one():
    assert insight.trend_free_link(12, -2.0, 1.0, 1.0).r == -1.0
    assert insight.trend_free_link(12, 2.0, 1.0, 1.0).r == 1.0
    assert insight.trend_free_link(12, -1.0, 1.0, 1.0).low < -0.99


def test_a_link_is_clear_only_when_its_interval_leaves_out_zero():
    weak = insight.trend_free_link(12, 0.1, 1.0, 1.0)
    assert weak.low < 0 < weak.high < 1 and not weak.clear
    assert insight.trend_free_link(12, 0.9, 1.0, 1.0).clear
    assert insight.trend_free_link(12, -0.9, 1.0, 1.0).clear


def test_the_interval_counts_effectively_independent_checkins_and_is_left_out_under_ten():
    # Lag-1 autocorrelations 0.5 and 0.5: 20 check-ins are worth 20 * 0.75 / 1.25 = 12.
    link = insight.trend_free_link(20, 0.6, 1.0, 1.0, 0.5, 0.5)
    assert link.effective == pytest.approx(12.0) and link.checkins == 20
    import math

    half = 1.96 * math.sqrt(1 / 9)
    assert link.low == pytest.approx(math.tanh(math.atanh(0.6) - half))
    # 0.8 and 0.8: worth 20 * 0.36 / 1.64 = 4.4, too few for an honest range.
    thin = insight.trend_free_link(20, 0.6, 1.0, 1.0, 0.8, 0.8)
    assert thin.low is None and thin.high is None and not thin.clear and thin.r == 0.6
    # Series alternating against each other are never worth more than their count.
    assert insight.trend_free_link(20, 0.6, 1.0, 1.0, 0.5, -0.5).effective == 20


# ------------------------------------------------------------------ insight: rows to figures


def person_row(**given):
    row = {
        "name": "Sam",
        "closeness": 1,
        "interactions": 12,
        "window_checkins": 20,
        "rated": 12,
        "badly": 3,
        "badly_mood": 3.5,
        "neither": 4,
        "neither_mood": 5.0,
        "well": 5,
        "well_mood": 7.25,
        "detrended": 10,
        "mood_without": 5.5,
        "link_cov": 0.6,
        "link_var_quality": 1.0,
        "link_var_mood": 1.0,
        "lag_cov_quality": 0.0,
        "lag_cov_mood": 0.0,
        "early": 6,
        "late": 6,
        "early_rated": 6,
        "late_rated": 6,
        "early_quality": 0.0,
        "late_quality": 0.0,
    }
    return {**row, **given}


def test_a_persons_figures_come_from_their_row():
    mood = insight._person_mood(person_row(interactions=14))
    assert (mood.name, mood.closeness, mood.interactions, mood.window_checkins) == ("Sam", 1, 14, 20)
    assert mood.badly == insight.MoodWhen(3, 3.5)
    assert mood.neither == insight.MoodWhen(4, 5.0)
    assert mood.well == insight.MoodWhen(5, 7.25)
    assert mood.link_status == "shown" and mood.link.r == 0.6 and mood.unknown == 2
    assert mood.mood_without == 5.5 and mood.compared == 10


def test_the_link_is_read_from_ten_checkins_compared_with_their_running_mean():
    assert insight._person_mood(person_row(detrended=9)).link_status == "too-few"
    assert insight._person_mood(person_row(detrended=9)).link is None
    assert insight._person_mood(person_row(detrended=10)).link_status == "shown"
    assert insight._person_mood(person_row(link_var_mood=0.0)).link_status == "no-variation"


def test_time_that_went_the_same_way_every_time_reads_no_link():
    one_way = insight._person_mood(person_row(badly=0, neither=0, link_var_quality=0.3))
    assert (one_way.link_status, one_way.always, one_way.link) == ("one-way", "well", None)
    assert insight._person_mood(person_row(badly=0, well=0)).always == "neither"


@pytest.mark.parametrize(
    "interactions, window, nearly",
    [(2, 2, False), (3, 5, True), (3, 6, False), (12, 14, True), (12, 15, False)],
)
def test_nearly_always_needs_three_times_and_fewer_than_three_without(interactions, window, nearly):
    row = person_row(interactions=interactions, window_checkins=window, rated=interactions)
    assert insight._person_mood(row).nearly_always is nearly


@pytest.mark.parametrize(
    "early_quality, late_quality, reading",
    [(0.0, 0.5, "better"), (0.0, 0.49, "about the same"), (0.0, -0.49, "about the same"),
     (0.0, -0.5, "worse"), (1.0, -1.0, "worse"), (-2.0, 2.0, "better")],
)  # fmt: skip
def test_better_or_worse_from_half_a_point(early_quality, late_quality, reading):
    change = insight._change(person_row(early_quality=early_quality, late_quality=late_quality))
    assert change.quality == reading
    assert (change.name, change.early_quality, change.late_quality) == ("Sam", early_quality, late_quality)


def test_better_or_worse_needs_two_rated_in_each_half():
    assert insight._change(person_row(early_rated=1, late_quality=2.0)).quality == "too few"
    assert insight._change(person_row(late_rated=1, late_quality=2.0)).quality == "too few"
    assert insight._change(person_row(early_rated=2, late_rated=2, late_quality=2.0)).quality == "better"


@pytest.mark.parametrize(
    "early, late, contact",
    [(4, 5, "about as often"), (4, 6, "more often"), (6, 4, "less often"), (8, 10, "about as often"),
     (8, 11, "more often"), (0, 1, "about as often"), (0, 2, "more often"), (3, 3, "about as often")],
)  # fmt: skip
def test_more_or_less_often_beyond_one_and_a_quarter(early, late, contact):
    change = insight._change(person_row(early=early, late=late))
    assert (change.early, change.late, change.contact) == (early, late, contact)


def test_the_middle_of_a_window():
    assert insight.middle(dt.date(2026, 1, 1), dt.date(2026, 1, 2)) == dt.date(2026, 1, 2)
    assert insight.middle(dt.date(2026, 1, 1), dt.date(2026, 1, 3)) == dt.date(2026, 1, 2)
    assert insight.middle(dt.date(2026, 1, 1), dt.date(2026, 1, 4)) == dt.date(2026, 1, 3)
    assert insight.middle(dt.date(2026, 1, 1), dt.date(2026, 1, 1)) == dt.date(2026, 1, 1)


# ------------------------------------------------------------------ insight: weeks


def weeks_from(monday: dt.date, count: int) -> list:
    from ipt_journal.insight.weekly_mood import WeekMood

    return [
        WeekMood(f"week {n}", monday + dt.timedelta(weeks=n), 1, 5.0, None, people=[]) for n in range(count)
    ]


def test_course_weeks_count_on_each_weeks_sunday_past_week_three():
    monday = dt.date(2027, 1, 4)
    course = SimpleNamespace(started_on="2027-01-10", ended_on=None, planned_weeks=16)  # a Sunday
    weeks = weeks_from(monday, 12)
    weeks = insight.name_weeks(weeks, {monday: ["someone"]}, course, dt.date(2027, 6, 1))
    assert [week.course_week for week in weeks] == list(range(1, 13))
    assert {week.course_weeks for week in weeks} == {16}
    assert weeks[0].people == ["someone"] and weeks[1].people == []


def test_course_weeks_stop_with_the_course_and_start_with_it():
    monday = dt.date(2027, 1, 4)
    course = SimpleNamespace(started_on="2027-01-11", ended_on="2027-02-01", planned_weeks=4)
    weeks = weeks_from(monday, 6)
    weeks = insight.name_weeks(weeks, {}, course, dt.date(2027, 6, 1))
    named = [week.course_week for week in weeks]
    assert named == [None, 1, 2, 3, 4, None]  # 1 Feb is a Monday: its week is the last
    plain = weeks_from(monday, 2)
    plain = insight.name_weeks(plain, {}, None, dt.date(2027, 6, 1))
    assert all(week.course_week is None and week.course_week_words is None for week in plain)


def test_the_week_in_progress_takes_todays_course_week():
    """A course begun on a Thursday: on the Tuesday after, `ipt course` says week 1, and so
    does the row of the week in progress (its Sunday would say week 2)."""
    course = SimpleNamespace(started_on="2027-01-07", ended_on=None, planned_weeks=12)  # a Thursday
    weeks = weeks_from(dt.date(2027, 1, 4), 2)
    weeks = insight.name_weeks(weeks, {}, course, dt.date(2027, 1, 12))
    assert [week.course_week for week in weeks] == [1, 1]
    weeks = insight.name_weeks(weeks, {}, course, dt.date(2027, 1, 14))  # the Thursday: week 2 begins
    assert [week.course_week for week in weeks] == [1, 2]


# ------------------------------------------------------------------ insight: a journal


@pytest.fixture
def seen(people):
    """Two weeks of January 2026: time with Sam went well by exactly half a point on average,
    with Jo badly by as much, with Alex neither; Robin seen once, how it went unknown (as an
    import leaves it); Kim never seen. PHQ-9s before, within and after; a GAD-7."""
    for name, ring in (("Robin", "3"), ("Kim", "2")):
        people.ok("inventory", "add", "--name", name, "--relationship", "friend", "--closeness", ring)
    days = ["2026-01-05", "2026-01-06", "2026-01-12", "2026-01-13"]
    for day, sam, jo, mood in zip(days, ["+1", "0", "+1", "0"], ["-1", "0", "-1", "0"], "3468", strict=True):
        with_them = ["--with", f"Sam:{sam}", "--with", f"Jo:{jo}", "--with", "Alex:0"]
        people.ok("checkin", "--date", day, "--mood", mood, *with_them)
    people.ok("checkin", "--date", "2026-01-07", "--mood", "5", "--with", "Robin:+2")
    conn = sqlite3.connect(people.path)  # as an import leaves it: how it went with Robin unknown
    robin = "(SELECT id FROM people WHERE name = 'Robin')"
    conn.execute(f"UPDATE interactions SET quality = NULL WHERE person_id = {robin}")
    conn.commit()
    conn.close()
    for day, answers in (("2026-01-01", "1"), ("2026-01-06", "2"), ("2026-01-12", "3"), ("2026-01-20", "3")):
        people.ok("measure", "phq9", "--date", day, "--answers", ",".join([answers] * 8 + ["0"]))
    people.ok("measure", "gad7", "--date", "2026-01-06", "--answers", "1,1,1,1,1,1,1")
    journal = open_journal(people.path)
    yield journal
    journal.close()


def test_the_closeness_circle_reads_how_time_together_went_lately(seen):
    places = {place.name: place for place in insight.closeness_circle(seen, dt.date(2026, 1, 20))}
    assert places["Sam"] == insight.CirclePlace("Sam", 1, "current", "well", 4, 0.5)
    assert places["Jo"] == insight.CirclePlace("Jo", 1, "current", "badly", 4, -0.5)
    assert places["Alex"] == insight.CirclePlace("Alex", 2, "current", "mixed", 4, 0.0)
    assert places["Robin"] == insight.CirclePlace("Robin", 3, "current", "unknown", 1, None)
    assert places["Kim"] == insight.CirclePlace("Kim", 2, "current", "none", 0, None)
    later = {place.name: place.lately for place in insight.closeness_circle(seen, dt.date(2026, 3, 20))}
    assert set(later.values()) == {"none"}


def test_weekly_people(seen):
    weeks = insight.weekly_people(seen, dt.date(2026, 1, 1))
    assert sorted(weeks) == [dt.date(2026, 1, 5), dt.date(2026, 1, 12)]
    first = {person.name: person for person in weeks[dt.date(2026, 1, 5)]}
    assert first["Sam"] == insight.WeekPerson("Sam", 2, 0.5)
    assert first["Jo"] == insight.WeekPerson("Jo", 2, -0.5)
    assert first["Robin"] == insight.WeekPerson("Robin", 1, None)


def test_the_mood_series_takes_both_ends_of_its_window(seen):
    series = insight.mood_series(seen, dt.date(2026, 1, 6), dt.date(2026, 1, 12))
    assert (series.since, series.until) == (dt.date(2026, 1, 6), dt.date(2026, 1, 12))
    assert [(point.day, point.mood) for point in series.points] == [
        (dt.date(2026, 1, 6), 4),
        (dt.date(2026, 1, 7), 5),
        (dt.date(2026, 1, 12), 6),
    ]
    # Weekly means at their Mondays; the week of the 12th is in (its Monday is the last day).
    assert [point.day for point in series.weekly] == [dt.date(2026, 1, 5), dt.date(2026, 1, 12)]
    assert series.weekly[1].mood == 7.0
    # PHQ-9 only (not the GAD-7), from `since` to `until` both included.
    assert [(p.day, p.total, p.band) for p in series.phq9] == [
        (dt.date(2026, 1, 6), 16, "moderately severe"),
        (dt.date(2026, 1, 12), 24, "severe"),
    ]


def test_people_insight_keeps_its_window(seen):
    found = insight.people_insight(seen, dt.date(2026, 1, 5), dt.date(2026, 1, 13))
    assert (found.since, found.until, found.second_half_from) == (
        dt.date(2026, 1, 5),
        dt.date(2026, 1, 13),
        dt.date(2026, 1, 9),
    )
    assert {mood.name for mood in found.moods} == {"Sam", "Jo", "Alex", "Robin"}
