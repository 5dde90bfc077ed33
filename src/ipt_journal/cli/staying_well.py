"""`ipt staying-well`: the staying-well (relapse-prevention) plan, apart from the safety plan."""

from typing import Annotated

import typer

from ipt_journal.cli.context import command_group, one_of, session
from ipt_journal.text import messages

app = command_group(
    help="Your staying-well plan: warning signs, what you will do, whom you tell, when to get help.",
    invoke_without_command=True,
)

PART_FLAGS = "warning-signs, what-i-will-do, whom-i-tell or when-to-contact"
WarningSignsOpt = Annotated[
    str | None,
    typer.Option("--warning-signs", metavar="TEXT", help="Early signs that depression may be coming back."),
]
WhatIWillDoOpt = Annotated[
    str | None, typer.Option("--what-i-will-do", metavar="TEXT", help="What you will do if they come back.")
]
WhomITellOpt = Annotated[
    str | None, typer.Option("--whom-i-tell", metavar="TEXT", help="Whom you will tell.")
]
WhenToContactOpt = Annotated[
    str | None,
    typer.Option("--when-to-contact", metavar="TEXT", help="When you will contact your doctor or therapist."),
]
ToSafetyPlanOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--add-to-safety-plan",
        metavar="PART",
        help=f"Also put this part in your safety plan (repeat for more): {PART_FLAGS}. "
        "Warning signs go to step 1, what you will do to step 2, whom you tell to step 4, "
        "contacting a clinician to step 5. Without it, the safety plan is left as it is.",
    ),
]


def parts_named(flags: list[str] | None) -> tuple[str, ...]:
    """The parts --add-to-safety-plan named, as field names; an unknown one is refused."""
    from ipt_journal.clinical.vocab import STAYING_WELL
    from ipt_journal.errors import InputError

    parts = []
    for flag in flags or []:
        part = flag.strip().lower().replace("-", "_")
        if part not in STAYING_WELL:
            raise InputError(f"--add-to-safety-plan takes {PART_FLAGS}, got {flag!r}.")
        parts.append(part)
    return tuple(dict.fromkeys(parts))


def check_parts_given(parts: tuple[str, ...], answers: dict) -> None:
    from ipt_journal.errors import InputError

    for part in parts:
        if not answers.get(part):
            flag = "--" + part.replace("_", "-")
            raise InputError(
                f"--add-to-safety-plan {flag[2:]} needs some text in that part of the plan.",
                f"Write it with {flag} 'some words'.",
            )


def moved_note(parts: tuple[str, ...]) -> None:
    from ipt_journal.clinical.vocab import STAYING_WELL

    if parts:
        steps = ", ".join(str(STAYING_WELL[part][1]) for part in parts)
        messages.note(f"Also added to your safety plan (step{'s' if len(parts) > 1 else ''} {steps}).")
    else:
        messages.note("Your safety plan is as it was.")


@app.callback()
def show(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    markdown: Annotated[bool, typer.Option("--markdown", help="Print Markdown, to keep on paper.")] = False,
) -> None:
    """Show your staying-well plan: how you will notice depression coming back, and what you
    will do then (your safety plan is for a crisis: ipt safety-plan)."""
    if ctx.invoked_subcommand is not None:
        return
    from ipt_journal.render.staying_well import (
        staying_well_json,
        staying_well_markdown,
        staying_well_table,
    )

    one_of({"--json": as_json, "--markdown": markdown})
    plan = session(ctx).journal().staying_well.get()
    if as_json:
        messages.print_json(staying_well_json(plan))
    elif markdown:
        print(staying_well_markdown(plan), end="")
    else:
        staying_well_table(plan)


@app.command()
def edit(
    ctx: typer.Context,
    warning_signs: WarningSignsOpt = None,
    what_i_will_do: WhatIWillDoOpt = None,
    whom_i_tell: WhomITellOpt = None,
    when_to_contact: WhenToContactOpt = None,
    to_safety_plan: ToSafetyPlanOpt = None,
) -> None:
    """Write or change your staying-well plan.

    Without flags, in a terminal, it asks part by part (Enter keeps what is there); a part
    given as "" is cleared."""
    from ipt_journal.models import StayingWellIn, validate

    state = session(ctx)
    answers = {
        "warning_signs": warning_signs,
        "what_i_will_do": what_i_will_do,
        "whom_i_tell": whom_i_tell,
        "when_to_contact": when_to_contact,
    }
    parts = parts_named(to_safety_plan)
    nothing_given = all(value is None for value in answers.values())
    # `--add-to-safety-plan whom-i-tell` alone moves the part as it is already written.
    asked = nothing_given and not parts
    if asked:
        state.require(
            ["--warning-signs, --what-i-will-do, --whom-i-tell or --when-to-contact"],
            "ipt staying-well edit --warning-signs 'Staying in bed'",
        )
    journal = state.journal()
    written = journal.staying_well.get().parts()
    if asked:
        from ipt_journal.wizards.staying_well import staying_well_wizard

        answers = staying_well_wizard(journal.staying_well.get())
    plan_in = validate(StayingWellIn, answers)
    texts = {part: written[part] if text is None else text for part, text in answers.items()}
    check_parts_given(parts, texts)
    if asked:
        from ipt_journal.wizards.staying_well import ask_moves

        parts = ask_moves(answers)
    from ipt_journal.clinical.vocab import STAYING_WELL
    from ipt_journal.models import SafetyPlanItemIn

    with journal.writing():
        if not nothing_given or asked:
            journal.staying_well.insert(plan_in)
        for part in parts:
            journal.safety_plan.insert(SafetyPlanItemIn(step=STAYING_WELL[part][1], text=texts[part]))
    if not nothing_given or asked:
        messages.note("Saved your staying-well plan. See it with: ipt staying-well")
    moved_note(parts)


@app.command("move-copies")
def move_copies(
    ctx: typer.Context,
    entry: Annotated[
        list[int] | None,
        typer.Option("--id", metavar="ID", help="A copied entry to move (repeat for more)."),
    ] = None,
    move_all: Annotated[bool, typer.Option("--all", help="Move every copied entry.")] = False,
) -> None:
    """Move review copies out of the safety plan.

    Earlier versions of ipt copied the review's warning signs and relapse plan into steps 1
    and 2 of your safety plan; this moves them to your staying-well plan, asking one by one
    (default No)."""
    state = session(ctx)
    journal = state.journal()
    copies = journal.safety_plan.copied_from_reviews()
    if not copies:
        messages.note("Your safety plan holds nothing copied from your review; nothing to move.")
        return
    if entry or move_all:
        chosen = [item.id for item in copies] if move_all else list(dict.fromkeys(entry or []))
    else:
        state.require(["--id ID or --all"], "ipt staying-well move-copies --all")
        from ipt_journal.wizards.course import copies_to_move

        chosen = copies_to_move(copies)
    if not chosen:
        messages.note("Nothing was moved; your safety plan is as it was.")
        return
    journal.staying_well.take_back(chosen)
    messages.note(
        f"Moved {messages.count(len(chosen), 'entry', 'entries')} to your staying-well plan: ipt staying-well"
    )
