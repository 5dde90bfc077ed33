"""The journal in portable forms: a lossless JSON document (export and import), one CSV
file per table, and a readable Markdown journal.

In the JSON document records point at each other by their stable `uid`, never by the
journal's own row numbers, so a file can be merged into any journal: importing it
twice changes nothing the second time, and export -> import into an empty journal ->
export gives the same document.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal, Self

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    ValidationInfo,
    field_validator,
    model_validator,
)

from ipt_journal.clinical.vocab import (
    DisputeStage,
    EventKind,
    ProblemArea,
)
from ipt_journal.documents import NOT_ENCRYPTED  # noqa: F401  (said by every export; kept light for ipt report)
from ipt_journal.models import CopingIn, GoalIn, MeasureIn, PersonIn, ReviewIn, StrategyIn
from ipt_journal.models.base import allowed_day
from ipt_journal.safekeeping.export_document import FORMAT, FORMAT_VERSION  # noqa: F401  (it writes what this reads)
from ipt_journal.store.repository import TombstonedTable
from ipt_journal.text.safe_text import refuse_control_characters

MAX_IMPORT_BYTES = 64 * 1024 * 1024  # about 50 times a busy year's journal

# Which days a record may carry is one rule (ipt_journal.text.dates.day_problem); a file whose
# records break it (written by an older ipt that let such a day in) still imports whole, and
# the import names those records (Document.odd_days).
ODD_DAYS = 20  # named one by one; more are counted
Uid = Annotated[str, Field(min_length=1, max_length=64)]
Stamp = Annotated[str, Field(min_length=1, max_length=40)]
Text = Annotated[str, Field(max_length=5000)]


class Doc(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)

    @field_validator("*", mode="after")
    @classmethod
    def _no_control_characters(cls, value: Any, info: ValidationInfo) -> Any:
        if isinstance(value, dt.date):
            return allowed_day(value, info)
        return refuse_control_characters(value, info.field_name or "")


class Stored(Doc):
    """What every stored record carries beyond its fields."""

    uid: Uid
    created_at: Stamp
    updated_at: Stamp


class PersonDoc(Stored, PersonIn):
    pass


class InteractionDoc(Doc):
    person: Uid
    quality: Annotated[int | None, Field(ge=-2, le=2, strict=True)]  # None: nobody said (imported)
    created_at: Stamp
    updated_at: Stamp


class CheckinDoc(Doc):
    uid: Uid
    day: dt.date
    mood: Annotated[int, Field(ge=0, le=10, strict=True)]
    note: Text | None
    created_at: Stamp
    updated_at: Stamp
    # The time of day as the person's clock said (absent from exports before it existed)
    local_time: Annotated[str, Field(pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]$")] | None = None
    people: list[InteractionDoc]
    tags: list[Annotated[str, Field(min_length=1, max_length=40)]]

    @field_validator("day", mode="after")
    @classmethod
    def _happened(cls, value: dt.date, info: ValidationInfo) -> dt.date:
        return allowed_day(value, info, past=True)

    @model_validator(mode="after")
    def _each_once(self) -> Self:
        if len({tag.lower() for tag in self.tags}) != len(self.tags):
            raise ValueError("a tag appears twice in one check-in")
        if len({i.person for i in self.people}) != len(self.people):
            raise ValueError("a person appears twice in one check-in")
        return self


class IncidentDoc(Stored):
    """What happened with one person in one check-in (issue 23)."""

    checkin: Uid
    person: Uid
    what_happened: Annotated[str, Field(min_length=1, max_length=200)]


class MeasureDoc(Stored, MeasureIn):
    checkin: Uid | None


class CourseDoc(Doc):
    uid: Uid
    started_on: dt.date
    planned_weeks: Annotated[int, Field(ge=8, le=20, strict=True)]
    background: Text | None
    reason: Text | None
    with_therapist: bool | None
    focus_areas: Annotated[list[ProblemArea], Field(max_length=2)]
    dispute_person: Uid | None
    dispute_stage: DisputeStage | None
    formulation: Text | None = None
    formulation_agreed_on: dt.date | None = None
    ended_on: dt.date | None
    created_at: Stamp
    updated_at: Stamp


class GoalHistoryDoc(Doc):
    text: Text
    status: Literal["open", "done", "dropped"]
    changed_at: Stamp


class GoalRatingDoc(Doc):
    checkin: Uid
    rating: Annotated[int, Field(ge=0, le=10, strict=True)]
    created_at: Stamp


class GoalDoc(Stored, GoalIn):
    status: Literal["open", "done", "dropped"]
    closed_on: dt.date | None
    history: list[GoalHistoryDoc]
    ratings: list[GoalRatingDoc]


class SafetyPlanItemDoc(Doc):
    uid: Uid
    step: Annotated[int, Field(ge=0, le=6, strict=True)]
    text: Text | None
    person: Uid | None
    phone: Annotated[str, Field(max_length=40)] | None = None
    created_at: Stamp
    updated_at: Stamp

    @model_validator(mode="after")
    def _says_something(self) -> Self:
        if not (self.text or "").strip() and self.person is None:
            raise ValueError("a safety plan entry has neither text nor a person")
        return self


class ReviewDoc(Stored, ReviewIn):
    pass


class StayingWellDoc(Stored):
    warning_signs: Text | None = None
    what_i_will_do: Text | None = None
    whom_i_tell: Text | None = None
    when_to_contact: Text | None = None


class ClosingDoc(Stored):
    how_likely: Text | None = None
    in_the_way: Text | None = None
    kept_where: Text | None = None


class MidpointDoc(Stored):
    day: dt.date
    focus_still_right: Literal["yes", "partly", "no"] | None = None
    focus_note: Text | None = None
    goals_note: Text | None = None
    next_half: Text | None = None


class DraftDoc(Doc):
    kind: Annotated[str, Field(min_length=1, max_length=40)]
    person: Uid | None = None
    answers: dict
    created_at: Stamp
    updated_at: Stamp


class CopingDoc(Stored, CopingIn):
    pass


class StrategyDoc(Stored, StrategyIn):
    pass


class ExerciseDoc(Stored):
    kind: Annotated[str, Field(min_length=1, max_length=40)]
    day: dt.date
    person: Uid | None
    mood_before: Annotated[int, Field(ge=0, le=10, strict=True)] | None
    mood_after: Annotated[int, Field(ge=0, le=10, strict=True)] | None
    answers: dict[str, Text | list[Text]]


class HomeworkDoc(Stored):
    text: Annotated[str, Field(min_length=1, max_length=5000)]
    due: dt.date | None
    person: Uid | None
    status: Literal["open", "done", "skipped"]
    outcome: Text | None
    helpful: Annotated[int, Field(ge=1, le=5, strict=True)] | None
    closed_on: dt.date | None
    exercise: Uid | None = None


class EventDoc(Stored):
    day: dt.date
    approximate: bool
    kind: EventKind
    people: list[Uid]
    note: Text | None


class TherapySessionDoc(Stored):
    day: dt.date
    with_whom: Annotated[str, Field(min_length=1, max_length=100)] | None
    worked_on: Text | None
    agreed: Text | None


class BringDoc(Stored):
    text: Annotated[str, Field(min_length=1, max_length=5000)]
    added_on: dt.date
    source: Literal["note", "checkin", "exercise", "event", "session"]
    discussed_in: Uid | None


class PathwayStepDoc(Stored):
    """A pathway step done (clinical/pathways.py): its area and step, when, and the exercise."""

    area: Annotated[str, Field(min_length=1, max_length=40)]
    step: Annotated[str, Field(min_length=1, max_length=40)]
    day: dt.date
    exercise: Uid | None = None

    @model_validator(mode="after")
    def _a_known_step(self) -> Self:
        from ipt_journal.clinical.pathways import PATHWAYS, step_of

        if self.area not in PATHWAYS:
            raise ValueError(f"there is no pathway {self.area!r}; the pathways are {', '.join(PATHWAYS)}")
        if step_of(self.area, self.step) is None:
            raise ValueError(f"the {self.area} pathway has no step {self.step!r}")
        return self


class PathwayWeekDoc(Stored):
    """What a pathway tracked in one week (its Monday)."""

    week: dt.date
    dispute_stage: DisputeStage | None = None
    confidants: Annotated[int, Field(ge=0, le=1000, strict=True)] | None = None


class DeletedDoc(Doc):
    """A record deleted from the journal: which, and when (no text)."""

    uid: Uid
    kind: TombstonedTable
    deleted_at: Stamp


# The kinds of record whose uids must be unique within one export (read whole or streamed).
UNIQUE_KINDS = (
    "people",
    "checkins",
    "incidents",
    "measures",
    "courses",
    "goals",
    "safety_plan",
    "reviews",
    "midpoints",
    "coping",
    "strategies",
    "exercises",
    "homework",
    "events",
    "therapy_sessions",
    "bring",
    "pathway_steps",
    "pathway_weeks",
)


class Document(Doc):
    format: Literal["ipt-journal-export"]
    format_version: Literal[1]
    people: list[PersonDoc] = []
    checkins: list[CheckinDoc] = []
    incidents: list[IncidentDoc] = []
    measures: list[MeasureDoc] = []
    courses: list[CourseDoc] = []
    goals: list[GoalDoc] = []
    safety_plan: list[SafetyPlanItemDoc] = []
    reviews: list[ReviewDoc] = []
    staying_well: Annotated[list[StayingWellDoc], Field(max_length=1)] = []
    safety_plan_closing: Annotated[list[ClosingDoc], Field(max_length=1)] = []
    midpoints: list[MidpointDoc] = []
    drafts: list[DraftDoc] = []
    coping: list[CopingDoc] = []
    strategies: list[StrategyDoc] = []
    exercises: list[ExerciseDoc] = []
    homework: list[HomeworkDoc] = []
    events: list[EventDoc] = []
    therapy_sessions: list[TherapySessionDoc] = []
    bring: list[BringDoc] = []
    pathway_steps: list[PathwayStepDoc] = []
    pathway_weeks: list[PathwayWeekDoc] = []
    # Deletions (written only when there are some, so a file without them stays readable by
    # an ipt from before them): an import does not bring these records back.
    deleted: list[DeletedDoc] = []
    # Records whose days break the rule, each named ("checkins[3]: day 0202-05-01 is before 1900")
    _odd_days: list[str] = PrivateAttr(default_factory=list)

    @property
    def odd_days(self) -> list[str]:
        return self._odd_days

    @model_validator(mode="after")
    def _unique_uids(self) -> Self:
        for name in UNIQUE_KINDS:
            uids = [record.uid for record in getattr(self, name)]
            if len(uids) != len(set(uids)):
                raise ValueError(f"two records in {name} share a uid")
        return self
