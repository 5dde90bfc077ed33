"""Between sessions: coping, own strategies, homework, exercises, life events, therapy
sessions and things to bring."""

import datetime as dt
from typing import Annotated, Literal

from pydantic import Field, ValidationInfo, model_validator

from ipt_journal.clinical.vocab import EventKind
from ipt_journal.models.base import RULES, Model, Text, noted_at_import

STRATEGY_KEY = r"^[a-z0-9]+(-[a-z0-9]+)*$"


class CopingIn(Model):
    """One use of a coping strategy, and how much it helped."""

    # Built-in or your own: `ipt cope log` checks which exist (your own are in the journal).
    strategy: Annotated[str, Field(pattern=STRATEGY_KEY, max_length=40)]
    day: dt.date
    helpful: Annotated[int, Field(ge=1, le=5, strict=True)] | None = None
    note: Text | None = None


class StrategyIn(Model):
    """A coping strategy of your own."""

    key: Annotated[str, Field(pattern=STRATEGY_KEY, max_length=40)]
    name: Annotated[str, Field(min_length=1, max_length=80)]
    how: Text | None = None


class HomeworkIn(Model):
    """Something to try before the next session."""

    text: Annotated[str, Field(min_length=1, max_length=5000)]
    due: dt.date | None = None
    person: str | None = None
    exercise_id: int | None = None


class HomeworkDoneIn(Model):
    outcome: Text | None = None
    helpful: Annotated[int, Field(ge=1, le=5, strict=True)] | None = None


class ExerciseIn(Model):
    """A finished exercise: its kind, answers, the person it is about, and mood around it."""

    kind: str
    day: dt.date
    person: str | None = None
    mood_before: Annotated[int, Field(ge=0, le=10, strict=True)] | None = None
    mood_after: Annotated[int, Field(ge=0, le=10, strict=True)] | None = None
    answers: dict[str, Text | list[Text]]

    @model_validator(mode="after")
    def _answers_fit_the_exercise(self):
        from ipt_journal.clinical.exercises import CATALOGUE

        exercise = CATALOGUE.get(self.kind)
        if exercise is None:
            raise ValueError(f"There is no exercise {self.kind!r}; see them with: ipt exercise list")
        for key, value in self.answers.items():
            field = exercise.field(key)
            if field is None:
                keys = ", ".join(f.key for f in exercise.fields)
                raise ValueError(f"{exercise.name} has no question {key!r}; its questions are: {keys}.")
            if field.kind in ("list", "checks") and isinstance(value, str):
                self.answers[key] = [value]
            if field.kind == "scale" and not (
                isinstance(value, str) and value.isascii() and value.isdigit() and int(value) <= 10
            ):
                raise ValueError(f"{key} must be a whole number from 0 to 10, got {value!r}.")
        missing = exercise.missing(self.answers)
        if missing:
            raise ValueError(f"{exercise.name} still needs: {', '.join(missing)}.")
        return self


class LifeEventIn(Model):
    """A life event on the interpersonal timeline: when (a day, or only a month), what kind,
    the people involved (names from the inventory) and a note."""

    day: dt.date
    approximate: bool = False  # only the month is known; `day` is then its 1st
    kind: EventKind
    people: list[Annotated[str, Field(min_length=1, max_length=100)]] = []
    note: Text | None = None

    @model_validator(mode="after")
    def _month_and_past(self, info: ValidationInfo):
        if self.approximate:
            self.day = self.day.replace(day=1)
        if self.day > dt.date.today() and not noted_at_import(
            info, f"day {self.day.isoformat()} is in the future"
        ):
            when = self.day.strftime("%Y-%m") if self.approximate else self.day.isoformat()
            raise ValueError(f"The date {when} is in the future; record events once they have happened.")
        seen: set[str] = set()
        for name in self.people:
            if name.casefold() in seen:
                raise ValueError(f"{name} is listed twice; name each person once.")
            seen.add(name.casefold())
        self.note = self.note or None
        return self


class TherapySessionIn(Model):
    """A therapy session held: when, with whom (None: self-guided), what was worked on and agreed."""

    day: dt.date
    with_whom: Annotated[str, Field(min_length=1, max_length=100)] | None = None
    worked_on: Text | None = None
    agreed: Text | None = None


class BringIn(Model):
    """A question or topic to bring to the next session, and where it was noted."""

    text: Annotated[str, Field(min_length=1, max_length=5000)]
    added_on: dt.date
    source: Literal["note", "checkin", "exercise", "event", "session"] = "note"


RULES.update(
    with_whom="With whom must be 1 to 100 characters (leave it out for a self-guided session)",
    worked_on="What you worked on must be at most 5000 characters",
    agreed="What you agreed must be at most 5000 characters",
)
