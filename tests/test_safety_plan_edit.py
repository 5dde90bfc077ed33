"""`ipt safety-plan edit` saves its new entries and its closing answers whole or not at all,
and refuses in the closing answers what `ipt safety-plan closing` refuses."""

import pytest

from ipt_journal.cli.context import Session
from ipt_journal.errors import JournalError
from ipt_journal.models import SafetyPlanItemIn
from ipt_journal.store.safety_plan import ClosingStore
from ipt_journal.wizards import safety_plan as wizard
from support import assert_user_error
from terminal import Terminal

CTRL_Q, CTRL_G, BACKSPACE = "\x11", "\x07", "\x7f"


def plan_and_closing(ipt) -> tuple[list, list]:
    return (
        ipt.rows("SELECT step, text FROM safety_plan_items ORDER BY id"),
        ipt.rows("SELECT how_likely, in_the_way, kept_where FROM safety_plan_closing"),
    )


@pytest.fixture
def answered(monkeypatch):
    """`safety-plan edit` as if a person had answered its questions in a terminal: the
    wizard gives back `answered.items` and `answered.closing`."""

    class Answers:
        items = [SafetyPlanItemIn(step=1, text="not sleeping"), SafetyPlanItemIn(step=2, text="a walk")]
        closing: dict = {"how_likely": "very", "in_the_way": None, "kept_where": "on my phone"}

    monkeypatch.setattr(Session, "can_prompt", property(lambda self: True))
    monkeypatch.setattr(wizard, "safety_plan_wizard", lambda plan, people: (Answers.items, Answers.closing))
    return Answers


def test_edit_saves_the_entries_and_the_closing_answers(ipt, answered):
    out = ipt.ok("safety-plan", "edit").stdout
    assert "Saved 2 new entries." in out
    assert plan_and_closing(ipt) == ([(1, "not sleeping"), (2, "a walk")], [("very", None, "on my phone")])


def test_a_control_character_in_a_closing_answer_is_refused_before_the_entries_are_written(ipt, answered):
    answered.closing = {"how_likely": "very", "in_the_way": None, "kept_where": "a\x07b"}
    result = ipt("safety-plan", "edit")
    assert_user_error(result, "Kept where contains a control character (\\x07)")
    assert plan_and_closing(ipt) == ([], [])


def test_when_the_closing_answers_cannot_be_saved_neither_are_the_entries(ipt, answered, monkeypatch):
    ipt.ok("safety-plan", "add", "3", "--text", "the park")  # what was there before stays

    def fails(self, answers):
        raise JournalError("The disk refused the write.")

    monkeypatch.setattr(ClosingStore, "put", fails)
    result = ipt("safety-plan", "edit")
    assert result.exit_code == 1
    assert "The disk refused the write." in result.stderr
    assert plan_and_closing(ipt) == ([(3, "the park")], [])


def test_the_wizard_refuses_a_control_character_in_a_closing_answer_where_it_is_typed(ipt):
    term = Terminal(ipt.path, "safety-plan", "edit")
    term.at("Add an entry").type("not sleeping")
    for _ in range(7):  # the rest of step 0, then steps 1 to 6
        term.at("Add an entry").type("")
    term.at("How likely are you to use this plan").type("very")
    term.at("What might get in the way").type("")
    # A control character, typed literally (Ctrl-Q, then Ctrl-G): said at the prompt, and
    # the answer can be typed again; nothing written so far is lost.
    term.at("Where will you keep it").keys("on my phone", CTRL_Q, CTRL_G, "\r")
    term.at("Kept where contains a control character")
    term.keys(BACKSPACE)
    term.type("")
    code, output = term.finish()
    assert code == 0, output
    assert plan_and_closing(ipt) == ([(0, "not sleeping")], [("very", None, "on my phone")])


def test_the_wizard_refuses_a_control_character_in_an_entry_where_it_is_typed(ipt):
    term = Terminal(ipt.path, "safety-plan", "edit")
    term.at("Add an entry").type("my sister")
    term.at("Add an entry").keys("the dog", CTRL_Q, CTRL_G, "\r")
    term.at("Text contains a control character")
    term.keys(BACKSPACE)
    term.type("")
    for _ in range(7):  # the rest of step 0, then steps 1 to 6
        term.at("Add an entry").type("")
    for _ in range(3):
        term.at("(Enter to skip)").type("")
    code, output = term.finish()
    assert code == 0, output
    assert plan_and_closing(ipt) == ([(0, "my sister"), (0, "the dog")], [])
