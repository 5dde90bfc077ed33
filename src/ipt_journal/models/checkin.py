"""What a check-in saves: the check-in, the time with each person, questionnaires, goal
ratings (apart from the rest, so a check-in loads only its own models)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal, Self

from pydantic import Field, ValidationInfo, field_validator, model_validator

from ipt_journal.clinical.vocab import MOOD_MAX, MOOD_MIN, QUALITY_MAX, QUALITY_MIN
from ipt_journal.models.base import Model, Text, noted_at_import

WHAT_HAPPENED_MAX = 200  # one line: a longer story belongs in the note or an exercise


class InteractionIn(Model):
    """Time spent with one person in a check-in's week, and how it went."""

    name: Annotated[str, Field(min_length=1, max_length=100)]
    # None only where nobody said (imported), kept when such a check-in is edited: flags
    # and the wizard always give a number.
    quality: Annotated[int | None, Field(ge=QUALITY_MIN, le=QUALITY_MAX, strict=True)]
    # One line on what happened with them (an interpersonal incident). None: nothing said
    # (an edit keeps what was there); "": remove it.
    what_happened: Annotated[str, Field(max_length=WHAT_HAPPENED_MAX)] | None = None


class CheckinIn(Model):
    """One check-in: a day, a mood, the people seen, a note and tags."""

    day: dt.date
    mood: Annotated[int, Field(ge=MOOD_MIN, le=MOOD_MAX, strict=True)]
    people: list[InteractionIn] = []
    note: Text | None = None
    tags: list[Annotated[str, Field(min_length=1, max_length=40)]] = []

    @field_validator("day")
    @classmethod
    def _not_in_future(cls, value: dt.date, info: ValidationInfo) -> dt.date:
        if value > dt.date.today() and not noted_at_import(info, f"day {value.isoformat()} is in the future"):
            raise ValueError(
                f"The date {value.isoformat()} is in the future; "
                "a check-in can be for today or an earlier day."
            )
        return value

    @field_validator("note", mode="after")
    @classmethod
    def _blank_note_is_none(cls, value: str | None) -> str | None:
        return value or None

    @field_validator("tags", mode="after")
    @classmethod
    def _tags_lower_and_unique(cls, tags: list[str]) -> list[str]:
        return list(dict.fromkeys(tag.lower() for tag in tags))

    @model_validator(mode="after")
    def _each_person_once(self) -> Self:
        first_spelling: dict[str, str] = {}
        for interaction in self.people:
            key = interaction.name.casefold()
            if key in first_spelling:
                raise ValueError(f"{first_spelling[key]} is listed twice; name each person once.")
            first_spelling[key] = interaction.name
        return self


class MeasureIn(Model):
    """One PHQ-9, GAD-7 or WSAS: every item answer, in published order (None only for the
    WSAS work item, not applicable)."""

    scale: Literal["phq9", "gad7", "wsas"]
    day: dt.date
    answers: list[Annotated[int, Field(ge=0, le=8, strict=True)] | None]
    # The unscored question after the PHQ-9 and GAD-7 items: 0 not difficult at all .. 3 extremely.
    difficulty: Annotated[int, Field(ge=0, le=3, strict=True)] | None = None

    @model_validator(mode="after")
    def _all_items_answered(self, info: ValidationInfo) -> Self:
        from ipt_journal.clinical.scales import SCALES

        scale = SCALES[self.scale]
        if len(self.answers) != len(scale.items):
            raise ValueError(
                f"{scale.name} needs exactly {len(scale.items)} answers, got {len(self.answers)}."
            )
        for number, answer in enumerate(self.answers, start=1):
            if answer is None and number != scale.optional_item:
                raise ValueError(f"{scale.name} answer {number} is missing; every item needs an answer.")
            if answer is not None and answer > scale.top_answer:
                raise ValueError(
                    f"{scale.name} answers go from 0 to {scale.top_answer}; answer {number} is {answer}."
                )
        if self.difficulty is not None and not scale.asks_difficulty:
            raise ValueError(f"The {scale.name} has no difficulty question.")
        if self.day > dt.date.today() and not noted_at_import(
            info, f"day {self.day.isoformat()} is in the future"
        ):
            raise ValueError(
                f"The date {self.day.isoformat()} is in the future; pick today or an earlier day."
            )
        return self

    @property
    def total(self) -> int:
        from ipt_journal.clinical.scales import SCALES

        return SCALES[self.scale].total(self.answers)


class GoalRatingIn(Model):
    goal_id: int
    rating: Annotated[int, Field(ge=0, le=10, strict=True)]
