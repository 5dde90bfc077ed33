"""`ipt chart`: mood as a chart over a longer span, with the PHQ-9 beneath."""

import datetime as dt
from typing import Annotated

import typer

from ipt_journal.cli.context import session

SinceOpt = Annotated[
    str | None, typer.Option("--since", metavar="DAY", help="Start on this day.", show_default=False)
]


def chart(
    ctx: typer.Context,
    weeks: Annotated[
        int, typer.Option("--weeks", "-w", metavar="N", help="How many ISO weeks back, 1 to 520.")
    ] = 52,
    since: SinceOpt = None,
) -> None:
    """Your mood over a longer span as a chart, with the PHQ-9 beneath (a sparkline when the
    terminal is narrow)."""
    from ipt_journal.insight.relationships import mood_series
    from ipt_journal.insight.report import window_start
    from ipt_journal.render.common import new_console
    from ipt_journal.render.report import draw_mood_chart
    from ipt_journal.text.dates import check_weeks, parse_day

    check_weeks(weeks)
    today = dt.date.today()
    start = parse_day(since, "--since") if since else window_start(today, weeks)
    from ipt_journal.cli.crisis import crisis_if_due
    from ipt_journal.clinical.safety import crisis_days

    console = new_console()
    journal = session(ctx).journal()
    series = mood_series(journal, start, today)
    if not series.points:
        console.print(f"No check-ins since {start}. Record one with: ipt checkin")
    else:
        console.print(f"Mood, {start} to {today}", style="bold")
        draw_mood_chart(console, series)
    crisis_if_due(journal, crisis_days(journal, start, today))
