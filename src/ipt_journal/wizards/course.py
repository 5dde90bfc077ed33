"""The course's own questions: the formulation in your words, the end-of-course review, and
the review's copies in the safety plan a person may move to the staying-well plan."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from ipt_journal.text import messages

if TYPE_CHECKING:
    from collections.abc import Sequence

    from ipt_journal.store import Goal, SafetyPlanItem


def ask_formulation(
    current: str | None,
    agreed_on: dt.date | str | None,
    focus_areas: list[str],
    with_therapist: bool | None,
) -> tuple[str | None, dt.date | None]:
    """The interpersonal formulation, in the person's words, and the day it was agreed with
    their therapist: only if they say so (default No; never asked without a therapist).
    `agreed_on` as stored (YYYY-MM-DD) or as a date."""
    if isinstance(agreed_on, str):
        agreed_on = dt.date.fromisoformat(agreed_on)
    from ipt_journal import prompts
    from ipt_journal.questions import FORMULATION_EXAMPLES, START

    focus = next((str(area) for area in focus_areas if str(area) in FORMULATION_EXAMPLES), None)
    messages.note(START["formulation_intro"].format(example=FORMULATION_EXAMPLES[focus]))
    text = prompts.text(START["formulation"], default=current or "").strip() or None
    if text is None:
        return None, None
    if text == current and agreed_on:
        return text, agreed_on
    if with_therapist is False:
        return text, None
    return text, dt.date.today() if prompts.confirm(START["formulation_agree"], default=False) else None


def ask_goal_endings(goals: Sequence[Goal]) -> dict[int, str]:
    """At the end of the course, for each open goal not yet decided by a flag: done, keep
    or drop (by goal id)."""
    from ipt_journal import prompts
    from ipt_journal.questions import GOAL_AT_END, GOAL_AT_END_ANSWERS

    return {
        goal.id: prompts.select(GOAL_AT_END.format(id=goal.id, text=goal.text), GOAL_AT_END_ANSWERS)
        for goal in goals
    }


def review_wizard() -> tuple[dict[str, str | None], dict[str, str | None]]:
    """The review's answers, with the staying-well plan's other two parts right after the
    relapse plan (whom I tell, when I contact my doctor or therapist)."""
    from ipt_journal import prompts
    from ipt_journal.clinical.vocab import REVIEW_ANSWERS
    from ipt_journal.questions import REVIEW

    answers: dict[str, str | None] = {}
    plan: dict[str, str | None] = {}
    for key in REVIEW_ANSWERS:
        answers[key] = prompts.text(REVIEW[key]).strip() or None
        if key == "relapse_plan":
            for part in ("whom_i_tell", "when_to_contact"):
                plan[part] = prompts.text(REVIEW[part]).strip() or None
    return answers, plan


def copies_to_move(copies: Sequence[SafetyPlanItem]) -> list[int]:
    """The ids of the safety-plan entries an earlier review copied there that the person
    moves to the staying-well plan, asked entry by entry (default No)."""
    from ipt_journal import prompts

    chosen = []
    for item in copies:
        messages.note(f"#{item.id}, step {item.step}: {item.text}")
        if prompts.confirm("Move it from your safety plan to your staying-well plan?", default=False):
            chosen.append(item.id)
    return chosen
