"""`ipt prep`: since the last session, on one screen, ready for the next."""

from typing import Annotated

import typer

from ipt_journal.cli.context import session
from ipt_journal.text import messages


def prep(
    ctx: typer.Context,
    since: Annotated[
        str | None,
        typer.Option(
            "--since",
            metavar="DAY",
            help="Start on this day. [default: your last session, else a week ago]",
            show_default=False,
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of text.")] = False,
) -> None:
    """Since your last session: mood and its trend, the people you saw, questionnaires,
    homework, practice and the things you want to bring up."""
    import datetime as dt

    from ipt_journal.insight.prep import build_prep, window_since
    from ipt_journal.text.dates import parse_day

    today = dt.date.today()
    start = parse_day(since, "--since") if since else None
    journal = session(ctx).journal()
    result = build_prep(journal, start or window_since(journal, today), today)
    from ipt_journal.cli.crisis import crisis_if_due

    if as_json:
        data = result.as_json()
        crisis_if_due(journal, result.item9_days, data)
        messages.print_json(data)
        return
    from ipt_journal.render.prep import prep as render_prep

    render_prep(result)
    crisis_if_due(journal, result.item9_days)
