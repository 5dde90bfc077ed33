"""Export and import: every row of every table out, and an export document merged back in by
the records' stable uids."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from ipt_journal.errors import InputError
from ipt_journal.store.repository import inserted

if TYPE_CHECKING:
    from ipt_journal.safekeeping.portable import CheckinDoc, Document, EventDoc, GoalDoc, PersonDoc
    from ipt_journal.store.core import Journal

TABLES = (
    "people",
    "checkins",
    "interactions",
    "checkin_tags",
    "measures",
    "courses",
    "goals",
    "goal_history",
    "goal_ratings",
    "safety_plan_items",
    "reviews",
    "staying_well",
    "safety_plan_closing",
    "midpoint_reviews",
    "exercise_drafts",
    "coping_log",
    "coping_strategies",
    "exercises",
    "homework",
    "events",
    "event_people",
    "therapy_sessions",
    "bring_items",
    "pathway_steps",
    "pathway_weeks",
)


# Records deleted, by uid, with when (migration 12 keeps them by trigger): an import skips a
# file's record deleted here since it was last changed, and a file's deletion removes the
# journal's older copy. They hold no text.
TOMBSTONES = "tombstones"


def dump(journal: Journal) -> dict[str, list[dict]]:
    """Every row of every table, in the order it was written, and the deletions."""
    return {
        table: [dict(row) for row in journal.conn.execute(f"SELECT * FROM {table} ORDER BY rowid")]
        for table in (*TABLES, TOMBSTONES)
    }


def rows(journal: Journal, table: str, by: str | None = None) -> Iterator[dict]:
    """The rows of `table` one at a time, as they are read (an export streams them): in the
    order they were written, or grouped by the column `by` (a child table read in step with
    its parents, in that order within each parent)."""
    if table not in (*TABLES, TOMBSTONES):  # names come from code, never from input; this keeps it so
        raise ValueError(f"{table} is not a table of the journal")
    cursor = journal.conn.execute(f"SELECT * FROM {table} ORDER BY {by + ', ' if by else ''}rowid")
    names = [column[0] for column in cursor.description]
    for row in cursor:
        yield dict(zip(names, row, strict=True))


def uids(journal: Journal, table: str) -> dict[int, str]:
    """Each row's uid by its id: how an export names the rows others point at."""
    if table not in TABLES:
        raise ValueError(f"{table} is not a table of the journal")
    return dict(journal.conn.execute(f"SELECT id, uid FROM {table}").fetchall())


def columns(journal: Journal, table: str) -> list[str]:
    return [row["name"] for row in journal.conn.execute(f"PRAGMA table_info({table})")]


def merge(journal: Journal, doc: Document, dry_run: bool = False) -> dict[str, dict[str, int]]:
    """Merge an export document (portable.Document) by stable uids in one transaction:
    absent records are added; a record in both is updated only when the file's copy was
    changed later (its updated_at is newer), else kept and counted as skipped, so an old
    export never undoes newer edits. With `dry_run` the same work is done and rolled back.
    Returns, per kind of record, how many were added, updated and skipped."""
    counts: dict[str, dict[str, int]] = {}
    try:
        with journal.writing():
            _Merge(journal, counts).run(doc)
            if dry_run:
                raise _DryRun
    except _DryRun:
        pass
    return counts


class _DryRun(Exception):
    """Raised inside a merge's transaction to roll it back."""


class _Merge:
    """One import, inside its transaction: maps uids to this journal's row ids as it goes."""

    def __init__(self, journal: Journal, counts: dict[str, dict[str, int]]) -> None:
        self.conn = journal.conn
        self.journal = journal
        self.counts = counts
        self.ids: dict[str, dict[str, int | None]] = {}  # None: deleted here since

    def run(self, doc: Document) -> None:
        self._known_ids("people", "checkins", "goals", "exercises", "therapy_sessions")
        for person in doc.people:
            self._person(person)
        for checkin in doc.checkins:
            self._checkin(checkin)
        for measure in doc.measures:
            answers = json.dumps(measure.answers)
            self._upsert(
                "measures",
                measure.uid,
                {
                    "scale": measure.scale,
                    "day": measure.day.isoformat(),
                    "answers": answers,
                    "total": sum(measure.answers),
                    "difficulty": measure.difficulty,
                    "checkin_id": self._ref("checkins", measure.checkin),
                    "created_at": measure.created_at,
                    "updated_at": measure.updated_at,
                },
            )
        for course in doc.courses:
            self._upsert(
                "courses",
                course.uid,
                {
                    "started_on": course.started_on.isoformat(),
                    "planned_weeks": course.planned_weeks,
                    "background": course.background,
                    "reason": course.reason,
                    "with_therapist": _int(course.with_therapist),
                    "focus_areas": ",".join(area.value for area in course.focus_areas),
                    "dispute_person_id": self._ref("people", course.dispute_person),
                    "dispute_stage": _value(course.dispute_stage),
                    "formulation": course.formulation,
                    "formulation_agreed_on": (
                        course.formulation_agreed_on.isoformat() if course.formulation_agreed_on else None
                    ),
                    "ended_on": course.ended_on.isoformat() if course.ended_on else None,
                    "created_at": course.created_at,
                    "updated_at": course.updated_at,
                },
            )
        for goal in doc.goals:
            self._goal(goal)
        for item in doc.safety_plan:
            self._upsert(
                "safety_plan_items",
                item.uid,
                {
                    "step": item.step,
                    "text": item.text,
                    "person_id": self._ref("people", item.person),
                    "phone": item.phone,
                    "created_at": item.created_at,
                    "updated_at": item.updated_at,
                },
            )
        for use in doc.coping:
            self._upsert(
                "coping_log",
                use.uid,
                {
                    "strategy": use.strategy,
                    "day": use.day.isoformat(),
                    "helpful": use.helpful,
                    "note": use.note,
                    "created_at": use.created_at,
                    "updated_at": use.updated_at,
                },
            )
        for own in doc.strategies:
            taken = self.conn.execute(
                "SELECT 1 FROM coping_strategies WHERE key = ? AND uid != ?", (own.key, own.uid)
            ).fetchone()
            if not taken:  # a strategy of the same name made on another copy: keep the one here
                self._upsert(
                    "coping_strategies",
                    own.uid,
                    {
                        "key": own.key,
                        "name": own.name,
                        "how": own.how,
                        "created_at": own.created_at,
                        "updated_at": own.updated_at,
                    },
                )
        for exercise in doc.exercises:
            exercise_id, _ = self._upsert(
                "exercises",
                exercise.uid,
                {
                    "kind": exercise.kind,
                    "day": exercise.day.isoformat(),
                    "person_id": self._ref("people", exercise.person),
                    "mood_before": exercise.mood_before,
                    "mood_after": exercise.mood_after,
                    "answers": json.dumps(exercise.answers, ensure_ascii=False),
                    "created_at": exercise.created_at,
                    "updated_at": exercise.updated_at,
                },
            )
            self.ids["exercises"][exercise.uid] = exercise_id
        for homework in doc.homework:
            self._upsert(
                "homework",
                homework.uid,
                {
                    "text": homework.text,
                    "due": homework.due.isoformat() if homework.due else None,
                    "person_id": self._ref("people", homework.person),
                    "status": homework.status,
                    "outcome": homework.outcome,
                    "helpful": homework.helpful,
                    "closed_on": homework.closed_on.isoformat() if homework.closed_on else None,
                    "exercise_id": self._ref("exercises", homework.exercise),
                    "created_at": homework.created_at,
                    "updated_at": homework.updated_at,
                },
            )
        for event in doc.events:
            self._event(event)
        self._sessions_and_things_to_bring(doc)
        for review in doc.reviews:
            self._upsert(
                "reviews",
                review.uid,
                {
                    "day": review.day.isoformat(),
                    "what_changed": review.what_changed,
                    "what_helped": review.what_helped,
                    "warning_signs": review.warning_signs,
                    "keep_practising": review.keep_practising,
                    "relapse_plan": review.relapse_plan,
                    "feelings_about_ending": review.feelings_about_ending,
                    "created_at": review.created_at,
                    "updated_at": review.updated_at,
                },
            )
        from ipt_journal.store.transfer_pathways import merge_pathways

        merge_pathways(self, doc)
        self._deletions(doc)

        self._plans_and_drafts(doc)

    def _plans_and_drafts(self, doc: Document) -> None:
        """The one-row plans (the file's copy wins only if changed later), midpoint reviews
        by uid, and drafts by their exercise."""
        for plan in doc.staying_well:
            self._one_row("staying_well", plan.model_dump())
        for closing in doc.safety_plan_closing:
            self._one_row("safety_plan_closing", closing.model_dump())
        for midpoint in doc.midpoints:
            values = midpoint.model_dump(exclude={"uid"})
            values["day"] = midpoint.day.isoformat()
            self._upsert("midpoint_reviews", midpoint.uid, values)
        for draft in doc.drafts:
            values = {
                "person_id": self._ref("people", draft.person),
                "answers": json.dumps(draft.answers, ensure_ascii=False),
                "created_at": draft.created_at,
                "updated_at": draft.updated_at,
            }
            row = self.conn.execute(
                "SELECT updated_at FROM exercise_drafts WHERE kind = ?", (draft.kind,)
            ).fetchone()
            if row is not None and row["updated_at"] >= draft.updated_at:
                self._count("exercise_drafts", "skipped")
                continue
            self.conn.execute(
                "INSERT OR REPLACE INTO exercise_drafts (kind, person_id, answers, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, ?)",
                (draft.kind, *values.values()),
            )
            self._count("exercise_drafts", "updated" if row else "added")

    def _one_row(self, table: str, values: dict[str, Any]) -> None:
        row = self.conn.execute(f"SELECT * FROM {table} WHERE id = 1").fetchone()
        if row is None:
            columns = ["id", *values]
            self.conn.execute(
                f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
                [1, *values.values()],
            )
            self._count(table, "added")
        elif any(row[column] != value for column, value in values.items() if column != "uid"):
            if values["updated_at"] < row["updated_at"]:
                self._count(table, "skipped")
                return
            values.pop("uid")  # the journal's plan stays the one plan, with the file's words
            assignments = ", ".join(f"{column} = ?" for column in values)
            self.conn.execute(f"UPDATE {table} SET {assignments} WHERE id = 1", [*values.values()])
            self._count(table, "updated")

    def _sessions_and_things_to_bring(self, doc: Document) -> None:
        for held in doc.therapy_sessions:
            values = held.model_dump(exclude={"uid"})
            values["day"] = held.day.isoformat()
            session_id, _ = self._upsert("therapy_sessions", held.uid, values)
            self.ids["therapy_sessions"][held.uid] = session_id
        for item in doc.bring:
            values = item.model_dump(exclude={"uid", "discussed_in"})
            values["added_on"] = item.added_on.isoformat()
            values["discussed_session_id"] = self._ref("therapy_sessions", item.discussed_in)
            self._upsert("bring_items", item.uid, values)

    def _known_ids(self, *tables: str) -> None:
        for table in tables:
            self.ids[table] = {
                row["uid"]: row["id"] for row in self.conn.execute(f"SELECT id, uid FROM {table}")
            }

    def _ref(self, table: str, uid: str | None) -> int | None:
        if uid is None:
            return None
        if uid not in self.ids[table]:
            raise InputError(
                f"The file refers to a record in {table} (uid {uid}) that is neither in the file nor in "
                "your journal. Nothing was imported."
            )
        return self.ids[table][uid]

    def _count(self, table: str, what: str) -> None:
        counts = self.counts.setdefault(table, {"added": 0, "updated": 0, "skipped": 0})
        counts[what] = counts.get(what, 0) + 1  # also "deleted since" and "deleted", when any

    def _deleted_since(self, uid: str, updated_at: str) -> bool:
        """The journal deleted the record with `uid` after the file's copy was last changed."""
        row = self.conn.execute("SELECT deleted_at FROM tombstones WHERE uid = ?", (uid,)).fetchone()
        return row is not None and row["deleted_at"] >= updated_at

    def _deletions(self, doc: Document) -> None:
        """The file's deletions: the journal's copy goes when it was not changed since (as the
        store deletes it, cascades included), and the deletion is remembered here too."""
        for gone in doc.deleted:
            cursor = self.conn.execute(
                f"DELETE FROM {gone.kind} WHERE uid = ? AND updated_at <= ?", (gone.uid, gone.deleted_at)
            )
            if cursor.rowcount:
                self._count(gone.kind, "deleted")
            # when it was deleted there, not now (the trigger's time), unless later here
            when = "excluded.deleted_at" if cursor.rowcount else "max(deleted_at, excluded.deleted_at)"
            self.conn.execute(
                "INSERT INTO tombstones (uid, kind, deleted_at) VALUES (?, ?, ?) "
                f"ON CONFLICT (uid) DO UPDATE SET deleted_at = {when}",
                (gone.uid, gone.kind, gone.deleted_at),
            )

    def _upsert(self, table: str, uid: str, values: dict) -> tuple[int | None, bool | None]:
        """Insert the row with `uid`, or update it if the file's copy is newer; returns its id
        and whether it changed (None: the journal's copy is newer and was kept). A record the
        journal deleted since the file's copy was changed stays deleted: its id is None."""
        row = self.conn.execute(f"SELECT * FROM {table} WHERE uid = ?", (uid,)).fetchone()
        if row is None and self._deleted_since(uid, values["updated_at"]):
            self._count(table, "deleted since")
            return None, None  # records pointing at it point at nothing
        if row is None:
            columns = ["uid", *values]
            cursor = self.conn.execute(
                f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
                [uid, *values.values()],
            )
            self._count(table, "added")
            return inserted(cursor), True
        if any(row[column] != value for column, value in values.items()):
            if values["updated_at"] < row["updated_at"]:
                self._count(table, "skipped")
                return row["id"], None
            assignments = ", ".join(f"{column} = ?" for column in values)
            self.conn.execute(f"UPDATE {table} SET {assignments} WHERE id = ?", [*values.values(), row["id"]])
            self._count(table, "updated")
            return row["id"], True
        return row["id"], False

    def _person(self, person: PersonDoc) -> None:
        from ipt_journal.store.people import PERSON_FIELDS  # here: every command imports this module

        taken = self.conn.execute(
            "SELECT uid FROM people WHERE name = ? COLLATE NOCASE AND uid != ?", (person.name, person.uid)
        ).fetchone()
        if taken:
            raise InputError(
                f"The file's {person.name} is a different person from the {person.name} in your journal "
                "(their ids differ). Rename one of them first. Nothing was imported."
            )
        values = {field: _value(getattr(person, field)) for field in PERSON_FIELDS}
        values["can_confide"] = _int(person.can_confide)
        values.update(created_at=person.created_at, updated_at=person.updated_at)
        person_id, _ = self._upsert("people", person.uid, values)
        self.ids["people"][person.uid] = person_id

    def _checkin(self, checkin: CheckinDoc) -> None:
        checkin_id, changed = self._upsert(
            "checkins",
            checkin.uid,
            {
                "day": checkin.day.isoformat(),
                "mood": checkin.mood,
                "note": checkin.note,
                "created_at": checkin.created_at,
                "updated_at": checkin.updated_at,
            },
        )
        self.ids["checkins"][checkin.uid] = checkin_id
        if changed is None:
            return  # the journal's check-in is newer: its people and tags stay too
        wanted = [
            (person, i.quality, i.created_at, i.updated_at)
            for i in checkin.people
            if (person := self._ref("people", i.person)) is not None  # None: deleted here since
        ]
        have = self.conn.execute(
            "SELECT person_id, quality, created_at, updated_at FROM interactions "
            "WHERE checkin_id = ? ORDER BY id",
            (checkin_id,),
        ).fetchall()
        tags = [
            row[0]
            for row in self.conn.execute(
                "SELECT tag FROM checkin_tags WHERE checkin_id = ? ORDER BY rowid", (checkin_id,)
            )
        ]
        if [tuple(row) for row in have] != wanted or tags != checkin.tags:
            self.conn.execute("DELETE FROM interactions WHERE checkin_id = ?", (checkin_id,))
            self.conn.execute("DELETE FROM checkin_tags WHERE checkin_id = ?", (checkin_id,))
            self.conn.executemany(
                "INSERT INTO interactions (checkin_id, person_id, quality, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, ?)",
                [(checkin_id, *interaction) for interaction in wanted],
            )
            self.conn.executemany(
                "INSERT INTO checkin_tags (checkin_id, tag) VALUES (?, ?)",
                [(checkin_id, tag) for tag in checkin.tags],
            )
            if not changed:
                self._count("checkins", "updated")

    def _event(self, event: EventDoc) -> None:
        event_id, changed = self._upsert(
            "events",
            event.uid,
            {
                "day": event.day.isoformat(),
                "approximate": int(event.approximate),
                "kind": event.kind.value,
                "note": event.note,
                "created_at": event.created_at,
                "updated_at": event.updated_at,
            },
        )
        if event_id is None:
            return  # deleted here since
        wanted = [person for uid in event.people if (person := self._ref("people", uid)) is not None]
        have = [
            row[0]
            for row in self.conn.execute(
                "SELECT person_id FROM event_people WHERE event_id = ? ORDER BY rowid", (event_id,)
            )
        ]
        if have != wanted:
            self.conn.execute("DELETE FROM event_people WHERE event_id = ?", (event_id,))
            self.conn.executemany(
                "INSERT INTO event_people (event_id, person_id) VALUES (?, ?)",
                [(event_id, person_id) for person_id in wanted],
            )
            if not changed:
                self._count("events", "updated")

    def _goal(self, goal: GoalDoc) -> None:
        goal_id, _ = self._upsert(
            "goals",
            goal.uid,
            {
                "text": goal.text,
                "status": goal.status,
                "closed_on": goal.closed_on.isoformat() if goal.closed_on else None,
                "created_at": goal.created_at,
                "updated_at": goal.updated_at,
            },
        )
        self.ids["goals"][goal.uid] = goal_id
        if goal_id is None:
            return  # deleted here since
        for entry in goal.history:
            exists = self.conn.execute(
                "SELECT 1 FROM goal_history WHERE goal_id = ? AND text = ? AND status = ? AND changed_at = ?",
                (goal_id, entry.text, entry.status, entry.changed_at),
            ).fetchone()
            if not exists:
                self.conn.execute(
                    "INSERT INTO goal_history (goal_id, text, status, changed_at) VALUES (?, ?, ?, ?)",
                    (goal_id, entry.text, entry.status, entry.changed_at),
                )
                self._count("goal_history", "added")
        for rating in goal.ratings:
            checkin_id = self._ref("checkins", rating.checkin)
            if checkin_id is None:
                continue  # its check-in was deleted here since
            row = self.conn.execute(
                "SELECT rating, created_at FROM goal_ratings WHERE goal_id = ? AND checkin_id = ?",
                (goal_id, checkin_id),
            ).fetchone()
            if row is None:
                self.conn.execute(
                    "INSERT INTO goal_ratings (goal_id, checkin_id, rating, created_at) VALUES (?, ?, ?, ?)",
                    (goal_id, checkin_id, rating.rating, rating.created_at),
                )
                self._count("goal_ratings", "added")
            elif tuple(row) != (rating.rating, rating.created_at):
                self.conn.execute(
                    "UPDATE goal_ratings SET rating = ?, created_at = ? WHERE goal_id = ? AND checkin_id = ?",
                    (rating.rating, rating.created_at, goal_id, checkin_id),
                )
                self._count("goal_ratings", "updated")


def _value(value: Any) -> Any:
    """An enum as its stored text; anything else as it is."""
    return getattr(value, "value", value)


def _int(flag: bool | None) -> int | None:
    return None if flag is None else int(flag)
