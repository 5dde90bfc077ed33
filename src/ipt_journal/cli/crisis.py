"""`ipt crisis` and `ipt config`: help at any time, and the settings that choose it."""

from typing import Annotated

import typer

from ipt_journal import messages
from ipt_journal.cli.session import command_group, session


def crisis(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of text.")] = False,
) -> None:
    """Crisis lines, right away, and your safety plan if the journal can be read."""
    from ipt_journal import config, safety

    country = config.country_or_none()
    if as_json:
        data = safety.as_json(country, opening=safety.CRISIS_OPENING)
        plan, left_out = _plan_if_readable(ctx)
        data["safety_plan"] = messages.plain(plan)
        if left_out:
            data["safety_plan_left_out"] = left_out
        messages.print_json(data)
        return
    # First, before anything that could fail or wait.
    messages.crisis(country, opening=safety.CRISIS_OPENING)
    plan, left_out = _plan_if_readable(ctx)
    import sys

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
            from ipt_journal import keychain

            if keychain.is_kept(path):
                key = keychain.read(path)
                if key is None:
                    return [], KEYRING_UNREADABLE
        return read_safety_plan(path, key), None
    except Exception:  # noqa: BLE001 - crisis help never fails because of the journal
        return [], None


config_app = command_group(
    help="Settings kept outside the journal (for example your country).", no_args_is_help=True
)


@config_app.command("show")
def config_show() -> None:
    """Every setting and where they are kept."""
    from ipt_journal import config

    path = config.config_path()
    values = config.load(path)
    for key, meaning in config.SETTINGS.items():
        messages.note(f"{key} = {values.get(key, '(not set)')}    {meaning}")
    messages.note(f"Settings file: {path}")


@config_app.command("set")
def config_set(
    key: Annotated[str, typer.Argument(metavar="KEY", help="The setting, e.g. country.", show_default=False)],
    value: Annotated[
        str, typer.Argument(metavar="VALUE", help="Its new value, e.g. GB.", show_default=False)
    ],
) -> None:
    """Change a setting."""
    from ipt_journal import config

    if key == "country":
        code = save_country(value)
        messages.note(f"country is now {code}.")
        note_unlisted(code)
        return
    path = config.config_path()
    values = config.load(path)
    values[key] = config.normalise(key, value)
    config.save(values, path)
    messages.note(f"{key} is now {values[key]}.")


@config_app.command("unset")
def config_unset(
    key: Annotated[str, typer.Argument(metavar="KEY", help="The setting to clear.", show_default=False)],
) -> None:
    """Clear a setting (back to its default)."""
    from ipt_journal import config

    config.check_key(key)
    path = config.config_path()
    values = config.load(path)
    values.pop(key, None)
    config.save(values, path)
    messages.note(f"{key} is cleared.")


def ask_country() -> str | None:
    """Ask for the country (in a terminal) and save it, so crisis help shows its lines first."""
    from ipt_journal import prompts, safety

    choices = [(entry.name, entry.country) for entry in safety.CRISIS_LINES.values()]
    choices.append(("Another country (type its name or two-letter code)", "other"))
    chosen = prompts.select(
        "Which country are you in? (for the crisis lines ipt shows)", choices, optional=True
    )
    if chosen == "other":
        typed = prompts.text(
            "Country (a two-letter code such as DE, or a name ipt knows)",
            validate=lambda v: safety.country_code(v) is not None or "A two-letter code, such as DE or FR.",
        )
        chosen = safety.country_code(typed)
    if chosen:
        note_unlisted(save_country(chosen))
    return chosen


def save_country(value: str) -> str:
    from ipt_journal import config

    values = config.load()
    values["country"] = config.normalise("country", value)
    config.save(values)
    return values["country"]


def note_unlisted(code: str) -> None:
    from ipt_journal import safety

    if not safety.known_country(code):
        messages.note(
            f"ipt has no crisis lines of its own for {code} yet, so it will say to call your local "
            "emergency number and point to findahelpline.com."
        )


def crisis_if_due(journal, days: list[str], data: dict | None = None, stream=None) -> None:
    """The crisis block beneath a screen that showed PHQ-9s with item 9 above 0 (`days`,
    from `safety.item9_days`): for --json a `safety` object in `data`, else the calm text.
    Every screen showing a PHQ-9 calls this, so the rule and the words live in one place."""
    if not days:
        return
    from ipt_journal import config, safety

    country = config.country_or_none()
    plan = journal.safety_plan.items()
    if data is not None:
        data["safety"] = {**safety.due_json(days, country), "safety_plan": messages.plain(plan)}
    else:
        messages.item9_reminder(days, country, plan, stream)
