"""`ipt report`: mood by week and relationship patterns, in the terminal or as JSON."""

from typing import Annotated

import typer

from ipt_journal import messages
from ipt_journal.cli.session import session


def report(
    ctx: typer.Context,
    weeks: Annotated[
        int,
        typer.Option(
            "--weeks", "-w", metavar="N", help="How many ISO weeks back (1 to 520), this one included."
        ),
    ] = 12,
    since: Annotated[
        str | None,
        typer.Option(
            "--since",
            metavar="DAY",
            help="Start on this day instead, e.g. 2026-03-01 or '8 weeks ago'.",
            show_default=False,
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of tables.")] = False,
) -> None:
    """Your mood week by week and how it goes with the people you see."""
    import datetime as dt

    from ipt_journal.dates import parse_day
    from ipt_journal.render.report import report as render_report
    from ipt_journal.report import build_report, window_start

    if not 1 <= weeks <= 520:
        from ipt_journal.errors import InputError

        raise InputError(f"--weeks must be a whole number from 1 to 520, got {weeks}.")
    today = dt.date.today()
    start = parse_day(since, "--since") if since else window_start(today, weeks)
    result = build_report(session(ctx).journal(), start, today)
    if as_json:
        data = result.as_json()
        if result.crisis_resources:
            from ipt_journal import config, safety

            data["safety"] = safety.as_json(config.country_or_none())
        messages.print_json(data)
    else:
        render_report(result)
