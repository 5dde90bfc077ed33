"""`ipt review`: looking back at the end of the course."""

import datetime as dt
from typing import Annotated

import typer

from ipt_journal.cli.context import session
from ipt_journal.text import messages

MAINTENANCE = (
    "After the course, a check-in once a month (and the PHQ-9 now and then) helps you notice "
    "early signs in time: the dashboard (ipt) says when a check-in is due when you open it, and "
    "`ipt remind` prints a weekly reminder you can add to your computer's scheduler."
)
# After MAINTENANCE, by whether the course was with a therapist (True, False, or not said).
FOLLOW_UP = {
    True: "Many people also agree a few maintenance sessions with their therapist.",
    None: "If you worked with a therapist, many people also agree a few maintenance sessions with them.",
    False: "If the signs come back, your doctor or a clinician can help: keep them in step 5 of your "
    "safety plan.",
}


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
    relapse_plan: Annotated[
        str | None,
        typer.Option("--relapse-plan", metavar="TEXT", help="What you will do if the warning signs return."),
    ] = None,
    feelings_about_ending: Annotated[
        str | None,
        typer.Option("--feelings-about-ending", metavar="TEXT", help="How you feel about the course ending."),
    ] = None,
    to_safety_plan: Annotated[
        bool,
        typer.Option(
            "--add-to-safety-plan/--no-add-to-safety-plan",
            help="Add the warning signs to step 1 and the relapse plan to step 2.",
        ),
    ] = False,
    date: Annotated[
        str | None, typer.Option("--date", metavar="DAY", help="The day of the review. [default: today]")
    ] = None,
    show: Annotated[
        bool, typer.Option("--show", help="Only tell the story of the course; ask nothing.")
    ] = False,
    as_json: Annotated[
        bool, typer.Option("--json", help="The story of the course as JSON; ask nothing.")
    ] = False,
) -> None:
    """Look back at the end of the course: what changed, what helped, warning signs, and
    how you will keep practising."""
    from ipt_journal.insight.story import course_story
    from ipt_journal.models import ReviewIn, validate
    from ipt_journal.render.story import course_story as tell
    from ipt_journal.text.dates import parse_day

    state = session(ctx)
    answers = {
        "what_changed": what_changed,
        "what_helped": what_helped,
        "warning_signs": warning_signs,
        "keep_practising": keep_practising,
        "relapse_plan": relapse_plan,
        "feelings_about_ending": feelings_about_ending,
    }
    given = {key: value for key, value in answers.items() if value is not None}
    if show or as_json:
        if given or to_safety_plan:
            from ipt_journal.errors import InputError

            raise InputError("--show and --json only tell the story; give the answers without them.")
        from ipt_journal.cli.crisis import crisis_if_due

        story = course_story(state.journal())
        if as_json:
            data = story.as_json()
            crisis_if_due(state.journal(), story.item9_days, data)
            messages.print_json(data)
        else:
            tell(story)
            crisis_if_due(state.journal(), story.item9_days)
        return
    state.require(
        []
        if given
        else ["--what-changed, --what-helped, --warning-signs, --relapse-plan or --keep-practising"],
        "ipt review --warning-signs 'Staying in bed, not answering texts'",
    )
    journal = state.journal()
    day = parse_day(date) if date else dt.date.today()
    if not given:
        tell(course_story(journal))
        answers, to_safety_plan = _review_wizard()
    saved = journal.reviews.add(validate(ReviewIn, {"day": day, **answers}), to_safety_plan)
    messages.note(f"Saved your review of {saved.day}. It will show in your reports.")
    if to_safety_plan and saved.warning_signs:
        messages.note("Your warning signs are now in step 1 of your safety plan.")
    if to_safety_plan and saved.relapse_plan:
        messages.note(
            "What you will do if they return is in step 2, and ipt will show it after the course. "
            "If it means contacting a clinician or your doctor, add them to step 5: "
            "ipt safety-plan add 5 --text 'NAME, NUMBER'"
        )
    messages.note(MAINTENANCE)
    course = journal.course.current()
    messages.note(FOLLOW_UP[course.with_therapist if course else None])


def _review_wizard() -> tuple[dict, bool]:
    from ipt_journal import prompts
    from ipt_journal.clinical.vocab import REVIEW_ANSWERS
    from ipt_journal.questions import REVIEW

    answers = {key: prompts.text(REVIEW[key]).strip() or None for key in REVIEW_ANSWERS}
    to_plan = bool(answers["warning_signs"] or answers["relapse_plan"]) and prompts.confirm(
        REVIEW["to_safety_plan"], default=True
    )
    return answers, to_plan
