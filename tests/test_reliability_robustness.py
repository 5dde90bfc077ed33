"""Reliability proofs, robustness (issue 16, items 10-13 and 15): hostile import files,
clear messages where there was "this is a bug", numbers a keyboard types, doctor --fix
minding its own folders, and cloud-sync detection by whole folder names. The fuzz run covers
every command that reads or writes a file the person names."""

import json
import os
import stat
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from support import assert_user_error, flat, read_only

PASSPHRASE = "correct horse battery"


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text)
    return path


def ipt_process(journal, *args, timeout=30):
    """ipt in its own process, for what could hang or must not share this one's locks."""
    env = {**os.environ, "IPT_JOURNAL_DB": str(journal)}
    return subprocess.run(
        [sys.executable, "-m", "ipt_journal", *args], capture_output=True, text=True, timeout=timeout, env=env
    )


# ------------------------------------------------------------------ 10. hostile imports


def test_a_flood_of_empty_records_is_refused_at_the_first_fast(people, tmp_path):
    flood = write(
        tmp_path,
        "flood.json",
        json.dumps({"format": "ipt-journal-export", "format_version": 1, "people": [{}] * 400_000}),
    )
    started = time.monotonic()
    result = people("import", str(flood))
    assert_user_error(result, "people[0]", "Nothing was imported")
    assert "problems in all" not in result.stderr
    assert time.monotonic() - started < 10
    assert people.count("people") == 3


def test_files_over_the_size_cap_are_refused(people, tmp_path, monkeypatch):
    from ipt_journal.safekeeping import portable

    monkeypatch.setattr(portable, "MAX_IMPORT_BYTES", 1000)
    big = write(tmp_path, "big.json", " " * 2000)
    assert_user_error(people("import", str(big)), "ipt reads files up to")


def test_fifos_devices_and_folders_are_refused_without_hanging(people, tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    for source in (fifo, "/dev/zero", tmp_path):
        result = ipt_process(people.path, "import", str(source))
        assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr
        assert "not a regular file" in result.stderr or "Is a directory" in result.stderr


def test_deep_nesting_is_refused(people, tmp_path):
    deep = write(tmp_path, "deep.json", "[" * 200_000)
    assert_user_error(people("import", str(deep)), "nested far deeper")
    deep_in_a_record = '{"format": "ipt-journal-export", "format_version": 1, "people": [' + "[" * 50_000
    assert_user_error(people("import", str(write(tmp_path, "d2.json", deep_in_a_record))))


def export_with(people, tmp_path, change) -> str:
    doc = json.loads(people.ok("export").stdout)
    change(doc)
    return str(write(tmp_path, "changed.json", json.dumps(doc)))


@pytest.mark.parametrize(
    ("change", "phrase"),
    [
        (lambda d: d["checkins"][0].update(tags=["a", "a"]), "a tag appears twice"),
        (lambda d: d["checkins"][0].update(people=d["checkins"][0]["people"] * 2), "a person appears twice"),
        (lambda d: d["safety_plan"][0].update(text=None), "neither text nor a person"),
        (lambda d: d.update(format_version=True), "export format True"),
    ],
)
def test_impossible_imports_get_a_clear_message(people, tmp_path, change, phrase):
    people.ok("checkin", "--mood", "5", "--with", "Sam:+1", "--tag", "a")
    people.ok("safety-plan", "add", "1", "--text", "a walk")

    def fresh(doc):
        for record in (*doc["checkins"], *doc["safety_plan"]):
            record["uid"] += "-new"
        change(doc)

    assert_user_error(people("import", export_with(people, tmp_path, fresh)), phrase)
    assert people.count("checkins") == 1


# ------------------------------------------------------------------ 11 and 12. clear messages


def test_numbers_are_what_a_keyboard_types(people):
    for _ in range(3):
        people.ok("checkin", "--mood", "5")
    assert_user_error(people("checkin", "delete", "٣", "--yes"), "digits 0 to 9")
    assert_user_error(people("checkin", "delete", "99999999999999999999", "--yes"), "far beyond")
    assert_user_error(people("checkin", "--mood", "５"), "digits 0 to 9")
    assert_user_error(people("breathe", "--minutes", "nan"), "'nan' is not a number")
    assert people.count("checkins") == 3


def test_export_into_a_missing_folder_or_onto_a_folder_is_a_clear_error(people, tmp_path):
    assert_user_error(people("export", "-o", str(tmp_path / "nope" / "x.json")), "does not exist")
    assert_user_error(people("export", "-o", str(tmp_path)), "is a folder")
    assert_user_error(people("backup", str(tmp_path / "nope" / "x.db")), "does not exist")


def limited(size: int):
    """A file-size limit for a child process, as a full disk would feel."""
    import resource

    return lambda: resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))


@pytest.mark.parametrize("command", [["backup"], ["export", "-o", "OUT"], ["decrypt", "--yes"]])
def test_a_full_disk_is_a_clear_error_and_leaves_nothing_behind(people, tmp_path, command, monkeypatch):
    monkeypatch.setenv("IPT_JOURNAL_PASSPHRASE", PASSPHRASE)
    for n in range(40):
        people.ok("checkin", "--mood", "5", "--note", "x" * 4000 + str(n))
    if command[0] == "decrypt":
        people.ok("encrypt", "--yes")
    before = people.ok("export").stdout
    args = [str(tmp_path / "out.json") if part == "OUT" else part for part in command]
    env = {**os.environ, "IPT_JOURNAL_DB": str(people.path)}
    result = subprocess.run(
        [sys.executable, "-m", "ipt_journal", *args],
        capture_output=True,
        text=True,
        env=env,
        preexec_fn=limited(64 * 1024),
        timeout=60,
    )
    assert result.returncode in (1, 2) and "this is a bug" not in result.stderr, result.stderr
    assert "File too large" in result.stderr or "full" in result.stderr
    assert people.ok("export").stdout == before
    folders = [people.path.parent, people.path.parent / "backups", tmp_path]
    assert not [p for f in folders if f.is_dir() for p in f.iterdir() if p.name.startswith(".ipt-tmp.")]


def test_encrypt_while_another_ipt_reads_says_so_and_changes_nothing(people, monkeypatch):
    monkeypatch.setenv("IPT_JOURNAL_PASSPHRASE", PASSPHRASE)
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(f"""
            import sqlite3, sys
            conn = sqlite3.connect({str(people.path)!r}, isolation_level=None)
            conn.execute("BEGIN"); conn.execute("SELECT count(*) FROM checkins").fetchall()
            print("reading", flush=True); sys.stdin.read()
        """),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout.readline().strip() == "reading"
    try:
        assert_user_error(
            people("encrypt", "--yes"), "Another ipt has the journal", "Nothing was changed", code=1
        )
    finally:
        holder.communicate("", timeout=30)
    assert people.path.read_bytes()[:16] == b"SQLite format 3\x00"
    assert people.count("people") == 3


@pytest.mark.parametrize("command", [["encrypt", "--yes"], ["wipe", "--yes"]])
def test_a_read_only_folder_is_a_clear_error_for_encrypt_and_wipe(people, monkeypatch, command):
    monkeypatch.setenv("IPT_JOURNAL_PASSPHRASE", PASSPHRASE)
    people.ok("inventory", "list")
    undo = read_only(people.path.parent)
    try:
        result = people(*command)
        assert result.exit_code == 1 and "this is a bug" not in result.stderr, result.output
    finally:
        undo()
    assert people.path.read_bytes()[:16] == b"SQLite format 3\x00" and people.count("people") == 3


def test_doctor_explains_a_rollback_file_left_by_a_crash(people):
    crash = textwrap.dedent(f"""
        import os, signal, sqlite3
        conn = sqlite3.connect({str(people.path)!r}, isolation_level=None)
        conn.execute("PRAGMA journal_mode = DELETE")
        conn.execute("BEGIN IMMEDIATE"); conn.execute("UPDATE people SET notes = 'half written'")
        conn.execute("PRAGMA cache_spill = 1"); conn.execute("DELETE FROM people")
        os.kill(os.getpid(), signal.SIGKILL)
    """)
    subprocess.run([sys.executable, "-c", crash])
    if not os.path.getsize(f"{people.path}-journal"):
        pytest.skip("SQLite wrote nothing to the rollback file before the crash")
    result = people("doctor")
    assert result.exit_code == 1 and "rollback file" in flat(result.stdout)
    assert "Wrong passphrase" not in result.stdout and "not a readable" not in result.stdout
    people.ok("report")
    assert people.count("people") == 3 and "integrity check is ok" in flat(people.ok("doctor").stdout)


# ------------------------------------------------------------------ 13. doctor --fix


def test_doctor_fix_leaves_a_folder_ipt_did_not_make_alone(tmp_path, ipt):
    shared = tmp_path / "home"
    shared.mkdir()
    (shared / "someone-elses.txt").write_text("not ipt's")
    os.chmod(shared, 0o1777)
    journal = shared / "journal.db"
    ipt.ok("--db", str(journal), "inventory", "list")
    os.chmod(journal, 0o644)
    result = ipt("--db", str(journal), "doctor", "--fix")
    assert stat.S_IMODE(shared.stat().st_mode) == 0o1777  # sticky bit and all, untouched
    assert stat.S_IMODE(journal.stat().st_mode) == 0o600  # the journal is ipt's
    out = flat(result.stdout)
    assert result.exit_code == 1 and "ipt did not create this folder" in out and "chmod 700" in out


# ------------------------------------------------------------------ 15. cloud-sync detection


@pytest.mark.parametrize(
    ("folder", "synced"),
    [("megan", False), ("boxes", False), ("Dropbox (Work)", True), ("OneDrive - Org", True), ("MEGA", True)],
)
def test_cloud_sync_folders_match_whole_folder_names(tmp_path, ipt, folder, synced):
    journal = tmp_path / folder / "journal.db"
    ipt.ok("--db", str(journal), "inventory", "list")
    out = flat(ipt("--db", str(journal), "doctor").stdout)
    assert ("cloud-synced folder" in out) == synced, out


# ------------------------------------------------------------------ fuzz: user-named files


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    command=st.sampled_from(
        [
            ["import", "FILE"],
            ["import", "FILE", "--dry-run"],
            ["restore", "FILE", "--yes"],
            ["--db", "FILE", "report"],  # the journal is a file the person names too
            ["--db", "FILE", "doctor"],
            ["--db", "FILE", "crisis"],
        ]
    ),
    content=st.one_of(
        st.binary(max_size=3000),
        st.text(max_size=300).map(str.encode),
        st.recursive(
            st.none() | st.booleans() | st.integers() | st.text(max_size=20),
            lambda inner: (
                st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
            ),
            max_leaves=30,
        ).map(
            lambda v: json.dumps({"format": "ipt-journal-export", "format_version": 1, "people": v}).encode()
        ),
    ),
)
def test_fuzzed_files_get_clear_answers_and_the_journal_stays_intact(people, tmp_path, command, content):
    file = tmp_path / "fuzzed"
    file.write_bytes(content)
    result = people(*[str(file) if part == "FILE" else part for part in command])
    assert result.exit_code in (0, 1, 2), result.output
    assert "this is a bug" not in result.output, result.output
    result.journal_before.assert_unchanged()  # `doctor` may say what is wrong on stdout, exit 1
    assert people.rows("PRAGMA integrity_check") == [("ok",)]
    assert people.count("people") >= 3


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    command=st.sampled_from(
        [["export", "-o"], ["export", "-f", "csv", "-o"], ["export", "-f", "markdown", "-o"], ["backup"]]
    ),
    name=st.text(max_size=40),
)
def test_fuzzed_output_paths_get_clear_answers_and_never_touch_the_journal(people, tmp_path, command, name):
    target = "-" if name == "-" else str(tmp_path / name.replace("\x00", ""))
    result = people(*command, target)
    assert result.exit_code in (0, 1, 2), result.output
    assert "this is a bug" not in result.output, result.output
    if result.exit_code:
        assert "Error" in result.stderr, result.output
    result.journal_before.assert_unchanged()
    assert people.rows("PRAGMA integrity_check") == [("ok",)]


@pytest.mark.parametrize(
    "command", [["export", "-o"], ["export", "-f", "csv", "-o"], ["backup"], ["report", "-f", "html", "-o"]]
)
@pytest.mark.parametrize("name", ["", "  "])
def test_an_empty_output_name_is_refused_and_writes_nothing(people, command, name):
    result = people(*command, name)
    assert_user_error(result, "The file name is empty.")
    assert result.stdout == ""
    assert list(Path.cwd().iterdir()) == []
    assert not (people.path.parent / "backups").exists()


def test_a_journal_on_read_only_media_can_still_be_read_and_exported(people, tmp_path):
    people.ok("checkin", "--mood", "6", "--note", "kept")
    people.ok("inventory", "list")  # closed cleanly: nothing left in a -wal
    undo_file = read_only(people.path)
    undo_folder = read_only(people.path.parent)
    try:
        assert "kept" in people.ok("checkin", "list").stdout
        people.ok("export", "-o", str(tmp_path / "out.json"))
        assert json.loads((tmp_path / "out.json").read_text())["checkins"][0]["note"] == "kept"
        assert_user_error(people("checkin", "--mood", "5"), "Nothing was changed", code=1)
    finally:
        undo_folder()
        undo_file()
    assert people.count("checkins") == 1
