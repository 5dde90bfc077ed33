"""The pictures, drawn as text: the mood chart (or its one-line sparkline when narrow), the
closeness circle and the interpersonal timeline.

Shape and symbols carry the meaning, so they read the same with NO_COLOR; colour only
repeats it. Names are placed whole, never cut: a line that cannot take the next name wraps.
"""

import datetime as dt
from collections.abc import Sequence
from typing import NamedTuple

from rich.console import Console
from rich.text import Text

from ipt_journal.clinical.vocab import died_words
from ipt_journal.insight.relationships import CirclePlace
from ipt_journal.render.fit import hanging
from ipt_journal.text.figures import shown, whole

SPARKS = "▁▂▃▄▅▆▇█"
POINT = "●"
MEAN_POINT = "◉"  # a dot that averages several check-ins (or weeks) sharing one column
CHART_BELOW = 50  # narrower terminals get the sparkline instead of the chart
AXIS = 4  # "10 ┤" takes four columns before the plot


def spark(mood: float) -> str:
    """One character for a mood from 0 to 10."""
    return SPARKS[min(len(SPARKS) - 1, max(0, round(mood / 10 * (len(SPARKS) - 1))))]


def sparkline(moods: Sequence[float]) -> str:
    return "".join(spark(mood) for mood in moods)


class ChartPoint(NamedTuple):
    day: dt.date
    mood: float


Phq9Marks = Sequence[tuple[dt.date, int, str]]  # each PHQ-9: its day, total and band


class CareMark(NamedTuple):
    """A treatment event on the chart: its day, one-character mark, kind in words, and
    when in words (a day, or the month when only that is known)."""

    day: dt.date
    mark: str
    label: str
    when: str


def mood_chart(
    console: Console,
    points: Sequence[ChartPoint],
    weekly: Sequence[ChartPoint],
    phq9: Sequence[tuple[dt.date, int, str]],
    since: dt.date,
    until: dt.date,
    care: Sequence[CareMark] = (),
) -> None:
    """Mood from 0 to 10 over the window: one point per check-in when they fit across the
    terminal, else one per week; the PHQ-9 totals beneath, at their days, with their bands;
    the treatment events beneath those, marked at their days and named in words. Below
    CHART_BELOW columns, a sparkline of the weeks instead."""
    from ipt_journal import output

    width = console.width
    if not points:
        return
    if output.plain():  # a screen reader reads numbers, not a picture
        _plain_lines(console, weekly, phq9)
        _care_words(console, care, marks=False)
        return
    if width < CHART_BELOW:
        _sparkline_lines(console, weekly, phq9, width)
        _care_words(console, care, marks=False)
        return
    plot = width - AXIS - 1
    shown = points if len(points) <= plot else weekly
    span = max(1, (until - since).days)
    columns: dict[int, list[float]] = {}
    for point in shown:
        x = round((point.day - since).days / span * (plot - 1))
        columns.setdefault(min(plot - 1, max(0, x)), []).append(point.mood)
    heights = {x: whole(sum(moods) / len(moods)) for x, moods in columns.items()}
    marks = {x: POINT if len(moods) == 1 else MEAN_POINT for x, moods in columns.items()}
    for level in range(10, -1, -1):
        label = f"{level:>2} ┤" if level % 5 == 0 else "   │"
        row = "".join(marks[x] if heights.get(x) == level else " " for x in range(plot))
        console.print(Text(f"{label}{row}".rstrip()), no_wrap=True, overflow="crop")
    console.print(Text("   └" + "─" * plot), no_wrap=True, overflow="crop")
    first, last = since.isoformat(), until.isoformat()
    gap = max(1, plot - len(first) - len(last))
    console.print(Text(f"    {first}{' ' * gap}{last}"[:width]), no_wrap=True, overflow="crop")
    if phq9:
        row = _phq9_marks(phq9, since, span, plot)
        console.print(Text("PHQ " + row.rstrip()), no_wrap=True, overflow="crop")
    if care:
        row = _care_marks(care, since, span, plot)
        console.print(Text("Rx  " + row.rstrip()), no_wrap=True, overflow="crop")
    unit, units = ("check-in", "check-ins") if shown is points else ("week (mean)", "weeks")
    # A dot that stands for several says so: two check-ins of one day, or days closer
    # together than a column, are drawn as their mean.
    several = max(len(moods) for moods in columns.values())
    mean = (
        f"{MEAN_POINT} the mean of {several if several == 2 else f'2 to {several}'} {units}; "
        if several > 1
        else ""
    )
    console.print(Text(f"{POINT} one {unit}; {mean}mood 0 worst, 10 best.", style="dim"))
    _phq9_bands(console, phq9)
    _care_words(console, care, marks=True)


def care_column(day: dt.date, since: dt.date, span: int, plot: int) -> int:
    """The column of a day on the plot (a day before the window, an event known only by
    its month, sits at the first column)."""
    return min(plot - 1, max(0, round((day - since).days / span * (plot - 1))))


def _care_marks(care: Sequence[CareMark], since: dt.date, span: int, plot: int) -> str:
    """Each treatment event's mark at its day's column; two on one column sit side by side
    (the nearest free column, to the right first), so none is hidden."""
    marks = [" "] * plot
    for item in care:
        x = care_column(item.day, since, span, plot)
        # A later event never lands left of an earlier one on its column: right first.
        nearest = sorted(range(plot), key=lambda c: (abs(c - x), c < x))
        free = next((c for c in nearest if marks[c] == " "), None)
        if free is not None:
            marks[free] = item.mark
    return "".join(marks)


def _care_words(console: Console, care: Sequence[CareMark], marks: bool) -> None:
    """The treatment events in words, with their marks when the chart drew them."""
    if not care:
        return
    told = [
        f"{item.mark} {item.label} {item.when}" if marks else f"{item.label} {item.when}" for item in care
    ]
    console.print(Text(f"Treatment: {'; '.join(told)}."))


def _phq9_marks(phq9: Phq9Marks, since: dt.date, span: int, plot: int) -> str:
    """The PHQ-9 totals at their days, a space apart. The latest and the highest are always
    shown, moved aside if they would overlap (the caption gives their days); an older total
    that would overlap one already placed is left out."""
    marks = [" "] * plot

    def free(start: int, length: int) -> bool:
        return 0 <= start <= plot - length and all(
            mark == " " for mark in marks[max(0, start - 1) : start + length + 1]
        )

    latest = len(phq9) - 1
    highest = max(range(len(phq9)), key=lambda i: (phq9[i][1], i))
    order = [latest, *([highest] if highest != latest else [])]
    order += [i for i in range(len(phq9) - 1, -1, -1) if i not in order]
    for i in order:
        day, total, _ = phq9[i]
        digits = str(total)
        x = min(plot - 1, max(0, round((day - since).days / span * (plot - 1))))
        start = min(x, plot - len(digits))
        if i in (latest, highest):
            nearest = sorted(range(plot), key=lambda s: (abs(s - start), s))
            start = next((s for s in nearest if free(s, len(digits))), start)
        elif not free(start, len(digits)):
            continue
        marks[start : start + len(digits)] = digits
    return "".join(marks)


def _plain_lines(console: Console, weekly: Sequence[ChartPoint], phq9: Phq9Marks) -> None:
    for point in weekly:
        console.print(Text(f"Week of {point.day}: mean mood {shown(point.mood)}"))
    _phq9_bands(console, phq9)


def _sparkline_lines(console: Console, weekly: Sequence[ChartPoint], phq9: Phq9Marks, width: int) -> None:
    label = "Mood "
    room = max(1, width - len(label) - 12)
    moods = [point.mood for point in weekly][-room:]
    console.print(
        Text(f"{label}{sparkline(moods)} {shown(moods[0])}→{shown(moods[-1])}"), no_wrap=True, overflow="crop"
    )
    console.print(Text(f"One mark a week (its mean), last {len(moods)}; ▁ low, █ high.", style="dim"))
    _phq9_bands(console, phq9)


PHQ9_BANDS = "0-4 minimal, 5-9 mild, 10-14 moderate, 15-19 moderately severe, 20-27 severe"


def _phq9_bands(console: Console, phq9: Phq9Marks) -> None:
    """The PHQ-9 totals in words: all of them when few, else the first, highest and latest."""
    if not phq9:
        return
    if len(phq9) <= 3:
        told = [f"{total} {band} ({day})" for day, total, band in phq9]
    else:
        highest = max(phq9, key=lambda m: m[1])
        told = [
            f"{label} {total} {band} ({day})"
            for label, (day, total, band) in (("first", phq9[0]), ("highest", highest), ("latest", phq9[-1]))
        ]
    console.print(Text(f"PHQ-9: {'; '.join(told)}. Bands: {PHQ9_BANDS}."))


# ------------------------------------------------------------------ closeness circle

MARKS = {"well": "▲", "badly": "▼", "mixed": "◆", "unknown": "●", "none": "○"}
MARK_STYLES = {"well": "green", "badly": "red", "mixed": "yellow", "unknown": "blue", "none": "dim"}
# --plain: the words a mark stands for, beside each name (a screen reader reads ▲ as a shape).
MARK_WORDS = {
    "well": "went well",
    "badly": "went badly",
    "mixed": "mixed or neither",
    "unknown": "seen, how it went unknown",
    "none": "no time recorded",
}
RINGS = {1: "inner circle", 2: "middle ring", 3: "outer ring", None: "not placed on a ring"}


def closeness_circle(console: Console, people: Sequence[CirclePlace], weeks: int) -> None:
    """Three rings around you, names placed by closeness, each marked by how time together
    went in the last `weeks` weeks. Nested boxes stand for the rings: a name inside a box
    and outside the next one sits on that ring."""
    width = console.width
    from ipt_journal import output

    by_ring: dict[int | None, list[CirclePlace]] = {}
    for person in people:
        by_ring.setdefault(person.ring, []).append(person)
    if output.plain():  # one person a line, in words
        for ring in (1, 2, 3, None):
            if by_ring.get(ring):
                console.print(Text(f"{RINGS[ring].capitalize()}:"))
                for person in by_ring[ring]:
                    how = (
                        died_words(person.died_on)
                        if person.status == "deceased"
                        else MARK_WORDS[person.lately]
                    )
                    hanging(console, f"  {person.name}: {how}")
        console.print(Text(f"How time together went in the last {weeks} weeks."))
        return
    if width < 40:  # rings as lists, not boxes
        for ring in (1, 2, 3, None):
            if by_ring.get(ring):
                console.print(Text(f"{RINGS[ring].capitalize()}:", style="bold"))
                for line in _packed(by_ring[ring], width - 2):
                    console.print(Text("  ") + line)
    else:
        depth_rings = (3, 2, 1)
        lines: list[Text] = []
        for depth, ring in enumerate(depth_rings):
            inner = width - 4 * depth - 4
            lines.append(_edge("╭", "╮", RINGS[ring], inner + 2, depth))
            for line in _packed(by_ring.get(ring, []), inner) or [Text("")]:
                lines.append(_side(line, inner, depth))
        you = Text("(you)".center(width - 4 * len(depth_rings)))
        lines.append(_side(you, width - 4 * len(depth_rings), len(depth_rings) - 1))
        for depth in range(len(depth_rings) - 1, -1, -1):
            lines.append(_edge("╰", "╯", "", width - 4 * depth - 2, depth))
        for line in lines:
            console.print(line, no_wrap=True, overflow="crop")
        if by_ring.get(None):
            console.print(Text(f"{RINGS[None].capitalize()}:", style="bold"))
            for line in _packed(by_ring[None], width - 2):
                console.print(Text("  ") + line)
    console.print(
        Text(
            f"{MARKS['well']} went well, {MARKS['badly']} badly, {MARKS['mixed']} mixed or neither, "
            f"{MARKS['unknown']} seen (how it went unknown), {MARKS['none']} no time recorded, "
            f"in the last {weeks} weeks.",
            style="dim",
        )
    )


def _walls(depth: int) -> tuple[str, str]:
    return "│ " * depth, " │" * depth


def _edge(left: str, right: str, title: str, inner: int, depth: int) -> Text:
    before, after = _walls(depth)
    label = f"─ {title} " if title else ""
    return Text(before + left + (label + "─" * inner)[:inner] + right + after)


def _side(content: Text, inner: int, depth: int) -> Text:
    before, after = _walls(depth + 1)
    padded = content.copy()
    padded.pad_right(max(0, inner - padded.cell_len))
    return Text(before) + padded + Text(after)


def _packed(people: Sequence[CirclePlace], width: int) -> list[Text]:
    """Names with their marks, as many to a line as fit whole."""
    lines: list[Text] = []
    line = Text()
    for person in people:
        if person.status == "deceased":  # remembered, not seen: words, and no contact mark
            item = Text(f"{person.name} ({died_words(person.died_on)})")
        else:
            item = Text(f"{person.name} ") + Text(MARKS[person.lately], style=MARK_STYLES[person.lately])
        gap = 2 if line.cell_len else 0
        if line.cell_len and line.cell_len + gap + item.cell_len > width:
            lines.append(line)
            line, gap = Text(), 0
        line.append(" " * gap)
        line.append_text(item)
    if line.cell_len:
        lines.append(line)
    return lines
