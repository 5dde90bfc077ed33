"""The `ipt` command: global options, the error edge, and the command groups.

Commands are thin: parse options, call the store or a domain function, hand the
result to `render`. Heavy modules (pydantic models, Rich, questionary) are imported
inside the commands that use them, so `ipt --help` and reports start fast.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated

import typer
from typer.core import TyperGroup

from ipt_journal import __version__
from ipt_journal.cli import checkin, course, crisis, inventory, measure, report, safety_plan
from ipt_journal.cli.session import Session
from ipt_journal.errors import IptError
from ipt_journal.paths import ENV_DB

DEBUG_ENV = "IPT_DEBUG"
COMMAND_ORDER = [
    "start",
    "course",
    "inventory",
    "checkin",
    "measure",
    "goals",
    "report",
    "review",
    "safety-plan",
    "crisis",
    "config",
]


def _debug() -> bool:
    return os.environ.get(DEBUG_ENV, "") not in ("", "0")


class IptGroup(TyperGroup):
    """The root group: the one place user errors become messages and exit codes."""

    def list_commands(self, ctx):
        # In the order a person meets them, not the order Typer registered them.
        names = super().list_commands(ctx)
        return sorted(
            names, key=lambda name: COMMAND_ORDER.index(name) if name in COMMAND_ORDER else len(names)
        )

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except (typer.TyperException, typer.Exit, typer.Abort):
            raise
        except IptError as error:
            if _debug():
                raise
            _print_error(error.message, error.hint)
            raise typer.Exit(error.exit_code) from None
        except KeyboardInterrupt:
            if _debug():
                raise
            print("\nCancelled. Nothing was saved.", file=sys.stderr)
            raise typer.Exit(130) from None
        except Exception as error:  # a bug: say so without showing journal data
            if _debug():
                raise
            _print_error(
                f"ipt hit an unexpected problem ({type(error).__name__}); this is a bug. "
                "The step that failed was not saved.",
                f"Run again with {DEBUG_ENV}=1 to see the details.",
            )
            raise typer.Exit(1) from None


def _print_error(message: str, hint: str | None) -> None:
    print(f"Error: {message}", file=sys.stderr)
    if hint:
        print(f"  {hint}", file=sys.stderr)


app = typer.Typer(
    cls=IptGroup,
    help=(
        "A private journal for Interpersonal Psychotherapy (IPT): the people in your life, "
        "weekly check-ins, and how mood and relationships move together. "
        "It supports work with a clinician; it does not replace one."
    ),
    no_args_is_help=False,
    rich_markup_mode=None,  # plain help and usage errors: consistent with ours, and no Rich import
    add_completion=False,
    pretty_exceptions_enable=False,  # never print locals: they hold journal text
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _show_version(value: bool) -> None:
    if value:
        print(f"ipt-journal {__version__}")
        raise typer.Exit()


@app.callback(invoke_without_command=True)
def main_callback(
    ctx: typer.Context,
    db: Annotated[
        Path | None,
        typer.Option(
            "--db",
            envvar=ENV_DB,
            metavar="PATH",
            help="The journal file to use (created on first use).",
            show_default=False,
            dir_okay=False,
        ),
    ] = None,
    no_input: Annotated[
        bool,
        typer.Option("--no-input", help="Never ask questions; fail if a required value is missing."),
    ] = False,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_show_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """With no command: where you are and what to do next."""
    ctx.obj = Session(db_flag=db, no_input=no_input)
    ctx.call_on_close(ctx.obj.close)
    if ctx.invoked_subcommand is None:
        from ipt_journal import render
        from ipt_journal.report import build_dashboard

        journal = ctx.obj.journal()
        render.dashboard(build_dashboard(journal), journal.path)


app.command("start")(course.start)
app.add_typer(course.course_app, name="course")
app.add_typer(course.goals_app, name="goals")
app.add_typer(inventory.app, name="inventory")
app.add_typer(checkin.app, name="checkin")
app.add_typer(measure.app, name="measure")
app.command("report")(report.report)
app.command("review")(course.review)
app.add_typer(safety_plan.app, name="safety-plan")
app.command("crisis")(crisis.crisis)
app.add_typer(crisis.config_app, name="config")


def main() -> None:
    app(prog_name="ipt")
