"""`ipt safety-plan`: the plan as steps on screen, or as Markdown to keep on paper."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ipt_journal.clinical.vocab import CLOSING_LABELS
from ipt_journal.render.common import new_console
from ipt_journal.render.fit import hanging
from ipt_journal.text.messages import plan_entry

if TYPE_CHECKING:
    from collections.abc import Sequence

    from ipt_journal.store import SafetyPlanItem
    from ipt_journal.store.safety_plan import Closing

ED_BLANK = "Nearest emergency department (name and address): ____________"
# An entry names an emergency department: in words, or as A&E (UK, Ireland), ER (US) or ED
# (Australia, New Zealand, the US). ER and ED count in capitals only: "Ed" may be a name.
ED_NAMED = re.compile(r"emergency|hospital|\ba\s?&\s?e\b", re.IGNORECASE)
ED_ABBREVIATION = re.compile(r"\b(ER|ED)\b")


def step5_additions(plan: Sequence[SafetyPlanItem], country: str | None) -> list[str]:
    """What ipt adds to step 5 in every view: the crisis lines, and a blank for the nearest
    emergency department until an entry of the person's names one."""
    from ipt_journal.clinical import safety

    written = " ".join((item.text or "") for item in plan if item.step == 5)
    named = bool(ED_NAMED.search(written) or ED_ABBREVIATION.search(written))
    return [*safety.resources(country), *([] if named else [ED_BLANK])]


def safety_plan_table(
    plan: Sequence[SafetyPlanItem], country: str | None = None, closing: Closing | None = None
) -> None:
    from ipt_journal.clinical.vocab import SAFETY_PLAN_WITH_CLINICIAN, SAFETY_STEPS, step_heading

    console = new_console()
    console.print("Your safety plan", style="bold")
    console.print(SAFETY_PLAN_WITH_CLINICIAN, style="dim")
    for step, title in SAFETY_STEPS.items():
        console.print(step_heading(step, title))
        entries = [item for item in plan if item.step == step]
        for item in entries:
            hanging(console, f"   [{item.id}] {plan_entry(item)}", indent=len(f"[{item.id}] "))
        if step == 5:
            for line in step5_additions(plan, country):
                hanging(console, f"   - {line}", indent=2)
        elif not entries:
            console.print("   (nothing yet)", style="dim")
    if closing is not None and not closing.is_empty:
        console.print("About this plan")
        for key, label in CLOSING_LABELS.items():
            if getattr(closing, key):
                hanging(console, f"   {label}: {getattr(closing, key)}", indent=2)
    elif closing is not None:
        console.print("To close the plan: ipt safety-plan closing (how likely, what gets in the way, where)")
    console.print()
    console.print("Crisis lines are always one command away: ipt crisis")
    console.print("Add to it with: ipt safety-plan edit, or ipt safety-plan add STEP --text TEXT")


def safety_plan_markdown(
    plan: Sequence[SafetyPlanItem], country: str | None, closing: Closing | None = None
) -> str:
    from ipt_journal.clinical.vocab import SAFETY_PLAN_WITH_CLINICIAN, SAFETY_STEPS, step_heading
    from ipt_journal.text.safe_text import markdown

    lines = ["# My safety plan", "", SAFETY_PLAN_WITH_CLINICIAN, ""]
    for step, title in SAFETY_STEPS.items():
        lines += [f"## {step_heading(step, title)}", ""]
        entries = [markdown(plan_entry(item)) for item in plan if item.step == step]
        if step == 5:
            entries += step5_additions(plan, country)
        lines += [f"- {entry}" for entry in entries] or ["- "]
        lines.append("")
    if closing is not None and not closing.is_empty:
        lines += ["## About this plan", ""]
        lines += [
            f"- {label}: {markdown(getattr(closing, key))}"
            for key, label in CLOSING_LABELS.items()
            if getattr(closing, key)
        ]
        lines.append("")
    return "\n".join(lines)
