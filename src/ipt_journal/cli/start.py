"""`ipt start`: the initial consultation, from a first session to an agreed course (focus,
goals, baseline questionnaires, formulation). `ipt course` is in `cli/course.py`."""

import datetime as dt
from typing import TYPE_CHECKING, Annotated, Any

import typer

from ipt_journal.cli import completion
from ipt_journal.cli.context import Gad7DifficultyOpt, Phq9DifficultyOpt, session
from ipt_journal.clinical.vocab import DisputeStage, ProblemArea
from ipt_journal.text import messages
from ipt_journal.wizards.start import StartSaves, start_wizard, wants_encryption, wants_to_revise

if TYPE_CHECKING:
    from ipt_journal.clinical.follow_up import Care
    from ipt_journal.models import LifeEventIn, MeasureIn
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
    # Goals agreed at the start of a course carry its first day; added in a revision, today.
    set_on = None if ongoing else _day(fields["started_on"])
    goals = [validate(GoalIn, {"text": text, "set_on": set_on}) for text in goal or []]
    wizard = not values_given
    if wizard:
        if ongoing:
            messages.note(f"You started a course on {ongoing.started_on} ({ongoing.planned_weeks} weeks).")
        if ongoing and not revise and not wants_to_revise():  # --revise already said so
            messages.note("Nothing was changed.")
            return
        fields, goals = start_wizard(journal, fields, revising=bool(ongoing), saves=_saved_as_you_go(journal))
    course = validate(CourseIn, fields)
    saved, baseline = journal.course.save(course, ongoing.id if ongoing else None, measures, goals)
    messages.note(("Revised" if ongoing else "Started") + f" your course: {_summary(saved)}")
    if baseline:
        from ipt_journal.cli.measure import report_measures

        report_measures(journal, baseline, as_json=False)
    if wizard and not ongoing and journal.key is None and _encryption_available() and wants_encryption():
        from ipt_journal.cli.encryption import encrypt_journal

        encrypt_journal(session(ctx), yes=True)
    messages.note("See where you are with: ipt course")


def _day(value: dt.date | str) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(value)


def _encryption_available() -> bool:
    import importlib.util

    return importlib.util.find_spec("sqlcipher3") is not None


def _course_fields(course: "Course") -> dict[str, Any]:
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


def _summary(course: "Course") -> str:
    from ipt_journal.text.messages import focus_text

    focus = focus_text(course.focus_areas)
    return f"{course.planned_weeks} weekly sessions from {course.started_on}; focus: {focus}."


def _saved_as_you_go(journal: "Journal") -> StartSaves:
    """What the consultation saves as soon as each is complete: a questionnaire's result and
    any crisis help must come right after its answers, and Ctrl-C later keeps what was done."""
    from ipt_journal.cli.config import note_unlisted, save_country
    from ipt_journal.cli.measure import report_measures

    def baseline(measure: "MeasureIn", care: "Care") -> None:
        report_measures(journal, [journal.measures.add(measure)], as_json=False, care=care)

    def event(event: "LifeEventIn") -> None:
        messages.note(f"Recorded event #{journal.events.add(event).id}.")

    return StartSaves(
        country=lambda code: note_unlisted(save_country(code)),
        baseline=baseline,
        person=journal.people.add,
        event=event,
    )


# ------------------------------------------------------------------ ipt course
