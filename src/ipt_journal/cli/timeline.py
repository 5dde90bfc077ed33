"""`ipt timeline` and `ipt chart`: the interpersonal timeline and the mood chart."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import typer

from ipt_journal import messages
from ipt_journal.cli.session import session

SinceOpt = Annotated[
    str | None, typer.Option("--since", metavar="DAY", help="Start on this day.", show_default=False)
]
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
    from ipt_journal.timeline import build_timeline

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


def chart(
    ctx: typer.Context,
    weeks: Annotated[
        int, typer.Option("--weeks", "-w", metavar="N", help="How many ISO weeks back, 1 to 520.")
    ] = 52,
    since: SinceOpt = None,
) -> None:
    """Your mood over a longer span as a chart, with the PHQ-9 beneath (a sparkline when the
    terminal is narrow)."""
    from ipt_journal.dates import check_weeks, parse_day
    from ipt_journal.insight import mood_series
    from ipt_journal.render.common import new_console
    from ipt_journal.render.report import draw_mood_chart
    from ipt_journal.report import window_start

    check_weeks(weeks)
    today = dt.date.today()
    start = parse_day(since, "--since") if since else window_start(today, weeks)
    from ipt_journal.cli.crisis import crisis_if_due
    from ipt_journal.safety import crisis_days

    console = new_console()
    journal = session(ctx).journal()
    series = mood_series(journal, start, today)
    if not series.points:
        console.print(f"No check-ins since {start}. Record one with: ipt checkin")
    else:
        console.print(f"Mood, {start} to {today}", style="bold")
        draw_mood_chart(console, series)
    crisis_if_due(journal, crisis_days(journal, start, today))
