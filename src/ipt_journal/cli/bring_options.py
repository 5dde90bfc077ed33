"""`--bring`, a question or topic for the next session, given with what it came up in: a
check-in, an exercise, a life event (and saved with it by `things_to_bring`)."""

import datetime as dt
from typing import Annotated

import typer

BringOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--bring",
        metavar="TEXT",
        help="A question or topic to bring to your next session; repeatable.",
        show_default=False,
    ),
]


def things_to_bring(texts: list[str] | None, day: dt.date, source: str) -> list:
    """--bring values as validated BringIn records, to save with what they came with."""
    if not texts:
        return []  # nothing to validate: the models of the things to bring need not load
    from ipt_journal.models import BringIn, validate

    return [validate(BringIn, {"text": text, "added_on": day, "source": source}) for text in texts]
