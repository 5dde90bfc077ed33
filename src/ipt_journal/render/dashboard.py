"""`ipt` with no command: where you are and what to do next."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text

from ipt_journal.render.common import new_console
from ipt_journal.render.fit import hanging
from ipt_journal.text.messages import count

if TYPE_CHECKING:
    from ipt_journal.insight.dashboard import Dashboard

# On every dashboard, whatever the answers so far: help never depends on a score.
CRISIS_POINTER = "Crisis lines, any time:  ipt crisis"


def dashboard(state: Dashboard, journal_path: Path) -> None:
    console = new_console()
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
        else:
            held = f"; {c.held_words}" if c.sessions_held else ""
            console.print(f"{c.words[0].upper()}{c.words[1:]}{held}.", style="bold")
        if not c.ended_on:
            from ipt_journal.clinical.course import in_sessions_words

            console.print(in_sessions_words(c.phase, state.with_therapist), style="dim")
    from ipt_journal import output

    # --plain is read aloud: a comma where the screen draws a middle dot.
    between = ", " if output.plain() else " · "
    people = count(state.people, "person", "people")
    console.print(f"{people} in your inventory{between}{count(state.checkins, 'check-in')}")
    if state.last_checkin:
        days = state.days_since_checkin
        when = "today" if days == 0 else "yesterday" if days == 1 else f"{days} days ago"
        console.print(f"Last check-in: {when} ({state.last_checkin}).")
    if state.last_session:
        days = (dt.date.today() - dt.date.fromisoformat(state.last_session)).days
        when = "today" if days == 0 else "yesterday" if days == 1 else f"{days} days ago"
        # A self-guided course's sessions are the person's own: no therapist is implied.
        what = "Last session" if state.with_therapist is False else "Last therapy session"
        console.print(f"{what}: {when} ({state.last_session}).")
    if state.things_to_bring:
        console.print(f"To bring to your next session: {state.things_to_bring} (ipt bring list).")
    if state.staying_well:
        console.print("Your staying-well plan (ipt staying-well):")
        for line in state.staying_well:
            hanging(console, f"   {line}")
    if state.checkin_due:
        console.print("A check-in is due.", style="bold")
    if state.measures_due:
        console.print(f"Due: {' and '.join(state.measures_due)} (every two weeks or so).")
    if state.homework_due:
        console.print(f"Homework due: {state.homework_due}.")
    for goal in state.open_goals:
        rating = "" if goal.latest_rating is None else f" ({goal.latest_rating}/10)"
        console.print(Text(f"Goal #{goal.id}: {goal.text}{rating}"))
    for line in state.pathway_lines:
        console.print(Text(line))
    if state.self_help:
        console.print(Text(state.self_help))
    console.print(f"Next: {state.next_command}  ({state.next_reason})")
    if state.item9_line:
        # Last in view: the one urgency on this screen (or, once answered 0 since, history).
        console.print(Text(state.item9_line))
    else:
        console.print(CRISIS_POINTER)
