"""`ipt course`: where you are in the course; extend or end it; its formulation.

`ipt start` is in `cli/start.py`, goals in `cli/goals.py`, the look back in `cli/review.py`."""

import datetime as dt
from typing import Annotated

import typer

from ipt_journal.cli.context import command_group, session
from ipt_journal.text import messages

JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON instead of text.")]


course_app = command_group(
    help="Where you are in your IPT course; extend or end it.", invoke_without_command=True
)


@course_app.callback()
def course(ctx: typer.Context, as_json: JsonOpt = False) -> None:
    """Week N of M, the phase you are in, and what it is for."""
    if ctx.invoked_subcommand is not None:
        return
    from ipt_journal.insight.report import progress_of
    from ipt_journal.render.course import course as render_course

    journal = session(ctx).journal()
    current = journal.course.required()
    where = progress_of(journal, current, dt.date.today())
    render_course(current, where, journal.goals.all("open"), as_json)


@course_app.command()
def extend(
    ctx: typer.Context,
    weeks: Annotated[
        int, typer.Argument(metavar="WEEKS", help="How many weekly sessions to add.", show_default=False)
    ],
) -> None:
    """Add weekly sessions (the whole course stays within 20)."""
    from ipt_journal.errors import InputError

    journal = session(ctx).journal()
    current = journal.course.required()
    if current.ended_on:
        raise InputError(
            f"Your course ended on {current.ended_on}; an ended course is not extended. Nothing was changed.",
            "Start a new course with: ipt start",
        )
    total = current.planned_weeks + weeks
    if weeks < 1 or total > 20:
        raise InputError(
            f"The course can be extended by 1 to {20 - current.planned_weeks} weeks "
            f"(it is planned for {current.planned_weeks}; IPT courses stay within 20), got {weeks}."
        )
    updated = journal.course.set_length(current.id, total)
    messages.note(f"Your course is now {updated.planned_weeks} weekly sessions.")
    agree = {
        True: "agree any change with your therapist.",
        None: "agree any change with your therapist, if you are working with one.",
        False: "change it only for a good reason, and hold to the new one as firmly.",
    }[updated.with_therapist]
    messages.note(f"In IPT the end date is agreed at the start and is part of the work, so {agree}")


@course_app.command()
def end(
    ctx: typer.Context,
    date: Annotated[
        str | None, typer.Option("--date", metavar="DAY", help="The day the course ended. [default: today]")
    ] = None,
) -> None:
    """End the course; ipt then keeps you company in maintenance."""
    from ipt_journal.text.dates import parse_day

    journal = session(ctx).journal()
    current = journal.course.required()
    day = parse_day(date) if date else dt.date.today()
    journal.course.end(current.id, day)
    messages.note(f"Your course ended on {day}. Well done for the work you put in.")
    messages.note("Look back on it with: ipt review")


# Written apart to keep this module short; cheap to import (Typer and messages only).
from ipt_journal.cli.formulation import formulation_command  # noqa: E402

course_app.command("formulation")(formulation_command)
from ipt_journal.cli.midpoint import review_midpoint  # noqa: E402

course_app.command("review-midpoint")(review_midpoint)
