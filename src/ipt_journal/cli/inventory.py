"""`ipt inventory`: the important people in your life, past and present."""

from typing import TYPE_CHECKING, Annotated

import typer

from ipt_journal.cli.context import YesOpt, command_group, session
from ipt_journal.cli.inventory_options import (
    PERSON_FLAGS,
    Area,
    CannotTalk,
    CanTalk,
    Change,
    Confide,
    Died,
    Disagree,
    Freq,
    Holidays,
    JsonOpt,
    Met,
    MyExp,
    Name,
    NameArg,
    Notes,
    Rel,
    Resolved,
    Ring,
    Satisfying,
    Stage,
    Stat,
    TheirExp,
    Together,
    Unsatisfying,
    given_flags,
)
from ipt_journal.clinical.vocab import (
    ProblemArea,
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
    fields = given_flags(locals())
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


def _after_the_gap(journal: "Journal") -> "dt.date | None":
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


def _mood_by_how_it_went(journal: "Journal", name: str) -> "PersonMood | None":
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
    changes = given_flags(locals())
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


def _stage_belongs_to_course(journal: "Journal", name: str, fields: dict, changes: dict) -> None:
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
