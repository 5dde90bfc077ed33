"""A questionnaire asked item by item, in published order."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ipt_journal.text import messages

if TYPE_CHECKING:
    from ipt_journal.clinical.scales import Scale


def ask_scale(scale: Scale) -> tuple[list[int | None], int | None]:
    """Ask every item of `scale` in a terminal, in published order, then (PHQ-9, GAD-7) the
    unscored difficulty question (Enter skips it). The WSAS work item also offers "not
    applicable" (None)."""
    from ipt_journal import prompts
    from ipt_journal.clinical.scales import DIFFICULTY_OPTIONS, DIFFICULTY_QUESTION, credit

    messages.note(f"{scale.name}. {scale.stem}")
    choices = [(label, value) for value, label in enumerate(scale.options)]  # "2) More than half the days"
    answers: list[int | None] = [
        prompts.select(
            f"{number}/{len(scale.items)} {item}",
            choices,
            optional=scale.optional_label if number == scale.optional_item else False,
        )
        for number, item in enumerate(scale.items, start=1)
    ]
    difficulty = (
        prompts.select(
            DIFFICULTY_QUESTION,
            [(label, value) for value, label in enumerate(DIFFICULTY_OPTIONS)],
            optional=True,
        )
        if scale.asks_difficulty
        else None
    )
    messages.note(credit(scale))
    return answers, difficulty


def offer_scale(scale: Scale) -> list[int | None] | None:
    """Offer `scale` now (after a review: the WSAS) and ask it if taken up; None if not."""
    from ipt_journal import prompts
    from ipt_journal.questions import START

    offer = START["baseline"].format(name=scale.name, count=len(scale.items), about=scale.about)
    if not prompts.confirm(offer, default=True):
        return None
    answers, _ = ask_scale(scale)
    return answers
