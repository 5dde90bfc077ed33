"""Issue 22, exposure and honest messages (points 8-12, 17): each test failed before its fix."""

import os
import signal
import stat
import subprocess
import sys
import textwrap

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
    from ipt_journal import files

    target = tmp_path / "out.json"
    with files.temp_output(target, people.path) as temp:
        temp.write_text(MARKER)
        people.ok("checkin", "list")
        assert temp.exists()
    assert not temp.exists() and not (people.path.parent / ".ipt-in-flight").exists()
