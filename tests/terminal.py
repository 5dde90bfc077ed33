"""The terminal harness: `ipt` in a real pseudo-terminal, driven the way a person types.

Each key is sent on its own, after its prompt has appeared: prompt_toolkit reads an
escape sequence arriving with other keys as a separate Escape press.

What the person sees is read from a terminal emulator (pyte), which also answers the
program's cursor-position queries as a real terminal does, not from the raw bytes:
prompt_toolkit redraws only what changed and moves the cursor past what is already on
the screen (ESC [ C, ESC [ 2C, ...), so a sentence is often never sent whole.
"""

import os
import signal
import sqlite3
import sys
import time

import pexpect
import pyte

UP, DOWN, SPACE, ENTER, CTRL_C = "\x1b[A", "\x1b[B", " ", "\r", "\x03"
ROWS, COLUMNS = 40, 100


class Terminal:
    def __init__(self, journal_path, *args: str, columns: int = COLUMNS, lines: int = ROWS):
        env = {
            **os.environ,
            "IPT_JOURNAL_DB": str(journal_path),
            "NO_COLOR": "1",
            "TERM": "xterm",
        }
        self.child = pexpect.spawn(
            sys.executable,
            ["-m", "ipt_journal", *args],
            env=env,
            encoding="utf-8",
            timeout=30,  # a ceiling for one prompt to show, reached only when something hangs
            dimensions=(lines, columns),
            preexec_fn=_ctrl_c_interrupts,
        )
        self.screen = _Screen(columns, lines, reply=self.child.send)
        # Everything the child prints reaches the emulator, whichever call read it.
        self.child.logfile_read = _Emulator(pyte.Stream(self.screen))
        self.ended: str | None = None  # set when shows() met the end of the output

    def at(self, prompt: str) -> "Terminal":
        self.child.expect_exact(prompt)
        return self

    def keys(self, *keys: str) -> "Terminal":
        for key in keys:
            self.child.send(key)
        return self

    def type(self, text: str) -> "Terminal":
        self.child.send(text)
        return self.keys(ENTER)

    def answer(self, prompt: str, *keys: str) -> "Terminal":
        return self.at(prompt).keys(*keys)

    def shows(self, text: str, timeout: float = 30) -> "Terminal":
        """Wait until `text` stands whole on one line of the screen, however it was drawn."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if any(text in line for line in self.screen.display):
                return self
            if self.ended is not None:
                break  # nothing more will come
            # Read through expect, with nothing to match: what arrives stays in pexpect's
            # buffer for the next `at` (the prompt after this text often comes in the same
            # read), and reaches the emulator through the log.
            try:
                self.child.expect(pexpect.TIMEOUT, timeout=0.2)
            except pexpect.EOF:
                self.ended = self.child.before  # the output before the end, for finish()
        if any(text in line for line in self.screen.display):
            return self
        seen = "\n".join(line.rstrip() for line in self.screen.display if line.strip())
        raise AssertionError(f"{text!r} never appeared whole on the screen:\n{seen}")

    def finish(self) -> tuple[int, str]:
        self.child.expect(pexpect.EOF)
        output = (self.ended or "") + self.child.before
        self.child.close()
        return self.child.exitstatus, output


def _ctrl_c_interrupts() -> None:
    """A terminal starts a program with Ctrl-C's signal at its default, and so does this
    one, however the tests were started: a background job of a script has SIGINT ignored,
    a child inherits that, and `ipt breathe` would count on through Ctrl-C."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


class _Screen(pyte.Screen):
    """A screen that answers the terminal's questions, as a real one does: prompt_toolkit
    asks where the cursor is (ESC [ 6 n) and draws its bottom toolbar, where a wizard's
    validation message shows, only once it knows how many rows are left below."""

    def __init__(self, columns: int, lines: int, reply) -> None:
        super().__init__(columns, lines)
        self.reply = reply

    def write_process_input(self, data: str) -> None:
        self.reply(data)


class _Emulator:
    """A file-like sink for pexpect's log that feeds a pyte stream."""

    def __init__(self, stream: pyte.Stream):
        self.stream = stream

    def write(self, data: str) -> None:
        self.stream.feed(data)

    def flush(self) -> None:
        pass


def skip_optional_person_questions(term: Terminal) -> None:
    """Enter through the inventory wizard from contact frequency to the notes."""
    term.answer("How often are you in contact?", ENTER)
    for prompt in (
        "What do you do together?",
        "What is satisfying",
        "What is unsatisfying",
        "What do they expect",
        "What do you expect",
    ):
        term.at(prompt).type("")
    term.answer("expectations being met?", ENTER)
    term.at("When you disagree").type("")
    term.answer("Do your disagreements get resolved?", ENTER)
    term.answer("Can you confide in them?", ENTER)
    term.at("What can you talk about").type("")
    term.at("What can you not talk about").type("")
    term.at("What would you like to change?").type("")
    term.answer("Which IPT problem area", ENTER)
    term.at("Anything else to note?").type("")


def decline_questionnaires(term: Terminal) -> None:
    term.answer("Take the PHQ-9 now?", "n")
    term.answer("Take the GAD-7 now?", "n")


def end_checkin_after_the_note(term: Terminal) -> None:
    """No tags, no questionnaires, nothing to bring: the check-in wizard's last questions."""
    term.at("Tags, separated by commas?").type("")
    decline_questionnaires(term)
    term.at("Anything to bring to your next session?").type("")


def rows(path, sql):
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()
