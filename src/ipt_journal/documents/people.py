"""The people in the clinician document: the same per-person figures as the terminal
report (`ipt report`): mood with and without, mood by how it went, first half against
second, "in nearly every check-in"; and the interpersonal inventory."""

from __future__ import annotations

from ipt_journal.clinical.vocab import CLOSENESS_LABELS, went_label
from ipt_journal.documents.blocks import Block, Heading, Items, Paragraph, Table
from ipt_journal.insight.clinician_report import ClinicianReport
from ipt_journal.insight.relationships import MoodWhen, PersonChange, PersonMood
from ipt_journal.insight.report import MIN_CHECKINS_EACH, PersonPattern
from ipt_journal.text.figures import shown
from ipt_journal.text.links import LINK_METHOD, always_words, link_cell, link_sentence

ASSOCIATION = "Mood differences are associations, not causes."
INCIDENTS_HEADING = "What happened with people"
SHOWN_FROM = MIN_CHECKINS_EACH  # as the terminal: people seen fewer times are left out of these views


def how_often(mood: PersonMood) -> str:
    """'in every check-in (35 of 35)', 'in nearly every check-in (33 of 35)', '11 of 35 check-ins'."""
    n, of = mood.interactions, mood.window_checkins
    if n == of:
        return f"in every check-in ({n} of {of})"
    if mood.nearly_always:
        return f"in nearly every check-in ({n} of {of})"
    return f"in {n} of {of} check-ins"


def half(n: int, quality: float | None) -> str:
    if not n:
        return "–"
    return f"{n}×" if quality is None else f"{n}× {_mean(quality, signed=True)}"


def _mean(value: float | None, signed: bool = False) -> str:
    return "–" if value is None else shown(value, signed)


def _cell(when: MoodWhen) -> str:
    return "–" if not when.checkins else f"{_mean(when.mean_mood)} ({when.checkins})"


def trend_sentence(name: str, mood: PersonMood | None, change: PersonChange | None, label: str) -> str:
    """One person on page one: how often, early against late, mood by how it went, contact."""
    parts = [f"{name}{f' ({label})' if label else ''}"]
    if mood:
        parts.append(how_often(mood))
    if change and change.quality != "too few":
        parts.append(
            f"how it went {_mean(change.early_quality, signed=True)} in the first half ({change.early}×), "
            f"{_mean(change.late_quality, signed=True)} in the second ({change.late}×): {change.quality}"
        )
    if mood and mood.interactions - mood.unknown >= SHOWN_FROM:
        if mood.link_status == "one-way":
            parts.append(f"it {always_words(mood)}")
        else:
            parts.append(
                f"mean mood when it went badly {_cell(mood.badly)}, neither {_cell(mood.neither)}, "
                f"well {_cell(mood.well)}"
            )
    if change:
        parts.append(f"contact {change.contact} in the second half")
    return "; ".join(parts) + "."


def pattern_row(p: PersonPattern, mood: PersonMood | None, label: str) -> list[str]:
    who = f"{p.name} ({label})" if label else p.name
    if p.mood_difference is not None:
        moods = f"{_mean(p.mood_with)} with, {_mean(p.mood_without)} without"
    elif mood and mood.nearly_always:
        moods = f"{how_often(mood)}: too few without to compare"
    else:
        moods = "not enough data yet"
    went = p.went_words
    return [
        who,
        CLOSENESS_LABELS.get(p.closeness or 0, ""),
        str(p.interactions),
        went,
        moods,
        p.last_contact.isoformat(),
    ]


def relationships(doc: ClinicianReport) -> list[Block]:
    figures = doc.figures
    if not figures.people:
        return []
    insight = figures.insight
    moods = {m.name: m for m in insight.moods} if insight else {}
    # After a gap of months every figure of a row is from the days after it, as on screen.
    after_gap = figures.people_since is not None and figures.people_since > figures.since
    days = f", {figures.people_since} to {figures.people_until} (after the gap)" if after_gap else ""
    out: list[Block] = [
        Heading("Relationships and mood"),
        Table(
            "The people I spent time with: how it went on average (-2 to +2), and mood on check-ins "
            f"with and without them{days}",
            ["Person", "Closeness", "Check-ins", "How it went", "Mood with / without", "Last contact"],
            [pattern_row(p, moods.get(p.name), doc.people_labels.get(p.name, "")) for p in figures.people],
            {2},
        ),
        Paragraph(
            f"{ASSOCIATION} With / without needs at least {MIN_CHECKINS_EACH} check-ins of each; "
            "for someone in nearly every check-in, how it went is compared instead (below)."
        ),
    ]
    if figures.people_before_gap:
        out.append(
            Paragraph(
                f"Seen in this window only before {figures.people_since}, so not in the table: "
                f"{', '.join(figures.people_before_gap)}."
            )
        )
    if insight:
        shown_moods = [m for m in insight.moods if m.interactions - m.unknown >= SHOWN_FROM]
        if shown_moods:
            out.append(
                Table(
                    "Mean mood (and check-ins) when time together went badly (-2/-1), neither (0) or "
                    "well (+1/+2)",
                    ["Person", "Badly", "Neither", "Well", "Link"],
                    [
                        [m.name, _cell(m.badly), _cell(m.neither), _cell(m.well), link_cell(m)]
                        for m in shown_moods
                    ],
                    {1, 2, 3},
                )
            )
            sentences = [link_sentence(m) for m in shown_moods if link_sentence(m)]
            if sentences:
                out.append(Items(sentences))
            out.append(
                Paragraph(
                    f"Link: {LINK_METHOD} Where how it went was the same every time, no link is read: "
                    "mood on those days is given beside mood on the others."
                )
            )
        changes = [c for c in insight.changes if c.early + c.late >= SHOWN_FROM]
        if changes:
            out.append(
                Table(
                    f"First half ({insight.since} to {insight.first_half_until}) against second half: "
                    "check-ins with them × how it went on average",
                    ["Person", "1st half", "2nd half", "How it went", "Contact"],
                    [
                        [
                            c.name,
                            half(c.early, c.early_quality),
                            half(c.late, c.late_quality),
                            c.quality,
                            c.contact,
                        ]
                        for c in changes
                    ],
                    {1, 2},
                )
            )
    quiet = figures.quiet_inner_circle
    if quiet:
        names = ", ".join(f"{q.name} (last {q.last_contact or 'never recorded'})" for q in quiet)
        out.append(Paragraph(f"Inner circle with no contact recorded in this window: {names}."))
    return out


def inventory(doc: ClinicianReport) -> list[Block]:
    if not doc.inventory:
        return []
    out: list[Block] = [
        Heading("Interpersonal inventory: the focus and the inner circle"),
    ]
    for person in doc.inventory:
        focus = f"; problem area: {person.focus}" if person.focus else ""
        out.append(Heading(f"{person.name}: {person.about}{focus}", level=3))
        if person.answers:
            out.append(Items([f"{question}: {answer}" for question, answer in person.answers]))
    return out


def incidents(doc: ClinicianReport) -> list[Block]:
    """The window's incidents, person by person, each with its day and how it went: the
    events with people an IPT session starts from, in the person's own words."""
    if not doc.incidents:
        return []
    out: list[Block] = [Heading(INCIDENTS_HEADING)]
    for person in doc.incidents:
        out.append(Paragraph(person.name))
        out.append(Items([f"{i.day} ({went_label(i.quality)}): {i.what_happened}" for i in person.incidents]))
    return out
