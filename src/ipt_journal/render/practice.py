"""Practice between sessions: `ipt breathe`, `ipt homework list`, `ipt exercise history` and `show`."""

from __future__ import annotations

import datetime as dt

from rich import box
from rich.table import Table
from rich.text import Text

from ipt_journal.render.common import new_console


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


def homework_table(items, today: dt.date) -> None:
    console = new_console()
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


def exercises_table(done) -> None:
    from ipt_journal.clinical.exercises import CATALOGUE

    console = new_console()
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
