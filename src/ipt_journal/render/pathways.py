"""`ipt pathway`: the focus's pathways, step by step, and what they track week by week, as
plain lines (the role dispute's stage drawn as a line over the weeks)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from ipt_journal.clinical.pathways import PHASE_WORDS, WEEKLY, next_words
from ipt_journal.clinical.vocab import DisputeStage

if TYPE_CHECKING:
    from ipt_journal.insight.course_work import CourseWork
    from ipt_journal.insight.pathways import PathwayScreen
    from ipt_journal.store.pathways import PathwayWeek

MAX_WEEKS_DRAWN = 26  # the latest half-year fits an 80-column terminal
MARK, EMPTY = "●", "·"


def say_lines(lines: list[str]) -> None:
    """Print these screens' lines to the terminal's width: the stage's grid keeps its
    columns; an indented line (a step, an answer) wraps under its own text, a status in
    brackets kept whole; the rest wrap."""
    import re

    from ipt_journal.text import messages

    for line in lines:
        body = line.lstrip(" ")
        if MARK in line or EMPTY in line:
            messages.say(line)
        elif body != line:
            kept_whole = re.sub(r"\[[^\]]*\]", lambda status: status[0].replace(" ", "\u00a0"), body)
            messages.note(kept_whole, indent=line[: len(line) - len(body)], hang="   ")
        else:
            messages.note(line)


def screen_lines(screen: PathwayScreen) -> list[str]:
    lines: list[str] = []
    if screen.phase == "maintenance":
        lines.append(f"Past the end of your course (week {screen.week}): every step stays open for practice.")
    elif screen.phase:
        lines.append(f"Week {screen.week} of your course, {PHASE_WORDS[screen.phase]} phase.")
    if not screen.pathways:
        lines.append(
            "Your course has no focus with a pathway yet. Choose one with: ipt start --revise --focus AREA, "
            "or look at one with: ipt pathway --area grief"
        )
    for path in screen.pathways:
        lines += [
            "",
            f"{path.label.capitalize()} pathway ({path.done_count} of {len(path.steps)} steps done):",
        ]
        for number, state in enumerate(path.steps, start=1):
            if state.done:
                status = f"done {state.done.day}" + (
                    f", exercise #{state.done.exercise_id}" if state.done.exercise_id else ""
                )
            elif state is path.next and state.ready:
                status = "next"
            elif not state.ready:
                status = f"from the {PHASE_WORDS[state.step.phase]} phase"
            else:
                status = "to do"
            lines.append(f"  {number}. {state.step.title}  [{status}]  ({state.step.exercise})")
        lines.append(f"  {next_words(path)}")
        if path.area in WEEKLY:
            lines.append(f"  It also tracks {WEEKLY[path.area]}.")
    if screen.stage_weeks:
        lines += ["", *stage_line(screen.stage_weeks)]
    if screen.contacts or screen.confidant_weeks or screen.confidants_now is not None:
        lines += ["", *contact_lines(screen)]
    reminders = screen.lines()
    if reminders:
        lines += ["", *reminders]
    return lines


def stage_line(weeks: list[PathwayWeek]) -> list[str]:
    """The dispute's stage week by week: one row per stage, a mark in the week's column
    (a week with nothing recorded is left blank), the latest weeks when there are many."""
    from ipt_journal import output

    shown = weeks[-MAX_WEEKS_DRAWN:]
    latest = shown[-1]
    if output.plain():  # --plain: no marks to decode, a line a week a screen reader reads
        return [
            f"The dispute's stage, week by week (latest: {latest.dispute_stage}, week of {latest.week}):",
            *(f"  week of {week.week}: {week.dispute_stage}" for week in shown),
        ]
    first = dt.date.fromisoformat(shown[0].week)
    span = (dt.date.fromisoformat(shown[-1].week) - first).days // 7 + 1
    if span > MAX_WEEKS_DRAWN:
        first = dt.date.fromisoformat(shown[-1].week) - dt.timedelta(weeks=MAX_WEEKS_DRAWN - 1)
        shown = [w for w in shown if w.week >= first.isoformat()]
        span = MAX_WEEKS_DRAWN
    by_week = {w.week: w.dispute_stage for w in shown}
    columns = [(first + dt.timedelta(weeks=i)).isoformat() for i in range(span)]
    width = max(len(stage.value) for stage in DisputeStage)
    rows = [
        "  "
        + stage.value.ljust(width)
        + " "
        + "".join(
            (MARK if by_week.get(week) == stage.value else EMPTY if week in by_week else " ").rjust(2)
            for week in columns
        )
        for stage in DisputeStage
    ]
    return [
        f"The dispute's stage, week by week (weeks of {columns[0]} to {columns[-1]}; "
        f"latest: {latest.dispute_stage}, week of {latest.week}):",
        *rows,
    ]


def contact_lines(screen: PathwayScreen) -> list[str]:
    lines = []
    if screen.contacts:
        shown = screen.contacts[-MAX_WEEKS_DRAWN:]
        lines.append(
            f"People you saw each week, from your check-ins (weeks of {shown[0].week} to {shown[-1].week}):"
        )
        lines.append("  " + " ".join(str(c.people) for c in shown))
    confidants = screen.confidant_weeks
    if confidants:
        lines.append(
            "People you can confide in, as you recorded them: "
            + ", ".join(f"{w.confidants} (week of {w.week})" for w in confidants[-6:])
        )
    if screen.confidants_now is not None:
        lines.append(f"Marked in your inventory as someone you can confide in: {screen.confidants_now}.")
    return lines


def course_work_lines(work: CourseWork) -> list[str]:
    """The report's course part: the pathway step by step, where the dispute stands, the
    midpoint review (indented lines keep their columns; the stage's line follows them)."""
    lines: list[str] = []
    for line in work.pathway_lines():
        lines.append(("  " + line) if line[:1].isdigit() else line)
    if work.dispute:
        lines.append(work.dispute.words())
    if work.midpoint:
        lines.append(work.midpoint_heading + ":")
        lines += [f"  {label}: {answer}" for label, answer in work.midpoint_answers()]
    return lines
