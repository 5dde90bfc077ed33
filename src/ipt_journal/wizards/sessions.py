"""The therapy-session wizard: what you worked on, homework agreed, what came up."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ipt_journal.store import BringItem


def session_wizard(
    fields: dict[str, Any], texts: list[str], open_items: list[BringItem], ask_homework: bool = True
) -> tuple[dict[str, Any], list[str], list[int] | None]:
    """Ask for the session's fields (pre-filled), then, for a new one, homework agreed and
    which things to bring came up."""
    from ipt_journal import prompts
    from ipt_journal.questions import THERAPY_SESSION as ASK
    from ipt_journal.text.dates import parse_day

    fields["day"] = prompts.day(ASK["day"], parse_day, default=str(fields["day"]))
    fields["with_whom"] = (
        prompts.text(ASK["with_whom"], default=fields.get("with_whom") or "").strip() or None
    )
    for key in ("worked_on", "agreed"):
        fields[key] = prompts.text(ASK[key], default=fields.get(key) or "").strip() or None
    while ask_homework:
        task = prompts.text(ASK["homework_more"] if texts else ASK["homework"]).strip()
        if not task:
            break
        texts.append(task)
    discussed = None
    noted = [item for item in open_items if item.added_on <= fields["day"].isoformat()]  # by that day
    if noted:
        choices = [(item.text, item.id) for item in noted]
        discussed = prompts.checkbox(ASK["discussed"], choices, checked=[item.id for item in noted])
    return fields, texts, discussed


def ask_bring() -> str:
    """Something to bring to the next session (`ipt bring` without TEXT)."""
    from ipt_journal import prompts
    from ipt_journal.questions import THERAPY_SESSION

    return prompts.text(THERAPY_SESSION["bring"], validate=lambda v: bool(v.strip()) or "Type a few words.")
