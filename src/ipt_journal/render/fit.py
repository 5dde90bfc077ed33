"""Tables that fit the terminal: columns dropped by priority, names and numbers never cut,
one free-text column shortened with an ellipsis, and plain lines when even that is too wide.

Rich squeezes every column of a table that is too wide, cutting names mid-word; here the
widths are decided before Rich sees the table. When every cell then fits as it is (the
usual case), the lines are drawn here, the same characters and styles Rich's Table would
give (a test holds the two together), in a fraction of the time.
"""

from collections.abc import Sequence
from typing import NamedTuple

from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

PLAIN_BELOW = 50  # columns: narrower terminals get one plain line per row
MIN_FREE_TEXT = 12  # the free-text column is dropped rather than shown narrower than this
GAP = 2  # spaces between two columns


class Column(NamedTuple):
    header: str
    keep: int = 0  # 0 is never dropped; higher numbers are dropped first, equal ones together
    right: bool = False
    free_text: bool = False  # the one column shortened with an ellipsis (a note)
    names: bool = False  # with free_text: a list of names, shortened by whole names ("+2 more")
    wrap: int | None = None  # wrap words onto more lines past this width (lists of names)


class Fitted(NamedTuple):
    """What `fitted` did: false when it printed nothing (the caller prints plain lines)."""

    shown: bool
    shortened: bool = False  # the free-text column was cut with an ellipsis somewhere
    dropped: tuple[str, ...] = ()  # headers of the columns left out to fit, for a pointer

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
        max(len(columns[i].header), min(width, wrap)) if (wrap := columns[i].wrap) else width
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
    sized = [
        (columns[i], min(widths[i], MIN_FREE_TEXT + spare) if columns[i].free_text else widths[i])
        for i in shown
    ]
    if not getattr(console, "draws_boxes", True) and any(
        column.free_text and len(str(row[i])) > width
        for row in rows
        for i, (column, width) in zip(shown, sized, strict=True)
    ):
        return Fitted(False)  # --plain never shortens a note or a list of names: plain lines
    dropped = tuple(column.header for i, column in enumerate(columns) if i not in shown)
    if _drawn_by_hand(console, sized, [[str(row[i]) for i in shown] for row in rows], title):
        return Fitted(True, dropped=dropped)  # drawn by hand only when no cell had to be shortened
    from rich import box
    from rich.table import Table

    table = Table(
        box=box.SIMPLE_HEAD,
        show_edge=False,
        pad_edge=False,
        padding=(0, GAP - 1, 0, 0),  # with the box's one-space divider, GAP spaces between columns
        title=title,
        title_justify="left",
        collapse_padding=False,
    )
    for column, width in sized:
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
    return Fitted(True, shortened, dropped)


def _drawn_by_hand(
    console: Console, sized: list[tuple[Column, int]], rows: list[list[str]], title: str | None
) -> bool:
    """Print the table line by line, exactly as Rich's Table would lay it out (box.SIMPLE_HEAD
    without edges, GAP spaces between columns, a rule under the bold header), when every
    cell fits its column on one line as it is. Returns False, printing nothing, for anything
    else (a cell to shorten or wrap, a line break or a wide character, a console that draws
    no box lines): Rich draws those. Laying out a table cell by cell is most of the time
    `ipt report` takes; a whole table here is one Text."""
    if not getattr(console, "draws_boxes", True) or not rows:
        return False  # no box lines to draw; or no rows, where Rich's layout differs by release
    cells = [
        [
            whole_names(cell, width) if column.names else cell
            for cell, (column, width) in zip(row, sized, strict=True)
        ]
        for row in rows
    ]
    headers = [column.header for column, _ in sized]
    for checked in (headers, *cells):
        for cell, (_, width) in zip(checked, sized, strict=True):
            if (
                len(cell) > width
                or not cell.isprintable()
                or (not cell.isascii() and cell_len(cell) != len(cell))
            ):
                return False
    total = sum(width for _, width in sized) + GAP * (len(sized) - 1)
    if any("[" in header for header in headers) or (
        title is not None and ("[" in title or len(title) > total)
    ):
        return False  # Rich reads a header or title as markup, and wraps a long title

    def laid_out(row: list[str]) -> str:
        return (" " * GAP).join(
            cell.rjust(width) if column.right else cell.ljust(width)
            for cell, (column, width) in zip(row, sized, strict=True)
        )

    text = Text(end="")
    if title is not None:
        text.append(title.ljust(total), style="table.title")
        text.append("\n")
    # Each header cell is bold with its padding, the gap's last space not: Rich's own segments.
    for number, (cell, (column, width)) in enumerate(zip(headers, sized, strict=True)):
        if number:
            text.append(" " * (GAP - 1), style="table.header")
            text.append(" ")
        text.append(cell.rjust(width) if column.right else cell.ljust(width), style="table.header")
    text.append("\n" + "─" * total)
    for row in cells:
        text.append("\n" + laid_out(row))
    console.print(text, no_wrap=True, overflow="ignore", crop=False)
    return True


def left_out(console: Console, shown: Fitted, where: str, besides: Sequence[str] = ()) -> None:
    """After a table that left columns out to fit the terminal: which, and `where` to see
    them (a column a caller speaks of itself, in `besides`, is not named again)."""
    named = [header for header in shown.dropped if header and header not in besides]
    if shown and named:
        console.print(Text(f"Left out at this width: {', '.join(named)}; {where}.", style="dim"))


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


def names_within(text: str, width: int) -> str:
    """`whole_names`, except under --plain, which shows every name: a screen reader's user
    cannot widen the terminal to read the ones left out."""
    from ipt_journal import output

    return text if output.plain() else whole_names(text, width)


def hanging(console: Console, *texts: str, indent: int = 4, style: str = "") -> None:
    """Plain lines for a narrow terminal, one per text: each wrapped at word boundaries, its
    lines after the first indented under it (and under its own leading spaces), so each
    record stands apart. All in one print."""
    import re
    import textwrap

    width = max(console.width, 20)
    lines = []
    for text in texts:
        if len(text) <= width and text.isprintable() and not text.endswith(" "):
            lines.append(text)  # it fits: what textwrap would give back, without its work
            continue
        lead = len(text) - len(text.lstrip(" "))
        text = re.sub(r"(?<=\d) (?=\d)", GLUE, text)  # a phone number's groups ("13 11 14") together
        lines += textwrap.wrap(
            text, width=width, subsequent_indent=" " * (lead + indent),
            break_long_words=False, break_on_hyphens=False,
        ) or [""]  # fmt: skip
    if lines:
        console.print(Text("\n".join(lines).replace(GLUE, " "), style=style), soft_wrap=True)


GLUE = "\u00a0"  # a space `hanging` never breaks a line at (textwrap breaks only at ASCII spaces)


def unbroken(name: str) -> str:
    """A name that `hanging` keeps on one line ("Dr Lee", "Kim 006")."""
    return name.replace(" ", GLUE)
