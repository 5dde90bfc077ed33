"""The tests' clock: on a hard day (IPT_TEST_TODAY, docs/testing.md) the tests and every
`ipt` they start agree on what day it is; on other runs, the clock starts at noon today,
so no run sees two dates."""

import datetime as dt
import os
import subprocess
import sys

import pytest

from support import Ipt

HARD_DAY = os.environ.get("IPT_TEST_TODAY", "")


def test_ipt_in_a_child_process_saves_the_day_the_test_reads(ipt: Ipt):
    started = dt.date.today()
    saved = subprocess.run(
        [sys.executable, "-m", "ipt_journal", "checkin", "--mood", "5"],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        env=os.environ,
        timeout=60,
    )
    assert saved.returncode == 0, saved.stderr
    assert ipt.rows("SELECT day FROM checkins") == [(started.isoformat(),)]


def test_ipt_in_process_saves_the_day_the_test_reads(ipt: Ipt):
    ipt.ok("checkin", "--mood", "5", "--date", "yesterday")
    yesterday = dt.date.today() - dt.timedelta(days=1)
    assert ipt.rows("SELECT day FROM checkins") == [(yesterday.isoformat(),)]


@pytest.mark.skipif(not HARD_DAY, reason="only on a hard day (IPT_TEST_TODAY)")
def test_the_hard_day_is_the_day_the_tests_see():
    assert dt.date.today().isoformat() == HARD_DAY[:10]


@pytest.mark.skipif(bool(HARD_DAY), reason="a hard day sets its own clock")
def test_without_a_hard_day_the_clock_starts_at_noon_on_the_sessions_day():
    now = dt.datetime.now()
    # A run lasts minutes, not twelve hours: from noon it cannot reach midnight.
    assert now.date().isoformat() == os.environ["IPT_TEST_SESSION_DAY"] and 12 <= now.hour < 18
