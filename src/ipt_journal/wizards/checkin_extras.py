"""What the check-in wizard asks after the check-in itself: the questionnaires when they
are due, progress on each open goal, and something to bring to the next session."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ipt_journal.wizards.measures import ask_scale

if TYPE_CHECKING:
    from ipt_journal.models import MeasureIn
    from ipt_journal.store import Journal


def due_measures_and_goals(
    journal: Journal,
    day: dt.date,
    answers: dict[str, Any],
    ratings: dict[int, int],
    save: Callable[[MeasureIn, str], None],
) -> dict[int, int]:
    """Offer the questionnaires when they are due, then ask progress on each open goal.

    Each questionnaire goes to `save` (with its name) as soon as it is answered: the command
    saves it and shows its result, and any crisis help, before the rest of the check-in.
    Returns the goal ratings, those given as flags (`ratings`) and those answered here."""
    from ipt_journal import prompts
    from ipt_journal.clinical.course import MEASURES_DUE_DAYS, measure_due
    from ipt_journal.clinical.scales import GAD7, PHQ9
    from ipt_journal.models import MeasureIn, validate
    from ipt_journal.questions import CHECKIN

    for scale in (PHQ9, GAD7):
        last = journal.measures.last_day(scale.key)
        if scale.key in answers or not measure_due(last, dt.date.today()):
            continue
        when = f"none since {last}" if last else "none yet"
        question = CHECKIN["measure"].format(name=scale.name, days=MEASURES_DUE_DAYS, when=when)
        if prompts.confirm(question, default=True):
            items, difficulty = ask_scale(scale)
            measure = validate(
                MeasureIn, {"scale": scale.key, "day": day, "answers": items, "difficulty": difficulty}
            )
            save(measure, scale.name)
    for goal in journal.goals.all("open"):
        if goal.id in ratings:
            continue
        answer = prompts.text(
            CHECKIN["goal"].format(text=goal.text),
            validate=lambda v: (
                not v.strip()
                or (v.strip().isascii() and v.strip().isdigit() and int(v) <= 10)
                or "0 to 10, or Enter."
            ),
        ).strip()
        if answer:
            ratings[goal.id] = int(answer)
    return ratings


def ask_bring() -> str:
    """Something to bring to the next session (Enter: nothing)."""
    from ipt_journal import prompts
    from ipt_journal.questions import THERAPY_SESSION

    return prompts.text(THERAPY_SESSION["checkin_bring"]).strip()
