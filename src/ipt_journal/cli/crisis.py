"""`ipt crisis`: help at any time, and the crisis block beneath any screen that shows a PHQ-9
with item 9 above 0. The settings that choose the lines are `ipt config` (cli/config.py)."""

from typing import Annotated

import typer

from ipt_journal.cli.context import session
from ipt_journal.text import messages


def crisis(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of text.")] = False,
) -> None:
    """Crisis lines, right away, and your safety plan if the journal can be read."""
    from ipt_journal import config
    from ipt_journal.clinical import safety

    country = config.country_or_none()
    if as_json:
        data = safety.as_json(country, opening=safety.CRISIS_OPENING)
        data["safety_plan"] = messages.plain(_plan_if_readable(ctx))
        messages.print_json(data)
        return
    # First, before anything that could fail or wait.
    messages.crisis(country, opening=safety.CRISIS_OPENING)
    plan = _plan_if_readable(ctx)
    import sys

    if plan:
        print("", file=sys.stdout)
        messages.safety_plan_text(plan, sys.stdout)
    if not country:
        print("", file=sys.stdout)
        messages.note(safety.SET_COUNTRY_HINT)


def _plan_if_readable(ctx: typer.Context) -> list:
    """The safety plan, read-only and quickly; nothing at all if the journal is missing,
    broken, locked, or from another version."""
    from ipt_journal.paths import journal_path
    from ipt_journal.store import read_safety_plan

    state = session(ctx)
    try:
        return read_safety_plan(journal_path(state.db_flag))
    except Exception:  # noqa: BLE001 - crisis help never fails because of the journal
        return []


def crisis_if_due(journal, days: list[str], data: dict | None = None, stream=None) -> None:
    """The crisis block beneath a screen that showed PHQ-9s with item 9 above 0 (`days`,
    from `safety.item9_days`): for --json a `safety` object in `data`, else the calm text.
    Every screen showing a PHQ-9 calls this, so the rule and the words live in one place."""
    if not days:
        return
    from ipt_journal import config
    from ipt_journal.clinical import safety

    country = config.country_or_none()
    plan = journal.safety_plan.items()
    if data is not None:
        data["safety"] = {**safety.due_json(days, country), "safety_plan": messages.plain(plan)}
    else:
        messages.item9_reminder(days, country, plan, stream)
