"""`ipt checkin list` and the check-in shown after an edit."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from rich.text import Text

from ipt_journal.render.common import new_console
from ipt_journal.render.fit import Column, fitted, hanging, left_out, unbroken
from ipt_journal.store import Checkin
from ipt_journal.text.dates import days_with_times
from ipt_journal.text.messages import people_with
from ipt_journal.text.safe_text import on_one_line

if TYPE_CHECKING:
    from collections.abc import Sequence

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
    days = days_with_times([(c.day, c.local_time) for c in checkins])
    rows = [
        (
            str(c.id),
            day,
            str(c.mood),
            people_with(c),
            ", ".join(c.tags),
            on_one_line(c.note or ""),
        )
        for c, day in zip(checkins, days, strict=True)
    ]
    shown = fitted(console, CHECKIN_COLUMNS, rows)
    if not shown:
        for checkin, row in zip(checkins, rows, strict=True):
            with_ = f" with {', '.join(unbroken(one) for one in row[3].split(', '))}" if row[3] else ""
            tags = "".join(f" #{unbroken(tag)}" for tag in checkin.tags)  # as a wider screen shows them
            hanging(console, f"#{checkin.id} {row[1]} mood {checkin.mood}{with_}{tags}")
    left_out(console, shown, "ipt checkin show ID has everything", besides=("Note",))
    dropped_notes = "Note" in shown.dropped
    if not shown or (dropped_notes or shown.shortened) and any(c.note for c in checkins):
        what = (
            "Notes are shortened to fit"
            if shown and not dropped_notes
            else "Notes are left out at this width"
        )
        console.print(Text(f"{what}: ipt checkin show ID shows one whole, ipt checkin list --full all."))


def checkin_whole(checkin: Checkin, time: str | None = None) -> None:
    """Everything of one check-in, its note in full (ipt checkin show, list --full), with
    its time of day when given."""
    from ipt_journal.clinical.vocab import went_label

    console = new_console()
    day = dt.date.fromisoformat(checkin.day)
    at = f", {time}" if time else ""
    console.print(Text(f"Check-in #{checkin.id}, {day:%A} {day.day} {day:%B %Y}{at}", style="bold"))
    console.print(Text(f"Mood: {checkin.mood}/10"))
    if checkin.people:
        console.print(
            Text("With: " + ", ".join(f"{i.name} ({went_label(i.quality)})" for i in checkin.people))
        )
    else:
        console.print(Text("With: no one recorded."))
    for i in checkin.people:
        if i.what_happened:  # the incident's id, for: ipt exercise start ... --from-incident ID
            console.print(Text(f"What happened with {i.name} (incident #{i.incident}): {i.what_happened}"))
    if checkin.tags:
        console.print(Text("Tags: " + ", ".join(checkin.tags)))
    if checkin.note:
        console.print(Text("Note:"))
        for line in checkin.note.splitlines() or [""]:
            console.print(Text(line), soft_wrap=False)


def checkins_whole(checkins: Sequence[Checkin]) -> None:
    """`ipt checkin list --full`: each check-in whole, a blank line between them; the time
    of day where two listed share a day."""
    days = days_with_times([(c.day, c.local_time) for c in checkins])
    for number, (checkin, day) in enumerate(zip(checkins, days, strict=True)):
        if number:
            new_console().print()
        checkin_whole(checkin, day.partition(" ")[2] or None)
