"""What every screen shares: a console made per call, and formats used on more than one screen."""

from __future__ import annotations

from rich.console import Console


def new_console() -> Console:
    # Made per call, so output goes to whatever sys.stdout is now (tests swap it).
    return Console(highlight=False)


def ring(closeness: int | None) -> str:
    return "" if closeness is None else str(closeness)
