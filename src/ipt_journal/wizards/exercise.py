"""A guided exercise, field by field, as the catalogue describes it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ipt_journal.text import messages

if TYPE_CHECKING:
    from ipt_journal.clinical.exercises import Exercise
    from ipt_journal.store import Journal


def guided(journal: Journal, exercise: Exercise, fields: dict[str, Any]) -> dict[str, Any]:
    """Ask what the flags did not give, one question at a time."""
    from ipt_journal import prompts
    from ipt_journal.clinical.exercises import REMEMBERING, compose_i_statement

    stop = (
        "Ctrl-C stops and keeps a draft." if exercise.key in REMEMBERING else "Ctrl-C stops without saving."
    )
    messages.note(f"{exercise.name}. {exercise.purpose} {stop}")
    _given(exercise, fields)

    def mood(label: str) -> int | None:
        value = prompts.text(
            f"Your mood {label}, 0 (worst) to 10 (best)? (Enter to skip)",
            validate=lambda v: (
                not v.strip() or (v.strip().isascii() and v.strip().isdigit() and int(v) <= 10) or "0 to 10."
            ),
        )
        return int(value) if value.strip() else None

    if fields["mood_before"] is None:
        fields["mood_before"] = mood("now")
    if fields["person"] is None:
        # Someone who has died is offered only for the grief exercise.
        people = [(p.name, p.name) for p in journal.people.all(living=exercise.key != "grief")]
        if people:
            fields["person"] = prompts.select("Who is it about?", people, optional=True)
    answers = fields["answers"]
    for field in exercise.fields:
        if field.key in answers or not exercise.applies(field, answers):
            continue
        skip = " (Enter to skip)" if field.optional else ""
        if field.kind == "list":
            lines: list[str] = []
            while line := prompts.text(
                f"{field.prompt}{' (Enter when done)' if lines or field.optional else ''}"
            ).strip():
                lines.append(line)
            if lines:
                answers[field.key] = lines
        elif field.kind == "choice":
            recorded = _recorded_stage(journal, fields["person"]) if field.key == "stage" else None
            picked = prompts.select(
                field.prompt,
                [(c, c) for c in field.choices] + [("something else...", "")],
                default=recorded if recorded in field.choices else None,
            )
            answers[field.key] = picked or prompts.text(field.prompt).strip()
        elif field.kind == "checks":
            ticked = prompts.checkbox(field.prompt, [(c, c) for c in field.choices])
            if ticked:
                answers[field.key] = ticked
        else:
            default = compose_i_statement(answers) if field.key == "statement" else ""
            needed = (lambda v: bool(v.strip()) or "This one is needed.") if not field.optional else None
            text = prompts.text(field.prompt + skip, default=default, validate=needed).strip()
            if text:
                answers[field.key] = text
    if fields["mood_after"] is None:
        fields["mood_after"] = mood("after the exercise")
    return fields


def _given(exercise: Exercise, fields: dict[str, Any]) -> None:
    """What the flags (or an incident, --from-incident) already answered, shown before the
    questions, so the person answers the rest with it in view: a communication analysis
    started from what happened with Sam shows whom, the day and the words it carries."""
    answers = fields["answers"]
    given = [(field, answers[field.key]) for field in exercise.fields if field.key in answers]
    if not (given or fields["person"]):
        return
    messages.note("Given already:" if given else f"About {fields['person']}.")
    if given and fields["person"]:
        messages.note(f"About: {fields['person']}", indent="  ")
    for field, value in given:
        shown = "; ".join(value) if isinstance(value, list) else str(value)
        messages.note(field.prompt, indent="  ")
        messages.note(shown, indent="    ")


def _recorded_stage(journal: Journal, name: str | None) -> str | None:
    """The dispute's stage as already recorded: the person's own, else the course's when
    the course's dispute is with them (or names no one)."""
    if name:
        stage = journal.people.named(name).dispute_stage
        if stage:
            return stage
    course = journal.course.current()
    same_person = not name or not course or (course.dispute_person or name).casefold() == name.casefold()
    if course and course.dispute_stage and same_person:
        return course.dispute_stage
    return None


def plan_as_homework(due_in_days: int) -> bool:
    from ipt_journal import prompts

    return prompts.confirm(f"Turn your plan into homework, due in {due_in_days} days?", default=True)


def continue_draft(about: str | None, stopped_on: str) -> bool:
    """Whether to pick up the draft a stopped grief exercise kept (`about` whom, if anyone)."""
    from ipt_journal import prompts

    whom = f" about {about}" if about else ""
    return prompts.confirm(f"Continue the draft{whom} you stopped on {stopped_on}?", default=True)


def homework_with(living: list[str]) -> str | None:
    """Whom the grief exercise's homework is with: anyone living, or no one (Enter)."""
    from ipt_journal import prompts

    return prompts.select(
        "Who is this homework with? (Enter: no one)", [(n, n) for n in living], optional=True
    )
