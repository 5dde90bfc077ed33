"""`ipt inventory`: the important people in your life, past and present."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from ipt_journal.cli import completion
from ipt_journal.cli.context import YesOpt, command_group, session
from ipt_journal.clinical.vocab import (
    Contact,
    DisputeStage,
    ExpectationsMet,
    ProblemArea,
    Relationship,
    Status,
)
from ipt_journal.text import messages
from ipt_journal.text.safe_text import shell_word
from ipt_journal.wizards.people import person_wizard

if TYPE_CHECKING:
    import datetime as dt

    from ipt_journal.insight.relationships import PersonMood
    from ipt_journal.store import Journal

app = command_group(
    help="The interpersonal inventory: the people who matter, and how things are with each.",
    no_args_is_help=True,
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


def _given(values: dict) -> dict:
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


@app.command()
def add(
    ctx: typer.Context,
    name: Name = None,
    relationship: Rel = None,
    status: Stat = None,
    closeness: Ring = None,
    contact: Freq = None,
    satisfying: Satisfying = None,
    unsatisfying: Unsatisfying = None,
    their_expectations: TheirExp = None,
    my_expectations: MyExp = None,
    expectations_met: Met = None,
    can_confide: Confide = None,
    together: Together = None,
    disagreements: Disagree = None,
    resolved: Resolved = None,
    can_talk_about: CanTalk = None,
    cannot_talk_about: CannotTalk = None,
    change: Change = None,
    problem_area: Area = None,
    dispute_stage: Stage = None,
    notes: Notes = None,
    died_on: Died = None,
    holidays: Holidays = None,
) -> None:
    """Add someone to your inventory.

    With no flags in a terminal, a short wizard asks."""
    from ipt_journal.models import PersonIn, validate

    state = session(ctx)
    fields = _given(locals())
    missing = [PERSON_FLAGS[f] for f in ("name", "relationship") if f not in fields]
    state.require(missing, "ipt inventory add --name Sam --relationship partner --closeness 1")
    journal = state.journal()
    if missing:
        # Check what the flags gave before asking for the rest, so no answer is typed in vain.
        validate(PersonIn, {"name": "placeholder", "relationship": "other", **fields})
        if "name" in fields:
            journal.people.check_name_free(fields["name"])
        fields = person_wizard(fields, asked_for_new=True, journal=journal)
    person = journal.people.add(validate(PersonIn, fields))
    messages.person_saved(person, "Added")


@app.command("list")
def list_people(
    ctx: typer.Context,
    limit: Annotated[
        int | None, typer.Option("--limit", "-n", metavar="N", help="Only the first N.", show_default=False)
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    """Everyone in your inventory, closest first."""
    from ipt_journal.cli.listing import check_limit
    from ipt_journal.render.people import people_table

    check_limit(limit)
    people = session(ctx).journal().people.all()[:limit]
    if as_json:
        messages.print_json(messages.plain(people))
    else:
        people_table(people)


@app.command()
def circle(
    ctx: typer.Context,
    weeks: Annotated[
        int, typer.Option("--weeks", metavar="N", help="How far back 'lately' reaches, 1 to 520 weeks.")
    ] = 8,
    as_json: JsonOpt = False,
) -> None:
    """Everyone on three rings of closeness, with how time together went.

    The closeness circle: everyone on three rings, marked by how time together went lately."""
    import datetime as dt

    from ipt_journal.insight.relationships import closeness_circle
    from ipt_journal.text.dates import check_weeks

    check_weeks(weeks)
    places = closeness_circle(session(ctx).journal(), dt.date.today(), weeks)
    if as_json:
        messages.print_json({"weeks": weeks, "people": messages.plain(places)})
        return
    from ipt_journal.render.charts import closeness_circle as draw
    from ipt_journal.render.common import new_console

    console = new_console()
    if not places:
        console.print("Your inventory is empty. Add the people who matter: ipt inventory add")
        return
    draw(console, places, weeks)


@app.command()
def show(ctx: typer.Context, name: NameArg, as_json: JsonOpt = False) -> None:
    """Everything about one person, and how your time together has gone."""
    from ipt_journal.render.people import person_detail

    journal = session(ctx).journal()
    person = journal.people.named(name)
    # Contact figures are for the living: someone who has died is remembered, not seen.
    alive = person.status != "deceased"
    summary = (
        journal.people.contact_summary(person.id, compare_from=_after_the_gap(journal)) if alive else None
    )
    events = journal.events.with_person(person.id)
    mood = _mood_by_how_it_went(journal, person.name) if alive else None
    incidents = journal.incidents.all(person=person.name)
    if as_json:
        from ipt_journal.cli.event import event_json

        messages.print_json(
            {
                **messages.plain(person),
                "contact_summary": messages.plain(summary),
                "events": [event_json(event) for event in events],
                "mood_by_how_it_went": messages.plain(mood),
                "incidents": [
                    {"id": i.id, "day": i.day, "quality": i.quality, "what_happened": i.what_happened}
                    for i in incidents
                ],
            }
        )
    else:
        person_detail(person, summary, events, mood, incidents)


def _after_the_gap(journal: Journal) -> dt.date | None:
    """The first day after the journal's latest gap of months without a check-in, from which
    mood with and without someone is compared; None without such a gap. From the first
    check-in: a life event dated months before it is no gap in the check-ins."""
    import datetime as dt

    from ipt_journal.insight.gaps import last_gap

    first = journal.patterns.first_checkin_day()
    if first is None:
        return None
    gap = last_gap(journal, dt.date.fromisoformat(first), dt.date.today())
    return gap.compared_from if gap and gap.last_empty else None


def _mood_by_how_it_went(journal: Journal, name: str) -> PersonMood | None:
    """Over the whole journal: mood by how it went with them, and the link (insight.py)."""
    import datetime as dt

    from ipt_journal.insight.relationships import people_insight

    first = journal.patterns.first_day()
    if first is None:
        return None
    insight = people_insight(journal, dt.date.fromisoformat(first), dt.date.today())
    return next((mood for mood in insight.moods if mood.name == name), None)


@app.command()
def edit(
    ctx: typer.Context,
    current_name: NameArg,
    name: Name = None,
    relationship: Rel = None,
    status: Stat = None,
    closeness: Ring = None,
    contact: Freq = None,
    satisfying: Satisfying = None,
    unsatisfying: Unsatisfying = None,
    their_expectations: TheirExp = None,
    my_expectations: MyExp = None,
    expectations_met: Met = None,
    can_confide: Confide = None,
    together: Together = None,
    disagreements: Disagree = None,
    resolved: Resolved = None,
    can_talk_about: CanTalk = None,
    cannot_talk_about: CannotTalk = None,
    change: Change = None,
    problem_area: Area = None,
    dispute_stage: Stage = None,
    notes: Notes = None,
    died_on: Died = None,
    holidays: Holidays = None,
) -> None:
    """Change someone's entry: flags for what changes, or a wizard.

    Give flags for what changes (an empty value clears a text), or none in a terminal to
    walk through the wizard pre-filled."""
    from ipt_journal.models import PersonIn, validate

    state = session(ctx)
    changes = _given(locals())
    state.require(
        [] if changes else ["the flags for what to change"],
        f"ipt inventory edit {shell_word(current_name)} --closeness 2",
    )
    journal = state.journal()
    person = journal.people.named(current_name)
    if changes:
        fields = {**person.fields(), **changes}
    else:
        fields = person_wizard(person.fields(), asked_for_new=False, journal=journal)
    _stage_belongs_to_course(journal, person.name, fields, changes)
    if fields.get("problem_area") != ProblemArea.role_dispute.value and "dispute_stage" not in changes:
        fields["dispute_stage"] = None  # a stage means nothing once the area is not a dispute
    updated = journal.people.update(person.id, validate(PersonIn, fields))
    messages.person_saved(updated, "Updated")


def _stage_belongs_to_course(journal: Journal, name: str, fields: dict, changes: dict) -> None:
    """The course's dispute person's stage without role-dispute as their own area: the stage
    is the course's, recorded week by week, so say the command that records it (before any
    write) rather than only that the area is wrong."""
    from ipt_journal.errors import InputError

    stage = changes.get("dispute_stage")
    if not stage or fields.get("problem_area") == ProblemArea.role_dispute.value:
        return
    course = journal.course.current()
    if course is None or course.ended_on or course.dispute_person != name:
        return
    value = getattr(stage, "value", stage)
    raise InputError(
        f"{name} is your course's dispute person: the dispute's stage is recorded for the course, "
        "week by week, not on their entry. Nothing was changed.",
        f"Run: ipt pathway week --stage {value} (this week; --date for another), or give "
        f"--problem-area role-dispute too to mark it on {name}'s entry as well.",
    )


@app.command()
def remove(ctx: typer.Context, name: NameArg, yes: YesOpt = False) -> None:
    """Remove someone, with their interactions (your check-ins stay)."""

    state = session(ctx)
    journal = state.journal()
    person = journal.people.named(name)
    state.require([] if yes else ["--yes"], f"ipt inventory remove {shell_word(person.name)} --yes")
    messages.removal_warning(person, journal.people.footprint(person.id))
    if not state.confirm(yes, f"Remove {person.name}?"):
        messages.note("Nothing was removed.")
        return
    journal.people.remove(person.id)
    messages.note(f"Removed {person.name}.")
