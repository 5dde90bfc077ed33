"""The inventory wizard: one person, field by field, as in the interpersonal inventory."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ipt_journal.store import Journal


def person_wizard(fields: dict, asked_for_new: bool, journal: Journal) -> dict:
    """Ask for each field not already given; `fields` are the defaults when editing."""
    from ipt_journal import prompts
    from ipt_journal.questions import PERSON_QUESTIONS

    answers = dict(fields)
    taken = {p.name.casefold() for p in journal.people.all()} - {str(fields.get("name", "")).casefold()}
    for question in PERSON_QUESTIONS:
        if asked_for_new and question.field in fields:
            continue
        if question.when and not question.when(answers):
            # Cleared unless another wording of the same field applies (for someone who died).
            if not any(
                q.field == question.field and (not q.when or q.when(answers)) for q in PERSON_QUESTIONS
            ):
                answers[question.field] = None
            continue
        if question.field == "name":
            answers["name"] = prompts.text(
                question.message,
                default=answers.get("name") or "",
                validate=lambda value: name_problem(value, taken) or True,
            ).strip()
        else:
            answers[question.field] = prompts.ask(question, default=answers.get(question.field))
    return answers


def name_problem(name: str, taken: set[str]) -> str | None:
    """What is wrong with a new person's name typed at a prompt, if anything."""
    if not name.strip():
        return "A name is needed (a nickname is fine)."
    if name.strip().casefold() in taken:
        return "Someone in your inventory already has this name; add something to tell them apart."
    return None
