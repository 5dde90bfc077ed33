"""Issue 23, point 1: a communication analysis started from an incident in a terminal shows
whom, the day and the words it carries while the person answers the rest."""

import json

from terminal import ENTER, Terminal

ARGUED = "argued about the move"


def test_the_wizard_shows_the_incident_it_starts_from_while_the_person_answers(people):
    people.ok("checkin", "--date", "2026-03-02", "--mood", "5", "--with", f"Sam:-1:{ARGUED}")
    term = Terminal(
        people.path, "exercise", "start", "communication-analysis", "--from-incident", "1",
        "--date", "2026-03-04", "--no-homework", "--mood-before", "4", "--mood-after", "5",
    )  # fmt: skip
    term.at("What was said, turn by turn?")
    # Above the first question, and still on screen as it is answered.
    term.shows("Given already:").shows("About: Sam")
    term.shows("Who was it with, when, and what was going on?")
    term.shows(f"    With Sam, Monday 2 March 2026: {ARGUED}")
    term.type("Me: we should go").at("(Enter when done)").type("")
    term.shows(f"    With Sam, Monday 2 March 2026: {ARGUED}")  # still there as they go on
    term.at("What did you feel").type("scared")
    term.at("What do you think they felt").type("worried")
    term.at("What did you mean").type("meant care")
    term.answer("Did any of these happen?", ENTER)
    term.at("How did it end").type("we stopped talking")
    term.at("Other ways you could have said it").type("")
    term.at("What will you try next time?").type("say what I need")
    code, output = term.finish()
    assert code == 0, output
    ((person, raw),) = people.rows(
        "SELECT p.name, e.answers FROM exercises e JOIN people p ON p.id = e.person_id"
    )
    answers = json.loads(raw)
    assert person == "Sam"
    assert answers["context"] == f"With Sam, Monday 2 March 2026: {ARGUED}"
    assert answers["turns"] == ["Me: we should go"]
    assert answers["next_time"] == "say what I need"


def test_nothing_given_shows_no_given_lines(people):
    term = Terminal(people.path, "exercise", "start", "communication-analysis", "--no-homework")
    term.at("Your mood now")
    term.shows("Communication analysis.")
    assert not any("Given already" in line for line in term.screen.display)
    term.keys("\x03")
    code, _ = term.finish()
    assert code != 0
    assert people.count("exercises") == 0
