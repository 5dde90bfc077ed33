"""What the report says, computed from the journal's SQL aggregates into plain data.

Nothing here prints: `render` turns a `Report` into a table or JSON, so both show
the same numbers.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass

from ipt_journal.dates import monday_of, week_label
from ipt_journal.store import Journal

# A mood comparison for a person needs at least this many check-ins with them and
# without them; fewer would show noise as a pattern.
MIN_CHECKINS_EACH = 3
# The summary compares the first and last this-many weeks that have check-ins.
SUMMARY_WEEKS = 4


@dataclass
class WeekMood:
    week: str
    monday: dt.date
    checkins: int
    mean_mood: float
    change: float | None  # from the previous week with check-ins


@dataclass
class MoodSummary:
    weeks_compared: int
    first_mean: float
    last_mean: float
    change: float


@dataclass
class PersonPattern:
    name: str
    closeness: int | None
    interactions: int  # also the number of check-ins with them: one interaction per check-in
    mean_quality: float
    checkins_without: int
    mood_with: float | None  # None: not enough data yet
    mood_without: float | None
    mood_difference: float | None
    last_contact: dt.date


@dataclass
class QuietInnerPerson:
    name: str
    last_contact: dt.date | None  # None: never recorded


@dataclass
class Report:
    today: dt.date
    since: dt.date
    journal_checkins: int
    window_checkins: int
    weeks: list[WeekMood]
    summary: MoodSummary | None
    people: list[PersonPattern]
    quiet_inner_circle: list[QuietInnerPerson]

    @property
    def journal_is_empty(self) -> bool:
        return self.journal_checkins == 0

    def as_json(self) -> dict:
        data = asdict(self)
        data["min_checkins_each"] = MIN_CHECKINS_EACH
        data["note"] = "Mood differences are associations, not causes."
        return _iso_dates(data)


def window_start(today: dt.date, weeks: int) -> dt.date:
    """The Monday that opens a window of `weeks` ISO weeks ending with this one."""
    return monday_of(today) - dt.timedelta(weeks=weeks - 1)


def build_report(journal: Journal, since: dt.date, today: dt.date | None = None) -> Report:
    today = today or dt.date.today()
    weekly = journal.weekly_mood(since)
    weeks = _weeks(weekly)
    return Report(
        today=today,
        since=since,
        journal_checkins=journal.counts()["checkins"],
        window_checkins=sum(week.checkins for week in weeks),
        weeks=weeks,
        summary=_summary(weekly),
        people=[_pattern(row) for row in journal.people_patterns(since)],
        quiet_inner_circle=[
            QuietInnerPerson(row["name"], _day(row["last_contact"]))
            for row in journal.inner_ring_without_contact(since)
        ],
    )


def _weeks(rows) -> list[WeekMood]:
    weeks: list[WeekMood] = []
    for row in rows:
        monday = dt.date.fromisoformat(row["monday"])
        previous = weeks[-1].mean_mood if weeks else None
        weeks.append(
            WeekMood(
                week=week_label(monday),
                monday=monday,
                checkins=row["checkins"],
                mean_mood=row["mean_mood"],
                change=None if previous is None else row["mean_mood"] - previous,
            )
        )
    return weeks


def _summary(rows) -> MoodSummary | None:
    """First versus last weeks with check-ins, weighting each check-in equally."""
    if len(rows) < 2:
        return None
    span = min(SUMMARY_WEEKS, len(rows) // 2)

    def mean(part) -> float:
        return sum(r["mood_sum"] for r in part) / sum(r["checkins"] for r in part)

    first, last = mean(rows[:span]), mean(rows[-span:])
    return MoodSummary(weeks_compared=span, first_mean=first, last_mean=last, change=last - first)


def _pattern(row) -> PersonPattern:
    enough = row["interactions"] >= MIN_CHECKINS_EACH and row["checkins_without"] >= MIN_CHECKINS_EACH
    return PersonPattern(
        name=row["name"],
        closeness=row["closeness"],
        interactions=row["interactions"],
        mean_quality=row["mean_quality"],
        checkins_without=row["checkins_without"],
        mood_with=row["mood_with"] if enough else None,
        mood_without=row["mood_without"] if enough else None,
        mood_difference=row["mood_with"] - row["mood_without"] if enough else None,
        last_contact=dt.date.fromisoformat(row["last_contact"]),
    )


def _day(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def _iso_dates(value):
    if isinstance(value, dict):
        return {key: _iso_dates(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_iso_dates(item) for item in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        return round(value, 2)
    return value
