"""The journal in portable forms: a lossless JSON document (export and import), one CSV
file per table, and a readable Markdown journal.

In the JSON document records point at each other by their stable `uid`, never by the
journal's own row numbers, so a file can be merged into any journal: importing it
twice changes nothing the second time, and export -> import into an empty journal ->
export gives the same document.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from ipt_journal.clinical.vocab import (
    DisputeStage,
    EventKind,
    ProblemArea,
)
from ipt_journal.documents import NOT_ENCRYPTED  # noqa: F401  (said by every export; kept light for ipt report)
from ipt_journal.errors import InputError
from ipt_journal.models import CopingIn, GoalIn, MeasureIn, PersonIn, ReviewIn, StrategyIn
from ipt_journal.text.safe_text import refuse_control_characters

FORMAT = "ipt-journal-export"
FORMAT_VERSION = 1
MAX_IMPORT_BYTES = 64 * 1024 * 1024  # about 50 times a busy year's journal

# Days outside these bounds are no one's journal (9999-12-31 would read "-2912110 days ago").
EARLIEST = dt.date(1900, 1, 1)
LATEST = dt.timedelta(days=366)  # homework may be due, a course may end, within a year
Uid = Annotated[str, Field(min_length=1, max_length=64)]
Stamp = Annotated[str, Field(min_length=1, max_length=40)]
Text = Annotated[str, Field(max_length=5000)]


class Doc(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)

    @field_validator("*", mode="after")
    @classmethod
    def _no_control_characters(cls, value, info):
        if isinstance(value, dt.date) and not EARLIEST <= value <= dt.date.today() + LATEST:
            raise ValueError(f"{value} is not a day this journal could hold")
        return refuse_control_characters(value, info.field_name)


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
    people: list[InteractionDoc]
    tags: list[Annotated[str, Field(min_length=1, max_length=40)]]

    @model_validator(mode="after")
    def _each_once(self):
        if len({tag.lower() for tag in self.tags}) != len(self.tags):
            raise ValueError("a tag appears twice in one check-in")
        if len({i.person for i in self.people}) != len(self.people):
            raise ValueError("a person appears twice in one check-in")
        return self


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
    created_at: Stamp
    updated_at: Stamp

    @model_validator(mode="after")
    def _says_something(self):
        if not (self.text or "").strip() and self.person is None:
            raise ValueError("a safety plan entry has neither text nor a person")
        return self


class ReviewDoc(Stored, ReviewIn):
    pass


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


class Document(Doc):
    format: Literal["ipt-journal-export"]
    format_version: Literal[1]
    people: list[PersonDoc] = []
    checkins: list[CheckinDoc] = []
    measures: list[MeasureDoc] = []
    courses: list[CourseDoc] = []
    goals: list[GoalDoc] = []
    safety_plan: list[SafetyPlanItemDoc] = []
    reviews: list[ReviewDoc] = []
    coping: list[CopingDoc] = []
    strategies: list[StrategyDoc] = []
    exercises: list[ExerciseDoc] = []
    homework: list[HomeworkDoc] = []
    events: list[EventDoc] = []
    therapy_sessions: list[TherapySessionDoc] = []
    bring: list[BringDoc] = []

    @model_validator(mode="after")
    def _unique_uids(self):
        for name in (
            "people",
            "checkins",
            "measures",
            "courses",
            "goals",
            "safety_plan",
            "reviews",
            "coping",
            "strategies",
            "exercises",
            "homework",
            "events",
            "therapy_sessions",
            "bring",
        ):
            uids = [record.uid for record in getattr(self, name)]
            if len(uids) != len(set(uids)):
                raise ValueError(f"two records in {name} share a uid")
        return self


# ------------------------------------------------------------------ from the journal


def document(tables: dict[str, list[dict]]) -> dict:
    """The JSON document for the raw rows of every table (Journal.dump())."""
    uid_of = {
        table: {row["id"]: row["uid"] for row in tables[table]} for table in ("people", "checkins", "goals")
    }
    people_uid, checkin_uid = uid_of["people"], uid_of["checkins"]
    exercise_uid = {row["id"]: row["uid"] for row in tables["exercises"]}
    session_uid = {row["id"]: row["uid"] for row in tables["therapy_sessions"]}

    def by_checkin(table: str) -> dict[int, list[dict]]:
        grouped: dict[int, list[dict]] = {}
        for row in tables[table]:
            grouped.setdefault(row["checkin_id"], []).append(row)
        return grouped

    interactions, tags = by_checkin("interactions"), by_checkin("checkin_tags")
    links: dict[int, list[dict]] = {}
    for row in tables["event_people"]:
        links.setdefault(row["event_id"], []).append(row)
    history: dict[int, list[dict]] = {}
    for row in tables["goal_history"]:
        history.setdefault(row["goal_id"], []).append(row)
    ratings: dict[int, list[dict]] = {}
    for row in tables["goal_ratings"]:
        ratings.setdefault(row["goal_id"], []).append(row)

    def without(row: dict, *names: str) -> dict:
        return {key: value for key, value in row.items() if key not in ("id", *names)}

    def as_bool(value):
        return None if value is None else bool(value)

    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "people": [{**without(p), "can_confide": as_bool(p["can_confide"])} for p in tables["people"]],
        "checkins": [
            {
                **without(c),
                "people": [
                    {
                        "person": people_uid[i["person_id"]],
                        "quality": i["quality"],
                        "created_at": i["created_at"],
                        "updated_at": i["updated_at"],
                    }
                    for i in interactions.get(c["id"], [])
                ],
                "tags": [t["tag"] for t in tags.get(c["id"], [])],
            }
            for c in tables["checkins"]
        ],
        "measures": [
            {
                **without(m, "total", "checkin_id", "answers"),
                "answers": json.loads(m["answers"]),
                "checkin": checkin_uid.get(m["checkin_id"]),
            }
            for m in tables["measures"]
        ],
        "courses": [
            {
                **without(c, "dispute_person_id", "focus_areas", "with_therapist"),
                "with_therapist": as_bool(c["with_therapist"]),
                "focus_areas": [a for a in c["focus_areas"].split(",") if a],
                "dispute_person": people_uid.get(c["dispute_person_id"]),
            }
            for c in tables["courses"]
        ],
        "goals": [
            {
                **without(g),
                "history": [without(h, "goal_id") for h in history.get(g["id"], [])],
                "ratings": [
                    {
                        "checkin": checkin_uid[r["checkin_id"]],
                        "rating": r["rating"],
                        "created_at": r["created_at"],
                    }
                    for r in ratings.get(g["id"], [])
                ],
            }
            for g in tables["goals"]
        ],
        "safety_plan": [
            {**without(s, "person_id"), "person": people_uid.get(s["person_id"])}
            for s in tables["safety_plan_items"]
        ],
        "reviews": [without(r) for r in tables["reviews"]],
        "coping": [without(c) for c in tables["coping_log"]],
        "strategies": [without(s) for s in tables["coping_strategies"]],
        "exercises": [
            {
                **without(e, "person_id", "answers"),
                "person": people_uid.get(e["person_id"]),
                "answers": json.loads(e["answers"]),
            }
            for e in tables["exercises"]
        ],
        "homework": [
            {
                **without(h, "person_id", "exercise_id"),
                "person": people_uid.get(h["person_id"]),
                "exercise": exercise_uid.get(h["exercise_id"]),
            }
            for h in tables["homework"]
        ],
        "events": [
            {
                **without(e),
                "approximate": bool(e["approximate"]),
                "people": [people_uid[link["person_id"]] for link in links.get(e["id"], [])],
            }
            for e in tables["events"]
        ],
        "therapy_sessions": [without(s) for s in tables["therapy_sessions"]],
        "bring": [
            {
                **without(b, "discussed_session_id"),
                "discussed_in": session_uid.get(b["discussed_session_id"]),
            }
            for b in tables["bring_items"]
        ],
    }


def parse(text: str) -> Document:
    """Read and check a whole export before anything is written. Stops at the first bad
    record, so a hostile file costs no more than a good one of its size."""
    try:
        raw = json.loads(text)
    except ValueError as exc:
        raise InputError(f"The file is not JSON: {exc}.") from None
    except RecursionError:
        raise InputError("The file is nested far deeper than any export; it was not imported.") from None
    if not isinstance(raw, dict) or raw.get("format") != FORMAT:
        raise InputError("The file is not an ipt-journal export (its 'format' is not 'ipt-journal-export').")
    version = raw.get("format_version")
    if type(version) is not int or version != FORMAT_VERSION:  # noqa: E721 - True == 1, but is no version
        raise InputError(
            f"The file is export format {version!r}; this ipt reads format {FORMAT_VERSION}.",
            "Upgrade ipt-journal to import it.",
        )
    try:
        for name, field in Document.model_fields.items():
            records = raw.get(name)
            if name.startswith("format") or not isinstance(records, list):
                continue
            kind = field.annotation.__args__[0]
            for index, record in enumerate(records):
                try:
                    kind.model_validate(record)
                except ValidationError as exc:
                    raise _not_valid(exc, (name, index)) from None
        return Document.model_validate(raw)
    except ValidationError as exc:
        raise _not_valid(exc) from None
    except RecursionError:
        raise InputError("The file is nested far deeper than any export; it was not imported.") from None


def _not_valid(exc: ValidationError, prefix: tuple = ()) -> InputError:
    error = exc.errors(include_url=False)[0]
    loc = (*prefix, *error["loc"])
    where = "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in loc).lstrip(".")
    message = str(error["ctx"]["error"]) if error["type"] == "value_error" else error["msg"]
    return InputError(
        f"The file is not a valid export: {where or 'the document'}: {message}. Nothing was imported."
    )
