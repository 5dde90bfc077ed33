"""`ipt event`: life events (a loss, a move, a new job, a conflict...) for the interpersonal
timeline."""

from typing import TYPE_CHECKING, Annotated, Any

import typer

from ipt_journal.cli.bring_options import BringOpt, things_to_bring
from ipt_journal.cli.context import EditOpt, YesOpt, command_group, session
from ipt_journal.cli.listing import SinceOpt, UntilOpt
from ipt_journal.clinical.vocab import EventKind
from ipt_journal.text import messages
from ipt_journal.wizards.events import ask_event

if TYPE_CHECKING:
    from collections.abc import Sequence

    from ipt_journal.models import BringIn
    from ipt_journal.store import Journal, LifeEvent

app = command_group(
    help="Life events with the people involved: the points of your interpersonal timeline.",
    no_args_is_help=True,
)

IdArg = Annotated[int, typer.Argument(metavar="ID", help="The event's id (see: ipt event list).")]
DateOpt = Annotated[
    str | None,
    typer.Option(
        "--date",
        metavar="DAY|YYYY-MM",
        help="When it happened; only the month if that is all you know.",
    ),
]
KindOpt = Annotated[
    EventKind | None, typer.Option("--kind", case_sensitive=False, help="What kind of event.")
]
PersonOpt = Annotated[
    list[str] | None,
    typer.Option("--person", metavar="NAME", help="Someone from your inventory involved (repeat for more)."),
]
NoteOpt = Annotated[str | None, typer.Option("--note", metavar="TEXT", help="A few words about it.")]
EXAMPLE = "ipt event add --date 2024-03 --kind move --person Sam --note 'Moved to Leeds'"


@app.command()
def add(
    ctx: typer.Context,
    date: DateOpt = None,
    kind: KindOpt = None,
    person: PersonOpt = None,
    note: NoteOpt = None,
    bring: BringOpt = None,
    edit: EditOpt = False,
) -> None:
    """Record a life event: when, what kind, who was involved, a note."""
    from ipt_journal.insight.life_events import parse_when

    state = session(ctx)
    if edit:
        from ipt_journal.editor import edit_text

        note = edit_text(state.journal_path(), note)
    fields: dict = {"people": person or [], "note": note}
    if date is not None:
        fields["day"], fields["approximate"] = parse_when(date)
    if kind is not None:
        fields["kind"] = kind.value
    missing = [flag for flag, key in (("--date", "day"), ("--kind", "kind")) if key not in fields]
    state.require(missing, EXAMPLE)
    journal = state.journal()
    if missing:
        fields = ask_event(journal, fields, ask_people=not person, ask_note=note is None)
    import datetime as dt

    event = save_new_event(journal, fields, things_to_bring(bring, dt.date.today(), "event"))
    messages.note(f"Recorded event #{event.id}: {_summary(event)}.")
    if bring:
        messages.note(f"Noted for your next session: {messages.count(len(bring), 'thing')} to bring.")


def save_new_event(
    journal: "Journal", fields: dict[str, Any], bring: "Sequence[BringIn]" = ()
) -> "LifeEvent":
    from ipt_journal.models import LifeEventIn, validate

    return journal.events.add(validate(LifeEventIn, fields), bring)


@app.command("list")
def list_events(
    ctx: typer.Context,
    since: SinceOpt = None,
    until: UntilOpt = None,
    person: Annotated[
        str | None, typer.Option("--person", metavar="NAME", help="Only events with them.")
    ] = None,
    kind: KindOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
) -> None:
    """Your life events, oldest first."""
    from ipt_journal.cli.listing import no_match, window
    from ipt_journal.insight.life_events import events_in_window

    start, end = window(since, until)
    journal = session(ctx).journal()
    events = events_in_window(journal, start, end)
    if person:
        name = journal.people.named(person).name
        events = [event for event in events if name in event.people]
    if kind:
        events = [event for event in events if event.kind == kind.value]
    if as_json:
        messages.print_json([event_json(event) for event in events])
        return
    unmatched = no_match(
        "life events", {"--since": since, "--until": until, "--person": person, "--kind": kind}
    )
    recorded = len(events_in_window(journal, None, None)) if unmatched and not events else 0
    if recorded:
        messages.note(f"{unmatched} {recorded} recorded in all; see them with: ipt event list")
        return
    from ipt_journal.render.events import events_table

    events_table(events)


def event_json(event: "LifeEvent") -> dict[str, Any]:
    from ipt_journal.insight.life_events import event_json as as_json

    return as_json(event)


@app.command()
def edit(
    ctx: typer.Context,
    event_id: IdArg,
    date: DateOpt = None,
    kind: KindOpt = None,
    person: PersonOpt = None,
    no_people: Annotated[
        bool, typer.Option("--no-people", help="Involve no one (clears the people).")
    ] = False,
    note: NoteOpt = None,
) -> None:
    """Change an event: flags for what changes, or a wizard.

    Only the values you pass change; with none, in a terminal, a wizard asks for every
    value, prefilled."""
    from ipt_journal.insight.life_events import parse_when
    from ipt_journal.models import LifeEventIn, validate

    if no_people and person:
        from ipt_journal.errors import InputError

        raise InputError(
            "--no-people clears the people and --person names them: give one or the other, not both. "
            "Nothing was changed."
        )
    state = session(ctx)
    journal = state.journal()
    event = journal.events.get(event_id)
    fields = {
        "day": event.day,
        "approximate": event.approximate,
        "kind": event.kind,
        "people": event.people,
        "note": event.note,
    }
    given = any(value is not None for value in (date, kind, person, note)) or no_people
    if date is not None:
        fields["day"], fields["approximate"] = parse_when(date)
    if kind is not None:
        fields["kind"] = kind.value
    if person or no_people:
        fields["people"] = [] if no_people else person
    if note is not None:
        fields["note"] = note
    if not given:
        state.require(
            ["--date", "--kind", "--person", "--note"], f"ipt event edit {event_id} --note 'New words'"
        )
        fields = ask_event(journal, fields, ask_people=True, ask_note=True, editing=True)
    saved = journal.events.update(event_id, validate(LifeEventIn, fields))
    messages.note(f"Updated event #{saved.id}: {_summary(saved)}.")


@app.command()
def delete(ctx: typer.Context, event_id: IdArg, yes: YesOpt = False) -> None:
    """Delete an event (the people stay in your inventory)."""
    state = session(ctx)
    journal = state.journal()
    event = journal.events.get(event_id)
    state.require([] if yes else ["--yes"], f"ipt event delete {event_id} --yes")
    if not state.confirm(yes, f"Delete event #{event_id} ({_summary(event)})?"):
        messages.note("Nothing was deleted.")
        return
    journal.events.delete(event_id)
    messages.note(f"Deleted event #{event_id}.")


def _summary(event: "LifeEvent") -> str:
    from ipt_journal.clinical.vocab import EventKind
    from ipt_journal.insight.life_events import event_title, kind_label

    if event.kind == EventKind.loss.value and event.people:
        return f"{event_title(event.kind, event.people)}, {event.when}"  # "loss of Rosa, 2026-04"
    people = f" with {', '.join(event.people)}" if event.people else ""
    return f"{kind_label(event.kind)}, {event.when}{people}"
