"""`ipt measure history`: the questionnaires taken, with their totals and ranges."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ipt_journal.render.common import new_console
from ipt_journal.render.fit import Column, fitted, hanging, left_out

if TYPE_CHECKING:
    from collections.abc import Sequence

    from ipt_journal.store import Measure

MEASURE_COLUMNS = (
    Column("ID", right=True),
    Column("Day"),
    Column("Scale"),
    Column("Total", right=True),
    Column("Range"),
    Column("Answers", keep=1),
    Column("Difficulty", keep=2),  # the unscored last question: how hard the problems made things
)


def measures_table(measures: Sequence[Measure]) -> None:
    from ipt_journal.clinical import scales

    console = new_console()
    if not measures:
        console.print("No questionnaires yet. Take one with: ipt measure phq9 (or gad7, wsas)")
        return
    rows = []
    for m in measures:
        scale = scales.SCALES[m.scale]
        rows.append(
            (
                str(m.id),
                m.day,
                scale.name,
                f"{m.total}/{scale.max_total}",
                scale.band(m.total),
                scales.answers_text(m.answers),
                "" if m.difficulty is None else scales.DIFFICULTY_SHORT[m.difficulty],
            )
        )
    shown = fitted(console, MEASURE_COLUMNS, rows)
    if not shown:
        for ident, day, name, total, band, answers, difficulty in rows:
            hard = f"; difficulty: {difficulty}" if difficulty else ""
            hanging(console, f"#{ident} {day} {name} {total} {band}; answers {answers}{hard}")
    left_out(console, shown, "ipt measure history --json has everything")
    for line in scales.credits(m.scale for m in measures):
        console.print(line, style="dim")
