"""The course part of a report, the story and the clinician document: where the course is,
the questionnaires of the window side by side, each scale's baseline against its latest
(`ScaleProgress`), the goals, the end-of-course review, and the days whose PHQ-9 item 9
calls for crisis resources."""

import datetime as dt
from typing import Any, NamedTuple

from ipt_journal.insight.course_progress import course_progress
from ipt_journal.store import Journal


class MeasureDay(NamedTuple):
    """The questionnaires of one day, side by side."""

    day: str
    phq9: int | None = None
    phq9_band: str | None = None
    gad7: int | None = None
    gad7_band: str | None = None
    wsas: int | None = None
    wsas_band: str | None = None


class ScaleProgress(NamedTuple):
    """Baseline against latest for one questionnaire."""

    scale: str
    name: str
    baseline_day: str
    baseline: int
    latest_day: str
    latest: int
    latest_band: str
    points: int
    meaningful: bool | None  # None: no published change figure (the WSAS)
    response: bool | None  # None when the baseline was below 10: the term does not apply
    remission: bool | None  # likewise


class GoalProgress(NamedTuple):
    id: int
    text: str
    status: str
    first_rating: int | None
    latest_rating: int | None
    ratings: int = 0  # how many: one rating is no "from ... to"


def course_figures(journal: Journal, since: dt.date, today: dt.date) -> dict:
    """The course part of the report: where the course is, questionnaires in the window,
    baseline against latest, goals, the end-of-course review, and the days of the PHQ-9s
    shown (any in the window, and the latest) whose item 9 calls for crisis
    resources."""
    from ipt_journal.clinical import safety, scales
    from ipt_journal.clinical.follow_up import self_help_of

    progress_figures = course_progress(journal, today)
    # A day's n-th PHQ-9 and n-th GAD-7 share a row; a second one of a scale that day
    # (a check-in's and a separate `ipt measure`, say) gets a row of its own, not hidden.
    rows: dict[tuple[str, int], dict[str, Any]] = {}  # each row's figures, scale by scale
    progress = []
    shown = journal.measures.all(scales.PHQ9.key, since=since)
    for scale in scales.SCALES.values():
        taken_on: dict[str, int] = {}
        for measure in journal.measures.all(scale.key, since=since):
            nth = taken_on[measure.day] = taken_on.get(measure.day, 0) + 1
            row = rows.setdefault((measure.day, nth), {"day": measure.day})
            row[scale.key] = measure.total
            row[f"{scale.key}_band"] = scale.band(measure.total)
        latest = journal.measures.latest(scale.key)
        if latest is None:
            continue
        baseline, _ = journal.measures.baseline_and_previous(latest)
        baseline = baseline or latest
        moved = scales.change(scale, baseline.total, latest.total)
        progress.append(
            ScaleProgress(
                scale.key,
                scale.name,
                baseline.day,
                baseline.total,
                latest.day,
                latest.total,
                scale.band(latest.total),
                moved.points,
                moved.meaningful,
                scales.response(baseline.total, latest.total, scale),
                scales.remission(baseline.total, latest.total, scale),
            )
        )
        shown.append(latest)
    # The current course's review, never an earlier course's.
    review = journal.reviews.latest(since=progress_figures.started_on if progress_figures else None)
    item9 = safety.item9_days(shown)
    return {
        "course": progress_figures,
        "measures": [MeasureDay(**rows[key]) for key in sorted(rows)],
        "progress": progress,
        "goals": [
            GoalProgress(g.id, g.text, g.status, g.first_rating, g.latest_rating, g.ratings)
            for g in journal.goals.all()
        ],
        "review": review._asdict() if review else None,
        "crisis_resources": bool(item9),
        "item9_days": item9,
        **safety.urgency_context(journal),
        "self_help": self_help_of(journal, today),
    }
