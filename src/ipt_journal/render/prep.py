"""`ipt prep`: since the last session, on one screen, in words for the person."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text

from ipt_journal.clinical.exercises import CATALOGUE
from ipt_journal.clinical.scales import SCALES
from ipt_journal.clinical.vocab import UNKNOWN_WENT, mean_went
from ipt_journal.render.common import new_console
from ipt_journal.render.fit import hanging, unbroken
from ipt_journal.text.figures import shown
from ipt_journal.text.messages import count

if TYPE_CHECKING:
    from rich.console import Console

    from ipt_journal.insight.prep import Prep


def how_it_went(mean_quality: float | None) -> str:
    """A mean of -2..+2 in words with its figure, as the report gives them: "badly (-1.5)";
    None (imported) as unknown."""
    if mean_quality is None:
        return UNKNOWN_WENT
    return f"{mean_went(mean_quality)} ({shown(mean_quality, signed=True)})"


def trend_words(change: float | None, weeks: int | None = None) -> str:
    """The mood's move from the first weeks with check-ins to the last, saying how many
    weeks each side holds: over a window of days it is one week's check-ins against the
    next's, which "the first weeks" would overstate."""
    if change is None:
        return ""
    if weeks is None or weeks > 1:
        span = f"the first {weeks} weeks to the last {weeks}" if weeks else "the first weeks to the last"
    else:
        span = "the first week's check-ins to the last week's"
    if abs(change) < 0.5:
        return f"about level from {span}"
    return f"{'up' if change > 0 else 'down'} {shown(abs(change))} from {span}"


def prep(result: Prep) -> None:
    console = new_console()
    start = (
        f"your session on {result.last_session['day']}" if result.last_session else result.since.isoformat()
    )
    console.print(f"Since {start} ({result.since} to {result.today})", style="bold")
    if result.is_empty:
        console.print("Nothing recorded in this time yet. A check-in takes a minute: ipt checkin")
    if result.dispute:
        from ipt_journal.insight.pathways import DisputeNow

        console.print(
            Text(DisputeNow(result.dispute["with"], result.dispute["stage"], result.dispute["week"]).words())
        )
    if result.checkins:
        moods = "  ".join(unbroken(f"{day[5:]}: {mood}") for day, mood in result.moods)
        trend = trend_words(result.mood_trend, result.trend_weeks)
        if trend and result.trend_since:
            trend += f" since {result.trend_since} (after months without a check-in)"
        console.print()
        console.print("Your mood", style="bold")
        console.print(
            f"Your mood averaged {shown(result.mean_mood)} of 10 over {count(result.checkins, 'check-in')}"
            + (f", {trend}." if trend else ".")
        )
        hanging(console, f"  {moods}", indent=0)
    happened = {entry["name"]: entry["incidents"] for entry in result.incidents}
    if result.people or happened:
        console.print()
        console.print("With the people you saw", style="bold")
        for person in result.people:
            hanging(
                console,
                f"  {person.name}: {count(person.times, 'time')}, on the whole "
                f"{how_it_went(person.mean_quality)} (last {person.last_day})",
                indent=2,
            )
            _incidents(console, happened.pop(person.name, []))
        for name, incidents in happened.items():  # someone not counted above (who has since died)
            console.print(Text(f"  {name}:"))
            _incidents(console, incidents)
    if result.events:
        console.print()
        console.print("What happened", style="bold")
        for event in result.events:
            from ipt_journal.insight.life_events import event_title

            note = f": {event['note']}" if event["note"] else ""
            title = event_title(event["label"], event["people"])  # "loss of Rosa"
            hanging(console, f"  {event['when']} {title}{note}", indent=2)
    if result.measures:
        console.print()
        console.print("Questionnaires", style="bold")
        for m in result.measures:
            kind = SCALES[m.scale].change_kind
            moved = (
                ""
                if m.points is None
                else f", {m.points:+d} since the one before"
                + (f" (a {kind} {'rise' if m.points > 0 else 'change'})" if m.meaningful else "")
            )
            urge = m.contact_clinician_soon and not result.item9_urgent  # one urgency per screen
            soon = f"; please contact {result.who} soon" if urge else ""
            hanging(console, f"  {m.day} {m.name}: {m.total}, {m.band} range{moved}{soon}", indent=2)
    if result.homework:
        console.print()
        console.print("Homework", style="bold")
        for h in result.homework:
            status = {"done": "done", "skipped": "skipped", "open": f"open, due {h.due}"}[h.status]
            hanging(console, f"  {h.text} ({status})", indent=2)
            if h.outcome:
                hanging(console, f"    What you learned: {h.outcome}", indent=2)
    if result.exercises["by_kind"] or result.coping:
        console.print()
        console.print("Practice", style="bold")
        for kind, done in result.exercises["by_kind"].items():
            name = CATALOGUE[kind].name if kind in CATALOGUE else kind
            console.print(f"  {name}: {count(done, 'time')}")
        for use in result.coping:
            console.print(f"  Coping, {use['strategy'].replace('-', ' ')}: {count(use['uses'], 'time')}")
    console.print()
    console.print("To bring", style="bold")
    if result.bring:
        for item in result.bring:
            hanging(console, f"  - {item['text']}", indent=2)
    else:
        console.print('  Nothing noted yet. Add a question or topic: ipt bring "TEXT"')


def _incidents(console: Console, incidents: list[dict]) -> None:
    """What happened with one person, one line per check-in, each with its id."""
    for incident in incidents:
        hanging(
            console, f"    {incident['day'][5:]}: {incident['what_happened']} (#{incident['id']})", indent=2
        )
