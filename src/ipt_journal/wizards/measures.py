"""A questionnaire asked item by item, in published order."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ipt_journal.text import messages

if TYPE_CHECKING:
    from ipt_journal.clinical.scales import Scale


def ask_scale(scale: Scale) -> tuple[list[int], int | None]:
    """Ask every item of `scale` in a terminal, in published order, then the unscored
    difficulty question (Enter skips it)."""
    from ipt_journal import prompts
    from ipt_journal.clinical.scales import CREDIT, DIFFICULTY_OPTIONS, DIFFICULTY_QUESTION, OPTIONS

    messages.note(f"{scale.name}. {scale.stem}")
    choices = [(label, value) for value, label in enumerate(OPTIONS)]  # shown as "2) More than half the days"
    answers = [
        prompts.select(f"{number}/{len(scale.items)} {item}", choices)
        for number, item in enumerate(scale.items, start=1)
    ]
    difficulty = prompts.select(
        DIFFICULTY_QUESTION, [(label, value) for value, label in enumerate(DIFFICULTY_OPTIONS)], optional=True
    )
    messages.note(CREDIT)
    return answers, difficulty
