"""The dashboard (`ipt` with no command): where the person is and the one most useful next
command, as plain data; `render/dashboard.py` draws it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ipt_journal.insight.course_figures import GoalProgress
from ipt_journal.insight.course_progress import CourseProgress, course_progress, midpoint_due
from ipt_journal.store import Journal


@dataclass
class Dashboard:
    """One screen: where the person is and the one most useful next command."""

    people: int
    checkins: int
    last_checkin: str | None
    days_since_checkin: int | None
    checkin_due: bool
    measures_due: list[str]  # names of the questionnaires due
    course: CourseProgress | None
    open_goals: list[GoalProgress]
    homework_due: int  # open homework due today or earlier
    next_command: str
    next_reason: str
    last_session: str | None = None  # the day of the latest therapy session
    things_to_bring: int = 0  # open ones
    # After the course: the staying-well plan, one line a part written (store/staying_well.py).
    staying_well: list[str] = field(default_factory=list)
    item9_line: str | None = None  # whom to tell how soon, or one line of history (safety.py)
    self_help: str | None = None  # a self-guided course that self-help alone may not be enough for
    # Anniversaries of deaths near, and the next step of each focus's pathway (insight/pathways.py).
    pathway_lines: list[str] = field(default_factory=list)
    with_therapist: bool | None = None  # the course's: a self-guided one is never told of "the therapist"

    @property
    def is_new(self) -> bool:
        return not (self.people or self.checkins or self.course)


CHECKIN_DUE_DAYS = 7
MAINTENANCE_CHECKIN_DAYS = 28  # after the course: a check-in once a month keeps an eye out


def build_dashboard(journal: Journal, today: dt.date | None = None) -> Dashboard:
    from ipt_journal.clinical.course import measure_due
    from ipt_journal.clinical.follow_up import self_help_of
    from ipt_journal.clinical.safety import item9_line_of
    from ipt_journal.clinical.scales import SCALES
    from ipt_journal.insight.pathways import dashboard_lines

    today = today or dt.date.today()
    counts = journal.checkins.counts()
    last = counts["last_checkin"]
    days = (today - dt.date.fromisoformat(last)).days if last else None
    progress = course_progress(journal, today)
    # This course's review: an earlier course's does not stand for it.
    review = journal.reviews.latest(since=progress.started_on if progress else None)
    # Once the course is over and reviewed, the rhythm becomes monthly (maintenance).
    monthly = bool(progress and progress.phase == "maintenance" and review)
    checkin_due = days is None or days >= (MAINTENANCE_CHECKIN_DAYS if monthly else CHECKIN_DUE_DAYS)
    # The symptom questionnaires' rhythm; the WSAS is offered at the start, midpoint and review.
    due = [
        s.name
        for s in SCALES.values()
        if s.symptoms
        and measure_due(
            journal.measures.last_day(s.key), today, MAINTENANCE_CHECKIN_DAYS if monthly else None
        )
    ]
    goals = [
        GoalProgress(g.id, g.text, g.status, g.first_rating, g.latest_rating, g.ratings)
        for g in journal.goals.all("open")
    ]
    reviewed = review is not None
    homework_due = sum(item.due_by(today) for item in journal.homework.all())
    last_session = journal.sessions.last(today)
    item9_line, item9_ever = item9_line_of(journal)
    if item9_ever and not journal.safety_plan.items():
        step = (
            "ipt safety-plan edit",
            "to write a safety plan for the hard moments, while things are calmer",
        )
    elif not progress and not counts["people"]:
        step = (
            "ipt start",
            "to begin your course: what brings you, a baseline, your people, focus and goals",
        )
    elif checkin_due:
        step = ("ipt checkin", "a check-in is due" if last else "to record your first check-in")
    elif due:
        step = (
            f"ipt measure {'phq9' if 'PHQ-9' in due else 'gad7'}",
            f"the {' and '.join(due)} {'are' if len(due) > 1 else 'is'} due",
        )
    elif homework_due:
        step = ("ipt homework list", "homework is due: how did it go?")
    elif progress and midpoint_due(journal, progress):
        step = ("ipt course review-midpoint", "halfway through: look again at your focus and goals")
    elif progress and progress.phase in ("termination", "maintenance") and not reviewed:
        step = ("ipt review", "to look back on what changed as the course ends")
    else:
        step = ("ipt report", "to see how mood and relationships are moving")
    return Dashboard(
        people=counts["people"],
        checkins=counts["checkins"],
        last_checkin=last,
        days_since_checkin=days,
        checkin_due=checkin_due,
        measures_due=due,
        course=progress,
        open_goals=goals,
        homework_due=homework_due,
        next_command=step[0],
        next_reason=step[1],
        last_session=last_session.day if last_session else None,
        things_to_bring=len(journal.bring.all()),
        staying_well=_staying_well(journal) if progress and progress.phase == "maintenance" else [],
        item9_line=item9_line,
        self_help=self_help_of(journal, today),
        pathway_lines=dashboard_lines(journal, today),
        with_therapist=course.with_therapist if (course := journal.course.current()) else None,
    )


def _staying_well(journal: Journal) -> list[str]:
    return journal.staying_well.get().lines() or ["Nothing written yet. Write it with: ipt staying-well edit"]
