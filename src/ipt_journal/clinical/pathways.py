"""The problem-area pathways: for each IPT problem area, a short ordered list of steps that
advance with the phases of the course, each done by one guided exercise; and the dates a
grief pathway watches (the anniversary of a death).

Plain data and pure functions (no storage, no Typer or Rich): the store keeps which step
was done when and by which exercise (store/pathways.py); `insight/pathways.py` puts the
two together. The order and the phases follow the IPT manuals: Weissman, Markowitz &
Klerman, The Guide to Interpersonal Psychotherapy (2018), and Stuart & Robertson,
Interpersonal Psychotherapy: A Clinician's Guide (2012), as docs/safety.md cites.
"""

import datetime as dt
from collections.abc import Mapping
from typing import NamedTuple

from ipt_journal.clinical.vocab import ProblemArea

PHASE_ORDER = ("initial", "middle", "termination", "maintenance")
PHASE_WORDS = {"initial": "first", "middle": "middle", "termination": "ending", "maintenance": "after-course"}
# The dashboard says an anniversary, or a day named as hard, is near from two weeks before:
# time to plan the day and tell someone (docs/safety.md says why, and that it is our choice).
ANNIVERSARY_DAYS = 14


class Step(NamedTuple):
    key: str
    title: str
    exercise: str  # the catalogue's exercise that does this step (clinical/exercises.py)
    phase: str  # the phase of the course from which the step fits
    # For a self-guided course (no therapist): the step's title and exercise instead, where
    # the usual ones assume a therapist. None: the step fits both.
    alone: tuple[str, str] | None = None

    @property
    def exercises(self) -> tuple[str, ...]:
        """Every exercise that does this step, with a therapist or without."""
        return (self.exercise, self.alone[1]) if self.alone else (self.exercise,)

    def for_course(self, with_therapist: bool | None) -> "Step":
        """The step as a course shows it: the self-guided wording when it has no therapist."""
        if with_therapist is False and self.alone:
            title, exercise = self.alone
            return Step(self.key, title, exercise, self.phase)
        return self


PATHWAYS: "dict[str, tuple[Step, ...]]" = {
    ProblemArea.grief.value: (
        Step("story", "The story of the death and of the relationship", "grief-story", "initial"),
        Step("feelings", "The feelings, the hard and the unsaid too", "grief-feelings", "middle"),
        Step("letter", "A letter you will not send", "unsent-letter", "middle"),
        Step("reconnect", "Reconnecting with people", "grief-reconnect", "middle"),
    ),
    ProblemArea.role_dispute.value: (
        Step(
            "expectations",
            "Each side's expectations, and where the dispute stands",
            "role-dispute",
            "initial",
        ),
        Step("pattern", "Is this a familiar pattern?", "dispute-pattern", "middle"),
        Step("unspoken", "What is unspoken", "dispute-unspoken", "middle"),
        Step("conversation", "One conversation, looked at closely", "communication-analysis", "middle"),
        Step("rehearse", "Rehearse the next conversation", "role-play", "termination"),
    ),
    ProblemArea.role_transition.value: (
        Step("sides", "The old role and the new, side by side", "transition-sides", "initial"),
        Step("skills", "Skills and support for the new role", "transition-skills", "middle"),
        Step("rehearse", "Practise something the new role asks of you", "role-play", "termination"),
    ),
    ProblemArea.interpersonal_deficits.value: (
        Step("past", "Past relationships and their patterns", "interpersonal-deficits", "initial"),
        Step(
            "therapist",
            "The pattern with your therapist, to bring up",
            "therapist-pattern",
            "middle",
            alone=("The pattern with someone new, or someone who helps you", "new-pattern"),
        ),
        Step("contact", "Rehearse one new contact", "role-play", "middle"),
    ),
}

# What each pathway tracks week by week, besides its steps (shown in `ipt pathway`).
WEEKLY = {
    ProblemArea.role_dispute.value: "the dispute's stage each week (ipt pathway week --stage STAGE)",
    ProblemArea.interpersonal_deficits.value: (
        "people you saw each week (from your check-ins), and how many you can confide in "
        "(ipt pathway week --confidants N)"
    ),
}


def area_label(area: str) -> str:
    return ProblemArea(area).label


def step_of(area: str, key: str) -> "Step | None":
    return next((step for step in PATHWAYS.get(area, ()) if step.key == key), None)


def ready(step: "Step", phase: str | None) -> bool:
    """Whether the course has reached the step's phase (no course: every step is open)."""
    return phase is None or PHASE_ORDER.index(step.phase) <= PHASE_ORDER.index(phase)


class Done(NamedTuple):
    """A step done: when, and by which exercise (None: that exercise was deleted)."""

    day: str
    exercise_id: int | None


class StepState(NamedTuple):
    step: "Step"
    done: Done | None
    ready: bool  # the course has reached its phase


class Pathway(NamedTuple):
    area: str
    phase: str | None
    steps: tuple[StepState, ...]

    @property
    def label(self) -> str:
        return area_label(self.area)

    @property
    def next(self) -> StepState | None:
        """The first step not done yet (it may wait for a later phase: see `ready`)."""
        return next((state for state in self.steps if state.done is None), None)

    @property
    def done_count(self) -> int:
        return sum(state.done is not None for state in self.steps)


def pathway(
    area: str, phase: str | None, done: Mapping[str, Done], with_therapist: bool | None = None
) -> Pathway:
    """The pathway of `area` at `phase` of the course, with the steps `done` (by step key),
    in the words for a course with a therapist or without (`with_therapist` False)."""
    return Pathway(
        area,
        phase,
        tuple(
            StepState(step.for_course(with_therapist), done.get(step.key), ready(step, phase))
            for step in PATHWAYS[area]
        ),
    )


def next_words(path: Pathway) -> str:
    """One line naming the pathway's next step, as the dashboard and `ipt pathway` say it."""
    upcoming = path.next
    name = path.label[:1].upper() + path.label[1:]
    if upcoming is None:
        return f"{name} pathway: every step done. Any of them can be done again (ipt pathway)."
    if not upcoming.ready:
        return (
            f"{name} pathway: the steps for now are done; next, in the "
            f"{PHASE_WORDS[upcoming.step.phase]} phase: {upcoming.step.title}."
        )
    return f"{name} pathway, next: {upcoming.step.title} (ipt pathway next)."


# Anniversaries -----------------------------------------------------------------------------


class Anniversary(NamedTuple):
    name: str
    died_on: dt.date
    day: dt.date  # the anniversary this time
    years: int
    in_days: int  # 0: today


def anniversary_in(died_on: dt.date, year: int) -> dt.date:
    """The anniversary of `died_on` in `year`: a death on 29 February is remembered on
    28 February in a year that has no 29th (the last day of February, as the death was)."""
    if died_on.month == 2 and died_on.day == 29:
        try:
            return dt.date(year, 2, 29)
        except ValueError:
            return dt.date(year, 2, 28)
    return died_on.replace(year=year)


def next_anniversary(name: str, died_on: dt.date, today: dt.date) -> Anniversary | None:
    """The first anniversary of the death on or after `today` (the first is a year after it;
    None never happens for a death in the past, but the type says what the loop may give)."""
    for year in (today.year, today.year + 1):
        if year <= died_on.year:
            continue
        day = anniversary_in(died_on, year)
        if day >= today:
            return Anniversary(name, died_on, day, year - died_on.year, (day - today).days)
    return None


def near_anniversaries(
    deaths: list[tuple[str, dt.date]], today: dt.date, days: int = ANNIVERSARY_DAYS
) -> list[Anniversary]:
    """Anniversaries of deaths within `days` from today (today included), soonest first."""
    near = [a for name, died in deaths if (a := next_anniversary(name, died, today)) and a.in_days <= days]
    return sorted(near, key=lambda a: (a.in_days, a.name.casefold()))


def anniversary_words(a: Anniversary) -> str:
    """'The anniversary of Dad's death is in 5 days (Saturday 12 April, 3 years).' and a
    gentle line: anniversaries often bring grief back (inform, never predict)."""
    when = "today" if a.in_days == 0 else "tomorrow" if a.in_days == 1 else f"in {a.in_days} days"
    years = "1 year" if a.years == 1 else f"{a.years} years"
    return (
        f"The anniversary of {a.name}'s death is {when} ({a.day:%A} {a.day.day} {a.day:%B}, {years}). "
        "Days like this often bring grief back; it can help to plan the day and to tell someone."
    )


class DeathMonth(NamedTuple):
    """The month of a death given without its day (`--died 2019-12`), this time round."""

    name: str
    starts: dt.date  # the 1st of the month this year
    years: int
    in_days: int  # 0: the month has begun


def near_death_months(
    deaths: list[tuple[str, dt.date]], today: dt.date, days: int = ANNIVERSARY_DAYS
) -> list[DeathMonth]:
    """For deaths known only by their month (each with the month's 1st), the month when it
    is now or begins within `days`: no day is made up for an anniversary nobody gave.
    Soonest first; never the month of the death itself."""
    from ipt_journal.text.dates import month_end

    near = []
    for name, died in deaths:
        for year in (today.year, today.year + 1):  # December's is seen from late November
            starts = dt.date(year, died.month, 1)
            if year <= died.year or month_end(starts) < today:
                continue
            in_days = max(0, (starts - today).days)
            if in_days <= days:
                near.append(DeathMonth(name, starts, year - died.year, in_days))
            break
    return sorted(near, key=lambda m: (m.in_days, m.name.casefold()))


def death_month_words(m: DeathMonth) -> str:
    """'December: the month Dad died, 7 years ago.' (and when it begins, if not yet) and a
    gentle line, as for an anniversary (inform, never predict)."""
    years = "1 year" if m.years == 1 else f"{m.years} years"
    when = "tomorrow" if m.in_days == 1 else f"in {m.in_days} days"
    begins = f" It begins {when}." if m.in_days else ""
    return (
        f"{m.starts:%B}: the month {m.name} died, {years} ago.{begins} "
        "Times like this often bring grief back; it can help to plan the month and to tell someone."
    )


# Days the person named as ones that may be hard without someone who died -----------------

HOLIDAYS_MAX = 12  # days named for one person: a year's holidays and birthdays, not a calendar
HOLIDAY_NAME_MAX = 60


class Holiday(NamedTuple):
    """A day of the year the person named for someone who died ("Christmas 12-25")."""

    name: str
    month: int
    day: int

    def on(self, year: int) -> dt.date:
        """This year's day: 29 February is 28 February in a year without it, as a death is."""
        return anniversary_in(dt.date(2000, self.month, self.day), year)

    def text(self) -> str:
        return f"{self.name} {self.month:02d}-{self.day:02d}"


def parse_holidays(text: str | None) -> list[Holiday]:
    """'Christmas 12-25; her birthday 03-14' -> the days, each a name then MM-DD (a leap
    day, 02-29, is allowed). A ValueError says what is wrong, in words."""
    import re

    days: list[Holiday] = []
    for entry in (part.strip() for part in (text or "").split(";")):
        if not entry:
            continue
        found = re.fullmatch(r"(.+?)\s+(\d{1,2})-(\d{1,2})", entry)
        if not found:
            raise ValueError(
                f"A day to remember is a name then the month and day, like 'Christmas 12-25'; got {entry!r}."
            )
        name, month, day = found[1].strip(), int(found[2]), int(found[3])
        try:
            dt.date(2000, month, day)  # a leap year, so 02-29 is a day
        except ValueError:
            raise ValueError(
                f"{month:02d}-{day:02d} is not a day of the year (MM-DD); got {entry!r}."
            ) from None
        if len(name) > HOLIDAY_NAME_MAX:
            raise ValueError(f"A day's name is at most {HOLIDAY_NAME_MAX} characters; got {len(name)}.")
        days.append(Holiday(name, month, day))
    if len(days) > HOLIDAYS_MAX:
        raise ValueError(f"Name at most {HOLIDAYS_MAX} days for one person; got {len(days)}.")
    return days


def holidays_text(days: list[Holiday]) -> str | None:
    """As stored and shown: 'Christmas 12-25; her birthday 03-14' (None: no days)."""
    return "; ".join(day.text() for day in days) or None


class HolidayNear(NamedTuple):
    person: str
    name: str
    day: dt.date
    in_days: int  # 0: today


def near_holidays(
    remembered: list[tuple[str, dt.date | None, str]], today: dt.date, days: int = ANNIVERSARY_DAYS
) -> list[HolidayNear]:
    """The named days within `days` from today (today included), every year: for each
    (person, died_on, their days), the next time each day comes, from the death on (a
    holiday before the death was not yet one without them). Soonest first."""
    near = []
    for person, died_on, text in remembered:
        for holiday in parse_holidays(text):
            for year in (today.year, today.year + 1):  # the turn of the year: next January's
                day = holiday.on(year)
                if day >= today and (died_on is None or day > died_on):
                    if (day - today).days <= days:
                        near.append(HolidayNear(person, holiday.name, day, (day - today).days))
                    break
    return sorted(near, key=lambda h: (h.in_days, h.person.casefold(), h.name.casefold()))


def holiday_words(h: HolidayNear) -> str:
    """'Christmas is in 5 days (Thursday 25 December), a day you named as hard without Dad.'
    and how to meet it (inform, never predict)."""
    when = "today" if h.in_days == 0 else "tomorrow" if h.in_days == 1 else f"in {h.in_days} days"
    name = h.name[:1].upper() + h.name[1:]
    return (
        f"{name} is {when} ({h.day:%A} {h.day.day} {h.day:%B}), a day you named as one that may be "
        f"hard without {h.person}. It can help to plan it ahead, and to tell someone."
    )


def first_year(died_on: dt.date, today: dt.date) -> bool:
    """Within the first year after a death: its first holidays, birthdays and seasons."""
    return died_on <= today < anniversary_in(died_on, died_on.year + 1)


FIRST_YEAR_WORDS = (
    "This is the first year since {name} died: the first holidays, birthdays and family days "
    "without them can be hard. It can help to plan them ahead, with someone."
)
