"""How mood moves with each relationship: the figures behind the report's people views.

For each person seen in a window: mean mood when time together went badly, neither well
nor badly, and well; the link between how it went and mood once the shared trend is
removed, read only where how it went varies and with enough check-ins, with its
uncertainty only where it is honest; and how it went early against late. Everything here
is an association: "goes with", never "causes".

Why not the plain correlation: mood and how time together went both improve with
recovery, so over a course a raw correlation mostly measures that shared trend, and its
interval is too narrow because check-ins follow one another (each is not independent of
the last). So each time with the person is compared with the person's running mean (the
previous store.patterns.RUNNING times with them, for how it went and mood alike), and the
link is Pearson's r of those differences. Sources (also in docs/user-guide.md, "How to read
the per-person figures"):
- Removing the trend before correlating two series, and why autocorrelation makes the usual
  interval too narrow: Dean & Dunsmuir (2016), Behavior Research Methods 48:783-802.
- The effective number of independent check-ins for a correlation of two autocorrelated
  series, n (1 - a b) / (1 + a b) from their lag-1 autocorrelations a and b: Bretherton,
  Widmann, Dymnikov, Wallace & Blade (1999), Journal of Climate 12:1990-2009.
- The 95% interval by Fisher's z with variance 1 / (n - 3) (Fisher, 1921, Metron 1:3-32),
  taken with that effective n, and shown only from MIN_FOR_INTERVAL of them.
- Reading |r| below 0.1 as none, from 0.1 weak, from 0.3 moderate, from 0.5 strong:
  Cohen's conventions for correlations (Cohen, 1988, Statistical Power Analysis for the
  Behavioral Sciences, 2nd ed.).
"""

import datetime as dt
import math
from typing import TYPE_CHECKING, NamedTuple

from ipt_journal.store import Journal

if TYPE_CHECKING:
    from sqlite3 import Row

    from ipt_journal.insight.report import CourseProgress, WeekMood

MIN_FOR_LINK = 10  # times compared with the running mean before a link is read at all
MIN_FOR_INTERVAL = 10  # effective independent check-ins before a likely range is honest
NEARLY_ALWAYS_WITHOUT = 3  # fewer check-ins than this without someone: compare how it went instead
STRENGTHS = ((0.5, "strong"), (0.3, "moderate"), (0.1, "weak"), (0.0, "none"))
Z_95 = 1.96
QUALITY_CHANGE = 0.5  # a move in mean quality (-2..+2) this big reads as better or worse
MIN_EACH_HALF = 2  # interactions in each half before early and late are compared


class MoodWhen(NamedTuple):
    """Check-ins in which time with the person went one way, and their mean mood."""

    checkins: int
    mean_mood: float | None


class Link(NamedTuple):
    """The link between how it went and mood once the shared trend is removed: Pearson's r
    of each time's difference from the running mean, with its 95% interval when honest."""

    r: float
    low: float | None  # None: too few effectively independent check-ins for a range
    high: float | None
    strength: str  # none, weak, moderate or strong
    clear: bool  # an interval is shown and leaves out zero: unlikely to be chance alone
    checkins: int  # the times compared with their running mean
    effective: float  # as many independent check-ins as these are worth


class PersonMood(NamedTuple):
    name: str
    closeness: int | None
    interactions: int
    window_checkins: int
    badly: MoodWhen
    neither: MoodWhen
    well: MoodWhen
    link: Link | None
    # "shown"; "one-way" (it went the same way, badly, neither or well, every time: `always`);
    # "too-few" (under MIN_FOR_LINK times to compare); "no-variation" (mood never moved)
    link_status: str
    nearly_always: bool  # too few check-ins without them for "with / without"
    unknown: int = 0  # interactions with no how-it-went (imported): counted above, in no figure
    mood_without: float | None = None  # mean mood of the window's check-ins without them
    always: str | None = None  # badly, neither or well: how it went every time ("one-way")
    compared: int = 0  # rated times with RUNNING earlier ones close enough to compare with


class PersonChange(NamedTuple):
    """How it went early in the window (or course) against late, and how often."""

    name: str
    early: int
    late: int
    early_quality: float | None
    late_quality: float | None
    quality: str  # better, worse, about the same, or too few (to compare)
    contact: str  # more often, less often, about as often


class PeopleInsight(NamedTuple):
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


def trend_free_link(
    n: int,
    covariance: float | None,
    var_quality: float | None,
    var_mood: float | None,
    lag_quality: float | None = None,
    lag_mood: float | None = None,
) -> Link | None:
    """Pearson's r of how it went and mood, each less its running mean, from their moments
    over `n` times; its Fisher-z 95% interval over the effective number of independent
    times (from the lag-1 autocovariances), or none when that is under MIN_FOR_INTERVAL;
    None when either never varied."""
    if covariance is None or not var_quality or not var_mood or var_quality <= 1e-12 or var_mood <= 1e-12:
        return None
    r = max(-1.0, min(1.0, covariance / math.sqrt(var_quality * var_mood)))
    a = max(-1.0, min(1.0, (lag_quality or 0.0) / var_quality))
    b = max(-1.0, min(1.0, (lag_mood or 0.0) / var_mood))
    # Series that alternate (a b < 0) are not counted as more than n independent times.
    shared = max(0.0, a * b)
    effective = n * (1 - shared) / (1 + shared)
    strength = next(word for bound, word in STRENGTHS if abs(r) >= bound)
    if effective < MIN_FOR_INTERVAL:
        return Link(r, None, None, strength, False, n, effective)
    z = math.atanh(max(-0.9999, min(0.9999, r)))
    half = Z_95 * math.sqrt(1 / (effective - 3))
    low, high = math.tanh(z - half), math.tanh(z + half)
    return Link(r, low, high, strength, low > 0 or high < 0, n, effective)


def _person_mood(row: "Row") -> PersonMood:
    bands = {"badly": row["badly"], "neither": row["neither"], "well": row["well"]}
    went = [band for band, times in bands.items() if times]
    compared = row["detrended"]
    link = None
    always = None
    if len(went) == 1:  # nothing to relate: say how it went, with mood with and without
        status, always = "one-way", went[0]
    elif compared < MIN_FOR_LINK:
        status = "too-few"
    else:
        link = trend_free_link(
            compared,
            row["link_cov"],
            row["link_var_quality"],
            row["link_var_mood"],
            row["lag_cov_quality"],
            row["lag_cov_mood"],
        )
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
        unknown=row["interactions"] - row["rated"],
        mood_without=row["mood_without"],
        always=always,
        compared=compared,
    )


def _change(row: "Row") -> PersonChange:
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


class CirclePlace(NamedTuple):
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


class WeekPerson(NamedTuple):
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
    weeks: "list[WeekMood]",
    people: dict[dt.date, list[WeekPerson]],
    course: "CourseProgress | None",
    today: dt.date,
) -> "list[WeekMood]":
    """`weeks`, each with its people, and with a course the course weeks its days fall in
    (clinical.course.week_span): `course_week` the course week of its last day so far (its
    Sunday, today for the week in progress, or the day the course ended), `course_week_first`
    that of its first day in the course, and `course_week_words` as every output says it."""
    from ipt_journal.clinical.course import week_span

    named = []
    for week in weeks:
        week = week._replace(people=people.get(week.monday, []))
        if course is not None:
            span = week_span(course.started_on, course.planned_weeks, week.monday, today, course.ended_on)
            week = week._replace(course_week_words=span.words)
            if span.last is not None:
                week = week._replace(
                    course_week=span.last, course_week_first=span.first, course_weeks=course.planned_weeks
                )
        named.append(week)
    return named


class MoodPoint(NamedTuple):
    day: dt.date
    mood: float


class PhqPoint(NamedTuple):
    day: dt.date
    total: int
    band: str


class TreatmentMark(NamedTuple):
    """A treatment event on the charts' timeline: medication, a doctor visit, sick leave,
    a hospital stay (clinical.vocab.TREATMENT_MARKS)."""

    day: dt.date
    kind: str
    label: str  # the kind in words: "medication started"
    mark: str  # its one-character chart mark
    approximate: bool  # known only by its month (day is the 1st)


class MoodSeries(NamedTuple):
    """What the mood chart draws: every check-in, the weekly means, the PHQ-9 totals, and
    the treatment events on the same timeline."""

    since: dt.date
    until: dt.date
    points: list[MoodPoint]  # one per check-in
    weekly: list[MoodPoint]  # one per week with check-ins, at its Monday
    phq9: list[PhqPoint]
    treatment: list[TreatmentMark]


def treatment_marks(journal: Journal, since: dt.date, until: dt.date) -> list[TreatmentMark]:
    """The treatment events from `since` to `until`, oldest first."""
    from ipt_journal.clinical.vocab import TREATMENT_MARKS
    from ipt_journal.insight.life_events import kind_label

    return [
        TreatmentMark(
            dt.date.fromisoformat(e.day), e.kind, kind_label(e.kind), TREATMENT_MARKS[e.kind], e.approximate
        )
        for e in journal.events.between(since, until)
        if e.kind in TREATMENT_MARKS
    ]


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
    return MoodSeries(since, until, points, weekly, phq9, treatment_marks(journal, since, until))
