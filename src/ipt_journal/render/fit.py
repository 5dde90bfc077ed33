"""Tables that fit the terminal: columns dropped by priority, names and numbers never cut,
one free-text column shortened with an ellipsis, and plain lines when even that is too wide.

Rich squeezes every column of a table that is too wide, cutting names mid-word; here the
widths are decided before Rich sees the table.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

PLAIN_BELOW = 50  # columns: narrower terminals get one plain line per row
MIN_FREE_TEXT = 12  # the free-text column is dropped rather than shown narrower than this
GAP = 2  # spaces between two columns


@dataclass(frozen=True)
class Column:
    header: str
    keep: int = 0  # 0 is never dropped; higher numbers are dropped first, equal ones together
    right: bool = False
    free_text: bool = False  # the one column shortened with an ellipsis (a note)
    names: bool = False  # with free_text: a list of names, shortened by whole names ("+2 more")
    wrap: int | None = None  # wrap words onto more lines past this width (lists of names)


@dataclass(frozen=True)
class Fitted:
    """What `fitted` did: false when it printed nothing (the caller prints plain lines)."""

    shown: bool
    shortened: bool = False  # the free-text column was cut with an ellipsis somewhere

    def __bool__(self) -> bool:
        return self.shown


def fitted(
    console: Console, columns: Sequence[Column], rows: Sequence[Sequence[str]], title: str | None = None
) -> Fitted:
    """Print `rows` as a table fitting `console.width`. Returns a false Fitted, printing
    nothing, when the terminal is too narrow for a table: the caller then prints plain lines."""
    if console.width < PLAIN_BELOW:
        return Fitted(False)
    shown = list(range(len(columns)))
    widths = [max([len(columns[i].header), *(len(str(row[i])) for row in rows)]) for i in shown]
    widths = [
        max(len(columns[i].header), min(width, columns[i].wrap)) if columns[i].wrap else width
        for i, width in enumerate(widths)
    ]

    def needed(indices: list[int]) -> int:
        fixed = sum(MIN_FREE_TEXT if columns[i].free_text else widths[i] for i in indices)
        return fixed + GAP * (len(indices) - 1)

    while needed(shown) > console.width:
        droppable = [i for i in shown if columns[i].keep > 0]
        if not droppable:
            return Fitted(False)
        # Columns sharing a priority go together (a first half without its second half misleads).
        last = max(columns[i].keep for i in droppable)
        shown = [i for i in shown if columns[i].keep != last]
    spare = console.width - needed(shown)
    table = Table(
        box=box.SIMPLE_HEAD,
        show_edge=False,
        pad_edge=False,
        padding=(0, GAP - 1, 0, 0),  # with the box's one-space divider, GAP spaces between columns
        title=title,
        title_justify="left",
        collapse_padding=False,
    )
    for i in shown:
        column = columns[i]
        width = min(widths[i], MIN_FREE_TEXT + spare) if column.free_text else widths[i]
        table.add_column(
            column.header,
            justify="right" if column.right else "left",
            width=max(width, 1),
            no_wrap=not column.wrap,
            overflow="ellipsis" if column.free_text else "fold",
        )
    shortened = False
    for row in rows:
        cells = []
        for i in shown:
            cell = str(row[i])
            width = table.columns[shown.index(i)].width or len(cell)
            if columns[i].names:
                cell = whole_names(cell, width)
            elif columns[i].free_text and len(cell) > width:
                shortened = True
            cells.append(Text(cell))
        table.add_row(*cells)
    console.print(table)
    return Fitted(True, shortened)


def whole_names(text: str, width: int, separator: str = ", ") -> str:
    """As many of the comma-separated names in `text` as fit `width` whole, then "+N more",
    or "…" when the count does not fit. Never a bare "+N": beside a score it reads as one."""
    if len(text) <= width:
        return text
    names = text.split(separator)
    for keep in range(len(names) - 1, 0, -1):
        shown = separator.join(names[:keep])
        for rest in (f"+{len(names) - keep} more", "…"):
            if len(candidate := f"{shown}{separator}{rest}") <= width:
                return candidate
    everyone = f"+{len(names)} more"
    return everyone if len(everyone) <= width else "…"
