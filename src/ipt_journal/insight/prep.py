"""`ipt prep`: what happened since the last session, gathered for the next one.

Plain data from the journal's aggregates over one window (the last session's day to today,
or --since); `render/prep.py` draws it and `as_json` gives the same figures.
"""

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import NamedTuple

from ipt_journal.clinical.safety import urgency_context
from ipt_journal.insight.incidents import by_person
from ipt_journal.insight.weekly_mood import mood_summary
from ipt_journal.store import Journal
from ipt_journal.text.figures import json_ready

DEFAULT_DAYS = 7  # with no session recorded and no --since: the past week
RECENT_CHECKINS = 14  # the moods listed one by one; the figures cover the whole window


class PersonSeen(NamedTuple):
    name: str
    times: int
    mean_quality: float | None  # None: how it went unknown every time (imported)
    last_day: str


class MeasureTaken(NamedTuple):
    scale: str
    name: str
    day: str
    total: int
    band: str
    previous: int | None  # the one before it, in or before the window
    points: int | None  # change from the previous one
    meaningful: bool | None  # None: the scale has no published change figure (the WSAS)
    item9: bool  # PHQ-9 item 9 above 0
    contact_clinician_soon: bool  # severe, or risen by the scale's figure: as `ipt measure` says
    saved_at: str  # when it was saved (a timestamp): what ipt showed right then


class HomeworkResult(NamedTuple):
    text: str
    status: str  # done, skipped or open
    outcome: str | None
    helpful: int | None
    due: str | None
    person: str | None


@dataclass
class Prep:
    today: dt.date
    since: dt.date
    last_session: dict | None  # the session the window starts from, if it starts from one
    checkins: int
    mean_mood: float | None
    moods: list[tuple[str, int]]  # (day, mood) of the latest check-ins, oldest first
    mood_trend: float | None  # last weeks' mean minus first weeks'; None under two weeks
    people: list[PersonSeen]
    measures: list[MeasureTaken]
    homework: list[HomeworkResult]
    exercises: dict
    coping: list[dict]
    bring: list[dict]
    events: list[dict] = field(default_factory=list)
    # What happened with each person, by check-in (issue 23): {"name", "incidents": [...]}.
    incidents: list[dict] = field(default_factory=list)
    # The first day the mood trend covers when months without a check-in lie in the window:
    # the trend starts after them (insight/gaps.py). None: it covers the whole window.
    trend_since: dt.date | None = None
    # How many weeks with check-ins each side of the mood trend holds (1 over a few days).
    trend_weeks: int | None = None
    # Whom "please contact ... soon" names; and whether the item-9 follow-up below the
    # screen carries the one urgency instead (see follow_up.py).
    who: str = "your therapist or doctor"
    item9_urgent: bool = False
    # Where the course's role dispute stands now (insight/pathways.py): {"with", "stage", "week"}.
    dispute: dict | None = None

    @property
    def item9_days(self) -> list[str]:
        return sorted({m.day for m in self.measures if m.item9})

    @property
    def is_empty(self) -> bool:
        return not (self.checkins or self.measures or self.homework or self.bring or self.events) and not (
            self.exercises["by_kind"] or self.coping
        )

    def as_json(self) -> dict:
        data = asdict(self)
        data["item9_days"] = self.item9_days
        data["moods"] = [{"day": day, "mood": mood} for day, mood in self.moods]
        return json_ready(data)


def window_since(journal: Journal, today: dt.date) -> dt.date:
    """The last session's day (report_window.last_session: the one rule the clinician
    report shares), else a week back."""
    from ipt_journal.insight.report_window import last_session, since_session_day

    last = last_session(journal, today)
    return since_session_day(last) if last else today - dt.timedelta(days=DEFAULT_DAYS)


def build_prep(journal: Journal, since: dt.date, today: dt.date) -> Prep:
    """Everything from `since` to `today`, both included, counted by the day each thing
    happened (a check-in's day, a questionnaire's, homework closed), not the day it was
    typed, as the clinician report's "since the last session" counts it."""
    from ipt_journal.insight.gaps import last_gap
    from ipt_journal.insight.pathways import dispute_now
    from ipt_journal.insight.report_window import last_session, since_session_day
    from ipt_journal.text.dates import monday_of

    weekly = journal.checkins.weekly_mood(since, today)
    count = sum(row["checkins"] for row in weekly)
    mood_sum = sum(row["mood_sum"] for row in weekly)
    gap = last_gap(journal, since, today)
    trend_since = gap.compared_from if gap and gap.last_empty else None
    # the first weeks against the last, never across a gap of months
    trend = mood_summary(
        [row for row in weekly if not trend_since or row["monday"] >= monday_of(trend_since).isoformat()]
    )
    last = last_session(journal, today)
    recent = journal.checkins.all(limit=RECENT_CHECKINS, since=since, until=today)
    return Prep(
        today=today,
        since=since,
        last_session=last._asdict() if last and since_session_day(last) == since else None,
        checkins=count,
        mean_mood=mood_sum / count if count else None,
        moods=[(c.day, c.mood) for c in reversed(recent)],
        mood_trend=trend.change if trend else None,
        trend_since=trend_since,
        trend_weeks=trend.weeks_compared if trend else None,
        people=[
            PersonSeen(row["name"], row["interactions"], row["mean_quality"], row["last_contact"])
            for row in journal.checkins.people_patterns(since, until=today)
        ],
        measures=measures_since(journal, since, today),
        homework=[
            HomeworkResult(h.text, h.status, h.outcome, h.helpful, h.due, h.person)
            for h in journal.homework.open_or_closed_since(since)
        ],
        exercises=journal.exercises.summary(since),
        coping=[dict(row) for row in journal.coping.summary(since)],
        bring=[item._asdict() for item in journal.bring.all()],
        events=events_since(journal, since, today),
        incidents=[person.as_json() for person in by_person(journal, since, today)],
        dispute=stage.as_json() if (stage := dispute_now(journal)) else None,
        **urgency_context(journal),
    )


def events_since(journal: Journal, since: dt.date, until: dt.date) -> list[dict]:
    """Life events in the window, with their kind in words and the people by name."""
    from ipt_journal.insight.life_events import events_in_window, kind_label

    return [
        {"when": e.when, "kind": e.kind, "label": kind_label(e.kind), "people": e.people, "note": e.note}
        for e in events_in_window(journal, since, until)
    ]


def measures_since(journal: Journal, since: dt.date, until: dt.date | None = None) -> list[MeasureTaken]:
    """Each questionnaire taken from `since` to `until` (any, if None), oldest first, with
    its change from the one before."""
    from ipt_journal.clinical import scales

    taken = []
    for measure in journal.measures.all(since=since, until=until):
        scale = scales.SCALES[measure.scale]
        baseline, previous = journal.measures.baseline_and_previous(measure)
        moved = scales.change(scale, previous.total, measure.total) if previous else None
        taken.append(
            MeasureTaken(
                scale=scale.key,
                name=scale.name,
                day=measure.day,
                total=measure.total,
                band=scale.band(measure.total),
                previous=previous.total if previous else None,
                points=moved.points if moved else None,
                meaningful=moved.meaningful if moved else False,  # None: no figure (WSAS)
                item9=scales.needs_safety_message(scale.key, measure.answers),
                saved_at=measure.created_at,
                contact_clinician_soon=scales.see_clinician_soon(
                    scale,
                    measure.total,
                    baseline.total if baseline else None,
                    previous.total if previous else None,
                ),
            )
        )
    return sorted(taken, key=lambda m: (m.day, m.scale))
