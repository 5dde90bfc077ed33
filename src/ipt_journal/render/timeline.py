"""`ipt timeline`: one line per period (mood as a mark and a number, the PHQ-9), with the
period's life events beneath it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text

from ipt_journal.insight.life_events import event_title
from ipt_journal.insight.timeline import Timeline
from ipt_journal.render.charts import spark
from ipt_journal.render.common import new_console
from ipt_journal.render.fit import hanging, unbroken
from ipt_journal.text.figures import shown, whole

if TYPE_CHECKING:
    from rich.console import Console

    from ipt_journal.insight.timeline import Period

EVENT_MARK = "◆"
BAR_FROM = 60  # columns: from here a ten-cell bar joins the mark


def timeline(result: Timeline) -> None:
    from ipt_journal import output

    console = new_console()
    width = console.width
    plain = output.plain()  # words and numbers only: no marks, bars or shortened notes
    if not any(p.checkins or p.phq9 is not None or p.events for p in result.periods):
        console.print("Nothing to put on a timeline yet: record check-ins (ipt checkin) and")
        console.print("life events (ipt event add) and they will appear here.")
        return
    console.print(
        Text(f"Your timeline by {result.by}, {result.since} to {result.until}", style="bold"), overflow="fold"
    )
    for period in result.periods:
        if period.quiet:  # a long empty stretch, collapsed into one line
            console.print(Text(f"{period.label}: no entries", style="dim"), overflow="fold")
            continue
        if plain:
            _plain_period(console, period)
            continue
        if period.mean_mood is None:
            mood = "  ·    "
            bar = " " * 10
        else:
            mood = f"  {spark(period.mean_mood)} {shown(period.mean_mood):>4}"
            filled = whole(period.mean_mood)
            bar = "█" * filled + "·" * (10 - filled)
        line = f"{period.label:<7}{mood}"
        if width >= BAR_FROM:
            line += f"  {bar}"
        if period.phq9 is not None:
            line += f"  PHQ-9 {period.phq9}" + (f" {period.phq9_band}" if width >= BAR_FROM + 10 else "")
        console.print(Text(line.rstrip()), no_wrap=True, overflow="crop")
        for event in period.events:
            # Wrapped under its day, each name whole, as every list at 40 columns is.
            title = event_title(event.kind, [unbroken(name) for name in event.people])
            hanging(console, f"  {EVENT_MARK} {event.when} {title}", indent=2, style="bold")
            if event.note:
                note = Text(f"      {event.note.splitlines()[0]}", style="dim")
                note.truncate(width, overflow="ellipsis")
                console.print(note, no_wrap=True, overflow="ellipsis")
    if plain:
        console.print(
            f"Mood: mean of the {result.by}'s check-ins, 0 worst to 10 best; "
            f"PHQ-9: the {result.by}'s highest."
        )
        return
    console.print(
        Text(
            f"Mood: mean of the {result.by}'s check-ins, 0 worst to 10 best (▁ low, █ high); "
            f"PHQ-9: the {result.by}'s highest; {EVENT_MARK} a life event.",
            style="dim",
        )
    )


def _plain_period(console: Console, period: Period) -> None:
    """One period in words for --plain: its mood and PHQ-9, then each life event and the
    first line of its note whole, wrapped under it."""
    parts = [f"mood {shown(period.mean_mood)}" if period.mean_mood is not None else "no check-ins"]
    if period.phq9 is not None:
        parts.append(f"PHQ-9 {period.phq9} {period.phq9_band}")
    hanging(console, f"{period.label}: {', '.join(parts)}")
    for event in period.events:
        hanging(console, f"  Life event {event.when}: {event_title(event.kind, event.people)}")
        if event.note:
            hanging(console, f"    {event.note.splitlines()[0]}")
