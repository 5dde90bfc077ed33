"""IPT's midpoint review, asked by `ipt course review-midpoint`: is the focus still right,
how the goals are going, what to work on in the second half."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ipt_journal.text import messages

if TYPE_CHECKING:
    from ipt_journal.store.course import Course, Goal

QUESTIONS = {
    "focus_still_right": "Is the focus you chose still the right one?",
    "focus_note": "What would you change about the focus, or keep? (Enter to skip)",
    "goals_note": "How are your goals going; would you change any? (Enter to skip)",
    "next_half": "What will you work on in the second half of the course? (Enter to skip)",
}
ABOUT = (
    "Halfway through, IPT looks again at the focus and goals: are they still the right ones, "
    "and what is left to work on. Talk it over with your therapist if you have one."
)


def midpoint_wizard(current: Course, goals: list[Goal]) -> dict[str, Any]:
    """The midpoint review's answers, after showing the focus and the open `goals`."""
    from ipt_journal import prompts

    messages.note(ABOUT)
    messages.note(f"Your focus: {messages.focus_text(current.focus_areas)}")
    for goal in goals:
        messages.note(f"Goal #{goal.id}: {goal.text}")
    still = prompts.select(
        QUESTIONS["focus_still_right"],
        [("Yes", "yes"), ("Partly", "partly"), ("No", "no")],
        optional=True,
    )
    answers = {"focus_still_right": still}
    for key in ("focus_note", "goals_note", "next_half"):
        answers[key] = prompts.text(QUESTIONS[key]).strip() or None
    return answers
