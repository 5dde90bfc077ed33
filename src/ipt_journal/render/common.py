"""What every screen shares: a console made per call, and formats used on more than one screen."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.table import Table

_paging: Console | None = None  # while a long list goes through the pager


def new_console() -> Console:
    # Made per call, so output goes to whatever sys.stdout is now (tests swap it).
    from ipt_journal import output

    if _paging is not None:
        return _paging
    return PlainConsole(highlight=False) if output.plain() else Console(highlight=False)


@contextmanager
def paged() -> Iterator[None]:
    """Everything screens print meanwhile goes through $PAGER (pydoc's choice otherwise)."""
    global _paging
    console = new_console()
    with console.pager():
        _paging = console
        try:
            yield
        finally:
            _paging = None


class PlainConsole(Console):
    """For --plain and TERM=dumb: every table drawn without box lines, so a screen reader
    reads words, not '━━━'. Every screen prints through new_console(), so all obey."""

    def print(self, *objects, **settings) -> None:
        for item in objects:
            if isinstance(item, Table):
                item.box = None
                item.show_edge = False
        super().print(*objects, **settings)


def ring(closeness: int | None) -> str:
    return "" if closeness is None else str(closeness)
