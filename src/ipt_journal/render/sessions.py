"""Therapy sessions and things to bring: `ipt session list` and `ipt bring list`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ipt_journal.render.common import new_console
from ipt_journal.render.fit import Column, fitted, hanging, left_out

if TYPE_CHECKING:
    from collections.abc import Sequence

    from ipt_journal.store import BringItem, TherapySession


SESSION_COLUMNS = (
    Column("#", right=True),
    Column("Day"),
    Column("With", keep=2, wrap=14),
    Column("Worked on", wrap=30),
    Column("Agreed", keep=1, wrap=30),
)
BRING_COLUMNS = (
    Column("#", right=True),
    Column("Added", keep=1),
    Column("To bring", wrap=40),
    Column("Status"),
)


def sessions_table(held: Sequence[TherapySession]) -> None:
    console = new_console()
    if not held:
        console.print("No sessions yet. Record one after it happens with: ipt session add")
        return
    rows = [(str(s.id), s.day, s.with_whom or "self-guided", s.worked_on or "", s.agreed or "") for s in held]
    shown = fitted(console, SESSION_COLUMNS, rows, title="Therapy sessions")
    if not shown:
        for id_, day, with_whom, worked_on, agreed in rows:  # narrow: plain lines, words whole
            hanging(console, f"#{id_} {day} with {with_whom}")
            for label, text in (("Worked on", worked_on), ("Agreed", agreed)):
                if text:
                    hanging(console, f"  {label}: {text}")
    left_out(console, shown, "ipt session list --json has everything")


def bring_table(items: Sequence[BringItem]) -> None:
    console = new_console()
    if not items:
        console.print('Nothing to bring yet. Add something with: ipt bring "TEXT"')
        return
    rows = [
        (
            str(item.id),
            item.added_on,
            item.text,
            "open" if item.open else f"discussed (session #{item.discussed_session_id})",
        )
        for item in items
    ]
    shown = fitted(console, BRING_COLUMNS, rows, title="Things to bring to your next session")
    if not shown:
        for id_, added, text, status in rows:  # narrow: plain lines, words whole
            hanging(console, f"#{id_} {added}, {status}: {text}")
    left_out(console, shown, "ipt bring list --json has everything")
