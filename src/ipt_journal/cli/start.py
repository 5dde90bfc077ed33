"""`ipt start`: the initial consultation, from a first session to an agreed course (focus,
goals, baseline questionnaires, formulation). `ipt course` is in `cli/course.py`."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Annotated, Any

import typer

from ipt_journal.cli import completion
from ipt_journal.cli.context import Gad7DifficultyOpt, Phq9DifficultyOpt, session
from ipt_journal.clinical.vocab import DisputeStage, ProblemArea
from ipt_journal.text import messages
from ipt_journal.wizards.measures import ask_scale

if TYPE_CHECKING:
    from ipt_journal.clinical.follow_up import Care
    from ipt_journal.clinical.scales import Scale
    from ipt_journal.models import GoalIn
    from ipt_journal.store import Course
    from ipt_journal.store.core import Journal

JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON instead of text.")]
FormulationOpt = Annotated[
    str | None,
    typer.Option(
        "--formulation",
        metavar="TEXT",
        help="In your words, how your low mood links to your focus and the people in it.",
    ),
]
FormulationAgreedOpt = Annotated[
    bool,
    typer.Option(
        "--formulation-agreed",
        help="With --formulation: you have agreed it with your therapist (today).",
    ),
]
# What `ipt start --revise` can change, named when it is given none of them.
REVISE_FLAGS = (
    "--start-date, --weeks, --focus, --dispute-with, --dispute-stage, --goal, --formulation, "
    "--background, --reason, --therapist, --phq9, --gad7 or --wsas"
)
DISCLAIMER = (
    "ipt supports the work you do in Interpersonal Psychotherapy, with a therapist or on your own. "
    "It does not replace a clinician, and nothing it shows is a diagnosis."
)
SICK_ROLE = (
    "If you are depressed: depression is a common illness, it can be treated, and it is not "
    "your fault. While it lasts, it is fair to do a little less and to let people help; the "
    "aim is to get back to what matters to you as you recover."
)


def start(
    ctx: typer.Context,
    background: Annotated[
        str | None, typer.Option("--background", metavar="TEXT", help="A little about you.")
    ] = None,
    reason: Annotated[
        str | None, typer.Option("--reason", metavar="TEXT", help="What brings you now.")
    ] = None,
    phq9: Annotated[
        str | None, typer.Option("--phq9", metavar="0,1,...", help="Baseline PHQ-9: 9 answers 0-3.")
    ] = None,
    gad7: Annotated[
        str | None, typer.Option("--gad7", metavar="0,1,...", help="Baseline GAD-7: 7 answers 0-3.")
    ] = None,
    wsas: Annotated[
        str | None,
        typer.Option(
            "--wsas",
            metavar="0-8,...",
            help="Baseline WSAS: 5 answers 0-8 (n/a for work if it does not apply).",
        ),
    ] = None,
    baseline_date: Annotated[
        str | None,
        typer.Option(
            "--baseline-date",
            metavar="DAY",
            help="The day you answered --phq9/--gad7/--wsas. [default: the first session]",
            show_default=False,
        ),
    ] = None,
    phq9_difficulty: Phq9DifficultyOpt = None,
    gad7_difficulty: Gad7DifficultyOpt = None,
    therapist: Annotated[
        bool | None,
        typer.Option("--therapist/--no-therapist", help="Do you work with a therapist?", show_default=False),
    ] = None,
    start_date: Annotated[
        str | None, typer.Option("--start-date", metavar="DAY", help="First session. [default: today]")
    ] = None,
    weeks: Annotated[
        int | None, typer.Option("--weeks", metavar="8-20", help="Planned weekly sessions. [default: 12]")
    ] = None,
    focus: Annotated[
        list[ProblemArea] | None,
        typer.Option(
            "--focus", case_sensitive=False, help="The focal problem area; give it twice for two at most."
        ),
    ] = None,
    dispute_with: Annotated[
        str | None,
        typer.Option(
            "--dispute-with",
            metavar="NAME",
            help="For a role dispute: with whom.",
            autocompletion=completion.living,
        ),
    ] = None,
    dispute_stage: Annotated[
        DisputeStage | None,
        typer.Option("--dispute-stage", case_sensitive=False, help="For a role dispute: its stage."),
    ] = None,
    goal: Annotated[
        list[str] | None, typer.Option("--goal", metavar="TEXT", help="A goal; 1 to 3 of them.")
    ] = None,
    formulation: FormulationOpt = None,
    formulation_agreed: FormulationAgreedOpt = False,
    country: Annotated[
        str | None,
        typer.Option(
            "--country",
            metavar="CODE",
            help="Your country, for the crisis lines (as ipt config set country).",
        ),
    ] = None,
    revise: Annotated[bool, typer.Option("--revise", help="Change the course you already started.")] = False,
) -> None:
    """Start your IPT course: background, baseline questionnaires, length, focus and goals.
    With no flags in a terminal, a wizard walks through it."""
    from ipt_journal.clinical.scales import GAD7, PHQ9, WSAS
    from ipt_journal.errors import InputError
    from ipt_journal.models import CourseIn, GoalIn, MeasureIn, validate
    from ipt_journal.text.dates import parse_day

    state = session(ctx)
    journal = state.journal()
    current = journal.course.current()
    ongoing = current if current and not current.ended_on else None
    given = {
        key: value
        for key, value in {
            "background": background,
            "reason": reason,
            "with_therapist": therapist,
            "planned_weeks": weeks,
            "focus_areas": focus,
            "dispute_person": dispute_with,
            "dispute_stage": dispute_stage,
            "started_on": parse_day(start_date, "--start-date") if start_date else None,
            "formulation": formulation,
            # Agreed with the therapist only when the person says so.
            "formulation_agreed_on": dt.date.today() if formulation and formulation_agreed else None,
        }.items()
        if value is not None
    }
    values_given = bool(given or phq9 or gad7 or wsas or baseline_date or goal)
    flags_given = values_given or revise
    if revise and not ongoing:
        raise InputError(
            f"Your course ended on {current.ended_on}, so there is none to revise. Nothing was changed."
            if current
            else "You have not started a course, so there is none to revise. Nothing was changed.",
            "Start a new course with: ipt start" if current else "Start one with: ipt start",
        )
    if ongoing and not revise and (flags_given or not state.can_prompt):
        raise InputError(
            f"You already started a course on {ongoing.started_on}. It was not changed.",
            "Pass --revise to change it, or end it first with: ipt course end",
        )
    if revise:
        state.require(
            [] if values_given else [f"what to change ({REVISE_FLAGS})"],
            "ipt start --revise --weeks 16 --focus grief",
        )
    state.require(
        [] if flags_given else ["the course's values as flags"],
        "ipt start --weeks 12 --focus role-dispute --goal 'Talk calmly with Sam'",
    )
    if formulation_agreed and not formulation:
        raise InputError("--formulation-agreed goes with --formulation TEXT.")
    if formulation_agreed and therapist is False:
        raise InputError(
            "--formulation-agreed means agreed with your therapist; --no-therapist says there is none."
        )
    if dispute_with:  # refused before anything is saved, the country setting included
        state.journal().people.living_named(dispute_with, "dispute")
    if country is not None:
        from ipt_journal.cli.config import note_unlisted, save_country

        # A setting apart from the journal, saved even if the course is not.
        note_unlisted(save_country(country))
    if goal and len(goal) > 3:
        raise InputError("Choose 1 to 3 goals; you can add more later with: ipt goals add TEXT")
    today = dt.date.today()
    if baseline_date is not None and not (phq9 or gad7 or wsas):
        raise InputError("--baseline-date is the day of --phq9, --gad7 or --wsas; give one of them with it.")
    base = _course_fields(ongoing) if ongoing else {"started_on": today}
    fields = {**base, **given}
    # The baseline is the questionnaire taken at the course's start: answers given with a
    # course that began in the past are dated at its first session unless you say otherwise.
    taken_on = parse_day(baseline_date, "--baseline-date") if baseline_date else _day(fields["started_on"])
    measures = [
        validate(
            MeasureIn,
            {
                "scale": scale.key,
                "day": taken_on,
                "answers": scale.parse(text, f"--{scale.key}"),
                "difficulty": difficulty,
            },
        )
        for scale, text, difficulty in (
            (PHQ9, phq9, phq9_difficulty),
            (GAD7, gad7, gad7_difficulty),
            (WSAS, wsas, None),
        )
        if text
    ]
    goals = [validate(GoalIn, {"text": text}) for text in goal or []]
    wizard = not values_given
    if wizard:
        if ongoing:
            messages.note(f"You started a course on {ongoing.started_on} ({ongoing.planned_weeks} weeks).")
        if ongoing and not revise:  # --revise already said so
            from ipt_journal import prompts

            if not prompts.confirm("Revise it?", default=False):
                messages.note("Nothing was changed.")
                return
        fields, goals = _start_wizard(journal, fields, revising=bool(ongoing))
    course = validate(CourseIn, fields)
    saved, baseline = journal.course.save(course, ongoing.id if ongoing else None, measures, goals)
    messages.note(("Revised" if ongoing else "Started") + f" your course: {_summary(saved)}")
    if baseline:
        from ipt_journal.cli.measure import report_measures

        report_measures(journal, baseline, as_json=False)
    if wizard and not ongoing and journal.key is None and _encryption_available():
        from ipt_journal import prompts
        from ipt_journal.cli.encryption import encrypt_journal
        from ipt_journal.questions import START

        if prompts.confirm(START["encrypt"], default=False):
            encrypt_journal(session(ctx), yes=True)
    messages.note("See where you are with: ipt course")


def _day(value: dt.date | str) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(value)


def _encryption_available() -> bool:
    import importlib.util

    return importlib.util.find_spec("sqlcipher3") is not None


def _course_fields(course: Course) -> dict[str, Any]:
    return {
        "started_on": course.started_on,
        "planned_weeks": course.planned_weeks,
        "background": course.background,
        "reason": course.reason,
        "with_therapist": course.with_therapist,
        "focus_areas": course.focus_areas,
        "dispute_person": course.dispute_person,
        "dispute_stage": course.dispute_stage,
        "formulation": course.formulation,
        "formulation_agreed_on": course.formulation_agreed_on,
    }


def _summary(course: Course) -> str:
    from ipt_journal.text.messages import focus_text

    focus = focus_text(course.focus_areas)
    return f"{course.planned_weeks} weekly sessions from {course.started_on}; focus: {focus}."


def _start_wizard(
    journal: Journal, fields: dict[str, Any], revising: bool
) -> tuple[dict[str, Any], list[GoalIn]]:
    from ipt_journal import prompts
    from ipt_journal.clinical.course import FOCUS_AREAS
    from ipt_journal.clinical.scales import GAD7, PHQ9, WSAS
    from ipt_journal.models import GoalIn, PersonIn, validate
    from ipt_journal.questions import START
    from ipt_journal.text.dates import parse_day
    from ipt_journal.wizards.people import person_wizard

    messages.note(DISCLAIMER)
    messages.note(SICK_ROLE)
    fields["background"] = (
        prompts.text(START["background"], default=fields.get("background") or "").strip() or None
    )
    fields["reason"] = prompts.text(START["reason"], default=fields.get("reason") or "").strip() or None
    from ipt_journal import config

    if config.country_or_none() is None:
        # Before the questionnaires, so any crisis help after them shows the right lines.
        from ipt_journal.cli.config import ask_country

        ask_country()
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

        care = Care(fields["with_therapist"], course_over=False)
        for scale in (PHQ9, GAD7, WSAS):
            _ask_baseline(journal, scale, fields["started_on"], care)
    weeks = prompts.text(
        START["weeks"],
        default=str(fields.get("planned_weeks") or 12),
        validate=lambda v: (
            (v.strip().isascii() and v.strip().isdigit() and 8 <= int(v) <= 20) or "A number from 8 to 20."
        ),
    )
    fields["planned_weeks"] = int(weeks)

    if prompts.confirm(
        START["inventory"].format(count=len(journal.people.all())), default=not journal.people.all()
    ):
        while True:
            person = person_wizard({}, asked_for_new=True, journal=journal)
            journal.people.add(validate(PersonIn, person))  # each person is saved as soon as it is complete
            if not prompts.confirm(START["more_people"], default=True):
                break

    if not revising:
        _events_around_low_mood(journal)
    for explanation in FOCUS_AREAS.values():
        messages.note(f"- {explanation}")
    fields["focus_areas"] = prompts.checkbox(
        START["focus"],
        [(area.label, area.value) for area in FOCUS_AREAS],
        checked=[str(area) for area in fields.get("focus_areas") or []],
    )
    while len(fields["focus_areas"]) > 2:
        messages.note("IPT works best on one area, two at most.")
        fields["focus_areas"] = prompts.checkbox(START["focus"], [(a.label, a.value) for a in FOCUS_AREAS])
    fields["dispute_person"] = fields["dispute_stage"] = None
    if ProblemArea.role_dispute.value in fields["focus_areas"]:
        people = [(p.name, p.name) for p in journal.people.all(living=True)]
        if people:
            fields["dispute_person"] = prompts.select(START["dispute_person"], people, optional=True)
        fields["dispute_stage"] = prompts.select(
            START["dispute_stage"], [(s.label, s.value) for s in DisputeStage], optional=True
        )
    goals: list[GoalIn] = []
    while len(goals) < 3:
        text = prompts.text(START["goal"].format(number=len(goals) + 1)).strip()
        if not text:
            break
        goals.append(validate(GoalIn, {"text": text}))
    from ipt_journal.wizards.course import ask_formulation

    fields["formulation"], fields["formulation_agreed_on"] = ask_formulation(
        fields.get("formulation"),
        fields.get("formulation_agreed_on"),
        fields.get("focus_areas") or [],
        fields.get("with_therapist"),
    )
    return fields, goals


def _ask_baseline(journal: Journal, scale: Scale, started_on: dt.date, care: Care) -> None:
    """The baseline questionnaire of a course starting on `started_on`: named when one is
    on record (taken earlier today by `ipt measure`, say, or by a wizard stopped after it),
    else asked; for a course that began in the past, the answers given then, dated then."""
    from ipt_journal import prompts
    from ipt_journal.cli.measure import report_measures
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
    measure = journal.measures.add(
        validate(MeasureIn, {"scale": scale.key, "day": day, "answers": answers, "difficulty": difficulty})
    )
    report_measures(journal, [measure], as_json=False, care=care)


def _events_around_low_mood(journal: Journal) -> None:
    """IPT's timeline: the life events around when low mood began, each saved once complete."""
    from ipt_journal import prompts
    from ipt_journal.cli.event import ask_event, save_new_event
    from ipt_journal.questions import EVENT

    if not prompts.confirm(EVENT["around_low_mood"], default=False):
        return
    while True:
        event = save_new_event(journal, ask_event(journal, {}, ask_people=True, ask_note=True))
        messages.note(f"Recorded event #{event.id}.")
        if not prompts.confirm(EVENT["more"], default=False):
            return


# ------------------------------------------------------------------ ipt course
