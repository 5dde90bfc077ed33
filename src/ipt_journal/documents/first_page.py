"""Page one of the clinician document: what a therapist reads in two minutes before a
session. Safety first, then the focus and where the course is, the questionnaires, the
focal relationships, what the person wants to bring up and what happened since the last
session."""

from __future__ import annotations

from itertools import groupby

from ipt_journal.clinical.course import held_words
from ipt_journal.documents.blocks import Block, Heading, Items, Paragraph
from ipt_journal.documents.people import trend_sentence
from ipt_journal.insight.clinician_report import ClinicianReport
from ipt_journal.text.figures import shown
from ipt_journal.text.messages import count

FOCAL_MOST = 4  # people on page one; the rest are in the relationships section


def first_page(doc: ClinicianReport, crisis_lines: list[str]) -> list[Block]:
    out = safety(doc, crisis_lines) + course(doc) + questionnaires(doc) + focal_people(doc)
    if doc.bring:
        out += [Heading("What I want to bring up"), Items(doc.bring)]
    return out + since_last(doc)


def item9_story(doc: ClinicianReport) -> str:
    """'several days on 2026-09-14 and 2026-09-26, then not at all on 5 questionnaires;
    latest, 2026-11-28: not at all.'"""
    runs = []
    for words, group in groupby(doc.item9, key=lambda a: a.words):
        days = [a.day for a in group]
        if len(days) <= 2:
            runs.append(f"{words} on {' and '.join(days)}")
        else:
            runs.append(f"{words} on {len(days)} questionnaires, {days[0]} to {days[-1]}")
    latest = doc.item9[-1]
    return f"{', then '.join(runs)}; the latest answer, {latest.day}: {latest.words}."


def safety(doc: ClinicianReport, crisis_lines: list[str]) -> list[Block]:
    if not doc.item9 and doc.safety_plan is None and doc.formulation is None:
        return []  # a journal with nothing yet: nothing to say, not a reassuring "none"
    out: list[Block] = [Heading("Safety")]
    question = "PHQ-9 question 9 (thoughts of being better off dead or of hurting oneself)"
    if doc.item9:
        out.append(Paragraph(f"{question}: {item9_story(doc)}", emphasis=bool(doc.item9_days)))
    else:
        out.append(Paragraph(f"{question}: no PHQ-9 answered yet."))
    plan = doc.safety_plan
    if plan is None:
        out.append(Paragraph("Safety plan: none written yet."))
    else:
        steps = ", ".join(str(step) for step in plan.steps)
        changed = f", last changed {plan.last_changed}" if plan.last_changed else ""
        included = " It is at the end of this document." if doc.safety_plan_items else ""
        out.append(
            Paragraph(
                f"Safety plan: written, {count(plan.entries, 'entry', 'entries')} "
                f"(steps {steps}){changed}.{included}"
            )
        )
    if doc.item9_history:
        # A later PHQ-9 answered 0: history in one line, not a crisis block (clinical/safety.py).
        history = doc.item9_history.rstrip(".")
        out.append(Paragraph(f"{history}. Crisis help stays one command away (ipt crisis)."))
    elif doc.item9_days:
        with_plan = [day for day in doc.item9_days if day in doc.item9_with_plan]
        without = [day for day in doc.item9_days if day not in doc.item9_with_plan]
        if not without:
            shown_after = "crisis lines and the person's safety plan"
        elif not with_plan:
            shown_after = "crisis lines and suggested writing a safety plan (there was none yet)"
        else:
            shown_after = (
                f"crisis lines, with the person's safety plan on {', '.join(with_plan)} and a "
                f"suggestion to write one on {', '.join(without)} (there was none yet)"
            )
        asked = f' After the latest, ipt said: "{doc.item9_follow_up}"' if doc.item9_follow_up else ""
        out.append(
            Paragraph(
                f"Right after each answer above 'not at all' was saved, ipt showed {shown_after}.{asked} "
                "ipt alerts nobody. Please talk about this together."
            )
        )
        out.append(Paragraph("Crisis help, any time: " + " ".join(crisis_lines)))
    return out


def course(doc: ClinicianReport) -> list[Block]:
    f = doc.formulation
    if f is None:
        return []
    lines = [f"Focus: {' and '.join(f.focus) or 'none chosen yet'}."]
    lines.append(f"Now {f.where}; {held_words(f.sessions_held, f.planned_weeks)} (started {f.started_on}).")
    if f.with_therapist is not None:
        lines.append("Working with a therapist." if f.with_therapist else "Working on my own (self-help).")
    out: list[Block] = [Heading("Focus and course"), Paragraph(" ".join(lines))]
    if f.linking:
        from ipt_journal.text.messages import formulation_line

        out.append(Paragraph(formulation_line(f.linking, f.linking_agreed_on)))
    if f.reason:
        out.append(Paragraph(f"What brought me: {f.reason}"))
    return out


def questionnaires(doc: ClinicianReport) -> list[Block]:
    from ipt_journal.documents.record import CHANGE_CONVENTION, progress_sentence

    progress = [p for p in doc.figures.progress]
    if not progress:
        return []
    lines = [progress_sentence(p) for p in progress]
    for scale in ("PHQ-9", "GAD-7"):
        rated = [a for a in doc.answers if a.scale == scale and a.difficulty]
        if rated:
            first, last = rated[0], rated[-1]
            said = (
                f"{first.difficulty} ({first.day})"
                if first is last
                else f"{first.difficulty} ({first.day}), then {last.difficulty} ({last.day})"
            )
            lines.append(f"{scale} difficulty (work, home, getting along with people): {said}.")
    return [Heading("PHQ-9 and GAD-7, first and latest"), Items(lines), Paragraph(CHANGE_CONVENTION)]


def focal_people(doc: ClinicianReport) -> list[Block]:
    insight = doc.figures.insight
    if not insight or not insight.moods:
        return []
    moods = {m.name: m for m in insight.moods}
    changes = {c.name: c for c in insight.changes}
    chosen = [m.name for m in insight.moods if m.name in doc.focus_people or m.closeness == 1]
    chosen = chosen or [m.name for m in sorted(insight.moods, key=lambda m: -m.interactions)]
    lines = [
        trend_sentence(name, moods.get(name), changes.get(name), doc.people_labels.get(name, ""))
        for name in chosen[:FOCAL_MOST]
    ]
    return [
        Heading("The focal relationships"),
        Items(lines),
        Paragraph(
            f"First half: {insight.since} to {insight.first_half_until}; how it went from -2 (very badly) "
            "to +2 (very well). Mood differences are associations, not causes."
        ),
    ]


def since_last(doc: ClinicianReport) -> list[Block]:
    s = doc.since_last
    if s is None:
        return []
    lines = [
        f"From {s.session_day} (that day included) to {doc.today}: {count(s.checkins, 'check-in')}"
        + (f", mean mood {shown(s.mean_mood)} (0 worst, 10 best)" if s.mean_mood is not None else "")
        + "."
    ]
    for label, items in (
        ("Questionnaires", s.questionnaires),
        ("Life events", s.events),
        ("Homework closed", s.homework),
        ("Exercises", s.exercises),
    ):
        if items:
            lines.append(f"{label}: {'; '.join(items)}.")
    out: list[Block] = [Heading(f"Since the last session ({s.session_day})"), Items(lines)]
    if s.notes:
        out += [Paragraph("My check-in notes since then:"), Items(s.notes)]
    return out
