"""The options for an exercise's answers, shared by `ipt exercise start` and `ipt pathway
next` (a module of their own, so `ipt pathway` does not import the exercise commands)."""

from typing import Annotated

import typer

AnswerOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--answer",
        metavar="QUESTION=TEXT",
        show_default=False,
        help="An answer by its question's key (see ipt exercise show-questions KIND); repeat for "
        "more, and for each line of a list.",
    ),
]
MoodBeforeOpt = Annotated[int | None, typer.Option("--mood-before", metavar="0-10", show_default=False)]
MoodAfterOpt = Annotated[int | None, typer.Option("--mood-after", metavar="0-10", show_default=False)]
HomeworkOpt = Annotated[
    bool | None,
    typer.Option(
        "--homework/--no-homework", help="Turn the plan into homework. [default: ask]", show_default=False
    ),
]
