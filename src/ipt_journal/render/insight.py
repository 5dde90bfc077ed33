"""The report's people views: mood by how it went with each person, and early against late.
Tables fit the terminal (render.fit); below that, one plain sentence per person."""

from __future__ import annotations

from rich.console import Console
from rich.text import Text

from ipt_journal.insight.relationships import MoodWhen, PeopleInsight, PersonMood
from ipt_journal.insight.report import MIN_CHECKINS_EACH
from ipt_journal.render.fit import Column, fitted, hanging
from ipt_journal.text.figures import shown
from ipt_journal.text.links import LINK_METHOD, link_cell, link_sentence

SHOWN_FROM = MIN_CHECKINS_EACH  # people seen fewer times than this are left out of these views

MOOD_COLUMNS = (
    Column("Person"),
    Column("Badly", right=True),
    Column("Neither", right=True, keep=2),
    Column("Well", right=True),
    Column("Link", keep=1),
)
CHANGE_COLUMNS = (
    Column("Person"),
    Column("1st half", right=True, keep=2),
    Column("2nd half", right=True, keep=2),
    Column("How it went"),
    Column("Contact", keep=1),
)


def _cell(when: MoodWhen) -> str:
    return "–" if not when.checkins else f"{shown(when.mean_mood)} ({when.checkins})"


def _rated(person: PersonMood) -> int:
    """Times together whose how-it-went is known: what every how-it-went figure rests on."""
    return person.interactions - person.unknown


def how_it_went_line(p: PersonMood) -> str:
    return (
        f"Mean mood when it went badly with {p.name}: {_cell(p.badly)}; neither: {_cell(p.neither)}; "
        f"well: {_cell(p.well)} (check-ins in brackets); link: {link_cell(p)}."
    )


def moods_by_how_it_went(console: Console, insight: PeopleInsight) -> None:
    """Mood by how it went, after a blank line; nothing at all when nobody is seen enough."""
    people = [p for p in insight.moods if _rated(p) >= SHOWN_FROM]
    if not people:
        return
    console.print()
    console.print("Mood by how it went with each person", style="bold")
    rows = [(p.name, _cell(p.badly), _cell(p.neither), _cell(p.well), link_cell(p)) for p in people]
    if not fitted(console, MOOD_COLUMNS, rows):
        hanging(console, *(how_it_went_line(p) for p in people))
    for p in people:
        if link_sentence(p):
            console.print(Text(link_sentence(p)))
    console.print(
        "Badly, neither, well: mean mood (and check-ins) when time together went -2/-1, 0, +1/+2. "
        f"Link: {LINK_METHOD} People seen fewer than {SHOWN_FROM} times are left out. "
        "It says what goes together, not what causes what.",
        style="dim",
    )
    unknown = [p for p in insight.moods if p.unknown]
    if unknown:
        times = ", ".join(f"{p.name} {p.unknown}" for p in unknown)
        console.print(
            Text(f"Time together with no how-it-went said, left out of these figures: {times}."),
            style="dim",
        )


def nearly_always_note(console: Console, insight: PeopleInsight) -> None:
    """Why 'with / without' gives way to 'how it went' for the people in nearly every check-in."""
    for p in insight.moods:
        if p.nearly_always and p.interactions >= SHOWN_FROM:  # "below" only for whom it shows
            console.print(
                Text(
                    f"{p.name} is in {p.interactions} of {p.window_checkins} check-ins: too few without them "
                    "to compare, so see how it went with them below."
                )
            )


def early_and_late(console: Console, insight: PeopleInsight) -> None:
    """First half against second, after a blank line; nothing when nobody is seen enough."""
    changes = [c for c in insight.changes if c.early + c.late >= SHOWN_FROM]
    if not changes:
        return
    console.print()
    console.print(
        f"First half ({insight.since} to {insight.first_half_until}) against second half", style="bold"
    )

    def half(n: int, quality: float | None) -> str:
        if not n:
            return "–"
        # None: how it went unknown (imported)
        return f"{n}×" if quality is None else f"{n}× {shown(quality, signed=True)}"

    rows = [
        (c.name, half(c.early, c.early_quality), half(c.late, c.late_quality), c.quality, c.contact)
        for c in changes
    ]
    if not fitted(console, CHANGE_COLUMNS, rows):
        for c in changes:
            hanging(
                console,
                f"{c.name}: {half(c.early, c.early_quality)} then {half(c.late, c.late_quality)}; "
                f"{c.quality}, {c.contact}.",
            )
    console.print(
        f"People seen fewer than {SHOWN_FROM} times are left out. Each half: check-ins with them × "
        "how it went on average (-2 to +2). How it went reads better "
        "or worse from a move of 0.5; contact compares the counts of the two halves.",
        style="dim",
    )
