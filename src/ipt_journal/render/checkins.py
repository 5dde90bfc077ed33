"""`ipt checkin list` and the check-in shown after an edit."""

from __future__ import annotations

from rich import box
from rich.table import Table
from rich.text import Text

from ipt_journal.messages import people_with
from ipt_journal.render.common import new_console
from ipt_journal.store import Checkin


def checkins_table(checkins: list[Checkin]) -> None:
    console = new_console()
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
