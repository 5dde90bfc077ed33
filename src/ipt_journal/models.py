"""Validation of everything before it is written: pydantic models for new records.

A model is built from flags, wizard answers or an edit merged onto a stored record;
the store writes only what passed through one of these. `explain` turns pydantic's
errors into the one sentence a person sees.
"""

import datetime as dt
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from ipt_journal.errors import InputError
from ipt_journal.vocab import (
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
    signed,
)

Text = Annotated[str, Field(max_length=5000)]


def _choices(enum) -> str:
    return ", ".join(member.value for member in enum)


# What each field allows, in words; used when pydantic's own message would be cryptic.
RULES = {
    "name": "Name must be 1 to 100 characters",
    "relationship": f"Relationship must be one of: {_choices(Relationship)}",
    "status": f"Status must be one of: {_choices(Status)}",
    "closeness": "Closeness must be 1 (inner circle), 2 (middle ring) or 3 (outer ring)",
    "contact": f"Contact must be one of: {_choices(Contact)}",
    "expectations_met": f"Expectations met must be one of: {_choices(ExpectationsMet)}",
    "problem_area": f"Problem area must be one of: {_choices(ProblemArea)}",
    "dispute_stage": f"Dispute stage must be one of: {_choices(DisputeStage)}",
    "can_confide": "Can confide must be yes or no",
    "mood": f"Mood must be a whole number from {MOOD_MIN} (worst) to {MOOD_MAX} (best)",
    "quality": (
        f"How it went must be a whole number from {QUALITY_MIN} (very badly) to +{QUALITY_MAX} (very well)"
    ),
    "day": "The date must be a real day written YYYY-MM-DD",
    "tags": "Tags must be 1 to 40 characters each",
}

PERSON_TEXT_FIELDS = (
    "satisfying",
    "unsatisfying",
    "their_expectations",
    "my_expectations",
    "change",
    "notes",
)
TEXT_FIELDS = (*PERSON_TEXT_FIELDS, "note")
RULES.update(
    {
        field: f"{field.replace('_', ' ').capitalize()} must be at most 5000 characters"
        for field in TEXT_FIELDS
    }
)
ECHO_LIMIT = 40  # longer values are not repeated back in an error


class Model(BaseModel):
    model_config = ConfigDict(str_strip_whitespace=True, extra="forbid", use_enum_values=False)


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
    quality: Annotated[int, Field(ge=QUALITY_MIN, le=QUALITY_MAX, strict=True)]


class CheckinIn(Model):
    """One check-in: a day, a mood, the people seen, a note and tags."""

    day: dt.date
    mood: Annotated[int, Field(ge=MOOD_MIN, le=MOOD_MAX, strict=True)]
    people: list[InteractionIn] = []
    note: Text | None = None
    tags: list[Annotated[str, Field(min_length=1, max_length=40)]] = []

    @field_validator("day")
    @classmethod
    def _not_in_future(cls, value: dt.date) -> dt.date:
        if value > dt.date.today():
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


def validate(model: type[Model], data: dict) -> Model:
    """Build `model` from `data` or raise the InputError a person should see."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise InputError(explain(exc, data)) from None


def explain(exc: ValidationError, data: dict) -> str:
    """The first problem in `exc` as one sentence naming the field and what is allowed."""
    error = exc.errors(include_url=False)[0]
    if error["type"] == "value_error":  # our own validators already speak in sentences
        return str(error["ctx"]["error"])
    names = [part for part in error["loc"] if isinstance(part, str)]
    field = names[-1] if names else ""
    rule = RULES.get(field, f"{_words(field) or 'A value'} is not valid")
    if field == "quality" and error["loc"][0] == "people":
        person = data["people"][error["loc"][1]]
        if isinstance(person, dict) and person.get("name"):
            rule = rule.replace("How it went", f"How it went with {person['name']}")
    got = error.get("input")
    if isinstance(got, bool) or not isinstance(got, (int, str)) or len(str(got)) > ECHO_LIMIT:
        return f"{rule}."
    if isinstance(got, str):
        return f"{rule}, got {got!r}."
    return f"{rule}, got {signed(got) if field == 'quality' else got}."


def _words(field: str) -> str:
    return field.replace("_", " ").capitalize()
