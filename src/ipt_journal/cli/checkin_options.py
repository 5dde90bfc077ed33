"""The options a new check-in and its edit share (the one-line form takes some too), and
the parsing of the values a check-in's flags carry."""

import re
from typing import Annotated

import typer

from ipt_journal.cli import completion
from ipt_journal.errors import InputError

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


def questionnaire_answers(phq9: str | None, gad7: str | None) -> dict[str, list[int | None]]:
    """--phq9 and --gad7 as answers, by scale (the scales load only when one was given)."""
    if not (phq9 or gad7):
        return {}
    from ipt_journal.clinical.scales import GAD7, PHQ9

    return {
        scale.key: scale.parse(text, f"--{scale.key}") for scale, text in ((PHQ9, phq9), (GAD7, gad7)) if text
    }


def parse_goal_rating(text: str) -> dict:
    """'1:7' -> {'goal_id': 1, 'rating': 7}."""
    goal_id, colon, rating = text.partition(":")
    try:
        if not (
            re.fullmatch(r"[0-9]+", goal_id.strip().lstrip("#")) and re.fullmatch(r"[0-9]+", rating.strip())
        ):
            raise ValueError("ASCII digits only")
        number, value = int(goal_id.strip().lstrip("#")), int(rating.strip())
    except ValueError:
        raise InputError(
            f"Write --goal as ID:PROGRESS, with PROGRESS from 0 to 10, got {text!r}.",
            "For example: --goal 1:7",
        ) from None
    if not colon or not 0 <= value <= 10:
        raise InputError(f"A goal's progress must be a whole number from 0 to 10, got {text!r}.")
    return {"goal_id": number, "rating": value}
