"""Questionnaires taken (PHQ-9, GAD-7, WSAS): their answers, totals and baselines."""

import datetime as dt
from typing import TYPE_CHECKING, NamedTuple

from ipt_journal.store.repository import Repository, new_uid, now

# A PHQ-9 or GAD-7 asks about the last two weeks: one taken this close before the first
# session describes the start of the course.
BASELINE_LEAD_DAYS = 14

if TYPE_CHECKING:
    import sqlite3

    from ipt_journal.models import MeasureIn


class Measure(NamedTuple):
    id: int
    uid: str
    scale: str
    day: str
    answers: list[int | None]  # None: the WSAS work item, not applicable
    total: int
    checkin_id: int | None
    created_at: str
    updated_at: str
    difficulty: int | None = None  # 0-3, the unscored question after the items


class MeasureStore(Repository):
    def add(self, measure: "MeasureIn") -> Measure:
        with self.journal.writing():
            measure_id = self.insert(measure, None)
        return self.all(ids=[measure_id])[0]

    def insert(self, measure: "MeasureIn", checkin_id: int | None) -> int:
        stamp = now()
        return self._insert(
            "INSERT INTO measures (uid, scale, day, answers, total, difficulty, checkin_id, "
            "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                new_uid(),
                measure.scale,
                measure.day.isoformat(),
                _answers_text(measure.answers),
                measure.total,
                measure.difficulty,
                checkin_id,
                stamp,
                stamp,
            ),
        )

    def attach(self, measure_ids: list[int], checkin_id: int) -> None:
        """Link questionnaires saved early in a check-in wizard to the check-in; joins the
        caller's transaction."""
        self.conn.executemany(
            "UPDATE measures SET checkin_id = ? WHERE id = ?", [(checkin_id, m) for m in measure_ids]
        )

    def get(self, measure_id: int) -> Measure:
        found = self.all(ids=[measure_id])
        if not found:
            from ipt_journal.errors import NotFound

            raise NotFound(
                f"There is no questionnaire #{measure_id}.", "See the ids with: ipt measure history"
            )
        return found[0]

    def update(self, measure_id: int, measure: "MeasureIn") -> Measure:
        """Correct the day or the answers of a questionnaire taken; its total goes with them."""
        self.get(measure_id)
        with self.journal.writing():
            self.conn.execute(
                "UPDATE measures SET day = ?, answers = ?, total = ?, difficulty = ?, updated_at = ? "
                "WHERE id = ?",
                (
                    measure.day.isoformat(),
                    _answers_text(measure.answers),
                    measure.total,
                    measure.difficulty,
                    now(),
                    measure_id,
                ),
            )
        return self.get(measure_id)

    def delete(self, measure_id: int) -> None:
        self.get(measure_id)
        with self.journal.writing():
            self.conn.execute("DELETE FROM measures WHERE id = ?", (measure_id,))
        self.journal.fold_wal()

    def all(
        self,
        scale: str | None = None,
        ids: list[int] | None = None,
        checkin_id: int | None = None,
        since: dt.date | None = None,
        until: dt.date | None = None,
        last: int | None = None,
    ) -> list[Measure]:
        """Oldest first; with `last`, only the newest that many."""
        sql = "SELECT * FROM measures WHERE 1 = 1"
        params: list[object] = []
        if since is not None:
            sql += " AND day >= ?"
            params.append(since.isoformat())
        if until is not None:
            sql += " AND day <= ?"
            params.append(until.isoformat())
        if checkin_id is not None:
            sql += " AND checkin_id = ?"
            params.append(checkin_id)
        if scale:
            sql += " AND scale = ?"
            params.append(scale)
        if ids:
            sql += f" AND id IN ({', '.join('?' * len(ids))})"
            params += ids
        if last:
            sql = f"SELECT * FROM ({sql} ORDER BY day DESC, id DESC LIMIT {int(last)})"
        rows = self._all(sql + " ORDER BY day, id", params)
        return [Measure(**{**dict(row), "answers": _answers(row["answers"])}) for row in rows]

    def baseline(self, scale: str, course_start: str | None, fallback: bool = True) -> Measure | None:
        """The baseline of `scale`, the one meaning of the word in ipt: the questionnaire
        taken at the course's start, which is the latest one in the BASELINE_LEAD_DAYS up to
        and including the start day (it covers the two weeks before it), else the first
        one after it; with no course, or none of those, the first ever (unless not
        `fallback`)."""
        found = None
        if course_start:
            lead = (dt.date.fromisoformat(course_start) - dt.timedelta(days=BASELINE_LEAD_DAYS)).isoformat()
            params = {"scale": scale, "start": course_start, "lead": lead}
            found = self._where(
                "scale = :scale AND day BETWEEN :lead AND :start ORDER BY day DESC, id", params
            ) or self._where("scale = :scale AND day > :start ORDER BY day, id", params)
        if found or not fallback:
            return found
        return self._where("scale = :scale ORDER BY day, id", {"scale": scale})

    def baseline_and_previous(self, measure: Measure) -> tuple[Measure | None, Measure | None]:
        """The baseline (see `baseline`) for `measure` and the one just before it; no
        baseline where `measure` is itself the baseline or was taken before it."""
        course = self.journal.course.current()
        baseline = self.baseline(measure.scale, course.started_on if course else None)
        if baseline and (baseline.day, baseline.id) >= (measure.day, measure.id):
            baseline = None
        previous = self._where(
            "scale = :scale AND (day < :day OR (day = :day AND id < :id)) ORDER BY day DESC, id DESC",
            {"scale": measure.scale, "day": measure.day, "id": measure.id},
        )
        return baseline, previous

    def item_answers(self, scale: str, item: int) -> "list[sqlite3.Row]":
        """Each `scale` questionnaire's day, its answer to `item` (numbered from 1; 0 when
        not answered) and total, oldest first: read in SQL, without decoding every answer
        (each screen that shows a PHQ-9 asks this for item 9, over the whole journal)."""
        return self._all(
            "SELECT day, coalesce(json_extract(answers, '$[' || (? - 1) || ']'), 0) AS answer, total "
            "FROM measures WHERE scale = ? ORDER BY day, id",
            (item, scale),
        )

    def latest(self, scale: str) -> Measure | None:
        return self._where("scale = :scale ORDER BY day DESC, id DESC", {"scale": scale})

    def _where(self, condition: str, params: dict) -> Measure | None:
        row = self._one(f"SELECT * FROM measures WHERE {condition} LIMIT 1", params)
        return Measure(**{**dict(row), "answers": _answers(row["answers"])}) if row else None

    def last_day(self, scale: str) -> str | None:
        return self._row("SELECT max(day) FROM measures WHERE scale = ?", (scale,))[0]


# The answers are a JSON list in their column; json is imported only by what reads or
# writes them (a check-in without a questionnaire does neither).
def _answers(text: str) -> list[int | None]:
    import json

    answers: list[int | None] = json.loads(text)
    return answers


def _answers_text(answers: list[int | None]) -> str:
    import json

    return json.dumps(answers)
