"""`ipt course review-midpoint`: IPT's midpoint review of the focus and goals."""

import datetime as dt
from typing import Annotated

import typer

from ipt_journal.cli.context import session
from ipt_journal.cli.measure import ReviewWsasOpt
from ipt_journal.text import messages
from ipt_journal.wizards.midpoint import QUESTIONS, midpoint_wizard


def review_midpoint(
    ctx: typer.Context,
    focus_still_right: Annotated[
        str | None,
        typer.Option("--focus-still-right", metavar="yes|partly|no", help=QUESTIONS["focus_still_right"]),
    ] = None,
    focus_note: Annotated[
        str | None, typer.Option("--focus-note", metavar="TEXT", help="What you would change or keep.")
    ] = None,
    goals_note: Annotated[
        str | None, typer.Option("--goals-note", metavar="TEXT", help="How your goals are going.")
    ] = None,
    next_half: Annotated[
        str | None,
        typer.Option("--next-half", metavar="TEXT", help="What you will work on in the second half."),
    ] = None,
    date: Annotated[
        str | None, typer.Option("--date", metavar="DAY", help="The day of the review. [default: today]")
    ] = None,
    wsas: ReviewWsasOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the saved review as JSON.")] = False,
) -> None:
    """Halfway: look again at your focus and goals.

    IPT's midpoint review: is the focus still right, how the goals are going, and what to
    work on in the second half; then the WSAS (work and social functioning), as at the start.
    A flag for each answer; without flags, in a terminal, it asks."""

    from ipt_journal.models import MidpointIn, validate
    from ipt_journal.text.dates import parse_day

    state = session(ctx)
    answers = {
        "focus_still_right": focus_still_right.strip().lower() if focus_still_right else None,
        "focus_note": focus_note,
        "goals_note": goals_note,
        "next_half": next_half,
    }
    asked = all(value is None for value in answers.values())
    if asked:
        state.require(
            ["--focus-still-right, --focus-note, --goals-note or --next-half"],
            "ipt course review-midpoint --focus-still-right yes --next-half 'Talk to Sam about money'",
        )
    day = parse_day(date) if date else dt.date.today()
    from ipt_journal.cli.measure import wsas_given, wsas_with_review

    functioning = wsas_given(wsas, day)  # checked before anything is saved
    journal = state.journal()
    current = journal.course.required()
    if asked:
        answers = midpoint_wizard(current, journal.goals.all("open"))
    saved = journal.midpoints.add(validate(MidpointIn, {"day": day, **answers}))
    if as_json:
        data = saved._asdict()
        if functioning is not None:
            data["wsas"] = messages.measure_json(journal.measures.add(functioning), None, None)
        messages.print_json(data)
        return
    messages.note(f"Saved your midpoint review of {saved.day}.")
    if saved.focus_still_right in ("partly", "no"):
        with_whom = {
            True: "worth agreeing with your therapist",
            False: "worth thinking over, and talking over with your doctor (GP) if it helps",
            None: "worth agreeing with your therapist, if you have one",
        }[current.with_therapist]
        messages.note(f"A change of focus is {with_whom}; goals can be changed with: ipt goals")
    wsas_with_review(journal, functioning, day, asked)
