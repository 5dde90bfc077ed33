"""The clinician report: one document a person can print or send, as plain data.

`build_document` gathers the window's figures (the same aggregates `ipt report` reads,
plus sessions, life events, homework, safety notes and things to bring) with every value
already in words: names and labels, never slugs or ids. `documents/` renders it as
Markdown or HTML; nothing here knows either format.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ipt_journal.insight.report import Report, build_report
from ipt_journal.store import Journal


@dataclass
class Formulation:
    started_on: str
    planned_weeks: int
    where: str  # "week 5 of 12, middle phase"
    focus: list[str]  # labels, e.g. "role dispute with Sam (impasse)"
    reason: str | None  # what brought the person, in their words
    background: str | None
    with_therapist: bool | None
    linking: str | None = None  # the formulation in the person's words, as `ipt course` shows it
    linking_agreed_on: str | None = None


@dataclass
class SessionLine:
    day: str
    with_whom: str  # "self-guided" when no one
    worked_on: str | None
    agreed: str | None


@dataclass
class EventLine:
    when: str
    kind: str
    people: list[str]
    note: str | None


@dataclass
class HomeworkLine:
    text: str
    status: str  # done, skipped, open, overdue
    outcome: str | None
    helpful: int | None


@dataclass
class ClinicianReport:
    today: dt.date
    since: dt.date
    window: str  # how the window was chosen, in words
    figures: Report  # mood by week, people, questionnaires, goals, coping, exercises
    formulation: Formulation | None
    sessions: list[SessionLine]
    events: list[EventLine]
    homework: list[HomeworkLine]
    item9_days: list[str]  # days a PHQ-9 item 9 was above 0 in the window
    bring: list[str]
    people_labels: dict[str, str] = field(default_factory=dict)  # name -> relationship label
    item9_with_plan: list[str] = field(default_factory=list)  # of item9_days: a plan was there to show

    @property
    def title(self) -> str:
        return f"IPT journal summary, {self.since.isoformat()} to {self.today.isoformat()}"


def build_document(journal: Journal, since: dt.date, today: dt.date, window: str) -> ClinicianReport:
    from ipt_journal.clinical.safety import crisis_days
    from ipt_journal.insight.life_events import events_in_window, kind_label
    from ipt_journal.insight.prep import measures_since

    figures = build_report(journal, since, today)
    item9 = [m for m in measures_since(journal, since) if m.item9]
    plan_since = journal.safety_plan.first_written()
    return ClinicianReport(
        today=today,
        since=since,
        window=window,
        figures=figures,
        formulation=_formulation(journal, figures),
        sessions=[
            SessionLine(s.day, s.with_whom or "self-guided", s.worked_on, s.agreed)
            for s in journal.sessions.list(since, today)
        ],
        events=[
            EventLine(e.when, kind_label(e.kind), e.people, e.note)
            for e in events_in_window(journal, since, today)
        ],
        homework=[
            HomeworkLine(h.text, "overdue" if h.overdue(today) else h.status, h.outcome, h.helpful)
            for h in journal.homework.list(open_only=False)
            if (h.closed_on or h.created_at[:10]) >= since.isoformat()
        ],
        item9_days=crisis_days(journal, since),
        # The plan shown after an answer is the one written before it was saved.
        item9_with_plan=[m.day for m in item9 if plan_since is not None and plan_since <= m.saved_at],
        bring=[item.text for item in journal.bring.list()],
        people_labels={p.name: p.relationship.replace("-", " ") for p in journal.people.list()},
    )


def _formulation(journal: Journal, figures: Report) -> Formulation | None:
    from ipt_journal.clinical.vocab import DisputeStage, ProblemArea

    course = journal.course.current()
    if course is None or figures.course is None:
        return None
    focus = []
    for area in course.focus_areas:
        text = ProblemArea(area).label
        if area == ProblemArea.role_dispute.value and course.dispute_person:
            text += f" with {course.dispute_person}"
        if area == ProblemArea.role_dispute.value and course.dispute_stage:
            text += f" ({DisputeStage(course.dispute_stage).value})"
        focus.append(text)
    c = figures.course
    if c.ended_on:
        where = f"ended on {c.ended_on}"
    elif c.phase == "maintenance":
        where = f"week {c.week}, past the planned {c.planned_weeks} weeks"
    else:
        where = f"week {c.week} of {c.planned_weeks}, {c.phase} phase"
    return Formulation(
        course.started_on,
        course.planned_weeks,
        where,
        focus,
        course.reason,
        course.background,
        course.with_therapist,
        course.formulation,
        course.formulation_agreed_on,
    )


def window_for(journal: Journal, today: dt.date, since: dt.date | None, weeks: int | None, course: bool):
    """The first day and the words for a window chosen by --since, --weeks or --course."""
    from ipt_journal.errors import InputError, NotFound
    from ipt_journal.insight.report import window_start

    if sum(value is not None and value is not False for value in (since, weeks, course or None)) > 1:
        raise InputError("Choose one of --since, --weeks and --course.")
    if since is not None:
        return since, f"since {since.isoformat()}"
    if course:
        current = journal.course.current()
        if current is None:
            raise NotFound(
                "There is no course to report on yet.", "Start one with: ipt start, or use --weeks N"
            )
        return dt.date.fromisoformat(current.started_on), f"the whole course, since {current.started_on}"
    weeks = weeks or 12
    return window_start(today, weeks), f"the last {weeks} weeks"
