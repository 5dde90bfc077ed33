"""Commands made into Click commands only when they run (or are listed, for help and Tab).

Typer turns every command of a group into a Click command up front: it reads each
function's signature and evaluates its annotations, a few milliseconds a command. A
command runs one of them. So the root group and the larger groups name their commands in
a table instead, `{name: (module, attribute)}` (a function, or a Typer app for a group of
its own), and `load` converts the one asked for (docs/performance.md).
"""

import importlib
from typing import TYPE_CHECKING, ClassVar

import typer
from typer.core import TyperGroup

if TYPE_CHECKING:
    from ipt_journal.cli.framework import Command, Context

# Where a command lives in ipt_journal.cli: its module and the name of its function or app.
Place = tuple[str, str]


def load(name: str, place: Place, path: str) -> "Command":
    """The command `name` (shown as `path`, e.g. "ipt checkin show"), from where it lives,
    with strict number flags and its examples."""
    from ipt_journal.cli import numbers
    from ipt_journal.cli.context import command_group
    from ipt_journal.cli.examples import add_examples  # a small table; costs nothing measurable

    module, attribute = place
    target = getattr(importlib.import_module(f"ipt_journal.cli.{module}"), attribute)
    if not isinstance(target, typer.Typer):
        single = command_group()
        single.command(name)(target)
        target = single
    command = typer.main.get_command(target)
    command.name = name
    numbers.make_strict(command)  # ASCII, finite, SQLite-sized numbers for every flag
    add_examples(command, path)
    return command


class LazyGroup(TyperGroup):
    """A group whose commands are in `PLACES` (in the order help lists them) and are
    loaded one at a time. `PATH` is how the group is typed: "ipt checkin"."""

    PLACES: ClassVar[dict[str, Place]] = {}
    PATH: ClassVar[str] = "ipt"

    def list_commands(self, ctx: "Context") -> list[str]:
        return list(self.PLACES)

    def get_command(self, ctx: "Context | None", name: str) -> "Command | None":
        if name not in self.PLACES:
            return None
        if name not in self.commands:
            self.commands[name] = load(name, self.PLACES[name], f"{self.PATH} {name}")
        return self.commands[name]
