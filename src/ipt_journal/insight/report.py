"""What the report says, computed from the journal's SQL aggregates into plain data.

Nothing here prints: `render` turns a `Report` into a table or JSON, so both show
the same numbers.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from ipt_journal.insight.gaps import GAP_DAYS, Gap, last_gap
from ipt_journal.insight.relationships import MoodSeries, PeopleInsight, WeekPerson
from ipt_journal.store import Course, Journal, LifeEvent
from ipt_journal.text.dates import monday_of, week_label
from ipt_journal.text.figures import difference, json_ready

if TYPE_CHECKING:
    from collections.abc import Sequence
    from sqlite3 import Row

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
    people: list[WeekPerson] = field(default_factory=list)  # most seen first
    course_week: int | None = None  # the week of the course it falls in, if any
    course_weeks: int | None = None  # the course's planned weeks


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
    mean_quality: float | None  # None: how it went unknown every time (imported)
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
class CourseProgress:
    started_on: str
    planned_weeks: int
    ended_on: str | None
    week: int
    phase: str
    focus_areas: list[str]
    formulation: str | None = None
    formulation_agreed_on: str | None = None
    sessions_held: int = 0  # from the course's start to the report's day

    @property
    def words(self) -> str:
        """ "week 5 of 12, middle phase", as every screen says it (clinical/course.py)."""
        from ipt_journal.clinical.course import where_words

        return where_words(self.week, self.planned_weeks, self.phase, self.ended_on)

    @property
    def held_words(self) -> str:
        from ipt_journal.clinical.course import held_words

        return held_words(self.sessions_held, self.planned_weeks)


@dataclass
class MeasureDay:
    """The questionnaires of one day, side by side."""

    day: str
    phq9: int | None = None
    phq9_band: str | None = None
    gad7: int | None = None
    gad7_band: str | None = None


@dataclass
class ScaleProgress:
    """Baseline against latest for one questionnaire."""

    scale: str
    name: str
    baseline_day: str
    baseline: int
    latest_day: str
    latest: int
    latest_band: str
    points: int
    meaningful: bool
    response: bool | None  # None when the baseline was below 10: the term does not apply
    remission: bool | None  # likewise


@dataclass
class GoalProgress:
    id: int
    text: str
    status: str
    first_rating: int | None
    latest_rating: int | None


@dataclass
class CopingUse:
    """A coping strategy used in the window: how often, and how helpful (1-5) on average."""

    strategy: str
    uses: int
    mean_helpful: float | None


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
    course: CourseProgress | None = None
    measures: list[MeasureDay] = field(default_factory=list)
    progress: list[ScaleProgress] = field(default_factory=list)
    goals: list[GoalProgress] = field(default_factory=list)
    review: dict | None = None
    crisis_resources: bool = False  # a PHQ-9 in the window, or the latest, had item 9 above 0
    item9_days: list[str] = field(default_factory=list)  # the days those PHQ-9s were taken
    coping: list[CopingUse] = field(default_factory=list)
    homework: dict | None = None  # assigned, done, skipped, overdue in the window
    exercises: dict | None = None  # by kind, by person, mean mood before and after
    insight: PeopleInsight | None = None  # mood by how it went, early against late, per person
    events: list[LifeEvent] = field(default_factory=list)  # life events in the window
    chart: MoodSeries | None = None
    who: str = "your therapist or doctor"  # whom "please contact ... soon" names (follow_up.py)
    item9_urgent: bool = False  # the item-9 follow-up carries the screen's one urgency
    self_help: str | None = None  # a self-guided course self-help alone may not suffice for
    gap: Gap | None = None  # the latest gap of months in the window: comparisons start after it
    # What happened with each person in the window's check-ins (issue 23), as `ipt prep` has it.
    incidents: list[dict] = field(default_factory=list)

    @property
    def journal_is_empty(self) -> bool:
        return self.journal_checkins == 0 and not self.measures and not self.progress

    def as_json(self) -> dict:
        from ipt_journal.insight.life_events import event_json

        data = asdict(self)
        data["events"] = [event_json(event) for event in self.events]  # as `ipt event list --json`
        data["min_checkins_each"] = MIN_CHECKINS_EACH
        data["note"] = "Mood differences are associations, not causes."
        return _iso_dates(data)


def window_start(today: dt.date, weeks: int) -> dt.date:
    """The Monday that opens a window of `weeks` ISO weeks ending with this one."""
    return monday_of(today) - dt.timedelta(weeks=weeks - 1)


def window_for(
    journal: Journal,
    today: dt.date,
    since: dt.date | None,
    weeks: int | None,
    course: bool,
    last_session: bool = False,
) -> tuple[dt.date, str]:
    """The first day and the words for a window chosen by --since, --weeks, --course or
    --since-last-session; with none of them, `report_window.default_window`."""
    from ipt_journal.errors import InputError, NotFound
    from ipt_journal.insight import report_window

    chosen = (since is not None, weeks is not None, course, last_session)
    if sum(chosen) > 1:
        raise InputError("Choose one of --since, --weeks, --course and --since-last-session.")
    if since is not None:
        return since, f"since {since.isoformat()}"
    if last_session:
        return report_window.since_last_session(journal, today)
    if course:
        found = report_window.course_window(journal)
        if found is None:
            raise NotFound(
                "There is no course to report on yet.", "Start one with: ipt start, or use --weeks N"
            )
        return found
    if weeks is not None:
        return window_start(today, weeks), f"the last {weeks} weeks"
    first, words, _ = report_window.default_window(journal, today)
    return first, words


def build_report(journal: Journal, since: dt.date, today: dt.date | None = None) -> Report:
    from ipt_journal.insight.incidents import by_person
    from ipt_journal.insight.life_events import events_in_window
    from ipt_journal.insight.relationships import mood_series, name_weeks, people_insight, weekly_people

    today = today or dt.date.today()
    weekly = journal.checkins.weekly_mood(since)
    weeks = _weeks(weekly)
    gap = last_gap(journal, since, today)
    compared_from, compared_until = (gap.compared_from, gap.compared_until) if gap else (since, today)
    figures = course_figures(journal, since, today)
    name_weeks(weeks, weekly_people(journal, since), figures["course"], today)
    return Report(
        today=today,
        since=since,
        journal_checkins=journal.checkins.counts()["checkins"],
        window_checkins=sum(week.checkins for week in weeks),
        weeks=weeks,
        summary=_summary([row for row in weekly if row["monday"] >= monday_of(compared_from).isoformat()]),
        people=[_pattern(row) for row in journal.checkins.people_patterns(since, compared_from)],
        quiet_inner_circle=[
            QuietInnerPerson(row["name"], _day(row["last_contact"]))
            for row in journal.checkins.inner_ring_without_contact(since)
        ],
        **figures,
        coping=[
            CopingUse(r["strategy"], r["uses"], r["mean_helpful"]) for r in journal.coping.summary(since)
        ],
        homework={key: int(value) for key, value in dict(journal.homework.summary(since, today)).items()},
        exercises=journal.exercises.summary(since),
        insight=people_insight(journal, compared_from, compared_until),
        events=events_in_window(journal, since, today),
        chart=mood_series(journal, since, today),
        gap=gap,
        incidents=[person.as_json() for person in by_person(journal, since, today)],
    )


def course_progress(journal: Journal, today: dt.date) -> CourseProgress | None:
    """Where the current course is on `today`: the one place every screen and document
    (`ipt course`, the dashboard, `ipt report`, the clinician report, the look back) gets
    the course week and the sessions held from, so all of them agree on a day."""
    course = journal.course.current()
    return None if course is None else progress_of(journal, course, today)


def progress_of(journal: Journal, course: Course, today: dt.date) -> CourseProgress:
    """`course_progress` for a course already read."""
    from ipt_journal.clinical.course import position

    held = journal.sessions.count_since(dt.date.fromisoformat(course.started_on), today)
    where = position(course.started_on, course.planned_weeks, course.ended_on, today, held)
    return CourseProgress(
        course.started_on,
        course.planned_weeks,
        course.ended_on,
        where.week,
        where.phase,
        course.focus_areas,
        course.formulation,
        course.formulation_agreed_on,
        held,
    )


def course_figures(journal: Journal, since: dt.date, today: dt.date) -> dict:
    """The course part of the report: where the course is, questionnaires in the window,
    baseline against latest, goals, the end-of-course review, and the days of the PHQ-9s
    shown (any in the window, and the latest) whose item 9 calls for crisis
    resources."""
    from ipt_journal.clinical import safety, scales
    from ipt_journal.clinical.follow_up import self_help_of
    from ipt_journal.insight.prep import urgency_context

    progress_figures = course_progress(journal, today)
    # A day's n-th PHQ-9 and n-th GAD-7 share a row; a second one of a scale that day
    # (a check-in's and a separate `ipt measure`, say) gets a row of its own, not hidden.
    rows: dict[tuple[str, int], MeasureDay] = {}
    progress = []
    shown = journal.measures.all(scales.PHQ9.key, since=since)
    for scale in scales.SCALES.values():
        taken_on: dict[str, int] = {}
        for measure in journal.measures.all(scale.key, since=since):
            nth = taken_on[measure.day] = taken_on.get(measure.day, 0) + 1
            row = rows.setdefault((measure.day, nth), MeasureDay(measure.day))
            setattr(row, scale.key, measure.total)
            setattr(row, f"{scale.key}_band", scale.band(measure.total))
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
                scales.response(baseline.total, latest.total),
                scales.remission(baseline.total, latest.total),
            )
        )
        shown.append(latest)
    # The current course's review, never an earlier course's.
    review = journal.reviews.latest(since=progress_figures.started_on if progress_figures else None)
    item9 = safety.item9_days(shown)
    return {
        "course": progress_figures,
        "measures": [rows[key] for key in sorted(rows)],
        "progress": progress,
        "goals": [
            GoalProgress(g.id, g.text, g.status, g.first_rating, g.latest_rating) for g in journal.goals.all()
        ],
        "review": asdict(review) if review else None,
        "crisis_resources": bool(item9),
        "item9_days": item9,
        **urgency_context(journal),
        "self_help": self_help_of(journal, today),
    }


def _weeks(rows: Sequence[Row]) -> list[WeekMood]:
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
            )
        )
    return weeks


def _summary(rows: Sequence[Row]) -> MoodSummary | None:
    """First versus last weeks with check-ins, weighting each check-in equally."""
    if len(rows) < 2:
        return None
    span = min(SUMMARY_WEEKS, len(rows) // 2)

    def mean(part: Sequence[Row]) -> float:
        return sum(r["mood_sum"] for r in part) / sum(r["checkins"] for r in part)

    first, last = mean(rows[:span]), mean(rows[-span:])
    return MoodSummary(weeks_compared=span, first_mean=first, last_mean=last, change=difference(first, last))


def _pattern(row: Row) -> PersonPattern:
    enough = row["compared"] >= MIN_CHECKINS_EACH and row["checkins_without"] >= MIN_CHECKINS_EACH
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


def _iso_dates(value: Any) -> Any:
    return json_ready(value)


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
    due = [
        s.name
        for s in SCALES.values()
        if measure_due(journal.measures.last_day(s.key), today, MAINTENANCE_CHECKIN_DAYS if monthly else None)
    ]
    goals = [
        GoalProgress(g.id, g.text, g.status, g.first_rating, g.latest_rating)
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
    )


def _staying_well(journal: Journal) -> list[str]:
    return journal.staying_well.get().lines() or ["Nothing written yet. Write it with: ipt staying-well edit"]


def midpoint_due(journal: Journal, progress: CourseProgress) -> bool:
    """IPT's midpoint review: from the middle of the course (week planned/2, rounded up)
    until the ending phase, when no midpoint review was saved since the course began."""
    if progress.ended_on or progress.phase != "middle" or progress.week < (progress.planned_weeks + 1) // 2:
        return False
    return journal.midpoints.latest(progress.started_on) is None
