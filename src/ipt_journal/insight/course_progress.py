"""Where a course stands on a day: its calendar week, its phase and the sessions held
beside it, in the words every screen uses; and whether the midpoint review is due."""

import datetime as dt
from typing import NamedTuple

from ipt_journal.store import Course, Journal


class CourseProgress(NamedTuple):
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


def midpoint_due(journal: Journal, progress: CourseProgress) -> bool:
    """IPT's midpoint review: from the middle of the course (week planned/2, rounded up)
    until the ending phase, when no midpoint review was saved since the course began."""
    if progress.ended_on or progress.phase != "middle" or progress.week < (progress.planned_weeks + 1) // 2:
        return False
    return journal.midpoints.latest(progress.started_on) is None
