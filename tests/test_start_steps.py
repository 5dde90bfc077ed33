"""`ipt start` says where the person is: "Step 3 of 8: how many sessions." (issue 24,
point 8), each step before its first question; a revision has fewer steps."""

from terminal import CTRL_C, DOWN, ENTER, SPACE, Terminal, rows


def test_each_step_is_announced_before_its_questions(ipt):
    term = Terminal(ipt.path, "start")
    term.at("Step 1 of 8: about you and your sessions.").at("A little about you").type("")
    term.at("What brings you to IPT now?").type("")
    term.answer("Which country are you in?", ENTER)
    term.answer("Are you working with a therapist?", ENTER)
    term.at("When is (or was) your first session?").type("")
    term.at("Step 2 of 8: questionnaires.")
    term.answer("Take the PHQ-9 now", "n")
    term.answer("Take the GAD-7 now", "n")
    term.answer("Take the WSAS now", "n")
    term.at("Step 3 of 8: how many sessions.").at("How many weekly sessions are planned?").type("")
    term.at("Step 4 of 8: the people in your life.")
    term.answer("Add people to your interpersonal inventory now?", "n")
    term.at("Step 5 of 8: life events.")
    term.answer("Life events around when your mood began to get low", "n")
    term.at("Step 6 of 8: your focus.")
    term.answer("Which problem area will you focus on?", DOWN, DOWN, SPACE, ENTER)
    term.at("Step 7 of 8: your goals.").at("Goal 1").type("Find my feet at the new job")
    term.at("Goal 2").type("")
    term.at("Step 8 of 8: putting it together.").at("In your own words").type("")
    term.at("Started your course")
    term.answer("Protect your journal with a passphrase?", "n")
    code, output = term.finish()
    assert code == 0, output
    assert "Step 9" not in output
    assert rows(ipt.path, "SELECT planned_weeks FROM courses") == [(12,)]


def test_a_revision_counts_only_its_own_steps(ipt):
    ipt.ok("start", "--weeks", "12", "--start-date", "2026-01-05")
    term = Terminal(ipt.path, "start", "--revise")
    term.at("Step 1 of 6: about you and your sessions.").at("A little about you").type("")
    term.at("What brings you to IPT now?").type("")
    term.answer("Which country are you in?", ENTER)
    term.answer("Are you working with a therapist?", ENTER)
    term.at("When is (or was) your first session?").type("")
    term.at("Step 2 of 6: how many sessions.").keys(CTRL_C)
    code, output = term.finish()
    assert code == 130 and "questionnaires" not in output
    assert rows(ipt.path, "SELECT planned_weeks, started_on FROM courses") == [(12, "2026-01-05")]
