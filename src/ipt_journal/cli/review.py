"""`ipt review`: looking back at the end of the course."""

import datetime as dt
from typing import Annotated

import typer

from ipt_journal import messages
from ipt_journal.cli.session import session


def review(
    ctx: typer.Context,
    what_changed: Annotated[
        str | None, typer.Option("--what-changed", metavar="TEXT", help="What changed.")
    ] = None,
    what_helped: Annotated[
        str | None, typer.Option("--what-helped", metavar="TEXT", help="What helped.")
    ] = None,
    warning_signs: Annotated[
        str | None,
        typer.Option("--warning-signs", metavar="TEXT", help="Early signs that things are slipping."),
    ] = None,
    keep_practising: Annotated[
        str | None,
        typer.Option("--keep-practising", metavar="TEXT", help="How you will keep using the skills."),
    ] = None,
    to_safety_plan: Annotated[
        bool,
        typer.Option("--add-to-safety-plan/--no-add-to-safety-plan", help="Add the warning signs to step 1."),
    ] = False,
    date: Annotated[str | None, typer.Option("--date", metavar="DAY", help="[default: today]")] = None,
) -> None:
    """Look back at the end of the course: what changed, what helped, warning signs, and
    how you will keep practising."""
    from ipt_journal.dates import parse_day
    from ipt_journal.models import ReviewIn, validate
    from ipt_journal.render.course import review_summary
    from ipt_journal.report import course_figures, course_people

    state = session(ctx)
    answers = {
        "what_changed": what_changed,
        "what_helped": what_helped,
        "warning_signs": warning_signs,
        "keep_practising": keep_practising,
    }
    given = {key: value for key, value in answers.items() if value is not None}
    state.require(
        [] if given else ["--what-changed, --what-helped, --warning-signs or --keep-practising"],
        "ipt review --warning-signs 'Staying in bed, not answering texts'",
    )
    journal = state.journal()
    day = parse_day(date) if date else dt.date.today()
    if not given:
        review_summary(course_figures(journal, dt.date.min, dt.date.today()), course_people(journal))
        answers, to_safety_plan = _review_wizard()
    saved = journal.reviews.add(validate(ReviewIn, {"day": day, **answers}), to_safety_plan)
    messages.note(f"Saved your review of {saved.day}. It will show in your reports.")
    if to_safety_plan and saved.warning_signs:
        messages.note("Your warning signs are now in step 1 of your safety plan.")


def _review_wizard() -> tuple[dict, bool]:
    from ipt_journal import prompts
    from ipt_journal.questions import REVIEW

    answers = {
        key: prompts.text(REVIEW[key]).strip() or None
        for key in ("what_changed", "what_helped", "warning_signs", "keep_practising")
    }
    to_plan = bool(answers["warning_signs"]) and prompts.confirm(REVIEW["to_safety_plan"], default=True)
    return answers, to_plan
