"""`ipt pathway`: the problem-area pathways, step by step through the course."""

import datetime as dt
from typing import Annotated

import typer

from ipt_journal.cli import completion
from ipt_journal.cli.context import command_group, session
from ipt_journal.cli.exercise_options import AnswerOpt, HomeworkOpt, MoodAfterOpt, MoodBeforeOpt
from ipt_journal.text import messages

app = command_group(
    help="Your focus's pathway: a short guided sequence of exercises through the course, with "
    "progress kept, and what it tracks week by week.",
    invoke_without_command=True,
)
AREAS = "grief, role-dispute, role-transition or interpersonal-deficits"
AreaOpt = Annotated[
    str | None,
    typer.Option(
        "--area",
        metavar="AREA",
        help=f"The problem area's pathway ({AREAS}). [default: your course's focus]",
        show_default=False,
        autocompletion=completion.pathway_areas,
    ),
]
DateOpt = Annotated[
    str | None,
    typer.Option(
        "--date",
        metavar="DAY",
        help="The day: YYYY-MM-DD, yesterday, 'last friday'. [default: today]",
        show_default=False,
    ),
]


def checked_area(area: str | None) -> str | None:
    from ipt_journal.clinical.pathways import PATHWAYS
    from ipt_journal.errors import InputError

    if area is None:
        return None
    key = area.strip().lower().replace(" ", "-")
    if key not in PATHWAYS:
        raise InputError(f"--area takes {AREAS}; got {area!r}.")
    return key


def check_step_of(area: str, kind: str) -> None:
    """`--pathway AREA` for an exercise that is none of its steps is refused."""
    from ipt_journal.clinical.pathways import PATHWAYS, area_label
    from ipt_journal.errors import InputError

    kinds = [kind for step in PATHWAYS[area] for kind in step.exercises]
    if kind not in kinds:
        raise InputError(
            f"{kind} is not a step of the {area_label(area)} pathway; its exercises are {', '.join(kinds)}."
        )


@app.callback()
def show(
    ctx: typer.Context,
    area: AreaOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Show your focus's pathway: each step, done or next.

    The steps move on with the phases of your course. Also: the role dispute's stage week
    by week; contacts and confidants week by week; an anniversary of a death when one is
    near."""
    if ctx.invoked_subcommand is not None:
        return
    from ipt_journal.insight.pathways import build
    from ipt_journal.render.pathways import say_lines, screen_lines

    chosen = checked_area(area)
    screen = build(session(ctx).journal(), dt.date.today(), chosen)
    if as_json:
        messages.print_json(screen.as_json())
        return
    say_lines(screen_lines(screen))


@app.command("next")
def next_step(
    ctx: typer.Context,
    area: AreaOpt = None,
    with_: Annotated[
        str | None,
        typer.Option(
            "--with",
            metavar="NAME",
            help="The person it is about.",
            autocompletion=completion.exercise_people,
        ),
    ] = None,
    answer: AnswerOpt = None,
    mood_before: MoodBeforeOpt = None,
    mood_after: MoodAfterOpt = None,
    homework: HomeworkOpt = None,
    date: DateOpt = None,
) -> None:
    """Do the next step of your pathway: its exercise, guided.

    One question at a time; every answer also has a flag, as in ipt exercise start."""
    from ipt_journal.cli.exercise import start
    from ipt_journal.clinical.pathways import PHASE_WORDS
    from ipt_journal.errors import InputError
    from ipt_journal.insight.pathways import build

    chosen = checked_area(area)
    journal = session(ctx).journal()
    screen = build(journal, dt.date.today(), chosen)
    if not screen.pathways:
        raise InputError(
            "Your course has no focus with a pathway.",
            "Name one with --area (grief, role-dispute, role-transition or interpersonal-deficits).",
        )
    if len(screen.pathways) > 1 and chosen is None:
        names = " or ".join(p.area for p in screen.pathways)
        raise InputError(f"Your course has two focus areas; say which pathway with --area ({names}).")
    path = screen.pathways[0]
    upcoming = path.next
    if upcoming is None:
        raise InputError(
            f"Every step of the {path.label} pathway is done.",
            "Do one again with: ipt exercise start KIND --pathway " + path.area,
        )
    if not upcoming.ready:
        messages.note(
            f"This step usually comes in the {PHASE_WORDS[upcoming.step.phase]} phase of the course; "
            "you can do it now if it feels right."
        )
    messages.note(f"{path.label.capitalize()} pathway: {upcoming.step.title}.")
    start(
        ctx,
        upcoming.step.exercise,
        with_=with_,
        answer=answer,
        mood_before=mood_before,
        mood_after=mood_after,
        homework=homework,
        date=date,
        pathway=path.area,
    )


@app.command("week")
def week(
    ctx: typer.Context,
    stage: Annotated[
        str | None,
        typer.Option(
            "--stage",
            metavar="STAGE",
            help="Where the role dispute stands this week: renegotiation, impasse or dissolution.",
            show_default=False,
        ),
    ] = None,
    confidants: Annotated[
        int | None,
        typer.Option(
            "--confidants",
            metavar="N",
            help="How many people you can confide in, this week.",
            show_default=False,
        ),
    ] = None,
    date: DateOpt = None,
) -> None:
    """Record this week's dispute stage, or how many people you can confide in.

    A later record for the same week replaces what it gives."""
    from ipt_journal.clinical.exercises import DISPUTE_STAGES
    from ipt_journal.errors import InputError
    from ipt_journal.text.dates import monday_of, parse_day

    state = session(ctx)
    day = parse_day(date, "--date") if date else dt.date.today()
    if day > dt.date.today():
        raise InputError(f"The day {day.isoformat()} is in the future; record a week once it has begun.")
    if stage is not None:
        stage = stage.strip().lower()
        if stage not in DISPUTE_STAGES:
            raise InputError(f"--stage takes {', '.join(DISPUTE_STAGES)}; got {stage!r}.")
    if confidants is not None and not 0 <= confidants <= 1000:
        raise InputError(f"--confidants must be a whole number from 0 to 1000, got {confidants}.")
    if stage is None and confidants is None:
        state.require(["--stage", "--confidants"], "ipt pathway week --stage impasse")
        from ipt_journal.wizards.pathway import ask_week

        stage, confidants = ask_week()
        if stage is None and confidants is None:
            messages.note("Nothing recorded.")
            return
    journal = state.journal()
    course = journal.course.current()
    if course and day.isoformat() < course.started_on:
        # A week before the course is shown nowhere (every week line starts at the course):
        # recorded, it would be a stage said once and then lost from sight.
        raise InputError(
            f"Your course began on {course.started_on}; {day.isoformat()} is before it, so that "
            "week would be shown nowhere. Nothing was recorded.",
            f"Give a day from {course.started_on} on, e.g. --date {course.started_on}.",
        )
    saved = journal.pathways.record_week(day, stage, confidants)
    said = [f"stage {saved.dispute_stage}" if saved.dispute_stage else ""]
    said.append(f"{saved.confidants} to confide in" if saved.confidants is not None else "")
    messages.note(f"Week of {monday_of(day).isoformat()}: {', '.join(s for s in said if s)}.")
    now = journal.course.current()  # the latest week's stage is the course's (store/pathways.py)
    if course and now and now.dispute_stage != course.dispute_stage:
        messages.note(f"Your course's dispute stage is now {now.dispute_stage}, the latest week's.")


@app.command("done")
def done(
    ctx: typer.Context,
    step: Annotated[
        str,
        typer.Argument(
            metavar="STEP",
            help="The step's key, as ipt pathway --json names it.",
            autocompletion=completion.pathway_steps,
        ),
    ],
    area: AreaOpt = None,
    date: DateOpt = None,
) -> None:
    """Mark a step done that you did outside ipt (in a session, on paper)."""
    from ipt_journal.clinical.pathways import PATHWAYS, step_of
    from ipt_journal.errors import InputError
    from ipt_journal.insight.pathways import focus_areas
    from ipt_journal.text.dates import parse_day

    state = session(ctx)
    day = parse_day(date, "--date") if date else dt.date.today()
    journal = state.journal()
    areas = focus_areas(journal, checked_area(area))
    found = [(a, s) for a in areas if (s := step_of(a, step.strip().lower()))]
    if not found:
        keys = "; ".join(f"{a}: {', '.join(s.key for s in PATHWAYS[a])}" for a in areas) or "none (no focus)"
        raise InputError(f"There is no step {step!r} in your pathway. Its steps are {keys}.")
    if len(found) > 1:
        raise InputError(f"Both your focus areas have a step {step!r}; say which with --area.")
    chosen_area, chosen = found[0]
    journal.pathways.mark(chosen_area, chosen.key, day)
    course = journal.course.current()  # a self-guided course's step is worded for it
    title = chosen.for_course(course.with_therapist if course else None).title
    messages.note(f"Marked done on {day.isoformat()}: {title}.")
