"""The clinician document's content, in order, as format-neutral blocks of text.

Page one (`first_page`) is what a session needs; the rest carries the case: figures
(`record`), people (`people`) and the record of the work (`case`). Markdown and HTML render
the same blocks, so both say the same thing.
"""

from __future__ import annotations

from ipt_journal.documents import case, people, record
from ipt_journal.documents.blocks import Block, Chart, Heading, Items, PageBreak, Paragraph, Table
from ipt_journal.documents.course_work import course_work
from ipt_journal.documents.first_page import first_page
from ipt_journal.insight.clinician_report import ClinicianReport

__all__ = ["Block", "Chart", "Heading", "Items", "PageBreak", "Paragraph", "Table", "blocks"]

DISCLAIMER = (
    "Written by the person in their own journal with ipt-journal, a self-help companion to "
    "Interpersonal Psychotherapy. It supports conversations with a clinician and does not replace "
    "clinical judgement. Questionnaire ranges describe scores; they are not diagnoses."
)
ASSOCIATION = people.ASSOCIATION
PRINT_NOTE = (
    "To print without the browser's own header and footer (the file's name and path, the date), "
    "turn off 'Headers and footers' in the print dialog's settings."
)
# The parts after page one, in the order a reader looks for them.
CASE_SECTIONS = (
    record.goals,
    course_work,
    case.events,
    people.inventory,
    people.relationships,
    people.incidents,
    record.questionnaires,
    record.mood,
    case.sessions,
    case.exercises,
    case.coping,
    case.review,
    case.staying_well,
    case.notes,
    case.safety_plan,
)


def blocks(doc: ClinicianReport, crisis_lines: list[str]) -> list[Block]:
    """Every section that has something to say: page one, then the case."""
    left_out = sorted({"inventory", "exercises", "incidents", "notes", "safety-plan"} - doc.sections)
    covers = f"Written {doc.today.isoformat()}; covers {doc.window}."
    if left_out:
        covers += f" Left out by the person: {', '.join(left_out)}."
    out: list[Block] = [Paragraph(covers)]
    out += first_page(doc, crisis_lines)
    out += [PageBreak(), Paragraph(DISCLAIMER)]
    for section in CASE_SECTIONS:
        out += section(doc)
    return out
