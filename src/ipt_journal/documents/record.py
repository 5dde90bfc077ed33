"""The figures of the clinician document: goals, the questionnaires (scores, charts and
every answer) and mood by week."""

from __future__ import annotations

import datetime as dt

from ipt_journal.documents.blocks import Block, Chart, Heading, Paragraph, Table, or_dash
from ipt_journal.documents.charts import Band, Mark, Series
from ipt_journal.insight.clinician_report import ClinicianReport
from ipt_journal.insight.course_figures import ScaleProgress
from ipt_journal.insight.weekly_mood import WeekMood
from ipt_journal.text.figures import shown


def goals(doc: ClinicianReport) -> list[Block]:
    if not doc.figures.goals:
        return []
    rows = [
        [g.text, g.status, or_dash(g.first_rating, "/10"), or_dash(g.latest_rating, "/10")]
        for g in doc.figures.goals
    ]
    return [
        Heading("Goals and progress"),
        Table(
            "Goals, with progress rated 0 (none) to 10 (reached)",
            ["Goal", "Status", "First", "Latest"],
            rows,
            {2, 3},
        ),
    ]


# The document says which change convention it uses, and shows the other beside it.
NHS_RELIABLE_PHQ9 = 6  # NHS Talking Therapies' reliable change on the PHQ-9
CHANGE_CONVENTION = (
    "Change convention: a PHQ-9 change of 5 points or more is counted as clinically meaningful "
    "(Löwe et al. 2004); NHS Talking Therapies counts 6 points as reliable change, shown beside "
    "it. A GAD-7 change of 4 points or more counts as reliable (NHS Talking Therapies)."
)


def _convention(scale: str, points: int) -> str:
    """' (meaningful by ...; reliable by NHS Talking Therapies' 6 points)' and the like."""
    from ipt_journal.clinical.scales import SCALES

    figure = SCALES[scale].meaningful_change
    if figure is None:  # the WSAS: no published change figure, so its points stand alone
        return ""
    meaningful = abs(points) >= figure
    if scale != "phq9":
        return " (a reliable change)" if meaningful else ""
    five = (
        "meaningful by the 5-point convention of Löwe 2004"
        if meaningful
        else "under the 5 points counted as meaningful"
    )
    six = "reliable" if abs(points) >= NHS_RELIABLE_PHQ9 else "not reliable"
    return f" ({five}; {six} by NHS Talking Therapies' 6 points)"


def progress_sentence(p: ScaleProgress) -> str:
    """First against latest for one questionnaire, with its range and change."""
    from ipt_journal.clinical.scales import SCALES, see_clinician_soon

    words = (
        f"{p.name}: {p.baseline} on {p.baseline_day} (first), "
        f"{p.latest} on {p.latest_day} (latest, {p.latest_band} range)"
    )
    if p.baseline_day == p.latest_day:
        return f"{p.name}: {p.latest} on {p.latest_day} ({p.latest_band} range), taken once so far."
    if p.points:
        points = f"{p.points:+d} point{'' if abs(p.points) == 1 else 's'}"
        words += f", a change of {points}" + _convention(p.scale, p.points)
    else:
        words += ", no change"
    if see_clinician_soon(SCALES[p.scale], p.latest, p.baseline, None):
        words += "; a result at which ipt asks the person to contact their therapist or doctor soon"
    if p.response and p.baseline >= 10:
        words += "; half or less of the first score, what studies call a response"
    if p.remission and p.baseline >= 10:
        words += "; below 5, what studies call remission"
    return words + "."


def _care(doc: ClinicianReport) -> tuple[list[Mark], str]:
    """The treatment events for the charts, and the legend that names them in words (the
    Markdown document, which draws no chart, gets the words alone)."""
    chart = doc.figures.chart
    treatment = chart.treatment if chart else []
    if not treatment:
        return [], ""
    told = "; ".join(
        f"{t.mark} {t.label} {t.day.isoformat()[:7] if t.approximate else t.day}" for t in treatment
    )
    return [
        Mark(t.day, t.mark, t.label) for t in treatment
    ], f"Treatment alongside IPT, marked on the chart: {told}."


# What the numbers in each questionnaire's answer table mean.
ANSWER_KEYS = {
    "phq9": "0 not at all, 1 several days, 2 more than half the days, 3 nearly every day",
    "gad7": "0 not at all, 1 several days, 2 more than half the days, 3 nearly every day",
    "wsas": (
        "0 not at all impaired to 8 very severely impaired; items: work, home management, social "
        "leisure, private leisure, close relationships; n/a: work does not apply, and the mean of "
        "the other four stands in for it in the total"
    ),
}


def questionnaires(doc: ClinicianReport) -> list[Block]:
    from ipt_journal.clinical.scales import SCALES, answer_text

    figures = doc.figures
    if not figures.measures:
        return []
    out: list[Block] = [
        Heading("Questionnaires: PHQ-9 (depression), GAD-7 (anxiety), WSAS (work and social functioning)")
    ]
    marks, legend = _care(doc)
    charts = 0
    for key in ("phq9", "gad7", "wsas"):
        scale = SCALES[key]
        points = [
            (dt.date.fromisoformat(m.day), getattr(m, key))
            for m in figures.measures
            if getattr(m, key) is not None
        ]
        if len(points) < 2:
            continue
        bounds = zip(scale.bands, [*scale.bands[1:], (scale.max_total, "")], strict=True)
        out.append(
            Chart(
                f"chart-{key}",
                f"{scale.name} scores, {points[0][0]} to {points[-1][0]}",
                f"{scale.name} total by day, 0 to {scale.max_total}, with its ranges shaded: "
                + ", ".join(f"{day}: {total}" for day, total in points)
                + (f". {legend}" if legend else ""),
                [Series(scale.name, points)],
                scale.max_total,
                [Band(low, high, name) for (low, name), (high, _) in bounds],
                marks,
            )
        )
        charts += 1
    if charts and legend:
        out.append(Paragraph(legend))
    for scale in SCALES.values():
        taken = [a for a in doc.answers if a.scale == scale.name]
        if not taken:
            continue
        headers = ["Day", *[str(n) for n in range(1, len(scale.items) + 1)], "Total"]
        rows = [[a.day, *map(answer_text, a.answers), f"{a.total} ({a.band})"] for a in taken]
        if scale.asks_difficulty:
            headers.append("Difficulty")
            for row, a in zip(rows, taken, strict=True):
                row.append(a.difficulty or "–")
        out.append(
            Table(
                f"{scale.name}, every answer ({ANSWER_KEYS[scale.key]})",
                headers,
                rows,
                set(range(1, len(scale.items) + 2)),
            )
        )
    return out


def mood(doc: ClinicianReport) -> list[Block]:
    weeks = doc.figures.weeks
    if not weeks:
        return []
    out: list[Block] = [Heading("Mood by week (0 worst, 10 best)")]
    marks, legend = _care(doc)
    if len(weeks) >= 2:
        out.append(
            Chart(
                "chart-mood",
                f"Mean mood by week, {weeks[0].week} to {weeks[-1].week}",
                "Weekly mean mood on a 0 to 10 scale: "
                + ", ".join(f"{w.week}: {shown(w.mean_mood)}" for w in weeks)
                + (f". {legend}" if legend else ""),
                [Series("Mean mood", [(w.monday, w.mean_mood) for w in weeks])],
                10,
                marks=marks,
            )
        )
    if legend:
        out.append(Paragraph(legend))

    def course_week(w: WeekMood) -> str:
        return w.course_week_words or ""  # the words the terminal and JSON say

    rows = [
        [
            w.week,
            course_week(w),
            str(w.checkins),
            shown(w.mean_mood),
            "" if w.change is None else shown(w.change, signed=True),
        ]
        for w in weeks
    ]
    out.append(
        Table(
            "Check-ins and mean mood per ISO week",
            ["Week", "Course week", "Check-ins", "Mean mood", "Change"],
            rows,
            {2, 3, 4},
        )
    )
    if doc.figures.gap:
        out.append(Paragraph(doc.figures.gap.sentence()))
    s = doc.figures.summary
    if s:
        out.append(
            Paragraph(
                f"Mean mood in the last {s.weeks_compared} weeks with check-ins was "
                f"{shown(s.last_mean)}, against {shown(s.first_mean)} in the first "
                f"{s.weeks_compared} ({shown(s.change, signed=True)})."
            )
        )
    return out
