"""`ipt staying-well`: the staying-well plan on screen, as JSON or as Markdown."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ipt_journal.clinical.vocab import STAYING_WELL, STAYING_WELL_ABOUT, STAYING_WELL_TITLE

if TYPE_CHECKING:
    from ipt_journal.store.staying_well import StayingWellPlan

EMPTY = "Nothing written yet. Write it with: ipt staying-well edit"


def staying_well_json(plan: StayingWellPlan) -> dict:
    return {**plan.parts(), "updated_at": plan.updated_at}


def staying_well_lines(plan: StayingWellPlan) -> list[str]:
    """'My warning signs: ...', one line a part written; the empty plan says how to write it."""
    return plan.lines() or [EMPTY]


def staying_well_table(plan: StayingWellPlan) -> None:
    from rich.text import Text

    from ipt_journal.render.common import new_console

    console = new_console()
    console.print(STAYING_WELL_TITLE, style="bold")
    console.print(STAYING_WELL_ABOUT, style="dim")
    for part, (label, _) in STAYING_WELL.items():
        text = plan.parts()[part]
        console.print(Text(f"{label}: ", style="bold") + Text(text or "(nothing yet)"))
    console.print()
    console.print("Change it with: ipt staying-well edit. In a crisis: ipt crisis")


def staying_well_markdown(plan: StayingWellPlan) -> str:
    from ipt_journal.text.safe_text import markdown

    lines = [f"# {STAYING_WELL_TITLE}", "", STAYING_WELL_ABOUT, ""]
    for part, (label, _) in STAYING_WELL.items():
        text = plan.parts()[part]
        lines += [f"## {label}", "", markdown(text) if text else "", ""]
    return "\n".join(lines)
