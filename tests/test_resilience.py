"""Proven, not promised: crashes, fuzzed input, broken files and the network."""

import json
import os
import random
import signal
import socket
import sqlite3
import subprocess
import sys
import textwrap
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from network_guard import NetworkUsed

from support import assert_user_error, read_only

# Adds check-ins of several rows each (check-in, 3 interactions, 2 tags, a PHQ-9) until killed.
# One Python starts and imports once; for each "go" on stdin it forks a writer and says its
# pid, and for each "reap" it waits for that writer and says how it ended. Fifty writers
# then cost fifty forks, not fifty Python start-ups (seconds each on a busy machine). No
# connection is open when it forks: each writer opens the journal for itself.
WRITERS = textwrap.dedent(
    """
    import os, sys
    from pathlib import Path
    from ipt_journal.models import CheckinDraft, CheckinIn, MeasureIn
    from ipt_journal.store import open_journal

    def write():
        journal = open_journal(Path(sys.argv[1]))
        people = [{"name": name, "quality": 1} for name in ("Sam", "Alex", "Jo")]
        n = 0
        while True:
            n += 1
            journal.checkins.add(
                CheckinDraft(
                    CheckinIn(day="2026-01-01", mood=n % 11, people=people, note="x" * 2000, tags=["a", "b"]),
                    measures=[MeasureIn(scale="phq9", day="2026-01-01", answers=[1] * 8 + [0])],
                )
            )
            if n == 1:  # the models are built: from here every moment is a write in progress
                print("ready", flush=True)

    for command in sys.stdin:
        if command.strip() == "go":
            pid = os.fork()
            if pid == 0:
                write()
            print(pid, flush=True)
        else:
            _, status = os.waitpid(pid, 0)
            print(status, flush=True)
    """
)


def test_killing_a_writer_at_random_moments_leaves_every_record_whole_or_absent(people):
    rnd = random.Random(20261126)
    kills = 0
    writers = subprocess.Popen(
        [sys.executable, "-c", WRITERS, str(people.path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        for _ in range(50):
            writers.stdin.write("go\n")
            writers.stdin.flush()
            # The writer's "ready" and the parent's pid, in either order.
            said = {writers.stdout.readline().strip(), writers.stdout.readline().strip()}
            assert "ready" in said, said
            pid = int((said - {"ready"}).pop())
            time.sleep(rnd.uniform(0, 0.05))
            os.kill(pid, signal.SIGKILL)
            writers.stdin.write("reap\n")
            writers.stdin.flush()
            status = int(writers.stdout.readline())
            kills += os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL
            conn = sqlite3.connect(people.path)
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
            partial = conn.execute(
                """
                SELECT c.id FROM checkins c
                WHERE (SELECT count(*) FROM interactions i WHERE i.checkin_id = c.id) != 3
                   OR (SELECT count(*) FROM checkin_tags t WHERE t.checkin_id = c.id) != 2
                   OR (SELECT count(*) FROM measures m WHERE m.checkin_id = c.id) != 1
                """
            ).fetchall()
            assert partial == []
            conn.close()
    finally:
        writers.stdin.close()
        writers.wait(timeout=60)
    assert kills == 50
    assert people.count("checkins") > 0  # the writers did get work done between kills


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    command=st.sampled_from(
        [
            ["checkin", "--mood", "{}"],
            ["checkin", "--mood", "5", "--date", "{}"],
            ["checkin", "--mood", "5", "--tag", "{}"],
            ["checkin", "--mood", "5", "--note", "{}"],
            ["checkin", "--mood", "5", "--goal", "{}"],
            ["checkin", "--mood", "5", "--phq9", "{}"],
            ["inventory", "add", "--relationship", "friend", "--name", "{}"],
            ["inventory", "add", "--name", "Kim", "--relationship", "friend", "--closeness", "{}"],
            ["inventory", "show", "{}"],
            ["measure", "gad7", "--answers", "{}"],
            ["report", "--since", "{}"],
            ["report", "--weeks", "{}"],
            ["safety-plan", "add", "{}", "--text", "x"],
            ["config", "set", "country", "{}"],
        ]
    ),
    value=st.text(max_size=60),
)
def test_fuzzed_values_get_clear_answers_and_the_journal_stays_intact(people, command, value):
    result = people(*[part.replace("{}", value) if part == "{}" else part for part in command])
    assert result.exit_code in (0, 2), result.output
    if result.exit_code == 2:
        assert_user_error(result, "Error")
    assert people.rows("PRAGMA integrity_check") == [("ok",)]


def test_the_network_is_closed_to_the_tests_and_their_processes():
    with pytest.raises(NetworkUsed, match="something tried to (reach the network|look up a network address)"):
        socket.create_connection(("127.0.0.1", 9), timeout=1)
    child = subprocess.run(
        [sys.executable, "-c", "import socket; socket.create_connection(('127.0.0.1', 9), timeout=1)"],
        capture_output=True,
        text=True,
        env=os.environ,
        timeout=60,
    )
    assert child.returncode != 0 and "NetworkUsed" in child.stderr


def test_a_truncated_journal_gives_a_clear_error_and_is_not_damaged_further(people):
    people.ok("checkin", "--mood", "5")
    data = people.path.read_bytes()
    people.path.write_bytes(data[: len(data) // 2])
    Path = type(people.path)
    for suffix in ("-wal", "-shm"):
        Path(f"{people.path}{suffix}").unlink(missing_ok=True)
    before = people.path.read_bytes()
    for args in (["report"], ["checkin", "--mood", "5"], ["inventory", "list"]):
        result = people(*args)
        assert_user_error(result, "Error: Cannot", code=1)
    assert people.path.read_bytes() == before


def test_a_read_only_journal_gives_a_clear_error_and_is_unchanged(people):
    people.ok("checkin", "--mood", "5")
    people.ok("inventory", "list")  # leaves no -wal behind once closed
    before = people.path.read_bytes()
    undo = read_only(people.path)
    try:
        result = people("checkin", "--mood", "6")
        assert_user_error(result, "Nothing was changed", code=1)
        assert "read-only" in result.stderr or "readonly" in result.stderr
        assert people.path.read_bytes() == before
    finally:
        undo()
    assert json.loads(people.ok("checkin", "list", "--json").stdout)[0]["mood"] == 5
