"""The problem-area pathways in the journal: which step was done, when and by which exercise
(`pathway_steps`), and what a pathway tracks week by week (`pathway_weeks`: the role
dispute's stage, how many people the person can confide in); contacts per week are
counted from the check-ins, in SQL."""

import datetime as dt
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, NamedTuple

from ipt_journal.store.repository import Repository, new_uid, now

if TYPE_CHECKING:
    from ipt_journal.clinical.pathways import Done

# A day's Monday, in SQLite: 'weekday 0' moves to the coming Sunday (or stays on one).
MONDAY_SQL = "date({day}, 'weekday 0', '-6 days')"


class PathwayWeek(NamedTuple):
    week: str  # its Monday
    dispute_stage: str | None
    confidants: int | None


class WeekContacts(NamedTuple):
    week: str  # its Monday
    people: int  # different living people in the week's check-ins
    times: int  # times together recorded


class PathwayStore(Repository):
    def done(self, area: str, since: str | None = None) -> "dict[str, Done]":
        """Each step of `area` done on or after `since` (the course's start): the latest time."""
        from ipt_journal.clinical.pathways import Done

        rows = self._all(
            "SELECT step, max(day) AS day, exercise_id FROM pathway_steps "
            "WHERE area = ? AND day >= ? GROUP BY step",
            (area, since or ""),
        )
        # SQLite takes the bare column (exercise_id) from the row that gave max(day).
        return {row["step"]: Done(row["day"], row["exercise_id"]) for row in rows}

    def insert_step(self, area: str, step: str, day: dt.date, exercise_id: int | None) -> None:
        """Inside the caller's transaction (the exercise that did the step is saved with it)."""
        stamp = now()
        self.conn.execute(
            "INSERT INTO pathway_steps (uid, area, step, day, exercise_id, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (new_uid(), area, step, day.isoformat(), exercise_id, stamp, stamp),
        )

    def mark(self, area: str, step: str, day: dt.date) -> None:
        """A step done outside ipt (in a session, on paper): no exercise links it."""
        with self.journal.writing():
            self.insert_step(area, step, day, None)

    def after_exercise(
        self, kind: str, exercise_id: int, day: dt.date, answers: Mapping[str, Any], area: str | None
    ) -> None:
        """Inside the exercise's transaction: the pathway step it does, for `area` (from
        `ipt pathway next` or --pathway) or else for each focus area of the course whose
        pathway has a step done by this exercise; and a role dispute's stage for its week."""
        from ipt_journal.clinical.exercises import DISPUTE_STAGES
        from ipt_journal.clinical.pathways import PATHWAYS

        course = self.journal.course.current()
        since = course.started_on if course else None
        areas = [area] if area else (course.focus_areas if course else [])
        for each in areas:
            steps = [step for step in PATHWAYS.get(each, ()) if kind in step.exercises]
            if not steps:
                continue
            done = self.done(each, since)
            step = next((s for s in steps if s.key not in done), steps[0])
            self.insert_step(each, step.key, day, exercise_id)
        stage = answers.get("stage")
        if kind == "role-dispute" and stage in DISPUTE_STAGES:
            self.insert_week(day, dispute_stage=stage)

    def insert_week(
        self, day: dt.date, dispute_stage: str | None = None, confidants: int | None = None
    ) -> None:
        """Inside the caller's transaction: the week of `day` gets the values given (the others
        it already had stay)."""
        from ipt_journal.text.dates import monday_of

        stamp = now()
        self.conn.execute(
            "INSERT INTO pathway_weeks (uid, week, dispute_stage, confidants, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (week) DO UPDATE SET "
            "dispute_stage = coalesce(excluded.dispute_stage, dispute_stage), "
            "confidants = coalesce(excluded.confidants, confidants), updated_at = excluded.updated_at",
            (new_uid(), monday_of(day).isoformat(), dispute_stage, confidants, stamp, stamp),
        )
        if dispute_stage is not None:
            self.sync_course_stage()

    def sync_course_stage(self) -> None:
        """Inside the caller's transaction: the current course's dispute stage (and its
        dispute person's, in the inventory) becomes the latest week's recorded during the
        course, so the dashboard, prep, `ipt course` and the clinician document all say where
        the dispute stands now; a week recorded for an earlier date changes nothing there.
        Only a course whose focus is a role dispute has a stage (models/journal.py)."""
        course = self._one(
            "SELECT id, started_on, focus_areas, dispute_stage, dispute_person_id FROM courses "
            "ORDER BY id DESC LIMIT 1"
        )
        if course is None or "role-dispute" not in course["focus_areas"].split(","):
            return
        latest = self._one(
            f"SELECT dispute_stage FROM pathway_weeks WHERE dispute_stage IS NOT NULL "
            f"AND week >= {MONDAY_SQL.format(day='?')} ORDER BY week DESC LIMIT 1",
            (course["started_on"],),
        )
        if latest is None or latest["dispute_stage"] == course["dispute_stage"]:
            return
        stage, stamp = latest["dispute_stage"], now()
        self.conn.execute(
            "UPDATE courses SET dispute_stage = ?, updated_at = ? WHERE id = ?", (stage, stamp, course["id"])
        )
        self.conn.execute(
            "UPDATE people SET dispute_stage = ?, updated_at = ? "
            "WHERE id = ? AND problem_area = 'role-dispute' AND dispute_stage IS NOT ?",
            (stage, stamp, course["dispute_person_id"], stage),
        )

    def record_week(self, day: dt.date, dispute_stage: str | None, confidants: int | None) -> PathwayWeek:
        with self.journal.writing():
            self.insert_week(day, dispute_stage, confidants)
        from ipt_journal.text.dates import monday_of

        return next(w for w in self.weeks() if w.week == monday_of(day).isoformat())

    def weeks(self, since: str | None = None) -> list[PathwayWeek]:
        """The weeks recorded since `since` (a day), oldest first."""
        rows = self._all(
            "SELECT week, dispute_stage, confidants FROM pathway_weeks WHERE week >= ? ORDER BY week",
            (since or "",),
        )
        return [PathwayWeek(**dict(row)) for row in rows]

    def contacts(self, since: str, until: str) -> list[WeekContacts]:
        """Per week with check-ins from `since` to `until` (days): the different living people
        seen and the times together; people who have died are never counted as contacts."""
        rows = self._all(
            f"SELECT {MONDAY_SQL.format(day='c.day')} AS week, count(DISTINCT i.person_id) AS people, "
            "count(i.person_id) AS times FROM checkins c "
            "LEFT JOIN interactions i ON i.checkin_id = c.id "
            "AND i.person_id NOT IN (SELECT id FROM people WHERE status = 'deceased') "
            "WHERE c.day BETWEEN ? AND ? GROUP BY week ORDER BY week",
            (since, until),
        )
        return [WeekContacts(**dict(row)) for row in rows]

    def confidants_now(self) -> int:
        """Living people in the inventory marked as someone you can confide in."""
        return int(self._row("SELECT count(*) FROM people WHERE can_confide = 1 AND status != 'deceased'")[0])

    def deaths(self) -> list[tuple[str, dt.date]]:
        """People who died, with the day (only those whose day was given)."""
        return [(name, day) for name, day, month_only in self._deaths() if not month_only]

    def death_months(self) -> list[tuple[str, dt.date]]:
        """People who died in a month given without its day, with the month's 1st."""
        return [(name, day) for name, day, month_only in self._deaths() if month_only]

    def _deaths(self) -> list[tuple[str, dt.date, bool]]:
        from ipt_journal.text.dates import stored_day_or_month

        rows = self._all("SELECT name, died_on FROM people WHERE status = 'deceased' AND died_on IS NOT NULL")
        return [(row["name"], *stored_day_or_month(row["died_on"])) for row in rows]

    def holidays(self) -> list[tuple[str, dt.date | None, str]]:
        """People who died with days named as hard without them: (name, the day they died if
        given, the days as stored: "Christmas 12-25; her birthday 03-14")."""
        rows = self._all(
            "SELECT name, died_on, holidays FROM people WHERE status = 'deceased' AND holidays IS NOT NULL"
        )
        from ipt_journal.text.dates import stored_day_or_month

        return [
            (row["name"], stored_day_or_month(row["died_on"])[0] if row["died_on"] else None, row["holidays"])
            for row in rows
        ]
