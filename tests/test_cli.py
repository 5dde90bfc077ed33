"""The command as a whole: entry points, the error edge, start-up imports, the dashboard."""

import datetime as dt
import json
import os
import subprocess
import sys

from ipt_journal import __version__
from support import assert_user_error, flat, python_without_the_test_clock


def run(*args: str, env_extra: dict | None = None, journal=None) -> subprocess.CompletedProcess:
    env = {**os.environ, **(env_extra or {})}
    if journal is not None:
        env["IPT_JOURNAL_DB"] = str(journal)
    return subprocess.run(
        [sys.executable, "-m", "ipt_journal", *args],
        capture_output=True,
        text=True,
        env=env,
        stdin=subprocess.DEVNULL,
        timeout=60,
    )


def test_version_via_python_m(journal_path):
    result = run("--version", journal=journal_path)
    assert result.returncode == 0 and result.stdout.strip() == f"ipt-journal {__version__}"
    assert not journal_path.exists()  # asking the version touches no journal


def test_user_mistakes_show_no_traceback_but_debug_does(journal_path):
    newer = journal_path.parent
    newer.mkdir(parents=True)
    import sqlite3

    conn = sqlite3.connect(journal_path)
    conn.execute("PRAGMA user_version = 999")
    conn.close()
    plain = run("report", journal=journal_path)
    assert plain.returncode == 1 and "Traceback" not in plain.stderr
    # no ipt mark (application_id): another program's file, whatever its user_version
    assert plain.stderr.startswith("Error: ") and "not an ipt journal" in plain.stderr
    debug = run("report", journal=journal_path, env_extra={"IPT_DEBUG": "1"})
    assert "Traceback" in debug.stderr and "JournalError" in debug.stderr


def test_stdin_not_a_terminal_never_prompts(journal_path):
    result = run("inventory", "add", journal=journal_path)
    assert result.returncode == 2
    assert "Missing --name and --relationship" in flat(result.stderr)
    assert "?" not in result.stdout


def import_check(*args: str) -> set[str]:
    """Which heavy modules a command imports, run in a fresh interpreter."""
    code = (
        "import sys, runpy\n"
        f"sys.argv = ['ipt', *{list(args)!r}]\n"
        "try:\n    runpy.run_module('ipt_journal', run_name='__main__')\n"
        "except SystemExit:\n    pass\n"
        "heavy = ('questionary', 'pydantic', 'sqlite_utils', 'rich', 'importlib.metadata',\n"
        "         'ipt_journal.safekeeping.portable', 'ipt_journal.cli.data', 'json', 'decimal',\n"
        "         'ipt_journal.wizards.checkin', 'ipt_journal.cli.therapy', 'ipt_journal.cli.measure',\n"
        "         'ipt_journal.models.journal', 'ipt_journal.models.practice')\n"
        "print('LOADED', *sorted(m for m in heavy if m in sys.modules))"
    )
    printed = python_without_the_test_clock(code)
    line = [line for line in printed.splitlines() if line.startswith("LOADED")][-1]
    return set(line.split()[1:])


def test_help_and_report_do_not_import_questionary(ipt):
    ipt.ok("inventory", "add", "--name", "Sam", "--relationship", "partner")
    assert import_check("--help") == set()  # not even the commands' own modules
    loaded = import_check("report")
    assert "questionary" not in loaded and "sqlite_utils" not in loaded
    assert "ipt_journal.safekeeping.portable" not in loaded  # the exporters load only when exporting


def test_a_checkin_by_flags_imports_no_prompts_and_no_package_metadata(ipt):
    ipt.ok("inventory", "add", "--name", "Sam", "--relationship", "partner")
    loaded = import_check("checkin", "--mood", "6", "--with", "Sam:+1", "--note", "A walk")
    assert "pydantic" in loaded  # the check-in was validated
    assert "questionary" not in loaded and "importlib.metadata" not in loaded
    # Only what a check-in by flags uses (docs/performance.md): no wizard, no session
    # commands, no questionnaire screen, no models but its own, no json to write.
    assert not loaded & {
        "ipt_journal.wizards.checkin",
        "ipt_journal.cli.therapy",
        "ipt_journal.cli.measure",
        "ipt_journal.models.journal",
        "ipt_journal.models.practice",
        "json",
    }
    assert ipt.count("checkins") == 1


def test_the_report_makes_its_records_without_dataclasses(ipt):
    """A dataclass compiles its methods at every start (0.3-0.5 ms a class, 30 ms of the
    report once): the report's records are NamedTuples, and its figures round without
    Decimal."""
    ipt.ok("inventory", "add", "--name", "Sam", "--relationship", "partner")
    ipt.ok("checkin", "--mood", "6", "--with", "Sam:+1")
    code = (
        "import dataclasses, sys, runpy\n"
        "sys.argv = ['ipt', 'report']\n"
        "try:\n    runpy.run_module('ipt_journal', run_name='__main__')\n"
        "except SystemExit:\n    pass\n"
        "made = sorted(f'{name}.{attr}' for name, module in list(sys.modules.items())\n"
        "              if name.startswith('ipt_journal') for attr, value in vars(module).items()\n"
        "              if isinstance(value, type) and dataclasses.is_dataclass(value)\n"
        "              and value.__module__ == name)\n"
        "print('MADE', made)\n"
        "print('DECIMAL', 'decimal' in sys.modules)\n"
    )
    printed = python_without_the_test_clock(code)
    assert "MADE []" in printed and "DECIMAL False" in printed, printed[-500:]


def test_dashboard_welcomes_a_new_user(ipt):
    out = flat(ipt.ok().stdout)
    assert "Welcome to ipt-journal." in out
    assert "does not replace one" in out
    assert "ipt inventory add" in out and str(ipt.path) in out


def test_dashboard_says_when_a_checkin_is_due(people):
    old = (dt.date.today() - dt.timedelta(days=9)).isoformat()
    people.ok("checkin", "--date", old, "--mood", "5")
    out = flat(people.ok().stdout)
    assert "3 people in your inventory · 1 check-in" in out
    assert "Last check-in: 9 days ago" in out and "A check-in is due." in out
    assert "Next: ipt checkin" in out
    people.ok("checkin", "--mood", "6")
    out = flat(people.ok().stdout)
    assert "Last check-in: today" in out and "A check-in is due" not in out
    assert "Next: ipt measure phq9 (the PHQ-9 and GAD-7 are due)" in out
    people.ok("measure", "phq9", "--answers", "0,0,0,0,0,0,0,0,0")
    people.ok("measure", "gad7", "--answers", "0,0,0,0,0,0,0")
    out = flat(people.ok().stdout)
    # Crisis help is pointed to on every dashboard, all-zero answers included.
    assert "Next: ipt report" in out and out.endswith("Crisis lines, any time: ipt crisis")


def test_json_output_is_plain_json_without_colour(people, monkeypatch):
    monkeypatch.delenv("NO_COLOR")
    people.ok("checkin", "--mood", "6", "--note", "[bold]not markup[/bold]")
    data = json.loads(people.ok("checkin", "list", "--json").stdout)
    assert data[0]["note"] == "[bold]not markup[/bold]"


def test_markup_in_journal_text_is_shown_as_typed(people):
    people.ok("checkin", "--mood", "6", "--note", "[red]x[/red]")
    assert "[red]x[/red]" in people.ok("checkin", "list").stdout


def test_unknown_command_is_a_usage_error(ipt):
    result = ipt("inventroy")
    assert result.exit_code == 2 and "No such command" in result.stderr


def test_unexpected_errors_do_not_leak_journal_text(people, monkeypatch):
    people.ok("checkin", "--mood", "6", "--note", "my secret note")
    from ipt_journal.render import checkins as render
    from ipt_journal.render import rows

    def broken(checkins):
        raise ValueError("my secret note")

    monkeypatch.setattr(render, "checkins_table", broken)
    monkeypatch.setattr(rows, "checkin_rows", broken)  # piped, as here, the list comes as rows
    result = people("checkin", "list")
    assert_user_error(result, "unexpected problem (ValueError)", "IPT_DEBUG=1", code=1)
    assert "my secret note" not in result.output


def test_no_pydantic_plugin_ever_sees_a_record(tmp_path, journal_path):
    """A pydantic plugin installed for another program would see every validated value."""
    site = tmp_path / "site"
    (site / "spy-1.0.dist-info").mkdir(parents=True)
    (site / "spy-1.0.dist-info" / "METADATA").write_text("Metadata-Version: 2.1\nName: spy\nVersion: 1.0\n")
    (site / "spy-1.0.dist-info" / "entry_points.txt").write_text("[pydantic]\nspy = spy_plugin:plugin\n")
    seen = tmp_path / "seen"
    (site / "spy_plugin.py").write_text(
        f"open({str(seen)!r}, 'w').close()\n"
        "class Spy:\n    def new_schema_validator(self, *args, **kwargs):\n        return None, None, None\n"
        "plugin = Spy()\n"
    )
    path = os.pathsep.join([str(site), os.environ["PYTHONPATH"]])
    env = {"PYTHONPATH": path, "PYDANTIC_DISABLE_PLUGINS": "some-other-plugin"}

    # The spy works: a plain pydantic program with this environment loads it.
    probe = "from pydantic import BaseModel\nclass M(BaseModel):\n    x: int\nM(x=1)\n"
    subprocess.run([sys.executable, "-c", probe], env={**os.environ, **env}, check=True, timeout=60)
    assert seen.exists()
    seen.unlink()

    result = run("checkin", "--mood", "6", "--note", "private", env_extra=env, journal=journal_path)
    assert result.returncode == 0, result.stderr
    assert not seen.exists()


def test_help_lists_every_command_once_in_its_section(ipt):
    out = ipt.ok("--help").stdout
    titles = ["Your course:", "Week by week:", "In a hard moment:", "Your data:"]
    assert [line for line in out.splitlines() if line in titles] == titles
    hard_moment = out.split("In a hard moment:")[1].split("Your data:")[0]
    assert hard_moment.split()[0] == "crisis"  # help first, where a person in distress looks
    commands = out.split("Your course:")[1].split("Examples:")[0]
    listed = [line.split()[0] for line in commands.splitlines() if line.startswith("  ") and line.strip()]
    assert sorted(listed) == sorted(
        [
            "start",
            "course",
            "goals",
            "review",
            "staying-well",
            "inventory",
            "checkin",
            "measure",
            "exercise",
            "pathway",
            "homework",
        ]
        + ["event", "report", "chart", "timeline", "search", "remind", "session", "bring", "prep"]
        + ["crisis", "safety-plan", "cope", "breathe", "backup", "restore", "doctor"]
        + ["export", "import", "wipe", "encrypt", "decrypt", "passphrase", "config", "completion"]
    )
