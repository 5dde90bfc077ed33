"""Turning results into what a person reads: Rich tables and text, or JSON.

Computing happens elsewhere; this module only formats. Text from the journal is
always wrapped in `Text` so brackets in a note are never read as Rich markup.
Rich honours NO_COLOR and the terminal's width by itself.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from ipt_journal.messages import (
    count,
    crisis,
    focus_text,
    label,
    movement,
    people_with,
    plain,
    plan_entry,
    print_json,
)
from ipt_journal.report import MIN_CHECKINS_EACH, Report
from ipt_journal.store import Checkin, ContactSummary, Person
from ipt_journal.vocab import CLOSENESS_LABELS, QUALITY_LABELS, signed


def _console() -> Console:
    # Made per call, so output goes to whatever sys.stdout is now (tests swap it).
    return Console(highlight=False)


def _ring(closeness: int | None) -> str:
    return "" if closeness is None else str(closeness)


def _mean(value: float | None, signed_: bool = False) -> str:
    if value is None:
        return ""
    return f"{value:+.1f}" if signed_ else f"{value:.1f}"


# ------------------------------------------------------------------ people


def people_table(people: list[Person]) -> None:
    console = _console()
    if not people:
        console.print("Your inventory is empty. Add the people who matter, for example:")
        console.print("  ipt inventory add --name Sam --relationship partner --closeness 1")
        return
    table = Table(box=box.SIMPLE_HEAD, title="Your interpersonal inventory", title_justify="left")
    table.add_column("Name", overflow="fold")
    table.add_column("Who")
    table.add_column("Ring", justify="right")
    table.add_column("Status")
    table.add_column("Contact")
    table.add_column("Problem area", overflow="fold")
    for person in people:
        area = label(person.problem_area)
        if person.dispute_stage:
            area += f" ({person.dispute_stage})"
        table.add_row(
            Text(person.name),
            label(person.relationship),
            _ring(person.closeness),
            person.status,
            label(person.contact),
            area,
        )
    console.print(table)
    console.print("Ring: 1 inner circle, 2 middle, 3 outer.", style="dim")


def person_detail(person: Person, summary: ContactSummary) -> None:
    console = _console()
    table = Table(box=None, show_header=False, title=Text(person.name), title_justify="left", padding=(0, 1))
    table.add_column("Field", style="bold", no_wrap=True)
    table.add_column("Value", overflow="fold")
    confide = {True: "yes", False: "no", None: ""}[person.can_confide]
    rows = [
        ("Who", label(person.relationship)),
        ("Status", person.status),
        (
            "Closeness",
            f"{person.closeness} - {CLOSENESS_LABELS[person.closeness]}" if person.closeness else "",
        ),
        ("Contact", label(person.contact)),
        ("Satisfying", person.satisfying),
        ("Unsatisfying", person.unsatisfying),
        ("They expect of you", person.their_expectations),
        ("You expect of them", person.my_expectations),
        ("Expectations met", person.expectations_met),
        ("Can confide", confide),
        ("Would like to change", person.change),
        ("Problem area", label(person.problem_area)),
        ("Dispute stage", label(person.dispute_stage)),
        ("Notes", person.notes),
    ]
    for field, value in rows:
        if value:
            table.add_row(field, Text(str(value)))
    console.print(table)
    console.print()
    if not summary.interactions:
        console.print(Text(f"No time with {person.name} recorded in a check-in yet."))
        return
    console.print(
        Text(
            f"Time together: {count(summary.interactions, 'check-in')}, from {summary.first_contact} "
            f"to {summary.last_contact}; it went {summary.mean_quality:+.1f} on average "
            "(-2 very badly to +2 very well)."
        )
    )
    with_count, without_count = summary.interactions, summary.checkins_without
    if with_count >= MIN_CHECKINS_EACH and without_count >= MIN_CHECKINS_EACH:
        console.print(
            Text(
                f"Mean mood in check-ins with {person.name}: {summary.mood_with:.1f}; "
                f"without: {summary.mood_without:.1f}. An association, not a cause."
            )
        )
    else:
        console.print(f"Mood with versus without: not enough data yet (needs {MIN_CHECKINS_EACH} of each).")
    recent = Table(box=box.SIMPLE_HEAD, title="Most recent", title_justify="left")
    recent.add_column("Day")
    recent.add_column("How it went")
    recent.add_column("Mood", justify="right")
    for day, quality, mood in summary.recent:
        recent.add_row(day, f"{signed(quality)} {QUALITY_LABELS[quality]}", str(mood))
    console.print(recent)


# ------------------------------------------------------------------ check-ins


def checkins_table(checkins: list[Checkin]) -> None:
    console = _console()
    if not checkins:
        console.print("No check-ins yet. Record one with: ipt checkin")
        return
    table = Table(box=box.SIMPLE_HEAD)
    table.add_column("ID", justify="right")
    table.add_column("Day", no_wrap=True)
    table.add_column("Mood", justify="right")
    table.add_column("With", overflow="fold", min_width=18)
    table.add_column("Tags", overflow="fold", max_width=14)
    table.add_column("Note", overflow="fold", max_width=28)
    for checkin in checkins:
        table.add_row(
            str(checkin.id),
            checkin.day,
            str(checkin.mood),
            Text(people_with(checkin)),
            Text(", ".join(checkin.tags)),
            Text(checkin.note or ""),
        )
    console.print(table)


# ------------------------------------------------------------------ report


def _bar(mood: float) -> str:
    filled = round(mood)
    return "█" * filled + "·" * (10 - filled)


def report(result: Report) -> None:
    console = _console()
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
            _ring(person.closeness),
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


# ------------------------------------------------------------------ dashboard


# On every dashboard, whatever the answers so far: help never depends on a score.
CRISIS_POINTER = "Crisis lines, any time:  ipt crisis"


def dashboard(state, journal_path: Path) -> None:
    console = _console()
    if state.is_new:
        console.print("Welcome to ipt-journal.", style="bold")
        console.print(
            "A private place to work on your relationships and mood alongside Interpersonal "
            "Psychotherapy (IPT). It supports work with a clinician; it does not replace one."
        )
        console.print()
        console.print("Start your course (about 10 minutes):  ipt start")
        console.print("Or go step by step:  ipt inventory add, then each week  ipt checkin")
        console.print(CRISIS_POINTER)
        console.print()
        # soft_wrap: a long path is left whole for the terminal to wrap, so it can be copied.
        console.print(
            Text(f"Your journal lives at {journal_path} (only you can read it)."), style="dim", soft_wrap=True
        )
        return
    if state.course:
        c = state.course
        if c.ended_on:
            console.print(f"Your course ended on {c.ended_on}; you are in maintenance.", style="bold")
        elif c.phase == "maintenance":
            console.print(
                f"Week {c.week}: past the planned end of your {c.planned_weeks}-week course.", style="bold"
            )
        else:
            console.print(f"Week {c.week} of {c.planned_weeks}, {c.phase} phase.", style="bold")
    console.print(
        f"{count(state.people, 'person', 'people')} in your inventory · {count(state.checkins, 'check-in')}"
    )
    if state.last_checkin:
        days = state.days_since_checkin
        when = "today" if days == 0 else "yesterday" if days == 1 else f"{days} days ago"
        console.print(f"Last check-in: {when} ({state.last_checkin}).")
    if state.checkin_due:
        console.print("A check-in is due.", style="bold")
    if state.measures_due:
        console.print(f"Due: {' and '.join(state.measures_due)} (every two weeks or so).")
    if state.homework_due:
        console.print(f"Homework due: {state.homework_due}.")
    for goal in state.open_goals:
        rating = "" if goal.latest_rating is None else f" ({goal.latest_rating}/10)"
        console.print(Text(f"Goal #{goal.id}: {goal.text}{rating}"))
    console.print(f"Next: {state.next_command}  ({state.next_reason})")
    console.print(CRISIS_POINTER)


# ------------------------------------------------------------------ measures and safety


def measures_table(measures) -> None:
    from ipt_journal import scales

    console = _console()
    if not measures:
        console.print("No questionnaires yet. Take one with: ipt measure phq9 (or gad7)")
        return
    table = Table(box=box.SIMPLE_HEAD)
    table.add_column("ID", justify="right")
    table.add_column("Day", no_wrap=True)
    table.add_column("Scale")
    table.add_column("Total", justify="right")
    table.add_column("Range")
    table.add_column("Answers")
    for m in measures:
        scale = scales.SCALES[m.scale]
        table.add_row(
            str(m.id),
            m.day,
            scale.name,
            f"{m.total}/{scale.max_total}",
            scale.band(m.total),
            " ".join(map(str, m.answers)),
        )
    console.print(table)
    console.print(scales.CREDIT, style="dim")


def safety_plan_table(plan) -> None:
    from ipt_journal.vocab import SAFETY_STEPS

    console = _console()
    console.print("Your safety plan", style="bold")
    for step, title in SAFETY_STEPS.items():
        console.print(f"{step}. {title}")
        entries = [item for item in plan if item.step == step]
        for item in entries:
            console.print(Text(f"   [{item.id}] {plan_entry(item)}"))
        if not entries:
            console.print("   (nothing yet)", style="dim")
    console.print()
    console.print("Crisis lines are always one command away: ipt crisis")
    console.print("Add to it with: ipt safety-plan edit, or ipt safety-plan add STEP --text TEXT")


def safety_plan_markdown(plan, country: str | None) -> str:
    from ipt_journal import safety
    from ipt_journal.vocab import SAFETY_STEPS

    lines = ["# My safety plan", ""]
    for step, title in SAFETY_STEPS.items():
        lines += [f"## {step}. {title}", ""]
        entries = [plan_entry(item) for item in plan if item.step == step]
        if step == 5:
            entries += safety.resources(country)
        lines += [f"- {entry}" for entry in entries] or ["- "]
        lines.append("")
    return "\n".join(lines)


# ------------------------------------------------------------------ course and goals


def course_position(course, today: dt.date | None = None):
    from ipt_journal.course import position

    return position(course.started_on, course.planned_weeks, course.ended_on, today or dt.date.today())


def course(course, open_goals, as_json: bool) -> None:
    where = course_position(course)
    if as_json:
        print_json(
            {
                **plain(course),
                "week": where.week,
                "phase": where.phase,
                "purpose": where.purpose,
                "open_goals": [plain(goal) for goal in open_goals],
            }
        )
        return
    console = _console()
    if where.ended:
        console.print(
            f"Your course ran from {course.started_on} to {course.ended_on}. You are in maintenance."
        )
    elif where.phase == "maintenance":
        console.print(
            f"Week {where.week}: your {course.planned_weeks}-week course has passed its planned end."
        )
    else:
        console.print(f"Week {where.week} of {course.planned_weeks}: {where.phase} phase.", style="bold")
    console.print(where.purpose)
    if course.focus_areas:
        focus = focus_text(course.focus_areas)
        detail = f" with {course.dispute_person}" if course.dispute_person else ""
        stage = f" ({course.dispute_stage})" if course.dispute_stage else ""
        console.print(Text(f"Focus: {focus}{detail}{stage}."))
    if open_goals:
        goals_table(open_goals)
    if not where.ended:
        console.print("Extend it with: ipt course extend WEEKS. End it with: ipt course end", style="dim")


def goals_table(goals) -> None:
    console = _console()
    if not goals:
        console.print("No goals yet. Add one with: ipt goals add TEXT")
        return
    table = Table(box=box.SIMPLE_HEAD)
    table.add_column("ID", justify="right")
    table.add_column("Goal", overflow="fold")
    table.add_column("Status")
    table.add_column("Progress", justify="right", no_wrap=True)
    for goal in goals:
        progress = "" if goal.latest_rating is None else f"{goal.first_rating} → {goal.latest_rating}/10"
        table.add_row(str(goal.id), Text(goal.text), goal.status, progress)
    console.print(table)


def goal_detail(goal, history) -> None:
    console = _console()
    console.print(Text(f"Goal #{goal.id}: {goal.text} ({goal.status})"))
    if goal.latest_rating is not None:
        console.print(
            f"Progress: {goal.first_rating} at first, {goal.latest_rating}/10 lately "
            f"({count(goal.ratings, 'rating')})."
        )
    for row in history:
        console.print(Text(f"  {row['changed_at'][:10]}  {row['status']:8} {row['text']}"))


def review_summary(figures: dict, people) -> None:
    """What the course changed, shown before the review questions."""
    console = _console()
    console.print("Looking back", style="bold")
    for p in figures["progress"]:
        console.print(
            f"{p.name}: {p.baseline} at the start ({p.baseline_day}), {p.latest} now ({p.latest_band})."
        )
    for goal in figures["goals"]:
        rating = "" if goal.latest_rating is None else f", {goal.first_rating} → {goal.latest_rating}/10"
        console.print(Text(f"Goal: {goal.text} ({goal.status}{rating})"))
    for person in people[:5]:
        console.print(
            Text(
                f"{person.name}: time together in {count(person.interactions, 'check-in')} during the "
                f"course, going {person.mean_quality:+.1f} on average (-2 to +2)."
            )
        )
    console.print("Whatever changed, you did the work that changed it.")


# ------------------------------------------------------------------ breathing


def breathing(pattern, total_seconds: int) -> int:
    """Guide `pattern` for `total_seconds` with a live display; returns the seconds done.
    Ctrl-C ends it early and cleanly."""
    import time

    from rich.console import Group
    from rich.live import Live
    from rich.progress_bar import ProgressBar

    def clock(seconds: int) -> str:
        return f"{seconds // 60}:{seconds % 60:02d}"

    elapsed = 0
    console = _console()
    try:
        if not console.is_terminal:  # nothing to watch: just keep time
            while elapsed < total_seconds:
                time.sleep(1)
                elapsed += 1
            return elapsed
        with Live(console=console, refresh_per_second=4) as live:
            while elapsed < total_seconds:
                for phase, length in pattern.phases:
                    for count in range(1, length + 1):
                        if elapsed >= total_seconds:
                            break
                        live.update(
                            Group(
                                Text(f"{phase}  {count}", style="bold"),
                                ProgressBar(total=total_seconds, completed=elapsed, width=40),
                                Text(
                                    f"{clock(elapsed)} of {clock(total_seconds)}   (Ctrl-C to stop)",
                                    style="dim",
                                ),
                            )
                        )
                        time.sleep(1)
                        elapsed += 1
    except KeyboardInterrupt:
        pass
    return elapsed


def homework_table(items, today: dt.date) -> None:
    console = _console()
    if not items:
        console.print("No homework. Add some with: ipt homework add TEXT")
        return
    table = Table(box=box.SIMPLE_HEAD)
    table.add_column("ID", justify="right")
    table.add_column("Homework", overflow="fold")
    table.add_column("With")
    table.add_column("Due", no_wrap=True)
    table.add_column("Status", no_wrap=True)
    for item in items:
        status = (
            "OVERDUE"
            if item.overdue(today)
            else "due today"
            if item.due == today.isoformat()
            else item.status
        )
        if item.status == "done" and item.helpful:
            status += f" ({item.helpful}/5)"
        table.add_row(str(item.id), Text(item.text), Text(item.person or ""), item.due or "", status)
    console.print(table)


# ------------------------------------------------------------------ exercises


def exercises_table(done) -> None:
    from ipt_journal.exercises import CATALOGUE

    console = _console()
    if not done:
        console.print("No exercises yet. See them with: ipt exercise list")
        return
    table = Table(box=box.SIMPLE_HEAD)
    table.add_column("ID", justify="right")
    table.add_column("Day", no_wrap=True)
    table.add_column("Exercise", overflow="fold")
    table.add_column("With")
    table.add_column("Mood", no_wrap=True)
    for item in done:
        mood = (
            ""
            if item.mood_before is None or item.mood_after is None
            else f"{item.mood_before} → {item.mood_after}"
        )
        table.add_row(
            str(item.id),
            item.day,
            CATALOGUE[item.kind].name if item.kind in CATALOGUE else item.kind,
            Text(item.person or ""),
            mood,
        )
    console.print(table)


def exercise_detail(item) -> None:
    from ipt_journal.exercises import CATALOGUE

    console = _console()
    exercise = CATALOGUE.get(item.kind)
    title = exercise.name if exercise else item.kind
    with_ = f" with {item.person}" if item.person else ""
    console.print(Text(f"{title}{with_}, {item.day}"), style="bold")
    if item.mood_before is not None or item.mood_after is not None:
        console.print(
            f"Mood before {item.mood_before if item.mood_before is not None else '-'}, "
            f"after {item.mood_after if item.mood_after is not None else '-'}."
        )
    for field in exercise.fields if exercise else ():
        value = item.answers.get(field.key)
        if not value:
            continue
        console.print()
        console.print(Text(field.prompt), style="dim")
        if field.key == "turns":  # a communication analysis reads as a dialogue
            for line in value:
                speaker, colon, said = line.partition(":")
                console.print(Text(f"  {speaker.strip()}: {said.strip()}" if colon else f"  {line}"))
        elif isinstance(value, list):
            for line in value:
                console.print(Text(f"  - {line}"))
        else:
            console.print(Text(f"  {value}"))
