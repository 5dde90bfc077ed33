"""Notes written in your editor: a fake $EDITOR script stands in for the person."""

import json
from pathlib import Path

import pytest

from support import assert_user_error


@pytest.fixture
def editor(tmp_path, monkeypatch):
    """An editor that records the file it was given, its modes and content, then writes
    the text of $FAKE_TEXT into it."""
    script = tmp_path / "fake-editor"
    log = tmp_path / "editor-log.json"
    script.write_text(
        "#!/usr/bin/env python3\n"
        "import json, os, stat, sys\n"
        "path = sys.argv[1]\n"
        "before = open(path).read()\n"
        "info = {'path': path, 'file_mode': stat.S_IMODE(os.stat(path).st_mode),\n"
        "        'dir_mode': stat.S_IMODE(os.stat(os.path.dirname(path)).st_mode), 'before': before}\n"
        f"json.dump(info, open({str(log)!r}, 'w'))\n"
        "open(path, 'w').write(os.environ.get('FAKE_TEXT', '').replace('<before>', before))\n"
        "sys.exit(int(os.environ.get('FAKE_EXIT', '0')))\n"
    )
    script.chmod(0o700)
    monkeypatch.setenv("VISUAL", str(script))
    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)

    def read_log() -> dict:
        return json.loads(log.read_text())

    return read_log


def test_checkin_note_written_in_the_editor_is_saved_and_the_file_is_gone(people, editor, monkeypatch):
    monkeypatch.setenv("FAKE_TEXT", "A long week.\n\nDinner with Sam helped.\n")
    people.ok("checkin", "--mood", "6", "--edit")
    assert people.rows("SELECT note FROM checkins") == [("A long week.\n\nDinner with Sam helped.",)]
    seen = editor()
    assert seen["file_mode"] == 0o600 and seen["dir_mode"] == 0o700
    assert not Path(seen["path"]).exists() and not Path(seen["path"]).parent.exists()


def test_editing_starts_from_the_current_note(people, editor, monkeypatch):
    people.ok("checkin", "--mood", "6", "--note", "First draft")
    monkeypatch.setenv("FAKE_TEXT", "<before> and more")
    people.ok("checkin", "edit", "1", "--edit")
    assert editor()["before"] == "First draft"
    assert people.rows("SELECT note FROM checkins") == [("First draft and more",)]


def test_an_empty_note_keeps_the_mood_and_says_it_was_saved_without_one(people, editor, monkeypatch):
    # Without a terminal nobody can be asked: the mood is what was given, so it is kept.
    monkeypatch.setenv("FAKE_TEXT", "  \n\n")
    result = people.ok("checkin", "--mood", "6", "--date", "2026-03-02", "--edit")
    assert result.stdout.splitlines()[0] == "Saved check-in #1 for 2026-03-02: mood 6/10."
    assert "The note was empty, so it was saved without one" in " ".join(result.stdout.split())
    assert people.rows("SELECT day, mood, note FROM checkins") == [("2026-03-02", 6, None)]
    assert not Path(editor()["path"]).parent.exists()


def test_emptying_a_written_note_without_a_terminal_changes_nothing(people, editor, monkeypatch):
    people.ok("checkin", "--mood", "6", "--note", "Dinner with Sam", "--date", "2026-03-02")
    monkeypatch.setenv("FAKE_TEXT", "\n")
    result = people("checkin", "edit", "1", "--edit")
    assert_user_error(result, "The note was empty, so check-in #1 was not changed.", "--note ''", code=1)
    assert people.rows("SELECT note FROM checkins") == [("Dinner with Sam",)]


def test_an_editor_that_fails_saves_nothing_and_leaves_no_file(people, editor, monkeypatch):
    monkeypatch.setenv("FAKE_TEXT", "")  # the person wrote nothing before the editor failed
    monkeypatch.setenv("FAKE_EXIT", "3")
    assert_user_error(people("checkin", "--mood", "6", "--edit"), "The editor exited with an error")
    assert people.count("checkins") == 0
    assert not Path(editor()["path"]).parent.exists()


def test_a_missing_editor_is_named(people, monkeypatch):
    monkeypatch.setenv("VISUAL", "/no/such/editor")
    assert_user_error(people("checkin", "--mood", "6", "--edit"), "Could not start the editor", "EDITOR")
    assert people.count("checkins") == 0


def test_exercise_answers_written_in_the_editor(people, editor, monkeypatch):
    monkeypatch.setenv(
        "FAKE_TEXT",
        "## said: x\nYou never listen\n## heard: x\nI feel unheard\n## reflection: x\nYou want me to listen"
        "\n## check: x\nIs that right?\n",
    )
    people.ok("exercise", "start", "active-listening", "--edit", "--no-homework")
    assert "## said:" in editor()["before"]
    (answers,) = people.rows("SELECT answers FROM exercises")
    assert json.loads(answers[0])["said"] == "You never listen"


def test_the_checkin_wizard_offers_the_editor(people, editor, monkeypatch, journal_path):
    from terminal import ENTER, Terminal, decline_questionnaires

    monkeypatch.setenv("FAKE_TEXT", "Written in my editor")
    term = Terminal(journal_path, "checkin")
    term.at("Which day is this check-in for?").type("")
    term.at("How has your mood been").type("6")
    term.answer("Who did you spend", ENTER)
    term.at("A note about this week?").type("e")
    term.at("Tags, separated by commas?").type("")
    decline_questionnaires(term)
    term.at("Anything to bring to your next session?").type("")
    code, output = term.finish()
    assert code == 0, output
    assert people.rows("SELECT mood, note FROM checkins") == [(6, "Written in my editor")]


def test_an_event_note_written_in_the_editor(people, editor, monkeypatch):
    monkeypatch.setenv("FAKE_TEXT", "We moved to the coast.\nSam found it hard.\n")
    people.ok("event", "add", "--date", "2025-09", "--kind", "move", "--person", "Sam", "--edit")
    assert people.rows("SELECT note FROM events") == [("We moved to the coast.\nSam found it hard.",)]
    assert not Path(editor()["path"]).parent.exists()


def test_a_session_written_in_the_editor(people, editor, monkeypatch):
    monkeypatch.setenv("FAKE_TEXT", "## worked_on: x\nThe row with Sam\n\n## agreed: y\nTry an I-statement\n")
    people.ok("session", "add", "--with", "Dr Lee", "--edit")
    assert "## worked_on:" in editor()["before"] and "## agreed:" in editor()["before"]
    assert people.rows("SELECT worked_on, agreed FROM therapy_sessions") == [
        ("The row with Sam", "Try an I-statement")
    ]
