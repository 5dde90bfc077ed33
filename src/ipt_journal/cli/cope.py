"""`ipt cope` and `ipt breathe`: ways through a hard moment, and a guided breath."""

from typing import TYPE_CHECKING, Annotated

import typer

from ipt_journal.cli import completion
from ipt_journal.cli.context import YesOpt, command_group, session
from ipt_journal.text import messages

if TYPE_CHECKING:
    from ipt_journal.store import Journal
    from ipt_journal.store.practice import OwnStrategy

app = command_group(
    help="Coping strategies for a hard moment; log which ones helped.", invoke_without_command=True
)

HelpfulOpt = Annotated[
    int | None,
    typer.Option(
        "--helpful", metavar="1-5", help="How much it helped: 1 not at all, 5 a lot.", show_default=False
    ),
]
NoteOpt = Annotated[str | None, typer.Option("--note", metavar="TEXT", help="A note.")]


@app.callback()
def cope(ctx: typer.Context) -> None:
    """The strategies, each with a few lines on how."""
    if ctx.invoked_subcommand is not None:
        return
    from ipt_journal.clinical.coping import STRATEGIES, Strategy

    journal = session(ctx).journal()
    helpers = _people_to_reach(journal)
    every: list[Strategy | OwnStrategy] = [*STRATEGIES.values(), *journal.coping.own_strategies()]
    for strategy in every:
        messages.note(f"{strategy.name}  ({strategy.key})", hang="  ")
        how = strategy.how or ""
        if strategy.key == "reach-out":
            how += helpers
        if how:
            messages.note(how, indent="    ")
        messages.note("")
    messages.note("Log one that you tried: ipt cope log STRATEGY --helpful 1-5")
    messages.note("Add your own: ipt cope add NAME --how TEXT")


def _people_to_reach(journal: "Journal") -> str:
    """Whom to reach out to: the people the safety plan names for help (step 4) first; else the
    inner circle, without anyone in a dispute at impasse or ending (not whom to call when low)."""
    plan = journal.safety_plan.items()
    asked = list(dict.fromkeys(item.person for item in plan if item.step == 4 and item.person))
    if asked:
        return f" People your safety plan says you can ask for help: {', '.join(asked)}."
    stuck = ("impasse", "dissolution")
    course = journal.course.current()
    course_side = course.dispute_person if course and course.dispute_stage in stuck else None
    close = [
        p.name
        for p in journal.people.all(living=True)
        if p.closeness == 1
        and p.status == "current"
        and p.dispute_stage not in stuck
        and p.name != course_side
    ]
    if close:
        return f" Your inner circle: {', '.join(close)}."
    return " (Add your closest people: ipt inventory add.)"


@app.command("add")
def add(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(metavar="NAME", help="What you call it.", show_default=False)],
    how: Annotated[str | None, typer.Option("--how", metavar="TEXT", help="A few words on how.")] = None,
    key: Annotated[
        str | None,
        typer.Option("--key", metavar="KEY", help="Its short name for ipt cope log. [default: from NAME]"),
    ] = None,
) -> None:
    """Add a coping strategy of your own, to log like the others."""
    import re

    from ipt_journal.clinical.coping import STRATEGIES
    from ipt_journal.errors import InputError
    from ipt_journal.models import StrategyIn, validate

    key = key or "-".join(re.findall(r"[a-z0-9]+", name.lower()))[:40]
    if key in STRATEGIES:
        raise InputError(f"{key!r} is one of ipt's own strategies; give yours another --key.")
    strategy = validate(StrategyIn, {"key": key, "name": name.strip(), "how": how})
    saved = session(ctx).journal().coping.add_strategy(strategy)
    messages.note(f"Added your strategy {saved.name} ({saved.key}). Log it with: ipt cope log {saved.key}")


@app.command("remove")
def remove(
    ctx: typer.Context,
    key: Annotated[
        str,
        typer.Argument(
            metavar="KEY", help="Your strategy's key (see: ipt cope).", autocompletion=completion.strategies
        ),
    ],
    yes: YesOpt = False,
) -> None:
    """Remove a strategy of your own; what you logged stays.

    The times you logged it stay in your history."""
    from ipt_journal.clinical.coping import STRATEGIES
    from ipt_journal.errors import InputError, NotFound

    if key in STRATEGIES:
        raise InputError(f"{key!r} is one of ipt's own strategies; only your own can be removed.")

    def fetch() -> "OwnStrategy":
        for own in state.journal().coping.own_strategies():
            if own.key == key:
                return own
        raise NotFound(f"You have no strategy of your own called {key!r}.", "See them with: ipt cope")

    state = session(ctx)
    state.remove_after_asking(
        yes,
        f"your strategy {key}",
        f"ipt cope remove {key}",
        fetch=fetch,
        show=lambda own: messages.note(f"{own.name} ({own.key})"),
        remove=lambda: state.journal().coping.remove_strategy(key),
        verb="Remove",
    )


@app.command("log")
def log(
    ctx: typer.Context,
    strategy: Annotated[
        str,
        typer.Argument(
            metavar="STRATEGY", help="e.g. short-walk (see: ipt cope).", autocompletion=completion.strategies
        ),
    ],
    helpful: HelpfulOpt = None,
    note: NoteOpt = None,
    date: Annotated[
        str | None, typer.Option("--date", metavar="DAY", help="When you used it. [default: today]")
    ] = None,
) -> None:
    """Record that you used a strategy, and how much it helped."""
    import datetime as dt

    from ipt_journal.clinical.coping import STRATEGIES
    from ipt_journal.models import CopingIn, validate
    from ipt_journal.text.dates import parse_day

    journal = session(ctx).journal()
    known = [*STRATEGIES, *(own.key for own in journal.coping.own_strategies())]
    if strategy.strip().lower() not in known:
        from ipt_journal.errors import InputError
        from ipt_journal.text.suggest import did_you_mean

        raise InputError(
            f"There is no coping strategy {strategy!r}.",
            " ".join(filter(None, [did_you_mean(strategy, known), "See them with: ipt cope"])),
        )
    use = validate(
        CopingIn,
        {
            "strategy": strategy.strip().lower(),
            "day": parse_day(date) if date else dt.date.today(),
            "helpful": helpful,
            "note": note,
        },
    )
    journal.coping.add(use)
    messages.note(
        f"Logged {use.strategy} for {use.day}" + (f", helpful {use.helpful}/5." if use.helpful else ".")
    )


def breathe(
    ctx: typer.Context,
    minutes: Annotated[
        float,
        typer.Option("--minutes", metavar="MINUTES", help="How long, 0.1 to 30 (0.5 is thirty seconds)."),
    ] = 2,
    pattern: Annotated[
        str, typer.Option("--pattern", metavar="calm|box|4-7-8", help="The rhythm to follow.")
    ] = "calm",
    log_it: Annotated[
        bool | None,
        typer.Option(
            "--log/--no-log", help="Log it as slow breathing afterwards. [default: ask]", show_default=False
        ),
    ] = None,
    helpful: HelpfulOpt = None,
) -> None:
    """A guided breathing exercise. Ctrl-C ends it early, and you can still log it."""
    import datetime as dt

    if not 0.1 <= minutes <= 30:
        from ipt_journal.errors import InputError

        raise InputError(f"--minutes must be from 0.1 to 30, got {minutes:g}.")

    from ipt_journal.clinical.coping import PATTERNS
    from ipt_journal.errors import InputError
    from ipt_journal.models import CopingIn, validate
    from ipt_journal.render.practice import breathing

    if pattern not in PATTERNS:
        raise InputError(f"--pattern must be one of {', '.join(PATTERNS)}, got {pattern!r}.")
    state = session(ctx)
    chosen = PATTERNS[pattern]
    seconds = round(minutes * 60)
    done = breathing(chosen, seconds)
    finished = "finished" if done >= seconds else f"stopped after {done} seconds"
    messages.note(f"{chosen.name}: {finished}.")
    if state.can_prompt:
        from ipt_journal.wizards.coping import log_breathing

        log_it, helpful = log_breathing(log_it, helpful)
    if not log_it:
        return
    note = f"{chosen.name}, {done // 60} min {done % 60} s"
    state.journal().coping.add(
        validate(
            CopingIn, {"strategy": "slow-breathing", "day": dt.date.today(), "helpful": helpful, "note": note}
        )
    )
    messages.note("Logged." + (f" Helpful {helpful}/5." if helpful else ""))
