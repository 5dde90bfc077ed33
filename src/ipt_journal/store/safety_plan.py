"""The safety plan's entries, step by step."""

from typing import TYPE_CHECKING, NamedTuple

from ipt_journal.errors import NotFound
from ipt_journal.store.repository import Repository, new_uid, now

if TYPE_CHECKING:
    from ipt_journal.models import SafetyPlanItemIn


class SafetyPlanItem(NamedTuple):
    id: int
    step: int
    text: str | None
    person: str | None
    phone: str | None = None  # a way to reach them (steps 3 to 5)


class Closing(NamedTuple):
    """The questions that close a Stanley-Brown plan."""

    how_likely: str | None = None  # how likely am I to use this plan
    in_the_way: str | None = None  # what might get in the way
    kept_where: str | None = None  # where I will keep it
    updated_at: str | None = None

    @property
    def is_empty(self) -> bool:
        return not (self.how_likely or self.in_the_way or self.kept_where)


class SafetyPlanStore(Repository):
    def first_written(self) -> str | None:
        """When the plan's oldest entry still in it was written (a timestamp), or None."""
        return self._row("SELECT min(created_at) FROM safety_plan_items")[0]

    def last_changed(self) -> str | None:
        """When an entry still in the plan was last written or changed (a timestamp), or None.
        A removal leaves no stamp, so a plan emptied of one entry keeps the older date."""
        return self._row("SELECT max(max(created_at, updated_at)) FROM safety_plan_items")[0]

    def items(self) -> list[SafetyPlanItem]:
        rows = self._all(
            "SELECT s.id, s.step, s.text, p.name AS person, s.phone FROM safety_plan_items s "
            "LEFT JOIN people p ON p.id = s.person_id ORDER BY s.step, s.id"
        )
        return [SafetyPlanItem(**dict(row)) for row in rows]

    def copied_from_reviews(self) -> list[SafetyPlanItem]:
        """Entries that earlier versions copied from the end-of-course review (its warning
        signs into step 1, its relapse plan into step 2): they belong to the staying-well plan."""
        rows = self._all(
            "SELECT s.id, s.step, s.text, NULL AS person, s.phone FROM safety_plan_items s "
            "WHERE s.person_id IS NULL AND ("
            "(s.step = 1 AND s.text IN (SELECT warning_signs FROM reviews)) OR "
            "(s.step = 2 AND s.text IN (SELECT relapse_plan FROM reviews))) ORDER BY s.step, s.id"
        )
        return [SafetyPlanItem(**dict(row)) for row in rows]

    def add(self, items: "list[SafetyPlanItemIn]") -> None:
        with self.journal.writing():
            for item in items:
                self.insert(item)

    def insert(self, item: "SafetyPlanItemIn") -> None:
        person_id = self.journal.people.living_named(item.person).id if item.person else None
        stamp = now()
        self.conn.execute(
            "INSERT INTO safety_plan_items (uid, step, text, person_id, phone, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (new_uid(), item.step, item.text, person_id, item.phone, stamp, stamp),
        )

    def remove(self, item_id: int) -> None:
        with self.journal.writing():
            if not self.conn.execute("DELETE FROM safety_plan_items WHERE id = ?", (item_id,)).rowcount:
                raise NotFound(
                    f"There is no safety plan entry #{item_id}.", "See the ids with: ipt safety-plan"
                )
        self.journal.fold_wal()


CLOSING = ("how_likely", "in_the_way", "kept_where")


class ClosingStore(Repository):
    def get(self) -> Closing:
        row = self._one(f"SELECT {', '.join(CLOSING)}, updated_at FROM safety_plan_closing WHERE id = 1")
        return Closing(**dict(row)) if row else Closing()

    def save(self, answers: dict[str, str | None]) -> Closing:
        """Write the answers given (None keeps one; an empty text clears it)."""
        with self.journal.writing():
            self.put(answers)
        return self.get()

    def put(self, answers: dict[str, str | None]) -> None:
        """`save` inside the caller's transaction, beside the plan's new entries."""
        given = {key: value for key, value in answers.items() if key in CLOSING and value is not None}
        self._write_one_row("safety_plan_closing", given)
