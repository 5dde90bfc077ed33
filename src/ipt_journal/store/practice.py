"""Practice between sessions: coping strategies used, exercises done, and homework."""

import datetime as dt
import json
import sqlite3
from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

from ipt_journal.errors import InputError, NotFound
from ipt_journal.store.repository import Repository, new_uid, now

if TYPE_CHECKING:
    from ipt_journal.models import BringIn, CopingIn, ExerciseIn, HomeworkDoneIn, HomeworkIn, StrategyIn


class Homework(NamedTuple):
    id: int
    uid: str
    text: str
    due: str | None
    person: str | None
    status: str
    outcome: str | None
    helpful: int | None
    closed_on: str | None
    created_at: str
    updated_at: str
    exercise_id: int | None = None

    def overdue(self, today: dt.date) -> bool:
        return self.status == "open" and self.due is not None and self.due < today.isoformat()

    def due_by(self, day: dt.date) -> bool:
        return self.status == "open" and self.due is not None and self.due <= day.isoformat()


class Exercise(NamedTuple):
    id: int
    uid: str
    kind: str
    day: str
    person: str | None
    mood_before: int | None
    mood_after: int | None
    answers: dict
    created_at: str
    updated_at: str


class OwnStrategy(NamedTuple):
    id: int
    uid: str
    key: str
    name: str
    how: str | None
    created_at: str
    updated_at: str


class CopingStore(Repository):
    def own_strategies(self) -> list[OwnStrategy]:
        return [
            OwnStrategy(**dict(row)) for row in self._all("SELECT * FROM coping_strategies ORDER BY name")
        ]

    def add_strategy(self, strategy: "StrategyIn") -> OwnStrategy:
        stamp = now()
        with self.journal.writing():
            if self._one("SELECT 1 FROM coping_strategies WHERE key = ?", (strategy.key,)):
                raise InputError(f"You already have a strategy called {strategy.key!r}.")
            self.conn.execute(
                "INSERT INTO coping_strategies (uid, key, name, how, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (new_uid(), strategy.key, strategy.name, strategy.how, stamp, stamp),
            )
        return next(s for s in self.own_strategies() if s.key == strategy.key)

    def remove_strategy(self, key: str) -> None:
        """Your own strategy goes; the times you used it stay in your history."""
        with self.journal.writing():
            if not self.conn.execute("DELETE FROM coping_strategies WHERE key = ?", (key,)).rowcount:
                raise NotFound(f"You have no strategy of your own called {key!r}.", "See them with: ipt cope")
        self.journal.fold_wal()

    def add(self, use: "CopingIn") -> int:
        stamp = now()
        with self.journal.writing():
            return self._insert(
                "INSERT INTO coping_log (uid, strategy, day, helpful, note, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (new_uid(), use.strategy, use.day.isoformat(), use.helpful, use.note, stamp, stamp),
            )

    def summary(self, since: dt.date) -> list[sqlite3.Row]:
        """Per strategy used since `since`: how often, and how helpful on average (1-5)."""
        return self._all(
            "SELECT strategy, count(*) AS uses, avg(helpful) AS mean_helpful, count(helpful) AS rated "
            "FROM coping_log WHERE day >= ? GROUP BY strategy "
            "ORDER BY mean_helpful IS NULL, mean_helpful DESC, uses DESC",
            (since.isoformat(),),
        )


class ExerciseStore(Repository):
    def _person_id(self, exercise: "ExerciseIn") -> int | None:
        """Only the grief exercise is about someone who died; the rest are with the living."""
        from ipt_journal.clinical.exercises import REMEMBERING, refusal_for

        if not exercise.person:
            return None
        if exercise.kind in REMEMBERING:
            return self.journal.people.named(exercise.person).id
        return self.journal.people.living_named(exercise.person, refusal_for(exercise.kind)).id

    def add(
        self,
        exercise: "ExerciseIn",
        homework: "HomeworkIn | None" = None,
        bring: "Sequence[BringIn]" = (),
        finishes_draft: bool = False,
        pathway: str | None = None,
    ) -> Exercise:
        """Save a finished exercise, the homework made from its plan and anything to bring to
        the next session, together; with `finishes_draft`, the draft it continued goes too.
        The pathway step it does (of `pathway`, else of the course's focus) is kept with it."""
        stamp = now()
        with self.journal.writing():
            if finishes_draft:
                self.journal.drafts.discard(exercise.kind)
            person_id = self._person_id(exercise)
            exercise_id = self._insert(
                "INSERT INTO exercises (uid, kind, day, person_id, mood_before, mood_after, answers, "
                "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    new_uid(),
                    exercise.kind,
                    exercise.day.isoformat(),
                    person_id,
                    exercise.mood_before,
                    exercise.mood_after,
                    json.dumps(exercise.answers, ensure_ascii=False),
                    stamp,
                    stamp,
                ),
            )
            self.journal.pathways.after_exercise(
                exercise.kind, exercise_id, exercise.day, exercise.answers, pathway
            )
            if homework is not None:
                self.journal.homework.insert(homework.model_copy(update={"exercise_id": exercise_id}))
            for item in bring:
                self.journal.bring.insert(item)
        return self.get(exercise_id)

    def all(
        self,
        kind: str | None = None,
        person: str | None = None,
        since: dt.date | None = None,
        until: dt.date | None = None,
        limit: int | None = None,
    ) -> list[Exercise]:
        """Newest first."""
        sql = f"{EXERCISE_SELECT} WHERE 1 = 1"
        params: list = []
        if since:
            sql += " AND e.day >= ?"
            params.append(since.isoformat())
        if until:
            sql += " AND e.day <= ?"
            params.append(until.isoformat())
        if kind:
            sql += " AND e.kind = ?"
            params.append(kind)
        if person:
            sql += " AND e.person_id = ?"
            params.append(self.journal.people.named(person).id)
        sql += " ORDER BY e.day DESC, e.id DESC" + (f" LIMIT {int(limit)}" if limit else "")
        return [_exercise(row) for row in self._all(sql, params)]

    def get(self, exercise_id: int) -> Exercise:
        row = self._one(
            f"{EXERCISE_SELECT} WHERE e.id = ?",
            (exercise_id,),
        )
        if row is None:
            raise NotFound(f"There is no exercise #{exercise_id}.", "See the ids with: ipt exercise history")
        return _exercise(row)

    def summary(self, since: dt.date) -> dict:
        """Exercises done since `since`: by kind, by person, and mean mood before and after
        (over those with both)."""
        window = {"since": since.isoformat()}
        by_kind = self._all(
            "SELECT kind, count(*) AS done FROM exercises WHERE day >= :since "
            "GROUP BY kind ORDER BY done DESC, kind",
            window,
        )
        by_person = self._all(
            "SELECT p.name, count(*) AS done FROM exercises e JOIN people p ON p.id = e.person_id "
            "WHERE e.day >= :since GROUP BY p.id ORDER BY done DESC, p.name",
            window,
        )
        mood = self._row(
            "SELECT count(*) AS rated, avg(mood_before) AS before, avg(mood_after) AS after FROM exercises "
            "WHERE day >= :since AND mood_before IS NOT NULL AND mood_after IS NOT NULL",
            window,
        )
        return {
            "by_kind": {row["kind"]: row["done"] for row in by_kind},
            "by_person": {row["name"]: row["done"] for row in by_person},
            "mood_rated": mood["rated"],
            "mean_mood_before": mood["before"],
            "mean_mood_after": mood["after"],
        }


class HomeworkStore(Repository):
    def add(self, homework: "HomeworkIn") -> Homework:
        with self.journal.writing():
            homework_id = self.insert(homework)
        return self.get(homework_id)

    def insert(self, homework: "HomeworkIn") -> int:
        # A task is done with someone living, never "with" someone who has died.
        person_id = self.journal.people.living_named(homework.person, "with").id if homework.person else None
        if homework.exercise_id is not None:
            self.journal.exercises.get(homework.exercise_id)  # refuses an unknown id
        stamp = now()
        return self._insert(
            "INSERT INTO homework (uid, text, due, person_id, exercise_id, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                new_uid(),
                homework.text,
                homework.due.isoformat() if homework.due else None,
                person_id,
                homework.exercise_id,
                stamp,
                stamp,
            ),
        )

    def all(self, open_only: bool = True) -> list[Homework]:
        """Open items first, soonest due first (undated last), then the closed ones."""
        where = "WHERE h.status = 'open'" if open_only else ""
        rows = self._all(
            f"SELECT h.*, p.name AS person FROM homework h LEFT JOIN people p ON p.id = h.person_id {where} "
            "ORDER BY h.status != 'open', h.due IS NULL, h.due, h.id"
        )
        return [_homework(row) for row in rows]

    def open_or_closed_since(self, since: dt.date) -> list[Homework]:
        """Open homework, and homework closed since `since`: soonest due first."""
        rows = self._all(
            "SELECT h.*, p.name AS person FROM homework h LEFT JOIN people p ON p.id = h.person_id "
            "WHERE h.status = 'open' OR h.closed_on >= ? ORDER BY h.due IS NULL, h.due, h.id",
            (since.isoformat(),),
        )
        return [_homework(row) for row in rows]

    def get(self, homework_id: int) -> Homework:
        row = self._one(
            "SELECT h.*, p.name AS person FROM homework h LEFT JOIN people p ON p.id = h.person_id "
            "WHERE h.id = ?",
            (homework_id,),
        )
        if row is None:
            raise NotFound(
                f"There is no homework #{homework_id}.", "See the ids with: ipt homework list --all"
            )
        return _homework(row)

    def close(
        self, homework_id: int, status: str, day: dt.date, result: "HomeworkDoneIn | None" = None
    ) -> Homework:
        with self.journal.writing():
            self.mark_closed(homework_id, status, day, result)
        return self.get(homework_id)

    def mark_closed(
        self, homework_id: int, status: str, day: dt.date, result: "HomeworkDoneIn | None"
    ) -> None:
        current = self.get(homework_id)
        if current.status != "open":
            raise InputError(f"Homework #{homework_id} is already {current.status}.")
        self.conn.execute(
            "UPDATE homework SET status = ?, closed_on = ?, outcome = ?, helpful = ?, updated_at = ? "
            "WHERE id = ?",
            (
                status,
                day.isoformat(),
                result.outcome if result else None,
                result.helpful if result else None,
                now(),
                homework_id,
            ),
        )

    def summary(self, since: dt.date, today: dt.date) -> sqlite3.Row:
        """Homework set since `since`: how many, done, skipped, and open past their due day."""
        return self._row(
            "SELECT count(*) AS assigned, total(status = 'done') AS done, "
            "total(status = 'skipped') AS skipped, total(status = 'open' AND due < :today) AS overdue "
            "FROM homework WHERE substr(created_at, 1, 10) >= :since OR due >= :since",
            {"since": since.isoformat(), "today": today.isoformat()},
        )


def _homework(row: sqlite3.Row) -> Homework:
    values = dict(row)
    values.pop("person_id")
    return Homework(**values)


EXERCISE_SELECT = "SELECT e.*, p.name AS person FROM exercises e LEFT JOIN people p ON p.id = e.person_id"


def _exercise(row: sqlite3.Row) -> Exercise:
    values = dict(row)
    values.pop("person_id")
    values["answers"] = json.loads(values["answers"])
    return Exercise(**values)
