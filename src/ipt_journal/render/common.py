"""What every screen shares: a console made per call, and formats used on more than one screen."""

from __future__ import annotations

from rich.console import Console
from rich.segment import Segment

from ipt_journal.safe_text import for_terminal


class SafeConsole(Console):
    """A console that shows journal text, never runs it: every piece of text is passed
    through `for_terminal` as it is written, whether it came as a string, a Text or a table
    cell; only Rich's own styles reach the terminal as escape sequences."""

    def _render_buffer(self, buffer):
        return super()._render_buffer(
            segment if segment.control else Segment(for_terminal(segment.text), segment.style)
            for segment in buffer
        )


def new_console() -> Console:
    # Made per call, so output goes to whatever sys.stdout is now (tests swap it).
    return SafeConsole(highlight=False)


def ring(closeness: int | None) -> str:
    return "" if closeness is None else str(closeness)
