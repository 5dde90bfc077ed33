"""Care in the exercises for someone who has died: whom `--with` may name, the grief
exercise's content note and draft, and whom its homework is with (never the person who died)."""

from typing import TYPE_CHECKING

from ipt_journal.text import messages

if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

    from ipt_journal.cli.context import Session
    from ipt_journal.clinical.exercises import Exercise
    from ipt_journal.store import Journal

DRAFT_KEPT = "What you wrote is kept as a draft: ipt exercise start {kind} picks it up."


def check_with(journal: "Journal", kind: str, name: str) -> None:
    """Refuse before any question: an unknown name, or someone who died for any exercise
    but grief (the role dispute's own words: never the other side of a dispute)."""
    from ipt_journal.clinical.exercises import REMEMBERING, refusal_for

    if kind in REMEMBERING:
        journal.people.named(name)
    else:
        journal.people.living_named(name, refusal_for(kind))


def before_questions(journal: "Journal", exercise: "Exercise", fields: "dict[str, Any]") -> bool:
    """The content note, and the offer to continue a draft (merged into `fields`). True when
    the draft was taken up, so saving the exercise discards it."""
    from ipt_journal.clinical.exercises import CONTENT_NOTES
    from ipt_journal.wizards.exercise import continue_draft

    if exercise.key in CONTENT_NOTES:
        messages.note(CONTENT_NOTES[exercise.key])
    draft = journal.drafts.get(exercise.key)
    if draft is None:
        return False
    if not continue_draft(draft.person, draft.updated_at[:10]):
        messages.note("Your draft stays as it is; this one starts afresh.")
        return False
    fields["answers"] = {**draft.answers, **fields["answers"]}
    if fields["person"] is None:
        fields["person"] = draft.person
    return True


def guided(
    state: "Session",
    journal: "Journal",
    exercise: "Exercise",
    fields: "dict[str, Any]",
    ask: "Callable[[Journal, Exercise, dict[str, Any]], dict[str, Any]]",
) -> "dict[str, Any]":
    """`ask(journal, exercise, fields)`; when the grief exercise is stopped with Ctrl-C,
    what was written so far is kept as its draft."""
    from ipt_journal.clinical.exercises import REMEMBERING

    try:
        return ask(journal, exercise, fields)
    except KeyboardInterrupt:
        if exercise.key in REMEMBERING and fields["answers"]:
            journal.drafts.keep(exercise.key, fields["person"], fields["answers"])
            state.cancel_note = DRAFT_KEPT.format(kind=exercise.key)
        raise


def homework_person(
    journal: "Journal", exercise: "Exercise", done_person: str | None, given: str | None, asking: bool
) -> str | None:
    """Whom the homework is with: `--homework-with`, else for most exercises the person it
    was about; for grief never the person who died: ask (anyone living, or no one)."""
    from ipt_journal.clinical.exercises import REMEMBERING

    if given:
        return journal.people.living_named(given, "with").name
    if exercise.key not in REMEMBERING:
        return done_person
    if not asking:
        return None
    from ipt_journal.wizards.exercise import homework_with

    people = [p.name for p in journal.people.all(living=True)]
    return homework_with(people) if people else None
