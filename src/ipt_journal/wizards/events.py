"""The questions for a life event (`ipt event add|edit`, and the events around low mood
that `ipt start` asks about)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ipt_journal.clinical.vocab import EventKind

if TYPE_CHECKING:
    from ipt_journal.store import Journal


def ask_event(
    journal: Journal, fields: dict, ask_people: bool, ask_note: bool, editing: bool = False
) -> dict:
    """The event wizard: asks for what `fields` lacks (or, editing, everything, prefilled)."""
    from ipt_journal import prompts
    from ipt_journal.insight.life_events import parse_when
    from ipt_journal.questions import EVENT

    answers = dict(fields)
    if editing or "day" not in answers:
        default = ""
        if "day" in answers:
            default = answers["day"][:7] if answers.get("approximate") else str(answers["day"])
        answers["day"], answers["approximate"] = prompts.day(
            EVENT["day"], lambda typed: parse_when(typed, "The date"), default
        )
    if editing or "kind" not in answers:
        answers["kind"] = prompts.select(
            EVENT["kind"], [(kind.label, kind.value) for kind in EventKind], default=answers.get("kind")
        )
    people = [p.name for p in journal.people.all()]
    if ask_people and people:
        answers["people"] = prompts.checkbox(
            EVENT["people"], [(name, name) for name in people], checked=answers.get("people") or []
        )
    if ask_note:
        answers["note"] = prompts.text(EVENT["note"], default=answers.get("note") or "").strip() or None
    return answers
