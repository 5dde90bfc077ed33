"""Practice between sessions: `ipt breathe`, `ipt homework list`, `ipt exercise history` and `show`."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from rich.text import Text

from ipt_journal.render.common import new_console
from ipt_journal.render.fit import Column, fitted, hanging, left_out, unbroken

if TYPE_CHECKING:
    from collections.abc import Sequence

    from ipt_journal.clinical.coping import Pattern
    from ipt_journal.store import Exercise, Homework


def breathing(pattern: Pattern, total_seconds: int) -> int:
    """Guide `pattern` for `total_seconds` with a live display; returns the seconds done.
    Ctrl-C ends it early and cleanly."""
    import time

    from rich.console import Group
    from rich.live import Live
    from rich.progress_bar import ProgressBar

    def clock(seconds: int) -> str:
        return f"{seconds // 60}:{seconds % 60:02d}"

    elapsed = 0
    console = new_console()
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


EXERCISE_COLUMNS = (
    Column("ID", right=True),
    Column("Day"),
    Column("Exercise", wrap=30),
    Column("With", keep=1, wrap=14),
    Column("Mood", right=True),
)
HOMEWORK_COLUMNS = (
    Column("ID", right=True),
    Column("Homework", wrap=40),
    Column("With", keep=1, wrap=14),
    Column("Due"),
    Column("Status"),
)


def homework_table(items: Sequence[Homework], today: dt.date) -> None:
    console = new_console()
    if not items:
        console.print("No homework. Add some with: ipt homework add TEXT")
        return
    rows = []
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
        rows.append((str(item.id), item.text, item.person or "", item.due or "", status))
    shown = fitted(console, HOMEWORK_COLUMNS, rows)
    if not shown:  # narrow: one plain line each, words whole
        for id_, text, person, due, status in rows:
            with_ = f" with {unbroken(person)}" if person else ""
            # "due today" already says when: the day beside it, not a second "due"
            due_ = f" ({due})" if status == "due today" else f", due {due}" if due else ""
            hanging(console, f"#{id_} {status}{due_}{with_}: {text}")
    left_out(console, shown, "ipt homework list --json has everything")


def exercises_table(done: Sequence[Exercise]) -> None:
    from ipt_journal.clinical.exercises import CATALOGUE, with_whom

    console = new_console()
    if not done:
        console.print("No exercises yet. See them with: ipt exercise list")
        return
    rows = [
        (
            str(item.id),
            item.day,
            CATALOGUE[item.kind].name if item.kind in CATALOGUE else item.kind,
            item.person or "",
            ""
            if item.mood_before is None or item.mood_after is None
            else f"{item.mood_before} → {item.mood_after}",
        )
        for item in done
    ]
    shown = fitted(console, EXERCISE_COLUMNS, rows)
    if not shown:  # narrow: one plain line each, words whole
        for item, (id_, day, name, person, mood) in zip(done, rows, strict=True):
            with_ = with_whom(item.kind, unbroken(person) if person else None)
            hanging(console, f"#{id_} {day} {name}{with_}" + (f", mood {unbroken(mood)}" if mood else ""))
    left_out(console, shown, "ipt exercise show ID has everything")


def exercise_detail(item: Exercise) -> None:
    from ipt_journal.clinical.exercises import CATALOGUE

    console = new_console()
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
