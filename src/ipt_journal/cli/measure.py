"""`ipt measure`: the PHQ-9, GAD-7 and WSAS questionnaires, and their history."""

import datetime as dt
import sys
from typing import TYPE_CHECKING, Annotated, Any

import typer

from ipt_journal.cli import completion
from ipt_journal.cli.context import DIFFICULTY_HELP, YesOpt, command_group, session
from ipt_journal.cli.lazy import LazyGroup
from ipt_journal.cli.listing import SinceOpt, UntilOpt
from ipt_journal.text import messages
from ipt_journal.wizards.measures import ask_scale

if TYPE_CHECKING:
    from ipt_journal.clinical.follow_up import Care, FollowUp
    from ipt_journal.models import MeasureIn
    from ipt_journal.store import Journal, Measure


class MeasureGroup(LazyGroup):
    """Each questionnaire and screen loads only when run (cli/lazy.py)."""

    PATH = "ipt measure"
    PLACES = {
        "phq9": ("measure", "phq9"),
        "gad7": ("measure", "gad7"),
        "wsas": ("measure", "wsas"),
        "history": ("measure", "history"),
        "edit": ("measure", "edit"),
        "delete": ("measure", "delete"),
    }


app = command_group(
    cls=MeasureGroup,
    help=(
        "Take the PHQ-9 (depression), GAD-7 (anxiety) or WSAS (work and social functioning) "
        "questionnaire, or see past results."
    ),
    no_args_is_help=True,
)


@app.callback()
def measure() -> None:
    # Typer makes a group only of an app with a callback or with commands, and this one's
    # commands are MeasureGroup's.
    pass


AnswersOpt = Annotated[
    str | None,
    typer.Option(
        "--answers",
        metavar="0,1,2,...",
        help="Every item's answer in order, comma separated: 0-3 (PHQ-9, GAD-7), 0-8 (WSAS).",
    ),
]
WsasAnswersOpt = Annotated[
    str | None,
    typer.Option(
        "--answers",
        metavar="0-8,...",
        help=(
            "The 5 answers in order, 0 (not at all impaired) to 8 (very severely), comma separated; "
            "n/a for the first (work) if you are retired or choose not to have a job for reasons "
            "unrelated to your problem."
        ),
    ),
]
DateOpt = Annotated[
    str | None,
    typer.Option("--date", metavar="DAY", help="The day it was taken. [default: today]", show_default=False),
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON instead of text.")]
# The WSAS taken with a midpoint or end-of-course review (IPT's other outcome, functioning).
ReviewWsasOpt = Annotated[
    str | None,
    typer.Option(
        "--wsas",
        metavar="0-8,...",
        help="A WSAS taken with the review: 5 answers 0-8 (n/a for work if it does not apply).",
    ),
]
DifficultyOpt = Annotated[int | None, typer.Option("--difficulty", metavar="0-3", help=DIFFICULTY_HELP)]


def _take(
    ctx: typer.Context,
    scale_key: str,
    answers: str | None,
    date: str | None,
    as_json: bool,
    difficulty: int | None = None,
) -> None:
    import datetime as dt

    from ipt_journal.clinical.scales import SCALES
    from ipt_journal.models import MeasureIn, validate
    from ipt_journal.text.dates import parse_day

    scale = SCALES[scale_key]
    state = session(ctx)
    example = f"ipt measure {scale.key} --answers {','.join(['0'] * len(scale.items))}"
    state.require([] if answers else ["--answers"], example)
    day = parse_day(date) if date else dt.date.today()
    given: list[int | None]
    if answers:
        given = scale.parse(answers, "--answers")
    else:
        given, difficulty = ask_scale(scale)
    measure = validate(
        MeasureIn, {"scale": scale.key, "day": day, "answers": given, "difficulty": difficulty}
    )
    journal = state.journal()
    saved = journal.measures.add(measure)
    report_measures(journal, [saved], as_json)


def phq9(
    ctx: typer.Context,
    answers: AnswersOpt = None,
    difficulty: DifficultyOpt = None,
    date: DateOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """The PHQ-9: nine questions about the last two weeks (depression)."""
    _take(ctx, "phq9", answers, date, as_json, difficulty)


def gad7(
    ctx: typer.Context,
    answers: AnswersOpt = None,
    difficulty: DifficultyOpt = None,
    date: DateOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """The GAD-7: seven questions about the last two weeks (anxiety)."""
    _take(ctx, "gad7", answers, date, as_json, difficulty)


def wsas(
    ctx: typer.Context,
    answers: WsasAnswersOpt = None,
    date: DateOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """The WSAS: five questions on work, home, leisure and relationships.

    How much your problems get in the way of work, home management, social leisure, private
    leisure and close relationships, each from 0 (not at all) to 8 (very severely)."""
    _take(ctx, "wsas", answers, date, as_json)


def history(
    ctx: typer.Context,
    scale: Annotated[
        str | None, typer.Option("--scale", metavar="phq9|gad7|wsas", help="Only this one.")
    ] = None,
    limit: Annotated[
        int | None, typer.Option("--limit", "-n", metavar="N", help="Only the last N.", show_default=False)
    ] = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Every questionnaire taken, oldest first."""
    from ipt_journal.cli.listing import check_limit, no_match, show_list, window
    from ipt_journal.clinical.scales import SCALES
    from ipt_journal.errors import InputError

    if scale and scale.lower() not in SCALES:
        from ipt_journal.text.suggest import did_you_mean

        raise InputError(
            f"--scale must be phq9, gad7 or wsas, got {scale!r}.", did_you_mean(scale, list(SCALES))
        )
    check_limit(limit)
    start, end = window(since, until)
    journal = session(ctx).journal()
    measures = journal.measures.all(
        scale.lower() if scale else None,
        since=start,
        until=end,
        last=limit,
    )
    from ipt_journal.cli.crisis import crisis_if_due
    from ipt_journal.clinical.safety import item9_days

    if as_json:
        from ipt_journal.clinical.follow_up import care_of

        care = care_of(journal)
        messages.print_json([messages.measure_json(m, *_before(journal, m), care=care) for m in measures])
        # The JSON stays a list of questionnaires; a person at the terminal still sees the help.
        crisis_if_due(journal, item9_days(measures), stream=sys.stderr)
    else:
        filters = {"--scale": scale, "--since": since, "--until": until}
        show_list(measures, "measure_rows", "measures.measures_table", no_match("questionnaires", filters))
        crisis_if_due(journal, item9_days(measures))


IdArg = Annotated[
    int,
    typer.Argument(
        metavar="ID",
        help="The questionnaire's id (see: ipt measure history).",
        show_default=False,
        autocompletion=completion.measure_ids,
    ),
]


def edit(
    ctx: typer.Context,
    measure_id: IdArg,
    answers: AnswersOpt = None,
    date: DateOpt = None,
    difficulty: DifficultyOpt = None,
) -> None:
    """Correct a questionnaire's day, answers or difficulty.

    Correct the day it was taken, its answers (all of them, again), or how difficult the
    problems made things."""
    from ipt_journal.clinical.scales import SCALES
    from ipt_journal.models import MeasureIn, validate
    from ipt_journal.text.dates import parse_day

    state = session(ctx)
    given_any = answers or date or difficulty is not None
    state.require(
        [] if given_any else ["--answers, --date or --difficulty"],
        f"ipt measure edit {measure_id} --date yesterday",
    )
    journal = state.journal()
    current = journal.measures.get(measure_id)
    scale = SCALES[current.scale]
    if not given_any:
        given, difficulty = ask_scale(scale)
    else:
        given = scale.parse(answers, "--answers") if answers else current.answers
        difficulty = current.difficulty if difficulty is None else difficulty
    day = parse_day(date) if date else current.day
    measure = validate(
        MeasureIn, {"scale": scale.key, "day": day, "answers": given, "difficulty": difficulty}
    )
    saved = journal.measures.update(measure_id, measure)
    messages.note(f"Updated questionnaire #{measure_id}.")
    report_measures(journal, [saved], as_json=False)


def delete(ctx: typer.Context, measure_id: IdArg, yes: YesOpt = False) -> None:
    """Delete a questionnaire taken by mistake. Its id is never used again."""
    from ipt_journal.render.measures import measures_table

    state = session(ctx)
    state.remove_after_asking(
        yes,
        f"questionnaire #{measure_id}",
        f"ipt measure delete {measure_id}",
        fetch=lambda: state.journal().measures.get(measure_id),
        show=lambda current: measures_table([current]),
        remove=lambda: state.journal().measures.delete(measure_id),
    )


def report_measures(
    journal: "Journal",
    measures: "list[Measure]",
    as_json: bool,
    extra: dict[str, Any] | None = None,
    care: "Care | None" = None,
) -> None:
    """Show saved questionnaires with their change, then crisis help if PHQ-9 item 9 was above 0.

    In JSON the help is a `safety` object; it also goes to stderr so a person reading a
    terminal sees it whatever the output format. `care` (a `follow_up.Care`) when the
    course is still being set up (`ipt start`'s wizard): else the journal's course's."""
    if not measures and not as_json:
        return
    from ipt_journal import config
    from ipt_journal.clinical.follow_up import care_of
    from ipt_journal.clinical.safety import as_json as safety_json

    self_help = _self_help(journal, measures, care)
    care = care or care_of(journal)
    follow_up = item9_follow_up_of(journal, measures, care)
    needs_help = follow_up is not None
    country = config.country_or_none() if needs_help else None
    plan = journal.safety_plan.items() if needs_help else []
    if as_json:
        data = dict(extra or {})
        data["measures"] = [
            messages.measure_json(m, *_before(journal, m), care=care, urgent_follows=needs_help)
            for m in measures
        ]
        data["self_help"] = self_help
        data["safety"] = (
            {**safety_json(country, follow_up=follow_up), "safety_plan": messages.plain(plan)}
            if needs_help
            else None
        )
        messages.print_json(data)
        if needs_help:
            messages.safety_message(country, plan, follow_up, stream=sys.stderr)
        return
    for measure in measures:
        messages.measure_result(measure, *_before(journal, measure), care=care, urgent_follows=needs_help)
    if self_help:
        messages.note(self_help)
    if needs_help:
        messages.safety_message(country, plan, follow_up)


def wsas_given(text: str | None, day: dt.date) -> "MeasureIn | None":
    """`--wsas` as given with a review, validated before the review is saved."""
    if not text:
        return None
    from ipt_journal.clinical.scales import WSAS
    from ipt_journal.models import MeasureIn, validate

    return validate(MeasureIn, {"scale": WSAS.key, "day": day, "answers": WSAS.parse(text, "--wsas")})


def wsas_with_review(journal: "Journal", given: "MeasureIn | None", day: dt.date, asked: bool) -> None:
    """After a midpoint or end-of-course review: save the WSAS given as `--wsas`; in the
    review's wizard, offer to take it, unless one was taken in the two weeks before `day`.
    Saved apart from the review, as `ipt start` saves each questionnaire as it is answered."""
    from ipt_journal.clinical.course import MEASURES_DUE_DAYS
    from ipt_journal.clinical.scales import WSAS

    if given is None and asked:
        from ipt_journal.models import MeasureIn, validate
        from ipt_journal.wizards.measures import offer_scale

        if journal.measures.all(WSAS.key, since=day - dt.timedelta(days=MEASURES_DUE_DAYS), until=day):
            return
        answers = offer_scale(WSAS)
        if answers is None:
            return
        given = validate(MeasureIn, {"scale": WSAS.key, "day": day, "answers": answers})
    if given is not None:
        report_measures(journal, [journal.measures.add(given)], as_json=False)


def item9_follow_up_of(journal: "Journal", measures: "list[Measure]", care: "Care") -> "FollowUp | None":
    """The one urgency after `measures` were saved: None unless a PHQ-9 among them answered
    item 9 above 0; raised to "soon" when a score on the same screen asks for that."""
    from ipt_journal.clinical import scales
    from ipt_journal.clinical.follow_up import item9_follow_up, score_follow_up

    phq9 = [m for m in measures if scales.needs_safety_message(m.scale, m.answers)]
    if not phq9:
        return None
    urges = False
    for m in measures:
        baseline, previous = journal.measures.baseline_and_previous(m)
        start = baseline.total if baseline is not None else None
        before = previous.total if previous is not None else None
        urges = urges or bool(score_follow_up(scales.SCALES[m.scale], m.total, start, before, care))
    latest = phq9[-1]
    return item9_follow_up(scales.item9(latest.answers), latest.total, care, urges)


def _self_help(journal: "Journal", measures: "list[Measure]", care: "Care | None") -> str | None:
    """For a self-guided course, after a PHQ-9: whether self-help alone looks like enough.
    With `care` given, the course is not saved yet: the PHQ-9 is its baseline."""
    import datetime as dt

    from ipt_journal.clinical.follow_up import self_help_advice, self_help_of

    phq9 = [m for m in measures if m.scale == "phq9"]
    if not phq9:
        return None
    if care is not None:
        return self_help_advice(phq9[-1].total, None, care, past_midpoint=False)
    return self_help_of(journal, dt.date.fromisoformat(phq9[-1].day))


def _before(journal: "Journal", measure: "Measure") -> "tuple[Measure | None, Measure | None]":
    """(baseline, previous) of `measure`: what its change is told against."""
    return journal.measures.baseline_and_previous(measure)
