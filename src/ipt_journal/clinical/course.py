"""Where a person is in their IPT course, worked out from the calendar."""

import datetime as dt
from typing import TYPE_CHECKING, NamedTuple

from ipt_journal.clinical.vocab import ProblemArea

if TYPE_CHECKING:
    from collections.abc import Sequence

    from ipt_journal.insight.course_figures import ScaleProgress

INITIAL_WEEKS = 3  # sessions 1-3 (1-2 in a course under 12 weeks)
TERMINATION_WEEKS = 3  # the last 2-4 weekly sessions: about a quarter of the course
MEASURES_DUE_DAYS = 14  # offer PHQ-9 / GAD-7 again after two weeks without one

PHASES = {
    "initial": (
        "Getting started: review how you have been, map the people in your life (the "
        "inventory), link your mood to what is happening with them, and agree on a focus "
        "and goals. Depression is a common illness that can be treated, and it is not your "
        "fault: while it is heavy, it is fair to expect less of yourself."
    ),
    "middle": (
        "The work: each week, look at how your mood moved and what happened with people, "
        "and practise on your focal problem area."
    ),
    "termination": (
        "Ending well: review what changed and give yourself credit for it, name early "
        "warning signs, and plan how to keep using what you learned."
    ),
    "maintenance": (
        "After the course: keep checking in, keep practising, and watch for the early "
        "warning signs you named."
    ),
}

# What happens in the sessions of each phase, beside what the person does (PHASES): after
# Weissman, Markowitz & Klerman 2018 (The Guide to Interpersonal Psychotherapy), in our words.
IN_SESSIONS = {
    "initial": (
        "In IPT sessions: the therapist goes over your symptoms with you and names them as an "
        "illness, goes through the important people in your life (the interpersonal inventory), "
        "links your mood to what is happening with them, and agrees a focus, goals and the number "
        "of sessions with you."
    ),
    "middle": (
        "In IPT sessions: each one starts with how you have been since the last, links the week's "
        "changes in mood to what happened with people, and works on the focus: going through a "
        "conversation in detail, weighing choices, and rehearsing what you want to say."
    ),
    "termination": (
        "In IPT sessions: you and the therapist look back at what changed and credit you for it, "
        "name early warning signs and what to do then, talk about how ending feels, and plan how "
        "to keep using the skills."
    ),
    "maintenance": (
        "After IPT sessions end: some people continue with less frequent maintenance sessions, "
        "agreed with their therapist; otherwise, contact your doctor or therapist if the warning "
        "signs return."
    ),
}

SELF_GUIDED_SESSIONS = "With an IPT therapist (your course is self-guided), sessions go like this: "


def in_sessions_words(phase: str, with_therapist: bool | None) -> str:
    """What happens in the sessions of `phase`; a self-guided course (no therapist) is told
    it as what IPT with a therapist does, never as if it had one."""
    line = IN_SESSIONS[phase]
    prefix = "In IPT sessions: "
    if with_therapist is False and line.startswith(prefix):
        return SELF_GUIDED_SESSIONS + line.removeprefix(prefix)
    return line


FOCUS_AREAS = {
    ProblemArea.grief: (
        "Grief: low mood that follows the death of someone important. The work is to mourn, "
        "remember the relationship in full, good and bad, and slowly rebuild connections. "
        "For example: since Dad died, you have stopped seeing friends."
    ),
    ProblemArea.role_dispute: (
        "Role dispute: you and someone important expect different things from each other. "
        "The work is to make the expectations clear, talk about them better, and renegotiate, "
        "or end things well. For example: repeated fights with your partner about housework."
    ),
    ProblemArea.role_transition: (
        "Role transition: a life change such as a new job, losing a job, a move, a divorce, "
        "an illness, becoming a parent or retiring. The work is to let go of the old role, see "
        "what the new one offers, and build the skills and support it needs. For example: since "
        "retiring, the days feel empty and you miss your colleagues."
    ),
    ProblemArea.interpersonal_deficits: (
        "Loneliness and social isolation (in IPT: interpersonal deficits): feeling isolated, or a "
        "long pattern of relationships that do not satisfy. The work is to learn from past "
        "patterns, make new contacts, and practise through role play. It is chosen only when none "
        "of the other three fits. For "
        "example: you have few people to call, and friendships tend to fade."
    ),
}


class Position(NamedTuple):
    week: int  # 1-based, by the calendar (course_week); beyond planned_weeks after the planned end
    planned_weeks: int
    phase: str
    ended: bool
    sessions_held: int = 0  # therapy sessions recorded from the course's start up to the day asked
    ended_on: str | None = None

    @property
    def purpose(self) -> str:
        return PHASES[self.phase]

    @property
    def in_sessions(self) -> str:
        return IN_SESSIONS[self.phase]

    @property
    def words(self) -> str:
        """Where the course is, as every screen and document says it: "week 5 of 12, middle
        phase", "week 13, past the planned 12 weeks" or "ended on 2026-04-01"."""
        return where_words(self.week, self.planned_weeks, self.phase, self.ended_on)

    @property
    def held_words(self) -> str:
        """The sessions held beside the planned ones: "3 of 12 planned sessions held"."""
        return held_words(self.sessions_held, self.planned_weeks)


def course_week(started_on: str | dt.date, day: dt.date) -> int:
    """The week of the course `day` falls in, by the calendar: the start day and the six
    after it are week 1, the next seven week 2, and so on (a day before the start counts as
    week 1). The one rule for every screen (docs/user-guide.md, "Where you are in the
    course"): sessions held are shown beside it, never instead of it, so logging a session
    never moves the week."""
    start = dt.date.fromisoformat(started_on) if isinstance(started_on, str) else started_on
    return max(1, (day - start).days // 7 + 1)


class WeekSpan(NamedTuple):
    """The course weeks the days of one ISO week (Monday to Sunday) fall in. A course starts
    on any weekday, so an ISO week often holds the end of one course week and the start of
    the next: it is then "weeks 4–5", never one of them, so a day has the same course week
    in every table as in `ipt course`. Days before the course's first day get no number."""

    first: int | None  # None: no day of the ISO week is in the course
    last: int | None
    planned_weeks: int
    began_on: dt.date | None = None  # the course's first day, when the ISO week began before it
    after: bool = False  # the whole ISO week is after the course ended

    @property
    def words(self) -> str:
        """ "week 5 of 12", "weeks 4–5 of 12", "week 1 of 12, from 2026-11-07",
        "before the course", "after the course"."""
        if self.first is None or self.last is None:
            return "after the course" if self.after else "before the course"
        if self.first == self.last:
            words = week_in_words(self.last, self.planned_weeks)
        elif self.last <= self.planned_weeks:
            words = f"weeks {self.first}–{self.last} of {self.planned_weeks}"
        else:
            words = f"weeks {self.first}–{self.last}, past the planned {self.planned_weeks}"
        return f"{words}, from {self.began_on.isoformat()}" if self.began_on else words

    @property
    def numbers(self) -> str:
        """For a narrow cell: "5", "4–5", "1 (from 2026-11-07)", "before the course"."""
        if self.first is None or self.last is None:
            return self.words
        numbers = str(self.last) if self.first == self.last else f"{self.first}–{self.last}"
        return f"{numbers} (from {self.began_on.isoformat()})" if self.began_on else numbers


def week_span(
    started_on: str | dt.date,
    planned_weeks: int,
    monday: dt.date,
    today: dt.date | None = None,
    ended_on: str | dt.date | None = None,
) -> WeekSpan:
    """The course weeks of the ISO week that opens on `monday`, counting its days up to
    `today` (the week in progress says what `ipt course` says today) and up to the day the
    course ended."""
    start = dt.date.fromisoformat(started_on) if isinstance(started_on, str) else started_on
    end = dt.date.fromisoformat(ended_on) if isinstance(ended_on, str) else ended_on
    last_day = min(monday + dt.timedelta(days=6), today or dt.date.max, end or dt.date.max)
    if end and monday > end:
        return WeekSpan(None, None, planned_weeks, after=True)
    if last_day < start:
        return WeekSpan(None, None, planned_weeks)
    first_day = max(monday, start)
    return WeekSpan(
        course_week(start, first_day),
        course_week(start, last_day),
        planned_weeks,
        began_on=start if start > monday else None,
    )


def where_words(week: int, planned_weeks: int, phase: str, ended_on: str | None) -> str:
    if ended_on:
        return f"ended on {ended_on}"
    if phase == "maintenance":
        return f"week {week}, past the planned {planned_weeks} weeks"
    return f"week {week} of {planned_weeks}, {phase} phase"


def week_in_words(week: int, planned_weeks: int) -> str:
    """A course week inside a sentence or brackets: "week 7 of 12", and past the planned end
    "week 13, past the planned 12" (never brackets inside brackets)."""
    return (
        f"week {week} of {planned_weeks}"
        if week <= planned_weeks
        else f"week {week}, past the planned {planned_weeks}"
    )


def held_words(sessions_held: int, planned_weeks: int) -> str:
    noun = "session" if planned_weeks == 1 else "sessions"
    return f"{sessions_held} of {planned_weeks} planned {noun} held"


def phase_weeks(planned_weeks: int) -> tuple[int, int]:
    """(initial, termination) weeks for a course of this length: the ending phase is the
    last 2-4 sessions, about a quarter of the course, so a short course keeps its middle
    (8 weeks: 2 initial, 4 middle, 2 ending; 12: 3, 6, 3; 16: 3, 9, 4)."""
    initial = INITIAL_WEEKS if planned_weeks >= 12 else 2
    termination = min(4, max(2, round(planned_weeks / 4)))
    return initial, termination


def phase_for(week: int, planned_weeks: int) -> str:
    if week > planned_weeks:
        return "maintenance"
    initial, termination = phase_weeks(planned_weeks)
    if week <= initial:
        return "initial"
    if week > planned_weeks - termination:
        return "termination"
    return "middle"


def position(
    started_on: str, planned_weeks: int, ended_on: str | None, today: dt.date, sessions_held: int = 0
) -> Position:
    """Where the course is on `today`: its calendar week (course_week), the phase of that
    week, and the sessions held, given by the caller, shown beside."""
    week = course_week(started_on, today)
    if ended_on:
        return Position(week, planned_weeks, "maintenance", True, sessions_held, ended_on)
    return Position(week, planned_weeks, phase_for(week, planned_weeks), False, sessions_held)


def score_moves(progress: "Sequence[ScaleProgress]") -> "dict[str, list[ScaleProgress]] | None":
    """Each questionnaire taken twice (a list of `report.ScaleProgress`), sorted by how it
    moved from baseline by its own figure: "down", "up" or "same"; None when none was (or
    none has a figure)."""
    from ipt_journal.clinical.scales import SCALES

    # A scale with no published change figure (the WSAS) is told in points, never sorted:
    # "not come down meaningfully" would judge it by a figure that does not exist.
    compared = [
        (p, figure)
        for p in progress
        if p.baseline_day != p.latest_day and (figure := SCALES[p.scale].meaningful_change) is not None
    ]
    if not compared:
        return None
    moves: dict[str, list[ScaleProgress]] = {"down": [], "up": [], "same": []}
    for p, figure in compared:
        moves["down" if -p.points >= figure else "up" if p.points >= figure else "same"].append(p)
    return moves


def measure_due(last_day: str | None, today: dt.date, every_days: int | None = None) -> bool:
    days = every_days or MEASURES_DUE_DAYS
    return last_day is None or (today - dt.date.fromisoformat(last_day)).days >= days
