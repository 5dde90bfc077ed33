"""The editor's files belong to the journal they were written for: the drafts kept from a
failed $EDITOR and the notes open in it live beside THAT journal (the default one, or the
one --db names), and its wipe, doctor and next run find them; another journal's never do."""

import json
import os
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from support import assert_user_error, flat

MARKER = "MARKER-d7a1 what I wrote about Sam tonight"
OTHER = "MARKER-0b2e written for the other journal"


@pytest.fixture
def two_journals(ipt, tmp_path, monkeypatch):
    """The default journal (no IPT_JOURNAL_DB: the platform's data folder, under tmp_path)
    and one elsewhere, named with --db. Both exist, each with a check-in."""
    monkeypatch.delenv("IPT_JOURNAL_DB")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    default = tmp_path / "xdg-data" / "ipt-journal" / "journal.db"
    elsewhere = tmp_path / "elsewhere" / "other.db"
    ipt.ok("checkin", "--mood", "5", "--date", "2026-01-01")
    ipt.ok("--db", str(elsewhere), "checkin", "--mood", "7", "--date", "2026-01-01")
    assert default.is_file() and elsewhere.is_file()
    return default, elsewhere


@pytest.fixture
def failing_editor(tmp_path, monkeypatch):
    """An editor that saves $FAKE_TEXT into the note, then fails: exits 1 (vim's :cq) or,
    with FAKE_KILL, is killed. It logs the file it was given."""
    script = tmp_path / "fake-editor"
    log = tmp_path / "editor-log.json"
    script.write_text(
        "#!/usr/bin/env python3\n"
        "import json, os, signal, sys\n"
        f"json.dump({{'path': sys.argv[1]}}, open({str(log)!r}, 'w'))\n"
        "open(sys.argv[1], 'w').write(os.environ['FAKE_TEXT'])\n"
        "if os.environ.get('FAKE_KILL'):\n"
        "    os.kill(os.getpid(), signal.SIGKILL)\n"
        "sys.exit(1)\n"
    )
    script.chmod(0o700)
    monkeypatch.setenv("VISUAL", str(script))

    def edited() -> Path:
        return Path(json.loads(log.read_text())["path"])

    return edited


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def checkin_edit(ipt, monkeypatch, text: str, *db: str, kill: bool = False):
    monkeypatch.setenv("FAKE_TEXT", text)
    if kill:
        monkeypatch.setenv("FAKE_KILL", "1")
    else:
        monkeypatch.delenv("FAKE_KILL", raising=False)
    return ipt(*db, "checkin", "--mood", "6", "--date", "2026-01-02", "--edit")


def kept_at(result) -> Path:
    words = flat(result.stderr).split("What you wrote is kept at ", 1)[1]
    return Path(words.split(" (readable only by you", 1)[0])


@pytest.mark.parametrize("kill", [False, True], ids=["exits-1", "killed"])
def test_a_failed_editors_draft_is_kept_beside_the_journal_named_with_db(
    ipt, two_journals, failing_editor, monkeypatch, kill
):
    default, elsewhere = two_journals
    result = checkin_edit(ipt, monkeypatch, MARKER, "--db", str(elsewhere), kill=kill)
    how = "was stopped (signal 9)" if kill else "exited with an error (1)"
    assert_user_error(result, f"The editor {how}, so nothing was saved to the journal")
    # The note was written beside that journal, in ipt's private folder for it.
    note = failing_editor()
    assert note.parent.parent == elsewhere.parent / ".ipt-editing"
    assert not note.exists() and not note.parent.exists()  # the editor's copy is gone
    # The draft: beside that journal, private, named for it; the message names it.
    drafts = elsewhere.parent / "drafts"
    (draft,) = drafts.iterdir()
    assert draft.name.startswith("other.db-draft-") and draft.read_text() == MARKER
    assert kept_at(result) == draft
    assert mode(draft) == 0o600 and mode(drafts) == 0o700
    # Nothing beside the default journal, and neither journal got the check-in.
    assert not (default.parent / "drafts").exists()
    assert ipt.rows_in(elsewhere, "SELECT mood FROM checkins") == [(7,)]
    assert ipt.rows_in(default, "SELECT mood FROM checkins") == [(5,)]


def test_the_default_journals_draft_stays_beside_it(ipt, two_journals, failing_editor, monkeypatch):
    default, elsewhere = two_journals
    result = checkin_edit(ipt, monkeypatch, MARKER)
    (draft,) = (default.parent / "drafts").iterdir()
    assert draft.name.startswith("journal.db-draft-") and draft.read_text() == MARKER
    assert kept_at(result) == draft and mode(draft) == 0o600
    assert not (elsewhere.parent / "drafts").exists()


def test_the_folders_are_private_whatever_the_umask(ipt, two_journals, failing_editor, monkeypatch):
    _, elsewhere = two_journals
    old = os.umask(0)
    try:
        checkin_edit(ipt, monkeypatch, MARKER, "--db", str(elsewhere))
    finally:
        os.umask(old)
    (draft,) = (elsewhere.parent / "drafts").iterdir()
    assert mode(draft) == 0o600 and mode(draft.parent) == 0o700
    assert mode(elsewhere.parent / ".ipt-editing") == 0o700


def test_wipe_of_each_journal_removes_only_its_own_drafts(ipt, two_journals, failing_editor, monkeypatch):
    default, elsewhere = two_journals
    checkin_edit(ipt, monkeypatch, MARKER)
    checkin_edit(ipt, monkeypatch, OTHER, "--db", str(elsewhere), kill=True)
    (mine,) = (default.parent / "drafts").iterdir()
    (theirs,) = (elsewhere.parent / "drafts").iterdir()

    wiped = ipt.ok("--db", str(elsewhere), "wipe", "--yes")
    assert str(theirs) in flat(wiped.stdout) and str(mine) not in flat(wiped.stdout)
    assert not theirs.exists() and not theirs.parent.exists() and not elsewhere.exists()
    assert not (elsewhere.parent / ".ipt-editing").exists()
    assert mine.read_text() == MARKER and default.exists()  # the default journal's, untouched

    wiped = ipt.ok("wipe", "--yes")
    assert str(mine) in flat(wiped.stdout)
    assert not mine.exists() and not mine.parent.exists() and not default.exists()


def test_journals_sharing_a_folder_keep_their_drafts_apart(ipt, two_journals, failing_editor, monkeypatch):
    _, elsewhere = two_journals
    sibling = elsewhere.parent / "sibling.db"
    ipt.ok("--db", str(sibling), "checkin", "--mood", "4", "--date", "2026-01-01")
    checkin_edit(ipt, monkeypatch, MARKER, "--db", str(elsewhere))
    checkin_edit(ipt, monkeypatch, OTHER, "--db", str(sibling))
    drafts = elsewhere.parent / "drafts"
    (theirs,) = drafts.glob("other.db-draft-*")
    (sibling_draft,) = drafts.glob("sibling.db-draft-*")

    wiped = ipt.ok("--db", str(sibling), "wipe", "--yes")
    assert str(sibling_draft) in flat(wiped.stdout) and str(theirs) not in flat(wiped.stdout)
    assert not sibling_draft.exists() and not sibling.exists()
    assert theirs.read_text() == MARKER and elsewhere.exists() and mode(drafts) == 0o700


def test_doctor_names_the_drafts_of_its_journal_only(ipt, two_journals, failing_editor, monkeypatch):
    default, elsewhere = two_journals
    checkin_edit(ipt, monkeypatch, MARKER, "--db", str(elsewhere))
    (draft,) = (elsewhere.parent / "drafts").iterdir()

    result = ipt("--db", str(elsewhere), "doctor", "--json")
    assert result.exit_code == 1  # text outside the journal, not encrypted: worth acting on
    findings = {f["what"]: f for f in json.loads(result.stdout)["findings"]}
    assert findings["drafts"]["ok"] is False and findings["drafts"]["fixable"] is False
    assert str(draft.parent) in findings["drafts"]["detail"] and draft.name in findings["drafts"]["detail"]
    assert MARKER not in result.stdout  # named, never shown

    plain = ipt("--db", str(elsewhere), "doctor")
    assert f"1 draft kept from a failed editor in {draft.parent}" in flat(plain.stdout)
    # --fix never removes words someone wrote.
    ipt("--db", str(elsewhere), "doctor", "--fix")
    assert draft.read_text() == MARKER

    clean = json.loads(ipt.ok("doctor", "--json").stdout)["findings"]
    drafts = {"what": "drafts", "ok": True, "fixable": False, "detail": "no drafts kept from a failed editor"}
    assert drafts in clean


def test_doctor_repairs_a_drafts_permissions(ipt, two_journals, failing_editor, monkeypatch):
    _, elsewhere = two_journals
    checkin_edit(ipt, monkeypatch, MARKER, "--db", str(elsewhere))
    (draft,) = (elsewhere.parent / "drafts").iterdir()
    draft.chmod(0o644)
    draft.parent.chmod(0o755)
    report = flat(ipt("--db", str(elsewhere), "doctor").stdout)
    assert f"{draft} is 0o644: others can read it; it should be 0o600" in report
    ipt("--db", str(elsewhere), "doctor", "--fix")
    assert mode(draft) == 0o600 and mode(draft.parent) == 0o700 and draft.read_text() == MARKER


# ------------------------------------------------------------------ drafts from before


def test_drafts_from_earlier_versions_beside_the_default_journal_are_still_found(ipt, two_journals):
    """Earlier versions kept every journal's drafts beside the default one as draft-<time>.md:
    the default journal still counts them, so nothing is lost and wipe still finds them."""
    default, elsewhere = two_journals
    drafts = default.parent / "drafts"
    drafts.mkdir(mode=0o700)
    old = drafts / "draft-20261101-120000-000001.md"
    old.write_text(MARKER)
    old.chmod(0o600)

    findings = json.loads(ipt("doctor", "--json").stdout)["findings"]
    assert any(f["what"] == "drafts" and old.name in f["detail"] for f in findings)
    other = json.loads(ipt("--db", str(elsewhere), "doctor", "--json").stdout)["findings"]
    assert not any(f["what"] == "drafts" and old.name in f["detail"] for f in other)

    assert str(old) not in flat(ipt.ok("--db", str(elsewhere), "wipe", "--yes").stdout)
    assert old.read_text() == MARKER
    assert str(old) in flat(ipt.ok("wipe", "--yes").stdout)
    assert not old.exists()


def test_doctor_finds_old_drafts_even_where_the_default_journal_is_gone(ipt, tmp_path, monkeypatch):
    monkeypatch.delenv("IPT_JOURNAL_DB")
    drafts = tmp_path / "xdg-data" / "ipt-journal" / "drafts"
    drafts.mkdir(parents=True, mode=0o700)
    (drafts / "draft-20261101-120000-000001.md").write_text(MARKER)
    result = ipt("doctor")
    assert "there is no journal file here yet" in flat(result.stdout)
    assert f"1 draft kept from a failed editor in {drafts}" in flat(result.stdout)


# ------------------------------------------------------------------ ipt killed while editing

EDITOR_THEN_KILL = '#!/bin/sh\nprintf "%s" "$FAKE_TEXT" > "$1"\necho "$1" > "$EDITED"\nkill -9 $PPID\n'


def test_a_note_left_by_a_killed_edit_is_beside_its_journal_and_swept_by_its_next_run(
    ipt, two_journals, tmp_path
):
    default, elsewhere = two_journals
    script = tmp_path / "editor.sh"
    script.write_text(EDITOR_THEN_KILL)
    script.chmod(0o700)
    edited = tmp_path / "edited.txt"
    env = {**os.environ, "VISUAL": str(script), "FAKE_TEXT": MARKER, "EDITED": str(edited)}
    command = ["--db", str(elsewhere), "checkin", "--mood", "5", "--edit"]
    done = subprocess.run([sys.executable, "-m", "ipt_journal", *command], env=env, timeout=60)
    assert done.returncode == -signal.SIGKILL
    note = Path(edited.read_text().strip())
    assert note.read_text() == MARKER  # left behind by the kill, beside its journal
    assert note.parent.parent == elsewhere.parent / ".ipt-editing"
    assert mode(note.parent.parent) == 0o700 and mode(note.parent) == 0o700 and mode(note) == 0o600

    # doctor of that journal names it; the default journal's doctor and run leave it be.
    findings = json.loads(ipt("--db", str(elsewhere), "doctor", "--json").stdout)["findings"]
    assert any(f["what"] == "leftovers" and not f["ok"] for f in findings)
    ipt.ok("checkin", "list")
    assert note.exists()
    # Its own next run removes it.
    ipt.ok("--db", str(elsewhere), "checkin", "list")
    assert not note.exists() and not note.parent.exists()
    assert ipt.rows_in(elsewhere, "SELECT count(*) FROM checkins") == [(1,)]


def test_wipe_lists_a_note_left_by_a_killed_edit_of_that_journal(ipt, two_journals):
    default, elsewhere = two_journals
    left = elsewhere.parent / ".ipt-editing" / "999999999.other.db.abc123"
    left.mkdir(parents=True)
    (left / "note.md").write_text(MARKER)
    mine = default.parent / ".ipt-editing" / "999999999.journal.db.def456"
    mine.mkdir(parents=True)
    (mine / "note.md").write_text(OTHER)
    wiped = flat(ipt.ok("--db", str(elsewhere), "wipe", "--yes").stdout)
    assert str(left / "note.md") in wiped and str(mine / "note.md") not in wiped
    assert not (elsewhere.parent / ".ipt-editing").exists()
    assert (mine / "note.md").read_text() == OTHER


def test_a_draft_the_editor_saved_as_a_new_readable_file_is_kept_private(
    ipt, two_journals, tmp_path, monkeypatch
):
    """Some editors save by writing a new file in place of the old one, with their own mode."""
    _, elsewhere = two_journals
    script = tmp_path / "replacing-editor"
    script.write_text(
        "#!/usr/bin/env python3\n"
        "import os, sys\n"
        "os.remove(sys.argv[1])\n"
        "fd = os.open(sys.argv[1], os.O_WRONLY | os.O_CREAT, 0o644)\n"
        "os.fchmod(fd, 0o644)\n"
        "os.write(fd, os.environ['FAKE_TEXT'].encode())\n"
        "sys.exit(1)\n"
    )
    script.chmod(0o700)
    monkeypatch.setenv("VISUAL", str(script))
    result = checkin_edit(ipt, monkeypatch, MARKER, "--db", str(elsewhere))
    (draft,) = (elsewhere.parent / "drafts").iterdir()
    assert kept_at(result) == draft and draft.read_text() == MARKER and mode(draft) == 0o600
    assert [p for p in (elsewhere.parent / ".ipt-editing").rglob("*") if p.is_file()] == []


def test_when_no_draft_can_be_kept_the_editors_file_is_left_and_named(
    ipt, two_journals, failing_editor, monkeypatch
):
    _, elsewhere = two_journals
    (elsewhere.parent / "drafts").write_text("not a folder")  # nowhere to keep a draft
    result = checkin_edit(ipt, monkeypatch, MARKER, "--db", str(elsewhere))
    note = failing_editor()
    assert_user_error(result, "what you wrote could not be kept as a draft", f"It is still at {note}")
    assert note.read_text() == MARKER and mode(note) == 0o600
    assert (elsewhere.parent / "drafts").read_text() == "not a folder"


def test_a_note_an_earlier_version_left_beside_a_journal_is_swept_by_its_next_run(ipt, two_journals):
    """Earlier versions named an edit's folder <pid>.<random>, without the journal's name:
    whoever ran there, the next run of a journal in that folder removes it."""
    default, elsewhere = two_journals
    left = elsewhere.parent / ".ipt-editing" / "999999999.abc123"
    left.mkdir(parents=True)
    (left / "note.md").write_text(MARKER)
    ipt.ok("checkin", "list")  # the default journal, in another folder: not its own
    assert (left / "note.md").exists()
    ipt.ok("--db", str(elsewhere), "checkin", "list")
    assert not (left / "note.md").exists() and not left.exists()


@pytest.fixture
def good_editor(tmp_path, monkeypatch):
    """An editor that saves $FAKE_TEXT and exits 0, as a person saving and quitting."""
    script = tmp_path / "good-editor"
    script.write_text(
        "#!/usr/bin/env python3\nimport os, sys\nopen(sys.argv[1], 'w').write(os.environ['FAKE_TEXT'])\n"
    )
    script.chmod(0o700)
    monkeypatch.setenv("VISUAL", str(script))
    monkeypatch.setenv("FAKE_TEXT", MARKER)


def kept_after_failure(result) -> Path:
    words = flat(result.stderr).split("What you wrote in the editor is kept at ", 1)[1]
    return Path(words.split(" (readable only by you", 1)[0])


def test_text_from_the_editor_is_kept_when_the_command_then_fails(ipt, tmp_path, good_editor):
    """The editor closed normally, then the command failed (here: the --db file is another
    program's database, found only after the editor ran): the text is a draft, not lost."""
    import sqlite3

    foreign = tmp_path / "elsewhere" / "photos.db"
    foreign.parent.mkdir()
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY)")
    result = ipt("--db", str(foreign), "checkin", "--mood", "6", "--date", "2026-01-02", "--edit")
    assert result.exit_code != 0
    assert "not an ipt journal" in flat(result.stderr)
    draft = kept_after_failure(result)
    assert draft.parent == foreign.parent / "drafts" and draft.read_text() == MARKER
    assert mode(draft) == 0o600 and mode(draft.parent) == 0o700
    with sqlite3.connect(foreign) as conn:  # and the other program's file was not changed
        assert [row[0] for row in conn.execute("SELECT name FROM sqlite_master")] == ["photos"]


def test_a_value_refused_before_the_editor_opens_leaves_nothing_to_keep(ipt, good_editor):
    """Flags are checked before the editor opens, so nobody writes a note for nothing."""
    ipt.ok("checkin", "--mood", "5", "--date", "2026-01-01")
    result = ipt("checkin", "--mood", "6", "--date", "2026-01-02", "--with", "Nobody Known", "--edit")
    assert result.exit_code == 2 and "Nobody Known" in flat(result.stderr)
    assert "kept at" not in flat(result.stderr) and not (ipt.path.parent / "drafts").exists()
    assert ipt.rows("SELECT note FROM checkins") == [(None,)]


def test_a_saved_note_leaves_no_draft(ipt, good_editor):
    result = ipt.ok("checkin", "--mood", "6", "--date", "2026-01-02", "--edit")
    assert "kept at" not in flat(result.stderr)
    assert not (ipt.path.parent / "drafts").exists()
    assert ipt.rows("SELECT note FROM checkins ORDER BY id") == [(MARKER,)]
