"""The whole journal as readable Markdown (`ipt export --format markdown`): names and labels,
never ids or stored slugs, and no section without something in it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ipt_journal.clinical.vocab import (
    CLOSENESS_LABELS,
    CLOSING_LABELS,
    DECEASED_LABELS,
    REVIEW_FIELDS,
    SAFETY_STEPS,
    STAYING_WELL,
    Choice,
    Contact,
    DisputeStage,
    ExpectationsMet,
    ProblemArea,
    Relationship,
    died_words,
    step_heading,
    went_label,
)
from ipt_journal.documents.markdown import table, text

Doc = dict[str, Any]  # an export document (safekeeping/portable.py), as parsed JSON
Names = dict[str, str]  # a person's uid -> their name

# Each inventory field as a line of the Markdown journal: its key, its label, its choices.
PERSON_LINES = (
    ("contact", "In contact", Contact),
    ("satisfying", "Satisfying", None),
    ("unsatisfying", "Unsatisfying", None),
    ("their_expectations", "They expect of me", None),
    ("my_expectations", "I expect of them", None),
    ("expectations_met", "Expectations met", ExpectationsMet),
    ("together", "What we do together", None),
    ("disagreements", "How disagreements go", None),
    ("resolved", "Disagreements get resolved", ExpectationsMet),
    ("can_talk_about", "I can talk with them about", None),
    ("cannot_talk_about", "I cannot talk with them about", None),
    ("change", "I would like to change", None),
    ("problem_area", "Problem area", ProblemArea),
    ("dispute_stage", "Dispute stage", DisputeStage),
    ("holidays", "Days to remember", None),
    ("notes", "Notes", None),
)


def markdown(doc: Doc, today: dt.date) -> str:
    """A readable journal to print or bring to a therapist, from an export document."""
    names = {p["uid"]: p["name"] for p in doc["people"]}
    lines = ["# My IPT journal", "", f"Printed {today.isoformat()}. Private: this file is not encrypted.", ""]
    for section in (_course, _goals, _people, _checkins, _questionnaires, _events, _sessions, _homework):
        lines += section(doc, names)
    for section in (_exercises, _pathways, _coping, _bring, _safety_plan, _staying_well, _reviews):
        lines += section(doc, names)
    return "\n".join(lines).rstrip() + "\n"


def _label(enum: type[Choice], value: object) -> str:
    """The label of a stored value; a value ipt does not know (an older or edited file) is
    escaped like any text."""
    try:
        return enum(str(value)).label
    except ValueError:
        return text(str(value).replace("-", " "))


def _item(label: str, value: str) -> str:
    return f"- {label}: {text(value)}"


def _course(doc: Doc, names: Names) -> list[str]:
    lines = []
    for c in doc["courses"]:
        focus = " and ".join(_label(ProblemArea, a) for a in c["focus_areas"]) or "none chosen"
        if c["dispute_person"]:
            focus += f" with {text(names.get(c['dispute_person'], '?'))}"
        if c["dispute_stage"]:
            focus += f" ({_label(DisputeStage, c['dispute_stage'])})"
        ended = f", ended {text(c['ended_on'])}" if c["ended_on"] else ""
        lines += [
            "## My course",
            "",
            f"- Started {text(c['started_on'])}, {text(c['planned_weeks'])} weekly sessions{ended}",
        ]
        lines.append(f"- Focus: {focus}")
        lines += [
            _item(label, c[key])
            for key, label in (
                ("reason", "What brought me"),
                ("background", "Background"),
                ("formulation", "How my mood links to my relationships"),
            )
            if c.get(key)
        ]
        lines.append("")
    return lines


def _goals(doc: Doc, names: Names) -> list[str]:
    if not doc["goals"]:
        return []
    day_of = {c["uid"]: c["day"] for c in doc["checkins"]}
    rows = []
    for g in doc["goals"]:
        rated = sorted((day_of.get(r["checkin"], ""), r["rating"]) for r in g["ratings"])
        latest = f"{rated[-1][1]}/10 on {rated[-1][0]}" if rated else "not rated yet"
        rows.append([g["text"], g["status"], latest])
    return ["## Goals", "", table(["Goal", "Status", "Latest progress"], rows), ""]


def _people(doc: Doc, names: Names) -> list[str]:
    if not doc["people"]:
        return []
    lines = ["## People", ""]
    for p in doc["people"]:
        about = [_label(Relationship, p["relationship"])]
        died = p["status"] == "deceased"
        if p["status"] != "current":
            about.append(died_words(p.get("died_on")) if died else text(p["status"]))
        if p["closeness"]:
            about.append(CLOSENESS_LABELS[p["closeness"]])
        lines += [f"### {text(p['name'])} ({', '.join(about)})", ""]
        for key, label, enum in PERSON_LINES:
            label = DECEASED_LABELS.get(key, label) if died else label
            if p.get(key):
                lines.append(f"- {label}: {_label(enum, p[key])}" if enum else _item(label, p[key]))
        if p.get("can_confide") is not None:
            lines.append(f"- Can confide in them: {'yes' if p['can_confide'] else 'no'}")
        if lines[-1]:
            lines.append("")
    return lines


def _checkins(doc: Doc, names: Names) -> list[str]:
    lines = ["## Check-ins", ""] if doc["checkins"] else []
    happened: dict[str, list[dict]] = {}  # what happened with someone, by check-in uid
    for incident in doc.get("incidents", []):
        happened.setdefault(incident["checkin"], []).append(incident)
    for c in sorted(doc["checkins"], key=lambda c: (c["day"], c["created_at"])):
        lines += [f"### {text(c['day'])}: mood {text(c['mood'])}/10", ""]
        with_ = ", ".join(
            f"{text(names.get(i['person'], '?'))} ({went_label(i['quality'])})" for i in c["people"]
        )
        if with_:
            lines.append(f"- With: {with_}")
        for incident in happened.get(c["uid"], []):
            lines.append(
                _item(
                    f"What happened with {text(names.get(incident['person'], '?'))}",
                    incident["what_happened"],
                )
            )
        if c["tags"]:
            lines.append(_item("Tags", ", ".join(c["tags"])))
        if c["note"]:
            lines.append(_item("Note", c["note"]))
        lines.append("")
    return lines


def _questionnaires(doc: Doc, names: Names) -> list[str]:
    from ipt_journal.clinical.scales import SCALES

    if not doc["measures"]:
        return []
    rows = []
    for m in sorted(doc["measures"], key=lambda m: (m["day"], m["scale"])):
        scale = SCALES[m["scale"]]
        total = scale.total(m["answers"])
        rows.append([m["day"], scale.name, f"{total}/{scale.max_total}", scale.band(total)])
    return ["## Questionnaires", "", table(["Day", "Questionnaire", "Total", "Range"], rows, {2}), ""]


def _events(doc: Doc, names: Names) -> list[str]:
    from ipt_journal.insight.life_events import event_title

    if not doc["events"]:
        return []
    lines = ["## Life events", ""]
    for e in sorted(doc["events"], key=lambda e: e["day"]):
        when = e["day"][:7] if e["approximate"] else e["day"]
        who = [text(names.get(uid, "?")) for uid in e["people"]]
        note = f". {text(e['note'])}" if e["note"] else ""
        lines.append(f"- {text(when)}: {text(event_title(e['kind'], who))}{note}")
    return [*lines, ""]


def _sessions(doc: Doc, names: Names) -> list[str]:
    lines = ["## Therapy sessions", ""] if doc["therapy_sessions"] else []
    for s in sorted(doc["therapy_sessions"], key=lambda s: s["day"]):
        who = f"with {text(s['with_whom'])}" if s["with_whom"] else "self-guided"
        lines += [f"### {text(s['day'])}, {who}", ""]
        lines += [
            _item(label, s[key])
            for key, label in (("worked_on", "Worked on"), ("agreed", "Agreed"))
            if s[key]
        ]
        lines.append("")
    return lines


def _homework(doc: Doc, names: Names) -> list[str]:
    if not doc["homework"]:
        return []
    lines = ["## Homework", ""]
    for h in doc["homework"]:
        status = {"open": f"open, due {h['due']}" if h["due"] else "open"}.get(h["status"], h["status"])
        if h["closed_on"]:
            status += f" {h['closed_on']}"
        status = text(status)
        who = f", with {text(names.get(h['person'], '?'))}" if h["person"] else ""
        helped = f"; helped {h['helpful']}/5" if h["helpful"] else ""
        outcome = f": {text(h['outcome'])}" if h["outcome"] else ""
        lines.append(f"- {text(h['text'])} ({status}{who}{helped}){outcome}")
    return [*lines, ""]


def _exercises(doc: Doc, names: Names) -> list[str]:
    from ipt_journal.clinical.exercises import CATALOGUE

    lines = ["## Exercises", ""] if doc["exercises"] else []
    for e in sorted(doc["exercises"], key=lambda e: (e["day"], e["created_at"])):
        exercise = CATALOGUE.get(e["kind"])
        # The grief exercise remembers someone; the others are done with someone.
        about = "remembering" if e["kind"] == "grief" else "with"
        who = f" {about} {text(names.get(e['person'], '?'))}" if e["person"] else ""
        mood = ""
        if e["mood_before"] is not None and e["mood_after"] is not None:
            mood = f", mood {e['mood_before']} before and {e['mood_after']} after"
        lines += [f"### {text(e['day'])}: {exercise.name if exercise else text(e['kind'])}{who}{mood}", ""]
        for key, answer in e["answers"].items():
            field = exercise.field(key) if exercise else None
            label = field.prompt if field else key
            value = "; ".join(answer) if isinstance(answer, list) else answer
            lines.append(f"- {text(label)} {text(value)}")
        lines.append("")
    return lines


def _pathways(doc: Doc, names: Names) -> list[str]:
    """The pathway steps done, and what the pathways tracked week by week (no text of their own)."""
    from ipt_journal.clinical.pathways import area_label, step_of

    lines: list[str] = []
    done = sorted(doc.get("pathway_steps", []), key=lambda s: (s["day"], s["created_at"]))
    if done:
        lines += ["## Pathway steps done", ""]
        for s in done:
            step = step_of(s["area"], s["step"])
            title = step.title if step else s["step"]
            lines.append(f"- {s['day']}: {area_label(s['area'])}, {text(title)}")
        lines.append("")
    weeks = sorted(doc.get("pathway_weeks", []), key=lambda w: w["week"])
    if weeks:
        lines += ["## Week by week", ""]
        for w in weeks:
            parts = [f"dispute stage {w['dispute_stage']}" if w.get("dispute_stage") else ""]
            parts.append(f"{w['confidants']} to confide in" if w.get("confidants") is not None else "")
            lines.append(f"- Week of {w['week']}: {', '.join(p for p in parts if p)}")
        lines.append("")
    return lines


def _coping(doc: Doc, names: Names) -> list[str]:
    from ipt_journal.clinical.coping import STRATEGIES

    lines = ["## Coping", ""] if doc["coping"] else []
    for c in sorted(doc["coping"], key=lambda c: c["day"]):
        strategy = STRATEGIES[c["strategy"]].name if c["strategy"] in STRATEGIES else text(c["strategy"])
        helped = f", helped {c['helpful']}/5" if c["helpful"] else ""
        note = f": {text(c['note'])}" if c["note"] else ""
        lines.append(f"- {text(c['day'])}: {strategy}{helped}{note}")
    return [*lines, ""] if lines else []


def _bring(doc: Doc, names: Names) -> list[str]:
    if not doc["bring"]:
        return []
    session_day = {s["uid"]: s["day"] for s in doc["therapy_sessions"]}
    lines = ["## Things to bring to a session", ""]
    for b in doc["bring"]:
        state = (
            f"discussed {session_day.get(b['discussed_in'], '')}".rstrip() if b["discussed_in"] else "open"
        )
        lines.append(f"- {text(b['text'])} (noted {text(b['added_on'])}, {text(state)})")
    return [*lines, ""]


def _safety_plan(doc: Doc, names: Names) -> list[str]:
    if not doc["safety_plan"]:
        return []
    lines = ["## Safety plan", ""]
    for step, title in SAFETY_STEPS.items():
        entries = [s for s in doc["safety_plan"] if s["step"] == step]
        if entries:
            lines.append(step_heading(step, title))
            for s in entries:
                who = text(names.get(s["person"], "")) if s["person"] else ""
                entry = ": ".join(part for part in (who, text(s["text"] or "")) if part)
                phone = f", {text(s['phone'])}" if s.get("phone") else ""
                lines.append(f"   - {entry}{phone}")
    for closing in doc.get("safety_plan_closing", []):
        lines += [_item(label, closing[key]) for key, label in CLOSING_LABELS.items() if closing.get(key)]
    return [*lines, ""]


def _staying_well(doc: Doc, names: Names) -> list[str]:
    lines: list[str] = []
    for plan in doc.get("staying_well", []):
        items = [_item(label, plan[key]) for key, (label, _) in STAYING_WELL.items() if plan.get(key)]
        lines += ["## My staying-well plan", "", *items, ""] if items else []
    for m in doc.get("midpoints", []):
        lines += [f"## Midpoint review of {m['day']}", ""]
        if m.get("focus_still_right"):
            lines.append(f"- Focus still right: {m['focus_still_right']}")
        lines += [_item(label, m[key]) for key, label in MIDPOINT_LABELS if m.get(key)]
        lines.append("")
    return lines


MIDPOINT_LABELS = (("focus_note", "About the focus"), ("goals_note", "Goals"), ("next_half", "Second half"))


def _reviews(doc: Doc, names: Names) -> list[str]:
    lines = []
    for r in doc["reviews"]:
        lines += [f"## Review of {text(r['day'])}", ""]
        lines += [_item(label, r[key]) for key, label in REVIEW_FIELDS if r.get(key)]
        lines.append("")
    return lines
