"""The clinician report: one document a person can print or send, as plain data.

`build_document` gathers the window's figures (the same aggregates `ipt report` reads,
plus sessions, life events, homework, safety notes and things to bring) with every value
already in words: names and labels, never slugs or ids. `documents/` renders it as
Markdown or HTML; nothing here knows either format.
"""

import datetime as dt
from dataclasses import dataclass, field
from typing import NamedTuple

from ipt_journal.insight.clinician_case import (
    DEFAULT_SECTIONS,
    ExerciseDone,
    InventoryPerson,
    Item9Answer,
    MeasureAnswers,
    SafetyPlanState,
    SinceLastSession,
)
from ipt_journal.insight.course_work import CourseWork, build_course_work
from ipt_journal.insight.incidents import PersonIncidents, by_person
from ipt_journal.insight.report import Report, build_report
from ipt_journal.store import Journal, LifeEvent, Review, SafetyPlanItem
from ipt_journal.store.safety_plan import Closing


class Formulation(NamedTuple):
    started_on: str
    planned_weeks: int
    where: str  # "week 5 of 12, middle phase"
    focus: list[str]  # labels, e.g. "role dispute with Sam (impasse)"
    reason: str | None  # what brought the person, in their words
    background: str | None
    with_therapist: bool | None
    linking: str | None = None  # the formulation in the person's words, as `ipt course` shows it
    linking_agreed_on: str | None = None
    sessions_held: int = 0  # since the course's start


class SessionLine(NamedTuple):
    day: str
    with_whom: str  # "self-guided" when no one
    worked_on: str | None
    agreed: str | None


class EventLine(NamedTuple):
    when: str
    kind: str
    people: list[str]
    note: str | None


class HomeworkLine(NamedTuple):
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
    # While the latest PHQ-9 answers item 9 above 0: what ipt asked the person to do (whom
    # to tell, how soon); once a later PHQ-9 answered 0, None and `item9_history` instead.
    item9_follow_up: str | None = None
    item9_history: str | None = None
    item9: list[Item9Answer] = field(default_factory=list)  # every item 9 answer, oldest first
    safety_plan: SafetyPlanState | None = None
    safety_plan_items: list[SafetyPlanItem] = field(default_factory=list)  # only when included
    safety_plan_closing: Closing | None = None  # its closing answers, likewise
    framing: list[LifeEvent] = field(default_factory=list)  # life events before the window
    inventory: list[InventoryPerson] = field(default_factory=list)
    answers: list[MeasureAnswers] = field(default_factory=list)  # item level, in the window
    exercises: list[ExerciseDone] = field(default_factory=list)
    review: Review | None = None
    staying_well: list[str] = field(default_factory=list)  # the staying-well plan, as lines
    staying_well_source: str | None = None  # where those lines come from, said under them
    since_last: SinceLastSession | None = None
    recipient: str | None = None  # --for
    notes: list[str] = field(default_factory=list)  # check-in notes, only when included
    incidents: list[PersonIncidents] = field(default_factory=list)  # what happened, per person, when included
    focus_people: set[str] = field(default_factory=set)  # the dispute's other side, a problem area's people
    sections: frozenset[str] = DEFAULT_SECTIONS
    # The focus's pathway, the dispute's stage by week, the midpoint review (insight/course_work.py).
    course_work: CourseWork | None = None

    @property
    def title(self) -> str:
        return f"IPT journal summary, {self.since.isoformat()} to {self.today.isoformat()}"


def build_document(
    journal: Journal,
    since: dt.date,
    today: dt.date,
    window: str,
    sections: frozenset[str] = DEFAULT_SECTIONS,
    recipient: str | None = None,
) -> ClinicianReport:
    from ipt_journal.clinical.safety import crisis_days
    from ipt_journal.insight import clinician_case as case
    from ipt_journal.insight.life_events import events_in_window, kind_label
    from ipt_journal.insight.prep import measures_since

    figures = build_report(journal, since, today)
    formulation = _formulation(journal, figures, today)
    focus_people = _focus_people(journal)
    staying_well = case.staying_well_lines(journal)
    item9 = [m for m in measures_since(journal, since) if m.item9]
    follow_up, history = _item9_words(journal)
    plan_since = journal.safety_plan.first_written()
    return ClinicianReport(
        today=today,
        since=since,
        window=window,
        figures=figures,
        formulation=formulation,
        sessions=[
            SessionLine(s.day, s.with_whom or "self-guided", s.worked_on, s.agreed)
            for s in journal.sessions.all(since, today)
        ],
        events=[
            EventLine(e.when, kind_label(e.kind), e.people, e.note)
            for e in events_in_window(journal, since, today)
        ],
        homework=[
            HomeworkLine(h.text, "overdue" if h.overdue(today) else h.status, h.outcome, h.helpful)
            for h in journal.homework.all(open_only=False)
            if (h.closed_on or h.created_at[:10]) >= since.isoformat()
        ],
        item9_days=crisis_days(journal, since),
        # The plan shown after an answer is the one written before it was saved.
        item9_with_plan=[m.day for m in item9 if plan_since is not None and plan_since <= m.saved_at],
        bring=[item.text for item in journal.bring.all()],
        people_labels={p.name: p.relationship.replace("-", " ") for p in journal.people.all()},
        item9=case.item9_answers(journal, since, today),
        safety_plan=case.safety_plan_state(journal),
        safety_plan_items=journal.safety_plan.items() if "safety-plan" in sections else [],
        safety_plan_closing=journal.safety_plan_closing.get() if "safety-plan" in sections else None,
        framing=case.framing_events(journal, since),
        inventory=case.inventory(journal, focus_people) if "inventory" in sections else [],
        focus_people=focus_people,
        answers=case.measure_answers(journal, since, today),
        exercises=case.exercises_done(journal, since, today) if "exercises" in sections else [],
        review=journal.reviews.latest(),
        staying_well=staying_well[0],
        staying_well_source=staying_well[1],
        since_last=case.since_last_session(journal, today, "notes" in sections, "exercises" in sections),
        recipient=recipient,
        notes=[
            f"{c.day}: {c.note}" for c in reversed(journal.checkins.all(since=since, until=today)) if c.note
        ]
        if "notes" in sections
        else [],
        incidents=by_person(journal, since, today) if "incidents" in sections else [],
        sections=sections,
        item9_follow_up=follow_up,
        item9_history=history,
        course_work=build_course_work(journal, since, today),
    )


def _item9_words(journal: Journal) -> tuple[str | None, str | None]:
    """(what ipt asked after the latest PHQ-9, while it answers item 9 above 0; else the
    earlier answers told as history, in the third person)."""
    from ipt_journal.clinical.follow_up import care_of, item9_follow_up
    from ipt_journal.clinical.safety import history_line, item9_story

    story = item9_story(journal)
    if story.latest is None or not story.above_zero:
        return None, None
    if not story.urgent:
        return None, history_line(story, person="they").replace(" `ipt crisis` any time.", "")
    return item9_follow_up(story.latest.answer, story.latest.total, care_of(journal)).text, None


def _focus_people(journal: Journal) -> set[str]:
    """The dispute's other side and the people whose inventory names a problem area."""
    course = journal.course.current()
    named = {p.name for p in journal.people.all() if p.problem_area and p.problem_area != "none"}
    return named | ({course.dispute_person} if course and course.dispute_person else set())


def _formulation(journal: Journal, figures: Report, today: dt.date) -> Formulation | None:
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
    c = figures.course  # course_progress: the week every screen shows on `today`
    return Formulation(
        course.started_on,
        course.planned_weeks,
        c.words,
        focus,
        course.reason,
        course.background,
        course.with_therapist,
        course.formulation,
        course.formulation_agreed_on,
        c.sessions_held,
    )
