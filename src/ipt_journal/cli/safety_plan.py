"""`ipt safety-plan`: the six-step Stanley-Brown safety plan."""

from typing import Annotated

import typer

from ipt_journal.cli import completion
from ipt_journal.cli.context import YesOpt, command_group, session
from ipt_journal.text import messages

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
) -> None:
    """Show your safety plan (it is always in `ipt crisis` too)."""
    if ctx.invoked_subcommand is not None:
        return
    from ipt_journal import config
    from ipt_journal.render.safety_plan import safety_plan_markdown, safety_plan_table

    plan = session(ctx).journal().safety_plan.items()
    if as_json:
        messages.print_json({"steps": messages.safety_plan_json(plan)})
    elif markdown:
        print(safety_plan_markdown(plan, config.country_or_none()), end="")
    else:
        safety_plan_table(plan, config.country_or_none())


@app.command()
def add(
    ctx: typer.Context,
    step: StepArg,
    text: Annotated[str | None, typer.Option("--text", metavar="TEXT", help="What to write.")] = None,
    person: Annotated[
        str | None,
        typer.Option("--person", metavar="NAME", help="Steps 3 and 4: someone from your inventory."),
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
    item = validate(SafetyPlanItemIn, {"step": step, "text": text, "person": person})
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

    def fetch():
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
    from ipt_journal import prompts
    from ipt_journal.clinical.vocab import SAFETY_PLAN_WITH_CLINICIAN, SAFETY_STEPS, step_heading
    from ipt_journal.models import SafetyPlanItemIn, validate
    from ipt_journal.questions import SAFETY_PLAN

    state = session(ctx)
    state.require(["the entries"], "ipt safety-plan add 2 --text 'a hot shower'")
    journal = state.journal()
    plan = journal.safety_plan.items()
    people = journal.people.list(living=True)
    items = []
    messages.note(SAFETY_PLAN_WITH_CLINICIAN)
    for step, title in SAFETY_STEPS.items():
        messages.note(f"\n{step_heading(step, title)}. {SAFETY_PLAN[step]}")
        for existing in plan:
            if existing.step == step:
                messages.note(
                    f"   already: {existing.person + ': ' if existing.person else ''}{existing.text or ''}"
                )
        if step in (3, 4) and people:
            chosen = prompts.checkbox(
                "Anyone from your inventory? (space to pick, enter when done)",
                [(p.name, p.name) for p in people],
            )
            for name in chosen:
                contact = prompts.text(
                    f"What could you do with {name}, or how to reach them? (Enter to skip)"
                    if step == 3  # people who distract; step 4 is whom to ask for help
                    else f"How to reach {name}? (Enter to skip)"
                )
                items.append(
                    validate(
                        SafetyPlanItemIn, {"step": step, "person": name, "text": contact.strip() or None}
                    )
                )
        while text := prompts.text("Add an entry (Enter to go on)").strip():
            items.append(validate(SafetyPlanItemIn, {"step": step, "text": text}))
    journal.safety_plan.add(items)
    messages.note(
        f"Saved {len(items)} new entr{'y' if len(items) == 1 else 'ies'}. See it with: ipt safety-plan"
    )
