"""A check-in in one line (`ipt checkin 6 "dinner with Sam+1 #family"`), and reading whole
entries: `ipt checkin show ID` and `ipt checkin list --full` (issue 24, points 1 and 2)."""

import json
import re

import pytest

from ipt_journal.errors import InputError
from ipt_journal.text.one_line import parse_line
from support import assert_user_error, flat

LIVING = ["Sam", "Sam Lee", "Alex", "O'Brien", "Mary Ann", "Élodie"]
DIED = ["Rosa"]


@pytest.mark.parametrize(
    "mood, words, note, tags, people",
    [
        (
            "6",
            ["dinner with Sam went well #family"],
            "dinner with Sam went well #family",
            ["family"],
            [("Sam", None)],
        ),
        ("6", ["dinner", "with", "Sam+1"], "dinner with Sam+1", [], [("Sam", 1)]),
        (
            "7",
            ["Alex:-2 then sam+2 #work #movies/tv #work"],
            None,
            ["work", "movies/tv"],
            [("Alex", -2), ("Sam", 2)],
        ),
        ("3", ["@Sam Lee+2 called; missed Rosa"], None, [], [("Sam Lee", 2)]),
        ("5", ["O'Brien+1 at the pub"], None, [], [("O'Brien", 1)]),
        ("5", ["COVID-19 test, top-3 of the week, issue #42"], None, ["42"], []),
        ("0", [], None, [], []),
        ("10", ["sam, then Sam-1 later"], None, [], [("Sam", -1)]),
        ("5", ["coffee with ÉLODIE+1"], None, [], [("Élodie", 1)]),  # any case, beyond ASCII
        # a tag with spaces, in quotes (as completion offers it); a bare one stops at the space
        ("6", ['film night #"movies / tv" #home'], None, ["movies / tv", "home"], []),
        ("6", ["film night #\u201cmovies / tv\u201d"], None, ["movies / tv"], []),
        ("7", ["an A-2 grade for Mia, a B+1 for Sam+2"], None, [], [("Sam", 2)]),  # grades are words
        # A quoted name (a name with a space, inside a line the shell already quotes):
        # the sign after the closing quote is how it went.
        ("6", ['dinner with "Mary Ann"+2'], None, [], [("Mary Ann", 2)]),
        ("6", ['"Mary Ann":-1 then Sam+1'], None, [], [("Mary Ann", -1), ("Sam", 1)]),
        ("6", ["with \u201cMary Ann\u201d+1"], None, [], [("Mary Ann", 1)]),
        ("6", ["with 'mary ann'-2"], None, [], [("Mary Ann", -2)]),
        ("6", ["with \u2018Mary Ann\u2019+0"], None, [], [("Mary Ann", 0)]),
        ("6", ['"Sam Lee"+1 and "Sam"-1'], None, [], [("Sam Lee", 1), ("Sam", -1)]),
        ("6", ["'O'Brien'+1"], None, [], [("O'Brien", 1)]),
        ("6", ['dinner with "Mary Ann", lovely'], None, [], [("Mary Ann", None)]),  # quoted, no sign
        ("6", ['she said "it went well"'], None, [], []),  # quoted words with no sign: words
    ],
)
def test_a_line_is_read_into_mood_note_tags_and_people(mood, words, note, tags, people):
    entry = parse_line(mood, words, LIVING, DIED)
    assert entry.mood == int(mood)
    assert entry.note == (note if note is not None else " ".join(words) or None)
    assert entry.tags == tags
    assert [(p["name"], p["quality"]) for p in entry.people] == people


@pytest.mark.parametrize(
    "mood, words, message",
    [
        ("11", ["x"], "starts with a mood from 0 to 10, got '11'"),
        ("١", ["x"], "starts with a mood from 0 to 10"),
        ("1_0", [], "starts with a mood from 0 to 10"),
        ("6", ["dinner with Tom+1"], "No one called 'Tom' in your inventory."),
        ("6", ["dinner with @Samm"], "No one called 'Samm' in your inventory. Did you mean Sam"),
        ("6", ["Sam+3"], "How it went with Sam must be from -2 (very badly) to +2 (very well), got +3."),
        ("6", ["with Rosa+1"], "Rosa has died"),
        ("6", ['with "Mary Jo"+2'], "No one called 'Mary Jo' in your inventory. Did you mean Mary Ann"),
        ("6", ["with \u201cMary Jo\u201d-1"], "No one called 'Mary Jo' in your inventory."),
        ("6", ["with 'Tom Lee':+1"], "No one called 'Tom Lee' in your inventory."),
        ("6", ['"Mary Ann"+3'], "How it went with Mary Ann must be from -2 (very badly) to +2"),
        ("6", ['with "Rosa"+1'], "Rosa has died"),
    ],
)
def test_a_line_that_cannot_be_read_is_refused(mood, words, message):
    with pytest.raises(InputError, match=re.escape(message)):
        parse_line(mood, words, LIVING, DIED)


@pytest.fixture
def inventory(ipt):
    ipt.ok("inventory", "add", "--name", "Sam", "--relationship", "partner", "--closeness", "1")
    ipt.ok("inventory", "add", "--name", "Rosa", "--relationship", "other-family", "--status", "deceased")
    return ipt


def test_one_line_saves_mood_note_tags_and_people(inventory):
    result = inventory.ok("checkin", "6", "dinner with Sam+1, missed Rosa #family", "--date", "2026-03-02")
    assert "Saved check-in #1 for 2026-03-02: mood 6/10, with Sam (+1)." in flat(result.stdout)
    assert inventory.rows("SELECT day, mood, note FROM checkins") == [
        ("2026-03-02", 6, "dinner with Sam+1, missed Rosa #family")
    ]
    assert inventory.rows(
        "SELECT p.name, i.quality FROM interactions i JOIN people p ON p.id = i.person_id"
    ) == [("Sam", 1)]
    assert inventory.rows("SELECT tag FROM checkin_tags") == [("family",)]


def test_one_line_with_a_name_and_no_sign_keeps_how_it_went_unsaid_and_says_so(inventory):
    result = inventory.ok("checkin", "--date", "2026-03-02", "5", "walk", "with", "sam")
    text = flat(result.stdout)
    assert "with Sam (how it went unknown)" in text
    assert "Next time, a sign after a name says how it went: Sam+1" in text
    assert inventory.rows("SELECT quality FROM interactions") == [(None,)]


@pytest.mark.parametrize(
    "args, message",
    [
        (["6", "dinner with Tom+1"], "No one called 'Tom' in your inventory."),
        (["12", "x"], "starts with a mood from 0 to 10, got '12'"),
        (["--mood", "5", "6", "x"], "--mood does not go with a check-in in one line."),
        (["6", "x", "--date", "2999-01-01"], "in the future"),
        (["6", "Sam+1 then later Sam-1"], "Sam is named with two signs, +1 and -1."),
        (["6", "x", "--phq9", "0,0,0,0,0,0,0,0,0"], "--phq9 does not go with a check-in in one line."),
        (["6", "x", "--note=y"], "--note does not go with a check-in in one line."),
    ],
)
def test_one_line_mistakes_write_nothing(inventory, args, message):
    assert_user_error(inventory("checkin", *args), message)
    assert inventory.count("checkins") == 0
    assert inventory.count("people") == 2


def test_one_line_keeps_the_sign_after_a_quoted_name_with_a_space(inventory):
    inventory.ok("inventory", "add", "--name", "Mary Ann", "--relationship", "friend", "--closeness", "2")
    result = inventory.ok("checkin", "6", 'dinner with "Mary Ann"+2 and Sam', "--date", "2026-03-02")
    text = flat(result.stdout)
    assert "Mary Ann (+2)" in text and "Sam (how it went unknown)" in text
    assert inventory.rows(
        "SELECT p.name, i.quality FROM interactions i JOIN people p ON p.id = i.person_id ORDER BY p.name"
    ) == [("Mary Ann", 2), ("Sam", None)]
    assert inventory.rows("SELECT note FROM checkins") == [('dinner with "Mary Ann"+2 and Sam',)]


def test_one_line_refuses_an_unknown_quoted_name_and_writes_nothing(inventory):
    result = inventory("checkin", "6", 'dinner with "Mary Jo"+2', "--date", "2026-03-02")
    assert_user_error(result, "No one called 'Mary Jo' in your inventory.")
    assert "ipt inventory add --name 'Mary Jo' --relationship RELATIONSHIP" in flat(result.output)
    assert inventory.count("checkins") == 0 and inventory.count("interactions") == 0


def test_one_line_json_prints_what_was_saved(inventory):
    data = json.loads(inventory.ok("checkin", "4", "Sam-1 argued", "--json", "--date", "2026-03-02").stdout)
    assert data["checkin"]["mood"] == 4 and data["checkin"]["people"] == [
        {"name": "Sam", "quality": -1, "what_happened": None, "incident": None}
    ]


def test_show_prints_the_whole_check_in_with_its_questionnaire(inventory):
    note = "First line of a long note " + "that keeps going " * 10 + "and ends here.\nSecond line."
    inventory.ok(
        "checkin",
        "--mood",
        "4",
        "--with",
        "Sam:+2",
        "--note",
        note,
        "--tag",
        "movies / tv",
        "--phq9",
        "1,1,1,1,1,1,1,1,0",
        "--date",
        "2026-03-02",
    )
    text = inventory.ok("checkin", "show", "1").stdout
    assert "Check-in #1, Monday 2 March 2026" in text
    assert "With: Sam (very well, +2)" in text and "Tags: movies / tv" in text
    assert "and ends here." in text and "Second line." in text
    assert "…" not in text
    assert "PHQ-9" in text and "8" in text
    data = json.loads(inventory.ok("checkin", "show", "1", "--json").stdout)
    assert data["checkin"]["note"] == note and data["measures"][0]["total"] == 8


def test_show_an_unknown_id_is_a_clear_error(inventory):
    assert_user_error(inventory("checkin", "show", "7"), "There is no check-in #7.")


def test_list_full_prints_whole_notes_newest_first(inventory):
    for day, text in (("2026-03-01", "older " * 30 + "END-OLD"), ("2026-03-02", "newer " * 30 + "END-NEW")):
        inventory.ok("checkin", "--mood", "5", "--note", text, "--date", day)
    text = inventory.ok("checkin", "list", "--full", "-n", "2").stdout
    assert text.index("END-NEW") < text.index("END-OLD")
    assert "Check-in #2, Monday 2 March 2026" in text and "…" not in text


def test_a_table_that_shortens_notes_says_how_to_read_them_whole(inventory, monkeypatch, capsys):
    from ipt_journal.render.checkins import checkins_table

    inventory.ok("checkin", "--mood", "5", "--note", "a long note " * 20, "--date", "2026-03-02")
    checkins = [inventory_checkin(inventory)]
    monkeypatch.setenv("COLUMNS", "70")
    checkins_table(checkins)
    out = capsys.readouterr().out
    assert "…" in out
    assert "Notes are shortened to fit: ipt checkin show ID shows one whole" in flat(out)
    monkeypatch.setenv("COLUMNS", "40")
    checkins_table(checkins)
    assert "Notes are left out at this width" in flat(capsys.readouterr().out)


def inventory_checkin(ipt):
    from ipt_journal.store import open_journal

    return open_journal(ipt.path).checkins.get(1)


def test_one_line_unknown_person_hint_names_the_relationship_the_add_needs(inventory):
    result = inventory("checkin", "6", "Tom+1 at the pub")
    assert_user_error(result, "No one called 'Tom' in your inventory.")
    assert "ipt inventory add --name Tom --relationship RELATIONSHIP" in flat(result.output)


def test_one_line_usage_names_the_command_as_typed(inventory):
    result = inventory("checkin", "6", "x", "--bogus")
    assert result.exit_code == 2 and "No such option: --bogus" in result.output
    assert "checkin [OPTIONS] {MOOD} [NOTE]" in result.output and "one-line" not in result.output
    assert inventory.count("checkins") == 0
