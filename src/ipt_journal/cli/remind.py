"""`ipt remind`: a weekly reminder to check in, run by the system's own scheduler."""

import sys
from typing import Annotated

import typer

from ipt_journal.cli.context import command_group
from ipt_journal.text import messages

app = command_group(invoke_without_command=True)


@app.callback()
def remind(
    ctx: typer.Context,
    day: Annotated[str, typer.Option("--day", metavar="DAY", help="The day of the week.")] = "sunday",
    time: Annotated[str, typer.Option("--time", metavar="HH:MM", help="The time of day, 24-hour.")] = "19:00",
    scheduler: Annotated[
        str | None,
        typer.Option(
            "--scheduler",
            metavar="cron|systemd|launchd",
            help="What runs it. [default: launchd on macOS, cron elsewhere]",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Print what makes cron, a systemd user timer or a launchd agent run 'ipt remind notify'
    each week, for you to paste. ipt runs nothing in the background itself. 'notify' shows
    the reminder: a desktop notification where there is one, else a printed line; it never
    opens the journal, so no journal text reaches the notification."""
    if ctx.invoked_subcommand is not None:
        return
    from ipt_journal import remind as reminders
    from ipt_journal.errors import InputError

    chosen = (scheduler or reminders.default_scheduler()).lower()
    if chosen not in reminders.SCHEDULERS:
        raise InputError(f"--scheduler must be cron, systemd or launchd, got {scheduler!r}.")
    weekday, at = reminders.parse_day(day), reminders.parse_time(time)
    print(reminders.schedule(chosen, weekday, at, reminders.ipt_program()), end="")
    messages.note(reminders.undo(chosen), stream=sys.stderr)


@app.command()
def notify() -> None:
    """Show the weekly reminder now (what the scheduler runs)."""
    from ipt_journal import remind as reminders

    if not reminders.notify():
        messages.note(reminders.MESSAGE)
