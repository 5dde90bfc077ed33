"""How mood moves with each relationship: the figures behind the report's people views.

For each person seen in a window: mean mood when time together went badly, neither well
nor badly, and well; the strength of the link between how it went and mood (Spearman's
rank correlation, read only with enough interactions, with its uncertainty); and how it
went early against late. Everything here is an association: "goes with", never "causes".

Sources of the numbers used (also in docs/user-guide.md, "How to read the per-person
figures"):
- Spearman's rank correlation (Spearman, 1904), ties given their mean rank.
- Its 95% interval by Fisher's z with variance 1.06 / (n - 3) (Fieller, Hartley &
  Pearson, 1957, Biometrika 44:470-481).
- Reading |rho| below 0.1 as none, from 0.1 weak, from 0.3 moderate, from 0.5 strong:
  Cohen's conventions for correlations (Cohen, 1988, Statistical Power Analysis for the
  Behavioral Sciences, 2nd ed.).
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ipt_journal.store import Journal

if TYPE_CHECKING:
    from sqlite3 import Row

    from ipt_journal.insight.report import CourseProgress, WeekMood

MIN_FOR_LINK = 10  # interactions before a rank correlation is read at all
NEARLY_ALWAYS_WITHOUT = 3  # fewer check-ins than this without someone: compare how it went instead
STRENGTHS = ((0.5, "strong"), (0.3, "moderate"), (0.1, "weak"), (0.0, "none"))
Z_95 = 1.96
QUALITY_CHANGE = 0.5  # a move in mean quality (-2..+2) this big reads as better or worse
MIN_EACH_HALF = 2  # interactions in each half before early and late are compared


@dataclass
class MoodWhen:
    """Check-ins in which time with the person went one way, and their mean mood."""

    checkins: int
    mean_mood: float | None


@dataclass
class Link:
    """The rank correlation between how it went and mood, with its 95% interval."""

    rho: float
    low: float
    high: float
    strength: str  # none, weak, moderate or strong
    clear: bool  # the interval leaves out zero: unlikely to be chance alone


@dataclass
class PersonMood:
    name: str
    closeness: int | None
    interactions: int
    window_checkins: int
    badly: MoodWhen
    neither: MoodWhen
    well: MoodWhen
    link: Link | None
    link_status: str  # "shown", "too-few" (under MIN_FOR_LINK) or "no-variation"
    nearly_always: bool  # too few check-ins without them for "with / without"
    unknown: int = 0  # interactions with no how-it-went (imported): counted above, in no figure


@dataclass
class PersonChange:
    """How it went early in the window (or course) against late, and how often."""

    name: str
    early: int
    late: int
    early_quality: float | None
    late_quality: float | None
    quality: str  # better, worse, about the same, or too few (to compare)
    contact: str  # more often, less often, about as often


@dataclass
class PeopleInsight:
    since: dt.date
    until: dt.date
    second_half_from: dt.date
    moods: list[PersonMood]  # mood by how it went, per person
    changes: list[PersonChange]  # first half against second, per person

    @property
    def first_half_until(self) -> dt.date:
        """The first half's last day (the day before the second half begins)."""
        return self.second_half_from - dt.timedelta(days=1)


def people_insight(journal: Journal, since: dt.date, until: dt.date) -> PeopleInsight:
    """Per person seen from `since` to `until` (both included): mood by how it went with the
    strength of the link, and the first half of the span against the second."""
    mid = middle(since, until)
    rows = journal.patterns.person_figures(since, until, mid)
    return PeopleInsight(
        since, until, mid, [_person_mood(row) for row in rows], [_change(row) for row in rows]
    )


def middle(since: dt.date, until: dt.date) -> dt.date:
    """The first day of the second half."""
    return since + dt.timedelta(days=((until - since).days + 1) // 2)


def rank_link(n: int, covariance: float | None, var_x: float | None, var_y: float | None) -> Link | None:
    """Spearman's rho from rank moments, its Fisher-z 95% interval and its reading; None when
    either variable never varied."""
    if covariance is None or not var_x or not var_y or var_x <= 1e-12 or var_y <= 1e-12:
        return None
    rho = max(-1.0, min(1.0, covariance / math.sqrt(var_x * var_y)))
    z = math.atanh(max(-0.9999, min(0.9999, rho)))
    half = Z_95 * math.sqrt(1.06 / (n - 3))
    low, high = math.tanh(z - half), math.tanh(z + half)
    strength = next(word for bound, word in STRENGTHS if abs(rho) >= bound)
    return Link(rho, low, high, strength, clear=low > 0 or high < 0)


def _person_mood(row: Row) -> PersonMood:
    n = row["rated"]  # the link is between how it went and mood: only where how it went is known
    link = None
    status = "too-few"
    if n >= MIN_FOR_LINK:
        link = rank_link(n, row["rank_cov"], row["rank_var_quality"], row["rank_var_mood"])
        status = "shown" if link else "no-variation"
    return PersonMood(
        name=row["name"],
        closeness=row["closeness"],
        interactions=row["interactions"],
        window_checkins=row["window_checkins"],
        badly=MoodWhen(row["badly"], row["badly_mood"]),
        neither=MoodWhen(row["neither"], row["neither_mood"]),
        well=MoodWhen(row["well"], row["well_mood"]),
        link=link,
        link_status=status,
        # Seen only once or twice, someone is in "nearly all" of too few check-ins to say so.
        nearly_always=row["interactions"] >= NEARLY_ALWAYS_WITHOUT
        and row["window_checkins"] - row["interactions"] < NEARLY_ALWAYS_WITHOUT,
        unknown=row["interactions"] - n,
    )


def _change(row: Row) -> PersonChange:
    early, late = row["early"], row["late"]
    if row["early_rated"] >= MIN_EACH_HALF and row["late_rated"] >= MIN_EACH_HALF:
        moved = row["late_quality"] - row["early_quality"]
        quality = (
            "better" if moved >= QUALITY_CHANGE else "worse" if moved <= -QUALITY_CHANGE else "about the same"
        )
    else:
        quality = "too few"
    # The halves are the same length, so counts compare directly; a difference of one, or
    # of under a quarter, is read as no change.
    if abs(late - early) <= max(1, 0.25 * max(early, late)):
        contact = "about as often"
    else:
        contact = "more often" if late > early else "less often"
    return PersonChange(row["name"], early, late, row["early_quality"], row["late_quality"], quality, contact)


# ------------------------------------------------------------------ the closeness circle

CIRCLE_WEEKS = 8  # "lately" for the circle's marks
WENT_WELL, WENT_BADLY = 0.5, -0.5  # mean quality from which time together reads as well / badly


@dataclass
class CirclePlace:
    """A person on the closeness circle and how time together went lately."""

    name: str
    ring: int | None  # 1 inner, 2 middle, 3 outer; None: not placed
    status: str  # current, past or deceased
    lately: str  # well, badly, mixed (or neither), unknown (how it went not said), none (no time)
    times: int
    mean_quality: float | None
    died_on: str | None = None


def closeness_circle(journal: Journal, today: dt.date, weeks: int = CIRCLE_WEEKS) -> list[CirclePlace]:
    """Everyone in the inventory, closest first, with how time together went in the last
    `weeks` weeks."""
    lately = journal.patterns.lately(today - dt.timedelta(weeks=weeks))
    places = []
    for person in journal.people.all():
        row = lately.get(person.id)
        if row is None:
            reading, times, quality = "none", 0, None
        else:
            times, quality = row["times"], row["mean_quality"]
            if quality is None:
                reading = "unknown"  # seen, but how it went was never said (imported)
            else:
                reading = "well" if quality >= WENT_WELL else "badly" if quality <= WENT_BADLY else "mixed"
        places.append(
            CirclePlace(person.name, person.closeness, person.status, reading, times, quality, person.died_on)
        )
    return places


# ------------------------------------------------------------------ weeks and the mood chart


@dataclass
class WeekPerson:
    """Someone seen in a week: how often and how it went on average (-2..+2)."""

    name: str
    times: int
    mean_quality: float | None  # None: how it went unknown every time (imported)


def weekly_people(journal: Journal, since: dt.date) -> dict[dt.date, list[WeekPerson]]:
    """Per week (its Monday) since `since`: the people seen, most seen first."""
    weeks: dict[dt.date, list[WeekPerson]] = {}
    for row in journal.patterns.weekly_people(since):
        monday = dt.date.fromisoformat(row["monday"])
        weeks.setdefault(monday, []).append(WeekPerson(row["name"], row["times"], row["mean_quality"]))
    return weeks


def name_weeks(
    weeks: list[WeekMood],
    people: dict[dt.date, list[WeekPerson]],
    course: CourseProgress | None,
    today: dt.date,
) -> None:
    """Give each week its people, and during a course its course week: the course week
    (clinical.course.course_week) of the week's last day so far: its Sunday, or today for
    the week in progress (so that row says what `ipt course` says today), or the day the
    course ended."""
    from ipt_journal.clinical.course import course_week

    start = dt.date.fromisoformat(course.started_on) if course else None
    end = dt.date.fromisoformat(course.ended_on) if course and course.ended_on else dt.date.max
    for week in weeks:
        week.people = people.get(week.monday, [])
        last_day = min(week.monday + dt.timedelta(days=6), today, end)
        if course and start and start <= last_day and week.monday <= end:
            week.course_week = course_week(start, last_day)
            week.course_weeks = course.planned_weeks


@dataclass
class MoodPoint:
    day: dt.date
    mood: float


@dataclass
class PhqPoint:
    day: dt.date
    total: int
    band: str


@dataclass
class MoodSeries:
    """What the mood chart draws: every check-in, the weekly means, and the PHQ-9 totals."""

    since: dt.date
    until: dt.date
    points: list[MoodPoint]  # one per check-in
    weekly: list[MoodPoint]  # one per week with check-ins, at its Monday
    phq9: list[PhqPoint]


def mood_series(journal: Journal, since: dt.date, until: dt.date) -> MoodSeries:
    from ipt_journal.clinical.scales import PHQ9

    points = [
        MoodPoint(dt.date.fromisoformat(r["day"]), r["mood"])
        for r in journal.patterns.checkin_moods(since, until)
    ]
    weekly = [
        MoodPoint(dt.date.fromisoformat(r["monday"]), r["mean_mood"])
        for r in journal.checkins.weekly_mood(since)
        if r["monday"] <= until.isoformat()
    ]
    phq9 = [
        PhqPoint(dt.date.fromisoformat(m.day), m.total, PHQ9.band(m.total))
        for m in journal.measures.all(PHQ9.key, since=since)
        if m.day <= until.isoformat()
    ]
    return MoodSeries(since, until, points, weekly, phq9)
