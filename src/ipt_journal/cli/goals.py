"""`ipt goals`: 1 to 3 concrete goals for the course, revised as you go."""

import datetime as dt
from typing import Annotated

import typer

from ipt_journal.cli.context import command_group, session
from ipt_journal.text import messages

JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON instead of text.")]

goals_app = command_group(
    help="Your goals for the course: 1 to 3 concrete ones, revised as you go.", no_args_is_help=True
)
GoalId = Annotated[
    int, typer.Argument(metavar="ID", help="The goal's id (see: ipt goals list).", show_default=False)
]


@goals_app.command("list")
def goals_list(
    ctx: typer.Context,
    show_all: Annotated[bool, typer.Option("--all", help="Done and dropped goals too.")] = False,
    limit: Annotated[
        int | None, typer.Option("--limit", "-n", metavar="N", help="Only the first N.", show_default=False)
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    """Your goals with their latest progress rating (0-10)."""
    from ipt_journal.cli.listing import check_limit
    from ipt_journal.render.course import goals_table

    check_limit(limit)
    goals = session(ctx).journal().goals.all(None if show_all else "open")[:limit]
    if as_json:
        messages.print_json(messages.plain(goals))
    else:
        goals_table(goals)


@goals_app.command("add")
def goals_add(
    ctx: typer.Context,
    text: Annotated[str, typer.Argument(metavar="TEXT", help="The goal.", show_default=False)],
    date: Annotated[
        str | None,
        typer.Option(
            "--date",
            metavar="DAY",
            help="The day you set it (with your therapist, say): YYYY-MM-DD, yesterday, "
            "'last friday'. [default: today]",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Add a goal."""
    from ipt_journal.models import GoalIn, validate
    from ipt_journal.text.dates import parse_day

    set_on = parse_day(date, "--date") if date else None  # checked before anything is written
    goal = session(ctx).journal().goals.add([validate(GoalIn, {"text": text, "set_on": set_on})])[0]
    messages.note(f"Added goal #{goal.id}" + (f", set on {goal.set_on}." if date else "."))


@goals_app.command("edit")
def goals_edit(
    ctx: typer.Context,
    goal_id: GoalId,
    text: Annotated[str, typer.Argument(metavar="TEXT", help="The new wording.", show_default=False)],
) -> None:
    """Reword a goal (the old wording stays in its history)."""
    from ipt_journal.models import GoalIn, validate

    session(ctx).journal().goals.revise(goal_id, validate(GoalIn, {"text": text}))
    messages.note(f"Goal #{goal_id} revised.")


@goals_app.command("done")
def goals_done(ctx: typer.Context, goal_id: GoalId) -> None:
    """Mark a goal as reached."""
    _close(ctx, goal_id, "done", "Marked goal #{id} as done. Well done.")


@goals_app.command("drop")
def goals_drop(ctx: typer.Context, goal_id: GoalId) -> None:
    """Let a goal go (it stays in your history)."""
    _close(ctx, goal_id, "dropped", "Dropped goal #{id}; it stays in your history.")


@goals_app.command("show")
def goals_show(ctx: typer.Context, goal_id: GoalId) -> None:
    """One goal and how its wording and status changed."""
    from ipt_journal.render.course import goal_detail

    journal = session(ctx).journal()
    goal_detail(journal.goals.get(goal_id), journal.goals.history(goal_id))


def _close(ctx: typer.Context, goal_id: int, status: str, message: str) -> None:

    journal = session(ctx).journal()
    journal.goals.close(goal_id, status, dt.date.today())
    messages.note(message.format(id=goal_id))
