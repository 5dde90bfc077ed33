"""Issue 23, point 2, in a real terminal: one pathway step done the way a person types it,
stopped half-way first (nothing saved but the grief exercise's draft), then finished."""

import json

from terminal import CTRL_C, ENTER, Terminal


def test_a_grief_step_stopped_keeps_only_a_draft_then_done_it_is_marked(ipt):
    ipt.ok("inventory", "add", "--name", "Rosa", "--relationship", "parent", "--status", "deceased",
           "--died", "2026-04-02", "--closeness", "1")  # fmt: skip
    term = Terminal(ipt.path, "pathway", "next", "--area", "grief", "--with", "Rosa")
    term.at("Grief pathway: The story of the death and of the relationship.")
    term.at("remembering someone who died can stir strong feelings")
    term.at("Your mood now").type("4")
    term.at("Who are you remembering").type("My mum")
    term.at("How did they die").type("Suddenly, in April")
    term.at("What happened in the days and weeks after")
    term.keys(CTRL_C)
    code, output = term.finish()
    assert code == 130
    assert ipt.count("exercises") == 0 and ipt.count("pathway_steps") == 0
    assert [kind for (kind,) in ipt.rows("SELECT kind FROM exercise_drafts")] == ["grief-story"]

    term = Terminal(ipt.path, "pathway", "next", "--area", "grief")
    term.answer("Continue the draft about Rosa", ENTER)  # Yes by default
    term.at("Your mood now").type("")
    term.at("What happened in the days and weeks after").type("Her sisters came")
    term.at("The story of your relationship").type("Fifty years of Sunday calls")
    term.at("What did you do together").type("")
    term.at("Your mood after").type("5")
    term.answer("Turn your plan into homework", "n")
    code, output = term.finish()
    assert code == 0, output
    assert ipt.count("exercise_drafts") == 0
    ((exercise_id, answers),) = ipt.rows("SELECT id, answers FROM exercises")
    assert json.loads(answers)["death"] == "Suddenly, in April"
    assert ipt.rows("SELECT area, step, exercise_id FROM pathway_steps") == [("grief", "story", exercise_id)]
    shown = Terminal(ipt.path, "pathway", "--area", "grief")
    shown.shows("Grief pathway (1 of 4 steps done):")
    shown.shows(f"exercise #{exercise_id}")
    shown.shows("Grief pathway, next: The feelings, the hard and the unsaid too")
    assert shown.finish()[0] == 0


def test_the_week_s_figures_asked_in_a_terminal(ipt):
    from terminal import DOWN

    ipt.ok("inventory", "add", "--name", "Sam", "--relationship", "partner")
    term = Terminal(ipt.path, "pathway", "week", "--date", "2026-03-04")
    term.answer("Where does the role dispute stand this week?", DOWN, DOWN, ENTER)  # past "skip"
    term.at("How many people could you confide in this week?").type("2")
    code, output = term.finish()
    assert code == 0, output
    assert "Week of 2026-03-02: stage impasse, 2 to confide in." in output
    assert ipt.rows("SELECT week, dispute_stage, confidants FROM pathway_weeks") == [
        ("2026-03-02", "impasse", 2)
    ]
