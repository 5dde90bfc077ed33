"""`ipt report`: mood by week, people and mood, and the course so far."""

from __future__ import annotations

import datetime as dt

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from ipt_journal.messages import count, crisis, focus_text, movement
from ipt_journal.render.common import new_console, ring
from ipt_journal.report import MIN_CHECKINS_EACH, Report


def _mean(value: float | None, signed_: bool = False) -> str:
    if value is None:
        return ""
    return f"{value:+.1f}" if signed_ else f"{value:.1f}"


def _bar(mood: float) -> str:
    from ipt_journal import output

    filled = round(mood)
    if output.plain():  # a screen reader reads the number; the bar would be noise
        return ""
    return "█" * filled + "·" * (10 - filled)


def report(result: Report) -> None:
    console = new_console()
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
    console.print(f"Mood by week, {result.since} to {result.today} (0 worst, 10 best)", style="bold")
    weeks = Table(box=box.SIMPLE_HEAD)
    weeks.add_column("Week", no_wrap=True)
    weeks.add_column("Check-ins", justify="right")
    weeks.add_column("Mood", justify="right")
    weeks.add_column("Change", justify="right")
    weeks.add_column("", no_wrap=True)
    for week in result.weeks:
        weeks.add_row(
            week.week,
            str(week.checkins),
            _mean(week.mean_mood),
            _mean(week.change, True),
            _bar(week.mean_mood),
        )
    console.print(weeks)
    if result.summary:
        s = result.summary
        trend = "up" if s.change > 0.05 else "down" if s.change < -0.05 else "about the same"
        amount = f" {abs(s.change):.1f}" if trend != "about the same" else ""
        console.print(
            f"Mean mood in the last {count(s.weeks_compared, 'week')} with check-ins was {s.last_mean:.1f}, "
            f"{trend}{amount} from {s.first_mean:.1f} in the first {s.weeks_compared}."
        )
    console.print()
    _people_patterns(console, result)
    if result.quiet_inner_circle:
        console.print()
        console.print("Inner circle, no contact recorded in this window:", style="bold")
        for person in result.quiet_inner_circle:
            console.print(Text(f"  {person.name}: {_since_contact(person.last_contact, result.today)}"))
        console.print("Drifting from the people closest to you is worth noticing, and worth talking about.")


def _course_report(console: Console, result: Report) -> None:
    from ipt_journal import config

    if result.course:
        c = result.course
        focus = focus_text(c.focus_areas)
        where = (
            f"ended {c.ended_on}" if c.ended_on else f"week {c.week} of {c.planned_weeks}, {c.phase} phase"
        )
        console.print()
        console.print(f"Your course: {where} (started {c.started_on}; focus: {focus}).", style="bold")
    if result.measures:
        console.print()
        console.print("Questionnaires in this window", style="bold")
        table = Table(box=box.SIMPLE_HEAD)
        table.add_column("Day", no_wrap=True)
        table.add_column("PHQ-9", justify="right")
        table.add_column("range")
        table.add_column("GAD-7", justify="right")
        table.add_column("range")
        for day in result.measures:
            table.add_row(day.day, _opt(day.phq9), day.phq9_band or "", _opt(day.gad7), day.gad7_band or "")
        console.print(table)
    for p in result.progress:
        if p.baseline_day == p.latest_day:
            continue
        marks = []
        if p.meaningful:
            marks.append("a meaningful change")
        if p.response:
            marks.append("a response (down by half or more)")
        if p.remission:
            marks.append("in remission range (below 5)")
        extra = f": {', '.join(marks)}" if marks else ""
        console.print(
            f"{p.name}: {p.baseline} at baseline ({p.baseline_day}), {p.latest} on {p.latest_day} "
            f"({p.latest_band}), {movement(p.points)}{extra}."
        )
    if result.goals:
        console.print()
        console.print("Goals", style="bold")
        for goal in result.goals:
            progress = (
                "" if goal.latest_rating is None else f": {goal.first_rating} → {goal.latest_rating}/10"
            )
            console.print(Text(f"  #{goal.id} {goal.text} ({goal.status}){progress}"))
    if result.review:
        console.print()
        console.print(f"From your end-of-course review ({result.review['day']}):", style="bold")
        for key, label in (
            ("warning_signs", "Early warning signs"),
            ("keep_practising", "Plan to keep practising"),
        ):
            if result.review.get(key):
                console.print(Text(f"  {label}: {result.review[key]}"))
    if result.exercises and result.exercises["by_kind"]:
        e = result.exercises
        console.print()
        console.print("Exercises in this window", style="bold")
        console.print("  " + ", ".join(f"{kind}: {done}" for kind, done in e["by_kind"].items()))
        if e["by_person"]:
            console.print(
                Text("  With: " + ", ".join(f"{name} ({done})" for name, done in e["by_person"].items()))
            )
        if e["mood_rated"]:
            console.print(
                f"  Mood before {e['mean_mood_before']:.1f}, after {e['mean_mood_after']:.1f} on average "
                f"({count(e['mood_rated'], 'exercise')} with both)."
            )
    if result.homework and result.homework["assigned"]:
        h = result.homework
        console.print()
        console.print(
            f"Homework set in this window: {h['assigned']}; done {h['done']}, skipped {h['skipped']}, "
            f"overdue {h['overdue']}."
        )
    if result.coping:
        console.print()
        console.print("Coping strategies, most helpful first", style="bold")
        for use in result.coping:
            rated = "not rated" if use.mean_helpful is None else f"helped {use.mean_helpful:.1f}/5 on average"
            console.print(f"  {use.strategy}: {count(use.uses, 'time')}, {rated}")
    if result.crisis_resources:
        console.print()
        console.print(
            Text("Your latest PHQ-9 mentioned thoughts of being better off dead or of hurting yourself.")
        )
        crisis(config.country_or_none())


def _opt(value) -> str:
    return "" if value is None else str(value)


def _people_patterns(console: Console, result: Report) -> None:
    if not result.people:
        console.print(
            "No time with people recorded in this window. Add it to a check-in with --with NAME:+1."
        )
        return
    console.print("People and mood", style="bold")
    table = Table(box=box.SIMPLE_HEAD)
    table.add_column("Person", overflow="fold")
    table.add_column("Ring", justify="right")
    table.add_column("Times", justify="right")
    table.add_column("Went", justify="right")
    table.add_column("Mood with / without", justify="right", no_wrap=True)
    table.add_column("Last contact", no_wrap=True)
    for person in result.people:
        if person.mood_with is None:
            moods = Text("not enough data yet", style="dim")
        else:
            moods = f"{_mean(person.mood_with)} / {_mean(person.mood_without)}"
        table.add_row(
            Text(person.name),
            ring(person.closeness),
            str(person.interactions),
            _mean(person.mean_quality, True),
            moods,
            person.last_contact.isoformat(),
        )
    console.print(table)
    console.print(
        f"Went: how time together went, -2 very badly to +2 very well. Mood with/without: mean mood of "
        f"check-ins that mention them or not, shown once there are {MIN_CHECKINS_EACH} of each. "
        "These are associations, not causes.",
        style="dim",
    )


def _since_contact(last: dt.date | None, today: dt.date) -> str:
    if last is None:
        return "no contact recorded yet"
    return f"no contact in {count((today - last).days // 7, 'week')} (last {last})"
