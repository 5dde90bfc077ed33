"""`ipt checkin list`: check-ins newest first, narrowed by filters that combine."""

from typing import Annotated

import typer

from ipt_journal.cli import completion
from ipt_journal.cli.context import session
from ipt_journal.cli.listing import LimitOpt, SinceOpt, UntilOpt
from ipt_journal.text import messages


def list_checkins(
    ctx: typer.Context,
    limit: LimitOpt = 20,
    show_all: Annotated[bool, typer.Option("--all", help="Every check-in that matches.")] = False,
    with_: Annotated[
        str | None,
        typer.Option(
            "--with", metavar="NAME", help="Only those with this person.", autocompletion=completion.people
        ),
    ] = None,
    tag: Annotated[
        str | None,
        typer.Option(
            "--tag", metavar="TAG", help="Only those with this tag.", autocompletion=completion.tags
        ),
    ] = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    mood_below: Annotated[
        int | None, typer.Option("--mood-below", metavar="N", help="Only those with mood below N.")
    ] = None,
    mood_above: Annotated[
        int | None, typer.Option("--mood-above", metavar="N", help="Only those with mood above N.")
    ] = None,
    contains: Annotated[
        str | None,
        typer.Option("--contains", metavar="WORDS", help="Only those whose note has these words."),
    ] = None,
    full: Annotated[
        bool, typer.Option("--full", help="Each check-in whole, its note in full, instead of a table.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
) -> None:
    """Your check-ins, newest first, narrowed by filters.

    The filters narrow them down and combine."""
    from ipt_journal.cli.listing import check_limit, no_match, show_list, window

    check_limit(limit)
    start, end = window(since, until)
    checkins = (
        session(ctx)
        .journal()
        .checkins.list(
            limit=None if show_all else limit,
            since=start,
            until=end,
            person=with_,
            tag=tag,
            mood_below=mood_below,
            mood_above=mood_above,
            contains=contains,
        )
    )
    if as_json:
        messages.print_json(messages.plain(checkins))
        return
    filters = {
        "--with": with_,
        "--tag": tag,
        "--since": since,
        "--until": until,
        "--mood-below": mood_below,
        "--mood-above": mood_above,
        "--contains": contains,
    }
    if full:  # whole entries read the same on a screen and piped, like `jrnl -n N`
        show_list(checkins, "checkins_whole", "checkins.checkins_whole", no_match("check-ins", filters))
        return
    show_list(checkins, "checkin_rows", "checkins.checkins_table", no_match("check-ins", filters))
