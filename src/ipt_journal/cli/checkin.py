"""`ipt checkin`: how the week went, and with whom."""

import datetime as dt
from typing import TYPE_CHECKING, Annotated, Any

import typer

from ipt_journal.cli.bring_options import BringOpt, things_to_bring
from ipt_journal.cli.checkin_line import ONE_LINE
from ipt_journal.cli.checkin_options import (
    DateOpt,
    IdArg,
    MoodOpt,
    NoteOpt,
    TagOpt,
    WithOpt,
    parse_goal_rating,
    questionnaire_answers,
)
from ipt_journal.cli.checkin_people import WhatHappenedOpt, add_what_happened, parse_with
from ipt_journal.cli.context import (
    EditOpt,
    Gad7DifficultyOpt,
    Phq9DifficultyOpt,
    YesOpt,
    command_group,
    session,
)
from ipt_journal.cli.lazy import LazyGroup
from ipt_journal.errors import InputError
from ipt_journal.text import messages

if TYPE_CHECKING:
    from collections.abc import Callable

    from ipt_journal.cli.context import Session
    from ipt_journal.cli.framework import Command, Context
    from ipt_journal.models import HomeworkClosing, MeasureIn, PersonIn
    from ipt_journal.store import Journal


class CheckinGroup(LazyGroup):
    """`ipt checkin 6 "a note"`: a first word that starts with a digit is a mood, so the
    one-line form goes to its own command instead of being read as a command's name. The
    subcommands load only when run (cli/lazy.py): a check-in converts none of them."""

    PATH = "ipt checkin"
    PLACES = {
        "list": ("checkin_list", "list_checkins"),
        "show": ("checkin", "show"),
        "edit": ("checkin", "edit"),
        "delete": ("checkin", "delete"),
        ONE_LINE: ("checkin_line", "one_line_app"),
    }

    def resolve_command(
        self, ctx: "Context", args: list[str]
    ) -> "tuple[str | None, Command | None, list[str]]":
        if args and args[0][:1].isdigit():
            for word in args[1:]:
                flag = word.split("=", 1)[0]
                if flag in WIZARD_ONLY_FLAGS:
                    raise InputError(
                        f"{flag} does not go with a check-in in one line.",
                        f"Write the flags instead of the mood and note: {EXAMPLE}",
                    )
            return ONE_LINE, self.get_command(ctx, ONE_LINE), args
        return super().resolve_command(ctx, args)


# The flags of the full check-in that the one-line form does not take (it takes --date,
# --with, --tag and --json): named as such instead of "No such option".
WIZARD_ONLY_FLAGS = frozenset(
    {
        "--mood",
        "--note",
        "--phq9",
        "--gad7",
        "--phq9-difficulty",
        "--gad7-difficulty",
        "--goal",
        "--bring",
        "--edit",
    }
)
app = command_group(
    help=(
        "Record a check-in (mood, people, note, tags), or list, show, edit and delete them. "
        'In one line: ipt checkin 6 "dinner with Sam+1 #family".'
    ),
    invoke_without_command=True,
    cls=CheckinGroup,
)

EXAMPLE = "ipt checkin --mood 6 --with 'Sam:+1' --note 'Dinner with Sam'"
EXAMPLE_ONE_LINE = 'ipt checkin 6 "dinner with Sam+1 #family"'
LOW_MOOD = 1  # a mood this low ends the check-in with one gentle pointer, no alarm
LOW_MOOD_LINE = (
    "That sounds like a hard week. If it would help, `ipt cope` has a few things to try now, "
    "and `ipt crisis` shows who you can talk to, any time."
)


@app.callback()
def checkin(
    ctx: typer.Context,
    date: DateOpt = None,
    mood: MoodOpt = None,
    with_: WithOpt = None,
    what_happened: WhatHappenedOpt = None,
    note: NoteOpt = None,
    tag: TagOpt = None,
    phq9: Annotated[
        str | None, typer.Option("--phq9", metavar="0,1,...", help="PHQ-9: 9 answers 0-3.")
    ] = None,
    gad7: Annotated[
        str | None, typer.Option("--gad7", metavar="0,1,...", help="GAD-7: 7 answers 0-3.")
    ] = None,
    phq9_difficulty: Phq9DifficultyOpt = None,
    gad7_difficulty: Gad7DifficultyOpt = None,
    goal: Annotated[
        list[str] | None,
        typer.Option("--goal", metavar="ID:0-10", help="Progress on an open goal, e.g. '1:7'; repeatable."),
    ] = None,
    bring: BringOpt = None,
    edit: EditOpt = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print what was saved as JSON.")] = False,
) -> None:
    """Record a check-in. In a terminal with no --mood, a short wizard asks."""
    if ctx.invoked_subcommand is not None:
        return
    from ipt_journal.models import CheckinDraft, CheckinIn, GoalRatingIn, MeasureIn, validate

    state = session(ctx)
    fields = _given(date, mood, with_, note, tag, what_happened)
    answers = questionnaire_answers(phq9, gad7)
    difficulty = {"phq9": phq9_difficulty, "gad7": gad7_difficulty}
    ratings = {rating["goal_id"]: rating["rating"] for rating in map(parse_goal_rating, goal or [])}
    state.require([] if mood is not None else ["--mood"], EXAMPLE)
    noteless = False
    if edit:
        from ipt_journal.editor import EditCancelled, edit_text

        try:
            fields["note"] = edit_text(state.journal_path(), note)
        except EditCancelled:
            # The mood is the check-in; an empty note loses no words, so it is kept: asked
            # in a terminal, said outside one. Without --mood the wizard asks the note again.
            if mood is not None and state.can_prompt:
                from ipt_journal.wizards.checkin import save_without_note

                if not save_without_note():
                    raise
            noteless = mood is not None
            fields.pop("note", None)
    journal = state.journal()
    if ratings:
        journal.goals.check_open(list(ratings))
    newcomers: list[PersonIn] = []
    homework: list[HomeworkClosing] = []
    saved_early: list[int] = []
    if mood is None:
        # Check what the flags gave before asking for the rest, so no answer is typed in vain.
        journal.checkins.check_names(validate(CheckinIn, {"day": dt.date.today(), "mood": 0, **fields}))
        from ipt_journal.wizards.checkin import checkin_wizard, due_homework
        from ipt_journal.wizards.checkin_extras import ask_bring, due_measures_and_goals

        fields, newcomers = checkin_wizard(journal, {"day": dt.date.today()}, fields)
        save = _saved_as_answered(state, journal, saved_early)
        ratings = due_measures_and_goals(journal, fields["day"], answers, ratings, save)
        homework = due_homework(journal, fields["day"])
        if bring is None:
            bring = [ask_bring()]
    fields.setdefault("day", dt.date.today())
    topics = things_to_bring([text for text in bring or [] if text.strip()], fields["day"], "checkin")
    draft = CheckinDraft(
        validate(CheckinIn, fields),
        newcomers=newcomers,
        measures=[
            validate(
                MeasureIn, {"scale": key, "day": fields["day"], "answers": a, "difficulty": difficulty[key]}
            )
            for key, a in answers.items()
        ],
        ratings=[validate(GoalRatingIn, {"goal_id": goal_id, "rating": r}) for goal_id, r in ratings.items()],
        homework=homework,
        bring=topics,
        saved_measures=saved_early,
    )
    saved = journal.checkins.add(draft)
    measures = journal.measures.all(checkin_id=saved.id) if draft.measures or saved_early else []
    if as_json:  # every questionnaire of the check-in, those the wizard saved early too
        from ipt_journal.cli.measure import report_measures

        report_measures(journal, measures, as_json=True, extra={"checkin": messages.plain(saved)})
        return
    # Questionnaires the wizard saved as they were answered have had their result shown.
    measures = [m for m in measures if m.id not in saved_early]
    asked_who = mood is None and with_ is None  # the wizard asked who was there
    messages.checkin_saved(saved, "Saved", newcomers=[p.name for p in newcomers], asked_who=asked_who)
    if noteless:
        messages.note(
            f"The note was empty, so it was saved without one (add one: ipt checkin edit {saved.id} --edit)."
        )
    if topics:
        messages.note(f"Noted for your next session: {messages.count(len(topics), 'thing')} to bring.")
    if ratings:
        messages.note(
            "Goal progress: " + ", ".join(f"#{goal_id} {r}/10" for goal_id, r in ratings.items()) + "."
        )
    if measures:
        from ipt_journal.cli.measure import report_measures

        report_measures(journal, measures, as_json=False)
    if saved.mood <= LOW_MOOD:
        messages.note(LOW_MOOD_LINE)


def show(
    ctx: typer.Context,
    checkin_id: IdArg,
    as_json: Annotated[bool, typer.Option("--json", help="Print it as JSON.")] = False,
) -> None:
    """One check-in whole: note, people, tags and its questionnaires."""
    from ipt_journal.cli.crisis import crisis_if_due
    from ipt_journal.clinical.safety import item9_days
    from ipt_journal.clinical.scales import SCALES
    from ipt_journal.render.checkins import checkin_whole

    journal = session(ctx).journal()
    checkin = journal.checkins.get(checkin_id)
    measures = journal.measures.all(checkin_id=checkin.id)
    # The questionnaires as history, not as just answered: the crisis lines only while the
    # latest PHQ-9 still answers item 9 above 0, else one line of history (crisis_if_due).
    if as_json:
        data: dict[str, Any] = {"checkin": messages.plain(checkin), "measures": messages.plain(measures)}
        crisis_if_due(journal, item9_days(measures), data)
        messages.print_json(data)
        return

    checkin_whole(checkin, checkin.local_time)
    for measure in measures:
        scale = SCALES[measure.scale]
        messages.note(
            f"{scale.name}: {measure.total} of {scale.max_total} ({scale.band(measure.total)} range)."
        )
    crisis_if_due(journal, item9_days(measures))


def edit(
    ctx: typer.Context,
    checkin_id: IdArg,
    date: Annotated[
        str | None,
        typer.Option(
            "--date",
            metavar="DAY",
            help="Move it to this day (YYYY-MM-DD, yesterday, 'last friday'). [default: its day stays]",
            show_default=False,
        ),
    ] = None,
    mood: MoodOpt = None,
    with_: Annotated[
        list[str] | None,
        typer.Option(
            "--with",
            metavar="NAME:HOW[:WORDS]",
            help="Replaces the people of this check-in; NAME:HOW as for a new check-in, repeatable. "
            "What happened with someone stays unless new WORDS are given.",
            show_default=False,
        ),
    ] = None,
    what_happened: WhatHappenedOpt = None,
    note: NoteOpt = None,
    tag: Annotated[
        list[str] | None,
        typer.Option(
            "--tag", metavar="TAG", help="Replaces the tags of this check-in; repeatable.", show_default=False
        ),
    ] = None,
    edit: EditOpt = False,
) -> None:
    """Change a check-in: flags for what changes, or a wizard.

    Give flags for what changes, or none in a terminal for the wizard pre-filled."""
    from ipt_journal.models import CheckinIn, validate

    state = session(ctx)
    changes = _given(date, mood, with_, note, tag, what_happened if with_ else None)
    state.require(
        [] if changes or edit or what_happened else ["the flags for what to change"],
        f"ipt checkin edit {checkin_id} --mood 5",
    )
    journal = state.journal()
    current = journal.checkins.get(checkin_id)
    if what_happened and not with_:  # words for people already on it
        changes["people"] = current.fields()["people"]
        add_what_happened(changes["people"], what_happened, replace=True)
    if edit:
        from ipt_journal.editor import EditCancelled, edit_text
        from ipt_journal.wizards.checkin import remove_note

        try:
            changes["note"] = edit_text(journal.path, changes.get("note", current.note))
        except EditCancelled:
            # Emptying a written note removes words: only when the person says so in a terminal.
            if not current.note:
                changes["note"] = None
            elif state.can_prompt and remove_note(checkin_id):
                changes["note"] = None
            else:
                raise EditCancelled(
                    f"The note was empty, so check-in #{checkin_id} was not changed.",
                    f"To remove its note: ipt checkin edit {checkin_id} --note ''",
                ) from None
    if changes:
        fields = {**current.fields(), **changes}
    else:
        from ipt_journal.wizards.checkin import checkin_wizard

        fields, _ = checkin_wizard(journal, current.fields(), {}, allow_newcomers=False)
    saved = journal.checkins.update(checkin_id, validate(CheckinIn, fields))
    messages.checkin_saved(saved, "Updated", asked_who=not changes)


def delete(ctx: typer.Context, checkin_id: IdArg, yes: YesOpt = False) -> None:
    """Delete a check-in and the interactions recorded with it."""
    from ipt_journal.render.checkins import checkins_table

    state = session(ctx)
    state.remove_after_asking(
        yes,
        f"check-in #{checkin_id}",
        f"ipt checkin delete {checkin_id}",
        fetch=lambda: state.journal().checkins.get(checkin_id),
        show=lambda current: checkins_table([current]),
        remove=lambda: state.journal().checkins.delete(checkin_id),
    )


def _given(
    date: str | None,
    mood: int | None,
    with_: list[str] | None,
    note: str | None,
    tag: list[str] | None,
    what_happened: list[str] | None = None,
) -> dict[str, Any]:
    """The check-in fields that came as flags, parsed into what CheckinIn takes."""
    from ipt_journal.text.dates import parse_day

    fields: dict = {}
    if date is not None:
        fields["day"] = parse_day(date)
    if mood is not None:
        fields["mood"] = mood
    if with_ is not None:
        fields["people"] = [parse_with(item) for item in with_]
    add_what_happened(fields.get("people"), what_happened or [])
    if note is not None:
        fields["note"] = note
    if tag is not None:
        fields["tags"] = tag
    return fields


def _saved_as_answered(
    state: "Session", journal: "Journal", saved: list[int]
) -> "Callable[[MeasureIn, str], None]":
    """Each questionnaire the check-in wizard offers is saved, and its result (and any crisis
    help) shown, as soon as it is answered, as in `ipt start`: help must not wait for the
    rest of the check-in, and Ctrl-C later keeps it. Its id goes in `saved` (the check-in
    links them)."""
    from ipt_journal.cli.measure import report_measures

    names: list[str] = []

    def save(measure: "MeasureIn", name: str) -> None:
        stored = journal.measures.add(measure)
        saved.append(stored.id)
        names.append(name)
        # Ctrl-C from here on keeps these and drops the check-in: say exactly that.
        are = "are" if len(names) > 1 else "is"
        state.cancel_note = f"Your {' and '.join(names)} {are} saved; the check-in was not."
        report_measures(journal, [stored], as_json=False)

    return save
