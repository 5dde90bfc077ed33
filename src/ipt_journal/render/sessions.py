"""Therapy sessions and things to bring: `ipt session list` and `ipt bring list`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich import box
from rich.table import Table
from rich.text import Text

from ipt_journal.render.common import new_console

if TYPE_CHECKING:
    from collections.abc import Sequence

    from ipt_journal.store import BringItem, TherapySession


def sessions_table(held: Sequence[TherapySession]) -> None:
    console = new_console()
    if not held:
        console.print("No sessions yet. Record one after it happens with: ipt session add")
        return
    table = Table(box=box.SIMPLE_HEAD, title="Therapy sessions")
    for column in ("#", "Day", "With", "Worked on", "Agreed"):
        table.add_column(column, overflow="fold")
    for s in held:
        table.add_row(
            str(s.id),
            s.day,
            Text(s.with_whom or "self-guided"),
            Text(s.worked_on or ""),
            Text(s.agreed or ""),
        )
    console.print(table)


def bring_table(items: Sequence[BringItem]) -> None:
    console = new_console()
    if not items:
        console.print('Nothing to bring yet. Add something with: ipt bring "TEXT"')
        return
    table = Table(box=box.SIMPLE_HEAD, title="Things to bring to your next session")
    for column in ("#", "Added", "To bring", "Status"):
        table.add_column(column, overflow="fold")
    for item in items:
        status = "open" if item.open else f"discussed (session #{item.discussed_session_id})"
        table.add_row(str(item.id), item.added_on, Text(item.text), status)
    console.print(table)
