"""The `ipt` program's entry point (`ipt` and `python -m ipt_journal`): settings for the
process, then the command line.

A command lives for a fraction of a second and makes few reference cycles, but Python's
cycle collector runs every 700 new objects, dozens of times while Typer, Rich and pydantic
load, and walks every object again when the interpreter exits: about 20 ms of a 160 ms
`ipt report` (docs/performance.md). Here it runs every 100,000 new objects instead, so a
long command (a large import, a wizard) still collects, and the objects alive at exit
are left to the operating system. Every file and the journal are closed before that
(context managers and the session's close), so nothing waits on the collector.
This is the program's setting, not the package's: code importing ipt_journal (the
tests) keeps Python's defaults.
"""

import atexit
import gc


def main() -> None:
    gc.set_threshold(100_000, 50, 100)
    # Registered first, so it runs last of the exit handlers: after every cleanup.
    atexit.register(gc.freeze)

    from ipt_journal.cli import main as command_line

    command_line()
