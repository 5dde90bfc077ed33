"""Tab completion for bash, zsh and fish (Typer's), and `ipt completion SHELL`.

The shell runs `ipt` with _IPT_COMPLETE set; `cli.main` then switches Typer's completion
on, so ordinary commands pay nothing for it. Values come from the journal through
store.lookup (read-only; nothing when it cannot be read quietly)."""

from typing import Annotated

import typer

from ipt_journal.clinical.vocab import QUALITY_LABELS, signed

COMPLETE_VAR = "_IPT_COMPLETE"
SHELLS = ("bash", "zsh", "fish")


def _journal_values(ctx: typer.Context, what: str, incomplete: str) -> list[tuple[str, str]]:
    from pathlib import Path

    from ipt_journal.paths import journal_path
    from ipt_journal.store.lookup import values

    try:
        db = ctx.find_root().params.get("db") if ctx is not None else None
        found = values(journal_path(Path(db) if db else None), what)
    except Exception:  # noqa: BLE001 - a Tab press never shows a traceback
        return []
    prefix = incomplete.casefold()
    return [(value, about) for value, about in found if value.casefold().startswith(prefix)]


def people(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    return _journal_values(ctx, "people", incomplete)


def living(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """People for --with a check-in, homework, a dispute or the safety plan: the living."""
    return _journal_values(ctx, "living", incomplete)


def exercise_people(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """`exercise start KIND --with`: someone who died only for the grief exercise."""
    kind = (ctx.params.get("kind") or "") if ctx is not None else ""
    return _journal_values(ctx, "people" if kind.strip().lower() == "grief" else "living", incomplete)


def people_with_how(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """--with NAME:HOW: the name, then the ways it went."""
    if ":" in incomplete:
        name = incomplete.rsplit(":", 1)[0]
        return [
            (f"{name}:{how}", label) for how, label in HOW_IT_WENT if f"{name}:{how}".startswith(incomplete)
        ]
    return [(f"{name}:", about) for name, about in _journal_values(ctx, "living", incomplete)]


# The wizard's words for each value (clinical.vocab), so Tab and the wizard say the same.
HOW_IT_WENT = tuple((signed(value), label) for value, label in sorted(QUALITY_LABELS.items(), reverse=True))


def tags(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    return _journal_values(ctx, "tags", incomplete)


def checkin_ids(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    return _journal_values(ctx, "checkins", incomplete)


def measure_ids(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    return _journal_values(ctx, "measures", incomplete)


def homework_ids(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    return _journal_values(ctx, "homework", incomplete)


def incident_ids(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    return _journal_values(ctx, "incidents", incomplete)


def exercise_ids(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    return _journal_values(ctx, "exercises", incomplete)


def safety_plan_ids(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    return _journal_values(ctx, "safety_plan", incomplete)


def strategies(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    from ipt_journal.clinical.coping import STRATEGIES

    built_in = [(s.key, s.name) for s in STRATEGIES.values() if s.key.startswith(incomplete.lower())]
    return built_in + _journal_values(ctx, "strategies", incomplete)


def exercise_kinds(incomplete: str) -> list[tuple[str, str]]:
    from ipt_journal.clinical.exercises import CATALOGUE

    return [(e.key, e.name) for e in CATALOGUE.values() if e.key.startswith(incomplete.lower())]


def pathway_areas(incomplete: str) -> list[tuple[str, str]]:
    from ipt_journal.clinical.pathways import PATHWAYS, area_label

    return [(area, area_label(area)) for area in PATHWAYS if area.startswith(incomplete.lower())]


def pathway_steps(incomplete: str) -> list[tuple[str, str]]:
    """Every pathway's step keys (the command checks them against the focus)."""
    from ipt_journal.clinical.pathways import PATHWAYS

    steps = {step.key: step.title for area in PATHWAYS.values() for step in area}
    return [(key, title) for key, title in steps.items() if key.startswith(incomplete.lower())]


def switch_on() -> None:
    """Register ipt's bash, zsh and fish completion (cli/shells.py): only when the shell asks."""
    from ipt_journal.cli.shells import register

    register()


def completion(
    shell: Annotated[
        str,
        typer.Argument(
            metavar="SHELL", help="bash, zsh or fish.", show_default=False, autocompletion=lambda: SHELLS
        ),
    ],
) -> None:
    """Print the Tab-completion script for your shell."""
    from ipt_journal.cli.shells import script
    from ipt_journal.errors import InputError

    if shell.strip().lower() not in SHELLS:
        from ipt_journal.text.suggest import did_you_mean

        raise InputError(f"ipt completes in bash, zsh and fish, got {shell!r}.", did_you_mean(shell, SHELLS))
    print(script(shell.strip().lower(), COMPLETE_VAR))
