"""What every screen shares: a console made per call, and formats used on more than one screen."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.segment import Segment

from ipt_journal.text.safe_text import for_terminal

_paging: Console | None = None  # while a long list goes through the pager


class SafeConsole(Console):
    """A console that shows journal text, never runs it: every piece of text is passed
    through `for_terminal` as it is written, whether it came as a string, a Text or a table
    cell; only Rich's own styles reach the terminal as escape sequences."""

    def _render_buffer(self, buffer):
        return super()._render_buffer(
            segment if segment.control else Segment(for_terminal(segment.text), segment.style)
            for segment in buffer
        )


class PlainConsole(SafeConsole):
    """For --plain and TERM=dumb: every table drawn without box lines, so a screen reader
    reads words, not '━━━'. Every screen prints through new_console(), so all obey."""

    draws_boxes = False  # render/fit.py leaves its tables to Rich, which drops the lines here

    def print(self, *objects, **settings) -> None:
        from rich.table import Table  # only --plain pays for it: most screens draw no Rich table

        for item in objects:
            if isinstance(item, Table):
                item.box = None
                item.show_edge = False
        super().print(*objects, **settings)


def new_console() -> Console:
    # Made per call, so output goes to whatever sys.stdout is now (tests swap it). No screen
    # writes Rich markup: with it off, brackets in anything stored (a name, a tag, an
    # exercise kind) are shown as typed, never read as a link, a colour or hidden text.
    from ipt_journal import output

    if _paging is not None:
        return _paging
    # emoji=False: a note's ":fire:" stays as written (and Rich's emoji table stays unloaded);
    # markup=False: brackets in journal text are shown as typed, never read as Rich markup.
    console_class = PlainConsole if output.plain() else SafeConsole
    console = console_class(highlight=False, emoji=False, markup=False)
    # The terminal's size, asked once: Rich would ask again (a few system calls) at every print.
    console.size = console.size
    return console


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


def ring(closeness: int | None) -> str:
    return "" if closeness is None else str(closeness)
