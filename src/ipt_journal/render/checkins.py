"""`ipt checkin list` and the check-in shown after an edit."""

from __future__ import annotations

from rich.text import Text

from ipt_journal.render.common import new_console
from ipt_journal.render.fit import Column, fitted
from ipt_journal.store import Checkin
from ipt_journal.text.messages import people_with

CHECKIN_COLUMNS = (
    Column("ID", right=True),
    Column("Day"),
    Column("Mood", right=True),
    Column("With", wrap=24),
    Column("Tags", keep=2, wrap=14),
    Column("Note", keep=1, free_text=True),
)


def checkins_table(checkins: list[Checkin]) -> None:
    console = new_console()
    if not checkins:
        console.print("No check-ins yet. Record one with: ipt checkin")
        return
    rows = [
        (str(c.id), c.day, str(c.mood), people_with(c), ", ".join(c.tags), (c.note or "").replace("\n", " "))
        for c in checkins
    ]
    if not fitted(console, CHECKIN_COLUMNS, rows):
        for checkin, row in zip(checkins, rows, strict=True):
            with_ = f" with {row[3]}" if row[3] else ""
            console.print(Text(f"#{checkin.id} {checkin.day} mood {checkin.mood}{with_}"))
