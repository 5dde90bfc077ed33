"""The focus's pathways as plain data, for `ipt pathway`, the dashboard and the report: the
steps done and next at the course's phase, the role dispute's stage week by week, contacts
and confidants week by week, and the anniversaries of deaths that are near."""

import datetime as dt
from typing import TYPE_CHECKING, Any, NamedTuple

from ipt_journal.clinical.pathways import (
    FIRST_YEAR_WORDS,
    PATHWAYS,
    WEEKLY,
    Anniversary,
    DeathMonth,
    HolidayNear,
    Pathway,
    anniversary_words,
    death_month_words,
    first_year,
    holiday_words,
    near_anniversaries,
    near_death_months,
    near_holidays,
    next_words,
    pathway,
)
from ipt_journal.clinical.vocab import ProblemArea

if TYPE_CHECKING:
    from ipt_journal.store import Journal
    from ipt_journal.store.pathways import PathwayWeek, WeekContacts

CONTACT_WEEKS = 16  # without a course, the weeks of contacts shown


class PathwayScreen(NamedTuple):
    """Everything `ipt pathway` shows; `as_json()` gives the same figures for scripts."""

    today: dt.date
    phase: str | None  # None: no course
    week: int | None
    since: str | None  # the course's start: steps and weeks from then
    pathways: list[Pathway]
    weeks: "list[PathwayWeek]"  # the dispute's stage, confidants
    contacts: "list[WeekContacts]"  # for loneliness and isolation
    confidants_now: int | None  # from the inventory
    anniversaries: list[Anniversary]
    death_months: list[DeathMonth]  # deaths known by month, near
    first_year: list[str]  # names of people who died this past year
    holidays: list[HolidayNear]  # days named as hard, near

    def _shows(self, area: ProblemArea) -> bool:
        return any(p.area == area.value for p in self.pathways)

    @property
    def stage_weeks(self) -> "list[PathwayWeek]":
        """The dispute's stage by week, for a role dispute's pathway."""
        if not self._shows(ProblemArea.role_dispute):
            return []
        return [w for w in self.weeks if w.dispute_stage]

    @property
    def confidant_weeks(self) -> "list[PathwayWeek]":
        """People to confide in by week, for the loneliness and isolation pathway."""
        if not self._shows(ProblemArea.interpersonal_deficits):
            return []
        return [w for w in self.weeks if w.confidants is not None]

    def lines(self) -> list[str]:
        """The reminders below the pathway: anniversaries near, and the first year after a death."""
        return [
            *(anniversary_words(a) for a in self.anniversaries),
            *(death_month_words(m) for m in self.death_months),
            *(holiday_words(h) for h in self.holidays),
            *(FIRST_YEAR_WORDS.format(name=name) for name in self.first_year),
        ]

    def as_json(self) -> dict[str, Any]:
        return {
            "today": self.today.isoformat(),
            "phase": self.phase,
            "week": self.week,
            "since": self.since,
            "pathways": [
                {
                    "area": p.area,
                    "label": p.label,
                    "steps": [
                        {
                            "step": s.step.key,
                            "title": s.step.title,
                            "exercise": s.step.exercise,
                            "phase": s.step.phase,
                            "ready": s.ready,
                            "done_on": s.done.day if s.done else None,
                            "exercise_id": s.done.exercise_id if s.done else None,
                        }
                        for s in p.steps
                    ],
                    "next": p.next.step.key if p.next else None,
                    "next_words": next_words(p),
                    "tracks": WEEKLY.get(p.area),
                }
                for p in self.pathways
            ],
            "dispute_stage_by_week": [{"week": w.week, "stage": w.dispute_stage} for w in self.stage_weeks],
            "confidants_by_week": [
                {"week": w.week, "confidants": w.confidants} for w in self.confidant_weeks
            ],
            "contacts_by_week": [
                {"week": c.week, "people": c.people, "times": c.times} for c in self.contacts
            ],
            "confidants_now": self.confidants_now,
            "anniversaries": [
                {
                    "name": a.name,
                    "died_on": a.died_on.isoformat(),
                    "day": a.day.isoformat(),
                    "years": a.years,
                    "in_days": a.in_days,
                }
                for a in self.anniversaries
            ],
            "death_months": [
                {"name": m.name, "month": f"{m.starts:%Y-%m}", "years": m.years, "in_days": m.in_days}
                for m in self.death_months
            ],
            "holidays": [
                {"name": h.name, "for": h.person, "day": h.day.isoformat(), "in_days": h.in_days}
                for h in self.holidays
            ],
            "first_year": self.first_year,
        }


def focus_areas(journal: "Journal", chosen: str | None = None) -> list[str]:
    """The areas with a pathway: `chosen`, else the course's focus (at most two)."""
    if chosen:
        return [chosen]
    course = journal.course.current()
    return [a for a in (course.focus_areas if course else []) if a in PATHWAYS]


def _where(journal: "Journal", today: dt.date) -> tuple[str | None, str | None, int | None]:
    """The course's start, phase and week (None without a course), counted as the dashboard
    counts them (insight.course_progress), reading only what the pathway needs."""
    from ipt_journal.clinical.course import position

    course = journal.course.current()
    if course is None:
        return None, None, None
    held = journal.sessions.count_since(dt.date.fromisoformat(course.started_on), today)
    where = position(course.started_on, course.planned_weeks, course.ended_on, today, held)
    return course.started_on, where.phase, where.week


def _with_therapist(journal: "Journal") -> bool | None:
    """Whether the course has a therapist: a self-guided one (False) gets steps worded for it."""
    course = journal.course.current()
    return course.with_therapist if course else None


def build(journal: "Journal", today: dt.date, area: str | None = None) -> PathwayScreen:
    since, phase, week = _where(journal, today)
    areas = focus_areas(journal, area)
    store = journal.pathways
    helped = _with_therapist(journal)
    paths = [pathway(a, phase, store.done(a, since), helped) for a in areas]
    weeks: list[PathwayWeek] = []
    contacts: list[WeekContacts] = []
    confidants_now = None
    if {ProblemArea.role_dispute.value, ProblemArea.interpersonal_deficits.value} & set(areas):
        from ipt_journal.text.dates import monday_of

        # From the Monday of the course's first week: a course may start mid-week.
        weeks = store.weeks(monday_of(dt.date.fromisoformat(since)).isoformat() if since else None)
    if ProblemArea.interpersonal_deficits.value in areas:
        start = since or (today - dt.timedelta(weeks=CONTACT_WEEKS)).isoformat()
        contacts = store.contacts(start, today.isoformat())
        confidants_now = store.confidants_now()
    deaths = store.deaths()
    months = store.death_months()
    # A death known by its month counts from the month's 1st.
    first_years = [name for name, died in deaths + months if first_year(died, today)]
    return PathwayScreen(
        today,
        phase,
        week,
        since,
        paths,
        weeks,
        contacts,
        confidants_now,
        anniversaries=near_anniversaries(deaths, today),
        death_months=near_death_months(months, today),
        first_year=first_years if ProblemArea.grief.value in areas else [],
        holidays=near_holidays(store.holidays(), today),
    )


class DisputeNow(NamedTuple):
    """Where the course's role dispute stands: the latest stage recorded (store/pathways.py
    keeps the course's stage in step with the weeks), and the week it was recorded for."""

    person: str | None
    stage: str
    week: str | None  # its Monday; None: the stage as set for the course, no week recorded since

    def words(self) -> str:
        side = f" with {self.person}" if self.person else ""
        when = f"recorded for the week of {self.week}" if self.week else "as set for the course"
        return f"The dispute{side} stands at {self.stage} ({when})."

    def as_json(self) -> dict[str, Any]:
        return {"with": self.person, "stage": self.stage, "week": self.week}


def dispute_now(journal: "Journal") -> DisputeNow | None:
    """The current course's role dispute stage, None without one (or once the course ended)."""
    course = journal.course.current()
    if course is None or course.ended_on or not course.dispute_stage:
        return None
    if ProblemArea.role_dispute.value not in course.focus_areas:
        return None
    from ipt_journal.text.dates import monday_of

    start = monday_of(dt.date.fromisoformat(course.started_on)).isoformat()
    weeks = [w for w in journal.pathways.weeks(start) if w.dispute_stage]
    week = weeks[-1].week if weeks and weeks[-1].dispute_stage == course.dispute_stage else None
    return DisputeNow(course.dispute_person, course.dispute_stage, week)


def dashboard_lines(journal: "Journal", today: dt.date) -> list[str]:
    """The dashboard's pathway lines: anniversaries and days named as hard that are near
    (whatever the focus: they can be hard in any course, every year), then where the
    dispute stands and the next step of each focus's pathway."""
    lines = [anniversary_words(a) for a in near_anniversaries(journal.pathways.deaths(), today)]
    lines += [death_month_words(m) for m in near_death_months(journal.pathways.death_months(), today)]
    lines += [holiday_words(h) for h in near_holidays(journal.pathways.holidays(), today)]
    course = journal.course.current()
    if course is None or course.ended_on:
        return lines
    since, phase, _ = _where(journal, today)
    stage = dispute_now(journal)
    if stage:
        lines.append(stage.words())
    for a in focus_areas(journal):
        lines.append(next_words(pathway(a, phase, journal.pathways.done(a, since), course.with_therapist)))
    return lines


def dispute_weeks(journal: "Journal", since: dt.date) -> "list[PathwayWeek]":
    """The role dispute's stage by week from `since` (the report's window), when the course's
    focus is a role dispute; else none."""
    areas = focus_areas(journal)
    if ProblemArea.role_dispute.value not in areas:
        return []
    from ipt_journal.text.dates import monday_of

    return [w for w in journal.pathways.weeks(monday_of(since).isoformat()) if w.dispute_stage]
