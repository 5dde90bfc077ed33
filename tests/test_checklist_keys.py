"""Keys in a "pick one or more" list never tick what the person did not pick; a questionnaire
answer shows its number; questions break between words (a new user's trial, in a terminal)."""

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ipt_journal.clinical.scales import PHQ9, WSAS
from ipt_journal.wizards.checklist import Checklist
from terminal import DOWN, ENTER, SPACE, Terminal, end_checkin_after_the_note, rows

BACKSPACE = "\x7f"
TAB = "\t"
PEOPLE = ["Sam (partner)", "Jo (sibling)", "Mary Jane (friend)", "Someone not in your inventory yet"]


@pytest.fixture
def sam(ipt):
    ipt.ok("inventory", "add", "--name", "Sam", "--relationship", "partner", "--closeness", "1")
    return ipt


def on_screen(term: Terminal) -> list[str]:
    return [line.rstrip() for line in term.screen.display if line.strip()]


def test_a_name_with_a_space_is_found_whole_and_ticked_with_enter():
    state = Checklist(PEOPLE)
    state.type("Mary Jane")
    assert state.typed == "Mary Jane" and state.ticked == set()  # the space was part of the name
    assert state.status() == "Enter or Tab ticks Mary Jane (friend); Esc clears what you typed."
    assert state.enter() is False  # Enter ticked what was found, and the list stays open
    assert state.ticked == {2} and state.typed == "" and state.answer() == "Mary Jane (friend)"
    state.type("s")
    state.type("am")
    state.toggle()  # Tab
    assert state.answer() == "Sam (partner), Mary Jane (friend)"  # list order
    assert state.enter() is True


def test_what_matches_nothing_ticks_nothing_whatever_is_pressed():
    state = Checklist(PEOPLE)
    state.type("zq ")
    state.toggle()
    assert state.enter() is False
    state.type(" ")
    assert state.ticked == set() and state.matches() == []
    assert state.status() == 'No match for "zq  ": nothing is ticked. Backspace or Esc to change it.'
    state.clear()
    state.type(" ")  # nothing typed: Space ticks the highlighted row, as the hint says
    assert state.ticked == {0}


@given(first=st.characters(categories=["L", "N", "P"]), rest=st.text(alphabet=st.sampled_from("ab yz -")))
def test_typing_never_ticks_once_something_is_typed(first, rest):
    state = Checklist(PEOPLE, ticked={1})
    state.type(first + rest)
    assert state.ticked == {1} and state.typed == first + rest  # every space went into the text


def test_enter_with_too_many_ticked_says_so_and_keeps_the_list():
    state = Checklist(["grief", "role dispute", "role transition"], most=2, too_many="Two at most.")
    state.toggle_all()
    assert state.enter() is False and state.status() == "Two at most."
    state.move(1)
    state.type(" ")
    assert state.enter() is True and state.answer() == "grief, role transition"


def test_a_name_with_a_space_typed_at_the_checkin_ticks_that_person_alone(people):
    people.ok("inventory", "add", "--name", "Mary Jane", "--relationship", "friend", "--closeness", "2")
    term = Terminal(people.path, "checkin", "--date", "2026-03-02")
    term.at("How has your mood been").type("6")
    term.at("Who did you spend meaningful time with?")
    term.shows("(Space ticks, type to find one, Enter when done)")
    term.keys(*"Mary Jane")
    term.shows("Find: Mary Jane").shows("» ○ Mary Jane (friend)")
    term.shows("Enter or Tab ticks Mary Jane (friend); Esc clears what you typed.")
    assert not any("Sam (partner)" in line for line in on_screen(term))  # the list narrowed to her
    term.keys(ENTER)
    term.shows("» ● Mary Jane (friend)").shows("Ticked: Mary Jane (friend)")  # the whole list is back
    assert any("○ Sam (partner)" in line for line in on_screen(term))
    term.keys(ENTER)
    term.shows("Who did you spend meaningful time with? Mary Jane (friend)")  # the echo names her
    term.answer("How did it go with Mary Jane?", ENTER)
    term.at("What happened with Mary Jane?").type("")
    term.at("A note about this week?").type("")
    end_checkin_after_the_note(term)
    code, output = term.finish()
    assert code == 0, output
    assert "How did it go with Sam" not in output
    assert rows(people.path, "SELECT p.name FROM interactions i JOIN people p ON p.id = i.person_id") == [
        ("Mary Jane",)
    ]


def test_a_misspelt_name_then_space_ticks_no_one(people):
    term = Terminal(people.path, "checkin", "--date", "2026-03-02")
    term.at("How has your mood been").type("6")
    term.answer("Who did you spend meaningful time with?", "z", "q", SPACE)
    term.shows('No match for "zq ": nothing is ticked. Backspace or Esc to change it.')
    term.keys(SPACE, ENTER)  # neither ticks the top row (Sam), nor ends the question
    term.shows("Ticked: none")
    assert not any("●" in line for line in on_screen(term))
    term.keys(BACKSPACE, BACKSPACE, BACKSPACE, BACKSPACE).shows("» ○ Jo (sibling)")
    term.keys(ENTER)
    term.at("A note about this week?").type("")
    end_checkin_after_the_note(term)
    code, output = term.finish()
    assert code == 0, output
    assert "How did it go with Sam" not in output and "mood 6/10, with no one." in output
    assert rows(people.path, "SELECT count(*) FROM interactions") == [(0,)]
    assert rows(people.path, "SELECT mood FROM checkins") == [(6,)]


def test_in_a_list_taller_than_the_terminal_the_question_and_the_ticked_stay_in_sight(ipt):
    for number in range(30):
        ipt.ok("inventory", "add", "--name", f"Person {number:02d}", "--relationship", "friend")
    term = Terminal(ipt.path, "checkin", "--date", "2026-03-02", lines=15)
    term.at("How has your mood been").type("6")
    term.answer("Who did you spend meaningful time with?", SPACE, *[DOWN] * 20)
    term.shows("» ○ Person 20 (friend)")
    lines = on_screen(term)
    assert lines[0].startswith("? Who did you spend meaningful time with?"), lines
    assert lines[-1] == "  Ticked: Person 00 (friend)" and "Person 00 (friend)" not in " ".join(lines[1:-1])
    term.keys(ENTER).answer("How did it go with Person 00?", ENTER)
    term.at("What happened with Person 00?").type("")
    term.at("A note about this week?").type("")
    end_checkin_after_the_note(term)
    code, output = term.finish()
    assert code == 0, output
    assert rows(ipt.path, "SELECT p.name FROM interactions i JOIN people p ON p.id = i.person_id") == [
        ("Person 00",)
    ]


def test_a_sentence_typed_at_the_exercise_checklist_toggles_nothing(sam):
    term = Terminal(sam.path, "exercise", "start", "communication-analysis")
    term.at("Your mood now").type("4")
    term.answer("Who is it about?", DOWN, ENTER)  # (skip), Sam
    term.at("Who was it with, when").type("Sam, Sunday dinner")
    term.at("What was said, turn by turn?").type("Me: You never help")
    term.at("(Enter when done)").type("")
    for prompt in ("What did you feel", "What do you think they felt", "What did you mean"):
        term.at(prompt).type("Help")
    term.at("Did any of these happen?").shows("(Space ticks, type to find one, Enter when done)")
    term.keys(*"I went quiet and then I left", ENTER)  # as in the text questions before it
    term.shows('No match for "I went quiet and then I left": nothing is ticked.')
    term.shows("Ticked: none")
    term.keys(*[BACKSPACE] * 28, *"silent", TAB)  # found by a word of it, ticked with Tab
    term.shows("Ticked: going silent or closing the conversation down")
    term.keys(ENTER)
    term.at("How did it end").type("Silence")
    term.at("Other ways you could have said it").type("")
    term.at("What will you try next time?").type("Say I am tired")
    term.at("Your mood after").type("5")
    term.answer("Turn your plan into homework", "n")
    code, output = term.finish()
    assert code == 0, output
    (answers,) = rows(sam.path, "SELECT answers FROM exercises")[0]
    assert json.loads(answers)["problems"] == ["going silent or closing the conversation down"]


def test_a_wsas_answer_shows_its_number_in_the_list_and_once_chosen(ipt):
    term = Terminal(ipt.path, "measure", "wsas", "--date", "2026-11-02")
    term.at("1/5 Because of my problem").shows("3 (between)").shows("8 Very severely")
    assert not any("3) " in line for line in on_screen(term))  # the digit once, not "3) 3 ..."
    term.keys("3", ENTER)
    term.at("2/5 Because of my problem").shows("? 2/5")
    lines = on_screen(term)
    first, second = (next(n for n, line in enumerate(lines) if line.startswith(f"? {k}/5")) for k in (1, 2))
    echo = " ".join(" ".join(lines[first:second]).split())
    assert echo.endswith("can't work) 3 (between)"), lines
    for key in "5170":
        term.keys(key, ENTER)
    term.at("Your WSAS score is 16 of 40")
    code, output = term.finish()
    assert code == 0, output
    assert rows(ipt.path, "SELECT answers, total FROM measures") == [("[3, 5, 1, 7, 0]", 16)]


def test_a_long_question_breaks_between_words_at_60_columns(ipt):
    term = Terminal(ipt.path, "measure", "phq9", "--date", "2026-03-02", columns=60)
    for number in range(1, 6):
        term.answer(f"{number}/9 ", "0", ENTER)
    term.at("6/9 ").shows("family down")
    item = f"? 6/9 {PHQ9.items[5]}"
    assert len(item) > 60
    lines = on_screen(term)
    start = next(n for n, line in enumerate(lines) if line.startswith("? 6/9"))
    # The question, line by line, is its words in order, none cut at the edge.
    assert " ".join(lines[start : start + 2]).split() == item.split(), lines
    assert all(len(line) <= 60 for line in lines)
    for _ in range(6, 10):
        term.keys("0", ENTER)
    term.answer("how difficult", ENTER)
    code, output = term.finish()
    assert code == 0, output
    assert rows(ipt.path, "SELECT total FROM measures") == [(0,)]


def test_wsas_items_break_between_words_at_100_columns(ipt):
    term = Terminal(ipt.path, "measure", "wsas", "--date", "2026-11-02")
    for number in range(1, 3):
        term.answer(f"{number}/5 ", "0", ENTER)
    term.at("3/5 ").shows("clubs,")
    words = {word for line in on_screen(term) for word in line.split()}
    assert set(WSAS.items[2].split()) <= words, on_screen(term)
    assert "clu" not in words and "bs," not in words
