"""Figures as people read them: means to one decimal, rounded half up (6.25 shows 6.3,
not Python's round-half-to-even 6.2), and a change between two means worked out from the
figures shown, so that 6.8 "up 3.3 from 3.5" adds up on the page. Screens, documents and
JSON all round through here, so they give the same numbers."""

from __future__ import annotations

from typing import Any

SHOWN_PLACES = 1  # decimals of a mean on screen and in documents


def rounded(value: float, places: int = SHOWN_PLACES) -> float:
    """`value` rounded half up (away from zero) to `places` decimals."""
    return _rounded(value, places, ties_away=True)


def whole_half_down(value: float) -> int:
    """`value` to a whole number, a half going toward zero: -1.5 -> -1, 0.5 -> 0."""
    return int(_rounded(value, 0, ties_away=False))


def _rounded(value: float, places: int, ties_away: bool) -> float:
    # A tie is decided on repr, the shortest text giving the same float: 6.85 is a half
    # although the float is 6.8499999... Only a repr ending in 5 just past `places` is a
    # tie. Any other rounds as round() rounds the float (correctly): no float lies across
    # a rounding boundary from its repr, which would otherwise be that boundary, shorter.
    # Decimal gives the same (tests/test_figures_at_edges.py compares them) at twice the
    # cost, and its import is left to what this cannot read (1e+16, inf).
    text = repr(float(value))
    whole, dot, fraction = text.partition(".")
    if not dot or not fraction.isdigit():
        return _rounded_by_decimal(value, places, ties_away)
    if len(fraction) != places + 1 or fraction[-1] != "5":
        return float(round(value, places))
    kept = int(whole.lstrip("-") + fraction[:places]) + (1 if ties_away else 0)
    sign = "-" if text.startswith("-") else ""
    return float(f"{sign}{kept}e-{places}")


def _rounded_by_decimal(value: float, places: int, ties_away: bool) -> float:
    from decimal import ROUND_HALF_DOWN, ROUND_HALF_UP, Decimal

    rule = ROUND_HALF_UP if ties_away else ROUND_HALF_DOWN
    return float(Decimal(repr(value)).quantize(Decimal(1).scaleb(-places), rounding=rule))


def whole(value: float) -> int:
    """`value` rounded half up to a whole number (a mean how-it-went of 0.5 reads +1)."""
    return int(rounded(value, 0))


def shown(value: float | None, signed: bool = False, places: int = SHOWN_PLACES) -> str:
    """A figure as it is shown: '6.3', or '+0.5' when `signed` (a correlation: places=2);
    '–' for none (no check-in to take a mean of)."""
    if value is None:
        return "–"
    fixed = rounded(value, places) + 0.0  # + 0.0 turns -0.0 into 0.0: a mean of -0.03 reads +0.0
    return f"{fixed:+.{places}f}" if signed else f"{fixed:.{places}f}"


def difference(before: float, after: float) -> float:
    """`after` minus `before` as the two figures are shown."""
    return rounded(rounded(after) - rounded(before))


JSON_PLACES = 2  # decimals of a figure in --json: more than shown, rounded the same way


def json_ready(value: Any) -> Any:
    """A record (a NamedTuple or a dataclass), dict or list, nested, as JSON-ready data: days
    as YYYY-MM-DD, figures rounded half up to JSON_PLACES decimals."""
    import datetime as dt
    from dataclasses import asdict, is_dataclass

    if is_dataclass(value) and not isinstance(value, type):
        value = asdict(value)
    elif isinstance(value, tuple) and hasattr(value, "_asdict"):  # a NamedTuple record
        value = value._asdict()
    if isinstance(value, dict):
        return {key: json_ready(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [json_ready(item) for item in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        return rounded(value, JSON_PLACES)
    return value
