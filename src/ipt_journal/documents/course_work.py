"""The work of the course in the clinician document: the focus's pathway (each step done
with its day, or still to come), the role dispute's stage week by week over the document's
window and where it stands now, and the midpoint review. The figures are
insight/course_work.py's, the same `ipt report` shows on screen and in JSON."""

from __future__ import annotations

from ipt_journal.documents.blocks import Block, Heading, Items, Paragraph, Table
from ipt_journal.insight.clinician_report import ClinicianReport
from ipt_journal.insight.course_work import step_status


def course_work(doc: ClinicianReport) -> list[Block]:
    work = doc.course_work
    if work is None or work.is_empty:
        return []
    out: list[Block] = [Heading("Pathway and midpoint review")]
    for path in work.pathways:
        rows = [
            [f"{number}. {state.step.title}", step_status(path, state)]
            for number, state in enumerate(path.steps, start=1)
        ]
        done = f"{path.done_count} of {len(path.steps)} steps done"
        out += [
            Heading(f"{path.label.capitalize()} pathway: {done}", level=3),
            Table(f"The {path.label} pathway's steps", ["Step", "Done or to come"], rows),
        ]
    if work.stage_weeks or work.dispute:
        out.append(Heading("The role dispute's stage", level=3))
    if work.dispute:
        out.append(Paragraph(work.dispute.words()))
    if work.stage_weeks:
        out.append(_stage_table(doc, work.stage_weeks))
    if work.midpoint:
        answers = [f"{label}: {answer}" for label, answer in work.midpoint_answers()]
        out += [Heading(work.midpoint_heading, level=3), Items(answers)]
    return out


def _stage_table(doc: ClinicianReport, weeks: list[tuple[str, str]]) -> Table:
    """Every week of the window from the first stage recorded to the last, a week without
    one said so, so the line over the course keeps its gaps."""
    import datetime as dt

    from ipt_journal.clinical.course import week_span

    first, last = dt.date.fromisoformat(weeks[0][0]), dt.date.fromisoformat(weeks[-1][0])
    by_week = dict(weeks)
    course = doc.formulation
    rows = []
    for i in range((last - first).days // 7 + 1):
        monday = first + dt.timedelta(weeks=i)
        # The course weeks of the ISO week's days, as the mood table says them: "4–5" when
        # the course began mid-week, "before the course" for a week that ended before it.
        span = week_span(course.started_on, course.planned_weeks, monday, doc.today) if course else None
        stage = by_week.get(monday.isoformat(), "not recorded")
        rows.append([monday.isoformat(), span.numbers if span else "", stage])
    return Table("The dispute's stage, week by week", ["Week of", "Course week", "Stage"], rows, {1})
