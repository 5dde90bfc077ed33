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
        data = safety.as_json(country)
        data["safety_plan"] = messages.plain(_plan_if_readable(ctx))
        messages.print_json(data)
        return
    messages.crisis(country)  # first, before anything that could fail or wait
    plan = _plan_if_readable(ctx)
    if plan:
        import sys

        print("", file=sys.stdout)
        messages.safety_plan_text(plan, sys.stdout)


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
    from ipt_journal import config, safety

    path = config.config_path()
    values = config.load(path)
    values[key] = config.normalise(key, value)
    config.save(values, path)
    messages.note(f"{key} is now {values[key]}.")
    if key == "country" and not safety.known_country(values[key]):
        messages.note(
            f"ipt has no crisis lines of its own for {values[key]} yet, so it will show the "
            "international list and findahelpline.com."
        )


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
