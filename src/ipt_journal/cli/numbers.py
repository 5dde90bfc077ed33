"""Numbers on the command line mean what a person typed on a keyboard.

Click turns a flag's text into a number with Python's int() and float(), which also accept
other scripts' digits ('٣' is 3), 'nan' and 'inf' (which pass any range check), and ints no
SQLite column holds. Every number flag and argument of ipt goes through `strict_number`
instead: ASCII digits only, finite, and within SQLite's 64-bit range.
"""

from __future__ import annotations

import math

from typer._click import types

SQLITE_MAX = 2**63 - 1
_original = types._NumberParamTypeBase.convert


def strict_number(self, value, param, ctx):
    if isinstance(value, str) and not value.strip().isascii():
        self.fail(f"{value!r} is not a number written with the digits 0 to 9.", param, ctx)
    number = _original(self, value, param, ctx)
    if isinstance(number, float) and not math.isfinite(number):
        self.fail(f"{value!r} is not a number.", param, ctx)
    if isinstance(number, int) and not -SQLITE_MAX <= number <= SQLITE_MAX:
        self.fail(f"{value!r} is far beyond any id or number ipt keeps.", param, ctx)
    return number


def install() -> None:
    types._NumberParamTypeBase.convert = strict_number
