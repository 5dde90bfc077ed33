"""The journal's own records: the inventory, check-ins, questionnaires, the course, its goals,
the safety plan and the review."""

import datetime as dt
from typing import Annotated, Literal

from pydantic import Field, ValidationInfo, field_validator, model_validator

from ipt_journal.clinical.vocab import (
    MOOD_MAX,
    MOOD_MIN,
    QUALITY_MAX,
    QUALITY_MIN,
    Contact,
    DisputeStage,
    ExpectationsMet,
    ProblemArea,
    Relationship,
    Status,
)
from ipt_journal.models.base import PERSON_TEXT_FIELDS, Model, Text, noted_at_import


class PersonIn(Model):
    """A person of the interpersonal inventory, as it will be stored."""

    name: Annotated[str, Field(min_length=1, max_length=100)]
    relationship: Relationship
    status: Status = Status.current
    closeness: Annotated[int, Field(ge=1, le=3, strict=True)] | None = None
    contact: Contact | None = None
    satisfying: Text | None = None
    unsatisfying: Text | None = None
    their_expectations: Text | None = None
    my_expectations: Text | None = None
    expectations_met: ExpectationsMet | None = None
    can_confide: bool | None = None
    together: Text | None = None
    disagreements: Text | None = None
    resolved: ExpectationsMet | None = None  # do disagreements get resolved: yes, partly, no
    can_talk_about: Text | None = None
    cannot_talk_about: Text | None = None
    change: Text | None = None
    problem_area: ProblemArea | None = None
    dispute_stage: DisputeStage | None = None
    notes: Text | None = None

    @field_validator(*PERSON_TEXT_FIELDS, mode="after")
    @classmethod
    def _blank_is_none(cls, value: str | None) -> str | None:
        return value or None

    @model_validator(mode="after")
    def _stage_needs_dispute(self):
        if self.dispute_stage and self.problem_area != ProblemArea.role_dispute:
            raise ValueError("A dispute stage only applies when the problem area is role-dispute.")
        return self


class InteractionIn(Model):
    """Time spent with one person in a check-in's week, and how it went."""

    name: Annotated[str, Field(min_length=1, max_length=100)]
    # None only where nobody said (imported), kept when such a check-in is edited: flags
    # and the wizard always give a number.
    quality: Annotated[int | None, Field(ge=QUALITY_MIN, le=QUALITY_MAX, strict=True)]


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
    def _each_person_once(self):
        first_spelling: dict[str, str] = {}
        for interaction in self.people:
            key = interaction.name.casefold()
            if key in first_spelling:
                raise ValueError(f"{first_spelling[key]} is listed twice; name each person once.")
            first_spelling[key] = interaction.name
        return self


class MeasureIn(Model):
    """One PHQ-9 or GAD-7: every item answer, in published order."""

    scale: Literal["phq9", "gad7"]
    day: dt.date
    answers: list[Annotated[int, Field(ge=0, le=3, strict=True)]]
    # The unscored question after the items: 0 not difficult at all .. 3 extremely difficult.
    difficulty: Annotated[int, Field(ge=0, le=3, strict=True)] | None = None

    @model_validator(mode="after")
    def _all_items_answered(self, info: ValidationInfo):
        from ipt_journal.clinical.scales import SCALES

        scale = SCALES[self.scale]
        if len(self.answers) != len(scale.items):
            raise ValueError(
                f"{scale.name} needs exactly {len(scale.items)} answers, got {len(self.answers)}."
            )
        if self.day > dt.date.today() and not noted_at_import(
            info, f"day {self.day.isoformat()} is in the future"
        ):
            raise ValueError(
                f"The date {self.day.isoformat()} is in the future; pick today or an earlier day."
            )
        return self

    @property
    def total(self) -> int:
        return sum(self.answers)


class GoalRatingIn(Model):
    goal_id: int
    rating: Annotated[int, Field(ge=0, le=10, strict=True)]


class CourseIn(Model):
    """The course agreed at the start: when, how long, and what it works on."""

    started_on: dt.date
    planned_weeks: Annotated[int, Field(ge=8, le=20, strict=True)] = 12
    background: Text | None = None
    reason: Text | None = None
    with_therapist: bool | None = None
    focus_areas: list[ProblemArea] = []
    dispute_person: str | None = None
    dispute_stage: DisputeStage | None = None
    formulation: Text | None = None
    formulation_agreed_on: dt.date | None = None

    @model_validator(mode="after")
    def _focus(self):
        if ProblemArea.none in self.focus_areas:
            self.focus_areas = [area for area in self.focus_areas if area != ProblemArea.none]
        if len(self.focus_areas) > 2:
            raise ValueError("Choose one focal problem area, or at most two.")
        if len(set(self.focus_areas)) != len(self.focus_areas):
            raise ValueError("Each focal problem area can be chosen once.")
        if (self.dispute_person or self.dispute_stage) and ProblemArea.role_dispute not in self.focus_areas:
            raise ValueError("A dispute person or stage only applies when role-dispute is a focal area.")
        return self


class GoalIn(Model):
    text: Annotated[str, Field(min_length=1, max_length=5000)]


SAFETY_STEPS = (0, 1, 2, 3, 4, 5, 6)  # 0: what matters most, the reasons for living


class SafetyPlanItemIn(Model):
    """One line of the safety plan; steps 3 and 4 may name a person of the inventory."""

    step: Annotated[int, Field(ge=0, le=6, strict=True)]
    text: Text | None = None
    person: str | None = None

    @model_validator(mode="after")
    def _text_or_person(self):
        if not self.text and not self.person:
            raise ValueError("A safety plan entry needs some text or a person.")
        if self.person and self.step not in (3, 4):
            raise ValueError("People from your inventory go in step 3 (distraction) or step 4 (help).")
        return self


class ReviewIn(Model):
    """The end-of-course review."""

    day: dt.date
    what_changed: Text | None = None
    what_helped: Text | None = None
    warning_signs: Text | None = None
    keep_practising: Text | None = None
    relapse_plan: Text | None = None
    feelings_about_ending: Text | None = None
