"""`ipt safety-plan`: the six-step Stanley-Brown safety plan."""

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ipt_journal.cli import completion
from ipt_journal.cli.context import ForceOpt, YesOpt, command_group, named_file, one_of, session
from ipt_journal.text import messages

if TYPE_CHECKING:
    from collections.abc import Sequence

    from ipt_journal.store import Journal, SafetyPlanItem
    from ipt_journal.store.safety_plan import Closing

app = command_group(
    help="Your safety plan: warning signs, ways to cope, people and places, help, and a safe space.",
    invoke_without_command=True,
)
StepArg = Annotated[
    int,
    typer.Argument(
        metavar="STEP",
        help="0 (what matters most, reasons for living) or 1 to 6 (see ipt safety-plan).",
        show_default=False,
    ),
]


@app.callback()
def show(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    markdown: Annotated[bool, typer.Option("--markdown", help="Print Markdown, to keep on paper.")] = False,
    card: Annotated[
        bool,
        typer.Option("--card", help="A one-page card to print or photograph (Markdown, or HTML for .html)."),
    ] = False,
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            metavar="PATH",
            help="The card's file (.html or .md); - for stdout. [default: stdout]",
            callback=named_file,
        ),
    ] = None,
    card_format: Annotated[
        str | None,
        typer.Option(
            "--format",
            metavar="markdown|html",
            help="The card's format. [default: from the file's name, else markdown]",
            show_default=False,
        ),
    ] = None,
    force: ForceOpt = False,
) -> None:
    """Show your safety plan (it is always in `ipt crisis` too)."""
    if ctx.invoked_subcommand is not None:
        return
    from ipt_journal import config
    from ipt_journal.render.safety_plan import safety_plan_markdown, safety_plan_table

    one_of({"--json": as_json, "--markdown": markdown, "--card": card})
    if not card and (output is not None or card_format is not None):
        from ipt_journal.errors import InputError

        raise InputError("--output and --format are for the card: add --card.")
    journal = session(ctx).journal()
    plan = journal.safety_plan.items()
    closing = journal.safety_plan_closing.get()
    if card:
        _write_card(journal, plan, closing, output, card_format, force)
    elif as_json:
        messages.print_json({"steps": messages.safety_plan_json(plan), "closing": messages.plain(closing)})
    elif markdown:
        print(safety_plan_markdown(plan, config.country_or_none(), closing), end="")
    else:
        safety_plan_table(plan, config.country_or_none(), closing)


def _write_card(
    journal: "Journal",
    plan: "Sequence[SafetyPlanItem]",
    closing: "Closing | None",
    output: str | None,
    card_format: str | None,
    force: bool,
) -> None:
    import sys

    from ipt_journal import config
    from ipt_journal.documents import safety_card
    from ipt_journal.errors import InputError
    from ipt_journal.safekeeping import files

    suffix = Path(output).suffix.lower() if output and output != files.STDOUT else ""
    if not card_format and suffix not in ("", ".html", ".htm", ".md", ".markdown", ".txt"):
        # A name that promises another format (card.pdf) would hold Markdown: say so instead.
        raise InputError(
            f"ipt writes the card as HTML or Markdown, not {suffix}.",
            "Name it card.html (print it, or save it as PDF from the browser) or card.md.",
        )
    kind = (card_format or "").strip().lower() or ("html" if suffix in (".html", ".htm") else "markdown")
    if kind not in ("markdown", "html"):
        raise InputError(f"--format must be markdown or html, got {card_format!r}.")
    text = safety_card.render(kind, plan, closing, config.country_or_none())
    where = files.write_user_file(output or files.STDOUT, text.encode(), force, journal.path)
    if output not in (None, files.STDOUT):
        messages.note(
            f"Wrote your safety plan card to {where} (readable only by you). Print it, or keep a "
            "photo of it on your phone.",
            stream=sys.stderr,
        )


@app.command()
def closing(
    ctx: typer.Context,
    how_likely: Annotated[
        str | None,
        typer.Option("--how-likely", metavar="TEXT", help="How likely you are to use this plan."),
    ] = None,
    in_the_way: Annotated[
        str | None, typer.Option("--in-the-way", metavar="TEXT", help="What might get in the way.")
    ] = None,
    kept_where: Annotated[
        str | None, typer.Option("--kept-where", metavar="TEXT", help="Where you will keep it.")
    ] = None,
) -> None:
    """The questions that close the plan.

    How likely you are to use it, what might get in the way, and where you will keep it."""
    from ipt_journal.models import ClosingIn, validate

    state = session(ctx)
    answers = {"how_likely": how_likely, "in_the_way": in_the_way, "kept_where": kept_where}
    if all(value is None for value in answers.values()):
        state.require(
            ["--how-likely, --in-the-way or --kept-where"],
            "ipt safety-plan closing --kept-where 'a photo on my phone'",
        )
        from ipt_journal.wizards.safety_plan import ask_closing

        answers = ask_closing()
    checked = validate(ClosingIn, answers)
    session(ctx).journal().safety_plan_closing.save(checked.model_dump())
    messages.note("Saved. See the whole plan with: ipt safety-plan")


@app.command()
def add(
    ctx: typer.Context,
    step: StepArg,
    text: Annotated[str | None, typer.Option("--text", metavar="TEXT", help="What to write.")] = None,
    person: Annotated[
        str | None,
        typer.Option(
            "--person",
            metavar="NAME",
            help="Steps 3 and 4: someone from your inventory.",
            autocompletion=completion.living,
        ),
    ] = None,
    phone: Annotated[
        str | None,
        typer.Option("--phone", metavar="NUMBER", help="Steps 3 to 5: a number to reach them on."),
    ] = None,
) -> None:
    """Add one entry to a step of your safety plan.

    For example: ipt safety-plan add 4 --person Sam --text "call, any time"."""
    from ipt_journal.errors import MissingInput
    from ipt_journal.models import SafetyPlanItemIn, validate

    if not text and not person:
        raise MissingInput(
            "Give --text, --person, or both.", 'For example: ipt safety-plan add 2 --text "a hot shower"'
        )
    item = validate(SafetyPlanItemIn, {"step": step, "text": text, "person": person, "phone": phone})
    journal = session(ctx).journal()
    journal.safety_plan.add([item])
    messages.note(f"Added to step {step} of your safety plan.")


@app.command()
def remove(
    ctx: typer.Context,
    entry: Annotated[
        int,
        typer.Argument(
            metavar="ID",
            help="The entry's id, shown by ipt safety-plan.",
            autocompletion=completion.safety_plan_ids,
        ),
    ],
    yes: YesOpt = False,
) -> None:
    """Remove one entry, after showing it and asking (or with --yes)."""
    from ipt_journal.errors import NotFound

    def fetch() -> "SafetyPlanItem":
        for item in state.journal().safety_plan.items():
            if item.id == entry:
                return item
        raise NotFound(f"There is no safety plan entry #{entry}.", "See the ids with: ipt safety-plan")

    state = session(ctx)
    state.remove_after_asking(
        yes,
        f"entry #{entry} from your safety plan",
        f"ipt safety-plan remove {entry}",
        fetch=fetch,
        show=lambda item: messages.note(
            f"#{entry}: {item.person + ': ' if item.person else ''}{item.text or ''}"
        ),
        remove=lambda: state.journal().safety_plan.remove(entry),
        verb="Remove",
    )


@app.command()
def edit(ctx: typer.Context) -> None:
    """Walk through the plan's steps, adding to each.

    What matters most and the six steps, one question at a time (the same as `add`)."""
    from ipt_journal.models import ClosingIn, validate
    from ipt_journal.wizards.safety_plan import safety_plan_wizard

    state = session(ctx)
    state.require(["the entries"], "ipt safety-plan add 2 --text 'a hot shower'")
    journal = state.journal()
    items, answers = safety_plan_wizard(journal.safety_plan.items(), journal.people.all(living=True))
    closing = validate(ClosingIn, answers)  # what `closing` refuses is refused here, before any write
    with journal.writing():  # the new entries and the closing answers together, or neither
        for item in items:
            journal.safety_plan.insert(item)
        if any(answers.values()):
            journal.safety_plan_closing.put(closing.model_dump())
    messages.note(
        f"Saved {len(items)} new entr{'y' if len(items) == 1 else 'ies'}. See it with: ipt safety-plan. "
        "A card to print or photograph: ipt safety-plan --card -o card.html"
    )
