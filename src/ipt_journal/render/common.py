"""What every screen shares: a console made per call, and formats used on more than one screen."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from rich.console import Console, RenderHook
from rich.segment import Segment

from ipt_journal.text.safe_text import for_terminal

if TYPE_CHECKING:
    from rich.console import ConsoleOptions, ConsoleRenderable, RenderResult

_paging: Console | None = None  # while a long list goes through the pager


def _made_safe(line: list[Segment]) -> list[Segment]:
    return [
        segment if segment.control else Segment(for_terminal(segment.text), segment.style) for segment in line
    ]


class _Shown:
    """One renderable drawn as Rich draws it, then each piece of its text passed through
    `for_terminal`: after the layout, so a table cell or a wrapped note is escaped whole."""

    def __init__(self, renderable: ConsoleRenderable) -> None:
        self.renderable = renderable

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        segments = list(console.render(self.renderable, options))
        safe = _made_safe(segments)
        if safe == segments:  # nearly always: nothing to escape, nothing to lay out again
            yield from segments
            return
        width = options.max_width
        line: list[Segment] = []
        for segment in segments:
            text = segment.text
            if segment.control or "\n" not in text:
                line.append(segment)
                continue
            while True:
                piece, newline, text = text.partition("\n")
                if piece:
                    line.append(Segment(piece, segment.style))
                if not newline:
                    break
                yield from self._carried_over(line, width)
                yield Segment.line()
                line = []
        yield from self._carried_over(line, width)

    @staticmethod
    def _carried_over(line: list[Segment], width: int) -> list[Segment]:
        """`line` made safe. An escape is wider than the character it shows (ESC is `\\x1b`),
        so a line that fitted may no longer: what passes the edge goes on the next line, as
        the terminal would wrap it, rather than be cropped from the person's text."""
        before = Segment.get_line_length(line)
        safe = _made_safe(line)
        after = Segment.get_line_length(safe)
        if after <= width or before > width or width < 1:
            return safe  # it fits, or it was already wider (soft wrap): Rich decides as before
        pieces = Segment.divide(safe, [*range(width, after, width), after])
        carried: list[Segment] = []
        for number, piece in enumerate(pieces):
            if number:
                carried.append(Segment.line())
            carried.extend(piece)
        return carried


class _ShowNotRun(RenderHook):
    def process_renderables(self, renderables: list[ConsoleRenderable]) -> list[ConsoleRenderable]:
        return [_Shown(renderable) for renderable in renderables]


class SafeConsole(Console):
    """A console that shows journal text, never runs it: every piece of text is passed
    through `for_terminal` as it is written, whether it came as a string, a Text or a table
    cell; only Rich's own styles reach the terminal as escape sequences.

    Rich's public render hook does it: every print, log, input prompt and live display goes
    through the console's hooks. Ours stays the last one, so what a later hook adds (a
    `Live` display adds itself) is made safe too."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._show_not_run = _ShowNotRun()
        super().push_render_hook(self._show_not_run)

    def push_render_hook(self, hook: RenderHook) -> None:
        super().pop_render_hook()
        super().push_render_hook(hook)
        super().push_render_hook(self._show_not_run)

    def pop_render_hook(self) -> None:
        super().pop_render_hook()
        super().pop_render_hook()
        super().push_render_hook(self._show_not_run)


class PlainConsole(SafeConsole):
    """For --plain and TERM=dumb: every table drawn without box lines, so a screen reader
    reads words, not '━━━'. Every screen prints through new_console(), so all obey."""

    draws_boxes = False  # render/fit.py leaves its tables to Rich, which drops the lines here

    def print(self, *objects: Any, **settings: Any) -> None:
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
