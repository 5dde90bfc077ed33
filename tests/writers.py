"""A writer for the reliability proofs: another process saving check-ins meanwhile."""

import queue
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Callable
from pathlib import Path

# Saves check-ins with numbered notes until its stdin closes, opening the journal afresh for
# each as a loop of `ipt checkin` would; says which it was told were saved.
WRITER = textwrap.dedent(
    """
    import select, sys, time
    from pathlib import Path
    from ipt_journal.errors import IptError
    from ipt_journal.models import CheckinIn
    from ipt_journal.store import open_journal
    path = Path(sys.argv[1])
    print("ready", flush=True)
    n = 0
    while not select.select([sys.stdin], [], [], 0)[0]:
        n += 1
        try:
            journal = open_journal(path, lambda: sys.argv[2])
            try:
                journal.checkins.add(CheckinIn(day="2026-01-01", mood=5, note=f"n{n}"))
            finally:
                journal.close()
            print(f"saved n{n}", flush=True)
        except IptError as error:
            print("refused", error.message, flush=True)
        time.sleep(0.02)  # a new ipt process takes longer than that to start
    """
)


class Writer:
    """WRITER running beside a test. The test waits for what it needs to have happened (so
    many check-ins told saved, one more answer of any kind) instead of sleeping a guess: on
    a busy machine a Python process may take seconds to do anything."""

    def __init__(self, path: Path, passphrase: str = ""):
        self.process = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path), passphrase],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.lines: list[str] = []
        self._arrived: queue.Queue[str | None] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()
        self._wait_for(lambda: bool(self.lines))
        assert self.lines[0] == "ready", self.lines

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self._arrived.put(line.strip())
        self._arrived.put(None)

    def _wait_for(self, condition: Callable[[], bool], timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while not condition():
            try:
                line = self._arrived.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                raise AssertionError(f"the writer never got there: {self.lines[-5:]}") from None
            if line is None:
                raise AssertionError(f"the writer stopped: {self.lines[-5:]}")
            self.lines.append(line)

    def saved(self) -> set[str]:
        """The notes of the check-ins it was told were saved."""
        return {line.split()[1] for line in self.lines if line.startswith("saved")}

    def wait_saved(self, more: int) -> None:
        """Until `more` check-ins beyond those so far were told saved."""
        target = len(self.saved()) + more
        self._wait_for(lambda: len(self.saved()) >= target)

    def wait_answers(self, more: int) -> None:
        """Until `more` tries beyond those so far were answered, saved or refused."""
        target = len(self.lines) + more
        self._wait_for(lambda: len(self.lines) >= target)

    def stop(self) -> str:
        """Stop it; what it wrote to stderr."""
        assert self.process.stdin is not None and self.process.stderr is not None
        self.process.stdin.write("stop\n")
        self.process.stdin.close()
        err = self.process.stderr.read()
        self.process.wait(timeout=60)
        while (line := self._arrived.get(timeout=60)) is not None:  # the rest of what it said
            self.lines.append(line)
        return err
