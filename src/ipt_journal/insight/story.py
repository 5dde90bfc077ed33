"""The story of the course, for the review: mood and questionnaires at the start against
the end, every person seen during the course with how it went early and late, the goals
and the life events. Plain data; `render.story` tells it and `--json` prints it."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field

from ipt_journal.insight.course_figures import GoalProgress, ScaleProgress, course_figures
from ipt_journal.insight.course_progress import CourseProgress
from ipt_journal.insight.gaps import Gap
from ipt_journal.insight.life_events import events_in_window
from ipt_journal.insight.relationships import PeopleInsight, people_insight
from ipt_journal.insight.report import PersonPattern, people_in
from ipt_journal.insight.weekly_mood import MoodSummary, mood_summary
from ipt_journal.store import Journal, LifeEvent
from ipt_journal.text.figures import json_ready


@dataclass
class CourseStory:
    since: dt.date  # the course's start (or the first check-in without a course)
    until: dt.date  # its end, or today
    course: CourseProgress | None
    mood: MoodSummary | None  # first weeks against last weeks
    questionnaires: list[ScaleProgress]  # baseline against latest
    people: list[PersonPattern]  # everyone seen during the course (after a gap of months, if any)
    insight: PeopleInsight  # how it went early against late, and mood by how it went
    goals: list[GoalProgress]
    events: list[LifeEvent]
    item9_days: list[str]  # days of the PHQ-9s told whose item 9 calls for crisis resources
    review: dict | None = None  # the person's own answers to the end-of-course review, if given
    who: str = "your therapist or doctor"  # whom to talk with (follow_up.Care.who)
    gap: Gap | None = None  # the latest gap of months: the comparisons start after it
    people_before_gap: list[str] = field(default_factory=list)  # seen only before it: no line

    def as_json(self) -> dict:
        from ipt_journal.insight.life_events import event_json

        data = asdict(self)
        data["events"] = [event_json(event) for event in self.events]  # as `ipt event list --json`
        data["note"] = "Mood differences are associations, not causes."
        return json_ready(data)


def course_story(journal: Journal, today: dt.date | None = None) -> CourseStory:
    today = today or dt.date.today()
    course = journal.course.current()
    first = journal.patterns.first_day()
    if course:
        since = dt.date.fromisoformat(course.started_on)
    else:
        since = dt.date.fromisoformat(first) if first else today
    until = dt.date.fromisoformat(course.ended_on) if course and course.ended_on else today
    figures = course_figures(journal, since, today)
    from ipt_journal.insight.gaps import last_gap
    from ipt_journal.text.dates import monday_of

    gap = last_gap(journal, since, until)
    compared_from, compared_until = (gap.compared_from, gap.compared_until) if gap else (since, until)
    # Each person's figures from the days the comparisons cover, as the report has them.
    people, before_gap = people_in(journal, since, compared_from, compared_until)
    return CourseStory(
        since=since,
        until=until,
        course=figures["course"],
        mood=mood_summary(
            [
                row
                for row in journal.checkins.weekly_mood(since)
                if monday_of(compared_from).isoformat() <= row["monday"] <= until.isoformat()
            ]
        ),
        questionnaires=figures["progress"],
        people=people,
        people_before_gap=before_gap,
        insight=people_insight(journal, compared_from, compared_until),
        goals=figures["goals"],
        events=events_in_window(journal, since, until),
        item9_days=figures["item9_days"],
        review=figures["review"],
        who=figures["who"],
        gap=gap,
    )
