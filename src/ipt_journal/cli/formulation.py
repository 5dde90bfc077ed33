"""`ipt course formulation`: how the low mood links to the focus, in the person's words.

Asked at the end of `ipt start` and revisable here at any time; shown by `ipt course` and
in reports."""

import datetime as dt
from typing import Annotated

import typer

from ipt_journal.cli.context import session
from ipt_journal.text import messages
from ipt_journal.wizards.course import ask_formulation

JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON instead of text.")]


def formulation_command(
    ctx: typer.Context,
    text: Annotated[
        str | None,
        typer.Option("--text", metavar="TEXT", help="Replace it with this, in your own words."),
    ] = None,
    agreed: Annotated[
        bool,
        typer.Option("--agreed/--not-agreed", help="Whether you have agreed it with your therapist (today)."),
    ] = False,
    revise: Annotated[bool, typer.Option("--revise", help="Rewrite it in a terminal, pre-filled.")] = False,
    as_json: JsonOpt = False,
) -> None:
    """Show or revise how your low mood links to your focus.

    The formulation says, in your words, how your low mood links to your focus and the
    people in it."""
    state = session(ctx)
    if revise:
        state.require([] if text else ["--text"], "ipt course formulation --text 'Since the move ...'")
    journal = state.journal()
    current = journal.course.required()
    if agreed and current.with_therapist is False:
        from ipt_journal.errors import InputError

        raise InputError("--agreed means agreed with your therapist, and this course is without one.")
    if text is not None:
        agreed_on = dt.date.today() if agreed and text.strip() else None
        saved = journal.course.set_formulation(current.id, text.strip() or None, agreed_on)
    elif revise:
        saved = journal.course.set_formulation(
            current.id,
            *ask_formulation(
                current.formulation,
                current.formulation_agreed_on,
                current.focus_areas,
                current.with_therapist,
            ),
        )
    else:
        saved = current
    if as_json:
        messages.print_json({"formulation": saved.formulation, "agreed_on": saved.formulation_agreed_on})
    elif saved.formulation:
        messages.note(messages.formulation_line(saved.formulation, saved.formulation_agreed_on))
    else:
        messages.note("No formulation yet. Write one with: ipt course formulation --revise")
