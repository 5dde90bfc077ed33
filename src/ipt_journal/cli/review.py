"""`ipt review`: looking back at the end of the course."""

import datetime as dt
from typing import TYPE_CHECKING, Annotated

import typer

from ipt_journal.cli.context import session
from ipt_journal.cli.measure import ReviewWsasOpt
from ipt_journal.cli.staying_well import ToSafetyPlanOpt, WhenToContactOpt, WhomITellOpt
from ipt_journal.text import messages
from ipt_journal.wizards.course import review_wizard

if TYPE_CHECKING:
    from ipt_journal.store import Journal

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
        typer.Option(
            "--warning-signs",
            metavar="TEXT",
            help="Early signs that things are slipping (your staying-well plan).",
        ),
    ] = None,
    keep_practising: Annotated[
        str | None,
        typer.Option("--keep-practising", metavar="TEXT", help="How you will keep using the skills."),
    ] = None,
    relapse_plan: Annotated[
        str | None,
        typer.Option(
            "--relapse-plan",
            metavar="TEXT",
            help="What you will do if the warning signs return (your staying-well plan).",
        ),
    ] = None,
    feelings_about_ending: Annotated[
        str | None,
        typer.Option("--feelings-about-ending", metavar="TEXT", help="How you feel about the course ending."),
    ] = None,
    whom_i_tell: WhomITellOpt = None,
    when_to_contact: WhenToContactOpt = None,
    to_safety_plan: ToSafetyPlanOpt = None,
    date: Annotated[
        str | None, typer.Option("--date", metavar="DAY", help="The day of the review. [default: today]")
    ] = None,
    wsas: ReviewWsasOpt = None,
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
    plan_answers = {"whom_i_tell": whom_i_tell, "when_to_contact": when_to_contact}
    given = {key: value for key, value in {**answers, **plan_answers}.items() if value is not None}
    if show or as_json:
        if given or to_safety_plan or wsas:
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
            _copies_note(state.journal())
            crisis_if_due(state.journal(), story.item9_days)
        return
    state.require(
        []
        if given
        else ["--what-changed, --what-helped, --warning-signs, --relapse-plan or --keep-practising"],
        "ipt review --warning-signs 'Staying in bed, not answering texts'",
    )
    from ipt_journal.cli.staying_well import check_parts_given, moved_note, parts_named
    from ipt_journal.models import StayingWellIn
    from ipt_journal.wizards.staying_well import ask_moves

    parts = parts_named(to_safety_plan)
    journal = state.journal()
    day = parse_day(date) if date else dt.date.today()
    from ipt_journal.cli.measure import wsas_given, wsas_with_review

    functioning = wsas_given(wsas, day)  # checked before anything is saved
    asked = not given
    if asked:
        tell(course_story(journal))
        answers, plan_answers = review_wizard()
    review_in = validate(ReviewIn, {"day": day, **answers})
    staying = {
        "warning_signs": answers["warning_signs"],
        "what_i_will_do": answers["relapse_plan"],
        **plan_answers,
    }
    plan_in = validate(StayingWellIn, staying)
    check_parts_given(parts, staying)
    if asked:
        parts = ask_moves(staying)
    saved = journal.reviews.add(review_in, plan_in, parts)
    messages.note(f"Saved your review of {saved.day}. It will show in your reports.")
    if any(staying.values()):
        messages.note("Your staying-well plan is saved apart from your safety plan: ipt staying-well")
        moved_note(parts)
    if asked:
        _offer_to_move_copies(journal)
    else:
        _copies_note(journal)
    wsas_with_review(journal, functioning, day, asked)
    messages.note(MAINTENANCE)
    course = journal.course.current()
    messages.note(FOLLOW_UP[course.with_therapist if course else None])


COPIES = (
    "Your safety plan still holds {n} copied from an earlier review (steps 1 and 2); they belong "
    "to your staying-well plan."
)


def _copies_note(journal: "Journal") -> None:
    copies = journal.safety_plan.copied_from_reviews()
    if copies:
        n = messages.count(len(copies), "entry", "entries")
        messages.note(COPIES.format(n=n) + " Move them one by one with: ipt staying-well move-copies")


def _offer_to_move_copies(journal: "Journal") -> None:
    """For journals from before the staying-well plan: ask entry by entry (default No)."""
    from ipt_journal.wizards.course import copies_to_move

    copies = journal.safety_plan.copied_from_reviews()
    if not copies:
        return
    messages.note(COPIES.format(n=messages.count(len(copies), "entry", "entries")))
    chosen = copies_to_move(copies)
    if chosen:
        journal.staying_well.take_back(chosen)
        messages.note(f"Moved {messages.count(len(chosen), 'entry', 'entries')} to your staying-well plan.")
