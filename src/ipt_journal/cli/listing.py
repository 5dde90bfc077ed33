"""What every list and history shares: --limit, --since and --until, and showing a long
list as rows when piped, through a pager in a terminal, or as a table."""

import datetime as dt
import importlib
from typing import TYPE_CHECKING, Annotated, Any

import typer

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

LimitOpt = Annotated[int, typer.Option("--limit", "-n", metavar="N", help="How many, newest first.")]
SinceOpt = Annotated[
    str | None,
    typer.Option(
        "--since",
        metavar="DAY|YYYY-MM",
        help="From this day on, like 2026-03-01 or '2 weeks ago'; a month (2026-03) from its 1st.",
    ),
]
UntilOpt = Annotated[
    str | None,
    typer.Option("--until", metavar="DAY|YYYY-MM", help="Up to this day, included (a month: to its end)."),
]


def window(
    since: str | None, until: str | None, today: dt.date | None = None
) -> tuple[dt.date | None, dt.date | None]:
    """--since and --until as days, either left open with None. A month (YYYY-MM) is read
    as from its first day and up to its last (today, if the month is not over); a window
    that ends before it starts is refused."""
    from ipt_journal.text.dates import month_end, parse_day_or_month

    today = today or dt.date.today()
    start = parse_day_or_month(since, "--since", today)[0] if since is not None else None
    end = None
    if until is not None:
        end, whole_month = parse_day_or_month(until, "--until", today)
        if whole_month:
            end = min(month_end(end), today)
    if start and end and start > end:
        from ipt_journal.errors import InputError

        raise InputError(f"--since ({start}) is after --until ({end}).", "Swap them, or leave one out.")
    return start, end


def no_match(noun: str, filters: "Mapping[str, object]") -> str | None:
    """'No check-ins match --tag work, --since 2026-01.' for the filters given (flag: value
    as typed, None when not given); None when no filter was given."""
    given = [
        f"{flag} {getattr(value, 'value', value)}" for flag, value in filters.items() if value is not None
    ]
    return f"No {noun} match {', '.join(given)}." if given else None


def check_limit(limit: int | None) -> None:
    if limit is not None and limit < 1:
        from ipt_journal.errors import InputError

        raise InputError(f"--limit must be 1 or more, got {limit}.")


def show_list(
    items: "Sequence[Any]", rows: str, table: str, unmatched: str | None = None, lines_each: int = 1
) -> None:
    """`items` as plain rows (render.rows.<rows>) when piped or --plain; otherwise as the
    table render.<table> draws, through $PAGER when it is longer than the terminal.
    `unmatched` is said instead when there are none because filters left none out;
    `lines_each`: how many screen lines the table gives each item, to know when it is long."""
    from ipt_journal import output

    if unmatched and not items:
        from ipt_journal.text.messages import note

        note(unmatched)
        return
    if output.rows_wanted() and items:
        from ipt_journal.render import rows as row_writers

        getattr(row_writers, rows)(items)
        return
    module, function = table.rsplit(".", 1)
    draw = getattr(importlib.import_module(f"ipt_journal.render.{module}"), function)
    import shutil

    if output.pager_wanted() and len(items) * lines_each + 4 > shutil.get_terminal_size().lines:
        from ipt_journal.render.common import paged

        with paged():
            draw(items)
    else:
        draw(items)
