"""The session and things-to-bring questions, typed in a real pseudo-terminal."""

import datetime as dt

from terminal import CTRL_C, ENTER, SPACE, Terminal, decline_questionnaires, rows


def test_session_wizard_records_homework_and_what_was_discussed(ipt):
    ipt.ok("bring", "Why are Sundays heavy?", "--date", "2026-01-02")
    ipt.ok("bring", "Ask about sleep", "--date", "2026-01-03")
    term = Terminal(ipt.path, "session", "add")
    term.at("Which day was the session?").keys(*["\x7f"] * 10).type("2026-01-05")
    term.at("Who was it with?").type("Dr Lee")
    term.at("What did you work on?").type("The row with Sam")
    term.at("What did you agree?").type("Try an I-statement")
    term.at("Homework you agreed to try?").type("Tell Sam how I feel")
    term.at("More homework?").type("Call Jo")
    term.at("More homework?").type("")
    term.at("Which of the things you meant to bring came up?")
    term.keys("\x1b[B", SPACE, ENTER)  # untick the second: it did not come up
    code, output = term.finish()
    assert code == 0, output
    assert "Saved session #1 on 2026-01-05 (with Dr Lee)." in output
    assert rows(ipt.path, "SELECT day, with_whom, worked_on, agreed FROM therapy_sessions") == [
        ("2026-01-05", "Dr Lee", "The row with Sam", "Try an I-statement")
    ]
    assert rows(ipt.path, "SELECT text, due FROM homework ORDER BY id") == [
        ("Tell Sam how I feel", "2026-01-12"),
        ("Call Jo", "2026-01-12"),
    ]
    assert rows(ipt.path, "SELECT text, discussed_session_id FROM bring_items ORDER BY id") == [
        ("Why are Sundays heavy?", 1),
        ("Ask about sleep", None),
    ]


def test_session_wizard_with_no_one_named_is_self_guided_and_ctrl_c_saves_nothing(ipt):
    term = Terminal(ipt.path, "session", "add")
    term.at("Which day was the session?").type("")
    term.at("Who was it with?").type("")
    term.at("What did you work on?").type("Chapter 3")
    term.at("What did you agree?").type("")
    term.at("Homework you agreed to try?").keys(CTRL_C)
    code, output = term.finish()
    assert code == 130 and "Nothing was saved" in output
    assert rows(ipt.path, "SELECT count(*) FROM therapy_sessions") == [(0,)]
    term = Terminal(ipt.path, "session", "add", "--worked-on", "Chapter 3")
    term.at("Which day was the session?").type("")
    term.at("Who was it with?").type("")
    term.at("What did you work on?").type("")  # the flag's value is offered; Enter keeps it
    term.at("What did you agree?").type("")
    term.at("Homework you agreed to try?").type("")
    code, output = term.finish()
    assert code == 0 and "(self-guided)" in output, output
    assert rows(ipt.path, "SELECT day, with_whom, worked_on FROM therapy_sessions") == [
        (dt.date.today().isoformat(), None, "Chapter 3")
    ]


def test_bring_asks_in_a_terminal_and_the_checkin_wizard_asks_too(ipt):
    term = Terminal(ipt.path, "bring")
    term.at("What would you like to bring to your next session?").type("")
    term.at("Type a few words.")
    term.type("Ask about the weekend")
    code, output = term.finish()
    assert code == 0 and "Noted for your next session (#1)" in output, output
    ipt.ok("inventory", "add", "--name", "Sam", "--relationship", "partner")
    term = Terminal(ipt.path, "checkin", "--date", "today", "--with", "Sam:+1", "--note", "", "--tag", "x")
    term.at("How has your mood been").type("5")
    decline_questionnaires(term)
    term.at("Anything to bring to your next session?").type("Sleep <b>")
    code, output = term.finish()
    assert code == 0 and "1 thing to bring" in output, output
    assert rows(ipt.path, "SELECT text, source FROM bring_items ORDER BY id") == [
        ("Ask about the weekend", "note"),
        ("Sleep <b>", "checkin"),
    ]


def test_session_edit_wizard_is_prefilled_and_enter_keeps_values(ipt):
    ipt.ok(
        "session",
        "add",
        "--with",
        "Dr Lee",
        "--date",
        "2026-01-05",
        "--worked-on",
        "Money",
        "--agreed",
        "Talk",
    )
    term = Terminal(ipt.path, "session", "edit", "1")
    term.at("Which day was the session?").type("")
    term.at("Who was it with?").type("")
    term.at("What did you work on?").type(" and chores")
    term.at("What did you agree?").type("")
    code, output = term.finish()
    assert code == 0 and "Updated session #1 on 2026-01-05." in output, output
    assert rows(ipt.path, "SELECT day, with_whom, worked_on, agreed FROM therapy_sessions") == [
        ("2026-01-05", "Dr Lee", "Money and chores", "Talk")
    ]
    assert rows(ipt.path, "SELECT count(*) FROM homework") == [(0,)]
