"""The `ipt` command: global options, the error edge, and the command groups.

Commands are thin: parse options, call the store or a domain function, hand the
result to `render` or `messages`. Heavy modules (pydantic models, Rich, questionary)
are imported inside the commands that use them, and each command's module is loaded
only when that command runs, so every command starts fast.
"""

import os
import sys
from pathlib import Path
from types import FrameType
from typing import Annotated, Any, NoReturn

import typer

from ipt_journal import __version__, output
from ipt_journal.cli.context import Session
from ipt_journal.cli.framework import Command, CompletionItem, Context, HelpFormatter, UsageError
from ipt_journal.cli.lazy import LazyGroup
from ipt_journal.errors import IptError
from ipt_journal.paths import ENV_DB

DEBUG_ENV = "IPT_DEBUG"
# Every command, in sections as `ipt --help` shows them and in the order a person meets
# them: where it lives in ipt_journal.cli (a Typer app, that is a group of commands, or
# one function) and its line in that list. The lines live here so `ipt --help` loads no
# command's module; each command's own --help says more.
SECTIONS = {
    "Your course": {
        "start": ("start", "start", "Begin your course: focus, goals, baseline questionnaires."),
        "course": ("course", "course_app", "Where you are in your course; extend or end it."),
        "goals": ("goals", "goals_app", "Your 1 to 3 goals for the course, and progress on each."),
        "review": ("review", "review", "Look back at the end of the course."),
        "staying-well": ("staying_well", "app", "Your staying-well plan, for after the course."),
    },
    "Week by week": {
        "inventory": ("inventory", "app", "The people who matter, and how things are with each."),
        "checkin": ("checkin", "app", "Record mood, who you saw and how it went; list or edit."),
        "measure": ("measure", "app", "Take the PHQ-9 or GAD-7, or see past results."),
        "exercise": ("exercise", "app", "Guided exercises in how you talk with people."),
        "pathway": ("pathway", "app", "Your focus's pathway: the next step, and progress so far."),
        "homework": ("homework", "app", "Homework between sessions: what is due, how it went."),
        "event": ("event", "app", "Life events with people: losses, moves, new roles, conflicts."),
        "report": ("report", "report", "Your mood week by week, and with the people you see."),
        "chart": ("chart", "chart", "Your mood as a chart over a longer span, with the PHQ-9."),
        "timeline": ("timeline", "timeline", "Life events beside mood, over months or years."),
        "search": ("search", "search", "Find anything you wrote: notes, tags, answers, plans, goals."),
        "remind": ("remind", "app", "A weekly reminder to check in, run by your system's scheduler."),
    },
    "With your therapist": {
        "session": ("therapy", "app", "Therapy sessions: what you worked on and agreed."),
        "bring": ("therapy", "bring", "Questions and topics to bring to your next session."),
        "prep": ("prep", "prep", "Since your last session, on one screen: ready for the next."),
    },
    "In a hard moment": {
        "crisis": ("crisis", "crisis", "Crisis lines right away, and your safety plan."),
        "safety-plan": ("safety_plan", "app", "Your safety plan: signs, coping, people, help."),
        "cope": ("cope", "app", "Coping strategies for a hard moment; log which helped."),
        "breathe": ("cope", "breathe", "A guided breathing exercise."),
    },
    "Your data": {
        "backup": ("data", "backup", "Make a checked copy of the journal."),
        "restore": ("data", "restore", "Replace the journal with a backup."),
        "doctor": ("data", "doctor", "Check the journal's health, and where it lives."),
        "export": ("data", "export", "Export everything as JSON, CSV or Markdown."),
        "import": ("importing", "import_", "Merge a JSON export, a Daylio export or any CSV of moods."),
        "wipe": ("data", "wipe", "Delete the journal and the backups ipt made."),
        "encrypt": ("encryption", "encrypt", "Protect the journal with a passphrase."),
        "decrypt": ("encryption", "decrypt", "Turn an encrypted journal back into a plain one."),
        "passphrase": ("encryption", "passphrase_app", "Change the passphrase, or keep it in your keyring."),
        "config": ("config", "config_app", "Settings kept outside the journal (your country)."),
        "completion": ("completion", "completion", "Tab completion for bash, zsh or fish."),
    },
}
COMMANDS = {name: entry for section in SECTIONS.values() for name, entry in section.items()}


def _debug(ctx: Context) -> bool:
    """--debug or IPT_DEBUG=1: errors as Python tracebacks (which may show journal text)."""
    flag = isinstance(ctx.obj, Session) and ctx.obj.debug
    return flag or os.environ.get(DEBUG_ENV, "") not in ("", "0")


MEASURE_NAMES = ("phq9", "gad7", "wsas")


class IptGroup(LazyGroup):
    """The root group: the one place user errors become messages and exit codes. Only the
    command being run is loaded (cli/lazy.py)."""

    PLACES = {name: (module, attribute) for name, (module, attribute, _) in COMMANDS.items()}

    def format_commands(self, ctx: Context, formatter: HelpFormatter) -> None:
        """The commands in sections (Click lists them in one block, loading each for its help)."""
        width = max(map(len, COMMANDS))
        for title, commands in SECTIONS.items():
            with formatter.section(title):
                formatter.write_dl([(name.ljust(width), line) for name, (_, _, line) in commands.items()])

    def shell_complete(self, ctx: Context, incomplete: str) -> list[CompletionItem]:
        """Command names with their lines from the table, then the root options. Typer's
        own would load every command's module to read its help: a Tab press would cost
        more than the command it completes."""
        names = [
            CompletionItem(name, help=line)
            for name, (_, _, line) in COMMANDS.items()
            if name.startswith(incomplete)
        ]
        return names + Command.shell_complete(self, ctx, incomplete)

    def format_epilog(self, ctx: Context, formatter: HelpFormatter) -> None:
        from ipt_journal.cli.examples import epilog

        self.epilog = epilog("ipt")
        super().format_epilog(ctx, formatter)

    def resolve_command(self, ctx: Context, args: list[str]) -> tuple[str | None, Command | None, list[str]]:
        """Typer suggests from the commands it has loaded, which here is none: suggest from
        the command table instead."""
        try:
            return super().resolve_command(ctx, args)
        except UsageError as error:
            if args and "Did you mean" not in error.message and args[0] not in COMMANDS:
                from ipt_journal.text.suggest import did_you_mean

                hint = did_you_mean(args[0], COMMANDS)
                if args[0].lower() in MEASURE_NAMES:  # the questionnaires live under `ipt measure`
                    hint = f"Did you mean 'ipt measure {args[0].lower()}'?"
                if hint:
                    error.message = f"{error.message.rstrip('.')}. {hint}"
            raise

    def invoke(self, ctx: Context) -> Any:
        _editor_text(keep=False)  # from an earlier command of this process (tests run many)
        try:
            result = super().invoke(ctx)
            _editor_text(keep=False)
            return result
        except UsageError as error:
            _say_where_a_global_option_goes(ctx, error)
            raise
        except (typer.TyperException, typer.Exit, typer.Abort, BrokenPipeError):
            raise  # Typer's own handling: usage errors, exits, and a reader that went away
        except IptError as error:
            _traceback_if_debug(ctx)
            _print_error(error.message, error.hint)
            _editor_text(keep=True)
            raise typer.Exit(error.exit_code) from None
        except KeyboardInterrupt:
            _traceback_if_debug(ctx)
            # Most commands save once, at the end; `ipt start` saves each person and
            # questionnaire as soon as it is complete.
            kept = isinstance(ctx.obj, Session) and ctx.obj.saved_something
            what = "What was complete is saved; the rest was not." if kept else "Nothing was saved."
            if kept and ctx.obj.cancel_note:
                what = ctx.obj.cancel_note
            print(f"\nCancelled. {what}", file=sys.stderr)
            _editor_text(keep=True)
            raise typer.Exit(130) from None
        except Exception as error:  # a bug: say so without showing journal data
            _traceback_if_debug(ctx)
            _print_error(
                f"ipt hit an unexpected problem ({type(error).__name__}); this is a bug. "
                "The step that failed was not saved.",
                f"Run again with --debug (or {DEBUG_ENV}=1) to see the details.",
            )
            _editor_text(keep=True)
            raise typer.Exit(1) from None


def _say_where_a_global_option_goes(ctx: Context, error: UsageError) -> None:
    """`ipt search walk --plain`: --plain is ipt's own option, written before the command;
    the usage error says so instead of only "No such option"."""
    option = getattr(error, "option_name", None)  # set on Click's "No such option" error
    if not option or error.ctx is None or error.ctx is ctx:
        return
    if any(option in param.opts for param in ctx.command.params):
        command = error.ctx.command_path.split(" ", 1)[-1]
        error.message = (
            f"{error.message.rstrip('.')}. {option} is one of ipt's own options and goes before "
            f"the command: ipt {option} {command} ..."
        )
        if hasattr(error, "possibilities"):
            error.possibilities = []  # the command's own options are not what was meant


def _editor_text(keep: bool) -> None:
    """What $EDITOR gave back to a command: kept as drafts when the command failed after the
    editor closed (and said where), else forgotten. Only if the editor ran at all."""
    editor = sys.modules.get("ipt_journal.editor")
    if editor is None:
        return
    if not keep:
        editor.forget_unsaved()
        return
    from ipt_journal.text.safe_text import for_terminal

    for draft in editor.keep_unsaved():
        print(
            f"What you wrote in the editor is kept at {for_terminal(str(draft))} "
            "(readable only by you, not encrypted).",
            file=sys.stderr,
        )


def _traceback_if_debug(ctx: Context) -> None:
    """With --debug, the traceback first; the message and exit code stay the same as without."""
    if _debug(ctx):
        import traceback

        traceback.print_exc(file=sys.stderr)


def _print_error(message: str, hint: str | None) -> None:
    from ipt_journal.text.safe_text import for_terminal  # an error may echo what was just typed

    print(f"Error: {for_terminal(message)}", file=sys.stderr)
    if hint:
        print(f"  {for_terminal(hint)}", file=sys.stderr)


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
    plain: Annotated[
        bool,
        typer.Option(
            "--plain",
            help="Plain output for screen readers: no box drawing or bars (also when TERM=dumb).",
        ),
    ] = False,
    no_pager: Annotated[
        bool, typer.Option("--no-pager", help="Never show long lists through $PAGER.")
    ] = False,
    debug: Annotated[
        bool,
        typer.Option(
            "--debug",
            help=f"Show errors as Python tracebacks, which may quote journal text (also {DEBUG_ENV}=1).",
        ),
    ] = False,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_show_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """With no command: where you are and what to do next."""
    output.configure(plain=plain, pager=not no_pager)
    ctx.obj = Session(db_flag=db, no_input=no_input, debug=debug)
    ctx.call_on_close(ctx.obj.close)
    if ctx.invoked_subcommand is None:
        from ipt_journal.insight.dashboard import build_dashboard
        from ipt_journal.render.dashboard import dashboard

        journal = ctx.obj.journal()
        dashboard(build_dashboard(journal), journal.path)


def _terminated(signum: int, frame: FrameType | None) -> NoReturn:
    # SIGTERM ends ipt like Ctrl-C's cousin: cleanup handlers run, temporary files go.
    raise SystemExit(128 + signum)


def main() -> None:
    import signal

    signal.signal(signal.SIGTERM, _terminated)

    if "_IPT_COMPLETE" in os.environ:  # the shell asks for Tab completions (cli/completion.py)
        from ipt_journal.cli.completion import switch_on

        switch_on()
    app(prog_name="ipt")
