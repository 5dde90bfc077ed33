"""Inline SVG line charts for the HTML report: no scripts, no external files.

Readable without colour: each series has its own marker shape and line pattern as well as
an Okabe-Ito colour (safe for the common kinds of colour blindness), bands are shades of
grey with their names written on them, and every chart carries a title and a text
description for screen readers. The numbers are also in a table next to each chart.
"""

import datetime as dt
from collections.abc import Sequence
from html import escape
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from collections.abc import Sequence

# Okabe & Ito (2008), "Color Universal Design": blue and vermillion stay apart for
# protanopia, deuteranopia and tritanopia, and differ in lightness in greyscale.
SERIES_STYLES = (
    {"colour": "#0072B2", "dash": "", "marker": "circle"},
    {"colour": "#D55E00", "dash": "6 3", "marker": "square"},
)
BAND_SHADES = ("#ffffff", "#f0f0f0", "#e0e0e0", "#d0d0d0", "#c0c0c0")
# Drawn at the page's full width (180 mm is about 680 CSS px), so 11px text prints legibly.
WIDTH, HEIGHT = 680, 220
LEFT, RIGHT, TOP, BOTTOM = 34, 110, 10, 30
DATE_TICKS = 6  # dates written along the time axis, first and last included


class Series(NamedTuple):
    label: str
    points: "Sequence[tuple[dt.date, float]]"


class Band(NamedTuple):
    low: float
    high: float
    label: str


class Mark(NamedTuple):
    """A treatment event on the timeline: a dashed line at its day, its one-character
    mark at the top, and its words as the line's tooltip and in the chart's description."""

    day: dt.date
    mark: str
    label: str


def line_chart(
    chart_id: str,
    title: str,
    description: str,
    series: list[Series],
    y_max: float,
    bands: "Sequence[Band]" = (),
    marks: "Sequence[Mark]" = (),
) -> str:
    # The time axis spans the treatment marks too, so each sits at its own day.
    days = [day for s in series for day, _ in s.points] + [m.day for m in marks]
    first, last = min(days), max(days)
    span = max((last - first).days, 1)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x(day: dt.date) -> float:
        if first == last:
            return LEFT + plot_w / 2
        return LEFT + (day - first).days / span * plot_w

    def y(value: float) -> float:
        return TOP + plot_h - value / y_max * plot_h

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" class="chart">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>',
    ]
    for index, band in enumerate(bands):
        shade = BAND_SHADES[min(index, len(BAND_SHADES) - 1)]
        top, bottom = y(min(band.high, y_max)), y(band.low)
        parts.append(
            f'<rect x="{LEFT}" y="{top:.1f}" width="{plot_w}" height="{bottom - top:.1f}" fill="{shade}"/>'
        )
        parts.append(
            f'<text x="{LEFT + plot_w + 4}" y="{(top + bottom) / 2 + 3:.1f}" class="band">'
            f"{escape(band.label)}</text>"
        )
    for tick in _ticks(y_max):
        parts.append(
            f'<line x1="{LEFT}" x2="{LEFT + plot_w}" y1="{y(tick):.1f}" y2="{y(tick):.1f}" class="grid"/>'
            f'<text x="{LEFT - 4}" y="{y(tick) + 3:.1f}" text-anchor="end">{tick:g}</text>'
        )
    axis_y = TOP + plot_h
    parts.append(f'<line x1="{LEFT}" x2="{LEFT + plot_w}" y1="{axis_y}" y2="{axis_y}" stroke="#555"/>')
    for day in _date_ticks(first, last):
        anchor = "start" if day == first else "end" if day == last else "middle"
        label = _day_label(day, first, last)
        parts.append(
            f'<line x1="{x(day):.1f}" x2="{x(day):.1f}" y1="{axis_y}" y2="{axis_y + 4}" stroke="#555"/>'
            f'<text x="{x(day):.1f}" y="{HEIGHT - 10}" text-anchor="{anchor}">{label}</text>'
        )
    for mark in marks:
        mx = x(mark.day)
        parts.append(
            f'<g class="care"><title>{escape(f"{mark.label} {mark.day}")}</title>'
            f'<line x1="{mx:.1f}" x2="{mx:.1f}" y1="{TOP + 12}" y2="{axis_y}" stroke="#555" '
            f'stroke-dasharray="2 3"/>'
            f'<text x="{mx:.1f}" y="{TOP + 9}" text-anchor="middle">{escape(mark.mark)}</text></g>'
        )
    for index, s in enumerate(series):
        style = SERIES_STYLES[index % len(SERIES_STYLES)]
        coords = [(x(day), y(value)) for day, value in s.points]
        dash = f' stroke-dasharray="{style["dash"]}"' if style["dash"] else ""
        path = " ".join(f"{px:.1f},{py:.1f}" for px, py in coords)
        parts.append(
            f'<polyline points="{path}" fill="none" stroke="{style["colour"]}" stroke-width="2"{dash}/>'
        )
        for px, py in coords:
            parts.append(_marker(style, px, py))
        legend_y = TOP + 12 + index * 14
        parts.append(_marker(style, LEFT + 10, legend_y - 3))
        parts.append(f'<text x="{LEFT + 18}" y="{legend_y}">{escape(s.label)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _marker(style: dict, px: float, py: float) -> str:
    colour = style["colour"]
    if style["marker"] == "square":
        return f'<rect x="{px - 3.5:.1f}" y="{py - 3.5:.1f}" width="7" height="7" fill="{colour}"/>'
    return f'<circle cx="{px:.1f}" cy="{py:.1f}" r="3.5" fill="{colour}"/>'


def _ticks(y_max: float) -> list[float]:
    step = 2 if y_max <= 10 else 5
    return [float(tick) for tick in range(0, int(y_max) + 1, step)]


def _date_ticks(first: dt.date, last: dt.date) -> list[dt.date]:
    """Up to DATE_TICKS evenly spaced days from `first` to `last`, both included."""
    span = (last - first).days
    if span == 0:
        return [first]
    steps = min(DATE_TICKS - 1, span)
    return sorted({first + dt.timedelta(days=round(span * n / steps)) for n in range(steps + 1)})


def _day_label(day: dt.date, first: dt.date, last: dt.date) -> str:
    """'14 Sep', with the year when the chart spans more than one."""
    label = f"{day.day} {day.strftime('%b')}"
    return f"{label} {day.year}" if first.year != last.year else label
