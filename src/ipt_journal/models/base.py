"""What every record's validation shares: no pydantic plugin ever sees a record, the base
`Model`, the rules in words, and `validate`, which turns pydantic's complaint into the one
sentence a person sees."""

import datetime as dt
from typing import Annotated, Any, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError, ValidationInfo, field_validator

from ipt_journal.clinical.vocab import (
    MOOD_MAX,
    MOOD_MIN,
    QUALITY_MAX,
    QUALITY_MIN,
    Choice,
    Contact,
    DisputeStage,
    EventKind,
    ExpectationsMet,
    ProblemArea,
    Relationship,
    Status,
    signed,
)
from ipt_journal.errors import InputError
from ipt_journal.models import no_plugins  # noqa: F401  (before any model validates)

Text = Annotated[str, Field(max_length=5000)]


def _choices(enum: type[Choice]) -> str:
    return ", ".join(member.value for member in enum)


# What each field allows, in words; used when pydantic's own message would be cryptic.
RULES = {
    "phone": "A phone number is digits, spaces and + ( ) - . / only (up to 40), like +44 7700 900123",
    "focus_still_right": "Whether the focus is still right must be yes, partly or no",
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
    "difficulty": (
        "Difficulty must be 0 (not difficult at all), 1 (somewhat), 2 (very) or 3 (extremely difficult)"
    ),
    "planned_weeks": "The planned length must be 8 to 20 weekly sessions",
    "focus_areas": f"Focal problem areas must be from: {_choices(ProblemArea)}",
    "step": "A safety plan step is a number from 1 to 6",
    "text": "The text must be 1 to 5000 characters",
    "helpful": "How much it helped must be a whole number from 1 (not at all) to 5 (a lot)",
    "mood_before": "Mood before must be a whole number from 0 (worst) to 10 (best)",
    "mood_after": "Mood after must be a whole number from 0 (worst) to 10 (best)",
    "kind": f"The kind of event must be one of: {_choices(EventKind)}",
    "what_happened": "What happened must be one line of at most 200 characters",
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
    def _no_control_characters(cls, value: Any, info: ValidationInfo) -> Any:
        from ipt_journal.text.safe_text import refuse_control_characters

        if isinstance(value, dt.date):
            return allowed_day(value, info)
        return refuse_control_characters(value, info.field_name or "")


class Refused(ValueError):
    """A validator's refusal that is one of ipt's own errors, hint and all (errors.HasDied)."""

    def __init__(self, error: InputError):
        super().__init__(error.message)
        self.error = error


def allowed_day(day: dt.date, info: ValidationInfo, past: bool = False) -> dt.date:
    """A day within the one rule (ipt_journal.text.dates.day_problem; `past`: not after today).
    Validated for an import (a context with an 'odd_days' list), a day outside it is kept and
    noted there instead: a journal that already holds such a day still moves whole."""
    from ipt_journal.text.dates import day_problem

    problem = day_problem(day)
    if problem is None and past and day > dt.date.today():
        problem = f"{day.isoformat()} is in the future"
    if problem is None:
        return day
    if not noted_at_import(info, f"{info.field_name} {problem}"):
        raise ValueError(f"The date {problem}; pick a day from 1900 to a year from today.")
    return day


def noted_at_import(info: ValidationInfo, problem: str) -> bool:
    """True when validating for an import, after noting `problem` with the record's other
    odd days; False when the caller should refuse the value."""
    odd = info.context.get("odd_days") if isinstance(info.context, dict) else None
    if odd is None:
        return False
    odd.append(problem)
    return True


M = TypeVar("M", bound=Model)  # validate() hands back the model it was given


def validate(model: type[M], data: dict[str, Any]) -> M:
    """Build `model` from `data` or raise the InputError a person should see."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        cause = exc.errors(include_url=False)[0].get("ctx", {}).get("error")
        if isinstance(cause, Refused):
            raise cause.error from None
        raise InputError(explain(exc, data)) from None


def explain(exc: ValidationError, data: dict) -> str:
    """The first problem in `exc` as one sentence naming the field and what is allowed."""
    error = exc.errors(include_url=False)[0]
    if error["type"] == "value_error":  # our own validators already speak in sentences
        return str(error["ctx"]["error"])
    names = [part for part in error["loc"] if isinstance(part, str)]
    field = names[-1] if names else ""
    rule = RULES.get(field, f"{_words(field) or 'A value'} is not valid")
    if field in ("quality", "what_happened") and error["loc"][0] == "people":
        person = data["people"][error["loc"][1]]
        if isinstance(person, dict) and person.get("name"):
            said = "How it went" if field == "quality" else "What happened"
            rule = rule.replace(said, f"{said} with {person['name']}")
    got = error.get("input")
    if isinstance(got, bool) or not isinstance(got, (int, str)) or len(str(got)) > ECHO_LIMIT:
        return f"{rule}."
    if isinstance(got, str):
        return f"{rule}, got {got!r}."
    return f"{rule}, got {signed(got) if field == 'quality' else got}."


def _words(field: str) -> str:
    return field.replace("_", " ").capitalize()
