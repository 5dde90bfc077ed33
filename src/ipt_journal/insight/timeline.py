"""The interpersonal timeline: life events set beside mood and the PHQ-9, month by month
(or by quarter or year over a long span), as IPT's timeline puts them side by side."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ipt_journal.insight.life_events import events_in_window
from ipt_journal.store import Journal, LifeEvent

MONTHLY_UP_TO = 36  # months; longer spans go by quarter
QUARTERLY_UP_TO = 48  # quarters; longer spans go by year
# Empty periods in a row spanning at least this many months (and at least two periods)
# become one line, "2021 Q4 – 2026 Q2: no entries": years of blank lines hide the record
# on either side of them. A reading choice, not a clinical threshold.
QUIET_FROM_MONTHS = 3
STEP = {"month": 1, "quarter": 3, "year": 12}


@dataclass
class Period:
    label: str  # 2024-03, 2024 Q1 or 2024
    start: dt.date
    checkins: int
    mean_mood: float | None
    phq9: int | None  # the period's highest PHQ-9 total
    phq9_band: str | None
    events: list[LifeEvent] = field(default_factory=list)
    quiet: bool = False  # several empty periods in a row, collapsed into this one line
    end: dt.date | None = None  # a quiet line's last day


@dataclass
class Timeline:
    since: dt.date
    until: dt.date
    by: str  # month, quarter or year
    periods: list[Period]
    item9_days: list[str] = field(default_factory=list)  # PHQ-9s shown with item 9 above 0


def build_timeline(
    journal: Journal, since: dt.date | None, until: dt.date, by: str | None = None
) -> Timeline:
    """Mood, PHQ-9 and life events per period from `since` (default: the first record) to
    `until`. `by` is month, quarter or year; None picks by the span."""
    from ipt_journal.clinical.scales import PHQ9

    first = journal.patterns.first_day()
    start = since or (dt.date.fromisoformat(first) if first else until)
    months = (until.year - start.year) * 12 + until.month - start.month + 1
    by = by or (
        "month" if months <= MONTHLY_UP_TO else "quarter" if months <= QUARTERLY_UP_TO * 3 else "year"
    )
    periods: dict[str, Period] = {}
    for key in _period_keys(start, until, by):
        periods[key[0]] = Period(key[0], key[1], 0, None, None, None)
    mood_sums: dict[str, float] = {}
    for row in journal.patterns.monthly(start, until):
        label = _label(dt.date.fromisoformat(row["month"] + "-01"), by)
        period = periods.get(label)
        if period is None:
            continue
        if row["checkins"]:
            period.checkins += row["checkins"]
            mood_sums[label] = mood_sums.get(label, 0.0) + row["mean_mood"] * row["checkins"]
        if row["phq9"] is not None and (period.phq9 is None or row["phq9"] > period.phq9):
            period.phq9 = row["phq9"]
            period.phq9_band = PHQ9.band(row["phq9"])
    for label, total in mood_sums.items():
        periods[label].mean_mood = total / periods[label].checkins
    for event in events_in_window(journal, start, until):
        label = _label(dt.date.fromisoformat(event.day), by)
        if label in periods:
            periods[label].events.append(event)
    from ipt_journal.clinical.safety import crisis_days

    return Timeline(
        start,
        until,
        by,
        collapse_quiet(list(periods.values()), by, until),
        crisis_days(journal, start, until),
    )


def collapse_quiet(periods: list[Period], by: str, until: dt.date) -> list[Period]:
    """Each run of empty periods spanning QUIET_FROM_MONTHS or more, as one quiet period."""
    result: list[Period] = []
    run: list[Period] = []

    def close_run(next_start: dt.date | None) -> None:
        if len(run) >= 2 and len(run) * STEP[by] >= QUIET_FROM_MONTHS:
            end = next_start - dt.timedelta(days=1) if next_start else until
            label = f"{run[0].label} – {run[-1].label}"
            result.append(Period(label, run[0].start, 0, None, None, None, quiet=True, end=end))
        else:
            result.extend(run)
        run.clear()

    for period in periods:
        if period.checkins or period.phq9 is not None or period.events:
            close_run(period.start)
            result.append(period)
        else:
            run.append(period)
    close_run(None)
    return result


def _label(day: dt.date, by: str) -> str:
    if by == "month":
        return f"{day.year}-{day.month:02d}"
    if by == "quarter":
        return f"{day.year} Q{(day.month - 1) // 3 + 1}"
    return str(day.year)


def _period_keys(start: dt.date, until: dt.date, by: str) -> list[tuple[str, dt.date]]:
    step = STEP[by]
    month = start.month - (start.month - 1) % step
    day = dt.date(start.year, month, 1)
    keys = []
    while day <= until:
        keys.append((_label(day, by), day))
        number = day.month - 1 + step
        day = dt.date(day.year + number // 12, number % 12 + 1, 1)
    return keys
