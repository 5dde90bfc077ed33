"""`ipt search` in a terminal: each match with its kind, id and day, the words it matched
in bold."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text

from ipt_journal.render.common import new_console
from ipt_journal.store.search import MARK_CUT, MARK_END, MARK_START
from ipt_journal.text.safe_text import on_one_line

if TYPE_CHECKING:
    from collections.abc import Sequence

    from ipt_journal.store.search import Hit


def highlighted(snippet: str) -> Text:
    """The snippet with the words between the marks styled; journal text is never markup."""
    text = Text()
    words = on_one_line(snippet.replace(MARK_CUT, "…"))
    for number, part in enumerate(words.replace(MARK_END, MARK_START).split(MARK_START)):
        text.append(part, style="bold reverse" if number % 2 else None)
    return text


def search_results(hits: Sequence[Hit]) -> None:
    console = new_console()
    for hit in hits:
        console.print(Text(f"{hit.kind} #{hit.id}, {hit.day or 'no day'}", style="bold"))
        console.print(highlighted(hit.snippet))
        console.print()
    console.print(f"{len(hits)} found.", style="dim")
