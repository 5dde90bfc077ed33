"""The staying-well plan: IPT's relapse prevention, kept apart from the crisis safety plan.

One plan per journal (a one-row table). `journal.staying_well.get()` returns it, empty
when nothing was written, so every screen and document can show it without checks."""

from typing import TYPE_CHECKING, NamedTuple

from ipt_journal.errors import NotFound
from ipt_journal.store.repository import Repository

if TYPE_CHECKING:
    from ipt_journal.models import StayingWellIn

# The plan's parts in the order a person reads them; the same names as the columns, the
# model's fields and the JSON keys.
PARTS = ("warning_signs", "what_i_will_do", "whom_i_tell", "when_to_contact")


class StayingWellPlan(NamedTuple):
    warning_signs: str | None = None  # early signs that depression may be coming back
    what_i_will_do: str | None = None
    whom_i_tell: str | None = None
    when_to_contact: str | None = None  # when I will contact my doctor or therapist
    updated_at: str | None = None  # None: never written

    @property
    def is_empty(self) -> bool:
        return not any(getattr(self, part) for part in PARTS)

    def parts(self) -> dict[str, str | None]:
        return {part: getattr(self, part) for part in PARTS}

    def lines(self) -> list[str]:
        """'My warning signs: ...', one line a part written (the dashboard, the clinician
        document); empty when nothing was."""
        from ipt_journal.clinical.vocab import STAYING_WELL

        return [f"{STAYING_WELL[part][0]}: {text}" for part, text in self.parts().items() if text]


class StayingWellStore(Repository):
    def get(self) -> StayingWellPlan:
        """The plan, or an empty one if none was written."""
        row = self._one(f"SELECT {', '.join(PARTS)}, updated_at FROM staying_well WHERE id = 1")
        return StayingWellPlan(**dict(row)) if row else StayingWellPlan()

    def save(self, plan: "StayingWellIn") -> StayingWellPlan:
        """Write the parts given (None keeps a part as it is), in its own transaction."""
        with self.journal.writing():
            self.insert(plan)
        return self.get()

    def insert(self, plan: "StayingWellIn") -> None:
        """Like `save`, inside the caller's transaction."""
        given = {part: getattr(plan, part) for part in PARTS if getattr(plan, part) is not None}
        self._write_one_row("staying_well", given)

    def take_back(self, item_ids: list[int]) -> None:
        """Move safety-plan entries an earlier version copied from the review (see
        `safety_plan.copied_from_reviews`) out of the crisis plan: each fills its part of the
        staying-well plan if that part is empty (the migration seeded it from the review,
        so usually it holds the same words), then leaves the safety plan. One transaction."""
        copies = {item.id: item for item in self.journal.safety_plan.copied_from_reviews()}
        for item_id in item_ids:
            if item_id not in copies:
                raise NotFound(
                    f"Safety plan entry #{item_id} is not one copied from your review.",
                    "See them with: ipt staying-well move-copies",
                )
        with self.journal.writing():
            for item_id in item_ids:
                item = copies[item_id]
                part = "warning_signs" if item.step == 1 else "what_i_will_do"
                plan = self.get()
                if not getattr(plan, part):
                    from ipt_journal.models import StayingWellIn

                    self.insert(StayingWellIn(**{part: item.text}))
                self.conn.execute("DELETE FROM safety_plan_items WHERE id = ?", (item_id,))
        self.journal.fold_wal()
