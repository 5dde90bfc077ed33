"""The focus question of `ipt start`: two areas at most, however they were ticked, and a
dispute's stage asked once (issue 24, point 8; found in a new user's trial)."""

from terminal import DOWN, ENTER, SPACE, Terminal, rows

CTRL_A = "\x01"


def test_ticking_every_area_is_refused_in_place_and_the_dispute_stage_comes_from_the_entry(ipt):
    ipt.ok("config", "set", "country", "GB")
    ipt.ok("start", "--weeks", "12", "--start-date", "2026-01-05", "--therapist")
    ipt.ok(
        "inventory", "add", "--name", "Sam", "--relationship", "partner", "--closeness", "1",
        "--problem-area", "role-dispute", "--dispute-stage", "impasse",
    )  # fmt: skip
    term = Terminal(ipt.path, "start", "--revise")
    term.at("A little about you").type("")
    term.at("What brings you to IPT now?").type("")
    term.answer("Are you working with a therapist?", ENTER)
    term.at("When is (or was) your first session?").type("")
    term.at("How many weekly sessions are planned?").type("")
    term.answer("Add people to your interpersonal inventory now?", "n")
    term.answer("Which problem area will you focus on?", CTRL_A, ENTER)  # every box ticked
    term.shows("IPT works best on one area, two at most: untick the others.")
    term.keys(CTRL_A, DOWN, SPACE, ENTER)  # ctrl-a again unticks all; then role dispute alone
    term.answer("Who is the dispute with?", DOWN, ENTER)  # (skip), Sam
    term.shows("Where the dispute stands: impasse (talks have stopped), as in Sam's entry.")
    term.at("Goal 1").type("")
    term.at("In your own words").type("")
    code, output = term.finish()
    assert code == 0, output
    assert "Where does the dispute stand?" not in output
    assert rows(ipt.path, "SELECT focus_areas, dispute_stage FROM courses") == [("role-dispute", "impasse")]
    assert rows(ipt.path, "SELECT p.name FROM courses c JOIN people p ON p.id = c.dispute_person_id") == [
        ("Sam",)
    ]
