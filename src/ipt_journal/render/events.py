"""`ipt event list`: life events as a table that stays readable in a narrow terminal."""

from __future__ import annotations

from ipt_journal.insight.life_events import event_title, kind_label
from ipt_journal.render.common import new_console
from ipt_journal.render.fit import Column, fitted, hanging, left_out, unbroken
from ipt_journal.store import LifeEvent
from ipt_journal.text.safe_text import on_one_line

COLUMNS = (
    Column("#", right=True),
    Column("When"),
    Column("Kind", keep=2),
    Column("People", keep=1),
    Column("Note", keep=3, free_text=True),
)


def events_table(events: list[LifeEvent]) -> None:
    console = new_console()
    if not events:
        console.print("No life events recorded yet. Add one, for example:")
        console.print("  ipt event add --date 2024-03 --kind move --person Sam")
        return
    rows = [
        (str(e.id), e.when, kind_label(e.kind), ", ".join(e.people), on_one_line(e.note or ""))
        for e in events
    ]
    shown = fitted(console, COLUMNS, rows, title="Life events")
    if not shown:
        for event in events:
            names = [unbroken(name) for name in event.people]  # a name in two words stays whole
            hanging(console, f"#{event.id} {event.when} {event_title(event.kind, names)}")
            if event.note:  # what a wider screen shows in its Note column, indented beneath
                hanging(console, f"    {on_one_line(event.note)}", indent=0)
    left_out(console, shown, "ipt event list --json has everything")
