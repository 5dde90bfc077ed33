"""The check-in wizard: mood, who you saw and how it went, a note and tags; and the
questions on homework that is due."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from ipt_journal.wizards.people import name_problem

if TYPE_CHECKING:
    from ipt_journal.models import HomeworkClosing, PersonIn
    from ipt_journal.store import Journal


NEWCOMER = "\0newcomer"  # the checkbox entry that adds someone new; never a real name


def checkin_wizard(
    journal: Journal, defaults: dict[str, Any], given: dict[str, Any], allow_newcomers: bool = True
) -> tuple[dict[str, Any], list[PersonIn]]:
    """Ask for what was not given as flags. Returns the fields and any newcomers to add."""
    from ipt_journal import prompts
    from ipt_journal.models import PersonIn, validate
    from ipt_journal.questions import CHECKIN, NEWCOMER_QUESTIONS, QUALITY_CHOICES
    from ipt_journal.text.dates import parse_day

    fields = {**defaults, **given}
    if "day" not in given:
        fields["day"] = prompts.day(CHECKIN["day"], parse_day, default=str(fields["day"]))
    mood_default = "" if fields.get("mood") is None else str(fields["mood"])
    fields["mood"] = int(prompts.text(CHECKIN["mood"], default=mood_default, validate=_mood_problem))

    newcomers: list[PersonIn] = []
    if "people" not in given:
        people = journal.people.all(living=True)
        earlier = {p["name"].casefold(): p["quality"] for p in fields.get("people", [])}
        choices = [(f"{p.name} ({p.relationship.replace('-', ' ')})", p.name) for p in people]
        if allow_newcomers:
            choices.append((CHECKIN["newcomer"], NEWCOMER))
        chosen = (
            prompts.checkbox(
                CHECKIN["people"], choices, checked=[p.name for p in people if p.name.casefold() in earlier]
            )
            if choices
            else []
        )
        if choices and not chosen:
            from ipt_journal.text import messages

            messages.note(CHECKIN["no_one"])
        wants_newcomer = NEWCOMER in chosen
        names = [name for name in chosen if name != NEWCOMER]
        taken = {p.name.casefold() for p in people}
        while wants_newcomer:
            answers: dict = {}
            for question in NEWCOMER_QUESTIONS:
                if question.field == "name":
                    answers["name"] = prompts.text(
                        question.message, validate=lambda v: name_problem(v, taken) or True
                    ).strip()
                else:
                    answers[question.field] = prompts.ask(question)
            newcomers.append(validate(PersonIn, answers))
            taken.add(answers["name"].casefold())
            names.append(answers["name"])
            wants_newcomer = prompts.confirm(CHECKIN["more_newcomers"], default=False)
        words = {p["name"].casefold(): p.get("what_happened") or "" for p in fields.get("people", [])}
        fields["people"] = []
        for name in names:
            quality = prompts.select(
                CHECKIN["quality"].format(name=name),
                QUALITY_CHOICES,
                default=0 if earlier.get(name.casefold()) is None else earlier[name.casefold()],
            )
            # Right after how it went, while the moment is in mind: one line, or Enter for none.
            happened = prompts.text(
                CHECKIN["what_happened"].format(name=name),
                default=words.get(name.casefold(), ""),
                validate=_what_happened_problem,
            ).strip()
            fields["people"].append({"name": name, "quality": quality, "what_happened": happened})
    if "note" not in given:
        fields["note"] = prompts.text(CHECKIN["note"], default=fields.get("note") or "")
        while fields["note"].strip().lower() == "e":  # the wizard's way to the editor
            from ipt_journal.editor import EditCancelled, edit_text
            from ipt_journal.text import messages

            try:
                fields["note"] = edit_text(journal.path, defaults.get("note"))
            except EditCancelled:  # an empty note loses no words: the check-in goes on
                messages.note("The editor left the note empty: type one, e for the editor again, or Enter.")
                fields["note"] = prompts.text(CHECKIN["note"], default="")
    if "tags" not in given:
        tags = prompts.text(CHECKIN["tags"], default=", ".join(fields.get("tags", [])))
        fields["tags"] = [t.strip() for t in tags.split(",") if t.strip()]
    return fields, newcomers


def due_homework(journal: Journal, day: dt.date) -> list[HomeworkClosing]:
    """The check-in wizard's questions on homework that is due: did you try it, how did it go?
    Returns (id, 'done' or 'skipped', result) for the check-in to save with itself."""
    from ipt_journal import prompts
    from ipt_journal.clinical.vocab import HELPFUL_CHOICES
    from ipt_journal.models import HomeworkDoneIn, validate
    from ipt_journal.questions import HOMEWORK

    closing: list[HomeworkClosing] = []
    for item in journal.homework.all():
        if not item.due_by(day):
            continue
        answer = prompts.select(HOMEWORK["tried"].format(text=item.text, due=item.due), HOMEWORK["answers"])
        if answer == "done":
            outcome = prompts.text(HOMEWORK["outcome"]).strip() or None
            helpful = prompts.select(HOMEWORK["helpful"], HELPFUL_CHOICES, optional=True)
            closing.append(
                (item.id, "done", validate(HomeworkDoneIn, {"outcome": outcome, "helpful": helpful}))
            )
        elif answer == "skipped":
            closing.append((item.id, "skipped", None))
    return closing


def _mood_problem(text: str) -> bool | str:
    if text.strip().isascii() and text.strip().isdigit() and 0 <= int(text) <= 10:
        return True
    return "Type a whole number from 0 (worst) to 10 (best)."


def _what_happened_problem(text: str) -> bool | str:
    from ipt_journal.models.checkin import WHAT_HAPPENED_MAX

    if len(text.strip()) > WHAT_HAPPENED_MAX:
        return f"One line of at most {WHAT_HAPPENED_MAX} characters, please (the note can hold more)."
    return True


def save_without_note() -> bool:
    """After an editor closed on an empty note: the mood is the check-in, so keep it?"""
    from ipt_journal import prompts

    return prompts.confirm("The note is empty. Save the check-in without a note?", default=True)


def remove_note(checkin_id: int) -> bool:
    """An edit emptied a written note: remove it (No keeps it)?"""
    from ipt_journal import prompts

    return prompts.confirm(f"The note is empty. Remove the note of check-in #{checkin_id}?", default=False)
