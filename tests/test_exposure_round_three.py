"""Issue 22, exposure and honest messages (points 8-12, 17): each test failed before its fix."""

import json
import os
import signal
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from support import assert_user_error, flat

MARKER = "MARKER-3e9f a note nobody else should read"

# ------------------------------------------------------------------ 8. kill -9 mid-output

# Runs ipt and kills it (SIGKILL, nothing can clean up) the moment its finished temporary
# copy is about to be renamed over the named output: a whole plaintext copy on disk.
KILLED_AT_RENAME = textwrap.dedent(
    """
    import os, signal, sys
    from ipt_journal.cli import main

    real_replace = os.replace

    def replace(source, target, *args, **kwargs):
        if os.path.basename(str(source)).startswith(".ipt-tmp."):
            os.kill(os.getpid(), signal.SIGKILL)
        return real_replace(source, target, *args, **kwargs)

    os.replace = replace
    sys.argv = ["ipt", *sys.argv[1:]]
    main()
    """
)


def killed(*args: str) -> None:
    done = subprocess.run([sys.executable, "-c", KILLED_AT_RENAME, *args], capture_output=True, timeout=60)
    assert done.returncode == -signal.SIGKILL, done.stderr


@pytest.mark.parametrize(
    "command",
    [
        ["backup", "{out}/copy.db"],
        ["export", "-o", "{out}/all.json"],
        ["report", "--format", "markdown", "-o", "{out}/r.md"],
    ],
)
def test_a_copy_left_by_kill_9_beside_a_named_output_is_found_and_removed(people, tmp_path, command):
    people.ok("checkin", "--date", "2026-03-02", "--mood", "5", "--note", MARKER)
    out = tmp_path / "elsewhere"
    out.mkdir()
    killed(*[part.format(out=out) for part in command])
    left = [path for path in out.iterdir() if path.name.startswith(".ipt-tmp.")]
    assert len(left) == 1 and left[0].stat().st_size > 0  # the hidden copy
    listed = people.path.parent / ".ipt-in-flight"
    assert stat.S_IMODE(listed.stat().st_mode) == 0o600
    assert str(out) in listed.read_text() and MARKER not in listed.read_text()

    result = people("doctor")
    assert result.exit_code == 1 and "1 temporary files left by an interrupted ipt" in flat(result.stdout)
    people.ok("checkin", "list")  # the next command removes it
    assert list(out.iterdir()) == []
    assert not listed.exists()  # crossed off, and the list with it
    assert "no temporary files left" in flat(people.ok("doctor").stdout)


def test_wipe_removes_a_copy_left_beside_a_named_output(people, tmp_path):
    people.ok("checkin", "--date", "2026-03-02", "--mood", "5", "--note", MARKER)
    out = tmp_path / "elsewhere"
    out.mkdir()
    killed("export", "-o", str(out / "all.json"))
    [left] = list(out.iterdir())
    assert str(left) in flat(people.ok("wipe", "--yes").stdout)
    assert list(out.iterdir()) == [] and not (people.path.parent / ".ipt-in-flight").exists()


def test_a_finished_export_leaves_no_list_behind(people, tmp_path):
    people.ok("export", "-o", str(tmp_path / "all.json"))
    people.ok("backup", str(tmp_path / "copy.db"))
    assert not (people.path.parent / ".ipt-in-flight").exists()
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == ["all.json", "copy.db"]


def test_a_running_ipts_temporary_file_is_left_alone(people, tmp_path):
    """Only a process that has ended leaves leftovers: another ipt writing now keeps its file."""
    from ipt_journal.safekeeping import files

    target = tmp_path / "out.json"
    with files.temp_output(target, people.path) as temp:
        temp.write_text(MARKER)
        people.ok("checkin", "list")
        assert temp.exists()
    assert not temp.exists() and not (people.path.parent / ".ipt-in-flight").exists()


# ------------------------------------------------------------------ 9. --edit after a kill

# The editor writes the note and then its ipt is killed (kill -9): the note is left where
# ipt put it.
EDITOR_THEN_KILL = '#!/bin/sh\nprintf "%s" "$FAKE_TEXT" > "$1"\necho "$1" > "$EDITED"\nkill -9 $PPID\n'


def test_a_note_left_by_a_killed_edit_is_in_ipts_own_folder_and_swept(people, tmp_path, monkeypatch):
    script = tmp_path / "editor.sh"
    script.write_text(EDITOR_THEN_KILL)
    script.chmod(0o700)
    edited = tmp_path / "edited.txt"
    env = {**os.environ, "VISUAL": str(script), "FAKE_TEXT": MARKER, "EDITED": str(edited)}
    env.pop("XDG_RUNTIME_DIR", None)
    env["TMPDIR"] = str(tmp_path / "tmp")
    (tmp_path / "tmp").mkdir()
    done = subprocess.run(
        [sys.executable, "-m", "ipt_journal", "checkin", "--mood", "5", "--edit"], env=env, timeout=60
    )
    assert done.returncode == -signal.SIGKILL
    note = Path(edited.read_text().strip())
    assert note.read_text() == MARKER  # left behind by the kill
    assert list((tmp_path / "tmp").iterdir()) == []  # not in /tmp, where nobody sweeps
    assert note.parent.parent == people.path.parent / ".ipt-editing"
    assert stat.S_IMODE(note.parent.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(note.parent.stat().st_mode) == 0o700
    people.ok("checkin", "list")  # the next run removes it
    assert not note.exists() and not note.parent.exists()
    assert people.count("checkins") == 0


def test_a_killed_edit_in_the_runtime_folder_is_swept_too(people, tmp_path, monkeypatch):
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    left = runtime / "ipt-journal" / ".ipt-editing" / "999999999.abc"
    left.mkdir(parents=True)
    (left / "note.md").write_text(MARKER)
    running = runtime / "ipt-journal" / ".ipt-editing" / f"{os.getpid()}.xyz"  # an edit still open
    running.mkdir()
    (running / "note.md").write_text("still being written")
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    assert str(left / "note.md") in flat(people.ok("wipe", "--yes").stdout)
    assert not (left / "note.md").exists() and (running / "note.md").exists()


# ------------------------------------------------------------------ 10. the keyring refuses

PASSPHRASE = "correct horse battery"
FAKE_KEYRING = Path(__file__).resolve().parent / "fake_keyring"


@pytest.fixture
def locked_keyring(people, tmp_path, monkeypatch):
    """An encrypted journal whose passphrase is kept in a keyring that will not remove it."""
    import keyring

    previous = keyring.get_keyring()
    monkeypatch.syspath_prepend(str(FAKE_KEYRING))
    from ipt_test_keyring import FileKeyring, LockedKeyring

    store_file = tmp_path / "keyring.json"
    monkeypatch.setenv("IPT_TEST_KEYRING", str(store_file))
    monkeypatch.setenv("IPT_JOURNAL_PASSPHRASE", PASSPHRASE)
    people.ok("encrypt", "--yes")
    keyring.set_keyring(FileKeyring())
    people.ok("passphrase", "remember")
    keyring.set_keyring(LockedKeyring())
    yield store_file
    keyring.set_keyring(previous)


def test_passphrase_forget_says_when_the_keyring_refused(people, locked_keyring):
    result = people("passphrase", "forget")
    assert_user_error(result, "did not remove it (the keyring is locked): it is still there", code=1)
    assert "no longer keeps" not in result.stdout
    assert f"keyring del ipt-journal {people.path}" in flat(result.stderr)
    assert PASSPHRASE in locked_keyring.read_text()  # what the message says: still there


def test_wipe_says_when_the_keyring_refused(people, locked_keyring):
    result = people.ok("wipe", "--yes")
    assert "no longer keeps" not in result.stdout
    assert "it is still there" in flat(result.stderr) and "keyring del ipt-journal" in flat(result.stderr)
    assert not people.path.exists() and PASSPHRASE in locked_keyring.read_text()


def test_a_refusal_raised_as_password_delete_error_is_never_called_a_removal(people, locked_keyring):
    import keyring
    from ipt_test_keyring import RefusingKeyring

    keyring.set_keyring(RefusingKeyring())
    result = people("passphrase", "forget")
    assert_user_error(result, "did not remove it (keyring is locked): it is still there", code=1)
    assert "no longer keeps" not in result.stdout
    assert PASSPHRASE in locked_keyring.read_text()


def test_forget_with_a_working_keyring_still_says_it_is_gone(people, locked_keyring):
    import keyring
    from ipt_test_keyring import FileKeyring

    keyring.set_keyring(FileKeyring())
    assert "no longer keeps the passphrase" in people.ok("passphrase", "forget").stdout
    assert PASSPHRASE not in locked_keyring.read_text()


# ------------------------------------------------------------------ 11. umask 000


def test_under_umask_000_every_folder_is_0700_and_every_file_0600(tmp_path):
    """A fresh home, the default places (no IPT_ variables), and a umask that takes nothing."""
    home = tmp_path / "fresh-home"
    home.mkdir(mode=0o700)
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("IPT_", "XDG_")) and key != "HOME"
    }
    env["HOME"] = str(home)
    outside = home / "out"

    def ipt(*args: str) -> None:
        done = subprocess.run(
            [sys.executable, "-m", "ipt_journal", *args],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
            preexec_fn=lambda: os.umask(0),
        )
        assert done.returncode == 0, done.stderr

    ipt("config", "set", "country", "GB")
    ipt("inventory", "add", "--name", "Sam", "--relationship", "partner", "--closeness", "1")
    ipt("checkin", "--date", "2026-03-02", "--mood", "5", "--note", MARKER)
    ipt("backup")
    ipt("export", "--format", "csv", "-o", str(outside / "csv"))
    made = list(home.rglob("*"))
    assert any(path.name == "config.json" for path in made) and any(path.suffix == ".csv" for path in made)
    assert any(path.name.startswith("journal-") for path in made)
    for path in made:
        expected = 0o700 if path.is_dir() else 0o600
        assert stat.S_IMODE(path.stat().st_mode) == expected, path


# ------------------------------------------------------------------ 12. what reaches a screen

IMG = "<img src=x onerror=alert(1)>"


def put(path, sql, *params):
    """Write past ipt, as an older version, another program or an edited file could have."""
    import sqlite3

    conn = sqlite3.connect(path)
    conn.execute(sql, params)
    conn.commit()
    conn.close()


def html_of(markdown_text: str) -> str:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").render(markdown_text)


def test_the_markdown_export_escapes_every_field(people):
    people.ok("checkin", "--date", "2026-03-02", "--mood", "5", "--note", "fine", "--tag", "walks")
    people.ok("cope", "log", "short-walk", "--date", "2026-03-02")
    put(people.path, "UPDATE people SET status = ? WHERE name = 'Alex'", IMG)
    put(people.path, "UPDATE coping_log SET strategy = ?", IMG)
    text = people.ok("export", "--format", "markdown").stdout
    assert "&lt;img" in text
    assert "<img" not in html_of(text)


@pytest.mark.parametrize("underline", ["===", "---", "  ==  "])
def test_a_line_of_equals_or_dashes_makes_no_heading(people, underline):
    people.ok("safety-plan", "add", "2", "--text", "a hot shower")
    put(people.path, "UPDATE safety_plan_items SET text = ?", f"Call me\n{underline}")
    text = people.ok("safety-plan", "--markdown").stdout
    rendered = html_of(text)
    assert "Call me" in rendered and "<h1>Call me" not in rendered and "<h2>Call me" not in rendered
    assert "<hr" not in rendered


def test_safe_text_markdown_escapes_underlines():
    from ipt_journal.text.safe_text import markdown

    assert "<h" not in html_of("Title\n" + markdown("===")) and "<h" not in html_of(markdown("Title\n---"))


def test_an_html_report_is_not_sent_to_a_terminal(people, tmp_path):
    import pexpect

    people.ok("checkin", "--date", "2026-03-02", "--mood", "5", "--note", "hi")
    put(people.path, "UPDATE checkins SET note = ?", "\x1b]52;c;aGk=\x07 hi")
    child = pexpect.spawn(
        sys.executable,
        ["-m", "ipt_journal", "report", "--format", "html", "--since", "2026-03-01"],
        env={**os.environ, "IPT_JOURNAL_DB": str(people.path)},
        encoding="utf-8",
        timeout=30,
    )
    child.expect(pexpect.EOF)
    child.close()
    shown = flat(child.before)
    assert child.exitstatus == 2
    assert "writes a document for a browser, not for this terminal" in shown
    assert "-o report.html" in shown and "<html" not in shown.lower() and "\x1b]52" not in child.before
    piped = subprocess.run(
        [sys.executable, "-m", "ipt_journal", "report", "--format", "html", "--since", "2026-03-01"],
        env={**os.environ, "IPT_JOURNAL_DB": str(people.path)},
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert piped.returncode == 0 and "<html" in piped.stdout.lower()


MARKUP = "[link=https://evil.example]click[/link][conceal]hidden[/conceal]"
INVISIBLE = "\U000e0041\U000e0042\u180e\u206a\u00ad"


@pytest.fixture
def marked_journal(people):
    people.ok("checkin", "--date", "2026-03-02", "--mood", "4", "--with", "Sam:+1", "--note", "a note")
    people.ok(
        "exercise", "start", "active-listening", "--with", "Sam", "--no-homework",
        *("--answer", "said=a", "--answer", "heard=b", "--answer", "reflection=c", "--answer", "check=d"),
    )  # fmt: skip
    put(people.path, "UPDATE exercises SET kind = ?, day = '2026-03-03'", MARKUP)
    put(people.path, "UPDATE checkins SET note = ?", f"a note{INVISIBLE}end")
    put(people.path, "UPDATE people SET relationship = ? WHERE name = 'Alex'", MARKUP)
    return people


@pytest.mark.parametrize(
    "command",
    [
        ["report", "--since", "2026-03-01"],
        ["prep"],
        ["exercise", "history"],
        ["checkin", "list"],
        ["checkin", "show", "1"],
        ["inventory", "show", "Alex"],
        ["search", "note"],
    ],
)
def test_stored_markup_and_invisible_characters_are_shown_not_acted_on(marked_journal, command):
    result = marked_journal(*command)
    if result.exit_code == 2 and "No such command" in result.output:
        pytest.skip("this screen is not in this version")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert not any(char in out for char in INVISIBLE)
    if "a note" in out:
        assert "\\U000e0041" in out and "\\u180e" in out
    if "click" in out:
        assert "[conceal]hidden[/conceal]" in "".join(out.split())


def test_commands_ipt_suggests_quote_names_for_the_shell(people, tmp_path):
    import shlex

    name = "O'$(touch pwned)"
    people.ok("inventory", "add", "--name", name, "--relationship", "friend", "--closeness", "2")
    result = people("inventory", "remove", name)
    assert_user_error(result)
    assert "ipt inventory remove 'O'\"'\"'$(touch pwned)' --yes" in result.stderr
    suggested = result.stderr.split("ipt inventory remove ", 1)[1].split(" --yes")[0]
    assert shlex.split(suggested) == [name]  # the shell reads back exactly the name
    assert people.rows("SELECT name FROM people WHERE name = ?", (name,)) == [(name,)]  # nothing removed
    people.ok("inventory", "edit", name, "--status", "deceased")
    died = people("checkin", "--mood", "5", "--with", f"{name}:+1")
    assert "ipt exercise start grief --with 'O'\"'\"'$(touch pwned)'" in flat(died.stderr)
    assert people.count("checkins") == 0


# ------------------------------------------------------------------ 17. honest messages


@pytest.mark.parametrize(
    ("folder", "synced"),
    [
        ("MEGAsync", True),
        ("Box", True),
        ("pCloudDrive", True),
        ("SynologyDrive", True),
        ("Yandex.Disk", True),
        ("OneDrive-Personal", True),
        ("Dropbox (Work)", True),
        ("mega-man", False),
        ("megan", False),
        ("boxes", False),
        ("dropbox_notes", False),
    ],
)
def test_cloud_sync_detection_names_the_real_sync_folders(tmp_path, ipt, folder, synced):
    journal = tmp_path / folder / "journal.db"
    ipt.ok("--db", str(journal), "inventory", "list")
    out = flat(ipt("--db", str(journal), "doctor").stdout)
    assert ("cloud-synced folder" in out) == synced, out


@pytest.mark.parametrize("mood", ["٣", "1_0", "1e1", "nan", "inf", "５"])
def test_csv_moods_are_ascii_digits_only(ipt, tmp_path, mood):
    path = tmp_path / "moods.csv"
    path.write_text(f"day,mood\n2024-03-01,4\n2024-03-02,{mood}\n", encoding="utf-8")
    result = ipt("import", "--from", "csv", str(path), "--columns", "day=day,mood=mood")
    assert_user_error(result, mood, "Nothing was imported")
    assert not ipt.path.exists() or ipt.count("checkins") == 0


def test_csv_days_are_ascii_digits_only(ipt, tmp_path):
    path = tmp_path / "moods.csv"
    path.write_text("day,mood\n٢٠٢٤-٠٣-٠١,4\n", encoding="utf-8")
    assert_user_error(ipt("import", "--from", "csv", str(path), "--columns", "day=day,mood=mood"))
    assert not ipt.path.exists() or ipt.count("checkins") == 0


def test_a_mood_map_is_ascii_digits_only(ipt, tmp_path):
    path = tmp_path / "moods.csv"
    path.write_text("day,mood\n2024-03-01,low\n", encoding="utf-8")
    args = ("import", "--from", "csv", str(path), "--columns", "day=day,mood=mood", "--mood-map")
    assert_user_error(ipt(*args, "low=٣"), "must map to a mood from 0")
    assert not ipt.path.exists() or ipt.count("checkins") == 0


@pytest.mark.parametrize("how", ["١", "+١", "1_0", "0_1", "+1e0"])
def test_with_how_it_went_is_ascii_digits_only(people, how):
    result = people("checkin", "--mood", "5", "--with", f"Sam:{how}")
    assert_user_error(result, "must be a whole number from -2")
    assert people.count("checkins") == 0 and people.count("interactions") == 0


def test_a_wrong_backup_passphrase_names_the_backups_variable(people, monkeypatch, tmp_path):
    people.ok("checkin", "--date", "2026-03-02", "--mood", "6", "--note", MARKER)
    monkeypatch.setenv("IPT_JOURNAL_PASSPHRASE", PASSPHRASE)
    people.ok("encrypt", "--yes")
    backup = tmp_path / "old.db"
    people.ok("backup", str(backup))
    people.ok("checkin", "--date", "2026-03-03", "--mood", "2", "--note", "after the backup")
    monkeypatch.setenv("IPT_BACKUP_PASSPHRASE", "not the backup's passphrase")
    result = people("restore", str(backup), "--yes")
    assert_user_error(
        result, f"Wrong passphrase for the backup at {backup}", "set IPT_BACKUP_PASSPHRASE", code=1
    )
    assert "IPT_JOURNAL_PASSPHRASE" not in result.stderr
    notes = [c["note"] for c in json.loads(people.ok("checkin", "list", "--json").stdout)]
    assert sorted(notes) == sorted([MARKER, "after the backup"])  # nothing replaced


def test_crisis_says_why_the_safety_plan_is_left_out(people, locked_keyring, monkeypatch):
    import keyring
    from ipt_test_keyring import FileKeyring, UnreadableKeyring

    monkeypatch.setenv("IPT_JOURNAL_PASSPHRASE", PASSPHRASE)
    people.ok("safety-plan", "add", "2", "--text", "a hot shower")
    monkeypatch.delenv("IPT_JOURNAL_PASSPHRASE")
    keyring.set_keyring(FileKeyring())
    assert "a hot shower" in people.ok("crisis").stdout  # the kept passphrase reads it
    keyring.set_keyring(UnreadableKeyring())
    out = people.ok("crisis")
    shown = flat(out.stdout)
    assert "988" in shown or "crisis" in shown.lower()  # the lines come first, whatever happens
    assert "a hot shower" not in shown
    assert "Your safety plan is not shown" in shown and "keyring could not be read" in shown
    data = json.loads(people.ok("crisis", "--json").stdout)
    assert data["safety_plan"] == [] and "keyring could not be read" in data["safety_plan_left_out"]


def test_a_csv_export_that_hits_a_file_size_limit_leaves_no_partial_csvs(people, tmp_path):
    """A limit on file size (as a full disk would) stops the export in the middle: no CSV of
    the set is left, and the message says nothing was written."""
    import resource

    for day in range(1, 29):
        people.ok("checkin", "--date", f"2026-02-{day:02d}", "--mood", "5", "--note", "x" * 3000)
    out = tmp_path / "csv"
    done = subprocess.run(
        [sys.executable, "-m", "ipt_journal", "export", "--format", "csv", "-o", str(out)],
        env={**os.environ, "IPT_JOURNAL_DB": str(people.path)},
        capture_output=True,
        text=True,
        timeout=60,
        preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_FSIZE, (50_000, 50_000)),
    )
    assert done.returncode != 0 and "Nothing was written" in done.stderr, done.stderr
    assert "Traceback" not in done.stderr
    assert not out.exists() or list(out.rglob("*")) == []
    assert not (people.path.parent / ".ipt-in-flight").exists()
    people.ok("export", "--format", "csv", "-o", str(out))  # without the limit, the whole set
    assert len(list(out.glob("*.csv"))) > 5 and not list(out.glob(".ipt-tmp*"))


def test_doctor_calls_a_locked_journal_in_use_not_unreadable(people):
    import sqlite3

    people.ok("checkin", "--date", "2026-03-02", "--mood", "5", "--note", MARKER)
    holder = sqlite3.connect(people.path, isolation_level=None)
    try:
        holder.execute("PRAGMA locking_mode = EXCLUSIVE")
        holder.execute("BEGIN EXCLUSIVE")
        holder.execute("UPDATE checkins SET mood = mood")
        out = flat(people("doctor").stdout)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert "is in use: another program (or another ipt) holds it locked" in out
    assert "not a readable ipt journal" not in out and "damage" in out  # "not a sign of damage"
    assert "integrity check is ok" in flat(people.ok("doctor").stdout)  # once it is free


def test_a_file_size_limit_during_import_is_not_called_damage(people, tmp_path):
    import resource

    people.ok("checkin", "--date", "2026-03-02", "--mood", "5")
    path = tmp_path / "big.csv"
    path.write_text(
        "day,mood,note\n" + "".join(f"2020-01-01,5,{'x' * 200} {i}\n" for i in range(3000)), encoding="utf-8"
    )
    size = people.path.stat().st_size
    done = subprocess.run(
        [sys.executable, "-m", "ipt_journal", "import", "--from", "csv", str(path)]
        + ["--columns", "day=day,mood=mood,note=note"],
        env={**os.environ, "IPT_JOURNAL_DB": str(people.path)},
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_FSIZE, (size + 100_000,) * 2),
    )
    assert done.returncode == 1, done.stderr
    assert "a limit on file size (ulimit -f) stopped the write" in flat(done.stderr)
    assert "damaged" not in done.stderr and "Traceback" not in done.stderr
    assert people.count("checkins") == 1  # nothing half-imported
    assert "integrity check is ok" in flat(people.ok("doctor").stdout)


# A check-in whose journal is removed (ipt wipe in another terminal) just before it saves.
WIPED_MEANWHILE = textwrap.dedent(
    """
    import os, sys
    from ipt_journal.store import core
    from ipt_journal.cli import main

    real = core.Journal.writing

    def writing(self):
        for suffix in ("", "-wal", "-shm"):
            try:
                os.unlink(f"{self.path}{suffix}")
            except FileNotFoundError:
                pass
        return real(self)

    core.Journal.writing = writing
    sys.argv = ["ipt", *sys.argv[1:]]
    main()
    """
)


def test_a_checkin_racing_wipe_is_told_the_journal_was_removed(people):
    done = subprocess.run(
        [sys.executable, "-c", WIPED_MEANWHILE, "checkin", "--mood", "5", "--note", MARKER],
        env={**os.environ, "IPT_JOURNAL_DB": str(people.path)},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1, done.stderr
    assert "was removed while this command ran (by ipt wipe, or another program). Nothing was saved" in flat(
        done.stderr
    )
    assert "damaged" not in done.stderr and "replaced" not in done.stderr and "Saved" not in done.stdout
    assert not people.path.exists()


def test_a_csv_export_killed_midway_leaves_nothing_the_next_run_misses(people, tmp_path):
    people.ok("checkin", "--date", "2026-03-02", "--mood", "5", "--note", MARKER)
    out = tmp_path / "csv"
    killed("export", "--format", "csv", "-o", str(out))
    staged = [path for path in out.rglob("*") if path.is_file()]
    assert staged and all(".ipt-tmp." in str(path) for path in staged)  # no CSV in place, half a set
    people.ok("checkin", "list")  # the next command removes the staging folder's files
    assert list(out.iterdir()) == []
    assert not (people.path.parent / ".ipt-in-flight").exists()


@pytest.mark.parametrize("limit", [300_000, 1_000_000])
def test_a_file_size_limit_while_a_new_journal_fills_is_said_as_such(tmp_path, limit):
    """Found by a second attack: under a small `ulimit -f` the failed write had already ended
    the transaction, and undoing it again read as possible damage."""
    import resource

    journal = tmp_path / "new" / "journal.db"
    path = tmp_path / "moods.csv"
    path.write_text("day,mood\n" + "".join(f"19{i % 100:02d}-01-{1 + i % 28:02d},5\n" for i in range(30_000)))
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "ipt_journal",
            "import",
            "--from",
            "csv",
            str(path),
            "--columns",
            "day=day,mood=mood",
        ],
        env={**os.environ, "IPT_JOURNAL_DB": str(journal)},
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit)),
    )
    assert done.returncode == 1, done.stderr
    assert "a limit on file size (ulimit -f) stopped the write" in flat(done.stderr)
    assert "damaged" not in done.stderr and "cannot rollback" not in done.stderr
