"""The safety plan as a one-page card (Markdown or HTML) to print, keep in a wallet or
photograph: every step, the crisis lines, and the plan's closing answers. The HTML is the
clinician report's renderer (documents/html.py): self-contained, the same CSP."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ipt_journal.documents.clinician import Block, Heading, Items, Paragraph

if TYPE_CHECKING:
    from collections.abc import Sequence

    from ipt_journal.store.safety_plan import Closing, SafetyPlanItem

TITLE = "My safety plan"
TOP = "When things get hard, go down the steps until one helps. In danger now: call your emergency number."


def blocks(plan: Sequence[SafetyPlanItem], closing: Closing | None, country: str | None) -> list[Block]:
    from ipt_journal.clinical.vocab import CLOSING_LABELS, SAFETY_STEPS, step_heading
    from ipt_journal.render.safety_plan import step5_additions
    from ipt_journal.text.messages import plan_entry

    content: list[Block] = [Paragraph(TOP, emphasis=True)]
    for step, title in SAFETY_STEPS.items():
        entries = [plan_entry(item) for item in plan if item.step == step]
        if step == 5:
            entries += step5_additions(plan, country)
        content += [Heading(step_heading(step, title)), Items(entries or ["(to fill in)"])]
    answers = [
        f"{label}: {getattr(closing, key)}" for key, label in CLOSING_LABELS.items() if getattr(closing, key)
    ]
    if answers:
        content += [Heading("About this plan"), Items(answers)]
    content.append(Paragraph("Crisis lines for your country, any time: ipt crisis"))
    return content


def render(kind: str, plan: Sequence[SafetyPlanItem], closing: Closing | None, country: str | None) -> str:
    from ipt_journal.documents import html, markdown

    renderer = html if kind == "html" else markdown
    return renderer.render(TITLE, blocks(plan, closing, country))
