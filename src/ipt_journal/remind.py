"""Weekly reminders without a daemon: the lines that make cron, a systemd user timer or a
launchd agent run `ipt remind notify`, and the notification itself.

The reminder never opens the journal: its text is the same every week, so nothing of the
journal can appear on a lock screen or in a notification history.
"""

from __future__ import annotations

import datetime as dt
import os
import shlex
import shutil
import sys
from pathlib import Path

TITLE = "ipt-journal"
MESSAGE = "Time for your weekly check-in: run ipt checkin when you have a quiet moment."
DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
SCHEDULERS = ("cron", "systemd", "launchd")
UNIT = "ipt-remind"
AGENT = "org.ipt-journal.remind"


def parse_weekday(text: str) -> int:
    """'sunday', 'Sun' -> 6 (Monday is 0)."""
    cleaned = text.strip().lower()
    matches = [index for index, day in enumerate(DAYS) if len(cleaned) >= 3 and day.startswith(cleaned)]
    if len(matches) != 1:
        from ipt_journal.errors import InputError

        raise InputError(f"--day must be a day of the week (monday to sunday), got {text!r}.")
    return matches[0]


def parse_time(text: str) -> dt.time:
    try:
        return dt.datetime.strptime(text.strip(), "%H:%M").time()
    except ValueError:
        from ipt_journal.errors import InputError

        raise InputError(f"--time must be a time of day written HH:MM (24-hour), got {text!r}.") from None


def default_scheduler(platform: str | None = None) -> str:
    return "launchd" if (platform or sys.platform) == "darwin" else "cron"


def ipt_program() -> list[str]:
    """How a scheduler, with its bare environment, starts this same ipt: an absolute path,
    not resolved past symlinks (pipx's ~/.local/bin/ipt outlives a reinstall)."""
    running = Path(sys.argv[0]) if sys.argv and sys.argv[0] else None
    if running is not None and running.name == "ipt" and running.is_file():
        return [os.path.abspath(running)]
    found = shutil.which("ipt")
    if found:
        return [os.path.abspath(found)]
    return [sys.executable, "-m", "ipt_journal"]


def schedule(scheduler: str, weekday: int, at: dt.time, program: list[str]) -> str:
    """Text to paste into a shell (or a crontab) that runs `ipt remind notify` weekly."""
    command = [*program, "remind", "notify"]
    day_name = DAYS[weekday].capitalize()
    when = f"every {day_name} at {at:%H:%M}"
    if scheduler == "cron":
        # cron has no session bus in its environment; notify-send needs it to reach the desktop.
        bus = f"DBUS_SESSION_BUS_ADDRESS=unix:path=/run/user/{os.getuid()}/bus"
        cron_day = (weekday + 1) % 7  # cron counts from Sunday = 0
        return (
            f"# {when}. Add this line with: crontab -e\n"
            f"{at.minute} {at.hour} * * {cron_day} {bus} {shlex.join(command)}\n"
        )
    if scheduler == "systemd":
        folder = "~/.config/systemd/user"
        exec_start = " ".join(_systemd_quote(part) for part in command)
        return (
            f"# {when}. Paste into a shell:\n"
            f"mkdir -p {folder}\n"
            f"cat > {folder}/{UNIT}.service <<'EOF'\n"
            "[Unit]\nDescription=ipt-journal weekly check-in reminder\n\n"
            f"[Service]\nType=oneshot\nExecStart={exec_start}\n"
            "EOF\n"
            f"cat > {folder}/{UNIT}.timer <<'EOF'\n"
            "[Unit]\nDescription=ipt-journal weekly check-in reminder\n\n"
            f"[Timer]\nOnCalendar={day_name[:3]} *-*-* {at:%H:%M}:00\nPersistent=true\n\n"
            "[Install]\nWantedBy=timers.target\n"
            "EOF\n"
            f"systemctl --user daemon-reload && systemctl --user enable --now {UNIT}.timer\n"
        )
    if scheduler == "launchd":
        plist = f"~/Library/LaunchAgents/{AGENT}.plist"
        arguments = "".join(f"    <string>{_xml(part)}</string>\n" for part in command)
        return (
            f"# {when}. Paste into a shell:\n"
            f"mkdir -p ~/Library/LaunchAgents\n"
            f"cat > {plist} <<'EOF'\n"
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" '
            '"http://www.apple.com/DTDs/PropertyList-1.0.dtd">\n'
            '<plist version="1.0">\n<dict>\n'
            f"  <key>Label</key>\n  <string>{AGENT}</string>\n"
            f"  <key>ProgramArguments</key>\n  <array>\n{arguments}  </array>\n"
            "  <key>StartCalendarInterval</key>\n  <dict>\n"
            f"    <key>Weekday</key>\n    <integer>{(weekday + 1) % 7}</integer>\n"
            f"    <key>Hour</key>\n    <integer>{at.hour}</integer>\n"
            f"    <key>Minute</key>\n    <integer>{at.minute}</integer>\n"
            "  </dict>\n</dict>\n</plist>\n"
            "EOF\n"
            f"launchctl bootstrap gui/$(id -u) {plist}\n"
        )
    raise ValueError(scheduler)


def undo(scheduler: str) -> str:
    """How to stop the reminder again."""
    return {
        "cron": "To stop it, remove the line again with: crontab -e",
        "systemd": f"To stop it: systemctl --user disable --now {UNIT}.timer",
        "launchd": f"To stop it: launchctl bootout gui/$(id -u)/{AGENT}",
    }[scheduler]


def _systemd_quote(part: str) -> str:
    return f'"{part}"' if any(c.isspace() for c in part) else part


def _xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def notifier(platform: str | None = None) -> list[str] | None:
    """The command that shows MESSAGE as a desktop notification here, or None."""
    if (platform or sys.platform) == "darwin" and shutil.which("osascript"):
        script = f"display notification {_applescript(MESSAGE)} with title {_applescript(TITLE)}"
        return ["osascript", "-e", script]
    if shutil.which("notify-send"):
        return ["notify-send", "--app-name", TITLE, TITLE, MESSAGE]
    return None


def _applescript(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def notify() -> bool:
    """Show the reminder as a desktop notification; False when none could be shown."""
    command = notifier()
    if command is None:
        return False
    import subprocess

    try:
        result = subprocess.run(command, stdin=subprocess.DEVNULL, capture_output=True, timeout=20)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return result.returncode == 0
