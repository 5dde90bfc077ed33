"""`ipt crisis`: help at any time, and the crisis block beneath any screen that shows a PHQ-9
with item 9 above 0. The settings that choose the lines are `ipt config` (cli/config.py)."""

import sys
from typing import TYPE_CHECKING, Annotated, Any, TextIO

import typer

from ipt_journal.cli.context import session
from ipt_journal.text import messages

if TYPE_CHECKING:
    from ipt_journal.store import Journal


def crisis(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of text.")] = False,
) -> None:
    """Crisis lines, right away, and your safety plan if the journal can be read."""
    from ipt_journal import config
    from ipt_journal.clinical import safety

    country = config.country_or_none()
    if as_json:
        data = safety.as_json(country, opening=safety.crisis_opening(country))
        plan, left_out = _plan_if_readable(ctx)
        data["safety_plan"] = messages.plain(plan)
        if left_out:
            data["safety_plan_left_out"] = left_out
        messages.print_json(data)
        return
    # First, before anything that could fail or wait.
    messages.crisis(country, opening=safety.crisis_opening(country))
    plan, left_out = _plan_if_readable(ctx)

    if plan:
        print("", file=sys.stdout)
        messages.safety_plan_text(plan, sys.stdout)
    elif left_out:
        print("", file=sys.stdout)
        messages.note(left_out)
    if not country:
        print("", file=sys.stdout)
        messages.note(safety.SET_COUNTRY_HINT)


KEYRING_UNREADABLE = (
    "Your safety plan is not shown: it is in your encrypted journal, whose passphrase is kept in "
    "your system keyring, and the keyring could not be read just now (it may be locked). Unlock "
    "it, or see the plan with: ipt safety-plan (it asks for the passphrase)."
)


def _plan_if_readable(ctx: typer.Context) -> tuple[list, str | None]:
    """The safety plan, read-only and quickly; nothing at all if the journal is missing,
    broken, locked, or from another version. With it, why it was left out when the person
    would expect it: a passphrase kept in the keyring that could not be read."""
    import os

    from ipt_journal.paths import journal_path
    from ipt_journal.store import PASSPHRASE_ENV, is_encrypted, read_safety_plan

    state = session(ctx)
    try:
        path = journal_path(state.db_flag)
        key = None
        if path.is_file() and not os.environ.get(PASSPHRASE_ENV) and is_encrypted(path):
            from ipt_journal.safekeeping import keychain

            if keychain.is_kept(path):
                key = keychain.read(path)
                if key is None:
                    return [], KEYRING_UNREADABLE
        return read_safety_plan(path, key), None
    except Exception:  # noqa: BLE001 - crisis help never fails because of the journal
        return [], None


def crisis_if_due(
    journal: "Journal", days: list[str], data: dict[str, Any] | None = None, stream: TextIO | None = None
) -> None:
    """Beneath a screen that showed PHQ-9s with item 9 above 0 (`days`, from
    `safety.item9_days`): while the latest PHQ-9 still answers item 9 above 0, the crisis
    lines, the plan and whom to tell how soon; once a later one answered 0, one line of
    history (`safety.history_line`). For --json a `safety` object in `data`, else text.
    Every screen showing a PHQ-9 calls this, so the rule and the words live in one place."""
    if not days:
        return
    from ipt_journal import config
    from ipt_journal.clinical import safety
    from ipt_journal.clinical.follow_up import care_of, item9_follow_up

    story = safety.item9_story(journal)
    if not story.urgent or story.latest is None:
        if data is not None:
            data["safety"] = safety.history_json(days, story)
        else:
            out = stream or sys.stdout
            messages.say("", file=out)
            messages.note(safety.history_line(story), stream=out)
        return
    country = config.country_or_none()
    plan = journal.safety_plan.items()
    follow_up = item9_follow_up(story.latest.answer, story.latest.total, care_of(journal))
    if data is not None:
        data["safety"] = {**safety.due_json(days, country, follow_up), "safety_plan": messages.plain(plan)}
    else:
        messages.item9_reminder(days, country, plan, follow_up, stream)
