"""Conventions other command-line tools keep: `-` for standard input as for standard output,
a --debug flag beside IPT_DEBUG=1, and long search results through the pager like lists."""

import datetime as dt
import json
import subprocess
import sys

from support import Ipt, assert_user_error


def _other_journal(tmp_path) -> Ipt:
    return Ipt(tmp_path / "other" / "journal.db")


def _run(other: Ipt, *args: str, input: str | None = None):
    return other("--db", str(other.path), *args, input=input)


# ------------------------------------------------------------------ ipt import -


def test_import_dash_reads_an_export_from_standard_input(people, tmp_path):
    people.ok("checkin", "--date", "2026-03-02", "--mood", "7", "--with", "Sam:+1", "--note", "A walk")
    exported = people.ok("export", "--format", "json", "-o", "-").stdout
    other = _other_journal(tmp_path)
    result = _run(other, "import", "-", input=exported)
    assert result.exit_code == 0, result.output
    assert "Imported:" in result.stdout and "checkins: 1 added" in result.stdout
    assert other.rows("SELECT day, mood, note FROM checkins") == [("2026-03-02", 7, "A walk")]
    assert sorted(row[0] for row in other.rows("SELECT name FROM people")) == ["Alex", "Jo", "Sam"]


def test_import_dash_reads_a_csv_from_standard_input(ipt):
    ipt.ok("inventory", "add", "--name", "Sam", "--relationship", "partner")
    csv_text = "date,mood\n2026-03-01,4\n2026-03-02,8\n"
    result = ipt("import", "-", "--from", "csv", "--columns", "day=date,mood=mood", input=csv_text)
    assert result.exit_code == 0, result.output
    assert "Imported standard input (CSV file, 2 rows):" in result.stdout
    assert "check-ins: 2 added" in result.stdout
    assert ipt.rows("SELECT day, mood FROM checkins ORDER BY day") == [("2026-03-01", 4), ("2026-03-02", 8)]


def test_import_dash_refuses_what_is_not_an_export_and_writes_nothing(people):
    assert_user_error(people("import", "-", input="not json at all"), "The input is not JSON")
    assert_user_error(people("import", "-", input=""), "The input is not JSON")
    assert people.count("checkins") == 0 and people.count("people") == 3


def test_import_dash_from_a_terminal_says_to_pipe_a_file_in(people):
    from terminal import Terminal

    code, output = Terminal(people.path, "import", "-").finish()
    assert code == 2
    assert "reads standard input" in " ".join(output.split())
    assert people.count("checkins") == 0


def test_a_csv_problem_on_standard_input_names_standard_input(people):
    result = people(
        "import", "-", "--from", "csv", "--columns", "day=date,mood=mood", input="date,mood\nsoon,4\n"
    )
    assert_user_error(result, "standard input, line 2")
    assert people.count("checkins") == 0


# ------------------------------------------------------------------ --debug


def _broken_list(monkeypatch):
    from ipt_journal.render import checkins as render
    from ipt_journal.render import rows

    def broken(checkins):
        raise ValueError("a bug")

    monkeypatch.setattr(render, "checkins_table", broken)
    monkeypatch.setattr(rows, "checkin_rows", broken)


def test_a_bug_names_the_debug_flag_and_the_variable(people, monkeypatch):
    _broken_list(monkeypatch)
    people.ok("checkin", "--mood", "6", "--date", "2026-03-02")
    assert_user_error(
        people("checkin", "list"), "unexpected problem (ValueError)", "--debug", "IPT_DEBUG=1", code=1
    )


def test_debug_shows_the_real_error(people, monkeypatch):
    _broken_list(monkeypatch)
    people.ok("checkin", "--mood", "6", "--date", "2026-03-02")
    result = people("--debug", "checkin", "list")
    assert result.exit_code == 1  # the same code as without --debug
    assert "Traceback" in result.stderr and "ValueError: a bug" in result.stderr
    assert people.count("checkins") == 1


def test_debug_shows_the_traceback_of_a_user_error_in_a_real_run(people):
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "ipt_journal",
            "--db",
            str(people.path),
            "--debug",
            "checkin",
            "delete",
            "99",
            "--yes",
        ],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=60,
    )
    assert result.returncode == 2  # a user's mistake keeps its exit code with --debug
    assert "Traceback" in result.stderr and "NotFound" in result.stderr
    assert "Error: There is no check-in #99." in result.stderr
    without = subprocess.run(
        [sys.executable, "-m", "ipt_journal", "--db", str(people.path), "checkin", "delete", "99", "--yes"],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=60,
    )
    assert "Traceback" not in without.stderr and without.stderr.startswith("Error:")
    assert without.returncode == 2


# ------------------------------------------------------------------ search through the pager


def test_long_search_results_go_through_the_pager_in_a_terminal(people, tmp_path, monkeypatch):
    from terminal import Terminal

    paged = tmp_path / "paged.txt"
    monkeypatch.setenv("PAGER", f"cat > {paged}")
    for offset in range(20):  # three lines each: more than the terminal's 40
        day = dt.date(2026, 1, 15) + dt.timedelta(days=offset)
        people.ok(
            "checkin", "--date", day.isoformat(), "--mood", "5", "--note", f"walked by the river {offset}"
        )
    code, output = Terminal(people.path, "search", "river").finish()
    assert code == 0 and "20 found" in paged.read_text() and "20 found" not in output
    paged.unlink()
    code, output = Terminal(people.path, "--no-pager", "search", "river").finish()
    assert code == 0 and "20 found" in output and not paged.exists()
    code, output = Terminal(people.path, "search", "river", "--limit", "3").finish()
    assert code == 0 and "3 found" in output and not paged.exists()  # it fits the screen


def test_search_piped_stays_plain_rows_without_a_pager(people, monkeypatch, tmp_path):
    paged = tmp_path / "paged.txt"
    monkeypatch.setenv("PAGER", f"cat > {paged}")
    people.ok("checkin", "--date", "2026-03-02", "--mood", "5", "--note", "walked by the river")
    out = people.ok("search", "river").stdout
    assert "river" in out and not paged.exists()
    assert json.loads(people.ok("search", "river", "--json").stdout)[0]["kind"] == "check-in"


def test_an_import_from_standard_input_never_calls_itself_the_file(people, tmp_path):
    exported = people.ok("export", "--format", "json", "-o", "-").stdout
    other = _other_journal(tmp_path)
    assert _run(other, "inventory", "add", "--name", "Sam", "--relationship", "friend").exit_code == 0
    result = _run(other, "import", "-", input=exported)
    assert_user_error(result, "The imported Sam is a different person from the Sam in your journal")
    assert "The file" not in result.stderr
    assert other.rows("SELECT name, relationship FROM people") == [("Sam", "friend")]
