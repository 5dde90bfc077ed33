"""`ipt report`: mood by week, people and mood, and the course so far."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from rich.console import Console
from rich.text import Text

from ipt_journal import output
from ipt_journal.clinical.scales import SCALES
from ipt_journal.clinical.vocab import REVIEW_FIELDS
from ipt_journal.insight.report import Report
from ipt_journal.render import insight as insight_views
from ipt_journal.render.common import new_console
from ipt_journal.render.fit import GLUE, Column, fitted, hanging, names_within, unbroken
from ipt_journal.render.report_people import people_and_mood
from ipt_journal.text.figures import shown, whole
from ipt_journal.text.messages import count, focus_text, formulation_line, goal_rating, movement

if TYPE_CHECKING:
    from ipt_journal.insight.relationships import MoodSeries
    from ipt_journal.insight.weekly_mood import WeekMood
    from ipt_journal.store import LifeEvent

PLAIN_NAMES = 40  # characters of names per week in the plain lines of a narrow terminal
SAME_BELOW = 1.0  # a change in mean mood under one point reads "about the same"
WEEK_COLUMNS = (
    Column("Week"),
    Column("Course"),
    Column("Check-ins", right=True, keep=3),
    Column("Mood", right=True),
    Column("Change", right=True, keep=2),
    Column("", keep=4),
    Column("People", keep=1, free_text=True, names=True),
)
MEASURE_COLUMNS = (
    Column("Day"),
    Column("PHQ-9", right=True),
    Column("range"),
    Column("GAD-7", right=True),
    Column("range "),
    Column("WSAS", right=True),
    Column("range  "),
)


def _mean(value: float | None, signed_: bool = False) -> str:
    if value is None:
        return ""
    return shown(value, signed_)


def _bar(mood: float) -> str:
    filled = whole(mood)
    if output.plain():  # a screen reader reads the number; the bar would be noise
        return ""
    return "█" * filled + "·" * (10 - filled)


def report(result: Report) -> None:
    console = new_console()
    with console:  # written in one go at the end, not a system call per line
        _report(console, result)


def _report(console: Console, result: Report) -> None:
    if result.journal_is_empty:
        console.print("No check-ins yet, so there is nothing to report.")
        console.print("Record how your week went with: ipt checkin")
    elif not result.weeks:
        console.print(f"No check-ins since {result.since}.")
        console.print("Look further back with --weeks 52, or record one with: ipt checkin")
    else:
        _mood_and_people(console, result)
    _course_report(console, result)


def _mood_and_people(console: Console, result: Report) -> None:
    console.print(f"Mood, {result.since} to {result.today} (0 worst, 10 best)", style="bold")
    if result.chart:
        draw_mood_chart(console, result.chart)
    console.print()
    _weeks_table(console, result)
    if result.gap:
        console.print(Text(result.gap.sentence()))
    if result.summary:
        s = result.summary
        trend = "up" if s.change >= SAME_BELOW else "down" if s.change <= -SAME_BELOW else "about the same"
        amount = f" {shown(abs(s.change))}" if trend != "about the same" else ""
        console.print(
            f"Mean mood in the last {count(s.weeks_compared, 'week')} with check-ins was "
            f"{shown(s.last_mean)}, {trend}{amount} from {shown(s.first_mean)} "
            f"in the first {s.weeks_compared}."
        )
    if result.events:
        console.print()
        console.print("Life events in this window", style="bold")
        mark = "" if output.plain() else "◆ "  # --plain: words only, the heading says what they are
        hanging(console, *(f"  {mark}{event_line(event, glue=True)}" for event in result.events))
    if result.incidents:
        from ipt_journal.clinical.vocab import went_label

        console.print()
        console.print("What happened with people", style="bold")
        for entry in result.incidents:
            console.print(Text(f"  {entry['name']}"))
            hanging(
                console,
                *(
                    f"    {i['day']} ({went_label(i['quality'])}): {i['what_happened']} (#{i['id']})"
                    for i in entry["incidents"]
                ),
            )
    console.print()
    people_and_mood(console, result)
    if result.insight:
        insight_views.nearly_always_note(console, result.insight)
        insight_views.moods_by_how_it_went(console, result.insight)
        insight_views.early_and_late(console, result.insight)
    if result.quiet_inner_circle:
        console.print()
        console.print("Inner circle, no contact recorded in this window:", style="bold")
        hanging(
            console,
            *(
                f"  {unbroken(person.name)}: {_since_contact(person.last_contact, result.today)}"
                for person in result.quiet_inner_circle
            ),
        )
        console.print("Drifting from the people closest to you is worth noticing, and worth talking about.")


def draw_mood_chart(console: Console, series: MoodSeries) -> None:
    from ipt_journal.render.charts import CareMark, ChartPoint, mood_chart

    mood_chart(
        console,
        [ChartPoint(p.day, p.mood) for p in series.points],
        [ChartPoint(p.day, p.mood) for p in series.weekly],
        [(p.day, p.total, p.band) for p in series.phq9],
        series.since,
        series.until,
        [
            CareMark(t.day, t.mark, t.label, t.day.isoformat()[:7] if t.approximate else t.day.isoformat())
            for t in series.treatment
        ],
    )


def change_words(change: float | None) -> str:
    """A week-to-week change; under SAME_BELOW points reads 'about the same'."""
    if change is None:
        return ""
    return "about the same" if abs(change) < SAME_BELOW else shown(change, signed=True)


def event_line(event: LifeEvent, glue: bool = False) -> str:
    """The event's day and title; with `glue`, each name kept whole by `hanging`."""
    from ipt_journal.insight.life_events import event_title

    names = [unbroken(name) for name in event.people] if glue else event.people
    return f"{event.when} {event_title(event.kind, names)}"


def _weeks_table(console: Console, result: Report) -> None:
    def people(week: WeekMood, glue: bool = False) -> str:
        named = (
            p.name + ("" if p.mean_quality is None else f" {shown(p.mean_quality, signed=True)}")
            for p in week.people
        )
        return ", ".join(unbroken(one) if glue else one for one in named)  # glue: a name and its figure

    def course_week(week: WeekMood) -> str:
        return week.course_week_words or ""  # "weeks 4–5 of 12": an ISO week may hold two

    in_course = any(week.course_week for week in result.weeks)
    columns = [WEEK_COLUMNS[0], *([WEEK_COLUMNS[1]] if in_course else []), *WEEK_COLUMNS[2:]]
    rows = [
        (
            week.week,
            *([course_week(week)] if in_course else []),
            str(week.checkins),
            _mean(week.mean_mood),
            change_words(week.change),
            _bar(week.mean_mood),
            people(week),
        )
        for week in result.weeks
    ]
    if not fitted(console, columns, rows):
        for week in result.weeks:
            when = f" ({week.course_week_words})" if in_course and week.course_week_words else ""
            change = f", {change_words(week.change)}" if week.change is not None else ""
            seen = names_within(people(week, glue=True), PLAIN_NAMES).replace(" more", f"{GLUE}more")
            seen = f"; {seen}" if week.people else ""
            hanging(console, f"{week.week}{when}: mood {_mean(week.mean_mood)}{change}{seen}")
    console.print(
        "People: who you saw that week and how it went on average (-2 very badly to +2 very well).",
        style="dim",
    )


def _course_report(console: Console, result: Report) -> None:
    """The course part of the report, section by section, in the order it is shown."""
    for draw in COURSE_SECTIONS:
        draw(console, result)


def _course_line(console: Console, result: Report) -> None:
    """Where the course is, and the formulation."""
    if result.course:
        c = result.course
        focus = focus_text(c.focus_areas)
        held = f"; {c.held_words}" if c.sessions_held else ""
        console.print()
        console.print(f"Your course: {c.words}{held} (started {c.started_on}; focus: {focus}).", style="bold")
        if c.formulation:
            console.print(Text(formulation_line(c.formulation, c.formulation_agreed_on)))


def _questionnaires(console: Console, result: Report) -> None:
    """Every questionnaire day in the window."""
    if result.measures:
        console.print()
        console.print("Questionnaires in this window", style="bold")
        rows = [
            (
                day.day,
                _opt(day.phq9),
                day.phq9_band or "",
                _opt(day.gad7),
                day.gad7_band or "",
                _opt(day.wsas),
                day.wsas_band or "",
            )
            for day in result.measures
        ]
        if not fitted(console, MEASURE_COLUMNS, rows):
            for day in result.measures:
                taken = [
                    f"{name}{GLUE}{total} ({band})"  # a scale with its score, wrapped as one
                    for name, total, band in (
                        ("PHQ-9", day.phq9, day.phq9_band),
                        ("GAD-7", day.gad7, day.gad7_band),
                        ("WSAS", day.wsas, day.wsas_band),
                    )
                    if total is not None
                ]
                hanging(console, f"  {day.day}: {', '.join(taken)}")


def _score_changes(console: Console, result: Report) -> None:
    """Each questionnaire from baseline to latest, with what the change means."""
    for p in result.progress:
        if p.baseline_day == p.latest_day:
            continue
        marks = []
        kind = SCALES[p.scale].change_kind
        if p.meaningful and p.points > 0:
            # One urgency per screen: the item-9 follow-up below carries it when due.
            marks.append(
                f"a {kind} rise" + ("" if result.item9_urgent else f": please contact {result.who} soon")
            )
        elif p.meaningful:
            marks.append(f"a {kind} change")
        if p.response:
            marks.append("what studies call a response (down by half or more)")
        if p.remission:
            marks.append("what studies call remission (below 5)")
        extra = f": {', '.join(marks)}" if marks else ""
        console.print(
            f"{p.name}: {p.baseline} at baseline ({p.baseline_day}), {p.latest} on {p.latest_day} "
            f"({p.latest_band}), {movement(p.points)}{extra}."
        )
    if result.self_help:
        console.print(Text(result.self_help))


def _goals(console: Console, result: Report) -> None:
    """The goals and their progress ratings."""
    if result.goals:
        console.print()
        console.print("Goals", style="bold")
        lines = []
        for goal in result.goals:
            rating = goal_rating(goal.first_rating, goal.latest_rating, goal.ratings)
            progress = f": {rating}" if rating else ""
            lines.append(f"  #{goal.id} {goal.text} ({goal.status}){progress}")
        hanging(console, *lines)


def _review(console: Console, result: Report) -> None:
    """What to watch for and do next, from the end-of-course review."""
    if result.review:
        console.print()
        console.print(f"From your end-of-course review ({result.review['day']}):", style="bold")
        review = result.review
        hanging(console, *(f"  {label}: {review[key]}" for key, label in REVIEW_FIELDS if review.get(key)))


def _exercises(console: Console, result: Report) -> None:
    """Exercises done in the window, with whom, and mood before and after."""
    if result.exercises and result.exercises["by_kind"]:
        e = result.exercises
        console.print()
        console.print("Exercises in this window", style="bold")
        hanging(console, "  " + ", ".join(f"{kind}: {done}" for kind, done in e["by_kind"].items()))
        if e["by_person"]:
            hanging(
                console, "  With: " + ", ".join(f"{name} ({done})" for name, done in e["by_person"].items())
            )
        if e["mood_rated"]:
            hanging(
                console,
                f"  Mood before {shown(e['mean_mood_before'])}, "
                f"after {shown(e['mean_mood_after'])} on average "
                f"({count(e['mood_rated'], 'exercise')} with both): how you felt, not what caused a change.",
            )


def _homework(console: Console, result: Report) -> None:
    """Homework set in the window and how it went."""
    if result.homework and result.homework["assigned"]:
        h = result.homework
        console.print()
        console.print(
            f"Homework set in this window: {h['assigned']}; done {h['done']}, skipped {h['skipped']}, "
            f"overdue {h['overdue']}."
        )


def _coping(console: Console, result: Report) -> None:
    """Coping strategies used, most helpful first."""
    if result.coping:
        console.print()
        console.print("Coping strategies, most helpful first", style="bold")
        lines = []
        for use in result.coping:
            rated = (
                "not rated" if use.mean_helpful is None else f"helped {shown(use.mean_helpful)}/5 on average"
            )
            lines.append(f"  {use.strategy}: {count(use.uses, 'time')}, {rated}")
        hanging(console, *lines)


COURSE_SECTIONS = (
    _course_line,
    _questionnaires,
    _score_changes,
    _goals,
    _review,
    _exercises,
    _homework,
    _coping,
)


def _opt(value: object) -> str:
    return "" if value is None else str(value)


def _since_contact(last: dt.date | None, today: dt.date) -> str:
    if last is None:
        return "no contact recorded yet"
    return f"no contact recorded in {count((today - last).days // 7, 'week')} (last {last})"
