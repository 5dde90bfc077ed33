"""The options of `ipt inventory add` and `edit` (one per inventory answer), and the flags
each person field comes from; `cli/inventory.py` holds the commands."""

from typing import Annotated

import typer

from ipt_journal.cli import completion
from ipt_journal.clinical.vocab import (
    Contact,
    DisputeStage,
    ExpectationsMet,
    ProblemArea,
    Relationship,
    Status,
)

NameArg = Annotated[
    str,
    typer.Argument(
        metavar="NAME",
        help="The person's name (any case).",
        show_default=False,
        autocompletion=completion.people,
    ),
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]

# The person's fields as flags; `add` and `edit` take the same ones.
Name = Annotated[str | None, typer.Option("--name", metavar="TEXT", help="Name or nickname (unique).")]
Rel = Annotated[
    Relationship | None,
    typer.Option("--relationship", case_sensitive=False, help="Who they are to you."),
]
Stat = Annotated[
    Status | None,
    typer.Option(
        "--status", case_sensitive=False, help="Current, past, or ended by death. [default: current]"
    ),
]
Ring = Annotated[
    int | None,
    typer.Option(
        "--closeness", metavar="1-3", help="Closeness circle: 1 inner, 2 middle, 3 outer.", show_default=False
    ),
]
Freq = Annotated[
    Contact | None, typer.Option("--contact", case_sensitive=False, help="How often you are in contact.")
]
Satisfying = Annotated[str | None, typer.Option("--satisfying", metavar="TEXT", help="What is satisfying.")]
Unsatisfying = Annotated[
    str | None, typer.Option("--unsatisfying", metavar="TEXT", help="What is unsatisfying or hard.")
]
TheirExp = Annotated[
    str | None, typer.Option("--their-expectations", metavar="TEXT", help="What they expect of you.")
]
MyExp = Annotated[
    str | None, typer.Option("--my-expectations", metavar="TEXT", help="What you expect of them.")
]
Met = Annotated[
    ExpectationsMet | None,
    typer.Option("--expectations-met", case_sensitive=False, help="Are expectations met?"),
]
Confide = Annotated[
    bool | None, typer.Option("--confide/--no-confide", help="Can you confide in them?", show_default=False)
]
Together = Annotated[
    str | None, typer.Option("--together", metavar="TEXT", help="What you do (or did) together.")
]
Disagree = Annotated[
    str | None, typer.Option("--disagreements", metavar="TEXT", help="How disagreements usually go.")
]
Resolved = Annotated[
    ExpectationsMet | None,
    typer.Option("--resolved", case_sensitive=False, help="Do your disagreements get resolved?"),
]
CanTalk = Annotated[
    str | None, typer.Option("--can-talk-about", metavar="TEXT", help="What you can talk about with them.")
]
CannotTalk = Annotated[
    str | None,
    typer.Option("--cannot-talk-about", metavar="TEXT", help="What you cannot talk about with them."),
]
Change = Annotated[
    str | None, typer.Option("--change", metavar="TEXT", help="What you would like to change.")
]
Area = Annotated[
    ProblemArea | None,
    typer.Option(
        "--problem-area", case_sensitive=False, help="The IPT problem area this relationship touches."
    ),
]
Stage = Annotated[
    DisputeStage | None,
    typer.Option("--dispute-stage", case_sensitive=False, help="For a role dispute: where it stands."),
]
Notes = Annotated[str | None, typer.Option("--notes", metavar="TEXT", help="Anything else.")]
Died = Annotated[
    str | None,
    typer.Option(
        "--died",
        metavar="DAY",
        help="For someone who has died: when (a day, or only the month: 2026-04).",
    ),
]
Holidays = Annotated[
    str | None,
    typer.Option(
        "--holidays",
        metavar="DAYS",
        help="For someone who has died: days that may be hard without them, each a name and "
        "MM-DD, separated by ';' (\"Christmas 12-25; her birthday 03-14\"). The dashboard says "
        "when one is near, every year. An empty value clears them.",
    ),
]

PERSON_FLAGS = {
    "name": "--name",
    "relationship": "--relationship",
    "status": "--status",
    "closeness": "--closeness",
    "contact": "--contact",
    "satisfying": "--satisfying",
    "unsatisfying": "--unsatisfying",
    "their_expectations": "--their-expectations",
    "my_expectations": "--my-expectations",
    "expectations_met": "--expectations-met",
    "can_confide": "--confide",
    "together": "--together",
    "disagreements": "--disagreements",
    "resolved": "--resolved",
    "can_talk_about": "--can-talk-about",
    "cannot_talk_about": "--cannot-talk-about",
    "change": "--change",
    "problem_area": "--problem-area",
    "dispute_stage": "--dispute-stage",
    "notes": "--notes",
    "died_on": "--died",
    "holidays": "--holidays",
}


def given_flags(values: dict) -> dict:
    """The person fields that came as flags, with choices as their stored values."""
    given = {
        field: getattr(value, "value", value)
        for field, value in values.items()
        if field in PERSON_FLAGS and value is not None
    }
    if given.get("died_on"):
        from ipt_journal.text.dates import day_or_month_text, parse_day_or_month

        # A month alone stays a month (2019-12): no day is made up for it.
        given["died_on"] = day_or_month_text(*parse_day_or_month(given["died_on"], "The day they died"))
    elif "died_on" in given:  # --died "" clears it
        given["died_on"] = None
    return given
