"""Numbers on the command line mean what a person typed on a keyboard.

Click turns a flag's text into a number with Python's int() and float(), which also accept
other scripts' digits ('٣' is 3), underscores ('1_0' is 10), exponents ('1e1'), 'nan' and
'inf' (which pass any range check), and ints no SQLite column holds. Every number flag and
argument of ipt gets a strict type instead, set on each parameter when its command is
built (`make_strict`): ASCII digits only (a sign, and for decimals one point), finite,
and within SQLite's 64-bit range.
"""

import re
from typing import Any

from ipt_journal.cli.framework import Command, FloatParamType, IntParamType, ParamType

SQLITE_MAX = 2**63 - 1
WHOLE = re.compile(r"[+-]?[0-9]+")
DECIMAL = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)")


class StrictInt(IntParamType):
    def convert(self, value: Any, param: Any, ctx: Any) -> Any:
        if isinstance(value, str) and not WHOLE.fullmatch(value.strip()):
            self.fail(f"{value!r} is not a whole number written with the digits 0 to 9.", param, ctx)
        number = super().convert(value, param, ctx)
        if not -SQLITE_MAX <= number <= SQLITE_MAX:
            self.fail(f"{value!r} is far beyond any id or number ipt keeps.", param, ctx)
        return number


class StrictFloat(FloatParamType):
    def convert(self, value: Any, param: Any, ctx: Any) -> Any:
        if isinstance(value, str) and not DECIMAL.fullmatch(value.strip()):
            self.fail(f"{value!r} is not a number written with the digits 0 to 9.", param, ctx)
        number = super().convert(value, param, ctx)
        if not -SQLITE_MAX <= number <= SQLITE_MAX:
            self.fail(f"{value!r} is far beyond any id or number ipt keeps.", param, ctx)
        return number


def strict(kind: ParamType) -> ParamType:
    """The strict counterpart of a number type Typer made from an `int` or `float` annotation;
    any other type as it is."""
    if type(kind) is IntParamType:
        return StrictInt()
    if type(kind) is FloatParamType:
        return StrictFloat()
    return kind


def make_strict(command: Command) -> None:
    """Give every number parameter of `command` and its subcommands a strict type."""
    for param in command.params:
        param.type = strict(param.type)
    for sub in getattr(command, "commands", {}).values():
        make_strict(sub)
