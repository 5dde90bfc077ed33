"""The safety plan's entries, step by step."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ipt_journal.errors import NotFound
from ipt_journal.store.repository import Repository, new_uid, now

if TYPE_CHECKING:
    from ipt_journal.models import SafetyPlanItemIn


@dataclass
class SafetyPlanItem:
    id: int
    step: int
    text: str | None
    person: str | None


class SafetyPlanStore(Repository):
    def first_written(self) -> str | None:
        """When the plan's oldest entry still in it was written (a timestamp), or None."""
        return self._one("SELECT min(created_at) FROM safety_plan_items")[0]

    def last_changed(self) -> str | None:
        """When an entry still in the plan was last written or changed (a timestamp), or None.
        A removal leaves no stamp, so a plan emptied of one entry keeps the older date."""
        return self._one("SELECT max(max(created_at, updated_at)) FROM safety_plan_items")[0]

    def items(self) -> list[SafetyPlanItem]:
        rows = self._all(
            "SELECT s.id, s.step, s.text, p.name AS person FROM safety_plan_items s "
            "LEFT JOIN people p ON p.id = s.person_id ORDER BY s.step, s.id"
        )
        return [SafetyPlanItem(**dict(row)) for row in rows]

    def add(self, items: list[SafetyPlanItemIn]) -> None:
        with self.journal.writing():
            for item in items:
                self.insert(item)

    def insert(self, item: SafetyPlanItemIn) -> None:
        person_id = self.journal.people.living_named(item.person).id if item.person else None
        stamp = now()
        self.conn.execute(
            "INSERT INTO safety_plan_items (uid, step, text, person_id, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (new_uid(), item.step, item.text, person_id, stamp, stamp),
        )

    def remove(self, item_id: int) -> None:
        with self.journal.writing():
            if not self.conn.execute("DELETE FROM safety_plan_items WHERE id = ?", (item_id,)).rowcount:
                raise NotFound(
                    f"There is no safety plan entry #{item_id}.", "See the ids with: ipt safety-plan"
                )
        self.journal.fold_wal()
