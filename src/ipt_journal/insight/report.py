"""What the report says, computed from the journal's SQL aggregates into plain data.

Nothing here prints: `render` turns a `Report` into a table or JSON, so both show
the same numbers.
"""

import datetime as dt
from typing import TYPE_CHECKING, NamedTuple

from ipt_journal.insight.course_figures import GoalProgress, MeasureDay, ScaleProgress, course_figures
from ipt_journal.insight.course_progress import CourseProgress
from ipt_journal.insight.gaps import Gap, last_gap
from ipt_journal.insight.relationships import MoodSeries, PeopleInsight
from ipt_journal.insight.weekly_mood import MoodSummary, WeekMood, mood_summary, weeks_of
from ipt_journal.store import Journal, LifeEvent
from ipt_journal.text.dates import monday_of
from ipt_journal.text.figures import json_ready

if TYPE_CHECKING:
    from sqlite3 import Row

# A mood comparison for a person needs at least this many check-ins with them and
# without them; fewer would show noise as a pattern.
MIN_CHECKINS_EACH = 3


class PersonPattern(NamedTuple):
    name: str
    closeness: int | None
    interactions: int  # also the number of check-ins with them: one interaction per check-in
    mean_quality: float | None  # None: how it went unknown every time (imported)
    checkins_without: int
    mood_with: float | None  # None: not enough data yet
    mood_without: float | None
    mood_difference: float | None
    last_contact: dt.date
    went_well: int = 0  # check-ins with them that went +1 or +2
    went_badly: int = 0  # -1 or -2: with some of each, an average near 0 is no "neither"

    @property
    def went_words(self) -> str:
        """How it went on average in words, with the figure: "well (+1.2)"; "mixed: 6 well,
        6 badly (+0.0)" where an average near 0 hides good and bad times alike."""
        from ipt_journal.clinical.vocab import QUALITY_LABELS, mean_went
        from ipt_journal.text.figures import shown

        if self.mean_quality is None:
            return "unknown (imported)"
        figure = shown(self.mean_quality, signed=True)
        word = mean_went(self.mean_quality)
        if word == QUALITY_LABELS[0] and self.went_well and self.went_badly:
            return f"mixed: {self.went_well} well, {self.went_badly} badly ({figure})"
        return f"{word} ({figure})"


class QuietInnerPerson(NamedTuple):
    name: str
    last_contact: dt.date | None  # None: never recorded


class CopingUse(NamedTuple):
    """A coping strategy used in the window: how often, and how helpful (1-5) on average."""

    strategy: str
    uses: int
    mean_helpful: float | None


class Report(NamedTuple):
    today: dt.date
    since: dt.date
    journal_checkins: int
    window_checkins: int
    weeks: list[WeekMood]
    summary: MoodSummary | None
    people: list[PersonPattern]
    quiet_inner_circle: list[QuietInnerPerson]
    course: CourseProgress | None
    measures: list[MeasureDay]
    progress: list[ScaleProgress]
    goals: list[GoalProgress]
    review: dict | None
    crisis_resources: bool  # a PHQ-9 in the window, or the latest, had item 9 above 0
    item9_days: list[str]  # the days those PHQ-9s were taken
    coping: list[CopingUse]
    homework: dict | None  # assigned, done, skipped, overdue in the window
    exercises: dict | None  # by kind, by person, mean mood before and after
    insight: PeopleInsight | None  # mood by how it went, early against late, per person
    events: list[LifeEvent]  # life events in the window
    chart: MoodSeries | None
    who: str  # whom "please contact ... soon" names (follow_up.py)
    item9_urgent: bool  # the item-9 follow-up carries the screen's one urgency
    self_help: str | None  # a self-guided course self-help alone may not suffice for
    gap: Gap | None  # the latest gap of months in the window: comparisons start after it
    # The days "People and mood" covers: every figure in a person's row (times, how it went,
    # mood with and without, last contact) from these, after the gap when there is one.
    people_since: dt.date | None
    people_until: dt.date | None
    # People seen in the window only before the gap: no row (their figures would come from
    # other days than the rest), but named, so nobody vanishes from the screen unsaid.
    people_before_gap: list[str]
    # What happened with each person in the window's check-ins (issue 23), as `ipt prep` has it.
    incidents: list[dict]

    @property
    def journal_is_empty(self) -> bool:
        return self.journal_checkins == 0 and not self.measures and not self.progress

    def as_json(self) -> dict:
        from ipt_journal.insight.life_events import event_json

        data = self._asdict()
        data["events"] = [event_json(event) for event in self.events]  # as `ipt event list --json`
        data["min_checkins_each"] = MIN_CHECKINS_EACH
        data["note"] = "Mood differences are associations, not causes."
        return json_ready(data)


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
    weeks = weeks_of(weekly)
    gap = last_gap(journal, since, today)
    compared_from, compared_until = (gap.compared_from, gap.compared_until) if gap else (since, today)
    figures = course_figures(journal, since, today)
    people, before_gap = people_in(journal, since, compared_from, compared_until)
    weeks = name_weeks(weeks, weekly_people(journal, since), figures["course"], today)
    return Report(
        today=today,
        since=since,
        journal_checkins=journal.checkins.counts()["checkins"],
        window_checkins=sum(week.checkins for week in weeks),
        weeks=weeks,
        summary=mood_summary(
            [row for row in weekly if row["monday"] >= monday_of(compared_from).isoformat()]
        ),
        people=people,
        people_since=compared_from,
        people_until=compared_until,
        people_before_gap=before_gap,
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


def people_in(
    journal: Journal, since: dt.date, compared_from: dt.date, compared_until: dt.date
) -> tuple[list[PersonPattern], list[str]]:
    """Each person's figures, all from `compared_from` to `compared_until` (the days the
    comparisons cover: after a gap of months, if one lies in the window): times seen and
    how it went from one span and mood with/without from another would read as one
    finding. Also the names of those seen from `since` only before `compared_from`."""
    people = [
        person_pattern(row) for row in journal.checkins.people_patterns(compared_from, until=compared_until)
    ]
    if compared_from <= since:
        return people, []
    shown_names = {person.name for person in people}
    earlier = journal.checkins.people_patterns(since, until=compared_from - dt.timedelta(days=1))
    return people, [row["name"] for row in earlier if row["name"] not in shown_names]


def person_pattern(row: "Row") -> PersonPattern:
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
        went_well=row["went_well"],
        went_badly=row["went_badly"],
    )


def _day(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None
