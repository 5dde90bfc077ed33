"""`ipt session` (therapy sessions held) and `ipt bring` (things to bring to the next one)."""

import datetime as dt
from typing import TYPE_CHECKING, Annotated

import typer

from ipt_journal.cli.context import YesOpt, command_group, session
from ipt_journal.cli.homework import DEFAULT_DUE_DAYS
from ipt_journal.text import messages
from ipt_journal.wizards.sessions import session_wizard

if TYPE_CHECKING:
    pass

app = command_group(
    help="Therapy sessions: record one (what you worked on and agreed), list, edit or delete them.",
    no_args_is_help=True,
)
IdArg = Annotated[int, typer.Argument(metavar="ID", help="The session's id (see: ipt session list).")]
DateOpt = Annotated[
    str | None,
    typer.Option("--date", metavar="DAY", help="The session's day. [default: today]", show_default=False),
]
WithOpt = Annotated[
    str | None,
    typer.Option(
        "--with", metavar="WHO", help="Who the session was with (a name or role).", show_default=False
    ),
]
SelfGuidedOpt = Annotated[
    bool, typer.Option("--self-guided", help="A session on your own, with no clinician.")
]
WorkedOnOpt = Annotated[
    str | None, typer.Option("--worked-on", metavar="TEXT", help="What you worked on.", show_default=False)
]
AgreedOpt = Annotated[
    str | None, typer.Option("--agreed", metavar="TEXT", help="What you agreed.", show_default=False)
]
EXAMPLE = "ipt session add --with 'Dr Lee' --worked-on 'The argument with Sam' --agreed 'Try an I-statement'"


@app.command()
def add(
    ctx: typer.Context,
    date: DateOpt = None,
    with_: WithOpt = None,
    self_guided: SelfGuidedOpt = False,
    worked_on: WorkedOnOpt = None,
    agreed: AgreedOpt = None,
    homework: Annotated[
        list[str] | None,
        typer.Option("--homework", metavar="TEXT", help="Homework agreed; repeatable.", show_default=False),
    ] = None,
    due: Annotated[
        str | None,
        typer.Option("--due", metavar="DAY", help="When the homework is due. [default: in 7 days]"),
    ] = None,
    keep: Annotated[
        list[int] | None,
        typer.Option(
            "--not-discussed",
            metavar="ID",
            help="A thing to bring that was not discussed and stays open; repeatable.",
            show_default=False,
        ),
    ] = None,
    edit: Annotated[
        bool, typer.Option("--edit", help="Write what you worked on and agreed in your editor.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print what was saved as JSON.")] = False,
) -> None:
    """Record a therapy session: what you worked on and agreed.

    When, with whom, what you worked on and what you agreed, with any homework agreed. The
    things you meant to bring are marked discussed (all open ones unless --not-discussed).
    In a terminal without --with or --self-guided, a wizard asks."""
    from ipt_journal.errors import InputError
    from ipt_journal.models import HomeworkIn, TherapySessionIn, validate
    from ipt_journal.text.dates import parse_day

    state = session(ctx)
    if with_ and self_guided:
        raise InputError("Give --with or --self-guided, not both.")
    state.require([] if with_ or self_guided else ["--with WHO (or --self-guided)"], EXAMPLE)
    if edit:
        from ipt_journal.editor import edit_sections
        from ipt_journal.questions import THERAPY_SESSION as ASK

        written = edit_sections(
            [("worked_on", ASK["worked_on"], worked_on), ("agreed", ASK["agreed"], agreed)],
            "Your therapy session",
            state.journal_path(),
        )
        worked_on, agreed = written.get("worked_on", worked_on), written.get("agreed", agreed)
    fields = {"day": parse_day(date, "--date") if date else dt.date.today(), "with_whom": with_}
    fields.update({k: v for k, v in (("worked_on", worked_on), ("agreed", agreed)) if v is not None})
    due_day = parse_day(due, "--due", future=True) if due else None
    journal = state.journal()
    open_items = journal.bring.all()
    discussed = None
    unknown = sorted(set(keep or []) - {item.id for item in open_items})
    if unknown:
        raise InputError(
            f"#{unknown[0]} is not an open thing to bring.", "See the open ones with: ipt bring list"
        )
    texts = list(homework or [])
    if not (with_ or self_guided):
        fields, texts, discussed = session_wizard(fields, texts, open_items)
    held = validate(TherapySessionIn, fields)
    if keep:
        day = held.day.isoformat()
        discussed = [i.id for i in open_items if i.id not in set(keep) and i.added_on <= day]
    due_day = due_day or held.day + dt.timedelta(days=DEFAULT_DUE_DAYS)
    tasks = [validate(HomeworkIn, {"text": text, "due": due_day}) for text in texts]
    saved = journal.sessions.add(held, tasks, discussed)
    marked = journal.bring.discussed_in(saved.id)
    if as_json:
        messages.print_json(
            {"session": messages.plain(saved), "discussed": messages.plain(marked), "homework": len(tasks)}
        )
        return
    who = f"with {saved.with_whom}" if saved.with_whom else "self-guided"
    messages.note(f"Saved session #{saved.id} on {saved.day} ({who}).")
    if tasks:
        messages.note(f"Homework added: {messages.count(len(tasks), 'item')}, due {due_day}.")
    if marked:
        messages.note(f"Marked discussed: {messages.count(len(marked), 'thing')} you meant to bring.")


@app.command("list")
def list_sessions(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
) -> None:
    """Your therapy sessions, oldest first."""
    journal = session(ctx).journal()
    held = journal.sessions.all()
    if as_json:
        messages.print_json(messages.plain(held))
        return
    from ipt_journal.render.sessions import sessions_table

    sessions_table(held)


@app.command()
def edit(
    ctx: typer.Context,
    session_id: IdArg,
    date: DateOpt = None,
    with_: WithOpt = None,
    self_guided: SelfGuidedOpt = False,
    worked_on: WorkedOnOpt = None,
    agreed: AgreedOpt = None,
) -> None:
    """Change a session: flags for what changes, or a wizard.

    Give flags for what changes, or none in a terminal for the wizard pre-filled."""
    from ipt_journal.errors import InputError
    from ipt_journal.models import TherapySessionIn, validate
    from ipt_journal.text.dates import parse_day

    state = session(ctx)
    if with_ and self_guided:
        raise InputError("Give --with or --self-guided, not both.")
    changes: dict = {}
    if date is not None:
        changes["day"] = parse_day(date, "--date")
    if with_ is not None or self_guided:
        changes["with_whom"] = with_
    for key, value in (("worked_on", worked_on), ("agreed", agreed)):
        if value is not None:
            changes[key] = value or None
    state.require(
        [] if changes else ["the flags for what to change"], f"ipt session edit {session_id} --agreed '...'"
    )
    journal = state.journal()
    fields = {**journal.sessions.get(session_id).fields(), **changes}
    if not changes:
        fields, _, _ = session_wizard(fields, [], [], ask_homework=False)
    saved = journal.sessions.update(session_id, validate(TherapySessionIn, fields))
    messages.note(f"Updated session #{saved.id} on {saved.day}.")


@app.command()
def delete(ctx: typer.Context, session_id: IdArg, yes: YesOpt = False) -> None:
    """Delete a session; what you brought to it becomes open again.

    Things to bring marked discussed in it become open again; homework agreed in it stays."""
    state = session(ctx)
    state.require([] if yes else ["--yes"], f"ipt session delete {session_id} --yes")
    journal = state.journal()
    held = journal.sessions.get(session_id)
    if not state.confirm(yes, f"Delete the session of {held.day} (#{session_id})?"):
        messages.note("Nothing was deleted.")
        return
    journal.sessions.delete(session_id)
    messages.note(f"Deleted session #{session_id}.")


def bring(
    ctx: typer.Context,
    text: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="TEXT | list",
            help="A question or topic for your next session; or 'list' to see them.",
            show_default=False,
        ),
    ] = None,
    date: Annotated[
        str | None,
        typer.Option("--date", metavar="DAY", help="When you noted it. [default: today]", show_default=False),
    ] = None,
    show_all: Annotated[bool, typer.Option("--all", help="With list: those already discussed too.")] = False,
    remove: Annotated[
        int | None,
        typer.Option("--remove", metavar="ID", help="Remove a thing to bring.", show_default=False),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="With list: print JSON.")] = False,
) -> None:
    """Note a question or topic to bring to your next therapy session (ipt bring "TEXT"),
    or see them (ipt bring list). The next session you record marks them discussed."""
    from ipt_journal.models import BringIn, validate
    from ipt_journal.text.dates import parse_day

    state = session(ctx)
    day = parse_day(date, "--date") if date else dt.date.today()
    words = " ".join(text or []).strip()
    if remove is not None:
        state.journal().bring.remove(remove)
        messages.note(f"Removed thing to bring #{remove}.")
        return
    if words.casefold() == "list":
        items = state.journal().bring.all(open_only=not show_all)
        if as_json:
            messages.print_json(messages.plain(items))
            return
        from ipt_journal.render.sessions import bring_table

        bring_table(items)
        return
    state.require([] if words else ["TEXT"], 'ipt bring "Ask about the weekend with Sam"')
    if not words:
        from ipt_journal.wizards.sessions import ask_bring

        words = ask_bring()
    item = state.journal().bring.add(validate(BringIn, {"text": words, "added_on": day}))
    messages.note(f"Noted for your next session (#{item.id}). See them all with: ipt bring list")
