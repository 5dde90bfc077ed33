"""A clinician's read, in the wizards: driven in a real pseudo-terminal (see test_wizards.py)."""

import json

from terminal import ENTER, SPACE, Terminal, rows

# 12. The role-dispute exercise starts from the stage already recorded.


def test_role_dispute_starts_at_the_recorded_stage(ipt):
    ipt.ok(
        "inventory", "add", "--name", "Sam", "--relationship", "partner", "--closeness", "1",
        "--problem-area", "role-dispute", "--dispute-stage", "impasse",
    )  # fmt: skip
    term = Terminal(
        ipt.path, "exercise", "start", "role-dispute", "--with", "Sam",
        "--mood-before", "4", "--mood-after", "5", "--no-homework",
    )  # fmt: skip
    term.at("What do you expect of them?").type("Help with the kids")
    term.at("What do they expect of you?").type("More time together")
    term.answer("Where does the dispute stand?", ENTER)  # the recorded stage is already chosen
    term.at("What would make talking possible again?").type("something")
    term.at("Who could help you reopen it").type("something")
    term.at("A first step").type("Talk on Sunday")
    code, output = term.finish()
    assert code == 0, output
    (answers,) = rows(ipt.path, "SELECT answers FROM exercises")[0]
    assert json.loads(answers)["stage"] == "impasse"


# 12. The safety-plan wizard asks step 3 what to do together, step 4 how to reach them.


def test_safety_plan_wizard_asks_each_step_its_own_question_about_a_person(ipt):
    ipt.ok("inventory", "add", "--name", "Alex", "--relationship", "friend", "--closeness", "2")
    term = Terminal(ipt.path, "safety-plan", "edit")
    for _ in (0, 1, 2):
        term.at("Add an entry").type("")
    term.answer("Anyone from your inventory?", SPACE, ENTER)
    term.at("What could you do with Alex? (Enter to skip)").type("a walk")
    term.at("Alex's phone number? (Enter to skip)").type("")
    term.at("Add an entry").type("")
    term.answer("Anyone from your inventory?", SPACE, ENTER)
    term.at("How best to reach Alex, and when? (Enter to skip)")
    screen = term.child.before
    term.type("text first")
    # A number that is not one is refused at the prompt, and can be typed again.
    term.at("Alex's phone number?").type("call me")
    term.at("Digits, spaces and")
    term.keys(*["\x7f"] * len("call me"))
    term.type("07700 900123")
    for _ in (4, 5, 6):
        term.at("Add an entry").type("")
    for _ in range(3):
        term.at("(Enter to skip)").type("")
    code, output = term.finish()
    assert code == 0, output
    assert "what to do together" not in screen + output
    assert rows(ipt.path, "SELECT step, text, phone FROM safety_plan_items ORDER BY step") == [
        (3, "a walk", None),
        (4, "text first", "07700 900123"),
    ]
