"""`ipt search`: every note in the journal, by the words in it."""

from typing import Annotated

import typer

from ipt_journal.cli.context import session
from ipt_journal.cli.listing import LimitOpt


def search(
    ctx: typer.Context,
    text: Annotated[str, typer.Argument(metavar="WORDS", help="What to look for.", show_default=False)],
    kind: Annotated[
        list[str] | None,
        typer.Option(
            "--kind",
            metavar="KIND",
            help=(
                "Only this kind of record (check-in, exercise, homework, review, event, session, "
                "bring, person, course, goal, safety-plan, staying-well, incident); repeatable."
            ),
            show_default=False,
        ),
    ] = None,
    limit: LimitOpt = 50,
    show_all: Annotated[bool, typer.Option("--all", help="Every match.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of text.")] = False,
) -> None:
    """Search everything you wrote: notes, tags, answers, plans and goals, newest first.

    Words match their other forms (walk, walking); "an exact phrase", OR, NOT and
    prefix* work as in SQLite's full-text search, and anything else is read as plain words.
    """
    from ipt_journal.cli.listing import check_limit
    from ipt_journal.errors import InputError
    from ipt_journal.store.search import MARK_CUT, MARK_END, MARK_START, SOURCES
    from ipt_journal.text import messages
    from ipt_journal.text.safe_text import on_one_line

    check_limit(limit)
    kinds = [k.strip().lower() for k in kind or []]
    known = [source.kind for source in SOURCES]
    for wanted in kinds:
        if wanted not in known:
            from ipt_journal.text.suggest import did_you_mean

            raise InputError(
                f"--kind must be one of {', '.join(known)}, got {wanted!r}.", did_you_mean(wanted, known)
            )
    hits = session(ctx).journal().search.search(text, kinds, limit=None if show_all else limit)
    if as_json:
        plain = [
            {
                **messages.plain(hit),
                "snippet": on_one_line(
                    hit.snippet.replace(MARK_START, "").replace(MARK_END, "").replace(MARK_CUT, "…")
                ),
            }
            for hit in hits
        ]
        messages.print_json(plain)
        return
    if not hits:
        print("Nothing found. Try fewer or shorter words, or a word's start followed by * (argu*).")
        return
    from ipt_journal.cli.listing import show_list

    # Like every list: plain rows when piped, else the screen, through $PAGER when long.
    show_list(hits, "hit_rows", "search.search_results", lines_each=3)
