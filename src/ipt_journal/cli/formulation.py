"""`ipt course formulation`: how the low mood links to the focus, in the person's words.

Asked at the end of `ipt start` and revisable here at any time; shown by `ipt course` and
in reports."""

import datetime as dt
from typing import Annotated

import typer

from ipt_journal.cli.context import session
from ipt_journal.text import messages

JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON instead of text.")]


def ask_formulation(current: str | None, agreed_on) -> tuple[str | None, dt.date | None]:
    """The interpersonal formulation, in the person's words, and whether they agree to it."""
    from ipt_journal import prompts
    from ipt_journal.questions import START

    messages.note(START["formulation_intro"])
    text = prompts.text(START["formulation"], default=current or "").strip() or None
    if text is None:
        return None, None
    if text == current and agreed_on:
        return text, agreed_on
    return text, dt.date.today() if prompts.confirm(START["formulation_agree"], default=True) else None


def formulation_command(
    ctx: typer.Context,
    text: Annotated[
        str | None,
        typer.Option("--text", metavar="TEXT", help="Replace it with this, in your own words."),
    ] = None,
    agreed: Annotated[
        bool, typer.Option("--agreed/--not-agreed", help="Whether you agree with it as written.")
    ] = True,
    revise: Annotated[bool, typer.Option("--revise", help="Rewrite it in a terminal, pre-filled.")] = False,
    as_json: JsonOpt = False,
) -> None:
    """Show or revise how your low mood links to your focus and people.

    The formulation says, in your words, how your low mood links to your focus and the
    people in it."""
    state = session(ctx)
    if revise:
        state.require([] if text else ["--text"], "ipt course formulation --text 'Since the move ...'")
    journal = state.journal()
    current = journal.course.required()
    if text is not None:
        agreed_on = dt.date.today() if agreed and text.strip() else None
        saved = journal.course.set_formulation(current.id, text.strip() or None, agreed_on)
    elif revise:
        saved = journal.course.set_formulation(
            current.id, *ask_formulation(current.formulation, current.formulation_agreed_on)
        )
    else:
        saved = current
    if as_json:
        messages.print_json({"formulation": saved.formulation, "agreed_on": saved.formulation_agreed_on})
    elif saved.formulation:
        messages.note(messages.formulation_line(saved.formulation, saved.formulation_agreed_on))
    else:
        messages.note("No formulation yet. Write one with: ipt course formulation --revise")
