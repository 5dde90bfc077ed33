"""Keys a person presses in the wizards (issue 24, point 8), in a real pseudo-terminal."""

from terminal import ENTER, Terminal, end_checkin_after_the_note, rows

ESCAPE = "\x1b"


def test_a_questionnaire_answer_is_picked_by_typing_its_number(ipt):
    answers = [2, 1, 0, 3, 0, 1, 2, 0, 1]
    term = Terminal(ipt.path, "measure", "phq9", "--date", "2026-03-02")
    for number, answer in enumerate(answers, start=1):
        term.answer(f"{number}/9 ", str(answer), ENTER)
    term.answer("how difficult have these problems made it", "2", ENTER)  # very difficult
    code, output = term.finish()
    assert code == 0, output
    assert rows(ipt.path, "SELECT answers, total, difficulty FROM measures") == [
        ("[2, 1, 0, 3, 0, 1, 2, 0, 1]", 10, 2)
    ]
    assert "ipt crisis" in output  # item 9 was 1: crisis lines right after the answers


def test_typing_letters_in_a_people_list_finds_where_they_are_seen_and_ticks_no_one(people):
    term = Terminal(people.path, "checkin", "--date", "2026-03-02")
    term.at("How has your mood been").type("6")
    # Before, "a" silently ticked everyone and "i" inverted the ticks.
    term.shows("Who did you spend meaningful time with? (Space ticks, type to find one, Enter when done)")
    term.answer("Who did you spend meaningful time with?", "a")
    term.shows("Find: a")
    term.keys("i").shows("Find: ai").shows('No match for "ai": nothing is ticked.')
    term.keys(ESCAPE).shows("» ○ Jo (sibling)")  # cleared: the whole list, nothing ticked
    assert not any("●" in line for line in term.screen.display)
    term.keys(ENTER)
    term.at("A note about this week?").type("")
    end_checkin_after_the_note(term)
    code, output = term.finish()
    assert code == 0, output
    assert rows(people.path, "SELECT mood FROM checkins") == [(6,)]
    assert rows(people.path, "SELECT count(*) FROM interactions") == [(0,)]


def test_a_short_or_mistyped_passphrase_is_asked_again(people):
    term = Terminal(people.path, "encrypt")
    term.at("New passphrase").type("short")
    term.shows("A passphrase needs at least 8 characters. Please choose a longer one.")
    term.at("New passphrase").type("tenletters")
    term.shows("That works, but 16 characters or more (four random words, say)")
    term.at("The same passphrase again").type("tenlettres")
    term.shows("The two passphrases differ; please type it twice again.")
    term.at("New passphrase").type("correct horse battery staple")
    term.at("The same passphrase again").type("correct horse battery staple")
    term.answer("Encrypt the journal now?", "y")
    code, output = term.finish()
    assert code == 0, output
    assert "is now encrypted" in output and "correct horse" not in output
    term = Terminal(people.path, "inventory", "list")
    term.at("Passphrase for your journal").type("correct horse battery staple")
    code, output = term.finish()
    assert code == 0 and "Sam" in output


def test_three_failed_passphrase_tries_change_nothing(people):
    term = Terminal(people.path, "encrypt")
    for _ in range(3):
        term.at("New passphrase").type("short")
    code, output = term.finish()
    assert code == 2
    assert "No passphrase was set after 3 tries. Nothing was changed." in output
    assert rows(people.path, "SELECT count(*) FROM people") == [(3,)]  # still plain SQLite


def test_how_it_went_is_picked_by_typing_its_sign_and_number(people):
    term = Terminal(people.path, "checkin", "--date", "2026-03-02")
    term.at("How has your mood been").type("6")
    term.answer("Who did you spend meaningful time with?", " ", ENTER)  # the first: Jo
    term.shows("(arrows, or type -1, +2, ...)")
    term.answer("How did it go with Jo?", "-", "1")
    term.shows("/ -1...")  # what was typed, where the person sees it; the list narrows to it
    assert not any("+1  well" in line for line in term.screen.display)
    term.keys(ENTER)
    term.at("What happened with Jo? (optional").type("")
    term.at("A note about this week?").type("")
    end_checkin_after_the_note(term)
    code, output = term.finish()
    assert code == 0, output
    assert rows(people.path, "SELECT quality FROM interactions") == [(-1,)]
