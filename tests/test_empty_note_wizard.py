"""An empty note from `--edit` in a terminal (issue 24, point 8): a new check-in keeps its
mood and asks whether to save without a note; emptying a written note asks before removing
it, No by default."""

import pytest

from terminal import ENTER, Terminal, end_checkin_after_the_note, rows


@pytest.fixture
def empty_editor(tmp_path, monkeypatch):
    """An editor that saves an empty file, as a person who closes it without writing."""
    script = tmp_path / "empty-editor"
    script.write_text("#!/bin/sh\nprintf '  \\n' > \"$1\"\n")
    script.chmod(0o700)
    monkeypatch.setenv("VISUAL", str(script))
    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)


def test_enter_saves_the_checkin_without_a_note(ipt, empty_editor):
    term = Terminal(ipt.path, "checkin", "--mood", "6", "--date", "2026-03-02", "--edit")
    term.answer("The note is empty. Save the check-in without a note?", ENTER)  # Yes by default
    term.at("Saved check-in #1 for 2026-03-02: mood 6/10.")
    code, output = term.finish()
    assert code == 0, output
    assert rows(ipt.path, "SELECT day, mood, note FROM checkins") == [("2026-03-02", 6, None)]


def test_no_saves_nothing(ipt, empty_editor):
    term = Terminal(ipt.path, "checkin", "--mood", "6", "--date", "2026-03-02", "--edit")
    term.answer("The note is empty. Save the check-in without a note?", "n")
    term.at("The note was empty, so nothing was saved.")
    code, output = term.finish()
    assert code == 1, output
    assert not ipt.path.exists() or rows(ipt.path, "SELECT count(*) FROM checkins") == [(0,)]


@pytest.mark.parametrize("keys, note", [((ENTER,), "Dinner with Sam"), (("y",), None)])
def test_emptying_a_written_note_asks_before_removing_it(ipt, empty_editor, keys, note):
    ipt.ok("checkin", "--mood", "6", "--note", "Dinner with Sam", "--date", "2026-03-02")
    term = Terminal(ipt.path, "checkin", "edit", "1", "--edit")
    term.answer("The note is empty. Remove the note of check-in #1?", *keys)  # No by default
    code, output = term.finish()
    assert rows(ipt.path, "SELECT mood, note FROM checkins") == [(6, note)]
    if note:
        assert code == 1 and "check-in #1 was not changed" in " ".join(output.split()), output
    else:
        assert code == 0 and "Updated check-in #1" in output, output


def test_the_wizards_e_with_an_empty_editor_keeps_the_check_in_going(ipt, empty_editor):
    term = Terminal(ipt.path, "checkin", "--date", "2026-03-02")
    term.at("How has your mood been").type("5")
    term.answer("Who did you spend meaningful time with?", ENTER)  # no one
    term.at("A note about this week?").type("e")
    term.shows("The editor left the note empty: type one, e for the editor again, or Enter.")
    term.at("A note about this week?").type("Typed after all")
    end_checkin_after_the_note(term)
    code, output = term.finish()
    assert code == 0, output
    assert "nothing was saved" not in output
    assert rows(ipt.path, "SELECT day, mood, note FROM checkins") == [("2026-03-02", 5, "Typed after all")]
