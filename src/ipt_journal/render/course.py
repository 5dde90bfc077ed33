"""`ipt course`, `ipt goals` and the look back before `ipt review`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text

from ipt_journal.render.common import new_console
from ipt_journal.render.fit import Column, fitted, hanging, unbroken
from ipt_journal.text.messages import count, focus_text, formulation_line, goal_rating, plain, print_json

if TYPE_CHECKING:
    from collections.abc import Sequence
    from sqlite3 import Row as _Row

    from ipt_journal.insight.course_progress import CourseProgress
    from ipt_journal.store import Course, Goal


GOAL_COLUMNS = (
    Column("ID", right=True),
    Column("Goal", wrap=60),
    Column("Status"),
    Column("Progress", right=True),
)


def course(course: Course, where: CourseProgress, open_goals: Sequence[Goal], as_json: bool) -> None:
    """`where` is insight.course_progress.course_progress: the week every other screen shows today."""
    from ipt_journal.clinical.course import PHASES, in_sessions_words

    purpose = PHASES[where.phase]
    # What happens in the sessions, beside what you do (said as IPT's, in a self-guided course).
    in_sessions = in_sessions_words(where.phase, course.with_therapist)
    if as_json:
        print_json(
            {
                **plain(course),
                "week": where.week,
                "phase": where.phase,
                "purpose": purpose,
                "in_sessions": in_sessions,
                "sessions_held": where.sessions_held,
                "open_goals": [plain(goal) for goal in open_goals],
            }
        )
        return
    console = new_console()
    if where.ended_on:
        console.print(
            f"Your course ran from {course.started_on} to {course.ended_on}. You are in maintenance."
        )
    else:
        console.print(f"{where.words[0].upper()}{where.words[1:]}.", style="bold")
    if where.sessions_held:
        console.print(f"{where.held_words[0].upper()}{where.held_words[1:]}.")
    console.print(purpose)
    console.print(in_sessions, style="dim")
    if course.focus_areas:
        focus = focus_text(course.focus_areas)
        detail = f" with {course.dispute_person}" if course.dispute_person else ""
        stage = f" ({course.dispute_stage})" if course.dispute_stage else ""
        console.print(Text(f"Focus: {focus}{detail}{stage}."))
    if course.formulation:
        console.print(Text(formulation_line(course.formulation, course.formulation_agreed_on)))
    elif not where.ended_on:
        console.print(
            "Put in your own words how your mood links to your focus: ipt course formulation --revise"
        )
    if open_goals:
        goals_table(open_goals)
    if not where.ended_on:
        console.print("Extend it with: ipt course extend WEEKS. End it with: ipt course end", style="dim")


def goals_table(goals: Sequence[Goal]) -> None:
    console = new_console()
    if not goals:
        console.print("No goals yet. Add one with: ipt goals add TEXT")
        return
    rows = [
        (
            str(goal.id),
            goal.text,
            goal.status,
            goal_rating(goal.first_rating, goal.latest_rating, goal.ratings),
        )
        for goal in goals
    ]
    if not fitted(console, GOAL_COLUMNS, rows):  # narrow: one plain line each, words whole
        for goal in goals:
            progress = goal_rating(goal.first_rating, goal.latest_rating, goal.ratings, inside=True)
            progress = unbroken(progress) if goal.ratings > 1 else progress  # "3 → 6/10" on one line
            hanging(console, f"#{goal.id} {goal.text} ({goal.status}{', ' + progress if progress else ''})")


def goal_detail(goal: Goal, history: Sequence[_Row]) -> None:
    console = new_console()
    console.print(Text(f"Goal #{goal.id}: {goal.text} ({goal.status})"))
    if goal.set_on:
        console.print(Text(f"Set on {goal.set_on}."))
    if goal.latest_rating is not None and goal.ratings > 1:
        console.print(
            f"Progress: {goal.first_rating} at first, {goal.latest_rating}/10 lately "
            f"({count(goal.ratings, 'rating')})."
        )
    elif goal.latest_rating is not None:
        console.print(f"Progress: {goal_rating(goal.first_rating, goal.latest_rating, goal.ratings)}.")
    for row in history:
        hanging(console, f"  {row['changed_at'][:10]}  {row['status']:8} {row['text']}", indent=21)
