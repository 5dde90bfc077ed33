"""`ipt inventory list` and `ipt inventory show`: the people table and one person's page."""

from __future__ import annotations

from rich import box
from rich.table import Table
from rich.text import Text

from ipt_journal.messages import count, label
from ipt_journal.render.common import new_console, ring
from ipt_journal.report import MIN_CHECKINS_EACH
from ipt_journal.store import ContactSummary, Person
from ipt_journal.vocab import CLOSENESS_LABELS, QUALITY_LABELS, signed


def people_table(people: list[Person]) -> None:
    console = new_console()
    if not people:
        console.print("Your inventory is empty. Add the people who matter, for example:")
        console.print("  ipt inventory add --name Sam --relationship partner --closeness 1")
        return
    table = Table(box=box.SIMPLE_HEAD, title="Your interpersonal inventory", title_justify="left")
    table.add_column("Name", overflow="fold")
    table.add_column("Who")
    table.add_column("Ring", justify="right")
    table.add_column("Status")
    table.add_column("Contact")
    table.add_column("Problem area", overflow="fold")
    for person in people:
        area = label(person.problem_area)
        if person.dispute_stage:
            area += f" ({person.dispute_stage})"
        table.add_row(
            Text(person.name),
            label(person.relationship),
            ring(person.closeness),
            person.status,
            label(person.contact),
            area,
        )
    console.print(table)
    console.print("Ring: 1 inner circle, 2 middle, 3 outer.", style="dim")


def person_detail(person: Person, summary: ContactSummary) -> None:
    console = new_console()
    table = Table(box=None, show_header=False, title=Text(person.name), title_justify="left", padding=(0, 1))
    table.add_column("Field", style="bold", no_wrap=True)
    table.add_column("Value", overflow="fold")
    confide = {True: "yes", False: "no", None: ""}[person.can_confide]
    rows = [
        ("Who", label(person.relationship)),
        ("Status", person.status),
        (
            "Closeness",
            f"{person.closeness} - {CLOSENESS_LABELS[person.closeness]}" if person.closeness else "",
        ),
        ("Contact", label(person.contact)),
        ("What you miss" if person.status == "deceased" else "Satisfying", person.satisfying),
        ("Hard or unsaid" if person.status == "deceased" else "Unsatisfying", person.unsatisfying),
        ("They expect of you", person.their_expectations),
        ("You expect of them", person.my_expectations),
        ("Expectations met", person.expectations_met),
        ("Can confide", confide),
        ("Together", person.together),
        ("Disagreements", person.disagreements),
        ("Get resolved", person.resolved),
        ("Can talk about", person.can_talk_about),
        ("Cannot talk about", person.cannot_talk_about),
        ("Would like to change", person.change),
        ("Problem area", label(person.problem_area)),
        ("Dispute stage", label(person.dispute_stage)),
        ("Notes", person.notes),
    ]
    for field, value in rows:
        if value:
            table.add_row(field, Text(str(value)))
    console.print(table)
    console.print()
    if not summary.interactions:
        if person.status != "deceased":  # time with someone who has died is not "not yet"
            console.print(Text(f"No time with {person.name} recorded in a check-in yet."))
        return
    console.print(
        Text(
            f"Time together: {count(summary.interactions, 'check-in')}, from {summary.first_contact} "
            f"to {summary.last_contact}; it went {summary.mean_quality:+.1f} on average "
            "(-2 very badly to +2 very well)."
        )
    )
    with_count, without_count = summary.interactions, summary.checkins_without
    if with_count >= MIN_CHECKINS_EACH and without_count >= MIN_CHECKINS_EACH:
        console.print(
            Text(
                f"Mean mood in check-ins with {person.name}: {summary.mood_with:.1f}; "
                f"without: {summary.mood_without:.1f}. An association, not a cause."
            )
        )
    else:
        console.print(f"Mood with versus without: not enough data yet (needs {MIN_CHECKINS_EACH} of each).")
    recent = Table(box=box.SIMPLE_HEAD, title="Most recent", title_justify="left")
    recent.add_column("Day")
    recent.add_column("How it went")
    recent.add_column("Mood", justify="right")
    for day, quality, mood in summary.recent:
        recent.add_row(day, f"{signed(quality)} {QUALITY_LABELS[quality]}", str(mood))
    console.print(recent)
