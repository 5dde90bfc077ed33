"""The clinician report's content, in order, as format-neutral blocks of text.

Markdown and HTML render the same blocks, so both say the same thing. Journal text stays
raw here; each renderer escapes it for its format.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ipt_journal.clinical.vocab import CLOSENESS_LABELS, QUALITY_LABELS
from ipt_journal.documents.charts import Band, Series
from ipt_journal.insight.clinician_report import ClinicianReport
from ipt_journal.text.figures import shown, whole

DISCLAIMER = (
    "Written by the person in their own journal with ipt-journal, a self-help companion to "
    "Interpersonal Psychotherapy. It supports conversations with a clinician and does not replace "
    "clinical judgement. Questionnaire ranges describe scores; they are not diagnoses."
)
ASSOCIATION = "Mood differences are associations, not causes."


@dataclass
class Heading:
    text: str


@dataclass
class Paragraph:
    text: str
    emphasis: bool = False


@dataclass
class Items:
    items: list[str]


@dataclass
class Table:
    caption: str
    headers: list[str]
    rows: list[list[str]]
    numeric: set[int] = field(default_factory=set)  # columns aligned right


@dataclass
class Chart:
    chart_id: str
    title: str
    description: str
    series: list[Series]
    y_max: float
    bands: list[Band] = field(default_factory=list)


Block = Heading | Paragraph | Items | Table | Chart


def blocks(doc: ClinicianReport, crisis_lines: list[str]) -> list[Block]:
    """Every section that has something to say, in the order a session would use them."""
    out: list[Block] = [
        Paragraph(f"Written {doc.today.isoformat()}; covers {doc.window}."),
        Paragraph(DISCLAIMER),
    ]
    for section in (
        _course,
        _goals,
        _questionnaires,
        _mood,
        _people,
        _events,
        _sessions,
        _homework,
        _practice,
    ):
        out += section(doc)
    out += _safety(doc, crisis_lines)
    if doc.bring:
        out += [Heading("Things I want to bring up"), Items(doc.bring)]
    return out


def _course(doc: ClinicianReport) -> list[Block]:
    f = doc.formulation
    if f is None:
        return []
    lines = [f"Started {f.started_on}, planned for {f.planned_weeks} weekly sessions; now {f.where}."]
    if f.focus:
        lines.append(f"Focus: {' and '.join(f.focus)}.")
    if f.with_therapist is not None:
        lines.append("Working with a therapist." if f.with_therapist else "Working on my own (self-help).")
    out: list[Block] = [Heading("Course and focus"), Paragraph(" ".join(lines))]
    if f.linking:
        from ipt_journal.text.messages import formulation_line

        out.append(Paragraph(formulation_line(f.linking, f.linking_agreed_on)))
    if f.reason:
        out.append(Paragraph(f"What brought me: {f.reason}"))
    if f.background:
        out.append(Paragraph(f"Background: {f.background}"))
    return out


def _goals(doc: ClinicianReport) -> list[Block]:
    goals = doc.figures.goals
    if not goals:
        return []
    rows = [
        [g.text, g.status, _or_dash(g.first_rating, "/10"), _or_dash(g.latest_rating, "/10")] for g in goals
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


def _questionnaires(doc: ClinicianReport) -> list[Block]:
    from ipt_journal.clinical.scales import SCALES, see_clinician_soon

    figures = doc.figures
    if not figures.measures and not figures.progress:
        return []
    out: list[Block] = [Heading("Questionnaires: PHQ-9 (depression) and GAD-7 (anxiety)")]
    if figures.measures:
        rows = [
            [m.day, _score(m.phq9, m.phq9_band, 27), _score(m.gad7, m.gad7_band, 21)]
            for m in figures.measures
        ]
        out.append(Table("Scores in this window, with their ranges", ["Day", "PHQ-9", "GAD-7"], rows))
        for key in ("phq9", "gad7"):
            scale = SCALES[key]
            points = [
                (dt.date.fromisoformat(m.day), getattr(m, key))
                for m in figures.measures
                if getattr(m, key) is not None
            ]
            if len(points) < 2:
                continue
            bands = [
                Band(low, high, name)
                for (low, name), (high, _) in zip(
                    scale.bands, [*scale.bands[1:], (scale.max_total, "")], strict=True
                )
            ]
            out.append(
                Chart(
                    f"chart-{key}",
                    f"{scale.name} scores, {points[0][0]} to {points[-1][0]}",
                    f"{scale.name} total by day, 0 to {scale.max_total}, with its ranges shaded: "
                    + ", ".join(f"{day}: {total}" for day, total in points),
                    [Series(scale.name, points)],
                    scale.max_total,
                    bands,
                )
            )
    for p in figures.progress:
        words = (
            f"{p.name}: {p.baseline} on {p.baseline_day} (first), "
            f"{p.latest} on {p.latest_day} (latest, {p.latest_band} range)"
        )
        if p.points:
            points = f"{p.points:+d} point{'' if abs(p.points) == 1 else 's'}"
            kind = SCALES[p.scale].change_kind
            words += f", a change of {points}" + (f" (a {kind} change)" if p.meaningful else "")
        else:
            words += ", no change"
        if see_clinician_soon(SCALES[p.scale], p.latest, p.baseline, None):
            words += "; a result at which ipt asks the person to contact their clinician soon"
        if p.response and p.baseline >= 10:
            words += "; half or less of the first score, what studies call a response"
        if p.remission and p.baseline >= 10:
            words += "; below 5, what studies call remission"
        out.append(Paragraph(words + "."))
    return out


def _mood(doc: ClinicianReport) -> list[Block]:
    weeks = doc.figures.weeks
    if not weeks:
        return []
    rows = [
        [
            w.week,
            str(w.checkins),
            shown(w.mean_mood),
            "" if w.change is None else shown(w.change, signed=True),
        ]
        for w in weeks
    ]
    out: list[Block] = [Heading("Mood by week (0 worst, 10 best)")]
    if len(weeks) >= 2:
        points = [(w.monday, w.mean_mood) for w in weeks]
        out.append(
            Chart(
                "chart-mood",
                f"Mean mood by week, {weeks[0].week} to {weeks[-1].week}",
                "Weekly mean mood on a 0 to 10 scale: "
                + ", ".join(f"{w.week}: {shown(w.mean_mood)}" for w in weeks),
                [Series("Mean mood", points)],
                10,
            )
        )
    out.append(
        Table(
            "Check-ins and mean mood per ISO week",
            ["Week", "Check-ins", "Mean mood", "Change"],
            rows,
            {1, 2, 3},
        )
    )
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


def _people(doc: ClinicianReport) -> list[Block]:
    people = doc.figures.people
    if not people:
        return []
    rows = []
    for p in people:
        who = f"{p.name} ({doc.people_labels[p.name]})" if p.name in doc.people_labels else p.name
        mood = (
            "not enough data yet"
            if p.mood_difference is None
            else f"{shown(p.mood_with)} with, {shown(p.mood_without)} without"
        )
        rows.append(
            [
                who,
                CLOSENESS_LABELS.get(p.closeness, ""),
                str(p.interactions),
                "unknown (imported)"
                if p.mean_quality is None
                else f"{QUALITY_LABELS[max(-2, min(2, whole(p.mean_quality)))]} "
                f"({shown(p.mean_quality, signed=True)})",
                mood,
                p.last_contact.isoformat(),
            ]
        )
    out: list[Block] = [
        Heading("Relationships and mood"),
        Table(
            "The people I spent time with: how it went (-2 to +2), and mood on check-ins with "
            "and without them",
            ["Person", "Closeness", "Check-ins", "How it went", "Mood", "Last contact"],
            rows,
            {2},
        ),
        Paragraph(ASSOCIATION + " A comparison needs at least 3 check-ins with and without the person."),
    ]
    quiet = doc.figures.quiet_inner_circle
    if quiet:
        names = ", ".join(f"{q.name} (last {q.last_contact or 'never recorded'})" for q in quiet)
        out.append(Paragraph(f"Inner circle with no contact recorded in this window: {names}."))
    return out


def _events(doc: ClinicianReport) -> list[Block]:
    if not doc.events:
        return []
    items = []
    for e in doc.events:
        people = f" with {', '.join(e.people)}" if e.people else ""
        items.append(f"{e.when}: {e.kind}{people}" + (f". {e.note}" if e.note else ""))
    return [Heading("Life events"), Items(items)]


def _sessions(doc: ClinicianReport) -> list[Block]:
    if not doc.sessions:
        return []
    rows = [[s.day, s.with_whom, s.worked_on or "", s.agreed or ""] for s in doc.sessions]
    return [
        Heading("Sessions"),
        Table("Sessions in this window", ["Day", "With", "Worked on", "Agreed"], rows),
    ]


def _homework(doc: ClinicianReport) -> list[Block]:
    if not doc.homework:
        return []
    counts = {
        status: sum(h.status == status for h in doc.homework)
        for status in ("done", "skipped", "open", "overdue")
    }
    summary = ", ".join(f"{n} {status}" for status, n in counts.items() if n)
    rows = [[h.text, h.status, h.outcome or "", _or_dash(h.helpful, "/5")] for h in doc.homework]
    return [
        Heading("Homework"),
        Paragraph(f"{len(doc.homework)} set or closed in this window: {summary}."),
        Table("Homework and what I learned", ["Homework", "Status", "How it went", "Helped"], rows, {3}),
    ]


def _practice(doc: ClinicianReport) -> list[Block]:
    from ipt_journal.clinical.exercises import CATALOGUE

    exercises = doc.figures.exercises or {"by_kind": {}}
    items = [f"{CATALOGUE[k].name if k in CATALOGUE else k}: {n}" for k, n in exercises["by_kind"].items()]
    items += [
        f"Coping, {use.strategy.replace('-', ' ')}: {use.uses}"
        + ("" if use.mean_helpful is None else f" (helped {shown(use.mean_helpful)} of 5 on average)")
        for use in doc.figures.coping
    ]
    return [Heading("Exercises and coping"), Items(items)] if items else []


def _safety(doc: ClinicianReport, crisis_lines: list[str]) -> list[Block]:
    if not doc.item9_days:
        return []
    days = ", ".join(doc.item9_days)
    with_plan = [day for day in doc.item9_days if day in doc.item9_with_plan]
    without = [day for day in doc.item9_days if day not in doc.item9_with_plan]
    if not without:
        shown = "ipt showed crisis lines and the person's safety plan"
    elif not with_plan:
        shown = "ipt showed crisis lines and suggested writing a safety plan (there was none yet)"
    else:
        shown = (
            f"ipt showed crisis lines, with the person's safety plan on {', '.join(with_plan)} and a "
            f"suggestion to write one on {', '.join(without)} (there was none yet)"
        )
    return [
        Heading("Safety notes"),
        Paragraph(
            f"On {days}, the PHQ-9 question about thoughts of being better off dead or of hurting "
            f"oneself was answered above 'not at all'. Right after each of these answers was saved, "
            f"{shown}. Please talk about this together.",
            emphasis=True,
        ),
        Paragraph("Crisis help, any time:"),
        Items(crisis_lines),
    ]


def _score(total: int | None, band: str | None, maximum: int) -> str:
    return "" if total is None else f"{total}/{maximum} ({band})"


def _or_dash(value: int | None, suffix: str) -> str:
    return "–" if value is None else f"{value}{suffix}"
