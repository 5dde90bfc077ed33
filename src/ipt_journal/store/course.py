"""The course of therapy: the course itself, its goals with their history and ratings, and
the end-of-course review."""

import datetime as dt
import sqlite3
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, NamedTuple

from ipt_journal.errors import NotFound
from ipt_journal.store.repository import Repository, new_uid, now

if TYPE_CHECKING:
    from ipt_journal.models import CourseIn, GoalIn, MeasureIn, MidpointIn, ReviewIn, StayingWellIn
    from ipt_journal.store.measures import Measure


class Course(NamedTuple):
    id: int
    uid: str
    started_on: str
    planned_weeks: int
    background: str | None
    reason: str | None
    with_therapist: bool | None
    focus_areas: list[str]
    dispute_person: str | None
    dispute_stage: str | None
    ended_on: str | None
    created_at: str
    updated_at: str
    formulation: str | None = None  # in the person's words: how the low mood links to the focus
    formulation_agreed_on: str | None = None


class Goal(NamedTuple):
    id: int
    uid: str
    text: str
    status: str
    closed_on: str | None
    created_at: str
    updated_at: str
    set_on: str | None = None  # the day it was set (m018), which may be before the day it was typed
    first_rating: int | None = None
    latest_rating: int | None = None
    ratings: int = 0


class Review(NamedTuple):
    id: int
    uid: str
    day: str
    what_changed: str | None
    what_helped: str | None
    warning_signs: str | None
    keep_practising: str | None
    created_at: str
    updated_at: str
    relapse_plan: str | None = None  # what to do if the warning signs return
    feelings_about_ending: str | None = None


class Midpoint(NamedTuple):
    """IPT's midpoint review: the focus and goals looked at again halfway through."""

    id: int
    uid: str
    day: str
    focus_still_right: str | None  # yes, partly or no
    focus_note: str | None
    goals_note: str | None
    next_half: str | None  # what to work on in the second half
    created_at: str
    updated_at: str


class CourseStore(Repository):
    def current(self) -> Course | None:
        row = self._one(
            "SELECT c.*, p.name AS dispute_person FROM courses c "
            "LEFT JOIN people p ON p.id = c.dispute_person_id ORDER BY c.id DESC LIMIT 1"
        )
        if row is None:
            return None
        values = dict(row)
        values.pop("dispute_person_id")
        values["focus_areas"] = [area for area in values["focus_areas"].split(",") if area]
        if values["with_therapist"] is not None:
            values["with_therapist"] = bool(values["with_therapist"])
        return Course(**values)

    def required(self) -> Course:
        """The current course, or NotFound saying how to start one."""
        current = self.current()
        if current is None:
            raise NotFound("You have not started a course yet.", "Start one with: ipt start")
        return current

    def save(
        self,
        course: "CourseIn",
        course_id: int | None = None,
        measures: "Sequence[MeasureIn]" = (),
        goals: "Sequence[GoalIn]" = (),
    ) -> "tuple[Course, list[Measure]]":
        """Start a course with its baseline measures and goals, or revise the one with
        `course_id`: all together or not at all. Returns the course and the measures saved."""
        before = self.current() if course_id is not None else None
        with self.journal.writing():
            measure_ids = [self.journal.measures.insert(measure, None) for measure in measures]
            for goal in goals:
                self.journal.goals.insert(goal)
            person_id = (
                self.journal.people.living_named(course.dispute_person, "dispute").id
                if course.dispute_person
                else None
            )
            values = {
                "started_on": course.started_on.isoformat(),
                "planned_weeks": course.planned_weeks,
                "background": course.background,
                "reason": course.reason,
                "with_therapist": None if course.with_therapist is None else int(course.with_therapist),
                "focus_areas": ",".join(area.value for area in course.focus_areas),
                "dispute_person_id": person_id,
                "dispute_stage": course.dispute_stage.value if course.dispute_stage else None,
                "formulation": course.formulation,
                "formulation_agreed_on": _day(course.formulation_agreed_on),
            }
            stamp = now()
            if course_id is None:
                columns = ["uid", *values, "created_at", "updated_at"]
                self.conn.execute(
                    f"INSERT INTO courses ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
                    [new_uid(), *values.values(), stamp, stamp],
                )
            else:
                assignments = ", ".join(f"{column} = ?" for column in values)
                self.conn.execute(
                    f"UPDATE courses SET {assignments}, updated_at = ? WHERE id = ?",
                    [*values.values(), stamp, course_id],
                )
            stage = course.dispute_stage.value if course.dispute_stage else None
            if stage and (before is None or before.dispute_stage != stage):
                # The stage named at the start is the first week's on the dispute's line; a
                # stage changed on revising is this week's (store/pathways.py).
                day = course.started_on if before is None else max(dt.date.today(), course.started_on)
                self.journal.pathways.insert_week(day, dispute_stage=stage)
        return self._saved(), self.journal.measures.all(ids=measure_ids) if measure_ids else []

    def set_formulation(self, course_id: int, text: str | None, agreed_on: dt.date | None) -> Course:
        with self.journal.writing():
            self.conn.execute(
                "UPDATE courses SET formulation = ?, formulation_agreed_on = ?, updated_at = ? WHERE id = ?",
                (text, _day(agreed_on), now(), course_id),
            )
        return self._saved()

    def set_length(self, course_id: int, planned_weeks: int) -> Course:
        with self.journal.writing():
            self.conn.execute(
                "UPDATE courses SET planned_weeks = ?, updated_at = ? WHERE id = ?",
                (planned_weeks, now(), course_id),
            )
        return self._saved()

    def end(self, course_id: int, day: dt.date, goals: Mapping[int, str] | None = None) -> Course:
        """End the course on `day` and, in the same transaction, close the goals given
        (goal id -> "done" or "dropped"); a goal kept open is simply not named."""
        with self.journal.writing():
            self.conn.execute(
                "UPDATE courses SET ended_on = ?, updated_at = ? WHERE id = ?",
                (day.isoformat(), now(), course_id),
            )
            for goal_id, status in (goals or {}).items():
                self.journal.goals.mark_closed(goal_id, status, day)
        return self._saved()

    def _saved(self) -> Course:
        """The course this transaction has just written."""
        course = self.current()
        if course is None:
            raise RuntimeError("no course after saving one")
        return course


class GoalStore(Repository):
    def all(self, status: str | None = None) -> list[Goal]:
        sql = """
            SELECT g.*,
                   (SELECT r.rating FROM goal_ratings r JOIN checkins c ON c.id = r.checkin_id
                    WHERE r.goal_id = g.id ORDER BY c.day, r.id LIMIT 1) AS first_rating,
                   (SELECT r.rating FROM goal_ratings r JOIN checkins c ON c.id = r.checkin_id
                    WHERE r.goal_id = g.id ORDER BY c.day DESC, r.id DESC LIMIT 1) AS latest_rating,
                   (SELECT count(*) FROM goal_ratings r WHERE r.goal_id = g.id) AS ratings
            FROM goals g
        """
        params: list = []
        if status:
            sql += " WHERE g.status = ?"
            params.append(status)
        return [Goal(**dict(row)) for row in self._all(sql + " ORDER BY g.status != 'open', g.id", params)]

    def get(self, goal_id: int) -> Goal:
        for goal in self.all():
            if goal.id == goal_id:
                return goal
        raise NotFound(f"There is no goal #{goal_id}.", "See the ids with: ipt goals list")

    def add(self, goals: "list[GoalIn]") -> list[Goal]:
        with self.journal.writing():
            ids = [self.insert(goal) for goal in goals]
        return [self.get(goal_id) for goal_id in ids]

    def insert(self, goal: "GoalIn") -> int:
        stamp = now()
        set_on = (goal.set_on or dt.date.today()).isoformat()
        goal_id = self._insert(
            "INSERT INTO goals (uid, text, status, set_on, created_at, updated_at) "
            "VALUES (?, ?, 'open', ?, ?, ?)",
            (new_uid(), goal.text, set_on, stamp, stamp),
        )
        self._record_history(goal_id, goal.text, "open", stamp)
        return goal_id

    def revise(self, goal_id: int, goal: "GoalIn") -> Goal:
        """Change a goal's words; the old words stay in its history."""
        current = self.get(goal_id)
        with self.journal.writing():
            stamp = now()
            self.conn.execute(
                "UPDATE goals SET text = ?, updated_at = ? WHERE id = ?", (goal.text, stamp, goal_id)
            )
            self._record_history(goal_id, goal.text, current.status, stamp)
        return self.get(goal_id)

    def close(self, goal_id: int, status: str, day: dt.date) -> Goal:
        self.get(goal_id)  # a clear error for an unknown id, before the transaction
        with self.journal.writing():
            self.mark_closed(goal_id, status, day)
        return self.get(goal_id)

    def mark_closed(self, goal_id: int, status: str, day: dt.date) -> None:
        """Inside the caller's transaction: the goal is done or dropped on `day`."""
        current = self.get(goal_id)
        stamp = now()
        self.conn.execute(
            "UPDATE goals SET status = ?, closed_on = ?, updated_at = ? WHERE id = ?",
            (status, day.isoformat(), stamp, goal_id),
        )
        self._record_history(goal_id, current.text, status, stamp)

    def _record_history(self, goal_id: int, text: str, status: str, stamp: str) -> None:
        self.conn.execute(
            "INSERT INTO goal_history (goal_id, text, status, changed_at) VALUES (?, ?, ?, ?)",
            (goal_id, text, status, stamp),
        )

    def history(self, goal_id: int) -> list[sqlite3.Row]:
        return self._all(
            "SELECT text, status, changed_at FROM goal_history WHERE goal_id = ? ORDER BY id", (goal_id,)
        )

    def check_open(self, goal_ids: list[int]) -> None:
        open_ids = {goal.id for goal in self.all("open")}
        for goal_id in goal_ids:
            if goal_id not in open_ids:
                raise NotFound(
                    f"There is no open goal #{goal_id} to rate.", "See the open goals with: ipt goals list"
                )


class ReviewStore(Repository):
    def add(
        self,
        review: "ReviewIn",
        staying_well: "StayingWellIn | None" = None,
        to_safety_plan: tuple[str, ...] = (),
    ) -> Review:
        """Save the end-of-course review and the staying-well plan it writes, in one
        transaction. The safety plan is touched only for the parts named in
        `to_safety_plan`, each filed in its own step (vocab.STAYING_WELL)."""
        from ipt_journal.clinical.vocab import STAYING_WELL
        from ipt_journal.models import SafetyPlanItemIn

        with self.journal.writing():
            stamp = now()
            review_id = self._insert(
                "INSERT INTO reviews (uid, day, what_changed, what_helped, warning_signs, keep_practising, "
                "relapse_plan, feelings_about_ending, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    new_uid(),
                    review.day.isoformat(),
                    review.what_changed,
                    review.what_helped,
                    review.warning_signs,
                    review.keep_practising,
                    review.relapse_plan,
                    review.feelings_about_ending,
                    stamp,
                    stamp,
                ),
            )
            if staying_well is not None:
                self.journal.staying_well.insert(staying_well)
                for part in to_safety_plan:
                    text = getattr(staying_well, part)
                    if text:
                        self.journal.safety_plan.insert(
                            SafetyPlanItemIn(step=STAYING_WELL[part][1], text=text)
                        )
        return Review(**dict(self._row("SELECT * FROM reviews WHERE id = ?", (review_id,))))

    def latest(self, since: str | None = None) -> Review | None:
        """The latest review; with `since` (a course's first day), only one written since."""
        row = self._one(
            "SELECT * FROM reviews WHERE day >= ? ORDER BY day DESC, id DESC LIMIT 1", (since or "",)
        )
        return Review(**dict(row)) if row else None


def _day(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


class MidpointStore(Repository):
    def add(self, midpoint: "MidpointIn") -> Midpoint:
        with self.journal.writing():
            stamp = now()
            midpoint_id = self._insert(
                "INSERT INTO midpoint_reviews (uid, day, focus_still_right, focus_note, goals_note, "
                "next_half, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    new_uid(),
                    midpoint.day.isoformat(),
                    midpoint.focus_still_right,
                    midpoint.focus_note,
                    midpoint.goals_note,
                    midpoint.next_half,
                    stamp,
                    stamp,
                ),
            )
        return Midpoint(**dict(self._row("SELECT * FROM midpoint_reviews WHERE id = ?", (midpoint_id,))))

    def latest(self, since: str | None = None) -> Midpoint | None:
        """The latest midpoint review, on or after `since` (a course's first day) if given."""
        row = self._one(
            "SELECT * FROM midpoint_reviews WHERE day >= ? ORDER BY day DESC, id DESC LIMIT 1",
            (since or "",),
        )
        return Midpoint(**dict(row)) if row else None
