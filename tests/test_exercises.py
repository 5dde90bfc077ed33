"""The exercises, done by flags: every one end to end, their history, and the report."""

import json

import pytest

from exercise_flags import flags_for
from ipt_journal.clinical.exercises import CATALOGUE
from ipt_journal.clinical.pathway_exercises import TO_BRING
from support import assert_user_error, flat


def test_the_catalogue_has_every_exercise_the_issue_names():
    assert set(CATALOGUE) == {
        "communication-analysis",
        "i-statement",
        "active-listening",
        "role-play",
        "decision-analysis",
        "expressing-feelings",
        "grief",
        "role-transition",
        "role-dispute",
        "interpersonal-deficits",
        # the problem-area pathways' own steps (issue 23)
        "grief-story",
        "grief-feelings",
        "unsent-letter",
        "grief-reconnect",
        "dispute-pattern",
        "dispute-unspoken",
        "transition-sides",
        "transition-skills",
        "therapist-pattern",
        "new-pattern",  # the same step in a self-guided course
    }


def test_list_says_what_each_is_for_and_how_long(ipt):
    out = flat(ipt.ok("exercise", "list").stdout)
    assert "role-play (Role-play rehearsal, about 15 minutes)" in out
    assert "Rehearse a conversation that is coming up" in out


@pytest.mark.parametrize("kind", sorted(CATALOGUE))
def test_each_exercise_end_to_end_by_flags(people, kind):
    out = people.ok(
        "exercise",
        "start",
        kind,
        "--with",
        "Sam",
        *flags_for(kind),
        "--mood-before",
        "3",
        "--mood-after",
        "5",
        "--homework",
        "--due",
        "2026-12-31",
    ).stdout
    if kind in TO_BRING:  # its plan is to bring up at the next session, never homework
        assert "What to bring up is on your list for the next session" in flat(out)
        assert people.count("homework") == 0 and people.count("bring_items") == 1
        return
    assert "Saved" in out and "Its plan is now homework." in flat(out)
    (stored,) = people.rows("SELECT kind, mood_before, mood_after, answers FROM exercises")
    answers = json.loads(stored[3])
    assert stored[:3] == (kind, 3, 5)
    for field in CATALOGUE[kind].fields:
        assert answers[field.key], field.key
        if field.kind == "list":
            assert answers[field.key] == [f"first {field.key}", f"second {field.key}"]
    plan = answers[CATALOGUE[kind].plan]
    assert people.rows("SELECT text, due, exercise_id FROM homework") == [
        (plan if isinstance(plan, str) else "; ".join(plan), "2026-12-31", 1)
    ]


def test_missing_answers_outside_a_terminal_name_them_and_save_nothing(people):
    result = people("exercise", "start", "active-listening", "--answer", "said=You never listen")
    assert_user_error(result, "still needs: heard, reflection, check", "--answer QUESTION=TEXT")
    assert people.count("exercises") == 0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["exercise", "start", "yoga"], "There is no exercise 'yoga'."),
        (
            ["exercise", "start", "grief", "--answer", "mood=sad"],
            "Grief: remembering the person fully's questions",
        ),
        (["exercise", "start", "grief", "--answer", "good"], "Write each answer as QUESTION=TEXT"),
        (["exercise", "start", "role-play", "--with", "Sma", *flags_for("role-play")], "Did you mean Sam?"),
        (["exercise", "start", "grief", *flags_for("grief"), "--mood-before", "11"], "Mood before must be"),
        (
            [
                "exercise",
                "start",
                "expressing-feelings",
                *flags_for("expressing-feelings")[:-2],
                "--answer",
                "how=tell her",
                "--answer",
                "intensity=loud",
            ],
            "intensity must be a whole number",
        ),
    ],
)
def test_bad_input_is_refused_and_nothing_is_saved(people, args, message):
    assert_user_error(people(*args), message)
    assert people.count("exercises") == 0 and people.count("homework") == 0


def test_history_filters_and_show_reads_as_a_dialogue(people):
    people.ok(
        "exercise",
        "start",
        "communication-analysis",
        "--with",
        "Sam",
        "--no-homework",
        *flags_for("communication-analysis", skip=("turns",)),
        "--answer",
        "turns=Me: You never help",
        "--answer",
        "turns=Sam: That is not fair",
    )
    people.ok("exercise", "start", "i-statement", "--with", "Jo", "--no-homework", *flags_for("i-statement"))
    history = json.loads(people.ok("exercise", "history", "--with", "sam", "--json").stdout)
    assert [h["kind"] for h in history] == ["communication-analysis"]
    assert [
        h["kind"]
        for h in json.loads(people.ok("exercise", "history", "--kind", "i-statement", "--json").stdout)
    ] == ["i-statement"]
    out = people.ok("exercise", "show", "1").stdout
    assert "  Me: You never help" in out and "  Sam: That is not fair" in out
    assert_user_error(people("exercise", "show", "9"), "There is no exercise #9.")


def test_homework_can_come_from_an_exercise(people):
    people.ok("exercise", "start", "grief", "--no-homework", *flags_for("grief"))
    people.ok("homework", "add", "Visit the grave with Jo", "--from-exercise", "1")
    assert people.rows("SELECT exercise_id FROM homework") == [(1,)]
    assert_user_error(people("homework", "add", "x", "--from-exercise", "5"), "There is no exercise #5.")


def test_report_figures_against_a_hand_computed_example(people):
    people.ok("checkin", "--mood", "5")
    runs = [
        ("i-statement", "Sam", "3", "6"),
        ("i-statement", "Sam", "4", "4"),
        ("role-play", "Jo", "5", "8"),
        ("grief", None, None, None),
    ]
    for kind, person, before, after in runs:
        args = ["exercise", "start", kind, "--no-homework", *flags_for(kind)]
        if person:
            args += ["--with", person]
        if before:
            args += ["--mood-before", before, "--mood-after", after]
        people.ok(*args)
    # By kind: i-statement 2, grief 1, role-play 1. By person: Sam 2, Jo 1.
    # Mood over the three with both: before (3 + 4 + 5) / 3 = 4.0, after (6 + 4 + 8) / 3 = 6.0.
    e = json.loads(people.ok("report", "--json").stdout)["exercises"]
    assert e["by_kind"] == {"i-statement": 2, "grief": 1, "role-play": 1}
    assert e["by_person"] == {"Sam": 2, "Jo": 1}
    assert (e["mood_rated"], e["mean_mood_before"], e["mean_mood_after"]) == (3, 4.0, 6.0)
    assert (
        "Mood before 4.0, after 6.0 on average (3 exercises with both): "
        "how you felt, not what caused a change." in flat(people.ok("report").stdout)
    )
