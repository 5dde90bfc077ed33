"""Plain-text messages and JSON: what a command says after it saves or when help is needed.

No Rich here on purpose: commands that only confirm a save, and crisis help, print
through this module and start without loading Rich's tables (see `render` for those).
Lines wrap to the terminal's width.
"""

from __future__ import annotations

import shutil
import sys
import textwrap
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, TextIO

from ipt_journal.clinical.vocab import CLOSENESS_LABELS

if TYPE_CHECKING:
    from ipt_journal.clinical.follow_up import Care, FollowUp
    from ipt_journal.store import Checkin, Footprint, Measure, Person, SafetyPlanItem


def print_json(data: Any) -> None:
    import json

    from ipt_journal.text.safe_text import json_escaped

    sys.stdout.write(json_escaped(json.dumps(data, indent=2, ensure_ascii=False)) + "\n")


def say(text: str = "", file: TextIO | None = None) -> None:
    """The one way this module writes a line: journal text in it cannot act on the terminal
    (see safe_text.for_terminal), whatever it holds."""
    from ipt_journal.text.safe_text import for_terminal

    print(for_terminal(text), file=file or sys.stdout)


def plain(value: Any) -> Any:
    """A dataclass (or list of them) as JSON-ready data, figures rounded as in every --json."""
    from ipt_journal.text.figures import json_ready

    return json_ready(value)


def note(message: str, stream: TextIO | None = None, indent: str = "", hang: str = "") -> None:
    """`message` wrapped, each line after `indent`; the lines after the first also after
    `hang` (a heading's second line under its first, apart from the text below it)."""
    say(wrapped(message, indent, indent + hang), file=stream or sys.stdout)


def label(value: str | None) -> str:
    """A stored choice as words: 'other-family' -> 'other family'."""
    return (value or "").replace("-", " ")


def area_label(value: str | None) -> str:
    """A stored problem area in words, with IPT's name beside the plain one where they differ."""
    from ipt_journal.clinical.vocab import ProblemArea

    known = {area.value: area.label for area in ProblemArea}
    return known.get(value or "", label(value))


def count(number: int, singular: str, plural: str | None = None) -> str:
    """'1 check-in', '3 check-ins'."""
    return f"{number} {singular if number == 1 else plural or singular + 's'}"


def goal_rating(first: int | None, latest: int | None, ratings: int, inside: bool = False) -> str:
    """A goal's progress: "3 → 6/10" between two ratings or more, "6/10 (one rating so far)"
    after one (an arrow from a rating to itself reads as a change that never happened), ""
    before any. `inside` brackets already: "6/10, one rating so far"."""
    if latest is None:
        return ""
    if ratings <= 1 or first is None:
        return f"{latest}/10, one rating so far" if inside else f"{latest}/10 (one rating so far)"
    return f"{first} → {latest}/10"


def focus_text(areas: list[str]) -> str:
    """['grief', 'role-dispute'] -> 'grief and role dispute'."""

    return " and ".join(area_label(a) for a in areas) or "no focus chosen yet"


def formulation_line(text: str, agreed_on: str | None) -> str:
    agreed = f"agreed with my therapist on {agreed_on}" if agreed_on else "in my own words"
    return f"How it links together ({agreed}): {text}"


def movement(points: int) -> str:
    """How a score moved, in words: 'down 3 points', 'up 1 point', 'no change'."""
    if not points:
        return "no change"
    return f"{'up' if points > 0 else 'down'} {count(abs(points), 'point')}"


def person_saved(person: Person, verb: str) -> None:
    ring = f", {CLOSENESS_LABELS[person.closeness]}" if person.closeness else ""
    note(f"{verb} {person.name} ({label(person.relationship)}{ring}).")


def removal_warning(person: Person, footprint: Footprint) -> None:
    goes = []
    if footprint.interactions:
        interactions = count(footprint.interactions, "interaction")
        goes.append(f"{interactions} recorded in {count(footprint.checkins, 'check-in')}")
    if footprint.safety_plan_entries:
        goes.append(f"{count(footprint.safety_plan_entries, 'safety plan entry', 'safety plan entries')}")
    if goes:
        note(f"Removing {person.name} also removes {' and '.join(goes)}. The check-ins themselves stay.")
    else:
        note(f"{person.name} has no interactions recorded; only their inventory entry goes.")
    if footprint.unlinked:
        records = count(
            footprint.unlinked,
            "exercise, homework item, course or life event",
            "exercises, homework items, courses or life events",
        )
        note(f"Their name will be taken off {records}, which will stay.")


def people_with(checkin: Checkin) -> str:
    from ipt_journal.clinical.vocab import went

    return ", ".join(f"{i.name} ({went(i.quality)})" for i in checkin.people)


def checkin_saved(
    checkin: Checkin, verb: str, newcomers: Sequence[str] | tuple[()] = (), asked_who: bool = False
) -> None:
    """`asked_who`: the wizard asked who was there, so an empty answer is said as "no one"."""
    message = f"{verb} check-in #{checkin.id} for {checkin.day}: mood {checkin.mood}/10"
    if checkin.people:
        message += f", with {people_with(checkin)}"
    elif asked_who:
        message += ", with no one"
    note(message + ".")
    if newcomers:
        note(f"Added to your inventory: {', '.join(newcomers)}.")


def measure_json(
    measure: Measure,
    baseline: Measure | None,
    previous: Measure | None,
    care: Care | None = None,
    urgent_follows: bool = False,
) -> dict[str, Any]:
    """`care` (a `follow_up.Care`) names whom to contact; `urgent_follows` when the item-9
    follow-up on the same screen carries the one urgency instead."""
    from ipt_journal.clinical import scales
    from ipt_journal.clinical.follow_up import Care, score_follow_up

    care = care or Care(None, False)
    scale = scales.SCALES[measure.scale]
    data = {
        **plain(measure),
        "scale_name": scale.name,
        "band": scale.band(measure.total),
        "max_total": scale.max_total,
        "summary": scales.describe(scale, measure.total, care.who, urge=not urgent_follows),
        "difficulty_text": difficulty_text(measure),
        "stands_in": scale.stands_in(measure.answers),
    }
    for label, earlier in (("baseline", baseline), ("previous", previous)):
        if earlier is None:
            data[f"change_from_{label}"] = None
            continue
        moved = scales.change(scale, earlier.total, measure.total)
        data[f"change_from_{label}"] = {
            "day": earlier.day,
            "total": earlier.total,
            "points": moved.points,
            "meaningful": moved.meaningful,
        }
    # None where the baseline was below 10 (or there is none): the terms do not apply.
    start = baseline.total if baseline is not None else None
    data["response"] = scales.response(start, measure.total, scale)
    data["remission"] = scales.remission(start, measure.total, scale)
    before = previous.total if previous is not None else None
    data["contact_clinician_soon"] = scales.see_clinician_soon(scale, measure.total, start, before)
    data["follow_up"] = None if urgent_follows else score_follow_up(scale, measure.total, start, before, care)
    return data


def difficulty_text(measure: Measure) -> str | None:
    from ipt_journal.clinical.scales import DIFFICULTY_OPTIONS

    answer = getattr(measure, "difficulty", None)
    return None if answer is None else DIFFICULTY_OPTIONS[answer]


def measure_result(
    measure: Measure,
    baseline: Measure | None,
    previous: Measure | None,
    care: Care | None = None,
    urgent_follows: bool = False,
) -> None:
    """A saved questionnaire, its change, and (unless `urgent_follows`: the item-9 follow-up
    comes last on this screen) whom to contact soon after a severe score or a rise."""
    from ipt_journal.clinical import scales
    from ipt_journal.clinical.follow_up import Care

    care = care or Care(None, False)
    scale = scales.SCALES[measure.scale]
    summary = scales.describe(scale, measure.total, care.who, urge=not urgent_follows)
    note(f"{scale.name} saved for {measure.day}. {summary}")
    stands_in = scale.stands_in(measure.answers)
    if stands_in:
        note(stands_in)
    difficulty = difficulty_text(measure)
    if difficulty:
        note(f"How difficult these problems have made things: {difficulty.lower()}.")
    for label, earlier in (("your baseline", baseline), ("the previous one", previous)):
        # The previous one is the baseline itself when only two were taken: say it once.
        same_as_baseline = baseline is not None and earlier is not None and earlier.id == baseline.id
        if earlier is None or (label == "the previous one" and same_as_baseline):
            continue
        moved = scales.change(scale, earlier.total, measure.total)
        counts = {"meaningful": "is considered meaningful", "reliable": "counts as a reliable change"}
        meaningful = (
            f"; a change of {scale.meaningful_change} or more points {counts[scale.change_kind]}"
            if moved.meaningful
            else ""
        )
        note(f"Since {label} ({earlier.day}, {earlier.total}): {movement(moved.points)}{meaningful}.")
    start = baseline.total if baseline is not None else None
    if scales.response(start, measure.total, scale):
        note("That is half or less of your baseline score, what studies call a response.")
    if scales.remission(start, measure.total, scale):
        note("A score below 5 is what studies call remission. Keep checking in; mood can move.")
    if (
        (scale.severe_from is None or measure.total < scale.severe_from)
        and not urgent_follows
        and scales.see_clinician_soon(
            scale, measure.total, start, previous.total if previous is not None else None
        )
    ):
        note(f"Your {scale.name} score has {scale.risen}; please contact {care.who} soon.")


def crisis(
    country: str | None,
    plan: list[SafetyPlanItem] | None = None,
    stream: TextIO | None = None,
    opening: str | None = None,
) -> None:
    """The crisis resources, then the person's safety plan if there is one. Plain text on
    purpose: it must print even when nothing else works. `opening` leads when given
    (`ipt crisis` passes its own neutral one, `safety.crisis_opening`); without it, the lines
    follow an item-9 answer."""
    from ipt_journal.clinical import safety

    out = stream or sys.stdout
    if opening:
        say(wrapped(opening), file=out)
        say("", file=out)
    say("Help is there, any time:", file=out)
    for line in safety.resources(country, after_item9=opening is None):
        say(wrapped(line, "  - ", "    "), file=out)
    if plan:
        say("", file=out)
        safety_plan_text(plan, out)
    say("", file=out)
    say(wrapped(safety.ALWAYS_THERE), file=out)
    out.flush()


def safety_message(
    country: str | None,
    plan: list[SafetyPlanItem],
    follow_up: FollowUp | None,
    stream: TextIO | None = None,
) -> None:
    """Shown right after a PHQ-9 with item 9 above 0 is saved, in every mode; `follow_up`
    (`follow_up.item9_follow_up`) last, as the screen's one urgency."""
    from ipt_journal.clinical import safety

    out = stream or sys.stdout
    say("", file=out)
    say(wrapped(safety.CALM_OPENING), file=out)
    crisis(country, plan, out)
    if not plan:
        say(wrapped(safety.PLAN_SUGGESTION), file=out)
    if follow_up is not None:
        say(wrapped(follow_up.text), file=out)  # last in view: the screen's one urgency
    out.flush()


def item9_reminder(
    days: list[str],
    country: str | None,
    plan: list[SafetyPlanItem],
    follow_up: FollowUp,
    stream: TextIO | None = None,
) -> None:
    """The calm crisis block a screen shows beneath PHQ-9s whose item 9 was above 0
    (`safety.item9_days`): which days, the crisis lines and plan, and who to tell.
    Informs only: it never asks for anything."""
    from ipt_journal.clinical.safety import days_in_words

    out = stream or sys.stdout
    say("", file=out)
    say(
        wrapped(
            f"On {days_in_words(days)} you answered the PHQ-9 question about thoughts of being "
            "better off dead or of hurting yourself with more than 'not at all'."
        ),
        file=out,
    )
    crisis(country, plan, out)
    say(wrapped(follow_up.text), file=out)
    out.flush()


def safety_plan_text(plan: list[SafetyPlanItem], out: TextIO) -> None:
    from ipt_journal.clinical.vocab import SAFETY_STEPS, step_heading

    say("Your safety plan:", file=out)
    for step, title in SAFETY_STEPS.items():
        entries = [plan_entry(item) for item in plan if item.step == step]
        if entries:
            say(f"  {step_heading(step, title)}", file=out)
            for entry in entries:
                say(wrapped(entry, "     - ", "       "), file=out)


def wrapped(text: str, first: str = "", rest: str = "") -> str:
    """`text` wrapped to the terminal (100 columns at most), never breaking a word, a path or
    a phone number, so each can be copied whole."""
    import re

    width = min(shutil.get_terminal_size().columns, 100)
    # A phone number's groups ("116 123", "13 11 14") held together: textwrap breaks only at
    # ASCII spaces, so a no-break space between two digits keeps the number on one line.
    glued = re.sub(r"(?<=\d) (?=\d)", "\u00a0", text)
    return textwrap.fill(
        glued,
        width=width,
        initial_indent=first,
        subsequent_indent=rest,
        break_long_words=False,
        break_on_hyphens=False,
    ).replace("\u00a0", " ")


def plan_entry(item: SafetyPlanItem) -> str:
    """'Jo: call any time, 07700 900123': who, what, and the number to reach them."""
    entry = f"{item.person}: {item.text}" if item.person and item.text else item.person or item.text or ""
    phone = getattr(item, "phone", None)
    return f"{entry}, {phone}" if phone else entry


def safety_plan_json(plan: list[SafetyPlanItem]) -> list[dict[str, Any]]:
    from ipt_journal.clinical.vocab import SAFETY_STEPS

    return [
        {"step": step, "title": title, "entries": [plain(item) for item in plan if item.step == step]}
        for step, title in SAFETY_STEPS.items()
    ]
