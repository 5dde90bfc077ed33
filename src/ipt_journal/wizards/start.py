"""`ipt start`'s questions: the initial consultation, from a first session to an agreed
course (background, the country for crisis lines, baseline questionnaires, the inventory,
events around low mood, focus, goals, formulation).

The wizard asks and validates; what must be saved as it goes (a questionnaire, whose
result and any crisis help come right after its answers; each person; each event; the
country) it hands to the command's `StartSaves`. The course itself is saved by the command.
"""

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, NamedTuple

from ipt_journal.clinical.vocab import DisputeStage, ProblemArea
from ipt_journal.text import messages
from ipt_journal.wizards.measures import ask_scale

if TYPE_CHECKING:
    from ipt_journal.clinical.follow_up import Care
    from ipt_journal.clinical.scales import Scale
    from ipt_journal.models import GoalIn, LifeEventIn, MeasureIn, PersonIn
    from ipt_journal.store import Journal

DISCLAIMER = (
    "ipt supports the work you do in Interpersonal Psychotherapy, with a therapist or on your own. "
    "It does not replace a clinician, and nothing it shows is a diagnosis."
)
SICK_ROLE = (
    "If you are depressed: depression is a common illness, it can be treated, and it is not "
    "your fault. While it lasts, it is fair to do a little less and to let people help; the "
    "aim is to get back to what matters to you as you recover."
)


class StartSaves(NamedTuple):
    """How the command saves what the wizard completes on the way (see the module's doc)."""

    country: Callable[[str], None]  # an ISO 3166 code
    baseline: "Callable[[MeasureIn, Care], None]"  # saved, then its result shown for that care
    person: "Callable[[PersonIn], object]"  # its return, the saved record, is not needed
    event: "Callable[[LifeEventIn], None]"


def wants_to_revise() -> bool:
    """Asked when `ipt start` finds a course going on."""
    from ipt_journal import prompts

    return prompts.confirm("Revise it?", default=False)


def wants_encryption() -> bool:
    """Asked at the end of a first consultation, when SQLCipher is installed."""
    from ipt_journal import prompts
    from ipt_journal.questions import START

    return prompts.confirm(START["encrypt"], default=False)


def start_wizard(
    journal: "Journal", fields: dict[str, Any], revising: bool, saves: StartSaves
) -> "tuple[dict[str, Any], list[GoalIn]]":
    """The consultation: the course's `fields` (flags' values and the ongoing course's, as
    defaults) with the answers, and up to three goals, validated; the command saves them."""
    from ipt_journal import prompts
    from ipt_journal.clinical.course import FOCUS_AREAS
    from ipt_journal.clinical.scales import GAD7, PHQ9, WSAS
    from ipt_journal.models import GoalIn, PersonIn, validate
    from ipt_journal.questions import START, START_FIRST_TIME_ONLY, START_STEPS
    from ipt_journal.text.dates import parse_day
    from ipt_journal.wizards.people import person_wizard

    steps = [s for s in START_STEPS if not (revising and s in START_FIRST_TIME_ONLY)]

    def step(title: str) -> None:
        messages.note(f"Step {steps.index(title) + 1} of {len(steps)}: {title}.")

    messages.note(DISCLAIMER)
    messages.note(SICK_ROLE)
    step("about you and your sessions")
    fields["background"] = (
        prompts.text(START["background"], default=fields.get("background") or "").strip() or None
    )
    fields["reason"] = prompts.text(START["reason"], default=fields.get("reason") or "").strip() or None
    from ipt_journal import config

    if config.country_or_none() is None:
        # Before the questionnaires, so any crisis help after them shows the right lines.
        from ipt_journal.wizards.country import ask_country

        code = ask_country()
        if code:
            saves.country(code)
    # Before the questionnaires, so what follows them names the right person to contact:
    # a therapist, or a doctor (GP) for a self-guided course.
    fields["with_therapist"] = prompts.select(
        START["therapist"],
        (("yes", True), ("no, on my own", False)),
        default=fields.get("with_therapist"),
        optional=True,
    )
    # The first session first: the baseline questionnaires are the ones taken at it.
    fields["started_on"] = prompts.day(START["start_date"], parse_day, default=str(fields["started_on"]))
    if not revising:
        from ipt_journal.clinical.follow_up import Care

        step("questionnaires")
        care = Care(fields["with_therapist"], course_over=False)
        for scale in (PHQ9, GAD7, WSAS):
            _ask_baseline(journal, scale, fields["started_on"], care, saves)
    step("how many sessions")
    weeks = prompts.text(
        START["weeks"],
        default=str(fields.get("planned_weeks") or 12),
        validate=lambda v: (
            (v.strip().isascii() and v.strip().isdigit() and 8 <= int(v) <= 20) or "A number from 8 to 20."
        ),
    )
    fields["planned_weeks"] = int(weeks)

    step("the people in your life")
    if prompts.confirm(
        START["inventory"].format(count=len(journal.people.all())), default=not journal.people.all()
    ):
        while True:
            person = person_wizard({}, asked_for_new=True, journal=journal)
            saves.person(validate(PersonIn, person))  # each person is saved as soon as it is complete
            if not prompts.confirm(START["more_people"], default=True):
                break

    if not revising:
        step("life events")
        _events_around_low_mood(journal, saves)
    step("your focus")
    for explanation in FOCUS_AREAS.values():
        messages.note(f"- {explanation}")
    fields["focus_areas"] = prompts.checkbox(
        START["focus"],
        [(area.label, area.value) for area in FOCUS_AREAS],
        checked=[str(area) for area in fields.get("focus_areas") or []],
        most=2,  # ctrl-a ticks every box: Enter then says so and keeps the list open
        too_many="IPT works best on one area, two at most: untick the others.",
    )
    fields["dispute_person"] = fields["dispute_stage"] = None
    if ProblemArea.role_dispute.value in fields["focus_areas"]:
        living = journal.people.all(living=True)
        if living:
            fields["dispute_person"] = prompts.select(
                START["dispute_person"], [(p.name, p.name) for p in living], optional=True
            )
        known = next((p.dispute_stage for p in living if p.name == fields["dispute_person"]), None)
        if known:  # their inventory entry, just written, already says where it stands
            fields["dispute_stage"] = known
            label = DisputeStage(known).label
            messages.note(f"Where the dispute stands: {label}, as in {fields['dispute_person']}'s entry.")
        else:
            fields["dispute_stage"] = prompts.select(
                START["dispute_stage"], [(s.label, s.value) for s in DisputeStage], optional=True
            )
    step("your goals")
    # Goals agreed at the start of a course carry its first day (asked above); in a revision, today.
    set_on = None if revising else fields["started_on"]
    goals: list[GoalIn] = []
    while len(goals) < 3:
        text = prompts.text(START["goal"].format(number=len(goals) + 1)).strip()
        if not text:
            break
        goals.append(validate(GoalIn, {"text": text, "set_on": set_on}))
    from ipt_journal.wizards.course import ask_formulation

    step("putting it together")

    fields["formulation"], fields["formulation_agreed_on"] = ask_formulation(
        fields.get("formulation"),
        fields.get("formulation_agreed_on"),
        fields.get("focus_areas") or [],
        fields.get("with_therapist"),
    )
    return fields, goals


def _ask_baseline(
    journal: "Journal", scale: "Scale", started_on: dt.date, care: "Care", saves: StartSaves
) -> None:
    """The baseline questionnaire of a course starting on `started_on`: named when one is
    on record (taken earlier today by `ipt measure`, say, or by a wizard stopped after it),
    else asked; for a course that began in the past, the answers given then, dated then."""
    from ipt_journal import prompts
    from ipt_journal.models import MeasureIn, validate
    from ipt_journal.questions import START
    from ipt_journal.text.dates import parse_day

    today = dt.date.today()
    taken = journal.measures.baseline(scale.key, started_on.isoformat(), fallback=False)
    if taken:
        when = "today" if taken.day == today.isoformat() else taken.day
        messages.note(f"Your {scale.name} from {when} ({taken.total} of {scale.max_total}) is your baseline.")
        return
    past = START["baseline_past"].format(name=scale.name, day=started_on)
    if started_on < today and prompts.confirm(past, default=False):
        day = parse_day(prompts.text(START["baseline_date"], default=str(started_on)), "The day")
    elif prompts.confirm(
        START["baseline"].format(name=scale.name, count=len(scale.items), about=scale.about), default=True
    ):
        day = today
    else:
        return
    answers, difficulty = ask_scale(scale)
    # Saved and shown at once, like each person later: crisis help must come right after
    # the answers are saved, not at the end of the whole consultation.
    saves.baseline(
        validate(MeasureIn, {"scale": scale.key, "day": day, "answers": answers, "difficulty": difficulty}),
        care,
    )


def _events_around_low_mood(journal: "Journal", saves: StartSaves) -> None:
    """IPT's timeline: the life events around when low mood began, each saved once complete."""
    from ipt_journal import prompts
    from ipt_journal.models import LifeEventIn, validate
    from ipt_journal.questions import EVENT
    from ipt_journal.wizards.events import ask_event

    if not prompts.confirm(EVENT["around_low_mood"], default=False):
        return
    while True:
        saves.event(validate(LifeEventIn, ask_event(journal, {}, ask_people=True, ask_note=True)))
        if not prompts.confirm(EVENT["more"], default=False):
            return
