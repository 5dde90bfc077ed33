"""`ipt config`: settings kept outside the journal (today the country whose crisis lines
come first), and saving the country `ipt start` asks for (`wizards/country.py`)."""

from typing import Annotated

import typer

from ipt_journal.cli.context import command_group
from ipt_journal.text import messages

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


def save_country(value: str) -> str:
    from ipt_journal import config

    values = config.load()
    values["country"] = config.normalise("country", value)
    config.save(values)
    return values["country"]


def note_unlisted(code: str) -> None:
    from ipt_journal.clinical import safety

    if not safety.known_country(code):
        messages.note(
            f"ipt has no crisis lines of its own for {code} yet, so it will say to call your local "
            "emergency number and point to findahelpline.com."
        )
    elif not safety.talk_line_listed(code):
        name = safety.CRISIS_LINES[code].name
        messages.note(
            f"ipt lists the emergency number for {name} but no helpline there yet; "
            "findahelpline.com lists free, confidential helplines in your country."
        )
