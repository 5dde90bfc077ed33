"""`ipt exercise`: guided communication and problem-area exercises."""

import datetime as dt
from typing import TYPE_CHECKING, Annotated, Any

import typer

from ipt_journal.cli import completion
from ipt_journal.cli.bring_options import BringOpt, things_to_bring
from ipt_journal.cli.context import command_group, session
from ipt_journal.cli.exercise_options import AnswerOpt, HomeworkOpt, MoodAfterOpt, MoodBeforeOpt
from ipt_journal.cli.homework import DEFAULT_DUE_DAYS
from ipt_journal.cli.listing import SinceOpt, UntilOpt
from ipt_journal.text import messages
from ipt_journal.wizards.exercise import guided

if TYPE_CHECKING:
    from pathlib import Path

    from ipt_journal.clinical.exercises import Exercise

app = command_group(
    help="Guided exercises: understand and practise how you talk with the people who matter.",
    no_args_is_help=True,
)
KindArg = Annotated[
    str,
    typer.Argument(
        metavar="KIND",
        help="The exercise (see: ipt exercise list).",
        autocompletion=completion.exercise_kinds,
    ),
]
WithOpt = Annotated[
    str | None,
    typer.Option(
        "--with", metavar="NAME", help="The person it is about.", autocompletion=completion.exercise_people
    ),
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON instead of text.")]


@app.command("list")
def list_exercises() -> None:
    """The exercises, what each is for, and how long it takes."""
    from ipt_journal.clinical.exercises import CATALOGUE

    for exercise in CATALOGUE.values():
        messages.note(f"{exercise.key}  ({exercise.name}, about {exercise.minutes} minutes)", hang="  ")
        messages.note(exercise.purpose, indent="    ")
    messages.note("Start one with: ipt exercise start KIND [--with NAME]")


@app.command()
def start(
    ctx: typer.Context,
    kind: KindArg,
    with_: WithOpt = None,
    answer: AnswerOpt = None,
    mood_before: MoodBeforeOpt = None,
    mood_after: MoodAfterOpt = None,
    homework: HomeworkOpt = None,
    due: Annotated[
        str | None,
        typer.Option("--due", metavar="DAY", help="The homework's day. [default: in 7 days]"),
    ] = None,
    homework_with: Annotated[
        str | None,
        typer.Option(
            "--homework-with",
            metavar="NAME",
            autocompletion=completion.living,
            help="Whom the homework is with (someone living). [default: the person it is about; "
            "for grief, no one]",
        ),
    ] = None,
    bring: BringOpt = None,
    edit: Annotated[
        bool, typer.Option("--edit", help="Write the answers in your editor ($VISUAL or $EDITOR), one file.")
    ] = False,
    date: Annotated[
        str | None,
        typer.Option(
            "--date",
            metavar="DAY",
            help="The day you did it: YYYY-MM-DD, yesterday, 'last friday'. [default: today]",
            show_default=False,
        ),
    ] = None,
    from_incident: Annotated[
        int | None,
        typer.Option(
            "--from-incident",
            metavar="ID",
            help="Start a communication analysis from what happened with someone in a check-in "
            "(its person, day and words; ids in ipt checkin show).",
            show_default=False,
            autocompletion=completion.incident_ids,
        ),
    ] = None,
    pathway: Annotated[
        str | None,
        typer.Option(
            "--pathway",
            metavar="AREA",
            autocompletion=completion.pathway_areas,
            help="Count it as a step of this problem area's pathway (see ipt pathway). "
            "[default: your course's focus, when its pathway has this exercise]",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Do an exercise, guided one question at a time.

    In a terminal a guided flow asks each question; every answer also has a flag
    (--answer QUESTION=TEXT), and with all of them nothing is asked.
    """
    from ipt_journal.clinical.exercises import CATALOGUE
    from ipt_journal.errors import InputError, MissingInput
    from ipt_journal.models import ExerciseIn, HomeworkIn, validate
    from ipt_journal.text.dates import parse_day

    state = session(ctx)
    exercise = CATALOGUE.get(kind.strip().lower())
    if exercise is None:
        raise InputError(f"There is no exercise {kind!r}.", "See them with: ipt exercise list")
    day = parse_day(date) if date else dt.date.today()  # checked before any question is asked
    from ipt_journal.cli.pathway import check_step_of, checked_area
    from ipt_journal.clinical.pathway_exercises import TO_BRING

    pathway = checked_area(pathway)
    if pathway:
        check_step_of(pathway, exercise.key)
    to_bring = exercise.key in TO_BRING
    answers = parse_answers(exercise, answer or [])
    if from_incident is not None:  # its person and words, checked before any question
        from ipt_journal.insight.incidents import analysis_start

        with_, answers = analysis_start(state.journal(), exercise.key, from_incident, with_, answers)
    if edit:
        answers = _answers_in_editor(exercise, answers, state.journal_path())
    missing = exercise.missing(answers)
    from ipt_journal.cli import remembering

    if with_:  # who it is with is refused first, before any question or missing answer
        remembering.check_with(state.journal(), exercise.key, with_)
    if missing and not state.can_prompt:
        raise MissingInput(
            f"{exercise.name} still needs: {', '.join(missing)}. ipt only asks in a terminal, "
            "so pass them as --answer QUESTION=TEXT.",
            f"For example: ipt exercise start {exercise.key} --answer {missing[0]}='...'",
        )
    journal = state.journal()
    fields = {
        "kind": exercise.key,
        "day": day,
        "person": with_,
        "mood_before": mood_before,
        "mood_after": mood_after,
        "answers": answers,
    }
    continued = False
    if missing:
        continued = remembering.before_questions(journal, exercise, fields)
        fields = remembering.guided(state, journal, exercise, fields, guided)
        if homework is None and not to_bring:
            from ipt_journal.wizards.exercise import plan_as_homework

            homework = plan_as_homework(DEFAULT_DUE_DAYS)
    done = validate(ExerciseIn, fields)
    plan = done.answers.get(exercise.plan)
    task = None
    if homework and plan and not to_bring:
        text = plan if isinstance(plan, str) else "; ".join(plan)
        day = (
            parse_day(due, "--due", future=True)
            if due
            else dt.date.today() + dt.timedelta(days=DEFAULT_DUE_DAYS)
        )
        person = remembering.homework_person(journal, exercise, done.person, homework_with, bool(missing))
        task = validate(HomeworkIn, {"text": text, "due": day, "person": person})
    if to_bring and plan:  # its plan is to bring up at the next session, not homework
        bring = [*(bring or []), plan if isinstance(plan, str) else "; ".join(plan)]
    saved = journal.exercises.add(
        done, task, things_to_bring(bring, done.day, "exercise"), finishes_draft=continued, pathway=pathway
    )
    messages.note(
        f"Saved {exercise.name} as exercise #{saved.id}."
        + (" Its plan is now homework." if task else "")
        + (" What to bring up is on your list for the next session (ipt bring list)." if to_bring else "")
    )
    if saved.mood_before is not None and saved.mood_after is not None:
        messages.note(f"Mood before {saved.mood_before}, after {saved.mood_after}.")


def _answers_in_editor(exercise: "Exercise", answers: dict[str, Any], journal: "Path") -> dict[str, Any]:
    """Every question in one file in the editor, the answers given so far filled in."""
    from ipt_journal.editor import edit_sections

    written = edit_sections(
        [(f.key, f.prompt, answers.get(f.key)) for f in exercise.fields],
        f"{exercise.name}. {exercise.purpose}",
        journal,
    )
    for field in exercise.fields:
        if field.key in written:
            text = written[field.key]
            answers[field.key] = (
                [line.strip() for line in text.splitlines() if line.strip()] if field.kind == "list" else text
            )
    return answers


def parse_answers(exercise: "Exercise", given: list[str]) -> dict[str, Any]:
    """'key=text' pairs into answers; a list question collects every line given for it."""
    from ipt_journal.errors import InputError

    answers: dict = {}
    for item in given:
        key, equals, text = item.partition("=")
        key = key.strip().replace("-", "_")
        field = exercise.field(key)
        if not equals or field is None:
            keys = ", ".join(f.key for f in exercise.fields)
            raise InputError(
                f"Write each answer as QUESTION=TEXT; {exercise.name}'s questions are: {keys}. Got {item!r}."
            )
        if field.kind in ("list", "checks"):
            answers.setdefault(key, []).append(text.strip())
        else:
            answers[key] = text.strip()
    return answers


@app.command()
def history(
    ctx: typer.Context,
    with_: WithOpt = None,
    kind: Annotated[str | None, typer.Option("--kind", metavar="KIND", help="Only this exercise.")] = None,
    limit: Annotated[
        int | None, typer.Option("--limit", "-n", metavar="N", help="Only the newest N.", show_default=False)
    ] = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Exercises you did, newest first."""
    from ipt_journal.cli.listing import check_limit, no_match, show_list, window

    check_limit(limit)
    start, end = window(since, until)
    done = (
        session(ctx)
        .journal()
        .exercises.all(
            kind=kind,
            person=with_,
            since=start,
            until=end,
            limit=limit,
        )
    )
    if as_json:
        messages.print_json(messages.plain(done))
    else:
        filters = {"--with": with_, "--kind": kind, "--since": since, "--until": until}
        show_list(done, "exercise_rows", "practice.exercises_table", no_match("exercises", filters))


@app.command()
def show(
    ctx: typer.Context,
    exercise_id: Annotated[
        int,
        typer.Argument(
            metavar="ID", help="From ipt exercise history.", autocompletion=completion.exercise_ids
        ),
    ],
    as_json: JsonOpt = False,
) -> None:
    """One finished exercise, readably.

    A communication analysis is shown as a dialogue."""
    from ipt_journal.render.practice import exercise_detail

    done = session(ctx).journal().exercises.get(exercise_id)
    if as_json:
        messages.print_json(messages.plain(done))
    else:
        exercise_detail(done)


@app.command("show-questions")
def show_questions(kind: KindArg) -> None:
    """The questions of an exercise and their keys, for --answer."""
    from ipt_journal.clinical.exercises import CATALOGUE
    from ipt_journal.errors import InputError

    exercise = CATALOGUE.get(kind.strip().lower())
    if exercise is None:
        raise InputError(f"There is no exercise {kind!r}.", "See them with: ipt exercise list")
    for field in exercise.fields:
        extra = {
            "list": " (repeat for each line)",
            "choice": f" (e.g. {', '.join(field.choices[:4])})",
            "checks": f" (any of: {'; '.join(field.choices)}; repeat for each)",
            "scale": " (0-10)",
        }.get(field.kind, "")
        optional = ", optional" if field.optional else ""
        messages.note(f"{field.key}: {field.prompt}{extra}{optional}")
