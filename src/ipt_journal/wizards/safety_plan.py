"""The safety plan's questions: its steps one at a time (`ipt safety-plan edit`), and the
questions that close it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ipt_journal.text import messages

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from ipt_journal.models import SafetyPlanItemIn
    from ipt_journal.store import Person, SafetyPlanItem

CLOSING_QUESTIONS = {
    "how_likely": "How likely are you to use this plan when you need it? (Enter to skip)",
    "in_the_way": "What might get in the way of using it, and how could you get round that? (Enter to skip)",
    "kept_where": "Where will you keep it, so you can find it in a hard moment? (Enter to skip)",
}


def safety_plan_wizard(
    plan: Sequence[SafetyPlanItem], people: Sequence[Person]
) -> tuple[list[SafetyPlanItemIn], dict[str, str | None]]:
    """What matters most and the six steps, one question at a time, showing what `plan`
    already holds and offering `people` (the living) for steps 3 and 4; then the closing
    questions. Returns the new entries, validated, and the closing answers; saves nothing."""
    from ipt_journal import prompts
    from ipt_journal.clinical.vocab import SAFETY_PLAN_WITH_CLINICIAN, SAFETY_STEPS, step_heading
    from ipt_journal.models import SafetyPlanItemIn, validate
    from ipt_journal.questions import SAFETY_PLAN

    items = []
    messages.note(SAFETY_PLAN_WITH_CLINICIAN)
    for step, title in SAFETY_STEPS.items():
        messages.note(f"\n{step_heading(step, title)}. {SAFETY_PLAN[step]}")
        for existing in plan:
            if existing.step == step:
                messages.note(
                    f"   already: {existing.person + ': ' if existing.person else ''}{existing.text or ''}"
                )
        if step in (3, 4) and people:
            chosen = prompts.checkbox(
                "Anyone from your inventory?",
                [(p.name, p.name) for p in people],
            )
            for name in chosen:
                contact = prompts.text(
                    f"What could you do with {name}? (Enter to skip)"
                    if step == 3  # people who distract; step 4 is whom to ask for help
                    else f"How best to reach {name}, and when? (Enter to skip)",
                    validate=_text_problem(step),
                )
                phone = prompts.text(
                    f"{name}'s phone number? (Enter to skip)", validate=_phone_problem
                ).strip()
                items.append(
                    validate(
                        SafetyPlanItemIn,
                        {
                            "step": step,
                            "person": name,
                            "text": contact.strip() or None,
                            "phone": phone or None,
                        },
                    )
                )
        while text := prompts.text("Add an entry (Enter to go on)", validate=_text_problem(step)).strip():
            items.append(validate(SafetyPlanItemIn, {"step": step, "text": text}))
    messages.note("\nTo close the plan.")
    return items, ask_closing()


def ask_closing() -> dict[str, str | None]:
    """The questions that close the plan (Enter skips each). What the closing model refuses
    (a control character, say) is said at the prompt and typed again: refused at the end,
    it would cost the person every step they had just written."""
    from ipt_journal import prompts

    return {
        key: prompts.text(question, validate=_closing_problem(key)).strip() or None
        for key, question in CLOSING_QUESTIONS.items()
    }


def _closing_problem(key: str) -> Callable[[str], bool | str]:
    def problem(typed: str) -> bool | str:
        from ipt_journal.errors import InputError
        from ipt_journal.models import ClosingIn, validate

        try:
            validate(ClosingIn, {key: typed.strip()})
        except InputError as error:
            return error.message
        return True

    return problem


def _text_problem(step: int) -> Callable[[str], bool | str]:
    """An entry's text checked where it is typed (a control character, a text too long), so
    a refusal never costs the steps written before it."""

    def problem(typed: str) -> bool | str:
        from ipt_journal.errors import InputError
        from ipt_journal.models import SafetyPlanItemIn, validate

        if not typed.strip():
            return True
        try:
            validate(SafetyPlanItemIn, {"step": step, "text": typed.strip()})
        except InputError as error:
            return error.message
        return True

    return problem


def _phone_problem(typed: str) -> bool | str:
    from ipt_journal.errors import InputError
    from ipt_journal.models import SafetyPlanItemIn, validate

    if not typed.strip():
        return True
    try:
        validate(SafetyPlanItemIn, {"step": 4, "text": "x", "phone": typed.strip()})
    except InputError:
        return "Digits, spaces and + ( ) - . / only."
    return True
