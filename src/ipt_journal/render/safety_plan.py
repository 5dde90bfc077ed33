"""`ipt safety-plan`: the plan as steps on screen, or as Markdown to keep on paper."""

from __future__ import annotations

from rich.text import Text

from ipt_journal.render.common import new_console
from ipt_journal.text.messages import plan_entry

ED_BLANK = "Nearest emergency department (name and address): ____________"


def step5_additions(plan, country: str | None) -> list[str]:
    """What ipt adds to step 5 in every view: the crisis lines, and a blank for the nearest
    emergency department until an entry of the person's names one."""
    from ipt_journal.clinical import safety

    written = " ".join((item.text or "") for item in plan if item.step == 5).casefold()
    named = "emergency" in written or "hospital" in written
    return [*safety.resources(country), *([] if named else [ED_BLANK])]


def safety_plan_table(plan, country: str | None = None) -> None:
    from ipt_journal.clinical.vocab import SAFETY_PLAN_WITH_CLINICIAN, SAFETY_STEPS, step_heading

    console = new_console()
    console.print("Your safety plan", style="bold")
    console.print(SAFETY_PLAN_WITH_CLINICIAN, style="dim")
    for step, title in SAFETY_STEPS.items():
        console.print(step_heading(step, title))
        entries = [item for item in plan if item.step == step]
        for item in entries:
            console.print(Text(f"   [{item.id}] {plan_entry(item)}"))
        if step == 5:
            for line in step5_additions(plan, country):
                console.print(Text(f"   - {line}"))
        elif not entries:
            console.print("   (nothing yet)", style="dim")
    console.print()
    console.print("Crisis lines are always one command away: ipt crisis")
    console.print("Add to it with: ipt safety-plan edit, or ipt safety-plan add STEP --text TEXT")


def safety_plan_markdown(plan, country: str | None) -> str:
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
    return "\n".join(lines)
