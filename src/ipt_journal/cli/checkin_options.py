"""The options a new check-in and its edit share (the one-line form takes some too)."""

from typing import Annotated

import typer

from ipt_journal.cli import completion

DateOpt = Annotated[
    str | None,
    typer.Option(
        "--date",
        metavar="DAY",
        help="The day: YYYY-MM-DD, yesterday, 'last friday', '3 days ago', 'nov 2'. [default: today]",
        show_default=False,
    ),
]
MoodOpt = Annotated[
    int | None, typer.Option("--mood", metavar="0-10", help="Mood from 0 (worst) to 10 (best).")
]
WithOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--with",
        metavar="NAME:HOW[:WORDS]",
        help=(
            "Someone you spent time with and how it went, HOW from -2 (very badly) "
            "to +2 (very well): 'Sam:+1'; and, if you like, one line on what happened: "
            "'Sam:-1:argued about the move'. Repeat per person."
        ),
        show_default=False,
        autocompletion=completion.people_with_how,
    ),
]
NoteOpt = Annotated[str | None, typer.Option("--note", metavar="TEXT", help="A note about the week.")]
TagOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--tag",
        metavar="TAG",
        help="A tag; repeat for more.",
        show_default=False,
        autocompletion=completion.tags,
    ),
]
IdArg = Annotated[
    int,
    typer.Argument(
        metavar="ID",
        help="The check-in's id (see: ipt checkin list).",
        show_default=False,
        autocompletion=completion.checkin_ids,
    ),
]
