"""`ipt homework`: what to try between sessions, and how it went."""

import datetime as dt
from typing import TYPE_CHECKING, Annotated

import typer

from ipt_journal.cli import completion
from ipt_journal.cli.context import command_group, session
from ipt_journal.text import messages

if TYPE_CHECKING:
    pass

app = command_group(
    help="Homework between sessions: add it, see what is due, say how it went.", no_args_is_help=True
)
IdArg = Annotated[
    int,
    typer.Argument(
        metavar="ID",
        help="The homework's id (see: ipt homework list).",
        autocompletion=completion.homework_ids,
    ),
]
DoneDateOpt = Annotated[
    str | None,
    typer.Option(
        "--date",
        metavar="DAY",
        help="The day it happened: YYYY-MM-DD, yesterday, 'last friday'. [default: today]",
        show_default=False,
    ),
]
DEFAULT_DUE_DAYS = 7  # until the next weekly session


@app.command()
def add(
    ctx: typer.Context,
    text: Annotated[str, typer.Argument(metavar="TEXT", help="What to try.", show_default=False)],
    due: Annotated[
        str | None,
        typer.Option("--due", metavar="DAY", help="When by. [default: in 7 days]", show_default=False),
    ] = None,
    with_: Annotated[
        str | None,
        typer.Option(
            "--with", metavar="NAME", help="Someone from your inventory.", autocompletion=completion.living
        ),
    ] = None,
    from_exercise: Annotated[
        int | None,
        typer.Option("--from-exercise", metavar="ID", help="The exercise it comes from.", show_default=False),
    ] = None,
) -> None:
    """Add homework, due in a week unless you say otherwise."""
    from ipt_journal.models import HomeworkIn, validate
    from ipt_journal.text.dates import parse_day

    day = (
        parse_day(due, "--due", future=True) if due else dt.date.today() + dt.timedelta(days=DEFAULT_DUE_DAYS)
    )
    fields = {"text": text, "due": day, "person": with_, "exercise_id": from_exercise}
    item = session(ctx).journal().homework.add(validate(HomeworkIn, fields))
    messages.note(f"Added homework #{item.id}, due {item.due}.")


@app.command("list")
def list_homework(
    ctx: typer.Context,
    show_all: Annotated[bool, typer.Option("--all", help="Done and skipped homework too.")] = False,
    limit: Annotated[
        int | None, typer.Option("--limit", "-n", metavar="N", help="Only the first N.", show_default=False)
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
) -> None:
    """Open homework first, soonest due first; overdue marked."""
    from ipt_journal.cli.listing import check_limit
    from ipt_journal.render.practice import homework_table

    check_limit(limit)
    items = session(ctx).journal().homework.all(open_only=not show_all)[:limit]
    today = dt.date.today()
    if as_json:
        messages.print_json([{**messages.plain(item), "overdue": item.overdue(today)} for item in items])
    else:
        homework_table(items, today)


@app.command()
def done(
    ctx: typer.Context,
    homework_id: IdArg,
    outcome: Annotated[str | None, typer.Option("--outcome", metavar="TEXT", help="How it went.")] = None,
    helpful: Annotated[
        int | None,
        typer.Option(
            "--helpful", metavar="1-5", help="How much it helped: 1 not at all, 5 a lot.", show_default=False
        ),
    ] = None,
    date: DoneDateOpt = None,
) -> None:
    """Mark homework as done, with how it went.

    How it went, and the day when it was not today, are asked in a terminal when not given."""
    from ipt_journal.models import HomeworkDoneIn, validate

    state = session(ctx)
    journal = state.journal()
    item = journal.homework.get(homework_id)
    day = _closing_day(date)
    if outcome is None and helpful is None and state.can_prompt and item.status == "open":
        from ipt_journal.wizards.homework import ask_how_it_went

        asked_day, outcome, helpful = ask_how_it_went(ask_day=date is None)
        day = asked_day or day
    result = validate(HomeworkDoneIn, {"outcome": outcome, "helpful": helpful})
    journal.homework.close(homework_id, "done", day, result)
    on = "" if day == dt.date.today() else f" on {day.isoformat()}"
    messages.note(f"Homework #{homework_id} done{on}. Well done for trying it.")


@app.command()
def skip(ctx: typer.Context, homework_id: IdArg, date: DoneDateOpt = None) -> None:
    """Let homework go (it stays in your history)."""
    session(ctx).journal().homework.close(homework_id, "skipped", _closing_day(date))
    messages.note(f"Homework #{homework_id} skipped.")


def _closing_day(date: str | None) -> dt.date:
    from ipt_journal.text.dates import parse_day

    return parse_day(date) if date else dt.date.today()
