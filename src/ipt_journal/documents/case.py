"""The record of the work in the clinician document: life events, sessions and
between-session tasks, exercises in full, coping, the end-of-course review, the
staying-well plan, and (when the person includes them) check-in notes and the safety
plan."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ipt_journal.clinical.vocab import REVIEW_FIELDS, SAFETY_STEPS, step_heading
from ipt_journal.documents.blocks import Block, Heading, Items, Paragraph, Table, or_dash
from ipt_journal.insight.clinician_report import ClinicianReport
from ipt_journal.text.figures import shown

if TYPE_CHECKING:
    from ipt_journal.store import LifeEvent


def _event_line(e: LifeEvent) -> str:
    from ipt_journal.insight.life_events import event_title

    return f"{e.when}: {event_title(e.kind, e.people)}" + (f". {e.note}" if e.note else "")


def events(doc: ClinicianReport) -> list[Block]:
    if not doc.framing and not doc.figures.events:
        return []
    out: list[Block] = [Heading("Life events")]
    if doc.framing:
        out += [
            Paragraph("Before the course (around when my mood began to get low):"),
            Items([_event_line(e) for e in doc.framing]),
        ]
    if doc.figures.events:
        out += [Paragraph("In this window:"), Items([_event_line(e) for e in doc.figures.events])]
    return out


def sessions(doc: ClinicianReport) -> list[Block]:
    out: list[Block] = []
    if doc.sessions:
        rows = [[s.day, s.with_whom, s.worked_on or "", s.agreed or ""] for s in doc.sessions]
        out += [
            Heading("Sessions and between-session tasks"),
            Table("Sessions in this window", ["Day", "With", "Worked on", "Agreed"], rows),
        ]
    if doc.homework:
        if not out:
            out.append(Heading("Between-session tasks"))
        counts = {s: sum(h.status == s for h in doc.homework) for s in ("done", "skipped", "open", "overdue")}
        summary = ", ".join(f"{n} {status}" for status, n in counts.items() if n)
        rows = [[h.text, h.status, h.outcome or "", or_dash(h.helpful, "/5")] for h in doc.homework]
        out += [
            Paragraph(f"Homework set or closed in this window: {len(doc.homework)}; {summary}."),
            Table("Homework and how it went", ["Homework", "Status", "How it went", "Helped"], rows, {3}),
        ]
    return out


def exercises(doc: ClinicianReport) -> list[Block]:
    from ipt_journal.clinical.exercises import with_whom

    if not doc.exercises:
        return []
    out: list[Block] = [Heading("Exercises")]
    for e in doc.exercises:
        title = f"{e.day}: {e.name}{with_whom(e.kind, e.person)}"
        out.append(Heading(title + (f" ({e.mood})" if e.mood else ""), level=3))
        # A question without its "?" ("Other ways you could have said it") gets a colon, so the
        # answer never runs on from it.
        out.append(Items([f"{q} {a}" if q.endswith("?") else f"{q}: {a}" for q, a in e.answers]))
    return out


def coping(doc: ClinicianReport) -> list[Block]:
    if not doc.figures.coping:
        return []
    items = [
        f"{use.strategy.replace('-', ' ')}: {use.uses}"
        + ("" if use.mean_helpful is None else f" (helped {shown(use.mean_helpful)} of 5 on average)")
        for use in doc.figures.coping
    ]
    return [Heading("Coping strategies used"), Items(items)]


def review(doc: ClinicianReport) -> list[Block]:
    r = doc.review
    if r is None:
        return []
    answers = [f"{label}: {getattr(r, key)}" for key, label in REVIEW_FIELDS if getattr(r, key)]
    return [Heading(f"End-of-course review ({r.day})"), Items(answers)] if answers else []


def staying_well(doc: ClinicianReport) -> list[Block]:
    """The staying-well (relapse prevention) plan: apart from the crisis plan, always."""
    if not doc.staying_well:
        return []
    out: list[Block] = [Heading("Staying-well plan"), Items(doc.staying_well)]
    return out + ([Paragraph(doc.staying_well_source)] if doc.staying_well_source else [])


def notes(doc: ClinicianReport) -> list[Block]:
    return [Heading("My check-in notes"), Items(doc.notes)] if doc.notes else []


def safety_plan(doc: ClinicianReport) -> list[Block]:
    if not doc.safety_plan_items:
        return []
    from ipt_journal.clinical.vocab import CLOSING_LABELS
    from ipt_journal.text.messages import plan_entry

    out: list[Block] = [Heading("My safety plan")]
    for step, title in SAFETY_STEPS.items():
        entries = [plan_entry(i) for i in doc.safety_plan_items if i.step == step]  # with phones
        if entries:
            out.append(Paragraph(step_heading(step, title)))
            out.append(Items(entries))
    closing = doc.safety_plan_closing
    answers = [
        f"{label}: {getattr(closing, key)}" for key, label in CLOSING_LABELS.items() if getattr(closing, key)
    ]
    if answers:
        out += [Paragraph("About this plan"), Items(answers)]
    return out
