"""The course's own questions: the formulation in your words, and the end-of-course review."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from ipt_journal.text import messages

if TYPE_CHECKING:
    pass


def ask_formulation(
    current: str | None, agreed_on: dt.date | str | None
) -> tuple[str | None, dt.date | None]:
    """The interpersonal formulation, in the person's words, and whether they agree to it.
    `agreed_on` as stored (YYYY-MM-DD) or as a date."""
    if isinstance(agreed_on, str):
        agreed_on = dt.date.fromisoformat(agreed_on)
    from ipt_journal import prompts
    from ipt_journal.questions import START

    messages.note(START["formulation_intro"])
    text = prompts.text(START["formulation"], default=current or "").strip() or None
    if text is None:
        return None, None
    if text == current and agreed_on:
        return text, agreed_on
    return text, dt.date.today() if prompts.confirm(START["formulation_agree"], default=True) else None


def review_wizard() -> tuple[dict, bool]:
    from ipt_journal import prompts
    from ipt_journal.clinical.vocab import REVIEW_ANSWERS
    from ipt_journal.questions import REVIEW

    answers = {key: prompts.text(REVIEW[key]).strip() or None for key in REVIEW_ANSWERS}
    to_plan = bool(answers["warning_signs"] or answers["relapse_plan"]) and prompts.confirm(
        REVIEW["to_safety_plan"], default=True
    )
    return answers, to_plan
