"""Reliability proofs, data loss and crashes (issue 22, points 1-6 and 13-16): what a second
attack found, each reproduced. Nothing told "Saved" is lost by a restore, a foreign SQLite file
is never turned into a journal, read-only media shows every row, the editor's text survives
its errors, deletions are not undone by an older export, and FIFOs, devices, hostile imports
and read-only folders get a sentence instead of a hang or a crash."""

import os
import sqlite3
import subprocess
import sys
import textwrap
import time

import pytest

from support import assert_user_error, flat, read_only
from writers import Writer

MARKER = "MARKER-7c1d a note nobody else should read"


def notes_in(path) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        return {row[0] for row in conn.execute("SELECT note FROM checkins WHERE note IS NOT NULL")}
    finally:
        conn.close()


# ------------------------------------------------------------------ 1. restore keeps every "Saved"


def test_restore_loses_no_checkin_that_was_told_saved(ipt, tmp_path, monkeypatch):
    """A slow disk while the current journal is kept: a check-in saved meanwhile must end up in
    the kept copy or in the restored journal, never in neither."""
    from ipt_journal.safekeeping import backups as safekeeping

    ipt.ok("checkin", "--mood", "4", "--date", "2026-01-01", "--note", "in the backup")
    source = tmp_path / "old.db"
    ipt.ok("backup", str(source))
    real_backup = safekeeping.backup

    def slow_backup(journal, destination=None, force=False):
        made = real_backup(journal, destination, force)
        # The kept copy is made; the swap has not begun. Held open a while for the writer to
        # try in it: it may be refused or kept waiting for the lock restore holds, so this
        # cannot wait for a save. No assertion depends on how long (the saves before and
        # after are waited for).
        time.sleep(0.6)
        return made

    monkeypatch.setattr(safekeeping, "backup", slow_backup)
    writer = Writer(ipt.path)
    writer.wait_saved(2)
    result = ipt.ok("restore", str(source), "--yes")
    writer.wait_saved(1)
    writer.stop()
    saved = writer.saved()
    assert len(saved) >= 3, writer.lines
    kept = flat(result.output).split("is kept at ")[1].split()[0].rstrip(".")
    assert "in the backup" in notes_in(ipt.path)
    found = notes_in(kept) | notes_in(ipt.path)
    assert saved <= found, f"told 'Saved' but in neither file: {sorted(saved - found)}"


# ------------------------------------------------------------------ 16. FIFOs and devices


def test_a_fifo_as_the_journal_is_refused_at_once(ipt, tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    run = subprocess.run(
        [sys.executable, "-m", "ipt_journal", "--db", str(fifo), "checkin", "list"],
        capture_output=True,
        text=True,
        timeout=15,
    )
    assert run.returncode != 0
    assert "is a FIFO (a named pipe), not a journal file" in flat(run.stderr)
    assert "Traceback" not in run.stderr
    assert fifo.exists() and not fifo.is_file()


def test_dev_null_as_the_journal_is_refused_with_a_sentence(ipt):
    result = ipt("--db", "/dev/null", "checkin", "list")
    assert_user_error(result, "/dev/null is a device, not a journal file", code=1)
    assert "rollback" not in result.stderr


def test_a_fifo_as_the_restore_source_is_refused_at_once(ipt, tmp_path):
    ipt.ok("checkin", "--mood", "6", "--date", "2026-01-01", "--note", MARKER)
    fifo = tmp_path / "backup.db"
    os.mkfifo(fifo)
    run = subprocess.run(
        [sys.executable, "-m", "ipt_journal", "restore", str(fifo), "--yes"],
        capture_output=True,
        text=True,
        timeout=15,
    )
    assert run.returncode != 0
    assert "is a FIFO (a named pipe), not a backup" in flat(run.stderr)
    assert "Name a backup file (ipt doctor says where your backups are)." in flat(run.stderr)
    assert "--db" not in run.stderr  # the journal is not what was wrong
    assert notes_in(ipt.path) == {MARKER}


# ------------------------------------------------------------------ 15. wipe checks first


def test_wipe_in_a_read_only_folder_removes_nothing_and_says_why(ipt):

    ipt.ok("checkin", "--mood", "6", "--date", "2026-01-01", "--note", MARKER)
    ipt.ok("backup")
    backups = sorted((ipt.path.parent / "backups").glob("journal-*.db"))
    assert len(backups) == 1
    undo = read_only(ipt.path.parent)
    try:
        result = ipt("wipe", "--yes")
    finally:
        undo()
    assert_user_error(result, "could not be removed, so nothing was removed", code=1)
    assert "this is a bug" not in result.stderr
    assert f"cannot remove {ipt.path}: its folder {ipt.path.parent} is read-only" in flat(result.stderr)
    assert backups[0].exists() and notes_in(backups[0]) == {MARKER}
    assert notes_in(ipt.path) == {MARKER}


# ------------------------------------------------------------------ 4. a foreign SQLite file


@pytest.mark.parametrize("version", [0, 1, 5, 10, 11, 99])
def test_another_programs_database_is_never_turned_into_a_journal(ipt, tmp_path, version):
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    conn.execute("INSERT INTO notes (body) VALUES ('theirs')")
    conn.execute(f"PRAGMA user_version = {version}")
    conn.commit()
    conn.close()
    before = other.read_bytes()
    result = ipt("--db", str(other), "checkin", "--mood", "5", "--date", "2026-01-01")
    assert_user_error(result, "is an SQLite database, but not an ipt journal; it was not changed", code=1)
    assert other.read_bytes() == before
    assert not os.path.exists(f"{other}-wal")
    assert ipt.rows_in(other, "SELECT name FROM sqlite_master WHERE type = 'table'") == [("notes",)]


def test_a_file_with_ipts_tables_but_another_programs_mark_is_refused(ipt, tmp_path):
    ipt.ok("checkin", "--mood", "5", "--date", "2026-01-01")
    conn = sqlite3.connect(ipt.path)
    conn.execute("PRAGMA application_id = 1234")
    conn.close()
    before = ipt.path.read_bytes()
    assert_user_error(ipt("checkin", "list"), "not an ipt journal; it was not changed", code=1)
    assert ipt.path.read_bytes() == before


def test_new_and_older_journals_are_marked(ipt, tmp_path):
    from ipt_journal.store import APPLICATION_ID
    from support import older_journal

    ipt.ok("checkin", "--mood", "5", "--date", "2026-01-01")
    assert ipt.rows("PRAGMA application_id") == [(APPLICATION_ID,)]
    old = older_journal(tmp_path / "old.db", 10)
    assert ipt.rows_in(old, "PRAGMA application_id") == [(0,)]
    ipt.ok("--db", str(old), "checkin", "--mood", "6", "--date", "2026-01-02")
    assert ipt.rows_in(old, "PRAGMA application_id") == [(APPLICATION_ID,)]
    assert ipt.rows_in(old, "SELECT mood FROM checkins") == [(6,)]


def test_an_encrypted_journal_carries_its_mark_inside_the_encryption(ipt, monkeypatch, tmp_path):
    from sqlcipher3 import dbapi2

    from ipt_journal.store import APPLICATION_ID

    monkeypatch.setenv("IPT_JOURNAL_PASSPHRASE", "correct horse battery")
    ipt.ok("checkin", "--mood", "5", "--date", "2026-01-01", "--note", MARKER)
    ipt.ok("encrypt", "--yes")
    conn = dbapi2.connect(str(ipt.path))
    conn.execute("PRAGMA key = 'correct horse battery'")
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    conn.execute("PRAGMA application_id = 0")  # an encrypted file of another program's
    conn.execute("PRAGMA user_version = 3")
    conn.commit()
    conn.close()
    assert_user_error(ipt("checkin", "list"), "not an ipt journal; it was not changed", code=1)


# ------------------------------------------------------------------ 3. read-only media


def test_read_only_media_shows_the_rows_still_in_the_wal(ipt, tmp_path):

    ipt.ok("checkin", "--mood", "5", "--date", "2026-01-01", "--note", "folded in")
    # A check-in saved, then the machine stopped before SQLite folded the -wal into the file.
    crash = textwrap.dedent(f"""
        import os, signal, sqlite3
        conn = sqlite3.connect({str(ipt.path)!r}, isolation_level=None)
        conn.execute("PRAGMA wal_autocheckpoint = 0")
        conn.execute("INSERT INTO checkins (uid, day, mood, note, created_at, updated_at) "
                     "VALUES ('w1', '2026-01-02', 7, 'only in the wal', 'x', 'x')")
        os.kill(os.getpid(), signal.SIGKILL)
    """)
    subprocess.run([sys.executable, "-c", crash])
    assert os.path.getsize(f"{ipt.path}-wal") > 0
    companions = [
        ipt.path,
        *(p for s in ("-wal", "-shm") if (p := tmp_path / f"journal/journal.db{s}").exists()),
    ]
    undo = [read_only(p) for p in companions] + [read_only(ipt.path.parent)]
    try:
        listing = ipt.ok("checkin", "list")
        exported = ipt.ok("export")
    finally:
        for step in reversed(undo):
            step()
    assert "only in the wal" in listing.stdout and "folded in" in listing.stdout
    assert "only in the wal" in exported.stdout
    assert "cannot be read here" not in listing.stderr


def test_read_only_media_says_when_the_newest_rows_cannot_be_read(ipt, monkeypatch):
    """When SQLite cannot read the -wal (it could not open the file with mode=ro), ipt still
    shows what the file holds and says the newest entries may be missing."""
    from ipt_journal.store import core

    ipt.ok("checkin", "--mood", "5", "--date", "2026-01-01", "--note", "folded in")
    real = core.connect

    def no_wal_reading(path, key=None, read_only=False, timeout=10, immutable=False):
        if read_only and not immutable:
            raise sqlite3.OperationalError("unable to open database file")
        return real(path, key, read_only, timeout, immutable)

    monkeypatch.setattr(core, "connect", no_wal_reading)
    readable = os.access
    # read-only media: nothing may be written
    monkeypatch.setattr(core.os, "access", lambda path, mode: not mode & os.W_OK and readable(path, mode))
    with open(f"{ipt.path}-wal", "ab") as wal:
        wal.write(b"\0" * 32)  # something is in it
    listing = ipt.ok("checkin", "list")
    assert "folded in" in listing.stdout
    assert "its newest entries (in journal.db-wal) cannot be read here" in flat(listing.stderr)


# ------------------------------------------------------------------ 5. the editor's text


@pytest.fixture
def failing_editor(tmp_path, monkeypatch):
    """An editor that saves what $FAKE_TEXT says, then fails: exits 1 (vim's :cq) or, with
    FAKE_KILL, is killed."""
    script = tmp_path / "fake-editor"
    script.write_text(
        "#!/usr/bin/env python3\n"
        "import os, signal, sys\n"
        "open(sys.argv[1], 'w').write(os.environ['FAKE_TEXT'])\n"
        "if os.environ.get('FAKE_KILL'):\n"
        "    os.kill(os.getpid(), signal.SIGKILL)\n"
        "sys.exit(1)\n"
    )
    script.chmod(0o700)
    monkeypatch.setenv("VISUAL", str(script))
    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    return tmp_path / "journal" / "drafts"  # beside the journal (IPT_JOURNAL_DB), see test_editor_drafts.py


@pytest.mark.parametrize("kill", [False, True])
def test_a_failing_editors_text_is_kept_as_a_draft_without_a_terminal(ipt, failing_editor, monkeypatch, kill):
    ipt.ok("inventory", "list")  # the journal exists
    monkeypatch.setenv("FAKE_TEXT", MARKER)
    if kill:
        monkeypatch.setenv("FAKE_KILL", "1")
    result = ipt("checkin", "--mood", "6", "--date", "2026-01-01", "--edit")
    how = "was stopped (signal 9)" if kill else "exited with an error (1)"
    assert_user_error(result, f"The editor {how}, so nothing was saved to the journal")
    drafts = list(failing_editor.iterdir())
    assert len(drafts) == 1 and drafts[0].read_text() == MARKER
    assert f"What you wrote is kept at {drafts[0]}" in flat(result.stderr)
    assert oct(drafts[0].stat().st_mode & 0o777) == "0o600"
    assert oct(failing_editor.stat().st_mode & 0o777) == "0o700"
    assert ipt.count("checkins") == 0


def test_in_a_terminal_the_text_from_a_failing_editor_can_be_used(ipt, failing_editor, monkeypatch):
    from terminal import ENTER, Terminal

    monkeypatch.setenv("FAKE_TEXT", MARKER)
    term = Terminal(ipt.path, "checkin", "--mood", "6", "--date", "2026-01-01", "--edit")
    term.shows("Use what you wrote?").keys(ENTER)
    code, _ = term.finish()
    assert code == 0
    assert ipt.rows("SELECT mood, note FROM checkins") == [(6, MARKER)]
    assert not failing_editor.exists()


# ------------------------------------------------------------------ 2. one rule for days


@pytest.mark.parametrize(
    ("args", "phrase"),
    [
        (["checkin", "--mood", "5", "--date", "0202-05-01"], "0202-05-01 is before 1900"),
        (["homework", "add", "Call Sam", "--due", "2206-01-01"], "is more than a year ahead"),
        (["measure", "phq9", "--answers", "0,0,0,0,0,0,0,0,0", "--date", "1899-12-31"], "before 1900"),
    ],
)
def test_days_no_record_may_carry_are_refused_at_input(ipt, args, phrase):
    ipt.ok("inventory", "list")  # the journal exists
    result = ipt(*args)
    assert_user_error(result, phrase)
    for table in ("checkins", "homework", "measures"):
        assert ipt.count(table) == 0


def test_the_models_refuse_such_days_too():
    import datetime as dt

    from ipt_journal.errors import InputError
    from ipt_journal.models import CheckinIn, HomeworkIn, validate

    with pytest.raises(InputError, match="before 1900"):
        validate(CheckinIn, {"day": dt.date(202, 5, 1), "mood": 5})
    with pytest.raises(InputError, match="more than a year ahead"):
        validate(HomeworkIn, {"text": "Call Sam", "due": dt.date.today() + dt.timedelta(days=400)})


def test_a_journal_that_already_holds_odd_days_moves_whole(ipt, tmp_path):
    """An older ipt let in a check-in of 0202 and homework due in 2206: the export imports into
    a new journal whole, and the import names those records."""
    ipt.ok("checkin", "--mood", "5", "--date", "2026-01-01", "--note", "ordinary")
    ipt.ok("homework", "add", "Call Sam")
    conn = sqlite3.connect(ipt.path)
    conn.execute("UPDATE checkins SET day = '0202-05-01'")
    conn.execute("UPDATE homework SET due = '2206-01-01'")
    conn.commit()
    conn.close()
    exported = tmp_path / "all.json"
    ipt.ok("export", "-o", str(exported))
    new = tmp_path / "new" / "journal.db"
    result = ipt("--db", str(new), "import", str(exported))
    assert result.exit_code == 0, result.output
    said = flat(result.stdout)
    assert "2 records in the file carry a day ipt would not take today" in said
    assert "checkins[0]: day 0202-05-01 is before 1900" in said
    assert "homework[0]: due 2206-01-01 is more than a year ahead" in said
    assert ipt.rows_in(new, "SELECT day, note FROM checkins") == [("0202-05-01", "ordinary")]
    assert ipt.rows_in(new, "SELECT due FROM homework") == [("2206-01-01",)]


# ------------------------------------------------------------------ 14. hostile imports

DAYLIO_HEADER = "full_date,date,weekday,time,mood,activities,note_title,note\n"
DAYLIO_ROW = '2026-01-0{n},January {n},Thursday,21:30,good,{activities},,"{note}"\n'


@pytest.mark.parametrize(
    ("row", "phrase"),
    [
        ({"note": "a\x00b"}, "line 3, column note: the text contains a control character (NUL (\\x00))"),
        ({"note": "a\x1b[2Jb"}, "line 3, column note: the text contains a control character (\\x1b)"),
        ({"activities": "walk | fr\x1biends"}, "line 3, column activities: the text contains a control"),
    ],
)
def test_daylio_control_characters_are_named_by_line_and_column(ipt, tmp_path, row, phrase):
    ipt.ok("inventory", "list")
    cells = {"activities": "walk", "note": "fine", **row}
    text = (
        DAYLIO_HEADER + DAYLIO_ROW.format(n=1, activities="walk", note="ok") + DAYLIO_ROW.format(n=2, **cells)
    )
    source = tmp_path / "daylio.csv"
    source.write_text(text)
    result = ipt("import", "--from", "daylio", str(source))
    assert_user_error(result, phrase, "Nothing was imported")
    assert "this is a bug" not in result.stderr
    assert ipt.count("checkins") == 0


@pytest.mark.parametrize(
    ("cells", "phrase"),
    [
        ('2020-01-01,5,"a\x00b"', "line 2, column note: the text contains a control character"),
        ('2020-01-01,5,"a\x1bb"', "line 2, column note: the text contains a control character (\\x1b)"),
        ("1800-01-01,5,old", "line 2, column date: the date 1800-01-01 is before 1900"),
    ],
)
def test_csv_imports_name_bad_cells_instead_of_crashing(ipt, tmp_path, cells, phrase):
    ipt.ok("inventory", "list")
    source = tmp_path / "moods.csv"
    source.write_text(f"date,mood,note\n{cells}\n")
    result = ipt("import", "--from", "csv", "--columns", "day=date,mood=mood,note=note", str(source))
    assert_user_error(result, phrase, "Nothing was imported")
    assert "this is a bug" not in result.stderr
    assert ipt.count("checkins") == 0


def test_an_import_error_names_a_few_examples_never_the_whole_file(ipt, tmp_path):
    ipt.ok("inventory", "list")
    source = tmp_path / "moods.csv"
    source.write_text("date,mood\n" + "".join(f"2020-01-01,label{n}\n" for n in range(5000)))
    result = ipt("import", "--from", "csv", "--columns", "day=date,mood=mood", str(source))
    assert_user_error(result, "mood labels ipt cannot place", "and 4995 more", "Nothing was imported")
    assert len(result.stderr) < 2000
    assert ipt.count("checkins") == 0


# ------------------------------------------------------------------ 6. deletions are remembered


@pytest.mark.sqlite_clock
def test_an_older_export_does_not_bring_a_deleted_checkin_back(ipt, tmp_path):
    import json

    ipt.ok("checkin", "--mood", "5", "--date", "2026-01-01", "--note", MARKER)
    ipt.ok("checkin", "--mood", "7", "--date", "2026-01-02", "--note", "kept")
    older = tmp_path / "older.json"
    ipt.ok("export", "-o", str(older))
    ipt.ok("checkin", "delete", "1", "--yes")
    result = ipt.ok("import", str(older))
    assert "checkins: 0 added, 0 updated, skipped: 1 deleted since" in flat(result.stdout)
    assert ipt.rows("SELECT note FROM checkins") == [("kept",)]
    # the export carries the deletion: which record and when, never its text
    doc = json.loads(ipt.ok("export").stdout)
    (uid,) = [c["uid"] for c in json.loads(older.read_text())["checkins"] if c["note"] == MARKER]
    assert [(d["uid"], d["kind"]) for d in doc["deleted"]] == [(uid, "checkins")]
    assert MARKER not in json.dumps(doc["deleted"])


@pytest.mark.sqlite_clock
def test_a_deletion_in_an_export_removes_the_older_copy_elsewhere(ipt, tmp_path):
    ipt.ok("inventory", "add", "--name", "Sam", "--relationship", "partner")
    ipt.ok("checkin", "--mood", "5", "--date", "2026-01-01", "--note", MARKER, "--with", "Sam:+1")
    first = tmp_path / "first.json"
    ipt.ok("export", "-o", str(first))
    other = tmp_path / "other" / "journal.db"
    ipt.ok("--db", str(other), "import", str(first))
    assert ipt.rows_in(other, "SELECT note FROM checkins") == [(MARKER,)]
    ipt.ok("checkin", "delete", "1", "--yes")
    second = tmp_path / "second.json"
    ipt.ok("export", "-o", str(second))
    result = ipt.ok("--db", str(other), "import", str(second))
    assert "1 deleted (deleted in the file's journal)" in flat(result.stdout)
    assert "Your journal as it was is kept at" in flat(result.stdout)
    assert ipt.rows_in(other, "SELECT count(*) FROM checkins") == [(0,)]
    assert ipt.rows_in(other, "SELECT count(*) FROM interactions") == [(0,)]
    assert ipt.rows_in(other, "SELECT name FROM people") == [("Sam",)]
    # and it stays deleted there when the first export comes round again
    again = ipt.ok("--db", str(other), "import", str(first))
    assert "skipped: 1 deleted since" in flat(again.stdout)
    assert ipt.rows_in(other, "SELECT count(*) FROM checkins") == [(0,)]


# ------------------------------------------------------------------ 13. passphrase under load


def test_changing_the_passphrase_under_running_checkins_loses_nothing_and_crashes_nothing(ipt, monkeypatch):
    from sqlcipher3 import dbapi2

    old, new = "correct horse battery", "staple of the new one"
    monkeypatch.setenv("IPT_JOURNAL_PASSPHRASE", old)
    ipt.ok("checkin", "--mood", "5", "--date", "2026-01-01", "--note", "before")
    ipt.ok("encrypt", "--yes")
    writer = Writer(ipt.path, old)
    writer.wait_saved(1)
    monkeypatch.setenv("IPT_JOURNAL_NEW_PASSPHRASE", new)
    result = ipt.ok("passphrase")
    assert "The passphrase is changed" in result.stdout
    writer.wait_answers(2)  # it tries again with the old passphrase
    err = writer.stop()
    assert writer.process.returncode == 0 and "Traceback" not in err, err
    saved = writer.saved()
    assert saved, writer.lines  # (after the change, the old passphrase is refused: every try says so)
    refusals = [line for line in writer.lines if line.startswith("refused")]
    assert all(
        "Wrong passphrase" in line or "was replaced" in line or "another ipt" in line.lower()
        for line in refusals
    ), refusals
    conn = dbapi2.connect(str(ipt.path))
    conn.execute(f"PRAGMA key = '{new}'")
    kept = {row[0] for row in conn.execute("SELECT note FROM checkins")}
    conn.close()
    assert saved <= kept, f"told 'Saved' but lost: {sorted(saved - kept)}"


def test_a_wizard_waiting_for_answers_keeps_them_when_the_passphrase_is_changed(ipt, monkeypatch):
    """`ipt passphrase` cannot replace the journal while a wizard has it open: it says so and
    changes nothing, and the wizard's answers are then saved as usual."""
    from ipt_journal.safekeeping import backups as safekeeping
    from terminal import Terminal

    old = "correct horse battery"
    monkeypatch.setenv("IPT_JOURNAL_PASSPHRASE", old)
    ipt.ok("checkin", "--mood", "5", "--date", "2026-01-01")
    ipt.ok("encrypt", "--yes")
    term = Terminal(ipt.path, "checkin", "--date", "2026-01-02", "--note", MARKER, "--tag", "x")
    term.at("How has your mood been")
    monkeypatch.setattr(safekeeping, "BUSY_TIMEOUT_SECONDS", 1)
    monkeypatch.setenv("IPT_JOURNAL_NEW_PASSPHRASE", "a new one entirely")
    busy = ipt("passphrase")
    assert_user_error(busy, "Another ipt has the journal at", "Nothing was changed", code=1)
    assert "this is a bug" not in busy.stderr
    term.type("8")
    from terminal import ENTER, decline_questionnaires

    term.answer("Who did you spend meaningful time with?", ENTER)
    decline_questionnaires(term)
    term.at("Anything to bring to your next session?").type("")
    code, output = term.finish()
    assert code == 0, output
    from sqlcipher3 import dbapi2

    conn = dbapi2.connect(str(ipt.path))
    conn.execute(f"PRAGMA key = '{old}'")
    assert conn.execute("SELECT day, mood, note FROM checkins ORDER BY day").fetchall() == [
        ("2026-01-01", 5, None),
        ("2026-01-02", 8, MARKER),
    ]
    conn.close()


def test_wipe_removes_the_drafts_kept_from_a_failed_editor(ipt, failing_editor, monkeypatch, tmp_path):
    ipt.ok("inventory", "list")
    monkeypatch.setenv("FAKE_TEXT", MARKER)
    ipt("checkin", "--mood", "6", "--date", "2026-01-01", "--edit")
    (draft,) = failing_editor.iterdir()
    result = ipt.ok("wipe", "--yes")
    assert str(draft) in flat(result.stdout)
    assert not draft.exists() and not failing_editor.exists() and not ipt.path.exists()
