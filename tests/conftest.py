"""Every test gets its own journal under tmp_path; none can touch a real one."""

import os
import sys
from pathlib import Path

import pytest

from support import Ipt

# No test, and no process a test starts, can reach the network (see no_network/).
NO_NETWORK = Path(__file__).resolve().parent / "no_network"
sys.path.insert(0, str(NO_NETWORK))
import network_guard  # noqa: E402,F401


@pytest.fixture(autouse=True)
def journal_path(tmp_path, monkeypatch) -> Path:
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
