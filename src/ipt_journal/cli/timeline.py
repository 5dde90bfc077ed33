"""`ipt timeline`: the interpersonal timeline, life events beside mood. `ipt chart` is in
cli/chart.py."""

import datetime as dt
from typing import Annotated

import typer

from ipt_journal.cli.context import session
from ipt_journal.text import messages

JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON instead of a picture.")]


def timeline(
    ctx: typer.Context,
    since: Annotated[
        str | None,
        typer.Option("--since", metavar="DAY|YYYY-MM", help="Start on this day (a month: its first day)."),
    ] = None,
    until: Annotated[
        str | None,
        typer.Option(
            "--until", metavar="DAY|YYYY-MM", help="End on this day (a month: its last). [default: today]"
        ),
    ] = None,
    by: Annotated[
        str | None,
        typer.Option(
            "--by",
            metavar="month|quarter|year",
            help=(
                "One line per month, quarter or year. [default: months for up to 3 years, "
                "quarters up to 12 years, years beyond]"
            ),
            show_default=False,
        ),
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    """Life events beside mood and the PHQ-9, month by month (or by quarter or year), from
    your first record unless you say --since."""
    from ipt_journal.cli.listing import window
    from ipt_journal.errors import InputError
    from ipt_journal.insight.timeline import build_timeline

    if by is not None and by not in ("month", "quarter", "year"):
        raise InputError(f"--by must be month, quarter or year, got {by!r}.")
    start, end = window(since, until)
    end = end or dt.date.today()
    from ipt_journal.cli.crisis import crisis_if_due

    journal = session(ctx).journal()
    result = build_timeline(journal, start, end, by)
    if as_json:
        from ipt_journal.cli.event import event_json

        data = messages.plain(result)
        for period, raw in zip(result.periods, data["periods"], strict=True):
            raw["events"] = [event_json(event) for event in period.events]
        crisis_if_due(journal, result.item9_days, data)
        messages.print_json(data)
        return
    from ipt_journal.render.timeline import timeline as draw

    draw(result)
    crisis_if_due(journal, result.item9_days)
