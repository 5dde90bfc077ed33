"""Reliability proofs, exposure (issue 16, items 6-9): a journal behind a symbolic link,
copies an interrupted command left, plaintext backups after `encrypt`, and text that would
act on a terminal or a spreadsheet."""

import csv
import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap

from support import assert_user_error, flat

PASSPHRASE = "correct horse battery"
MARKER = "MARKER-71aa a note nobody else should read"
ESC = "\x1b"


def put_text(path, sql, *params):
    """Write past ipt, as an old version or another program could have."""
    conn = sqlite3.connect(path)
    conn.execute(sql, params)
    conn.commit()
    conn.close()


# ------------------------------------------------------------------ 6. symbolic links


def test_encrypt_and_wipe_act_on_the_journal_a_link_points_at(tmp_path, ipt, monkeypatch):
    real = tmp_path / "real" / "journal.db"
    link = tmp_path / "link.db"
    ipt.ok("--db", str(real), "checkin", "--mood", "5", "--note", MARKER)
    ipt.ok("--db", str(real), "backup")
    link.symlink_to(real)
    monkeypatch.setenv("IPT_JOURNAL_PASSPHRASE", PASSPHRASE)
    ipt.ok("--db", str(link), "encrypt", "--yes")
    assert link.is_symlink()
    assert MARKER.encode() not in real.read_bytes()
    assert "MARKER" in ipt.ok("--db", str(link), "checkin", "list").stdout
    out = flat(ipt.ok("--db", str(link), "wipe", "--yes").stdout)
    assert str(real) in out
    assert not real.exists() and not (real.parent / "backups").exists()


# ------------------------------------------------------------------ 7. temporary files


def leftover(folder, text=MARKER):
    """A temporary file as a `kill -9` leaves it: the name ipt gives, a process long gone."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / ".ipt-tmp.999999999.journal.db.k3j2"
    path.write_text(text)
    return path


def test_doctor_reports_what_an_interrupted_ipt_left_and_the_next_run_removes_it(people):
    left = leftover(people.path.parent / "backups")
    people.path.parent.joinpath(".journal.db.abc123.tmp").write_text(MARKER)  # older versions' name
    result = people("doctor")
    assert result.exit_code == 1 and "2 temporary files left by an interrupted ipt" in flat(result.stdout)
    people.ok("report")
    assert not left.exists() and not people.path.parent.joinpath(".journal.db.abc123.tmp").exists()
    assert "no temporary files left" in flat(people.ok("doctor").stdout)


def test_another_programs_temporary_files_are_left_alone(people):
    folder = people.path.parent
    theirs = [
        folder / ".notes.db.1234.tmp",
        folder / ".ipt-tmp-not-ours",
        folder / f".ipt-tmp.{os.getpid()}.x.y",  # a running process (this one)
    ]
    for path in theirs:
        path.write_text("not ipt's to remove")
    people.ok("report")
    people.ok("doctor", "--fix")
    assert all(path.read_text() == "not ipt's to remove" for path in theirs)


def test_wipe_removes_leftovers_too(people):
    left = leftover(people.path.parent)
    assert str(left) in flat(people.ok("wipe", "--yes").stdout)
    assert not left.exists()


# Starts `ipt backup` and stops it where its copy is half made; the test then sends SIGTERM.
STUCK_BACKUP = textwrap.dedent(
    """
    import sys, time
    from ipt_journal.safekeeping import backups as safekeeping
    from ipt_journal.cli import main

    def stuck(*args, **kwargs):
        print("copying", flush=True)
        time.sleep(60)

    safekeeping.check_file = stuck
    sys.argv = ["ipt", "backup"]
    main()
    """
)


def test_sigterm_during_a_backup_leaves_no_temporary_file(people):
    backups = people.path.parent / "backups"
    proc = subprocess.Popen([sys.executable, "-c", STUCK_BACKUP], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "copying"
    assert len(list(backups.iterdir())) == 1  # the half-made copy
    proc.send_signal(signal.SIGTERM)
    proc.wait(timeout=30)
    assert proc.returncode == 128 + signal.SIGTERM
    assert list(backups.iterdir()) == []


# ------------------------------------------------------------------ 8. plaintext backups


def test_encrypt_can_encrypt_or_delete_the_plaintext_backups(people, monkeypatch):
    people.ok("checkin", "--mood", "5", "--note", MARKER)
    people.ok("backup")
    monkeypatch.setenv("IPT_JOURNAL_PASSPHRASE", PASSPHRASE)
    people.ok("encrypt", "--yes", "--backups", "encrypt")
    (backup,) = (people.path.parent / "backups").iterdir()
    assert MARKER.encode() not in backup.read_bytes()
    people.ok("decrypt", "--yes")
    people.ok("backup")
    people.ok("encrypt", "--yes", "--backups", "delete")
    assert [b.name for b in (people.path.parent / "backups").iterdir()] == [backup.name]


def test_doctor_flags_plaintext_backups_of_an_encrypted_journal(people, monkeypatch):
    people.ok("backup")
    monkeypatch.setenv("IPT_JOURNAL_PASSPHRASE", PASSPHRASE)
    out = flat(people.ok("encrypt", "--yes").stdout)  # no terminal: kept, and said so
    assert "are not encrypted" in out
    result = people("doctor")
    assert result.exit_code == 1 and "1 of them NOT encrypted" in flat(result.stdout)


# ------------------------------------------------------------------ 9. terminal and spreadsheet


def test_control_characters_are_refused_at_input(people):
    assert_user_error(
        people("inventory", "add", "--name", f"Kim{ESC}]52;c;aGk=\a", "--relationship", "friend")
    )
    assert_user_error(people("checkin", "--mood", "5", "--note", "a\x00b"), "control character")
    assert_user_error(people("checkin", "--mood", "5", "--tag", f"x{ESC}[2J"), "control character")
    assert_user_error(people("safety-plan", "add", "1", "--text", f"{ESC}[2J"), "control character")
    people.ok("checkin", "--mood", "5", "--note", "line one\nline two\twith a tab")
    assert people.count("people") == 3 and people.count("checkins") == 1


def test_control_characters_are_refused_at_import(people, tmp_path):
    people.ok("checkin", "--mood", "5", "--note", "fine")
    doc = json.loads(people.ok("export").stdout)
    doc["checkins"][0]["note"] = f"{ESC}[2Jgone"
    doc["checkins"][0]["updated_at"] = "2099-01-01T00:00:00Z"
    file = tmp_path / "hostile.json"
    file.write_text(json.dumps(doc))
    assert_user_error(people("import", str(file)), "checkins[0].note", "control character")
    assert people.rows("SELECT note FROM checkins") == [("fine",)]


def test_text_already_in_a_journal_reaches_the_terminal_shown_not_run(people):
    people.ok("checkin", "--mood", "5", "--with", "Sam:+1", "--note", "x", "--tag", "t")
    put_text(people.path, "UPDATE checkins SET note = ?", f"A{ESC}]52;c;aGk=\aB")
    put_text(people.path, "UPDATE people SET name = ? WHERE name = 'Sam'", "Sa\u202em\u200b")
    put_text(people.path, "UPDATE checkin_tags SET tag = ?", f"t{ESC}[2J")
    for command in (
        ["checkin", "list"],
        ["inventory", "list"],
        ["report"],
        [],
        ["checkin", "list", "--json"],
    ):
        out = people.ok(*command).stdout
        assert ESC not in out and "\u202e" not in out and "\u200b" not in out, command
    assert "Sa\\u202em\\u200b" in people.ok("inventory", "list").stdout
    assert "A\\x1b]52;c;aGk=" in people.ok("checkin", "list").stdout  # Rich drops the bell itself


def test_crisis_lines_cannot_be_wiped_by_the_safety_plan_after_them(people):
    people.ok("safety-plan", "add", "1", "--text", "feeling cut off")
    put_text(people.path, "UPDATE safety_plan_items SET text = ?", f"{ESC}[2J{ESC}[H\r\x08calm")
    out = people.ok("crisis").stdout
    assert ESC not in out and "\r" not in out and "\x08" not in out
    assert out.index("Help is there, any time") < out.index("\\x1b[2J")


def test_csv_cells_a_spreadsheet_would_run_are_neutralised(people, tmp_path):
    people.ok("checkin", "--mood", "5", "--note", '=HYPERLINK("http://x","y")', "--tag", "@sum")
    people.ok("inventory", "add", "--name", "+Kim", "--relationship", "friend")
    people.ok("export", "-f", "csv", "-o", str(tmp_path / "csv"))
    checkins = list(csv.DictReader((tmp_path / "csv" / "checkins.csv").open()))
    assert checkins[0]["note"] == '\'=HYPERLINK("http://x","y")'
    tags = list(csv.DictReader((tmp_path / "csv" / "checkin_tags.csv").open()))
    assert tags[0]["tag"] == "'@sum"
    names = [row["name"] for row in csv.DictReader((tmp_path / "csv" / "people.csv").open())]
    assert "'+Kim" in names and "Sam" in names


def test_markdown_output_escapes_the_persons_text(people):
    people.ok("checkin", "--mood", "5", "--note", "# not a heading <script>alert(1)</script> [x](http://y)")
    people.ok("safety-plan", "add", "1", "--text", "**loud** <b>")
    out = people.ok("export", "-f", "markdown").stdout
    assert "- Note: \\# not a heading &lt;script&gt;alert(1)&lt;/script&gt; \\[x\\](http://y)" in out
    assert "<script>" not in out
    plan = people.ok("safety-plan", "--markdown").stdout
    assert "\\*\\*loud\\*\\* &lt;b&gt;" in plan
