"""How this run shows its output, set once by the root command's options.

Light on purpose (no Rich): a list piped to another program is written as plain rows
without loading Rich at all.
"""

import os
import sys

_plain = False
_pager = True


def configure(plain: bool, pager: bool) -> None:
    global _plain, _pager
    _plain, _pager = plain, pager


def plain() -> bool:
    """--plain, or a terminal that cannot draw (TERM=dumb): no box drawing, no block
    glyphs, one record per line; what screen readers read best."""
    return _plain or os.environ.get("TERM", "") == "dumb"


def rows_wanted() -> bool:
    """Lists come as plain rows when asked, and when piped to another program."""
    return plain() or not sys.stdout.isatty()


def pager_wanted() -> bool:
    return _pager and sys.stdout.isatty() and sys.stdin.isatty()


def write_rows(lines) -> None:
    """Stream rows to stdout as they come, control characters shown, never run (as every
    screen does; see safe_text)."""
    from ipt_journal.text.safe_text import for_terminal

    write = sys.stdout.write
    for line in lines:
        write(for_terminal(line) + "\n")
