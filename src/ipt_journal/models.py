"""Validation of everything before it is written: pydantic models for new records.

A model is built from flags, wizard answers or an edit merged onto a stored record;
the store writes only what passed through one of these. `explain` turns pydantic's
errors into the one sentence a person sees.
"""

import datetime as dt
import importlib
import os
import sys
import types
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from ipt_journal.errors import InputError
from ipt_journal.vocab import (
    MOOD_MAX,
    MOOD_MIN,
    QUALITY_MAX,
    QUALITY_MIN,
    Contact,
    DisputeStage,
    EventKind,
    ExpectationsMet,
    ProblemArea,
    Relationship,
    Status,
    signed,
)


def _without_pydantic_plugins() -> None:
    """Run pydantic with no plugins, answering its plugin lookup before it is made (the
    lookup comes with the first validation, not with the import).

    A pydantic plugin sees every value validated, so one installed for another program (an
    observability SDK, say) would see journal text. The environment variable makes pydantic
    load none; answering the lookup here also spares every command importing
    importlib.metadata just to find none (about 20 ms). Should pydantic ask its plugin loader
    for anything else, the real module answers.
    """
    os.environ["PYDANTIC_DISABLE_PLUGINS"] = "__all__"
    name = "pydantic.plugin._loader"
    if name in sys.modules:
        return
    loader = types.ModuleType(name)
    loader.get_plugins = tuple  # no plugins: an empty tuple

    def from_the_real_module(attribute: str):
        if attribute.startswith("__"):  # the import system asking what kind of module this is
            raise AttributeError(attribute)
        sys.modules.pop(name, None)
        return getattr(importlib.import_module(name), attribute)

    loader.__getattr__ = from_the_real_module
    sys.modules[name] = loader


_without_pydantic_plugins()

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
    "answers": (
        "Each answer must be 0 (not at all), 1 (several days), 2 (more than half the days) "
        "or 3 (nearly every day)"
    ),
    "rating": "A goal's progress must be a whole number from 0 to 10",
    "planned_weeks": "The planned length must be 8 to 20 weekly sessions",
    "focus_areas": f"Focal problem areas must be from: {_choices(ProblemArea)}",
    "step": "A safety plan step is a number from 1 to 6",
    "text": "The text must be 1 to 5000 characters",
    "helpful": "How much it helped must be a whole number from 1 (not at all) to 5 (a lot)",
    "mood_before": "Mood before must be a whole number from 0 (worst) to 10 (best)",
    "mood_after": "Mood after must be a whole number from 0 (worst) to 10 (best)",
    "kind": f"The kind of event must be one of: {_choices(EventKind)}",
}

PERSON_TEXT_FIELDS = (
    "satisfying",
    "unsatisfying",
    "their_expectations",
    "my_expectations",
    "together",
    "disagreements",
    "can_talk_about",
    "cannot_talk_about",
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
    # defer_build: a command pays only for the models it validates, not all of them at import.
    model_config = ConfigDict(str_strip_whitespace=True, extra="forbid", defer_build=True)

    @field_validator("*", mode="after")
    @classmethod
    def _no_control_characters(cls, value, info):
        from ipt_journal.safe_text import refuse_control_characters

        return refuse_control_characters(value, info.field_name)


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


class MeasureIn(Model):
    """One PHQ-9 or GAD-7: every item answer, in published order."""

    scale: Literal["phq9", "gad7"]
    day: dt.date
    answers: list[Annotated[int, Field(ge=0, le=3, strict=True)]]
    # The unscored question after the items: 0 not difficult at all .. 3 extremely difficult.
    difficulty: Annotated[int, Field(ge=0, le=3, strict=True)] | None = None

    @model_validator(mode="after")
    def _all_items_answered(self):
        from ipt_journal.scales import SCALES

        scale = SCALES[self.scale]
        if len(self.answers) != len(scale.items):
            raise ValueError(
                f"{scale.name} needs exactly {len(scale.items)} answers, got {len(self.answers)}."
            )
        if self.day > dt.date.today():
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
        from ipt_journal.exercises import CATALOGUE

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
    def _month_and_past(self):
        if self.approximate:
            self.day = self.day.replace(day=1)
        if self.day > dt.date.today():
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
