"""`ipt checkin 6 "dinner with Sam+1 #family"`: a check-in in one line (text/one_line.py reads it)."""

import datetime as dt
from typing import Annotated

import typer
from typer.core import TyperCommand

from ipt_journal.cli.checkin_options import DateOpt, TagOpt, WithOpt
from ipt_journal.cli.context import command_group, session
from ipt_journal.cli.framework import Context
from ipt_journal.errors import InputError
from ipt_journal.text import messages


class _OneLineContext(Context):
    """Its usage and help name the command as it was typed, `ipt checkin`, not by the
    hidden name it is routed through."""

    @property
    def command_path(self) -> str:
        return self.parent.command_path if self.parent else super().command_path


class OneLineCommand(TyperCommand):
    context_class = _OneLineContext


def one_line(
    ctx: typer.Context,
    mood: Annotated[str, typer.Argument(metavar="MOOD", help="Mood from 0 (worst) to 10 (best).")],
    words: Annotated[
        list[str] | None,
        typer.Argument(metavar="NOTE", help="The note: #tags and people's names (Sam+1) in it count."),
    ] = None,
    date: DateOpt = None,
    with_: WithOpt = None,
    tag: TagOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print what was saved as JSON.")] = False,
) -> None:
    """A check-in in one line: ipt checkin 6 "dinner with Sam+1 #family"."""
    from ipt_journal.cli.checkin import EXAMPLE_ONE_LINE, LOW_MOOD, LOW_MOOD_LINE, _given
    from ipt_journal.models import CheckinIn, validate
    from ipt_journal.text.one_line import parse_line

    given = ctx.parent.params if ctx.parent else {}  # flags written before the mood
    for flag, key in (("--mood", "mood"), ("--note", "note"), ("--phq9", "phq9"), ("--gad7", "gad7")):
        if given.get(key) is not None:
            raise InputError(
                f"{flag} does not go with a check-in in one line.",
                f"Write the mood first and the note after it: {EXAMPLE_ONE_LINE}",
            )
    journal = session(ctx).journal()
    living, died = journal.people.names()
    entry = parse_line(mood, words or [], living, died)
    fields = _given(
        date or given.get("date"),
        entry.mood,
        [*(given.get("with_") or []), *(with_ or [])],
        entry.note,
        list(dict.fromkeys([*entry.tags, *(given.get("tag") or []), *(tag or [])])),
    )
    flagged = {person["name"].casefold() for person in fields["people"]}
    fields["people"] = [p for p in entry.people if str(p["name"]).casefold() not in flagged] + fields[
        "people"
    ]
    fields.setdefault("day", dt.date.today())
    checkin = validate(CheckinIn, fields)
    journal.checkins.check_names(checkin)
    saved = journal.checkins.add(checkin)
    if as_json or given.get("as_json"):
        messages.print_json({"checkin": messages.plain(saved)})
        return
    messages.checkin_saved(saved, "Saved")
    unsaid = [
        str(p["name"])
        for p in entry.people
        if p["quality"] is None and str(p["name"]).casefold() not in flagged
    ]
    if unsaid:
        messages.note(f"Next time, a sign after a name says how it went: {unsaid[0]}+1, {unsaid[0]}-2.")
    if saved.mood <= LOW_MOOD:
        messages.note(LOW_MOOD_LINE)


ONE_LINE = "one-line"  # the hidden name `ipt checkin 6 "..."` is routed through (cli/checkin.py)
one_line_app = command_group()
one_line_app.command(ONE_LINE, hidden=True, cls=OneLineCommand)(one_line)
