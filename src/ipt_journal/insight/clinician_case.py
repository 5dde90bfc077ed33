"""The parts of the clinician document that carry the case beyond the window's figures:
PHQ-9 item 9 over time, the safety plan's state, the interpersonal inventory, the life
events that frame the course, item-level questionnaires, exercises in full, and what
happened since the last session. Plain data with every value already in words; the
`documents/` package renders it. Nothing here knows Markdown or HTML."""

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from ipt_journal.store import Journal, LifeEvent, Person

# What the person may leave out of (or add to) the document, by name.
SECTIONS = ("inventory", "exercises", "incidents", "notes", "safety-plan")
# Exercises, the inventory and what happened with people (incidents: the week's events
# with people that IPT's sessions start from) are the case a clinician works with; the
# person's own check-in notes and their crisis plan are more private, so they leave only
# when asked.
DEFAULT_SECTIONS = frozenset({"inventory", "exercises", "incidents"})


class Item9Answer(NamedTuple):
    day: str
    answer: int  # 0-3
    words: str  # "several days", as the question's options say it


class SafetyPlanState(NamedTuple):
    entries: int
    steps: list[int]
    last_changed: str | None  # YYYY-MM-DD of the newest entry still in it


@dataclass
class InventoryPerson:
    name: str
    about: str  # "parent, inner circle, died April 2026"
    died: str | None  # "April 2026" (or "has died" when no loss event dates it)
    focus: str | None  # "grief", "role dispute (impasse)"
    answers: list[tuple[str, str]] = field(default_factory=list)  # labelled as the questions asked


class MeasureAnswers(NamedTuple):
    scale: str  # PHQ-9, GAD-7, WSAS
    day: str
    total: int
    band: str
    answers: list[int | None]  # None: the WSAS work item, not applicable
    difficulty: str | None  # the unscored question, in words


class ExerciseDone(NamedTuple):
    day: str
    name: str
    person: str | None
    mood: str | None  # "mood 3 before, 5 after"
    answers: list[tuple[str, str]]  # (question, answer) in the exercise's order
    kind: str = ""  # the exercise's key: "about" someone who died, "with" the living


class SinceLastSession(NamedTuple):
    session_day: str
    checkins: int
    mean_mood: float | None
    events: list[str]
    homework: list[str]  # closed since, with outcomes
    exercises: list[str]
    questionnaires: list[str]
    notes: list[str]  # check-in notes, only when notes are included


def died_words(day: str, approximate: bool) -> str:
    """'April 2026' for a month, '3 April 2026' for a day: a death said in words."""
    when = dt.date.fromisoformat(day)
    return when.strftime("%B %Y") if approximate else f"{when.day} {when.strftime('%B %Y')}"


def item9_answers(journal: "Journal", since: dt.date, today: dt.date) -> list[Item9Answer]:
    """Every PHQ-9 item 9 answer in the window, oldest first, and the latest one ever when
    it is older than the window (the latest answer is always said)."""
    from ipt_journal.clinical.scales import OPTIONS, PHQ9, item9

    measures = journal.measures.all(PHQ9.key, since=since, until=today)
    latest = journal.measures.latest(PHQ9.key)
    if latest is not None and all(m.id != latest.id for m in measures) and latest.day <= today.isoformat():
        measures = [latest, *measures]
    return [Item9Answer(m.day, item9(m.answers), OPTIONS[item9(m.answers)].lower()) for m in measures]


def safety_plan_state(journal: "Journal") -> SafetyPlanState | None:
    items = journal.safety_plan.items()
    if not items:
        return None
    changed = journal.safety_plan.last_changed()
    return SafetyPlanState(len(items), sorted({i.step for i in items}), changed[:10] if changed else None)


def inventory(journal: "Journal", focus_people: set[str]) -> list[InventoryPerson]:
    """The people in the focus (the dispute, grief, the problem area) and the inner circle."""
    from ipt_journal.clinical.vocab import CLOSENESS_LABELS
    from ipt_journal.text.dates import stored_day_or_month
    from ipt_journal.text.messages import area_label, label

    deaths: dict[str, str] = {}
    for event in journal.events.between(None, None):
        if event.kind == "loss":
            for name in event.people:
                deaths.setdefault(name, died_words(event.day, event.approximate))
    out = []
    for p in journal.people.all():
        focus = area_label(p.problem_area) if p.problem_area and p.problem_area != "none" else None
        if focus and p.dispute_stage:
            focus += f" ({label(p.dispute_stage)})"
        if not (p.closeness == 1 or focus or p.name in focus_people):
            continue
        died = None
        about = [label(p.relationship)]
        if p.closeness:
            about.append(CLOSENESS_LABELS[p.closeness])
        if p.status == "deceased":
            # The day (or month) the person gave (`--died`), else the loss event that dates it.
            if p.died_on:
                day, month_only = stored_day_or_month(p.died_on)
                died = died_words(day.isoformat(), month_only)
            else:
                died = deaths.get(p.name, "")
            about.append(f"died {died}" if died else "has died")
        elif p.status == "past":
            about.append("a past relationship")
        out.append(InventoryPerson(p.name, ", ".join(about), died, focus, _answers(p)))
    return out


def _answers(p: "Person") -> list[tuple[str, str]]:
    from ipt_journal.text.messages import label

    gone = p.status == "deceased"
    pairs = [
        ("Contact", label(p.contact) if not gone else ""),
        ("What I miss" if gone else "Satisfying", p.satisfying),
        ("Hard or unsaid" if gone else "Unsatisfying", p.unsatisfying),
        ("They expect of me", p.their_expectations),
        ("I expect of them", p.my_expectations),
        ("Expectations met", p.expectations_met),
        ("Can confide", "" if p.can_confide is None else "yes" if p.can_confide else "no"),
        ("Together", p.together),
        ("Disagreements", p.disagreements),
        ("Get resolved", p.resolved),
        ("Can talk about", p.can_talk_about),
        ("Cannot talk about", p.cannot_talk_about),
        ("Would like to change", p.change),
    ]
    return [(name, str(value)) for name, value in pairs if value]


def framing_events(journal: "Journal", since: dt.date) -> "list[LifeEvent]":
    """The life events before the course (and before the window): those the person recorded
    around when their mood began to get low, as `ipt start` asks, back to the first one.
    Without a course there is no onset to frame, so none."""
    course = journal.course.current()
    if course is None:
        return []
    first = min(dt.date.fromisoformat(course.started_on), since)
    return journal.events.between(None, first - dt.timedelta(days=1))


def measure_answers(journal: "Journal", since: dt.date, today: dt.date) -> list[MeasureAnswers]:
    from ipt_journal.clinical.scales import DIFFICULTY_SHORT, SCALES

    out = []
    for scale in SCALES.values():
        for m in journal.measures.all(scale.key, since=since, until=today):
            difficulty = None if m.difficulty is None else DIFFICULTY_SHORT[m.difficulty]
            out.append(MeasureAnswers(scale.name, m.day, m.total, scale.band(m.total), m.answers, difficulty))
    return out


def exercises_done(journal: "Journal", since: dt.date, today: dt.date) -> list[ExerciseDone]:
    from ipt_journal.clinical.exercises import CATALOGUE

    out = []
    for e in reversed(journal.exercises.all(since=since, until=today)):
        exercise = CATALOGUE.get(e.kind)
        answers = []
        for key, answer in e.answers.items():
            spec = exercise.field(key) if exercise else None
            value = "; ".join(answer) if isinstance(answer, list) else str(answer)
            # The question itself, without the hint after it ("One line each, like ...").
            question = (
                spec.prompt.split("?")[0] + "?"
                if spec and "?" in spec.prompt
                else (spec.prompt if spec else key)
            )
            answers.append((question, value))
        mood = None
        if e.mood_before is not None and e.mood_after is not None:
            mood = f"mood {e.mood_before} before, {e.mood_after} after"
        out.append(
            ExerciseDone(e.day, exercise.name if exercise else e.kind, e.person, mood, answers, e.kind)
        )
    return out


def since_last_session(
    journal: "Journal", today: dt.date, with_notes: bool, with_exercises: bool
) -> SinceLastSession | None:
    """What happened since the last session, in the window `ipt prep` shows
    (report_window.last_session: from that session's day, included, to today)."""
    from ipt_journal.clinical.scales import SCALES
    from ipt_journal.insight.life_events import kind_label
    from ipt_journal.insight.report_window import last_session, since_session_day

    last = last_session(journal, today)
    if last is None:
        return None
    first = since_session_day(last)
    checkins = journal.checkins.all(since=first, until=today)
    moods = [c.mood for c in checkins]
    return SinceLastSession(
        session_day=last.day,
        checkins=len(checkins),
        mean_mood=sum(moods) / len(moods) if moods else None,
        events=[f"{e.when} {kind_label(e.kind)}" for e in journal.events.between(first, today)],
        homework=[
            f"{h.text}: {h.status}" + (f", {h.outcome}" if h.outcome else "")
            for h in journal.homework.open_or_closed_since(first)
            if h.closed_on
        ],
        exercises=[f"{e.day} {e.name}" for e in exercises_done(journal, first, today)]
        if with_exercises
        else [],
        questionnaires=[
            f"{scale.name} {m.total} ({scale.band(m.total)}) on {m.day}"
            for scale in SCALES.values()
            for m in journal.measures.all(scale.key, since=first, until=today)
        ],
        notes=[f"{c.day}: {c.note}" for c in reversed(checkins) if c.note] if with_notes else [],
    )


def staying_well_lines(journal: "Journal") -> tuple[list[str], str | None]:
    """The staying-well (relapse-prevention) plan as lines, and where they come from: the
    plan's own store (`journal.staying_well`), else, for a journal with none written, the
    end-of-course review's warning signs and what to do if they return."""
    plan = journal.staying_well.get()
    if not plan.is_empty:
        return plan.lines(), f"The staying-well plan, as of {(plan.updated_at or '')[:10]}."
    review = journal.reviews.latest()
    if review is None:
        return [], None
    lines = []
    if review.warning_signs:
        lines.append(f"Warning signs that depression is coming back: {review.warning_signs}")
    if review.relapse_plan:
        lines.append(f"What I will do then: {review.relapse_plan}")
    return lines, f"From the review of {review.day}." if lines else None
