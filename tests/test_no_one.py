"""A check-in with nobody in it says "no one" (issue 24, point 8): in the wizard after an
empty pick, in its confirmation, and in `ipt checkin show`."""

from terminal import ENTER, Terminal, rows


def test_the_wizard_says_no_one_after_an_empty_pick_and_when_saving(people):
    term = Terminal(people.path, "checkin", "--date", "2026-03-02", "--note", "", "--tag", "x")
    term.at("How has your mood been").type("6")
    term.answer("Who did you spend meaningful time with?", ENTER)  # nobody ticked
    term.at("No one this time.")
    term.answer("Take the PHQ-9 now", "n")
    term.answer("Take the GAD-7 now", "n")
    term.at("Anything to bring to your next session?").type("")
    term.at("Saved check-in #1 for 2026-03-02: mood 6/10, with no one.")
    code, output = term.finish()
    assert code == 0, output
    assert rows(people.path, "SELECT day, mood FROM checkins") == [("2026-03-02", 6)]
    assert rows(people.path, "SELECT count(*) FROM interactions") == [(0,)]


def test_flags_without_with_claim_nothing_and_show_says_no_one_recorded(people):
    out = people.ok("checkin", "--mood", "6", "--date", "2026-03-02").stdout
    assert out.strip() == "Saved check-in #1 for 2026-03-02: mood 6/10."  # nobody was asked
    shown = people.ok("checkin", "show", "1").stdout.splitlines()
    assert "With: no one recorded." in shown
    people.ok("checkin", "--mood", "5", "--date", "2026-03-03", "--with", "Sam:+1")
    assert "With: Sam (well, +1)" in people.ok("checkin", "show", "2").stdout
