"""`ipt measure history`: the questionnaires taken, with their totals and ranges."""

from __future__ import annotations

from rich import box
from rich.table import Table

from ipt_journal.render.common import new_console


def measures_table(measures) -> None:
    from ipt_journal import scales

    console = new_console()
    if not measures:
        console.print("No questionnaires yet. Take one with: ipt measure phq9 (or gad7)")
        return
    table = Table(box=box.SIMPLE_HEAD)
    table.add_column("ID", justify="right")
    table.add_column("Day", no_wrap=True)
    table.add_column("Scale")
    table.add_column("Total", justify="right")
    table.add_column("Range", no_wrap=True)
    table.add_column("Answers")
    table.add_column(
        "Difficulty", min_width=10
    )  # the unscored last question: how hard the problems made things
    for m in measures:
        scale = scales.SCALES[m.scale]
        table.add_row(
            str(m.id),
            m.day,
            scale.name,
            f"{m.total}/{scale.max_total}",
            scale.band(m.total),
            " ".join(map(str, m.answers)),
            "" if m.difficulty is None else scales.DIFFICULTY_SHORT[m.difficulty],
        )
    console.print(table)
    console.print(scales.CREDIT, style="dim")
