"""The export document, read from the journal record by record.

`sections(journal)` gives the document's parts in their order: the two format fields,
then each kind of record as an iterator that reads its rows only when it is walked, so
`export_files.write_json` can write a ten-year journal while holding about one record at
a time. `document(journal)` is the same document whole, for the Markdown export and for
tests. The shape is described, and read back, by `portable`; this module stays free of
pydantic so an export starts as fast as a report.

Records point at each other by their stable `uid`, never by the journal's own row
numbers (see `portable`). A child table (a check-in's people and tags, a goal's history
and ratings, an event's people) is read in step with its parent, both ordered by the
parent's id, instead of being gathered into memory first.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ipt_journal.store import Journal

FORMAT = "ipt-journal-export"
FORMAT_VERSION = 1


def document(journal: Journal) -> dict[str, Any]:
    """The whole export document in memory (JSON-ready dicts and lists)."""
    with journal.reading():
        return {
            key: value if isinstance(value, (str, int)) else list(value)
            for key, value in sections(journal).items()
        }


def sections(journal: Journal) -> dict[str, Any]:
    """The document's parts, each list an iterator over the journal's rows. Walk them inside
    `journal.reading()`, in order: a part's uids are looked up from the parts before it."""
    rows = journal.rows
    people_uid = journal.uids("people")
    checkin_uid = journal.uids("checkins")
    exercise_uid = journal.uids("exercises")
    session_uid = journal.uids("therapy_sessions")

    def checkins() -> Iterator[dict]:
        interactions = _Children(rows("interactions", by="checkin_id"), "checkin_id")
        tags = _Children(rows("checkin_tags", by="checkin_id"), "checkin_id")
        for c in rows("checkins"):
            yield {
                **_without(c),
                "people": [
                    {
                        "person": people_uid[i["person_id"]],
                        "quality": i["quality"],
                        "created_at": i["created_at"],
                        "updated_at": i["updated_at"],
                    }
                    for i in interactions.of(c["id"])
                ],
                "tags": [t["tag"] for t in tags.of(c["id"])],
            }

    def goals() -> Iterator[dict]:
        history = _Children(rows("goal_history", by="goal_id"), "goal_id")
        ratings = _Children(rows("goal_ratings", by="goal_id"), "goal_id")
        for g in rows("goals"):
            yield {
                **_without(g),
                "history": [_without(h, "goal_id") for h in history.of(g["id"])],
                "ratings": [
                    {
                        "checkin": checkin_uid[r["checkin_id"]],
                        "rating": r["rating"],
                        "created_at": r["created_at"],
                    }
                    for r in ratings.of(g["id"])
                ],
            }

    def events() -> Iterator[dict]:
        links = _Children(rows("event_people", by="event_id"), "event_id")
        for e in rows("events"):
            yield {
                **_without(e),
                "approximate": bool(e["approximate"]),
                "people": [people_uid[link["person_id"]] for link in links.of(e["id"])],
            }

    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "people": ({**_without(p), "can_confide": _bool(p["can_confide"])} for p in rows("people")),
        "checkins": checkins(),
        # What happened with someone in a check-in (issue 23), by the uids of both.
        "incidents": (
            {
                **_without(n, "checkin_id", "person_id"),
                "checkin": checkin_uid[n["checkin_id"]],
                "person": people_uid[n["person_id"]],
            }
            for n in rows("incidents")
        ),
        "measures": (
            {
                **_without(m, "total", "checkin_id", "answers"),
                "answers": json.loads(m["answers"]),
                "checkin": checkin_uid.get(m["checkin_id"]),
            }
            for m in rows("measures")
        ),
        "courses": (
            {
                **_without(c, "dispute_person_id", "focus_areas", "with_therapist"),
                "with_therapist": _bool(c["with_therapist"]),
                "focus_areas": [a for a in c["focus_areas"].split(",") if a],
                "dispute_person": people_uid.get(c["dispute_person_id"]),
            }
            for c in rows("courses")
        ),
        "goals": goals(),
        "safety_plan": (
            {**_without(s, "person_id"), "person": people_uid.get(s["person_id"])}
            for s in rows("safety_plan_items")
        ),
        "reviews": (_without(r) for r in rows("reviews")),
        "staying_well": (_without(r) for r in rows("staying_well")),
        "safety_plan_closing": (_without(r) for r in rows("safety_plan_closing")),
        "midpoints": (_without(r) for r in rows("midpoint_reviews")),
        "drafts": (
            {
                **_without(d, "person_id", "answers"),
                "person": people_uid.get(d["person_id"]),
                "answers": json.loads(d["answers"]),
            }
            for d in rows("exercise_drafts")
        ),
        "coping": (_without(c) for c in rows("coping_log")),
        "strategies": (_without(s) for s in rows("coping_strategies")),
        "exercises": (
            {
                **_without(e, "person_id", "answers"),
                "person": people_uid.get(e["person_id"]),
                "answers": json.loads(e["answers"]),
            }
            for e in rows("exercises")
        ),
        "homework": (
            {
                **_without(h, "person_id", "exercise_id"),
                "person": people_uid.get(h["person_id"]),
                "exercise": exercise_uid.get(h["exercise_id"]),
            }
            for h in rows("homework")
        ),
        "events": events(),
        "therapy_sessions": (_without(s) for s in rows("therapy_sessions")),
        "bring": (
            {
                **_without(b, "discussed_session_id"),
                "discussed_in": session_uid.get(b["discussed_session_id"]),
            }
            for b in rows("bring_items")
        ),
        "pathway_steps": (
            {**_without(s, "exercise_id"), "exercise": exercise_uid.get(s["exercise_id"])}
            for s in rows("pathway_steps")
        ),
        "pathway_weeks": (_without(w) for w in rows("pathway_weeks")),
        # Deletions (uid, kind, when; no text), only when there are some: a file without them
        # stays readable by an ipt from before them.
        **({"deleted": rows("tombstones")} if next(rows("tombstones"), None) is not None else {}),
    }


class _Children:
    """A child table's rows, ordered by their parent's id, handed out parent by parent as
    the parents are read in the same order: one pass, nothing gathered."""

    def __init__(self, rows: Iterable[dict], key: str):
        self.rows = iter(rows)
        self.key = key
        self.next: dict | None = next(self.rows, None)

    def of(self, parent_id: int) -> list[dict]:
        found = []
        # Rows of a parent that is gone (none should be: deletions cascade) are passed over.
        while self.next is not None and self.next[self.key] <= parent_id:
            if self.next[self.key] == parent_id:
                found.append(self.next)
            self.next = next(self.rows, None)
        return found


def _without(row: dict, *names: str) -> dict:
    left_out = {"id", *names}
    return {key: value for key, value in row.items() if key not in left_out}


def _bool(value: int | None) -> bool | None:
    return None if value is None else bool(value)
