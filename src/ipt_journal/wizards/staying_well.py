"""The staying-well plan's questions (`ipt staying-well edit`), and which of its parts also go
into the safety plan (asked there and by `ipt review`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ipt_journal.text import messages

if TYPE_CHECKING:
    from ipt_journal.store.staying_well import StayingWellPlan


def staying_well_wizard(plan: StayingWellPlan) -> dict[str, Any]:
    """Each part, showing what `plan` holds now (Enter keeps it)."""
    from ipt_journal import prompts
    from ipt_journal.questions import STAYING_WELL

    messages.note("Your staying-well plan. Enter keeps what is there.")
    answers: dict = {}
    for part, question in STAYING_WELL.items():
        current = plan.parts()[part]
        if current:
            messages.note(f"   now: {current}")
        answers[part] = prompts.text(question).strip() or None
    return answers


def ask_moves(answers: dict) -> tuple[str, ...]:
    """Ask, part by part and defaulting to No, which parts also go into the safety plan."""
    from ipt_journal import prompts
    from ipt_journal.clinical.vocab import SAFETY_STEPS, STAYING_WELL
    from ipt_journal.questions import TO_CRISIS_PLAN

    chosen = []
    for part, (label, step) in STAYING_WELL.items():
        text = answers.get(part)
        if not text:
            continue
        short = text if len(text) <= 50 else text[:47] + "..."
        title = SAFETY_STEPS[step]  # "Things I can do...": only its first letter lowered, never "I"
        question = TO_CRISIS_PLAN.format(
            label=label[0].lower() + label[1:], text=short, step=step, title=title[0].lower() + title[1:]
        )
        if prompts.confirm(question, default=False):
            chosen.append(part)
    return tuple(chosen)
