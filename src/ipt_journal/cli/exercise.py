"""`ipt exercise`: guided communication and problem-area exercises."""

import datetime as dt
from typing import Annotated

import typer

from ipt_journal.cli import completion
from ipt_journal.cli.context import command_group, session
from ipt_journal.cli.homework import DEFAULT_DUE_DAYS
from ipt_journal.cli.listing import SinceOpt, UntilOpt
from ipt_journal.cli.therapy import BringOpt, things_to_bring
from ipt_journal.text import messages

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
WithOpt = Annotated[str | None, typer.Option("--with", metavar="NAME", help="The person it is about.")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON instead of text.")]


@app.command("list")
def list_exercises() -> None:
    """The exercises, what each is for, and how long it takes."""
    from ipt_journal.clinical.exercises import CATALOGUE

    for exercise in CATALOGUE.values():
        messages.note(f"{exercise.key}  ({exercise.name}, about {exercise.minutes} minutes)")
        messages.note(exercise.purpose, indent="    ")
    messages.note("Start one with: ipt exercise start KIND [--with NAME]")


@app.command()
def start(
    ctx: typer.Context,
    kind: KindArg,
    with_: WithOpt = None,
    answer: Annotated[
        list[str] | None,
        typer.Option(
            "--answer",
            metavar="QUESTION=TEXT",
            show_default=False,
            help="An answer by its question's key (see ipt exercise show-questions KIND); repeat for "
            "more, and for each line of a list.",
        ),
    ] = None,
    mood_before: Annotated[
        int | None, typer.Option("--mood-before", metavar="0-10", show_default=False)
    ] = None,
    mood_after: Annotated[
        int | None, typer.Option("--mood-after", metavar="0-10", show_default=False)
    ] = None,
    homework: Annotated[
        bool | None,
        typer.Option(
            "--homework/--no-homework", help="Turn the plan into homework. [default: ask]", show_default=False
        ),
    ] = None,
    due: Annotated[
        str | None,
        typer.Option("--due", metavar="DAY", help="The homework's day. [default: in 7 days]"),
    ] = None,
    bring: BringOpt = None,
    edit: Annotated[
        bool, typer.Option("--edit", help="Write the answers in your editor ($VISUAL or $EDITOR), one file.")
    ] = False,
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
    answers = parse_answers(exercise, answer or [])
    if edit:
        answers = _answers_in_editor(exercise, answers)
    missing = exercise.missing(answers)
    if missing and not state.can_prompt:
        raise MissingInput(
            f"{exercise.name} still needs: {', '.join(missing)}. ipt only asks in a terminal, "
            "so pass them as --answer QUESTION=TEXT.",
            f"For example: ipt exercise start {exercise.key} --answer {missing[0]}='...'",
        )
    journal = state.journal()
    fields = {
        "kind": exercise.key,
        "day": dt.date.today(),
        "person": with_,
        "mood_before": mood_before,
        "mood_after": mood_after,
        "answers": answers,
    }
    if with_:
        journal.people.named(with_)  # an unknown name is refused before any question
    if missing:
        fields = _guided(journal, exercise, fields)
        if homework is None:
            from ipt_journal import prompts

            homework = prompts.confirm(
                f"Turn your plan into homework, due in {DEFAULT_DUE_DAYS} days?", default=True
            )
    done = validate(ExerciseIn, fields)
    plan = done.answers.get(exercise.plan)
    task = None
    if homework and plan:
        text = plan if isinstance(plan, str) else "; ".join(plan)
        day = (
            parse_day(due, "--due", future=True)
            if due
            else dt.date.today() + dt.timedelta(days=DEFAULT_DUE_DAYS)
        )
        task = validate(HomeworkIn, {"text": text, "due": day, "person": done.person})
    saved = journal.exercises.add(done, task, things_to_bring(bring, done.day, "exercise"))
    messages.note(
        f"Saved {exercise.name} as exercise #{saved.id}." + (" Its plan is now homework." if task else "")
    )
    if saved.mood_before is not None and saved.mood_after is not None:
        messages.note(f"Mood before {saved.mood_before}, after {saved.mood_after}.")


def _answers_in_editor(exercise, answers: dict) -> dict:
    """Every question in one file in the editor, the answers given so far filled in."""
    from ipt_journal.editor import edit_sections

    written = edit_sections(
        [(f.key, f.prompt, answers.get(f.key)) for f in exercise.fields],
        f"{exercise.name}. {exercise.purpose}",
    )
    for field in exercise.fields:
        if field.key in written:
            text = written[field.key]
            answers[field.key] = (
                [line.strip() for line in text.splitlines() if line.strip()] if field.kind == "list" else text
            )
    return answers


def parse_answers(exercise, given: list[str]) -> dict:
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


def _guided(journal, exercise, fields: dict) -> dict:
    """Ask what the flags did not give, one question at a time."""
    from ipt_journal import prompts
    from ipt_journal.clinical.exercises import compose_i_statement

    messages.note(f"{exercise.name}. {exercise.purpose} Ctrl-C stops without saving.")

    def mood(label: str) -> int | None:
        value = prompts.text(
            f"Your mood {label}, 0 (worst) to 10 (best)? (Enter to skip)",
            validate=lambda v: (
                not v.strip() or (v.strip().isascii() and v.strip().isdigit() and int(v) <= 10) or "0 to 10."
            ),
        )
        return int(value) if value.strip() else None

    if fields["mood_before"] is None:
        fields["mood_before"] = mood("now")
    if fields["person"] is None:
        # Someone who has died is offered only for the grief exercise.
        people = [(p.name, p.name) for p in journal.people.list(living=exercise.key != "grief")]
        if people:
            fields["person"] = prompts.select("Who is it about?", people, optional=True)
    answers = fields["answers"]
    for field in exercise.fields:
        if field.key in answers or not exercise.applies(field, answers):
            continue
        skip = " (Enter to skip)" if field.optional else ""
        if field.kind == "list":
            lines = []
            while line := prompts.text(
                f"{field.prompt}{' (Enter when done)' if lines or field.optional else ''}"
            ).strip():
                lines.append(line)
            if lines:
                answers[field.key] = lines
        elif field.kind == "choice":
            recorded = _recorded_stage(journal, fields["person"]) if field.key == "stage" else None
            picked = prompts.select(
                field.prompt,
                [(c, c) for c in field.choices] + [("something else...", "")],
                default=recorded if recorded in field.choices else None,
            )
            answers[field.key] = picked or prompts.text(field.prompt).strip()
        elif field.kind == "checks":
            ticked = prompts.checkbox(
                f"{field.prompt} (space to tick, Enter when done)", [(c, c) for c in field.choices]
            )
            if ticked:
                answers[field.key] = ticked
        else:
            default = compose_i_statement(answers) if field.key == "statement" else ""
            needed = (lambda v: bool(v.strip()) or "This one is needed.") if not field.optional else None
            text = prompts.text(field.prompt + skip, default=default, validate=needed).strip()
            if text:
                answers[field.key] = text
    if fields["mood_after"] is None:
        fields["mood_after"] = mood("after the exercise")
    return fields


def _recorded_stage(journal, name: str | None) -> str | None:
    """The dispute's stage as already recorded: the person's own, else the course's when
    the course's dispute is with them (or names no one)."""
    if name:
        stage = journal.people.named(name).dispute_stage
        if stage:
            return stage
    course = journal.course.current()
    same_person = not name or not course or (course.dispute_person or name).casefold() == name.casefold()
    if course and course.dispute_stage and same_person:
        return course.dispute_stage
    return None


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
        .exercises.list(
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
