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

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from ipt_journal.errors import InputError
from ipt_journal.models import CopingIn, GoalIn, MeasureIn, PersonIn, ReviewIn, StrategyIn
from ipt_journal.vocab import (
    SAFETY_STEPS,
    DisputeStage,
    ProblemArea,
)

FORMAT = "ipt-journal-export"
FORMAT_VERSION = 1
NOT_ENCRYPTED = (
    "Exports are not encrypted: anyone who can read the file can read your journal. "
    "Keep it somewhere private, and delete it when you no longer need it."
)

Uid = Annotated[str, Field(min_length=1, max_length=64)]
Stamp = Annotated[str, Field(min_length=1, max_length=40)]
Text = Annotated[str, Field(max_length=5000)]


class Doc(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)


class Stored(Doc):
    """What every stored record carries beyond its fields."""

    uid: Uid
    created_at: Stamp
    updated_at: Stamp


class PersonDoc(Stored, PersonIn):
    pass


class InteractionDoc(Doc):
    person: Uid
    quality: Annotated[int, Field(ge=-2, le=2, strict=True)]
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
    step: Annotated[int, Field(ge=1, le=6, strict=True)]
    text: Text | None
    person: Uid | None
    created_at: Stamp
    updated_at: Stamp


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

    def by_checkin(table: str) -> dict[int, list[dict]]:
        grouped: dict[int, list[dict]] = {}
        for row in tables[table]:
            grouped.setdefault(row["checkin_id"], []).append(row)
        return grouped

    interactions, tags = by_checkin("interactions"), by_checkin("checkin_tags")
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
    }


def parse(text: str) -> Document:
    """Read and check a whole export before anything is written."""
    try:
        raw = json.loads(text)
    except ValueError as exc:
        raise InputError(f"The file is not JSON: {exc}.") from None
    if not isinstance(raw, dict) or raw.get("format") != FORMAT:
        raise InputError("The file is not an ipt-journal export (its 'format' is not 'ipt-journal-export').")
    if raw.get("format_version") != FORMAT_VERSION:
        raise InputError(
            f"The file is export format {raw.get('format_version')!r}; "
            f"this ipt reads format {FORMAT_VERSION}.",
            "Upgrade ipt-journal to import it.",
        )
    try:
        return Document.model_validate(raw)
    except ValidationError as exc:
        error = exc.errors(include_url=False)[0]
        where = "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in error["loc"]).lstrip(
            "."
        )
        message = str(error["ctx"]["error"]) if error["type"] == "value_error" else error["msg"]
        problems = f" ({exc.error_count()} problems in all)" if exc.error_count() > 1 else ""
        raise InputError(
            f"The file is not a valid export: {where or 'the document'}: {message}{problems}. "
            "Nothing was imported."
        ) from None


# ------------------------------------------------------------------ Markdown


def markdown(doc: dict, today: dt.date) -> str:
    """A readable journal to print or bring to a therapist."""
    from ipt_journal.scales import SCALES

    names = {p["uid"]: p["name"] for p in doc["people"]}
    lines = [
        "# My IPT journal",
        "",
        f"Printed {today.isoformat()}. Private: this file is not encrypted.",
        "",
    ]
    lines += ["## People", ""]
    for p in doc["people"]:
        ring = f", ring {p['closeness']}" if p["closeness"] else ""
        lines.append(f"### {p['name']} ({p['relationship'].replace('-', ' ')}, {p['status']}{ring})")
        lines.append("")
        for key, label in (
            ("satisfying", "Satisfying"),
            ("unsatisfying", "Unsatisfying"),
            ("their_expectations", "They expect of me"),
            ("my_expectations", "I expect of them"),
            ("expectations_met", "Expectations met"),
            ("change", "I would like to change"),
            ("problem_area", "Problem area"),
            ("dispute_stage", "Dispute stage"),
            ("notes", "Notes"),
        ):
            if p.get(key):
                lines.append(f"- {label}: {p[key]}")
        lines.append("")
    lines += ["## Check-ins", ""]
    for c in sorted(doc["checkins"], key=lambda c: (c["day"], c["created_at"])):
        with_ = ", ".join(f"{names.get(i['person'], '?')} ({i['quality']:+d})" for i in c["people"])
        lines.append(f"### {c['day']}: mood {c['mood']}/10")
        lines.append("")
        if with_:
            lines.append(f"- With: {with_}")
        if c["tags"]:
            lines.append(f"- Tags: {', '.join(c['tags'])}")
        if c["note"]:
            lines.append(f"- Note: {c['note']}")
        lines.append("")
    if doc["measures"]:
        lines += ["## Questionnaires", "", "| Day | Scale | Total | Range |", "| --- | --- | ---: | --- |"]
        for m in sorted(doc["measures"], key=lambda m: (m["day"], m["scale"])):
            scale = SCALES[m["scale"]]
            total = sum(m["answers"])
            lines.append(f"| {m['day']} | {scale.name} | {total}/{scale.max_total} | {scale.band(total)} |")
        lines.append("")
    if doc["goals"]:
        lines += ["## Goals", ""]
        lines += [f"- {g['text']} ({g['status']})" for g in doc["goals"]]
        lines.append("")
    if doc["safety_plan"]:
        lines += ["## Safety plan", ""]
        for step, title in SAFETY_STEPS.items():
            entries = [s for s in doc["safety_plan"] if s["step"] == step]
            if entries:
                lines.append(f"{step}. {title}")
                for s in entries:
                    who = names.get(s["person"], "") if s["person"] else ""
                    lines.append(f"   - {': '.join(part for part in (who, s['text'] or '') if part)}")
        lines.append("")
    for r in doc["reviews"]:
        lines += [f"## Review of {r['day']}", ""]
        for key, label in (
            ("what_changed", "What changed"),
            ("what_helped", "What helped"),
            ("warning_signs", "Early warning signs"),
            ("keep_practising", "Keep practising"),
        ):
            if r.get(key):
                lines.append(f"- {label}: {r[key]}")
        lines.append("")
    return "\n".join(lines)
