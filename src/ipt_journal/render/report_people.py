"""`ipt report`'s "People and mood": each person's times, how it went, mood with and
without them and last contact, every figure of a row from the same days."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ipt_journal.insight.report import MIN_CHECKINS_EACH
from ipt_journal.render.common import ring
from ipt_journal.render.fit import Column, fitted, hanging, unbroken
from ipt_journal.text.figures import shown
from ipt_journal.text.messages import count

if TYPE_CHECKING:
    from rich.console import Console

    from ipt_journal.insight.report import PersonPattern, Report

PEOPLE_COLUMNS = (
    Column("Person"),
    Column("Ring", right=True, keep=2),
    Column("Times", right=True),
    Column("Went", right=True),
    Column("Mood with / without", right=True),
    Column("Last contact", keep=1),
)


def _mean(value: float | None, signed_: bool = False) -> str:
    return "" if value is None else shown(value, signed_)


def people_and_mood(console: Console, result: Report) -> None:
    after_gap = result.people_since is not None and result.people_since > result.since
    if not result.people:
        where = f"since {result.people_since}" if after_gap else "in this window"
        console.print(f"No time with people recorded {where}. Add it to a check-in with --with NAME:+1.")
        _seen_before_gap(console, result)
        return
    # After a gap every figure of a row comes from the days after it, and the heading says so.
    days = f", {result.people_since} to {result.people_until} (after the gap)" if after_gap else ""
    console.print(f"People and mood{days}", style="bold")
    # The same words as the clinician document (documents/people.how_often): every, or nearly.
    always = {
        p.name: "in every check-in" if p.interactions == p.window_checkins else "in nearly all"
        for p in (result.insight.moods if result.insight else [])
        if p.nearly_always
    }

    def moods(person: PersonPattern) -> str:
        if person.mood_with is not None:
            return f"{_mean(person.mood_with)} / {_mean(person.mood_without)}"
        return always.get(person.name, "not enough data yet")

    rows = [
        (
            person.name,
            ring(person.closeness),
            str(person.interactions),
            _mean(person.mean_quality, True) + (" mixed" if person.went_words.startswith("mixed") else ""),
            moods(person),
            person.last_contact.isoformat(),
        )
        for person in result.people
    ]
    if not fitted(console, PEOPLE_COLUMNS, rows):
        hanging(
            console,
            *(
                f"{person.name}: {count(person.interactions, 'time')}, went {row[3]}; with/without {row[4]}"
                for person, row in zip(result.people, rows, strict=True)
            ),
        )
    console.print(
        f"Went: how time together went, -2 very badly to +2 very well. Mood with/without: mean mood of "
        f"check-ins that mention them or not, shown once there are {MIN_CHECKINS_EACH} of each. "
        "These are associations, not causes.",
        style="dim",
    )
    _seen_before_gap(console, result)


def _seen_before_gap(console: Console, result: Report) -> None:
    """Those seen only before the gap: named, with where to see them, never dropped unsaid."""
    if result.people_before_gap:
        names = ", ".join(unbroken(name) for name in result.people_before_gap)
        hanging(
            console,
            f"Seen in this window only before {result.people_since}, so not above: {names} "
            "(ipt inventory show NAME).",
        )
