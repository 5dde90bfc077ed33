"""The weekly mood table: one row per ISO week with check-ins (its mean and the change from
the week before, never across a gap of months), and the summary of the first weeks
against the last. Plain data, read by the report, the story and `ipt prep`."""

import datetime as dt
from typing import TYPE_CHECKING, NamedTuple

from ipt_journal.insight.gaps import GAP_DAYS
from ipt_journal.insight.relationships import WeekPerson
from ipt_journal.text.dates import week_label
from ipt_journal.text.figures import difference

if TYPE_CHECKING:
    from collections.abc import Sequence
    from sqlite3 import Row

# The summary compares the first and last this-many weeks that have check-ins.
SUMMARY_WEEKS = 4


class WeekMood(NamedTuple):
    week: str
    monday: dt.date
    checkins: int
    mean_mood: float
    change: float | None  # from the previous week with check-ins
    people: list[WeekPerson]  # most seen first (relationships.name_weeks)
    course_week: int | None = None  # the course week of its last day in the course, if any
    course_week_first: int | None = None  # the course week of its first day in the course
    course_week_words: str | None = None  # "weeks 4–5 of 12", "before the course" (with a course)
    course_weeks: int | None = None  # the course's planned weeks


class MoodSummary(NamedTuple):
    weeks_compared: int
    first_mean: float
    last_mean: float
    change: float


def weeks_of(rows: "Sequence[Row]") -> list[WeekMood]:
    weeks: list[WeekMood] = []
    for row in rows:
        monday = dt.date.fromisoformat(row["monday"])
        # Week on week, never across a gap: the week before must be near enough to compare.
        near = weeks and (monday - weeks[-1].monday).days <= GAP_DAYS
        previous = weeks[-1].mean_mood if near else None
        weeks.append(
            WeekMood(
                week=week_label(monday),
                monday=monday,
                checkins=row["checkins"],
                mean_mood=row["mean_mood"],
                change=None if previous is None else difference(previous, row["mean_mood"]),
                people=[],
            )
        )
    return weeks


def mood_summary(rows: "Sequence[Row]") -> MoodSummary | None:
    """First versus last weeks with check-ins, weighting each check-in equally."""
    if len(rows) < 2:
        return None
    span = min(SUMMARY_WEEKS, len(rows) // 2)

    def mean(part: "Sequence[Row]") -> float:
        return sum(r["mood_sum"] for r in part) / sum(r["checkins"] for r in part)

    first, last = mean(rows[:span]), mean(rows[-span:])
    return MoodSummary(weeks_compared=span, first_mean=first, last_mean=last, change=difference(first, last))
