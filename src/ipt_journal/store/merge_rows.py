"""What every merge does with a row, whatever its kind: insert or update it by uid (the
newer copy wins), find the row a uid names, count what changed; and `Records`, what a merge
reads. The merge itself, kind by kind, is `store/merging.py`."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Protocol

from ipt_journal.errors import InputError
from ipt_journal.store.repository import inserted

if TYPE_CHECKING:
    from ipt_journal.safekeeping import portable
    from ipt_journal.store.core import Journal


class Records(Protocol):
    """What a merge reads: each kind of record, iterated once (a Document, or a file read as
    it is merged)."""

    @property
    def people(self) -> Iterable[portable.PersonDoc]: ...
    @property
    def checkins(self) -> Iterable[portable.CheckinDoc]: ...
    @property
    def incidents(self) -> Iterable[portable.IncidentDoc]: ...
    @property
    def measures(self) -> Iterable[portable.MeasureDoc]: ...
    @property
    def courses(self) -> Iterable[portable.CourseDoc]: ...
    @property
    def goals(self) -> Iterable[portable.GoalDoc]: ...
    @property
    def safety_plan(self) -> Iterable[portable.SafetyPlanItemDoc]: ...
    @property
    def reviews(self) -> Iterable[portable.ReviewDoc]: ...
    @property
    def staying_well(self) -> Iterable[portable.StayingWellDoc]: ...
    @property
    def safety_plan_closing(self) -> Iterable[portable.ClosingDoc]: ...
    @property
    def midpoints(self) -> Iterable[portable.MidpointDoc]: ...
    @property
    def drafts(self) -> Iterable[portable.DraftDoc]: ...
    @property
    def coping(self) -> Iterable[portable.CopingDoc]: ...
    @property
    def strategies(self) -> Iterable[portable.StrategyDoc]: ...
    @property
    def exercises(self) -> Iterable[portable.ExerciseDoc]: ...
    @property
    def homework(self) -> Iterable[portable.HomeworkDoc]: ...
    @property
    def events(self) -> Iterable[portable.EventDoc]: ...
    @property
    def therapy_sessions(self) -> Iterable[portable.TherapySessionDoc]: ...
    @property
    def bring(self) -> Iterable[portable.BringDoc]: ...
    @property
    def pathway_steps(self) -> Iterable[portable.PathwayStepDoc]: ...
    @property
    def pathway_weeks(self) -> Iterable[portable.PathwayWeekDoc]: ...
    @property
    def deleted(self) -> Iterable[portable.DeletedDoc]: ...


PEOPLE_CACHED = 10_000


class MergeRows:
    """One import's row writing, inside its transaction."""

    def __init__(self, journal: Journal, counts: dict[str, dict[str, int]]) -> None:
        self.conn = journal.conn
        self.journal = journal
        self.counts = counts
        # The records of the file the journal deleted since (by kind): records pointing at
        # them point at nothing. Every other id is looked up when needed, never held for every
        # row: a million imported check-ins once kept 150 MB of uids.
        self.gone: defaultdict[str, set[str]] = defaultdict(set)
        self.people: dict[str, int] = {}  # a few ids looked up often: each check-in names people
        self.added_last = False  # the last _upsert inserted its row

    def _remember(self, table: str, uid: str, row_id: int | None) -> None:
        if row_id is None:
            self.gone[table].add(uid)

    def _ref(self, table: str, uid: str | None) -> int | None:
        if uid is None or uid in self.gone[table]:
            return None
        if table == "people" and uid in self.people:
            return self.people[uid]
        row = self.conn.execute(f"SELECT id FROM {table} WHERE uid = ?", (uid,)).fetchone()
        if row is None:
            raise InputError(
                f"The import refers to a record in {table} (uid {uid}) that is neither in it nor in "
                "your journal. Nothing was imported."
            )
        if table == "people" and len(self.people) < PEOPLE_CACHED:
            self.people[uid] = row[0]
        return row[0]

    def _count(self, table: str, what: str) -> None:
        counts = self.counts.setdefault(table, {"added": 0, "updated": 0, "skipped": 0})
        counts[what] = counts.get(what, 0) + 1  # also "deleted since" and "deleted", when any

    def _deleted_since(self, uid: str, updated_at: str) -> bool:
        """The journal deleted the record with `uid` after the file's copy was last changed."""
        row = self.conn.execute("SELECT deleted_at FROM tombstones WHERE uid = ?", (uid,)).fetchone()
        return row is not None and row["deleted_at"] >= updated_at

    def _upsert(self, table: str, uid: str, values: dict) -> tuple[int | None, bool | None]:
        """Insert the row with `uid`, or update it if the file's copy is newer; returns its id
        and whether it changed (None: the journal's copy is newer and was kept). A record the
        journal deleted since the file's copy was changed stays deleted: its id is None."""
        row = self.conn.execute(f"SELECT * FROM {table} WHERE uid = ?", (uid,)).fetchone()
        self.added_last = False
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
            self.added_last = True
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
