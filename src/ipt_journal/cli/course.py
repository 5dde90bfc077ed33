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
    from ipt_journal.insight.course_progress import progress_of
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


def _goal_option(flag: str, what: str) -> object:
    return typer.Option(
        flag,
        metavar="ID|all",
        help=f"An open goal {what} (repeatable); 'all' for every open goal not named otherwise.",
        show_default=False,
    )


# What each flag of `course end` does to an open goal, as stored ("open": kept).
GOAL_FLAGS = {"--done": "done", "--keep": "open", "--drop": "dropped"}
ANSWERS = {"done": "done", "keep": "open", "drop": "dropped"}  # the wizard's answers


@course_app.command()
def end(
    ctx: typer.Context,
    date: Annotated[
        str | None, typer.Option("--date", metavar="DAY", help="The day the course ended. [default: today]")
    ] = None,
    done: Annotated[list[str] | None, _goal_option("--done", "you reached")] = None,
    keep: Annotated[list[str] | None, _goal_option("--keep", "to keep working on after the course")] = None,
    drop: Annotated[list[str] | None, _goal_option("--drop", "to let go (it stays in your history)")] = None,
) -> None:
    """End the course; ipt then keeps you company in maintenance.

    Each open goal is marked done, kept or dropped: asked in a terminal, else given with
    --done, --keep or --drop."""
    from ipt_journal.text.dates import parse_day

    state = session(ctx)
    journal = state.journal()
    current = journal.course.required()
    if current.ended_on:
        from ipt_journal.errors import InputError

        raise InputError(
            f"Your course already ended on {current.ended_on}. Nothing was changed.",
            "A new course starts with: ipt start",
        )
    day = parse_day(date, "--date") if date else dt.date.today()
    open_goals = journal.goals.all("open")
    chosen = goal_endings(
        [goal.id for goal in open_goals], {"--done": done or [], "--keep": keep or [], "--drop": drop or []}
    )
    undecided = [goal for goal in open_goals if goal.id not in chosen]
    if undecided:
        ids = ", ".join(f"#{goal.id}" for goal in undecided)
        noun = "goal" if len(undecided) == 1 else "goals"
        state.require(
            [f"what becomes of your open {noun} {ids}: --done, --keep or --drop"],
            f"ipt course end --done {undecided[0].id}" + (" --keep all" if len(undecided) > 1 else ""),
        )
        from ipt_journal.wizards.course import ask_goal_endings

        chosen |= {goal_id: ANSWERS[answer] for goal_id, answer in ask_goal_endings(undecided).items()}
    closing = {goal_id: status for goal_id, status in chosen.items() if status != "open"}
    journal.course.end(current.id, day, closing)
    messages.note(f"Your course ended on {day}. Well done for the work you put in.")
    _goals_note(chosen)
    review = journal.reviews.latest(since=current.started_on)
    if review is None:
        messages.note("Look back on it with: ipt review")
    else:
        messages.note(f"You wrote your review on {review.day}; read it again with: ipt review --show")


def goal_endings(open_ids: list[int], flags: dict[str, list[str]]) -> dict[int, str]:
    """Goal id -> "done", "open" (kept) or "dropped", from --done/--keep/--drop values (an
    id, "#id" or "all" for the open goals no other flag names). Refuses an id that is not an
    open goal, a goal named twice and "all" in two flags, before anything is written."""
    from ipt_journal.errors import InputError, NotFound

    chosen: dict[int, str] = {}
    rest: str | None = None
    for flag, values in flags.items():
        for value in values:
            text = value.strip().lstrip("#").lower()
            if text == "all":
                if rest is not None and rest != flag:
                    raise InputError(
                        f"'all' can follow only one of --done, --keep and --drop, got {rest} and {flag}."
                    )
                rest = flag
                continue
            if not text.isascii() or not text.isdigit():
                raise InputError(f"{flag} takes a goal's id (a number) or 'all', got {value!r}.")
            goal_id = int(text)
            if goal_id not in open_ids:
                raise NotFound(
                    f"There is no open goal #{goal_id} ({flag}). Nothing was changed.",
                    "See the open goals with: ipt goals list",
                )
            if goal_id in chosen and chosen[goal_id] != GOAL_FLAGS[flag]:
                raise InputError(f"Goal #{goal_id} was given two ways; say it once. Nothing was changed.")
            chosen[goal_id] = GOAL_FLAGS[flag]
    if rest is not None:
        chosen |= {goal_id: GOAL_FLAGS[rest] for goal_id in open_ids if goal_id not in chosen}
    return chosen


def _goals_note(chosen: dict[int, str]) -> None:
    words = {"done": "Marked done", "open": "Kept open", "dropped": "Let go (kept in your history)"}
    for status, label in words.items():
        ids = sorted(goal_id for goal_id, s in chosen.items() if s == status)
        if ids:
            noun = "goal" if len(ids) == 1 else "goals"
            messages.note(f"{label}: {noun} {', '.join(f'#{i}' for i in ids)}.")


# Written apart to keep this module short; cheap to import (Typer and messages only).
from ipt_journal.cli.formulation import formulation_command  # noqa: E402

course_app.command("formulation")(formulation_command)
from ipt_journal.cli.midpoint import review_midpoint  # noqa: E402

course_app.command("review-midpoint")(review_midpoint)
