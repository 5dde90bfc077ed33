"""`ipt inventory list` and `ipt inventory show`: the people table and one person's page."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich import box
from rich.table import Table
from rich.text import Text

from ipt_journal.clinical.vocab import (
    CLOSENESS_LABELS,
    DECEASED_LABELS,
    QUALITY_LABELS,
    UNKNOWN_WENT,
    died_words,
    signed,
)
from ipt_journal.insight.report import MIN_CHECKINS_EACH
from ipt_journal.render.common import new_console, ring
from ipt_journal.render.fit import Column, fitted, hanging, left_out
from ipt_journal.store import ContactSummary, LifeEvent, Person
from ipt_journal.text.figures import shown
from ipt_journal.text.messages import area_label, count, label

if TYPE_CHECKING:
    from rich.console import Console

    from ipt_journal.insight.relationships import PersonMood
    from ipt_journal.store import Incident

PEOPLE_COLUMNS = (
    Column("Name"),
    Column("Who", keep=1),
    Column("Ring", right=True),
    Column("Status", keep=3),
    Column("Contact", keep=2),
    Column("Problem area", keep=4, wrap=24),
)


def people_table(people: list[Person]) -> None:
    console = new_console()
    if not people:
        console.print("Your inventory is empty. Add the people who matter, for example:")
        console.print("  ipt inventory add --name Sam --relationship partner --closeness 1")
        return
    rows = []
    for person in people:
        area = area_label(person.problem_area)
        if person.dispute_stage:
            area += f" ({person.dispute_stage})"
        rows.append(
            (
                person.name,
                label(person.relationship),
                ring(person.closeness),
                died_words(person.died_on) if person.status == "deceased" else person.status,
                label(person.contact),
                area,
            )
        )
    columns: tuple[Column, ...] = PEOPLE_COLUMNS
    if any(person.status == "deceased" for person in people):
        # Whoever else is left out, that someone has died is never hidden.
        columns = tuple(c._replace(keep=0) if c.header == "Status" else c for c in columns)
    shown = fitted(console, columns, rows, title="Your interpersonal inventory")
    if not shown:
        console.print("Your interpersonal inventory", style="bold")
        for person, row in zip(people, rows, strict=True):
            where = f", ring {row[2]}" if row[2] else ""
            hanging(console, f"{person.name} ({row[1]}{where}, {row[3]})")
            # What a wider screen shows in columns, on an indented line of its own.
            more = [
                f"contact {row[4]}" if row[4] else "",
                f"problem area: {row[5]}" if person.problem_area else "",
            ]
            if any(more):
                hanging(console, "    " + "; ".join(part for part in more if part), indent=0)
    console.print("Ring: 1 inner circle, 2 middle, 3 outer.", style="dim")
    left_out(console, shown, "ipt inventory show NAME has everything")


def person_detail(
    person: Person,
    summary: ContactSummary | None,
    events: Sequence[LifeEvent] = (),
    mood: PersonMood | None = None,
    incidents: Sequence[Incident] = (),
) -> None:
    console = new_console()
    table = Table(box=None, show_header=False, title=Text(person.name), title_justify="left", padding=(0, 1))
    table.add_column("Field", style="bold", no_wrap=True)
    table.add_column("Value", overflow="fold")
    confide = {True: "yes", False: "no", None: ""}[person.can_confide]
    died = person.status == "deceased"
    rows = [
        ("Who", label(person.relationship)),
        ("Status", died_words(person.died_on) if died else person.status),
        (
            "Closeness",
            f"{person.closeness} - {CLOSENESS_LABELS[person.closeness]}" if person.closeness else "",
        ),
        ("Contact", label(person.contact)),
        (DECEASED_LABELS["satisfying"] if died else "Satisfying", person.satisfying),
        (DECEASED_LABELS["unsatisfying"] if died else "Unsatisfying", person.unsatisfying),
        ("They expect of you", person.their_expectations),
        ("You expect of them", person.my_expectations),
        ("Expectations met", person.expectations_met),
        ("Can confide", confide),
        (DECEASED_LABELS["together"] if died else "Together", person.together),
        ("Disagreements", person.disagreements),
        ("Get resolved", person.resolved),
        ("Can talk about", person.can_talk_about),
        ("Cannot talk about", person.cannot_talk_about),
        (DECEASED_LABELS["change"] if died else "Would like to change", person.change),
        ("Problem area", area_label(person.problem_area)),
        ("Dispute stage", label(person.dispute_stage)),
        ("Days to remember", person.holidays),
        ("Notes", person.notes),
    ]
    for field, value in rows:
        if value:
            table.add_row(field, Text(str(value)))
    console.print(table)
    console.print()
    if events:
        from ipt_journal.insight.life_events import kind_label

        console.print(
            Text("Life events: " + "; ".join(f"{e.when} {kind_label(e.kind)}" for e in events) + ".")
        )
    incidents_shown(console, incidents, alive=not died)
    if summary is None:  # someone who has died: no contact figures, as if they were still seen
        return
    if not summary.interactions:
        console.print(Text(f"No time with {person.name} recorded in a check-in yet."))
        return
    console.print(
        Text(
            f"Time together: {count(summary.interactions, 'check-in')}, from {summary.first_contact} "
            f"to {summary.last_contact}; "
            + (
                "how it went was not said."
                if summary.mean_quality is None
                else f"it went {shown(summary.mean_quality, signed=True)} on average "
                "(-2 very badly to +2 very well)."
            )
        )
    )
    with_count, without_count = summary.compared, summary.checkins_without
    # After a gap of months the comparison covers the check-ins since, and says so.
    since = (
        f" since {summary.compared_from} (after months without a check-in)" if summary.compared_from else ""
    )
    if with_count >= MIN_CHECKINS_EACH and without_count >= MIN_CHECKINS_EACH:
        console.print(
            Text(
                f"Mean mood in check-ins with {person.name}{since}: {shown(summary.mood_with)}; "
                f"without: {shown(summary.mood_without)}. An association, not a cause."
            )
        )
    elif with_count >= MIN_CHECKINS_EACH:
        console.print(
            Text(
                f"Mood with versus without: {person.name} is in nearly every check-in, so there are too "
                "few without them to compare; how it went is compared instead."
            )
        )
    else:
        console.print(f"Mood with versus without: not enough data yet (needs {MIN_CHECKINS_EACH} of each).")
    if mood is not None and mood.interactions - mood.unknown >= MIN_CHECKINS_EACH:
        from ipt_journal.render.insight import how_it_went_line
        from ipt_journal.text.links import link_sentence

        console.print(Text(how_it_went_line(mood)))
        if link_sentence(mood):
            console.print(Text(link_sentence(mood)))
    recent = Table(box=box.SIMPLE_HEAD, title="Most recent", title_justify="left")
    recent.add_column("Day")
    recent.add_column("How it went")
    recent.add_column("Mood", justify="right")
    for day, quality, day_mood in summary.recent:
        went = UNKNOWN_WENT if quality is None else f"{signed(quality)} {QUALITY_LABELS[quality]}"
        recent.add_row(day, went, str(day_mood))
    console.print(recent)


INCIDENTS_SHOWN = 10  # the latest; the rest by search or --json


def incidents_shown(console: Console, incidents: Sequence[Incident], alive: bool = True) -> None:
    """What happened with them, check-in by check-in, the latest first, with each id; for
    the living, how to look at one closely (never with someone who died: errors.HasDied)."""
    from ipt_journal.clinical.vocab import went_label

    if not incidents:
        return
    console.print(Text("What happened:", style="bold"))
    for incident in list(reversed(incidents))[:INCIDENTS_SHOWN]:
        hanging(
            console,
            f"  #{incident.id} {incident.day} ({went_label(incident.quality)}): {incident.what_happened}",
        )
    if len(incidents) > INCIDENTS_SHOWN:
        more = len(incidents) - INCIDENTS_SHOWN
        hanging(console, f"  and {count(more, 'earlier one')}: ipt inventory show NAME --json has them all.")
    if alive:
        hanging(console, "  To look closely at one, by its id:")
        hanging(console, "  ipt exercise start communication-analysis --from-incident ID")
    console.print()
