"""Every test gets its own journal under tmp_path; none can touch a real one.

The clock is always set. IPT_TEST_TODAY=2028-02-29 (or 2027-03-14T21:30, local time in
$TZ) runs the session on that day, the clock ticking from there: CI runs the
date-sensitive tests on a handful of hard days (docs/testing.md). Without it the session
runs at noon today, so a run that starts at 23:55 cannot see two dates. Processes the
tests start travel to the same moment (see no_network/sitecustomize.py), so a wizard and
its test agree on what day it is.
"""

import datetime as dt
import os
import sys
import time
from pathlib import Path

import pytest
import time_machine

from support import Ipt

# No test, and no process a test starts, can reach the network (see no_network/).
NO_NETWORK = Path(__file__).resolve().parent / "no_network"
sys.path.insert(0, str(NO_NETWORK))
import network_guard  # noqa: E402,F401

HARD_DAY = os.environ.get("IPT_TEST_TODAY", "")


def pytest_configure(config) -> None:
    # Without a hard day, today as pytest's first process saw it: the worker processes
    # it starts inherit the variable, so a run begun at 23:59:59 has one day in all.
    today = os.environ.setdefault("IPT_TEST_SESSION_DAY", dt.date.today().isoformat())
    # A naive time is local: astimezone() reads it in $TZ, so 21:30 is 21:30 there.
    moment = dt.datetime.fromisoformat(HARD_DAY or today)
    if len(HARD_DAY) in (0, len("2028-02-29")):  # a day alone: its noon, far from either midnight
        moment = moment.replace(hour=12)
    time_machine.travel(moment.astimezone(), tick=True).start()


def pytest_report_header(config) -> str:
    now = dt.datetime.now().astimezone()
    given = f"IPT_TEST_TODAY={HARD_DAY}" if HARD_DAY else "noon today"
    return f"clock: {now:%A %Y-%m-%d %H:%M %Z} ({given}, TZ={os.environ.get('TZ', '')})"


@pytest.fixture(autouse=True)
def journal_path(request, tmp_path, monkeypatch) -> Path:
    if request.node.get_closest_marker("sqlite_clock"):
        # SQLite stamps a deletion from the computer's clock, which time-machine cannot move:
        # a test that weighs it against ipt's own times runs on the real clock.
        real = time_machine.travel(time_machine.escape_hatch.time.time(), tick=True)
        real.start()
        request.addfinalizer(real.stop)
    # The working folder too: a relative path a command writes lands here, not in the checkout.
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    path = tmp_path / "journal" / "journal.db"
    monkeypatch.setenv("IPT_JOURNAL_DB", str(path))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("IPT_CONFIG", str(tmp_path / "config" / "config.json"))
    monkeypatch.delenv("IPT_DEBUG", raising=False)
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setenv("NO_COLOR", "1")
    # No test touches the real system keyring: without a test's own, there is none.
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    monkeypatch.setenv(
        "PYTHONPATH", os.pathsep.join(filter(None, [str(NO_NETWORK), os.environ.get("PYTHONPATH")]))
    )
    # Where this session's clock stands now: a child process starts its clock here.
    monkeypatch.setenv("IPT_TEST_NOW", repr(time.time()))
    return path


@pytest.fixture
def ipt(journal_path) -> Ipt:
    return Ipt(journal_path)


@pytest.fixture
def people(ipt):
    """A small inventory: Sam (partner, inner), Alex (friend, middle), Jo (sibling, inner)."""
    ipt.ok("inventory", "add", "--name", "Sam", "--relationship", "partner", "--closeness", "1")
    ipt.ok("inventory", "add", "--name", "Alex", "--relationship", "friend", "--closeness", "2")
    ipt.ok("inventory", "add", "--name", "Jo", "--relationship", "sibling", "--closeness", "1")
    return ipt


@pytest.fixture
def local_zone(monkeypatch):
    """Set this computer's time zone for one test (a POSIX TZ such as "UTC-2", two hours
    east of UTC): imported times of day are local and stored in UTC."""
    import time

    def set_zone(zone: str) -> None:
        monkeypatch.setenv("TZ", zone)
        time.tzset()

    yield set_zone
    monkeypatch.undo()
    time.tzset()
