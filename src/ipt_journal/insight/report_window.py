"""Which days a report covers when the person does not say: the course while it runs and
in the maintenance weeks after it, else the last twelve weeks. One rule for `ipt report`
in the terminal and for the clinician document, so both cover the same days."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ipt_journal.store import Journal, TherapySession

DEFAULT_WEEKS = 12
# After a course's planned (or recorded) end, its figures stay the useful frame for this
# many weeks: the maintenance period in which the review's staying-well plan is used. A
# product choice, not a clinical threshold; docs/user-guide.md says so.
MAINTENANCE_WEEKS = 12
HOW_TO_CHANGE = "change it with --weeks N, --since DAY or --course"


def course_window(journal: Journal) -> tuple[dt.date, str] | None:
    """The course's first day, or its baseline questionnaires' day when they were taken
    before it (`--baseline-date`), with the words saying so; None without a course."""
    from ipt_journal.clinical.scales import SCALES

    course = journal.course.current()
    if course is None:
        return None
    start = dt.date.fromisoformat(course.started_on)
    first = start
    for scale in SCALES.values():
        baseline = journal.measures.baseline(scale.key, course.started_on, fallback=False)
        if baseline is not None:
            first = min(first, dt.date.fromisoformat(baseline.day))
    words = f"the whole course, since {course.started_on}"
    if first < start:
        words += f" (with its baseline questionnaires of {first.isoformat()})"
    return first, words


def in_course_time(journal: Journal, today: dt.date) -> bool:
    """A course runs, or ended (as planned or as recorded) within MAINTENANCE_WEEKS."""
    course = journal.course.current()
    if course is None:
        return False
    start = dt.date.fromisoformat(course.started_on)
    end = (
        dt.date.fromisoformat(course.ended_on)
        if course.ended_on
        else start + dt.timedelta(weeks=course.planned_weeks) - dt.timedelta(days=1)
    )
    return start <= today <= end + dt.timedelta(weeks=MAINTENANCE_WEEKS)


def default_window(journal: Journal, today: dt.date) -> tuple[dt.date, str, bool]:
    """The first day, the words, and whether it is the course."""
    from ipt_journal.insight.report import window_start

    if in_course_time(journal, today):
        chosen = course_window(journal)
        if chosen is not None:
            return chosen[0], chosen[1], True
    return window_start(today, DEFAULT_WEEKS), f"the last {DEFAULT_WEEKS} weeks", False


def last_session(journal: Journal, today: dt.date) -> TherapySession | None:
    """The session "since the last session" counts from, for `ipt prep`, the clinician
    report's page one and `ipt report --since-last-session` alike: the latest one held on a
    day before today. So on a session's own day each of them prepares for that session,
    whether or not it is recorded yet, and all say the same all day long. The window then
    runs from that session's day, included, to today (`since_session_day`): a day has no
    time of day, so what happened on a session's day may have come after it; it shows in
    both windows rather than in neither."""
    return journal.sessions.last(today - dt.timedelta(days=1))


def since_session_day(session: TherapySession) -> dt.date:
    """The first day of the window after `session`: its own day (see `last_session`)."""
    return dt.date.fromisoformat(session.day)


def since_last_session(journal: Journal, today: dt.date) -> tuple[dt.date, str]:
    """From the day of the last session (`last_session`) up to today: what the next
    appointment needs."""
    from ipt_journal.errors import NotFound

    last = last_session(journal, today)
    if last is None:
        raise NotFound(
            "There is no session recorded before today, so there is no 'last session' to start from.",
            "Record one with: ipt session add, or choose --weeks N",
        )
    return since_session_day(last), f"since the last session, {last.day} (that day included)"
