"""ipt remind: ready lines for cron, systemd and launchd, and a notification that shows no
journal text."""

import os
import plistlib
import re
import shlex
import subprocess
import sys

import pytest

from ipt_journal.remind import MESSAGE
from support import assert_user_error


def test_cron_line_runs_notify_weekly(ipt):
    result = ipt.ok("remind", "--scheduler", "cron", "--day", "mon", "--time", "8:30")
    comment, line = result.stdout.strip().splitlines()
    assert comment == "# every Monday at 08:30. Add this line with: crontab -e"
    match = re.fullmatch(r"30 8 \* \* 1 DBUS_SESSION_BUS_ADDRESS=unix:path=/run/user/(\d+)/bus (.+)", line)
    assert match and int(match[1]) == os.getuid()
    assert shlex.split(match[2])[-2:] == ["remind", "notify"]
    assert "crontab -e" in result.stderr


def test_the_cron_command_really_runs_and_prints_without_a_desktop(ipt, tmp_path):
    line = ipt.ok("remind", "--scheduler", "cron").stdout.strip().splitlines()[-1]
    assert line.startswith("0 19 * * 0 ")  # Sunday 19:00 by default; cron counts Sunday as 0
    command = shlex.split(line.split(" ", 6)[6])
    env = {"PATH": str(tmp_path), "HOME": str(tmp_path), "IPT_JOURNAL_DB": str(tmp_path / "journal.db")}
    env["PYTHONPATH"] = os.environ["PYTHONPATH"]
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == MESSAGE
    assert not (tmp_path / "journal.db").exists()  # the reminder never opens the journal


def test_systemd_user_timer(ipt):
    out = ipt.ok("remind", "--scheduler", "systemd", "--day", "Wednesday", "--time", "20:15").stdout
    assert "mkdir -p ~/.config/systemd/user\n" in out
    assert "\nOnCalendar=Wed *-*-* 20:15:00\nPersistent=true\n" in out
    exec_start = re.search(r"^ExecStart=(.+)$", out, re.MULTILINE)[1]
    assert exec_start.endswith(" remind notify")
    assert out.rstrip().endswith(
        "systemctl --user daemon-reload && systemctl --user enable --now ipt-remind.timer"
    )


def test_launchd_agent_is_a_valid_plist(ipt):
    out = ipt.ok("remind", "--scheduler", "launchd", "--day", "sunday", "--time", "07:05").stdout
    body = out.split("<<'EOF'\n", 1)[1].split("\nEOF\n", 1)[0]
    plist = plistlib.loads(body.encode())
    assert plist["Label"] == "org.ipt-journal.remind"
    assert plist["ProgramArguments"][-2:] == ["remind", "notify"]
    assert plist["StartCalendarInterval"] == {"Weekday": 0, "Hour": 7, "Minute": 5}
    assert "launchctl bootstrap gui/$(id -u) ~/Library/LaunchAgents/org.ipt-journal.remind.plist" in out


def test_the_default_scheduler_follows_the_system(ipt, monkeypatch):
    monkeypatch.setattr(sys, "platform", "darwin")
    assert "<plist" in ipt.ok("remind").stdout
    monkeypatch.setattr(sys, "platform", "linux")
    assert "crontab -e" in ipt.ok("remind").stdout


def test_bad_day_time_or_scheduler(ipt):
    assert_user_error(ipt("remind", "--day", "someday"), "--day must be a day of the week")
    assert_user_error(ipt("remind", "--day", "t"), "--day must be a day of the week")
    assert_user_error(ipt("remind", "--time", "7pm"), "--time must be a time of day written HH:MM")
    assert_user_error(ipt("remind", "--scheduler", "at"), "--scheduler must be cron, systemd or launchd")


@pytest.fixture
def fake_notifier(tmp_path, monkeypatch):
    """A notify-send or osascript that records its arguments (exit code as asked)."""

    def make(name: str, exit_code: int = 0):
        bin_dir = tmp_path / "bin"
        bin_dir.mkdir(exist_ok=True)
        record = tmp_path / f"{name}.args"
        script = bin_dir / name
        script.write_text(
            f"#!{sys.executable}\nimport sys, json\n"
            f"open({str(record)!r}, 'w').write(json.dumps(sys.argv[1:]))\nsys.exit({exit_code})\n"
        )
        script.chmod(0o755)
        monkeypatch.setenv("PATH", str(bin_dir))
        return record

    return make


def test_notify_uses_notify_send_and_shows_no_journal_text(people, fake_notifier):
    import json

    people.ok("checkin", "--mood", "3", "--with", "Sam:-2", "--note", "Private words about Sam")
    record = fake_notifier("notify-send")
    result = people.ok("remind", "notify")
    assert result.stdout == ""
    args = json.loads(record.read_text())
    assert args == ["--app-name", "ipt-journal", "ipt-journal", MESSAGE]
    assert not any("Sam" in arg or "Private" in arg for arg in args)


def test_notify_uses_osascript_on_macos(ipt, fake_notifier, monkeypatch):
    import json

    monkeypatch.setattr(sys, "platform", "darwin")
    record = fake_notifier("osascript")
    ipt.ok("remind", "notify")
    assert json.loads(record.read_text()) == [
        "-e",
        f'display notification "{MESSAGE}" with title "ipt-journal"',
    ]


def test_notify_prints_when_no_notification_can_be_shown(ipt, fake_notifier, tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path / "nothing-here"))
    assert ipt.ok("remind", "notify").stdout.strip() == MESSAGE
    fake_notifier("notify-send", exit_code=1)  # no desktop session to show it in
    assert ipt.ok("remind", "notify").stdout.strip() == MESSAGE
    assert not ipt.path.exists()


def test_the_lines_name_the_ipt_being_run_by_its_path(ipt, tmp_path, monkeypatch):
    """pipx's ~/.local/bin/ipt is a symlink that outlives a reinstall: keep it as it is."""
    real = tmp_path / "venv" / "bin" / "ipt"
    real.parent.mkdir(parents=True)
    real.write_text("#!/bin/sh\n")
    link = tmp_path / "bin" / "ipt"
    link.parent.mkdir()
    link.symlink_to(real)
    monkeypatch.setattr(sys, "argv", [str(link), "remind"])
    line = ipt.ok("remind", "--scheduler", "cron").stdout.strip().splitlines()[-1]
    assert line.endswith(f" {link} remind notify")
