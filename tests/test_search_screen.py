"""`ipt search` in a terminal: each match under its kind, id and day, newest first, the
words it matched standing out, journal text shown as written (never read as markup)."""

import datetime as dt

import pytest

from support import unchanged
from terminal import Terminal


def shown(term: Terminal) -> list[str]:
    return [line.rstrip() for line in term.screen.display if line.strip()]


def marked(term: Terminal) -> list[str]:
    """The runs of text drawn bold and reversed, as the screen shows them."""
    runs, current = [], ""
    for y in range(term.screen.lines):
        for x in range(term.screen.columns):
            char = term.screen.buffer[y][x]
            if char.bold and char.reverse:
                current += char.data
            elif current:
                runs.append(current)
                current = ""
    return runs + ([current] if current else [])


def plain_at(term: Terminal, line: int, word: str) -> bool:
    """Whether `word` on screen line `line` is drawn without any emphasis."""
    text = term.screen.display[line]
    start = text.index(word)
    cells = [term.screen.buffer[line][x] for x in range(start, start + len(word))]
    return not any(cell.bold or cell.reverse for cell in cells)


@pytest.fixture
def argued(people):
    people.ok("checkin", "--date", "2026-03-02", "--mood", "3", "--note", "An argument about money with Jo")
    people.ok("checkin", "--date", "2026-03-09", "--mood", "8", "--note", "Walking by the river, no argument")
    people.ok("checkin", "--date", "2026-03-16", "--mood", "6", "--note", "A quiet week")
    people.ok("bring", "Why the argument with Jo keeps coming back")
    return people


def test_each_match_under_its_kind_id_and_day_newest_first_the_words_marked(argued):
    with unchanged(argued.path):
        term = Terminal(argued.path, "search", "argument")
        code, _ = term.finish()
    assert code == 0
    today = dt.date.today().isoformat()  # a thing to bring is dated the day it was added
    assert shown(term) == [
        f"bring #1, {today}",
        "Why the argument with Jo keeps coming back",
        "check-in #2, 2026-03-09",
        "Walking by the river, no argument",
        "check-in #1, 2026-03-02",
        "An argument about money with Jo",
        "3 found.",
    ]
    assert marked(term) == ["argument"] * 3
    assert plain_at(term, 1, "Why") and plain_at(term, 4, "river")


def test_words_match_their_other_forms_and_only_those_are_marked(argued):
    term = Terminal(argued.path, "search", "walk")
    code, _ = term.finish()
    assert code == 0
    assert shown(term) == ["check-in #2, 2026-03-09", "Walking by the river, no argument", "1 found."]
    assert marked(term) == ["Walking"]


def test_journal_text_that_looks_like_markup_is_shown_as_written(people):
    note = "Told [bold]Sam[/bold] about [red]it[/red] \\[done]"
    people.ok("checkin", "--date", "2026-03-02", "--mood", "5", "--note", note)
    # "about": a word only the note holds (the inventory's Sam is searchable too, since m014).
    term = Terminal(people.path, "search", "about")
    code, _ = term.finish()
    assert code == 0
    assert shown(term)[1] == note
    assert marked(term) == ["about"]
    assert plain_at(term, 1, "Told") and plain_at(term, 1, "it[/red]")


def test_nothing_found_says_what_to_try(argued):
    term = Terminal(argued.path, "search", "zebra")
    code, _ = term.finish()
    assert code == 0
    assert shown(term) == [
        "Nothing found. Try fewer or shorter words, or a word's start followed by * (argu*)."
    ]
