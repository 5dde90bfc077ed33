"""What every list and history shares: --limit, --since and --until, and showing a long
list as rows when piped, through a pager in a terminal, or as a table."""

from __future__ import annotations

import datetime as dt
import importlib
from typing import Annotated

import typer

LimitOpt = Annotated[int, typer.Option("--limit", "-n", metavar="N", help="How many, newest first.")]
SinceOpt = Annotated[
    str | None,
    typer.Option("--since", metavar="DAY", help="From this day on, e.g. 2026-03-01 or '2 weeks ago'."),
]
UntilOpt = Annotated[str | None, typer.Option("--until", metavar="DAY", help="Up to this day, included.")]


def day_or_none(text: str | None, flag: str) -> dt.date | None:
    if text is None:
        return None
    from ipt_journal.dates import parse_day

    return parse_day(text, flag)


def check_limit(limit: int | None) -> None:
    if limit is not None and limit < 1:
        from ipt_journal.errors import InputError

        raise InputError(f"--limit must be 1 or more, got {limit}.")


def show_list(items: list, rows: str, table: str) -> None:
    """`items` as plain rows (render.rows.<rows>) when piped or --plain; otherwise as the
    table render.<table> draws, through $PAGER when it is longer than the terminal."""
    from ipt_journal import output

    if output.rows_wanted() and items:
        from ipt_journal.render import rows as row_writers

        getattr(row_writers, rows)(items)
        return
    module, function = table.rsplit(".", 1)
    draw = getattr(importlib.import_module(f"ipt_journal.render.{module}"), function)
    import shutil

    if output.pager_wanted() and len(items) + 4 > shutil.get_terminal_size().lines:
        from ipt_journal.render.common import paged

        with paged():
            draw(items)
    else:
        draw(items)
