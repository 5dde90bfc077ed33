"""Tab completion in a real bash, zsh and fish: names and tags that hold `$(...)`, backticks,
quotes, spaces and colons are inserted as one quoted word, and pressing Tab or Enter never
runs them. (A shell that is not installed is skipped; .ci/run installs all three.)

In each shell `ipt` is a function that writes down the arguments it was given, so Enter
shows exactly what the shell would have run; the completion script still asks the real
`ipt` on PATH (through `env`), as it does for a person."""

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pexpect
import pytest

PROMPT = "READY> "
HOSTILE = {
    "S": "Sam $(touch pwned-dollar)",
    "B": "Bea `touch pwned-backtick`",
    "O": "O'Neil $(touch pwned-quote)",
    "U": 'Ula "x" ;touch pwned-semicolon',
}
BIN = Path(sys.executable).parent
QUIET = 0.3  # seconds without output: the shell has drawn what the answer changed


def _binary_ipt() -> str:
    found = shutil.which("ipt", path=str(BIN)) or shutil.which("ipt")
    assert found, "the ipt command is installed with the package"
    return found


class Answers:
    """An `ipt` first on the shell's PATH that runs the real one and notes each answer it
    gave, so a test waits for the completion to come back instead of sleeping a guess
    (a Python start-up takes seconds on a busy machine). Fish's condition (_IPT_FISH_ASKS)
    is a question before the answer: it is noted as started and finished, not answered."""

    def __init__(self, home: Path):
        self.folder, self.log = home / "answering-bin", home / "answers.log"
        self.folder.mkdir()
        shim = self.folder / "ipt"
        shim.write_text(
            "#!/bin/sh\n"
            f"echo started >> '{self.log}'\n"
            f"'{_binary_ipt()}' \"$@\"\n"
            "status=$?\n"
            f"[ -n \"$_IPT_FISH_ASKS\" ] && echo finished >> '{self.log}' "
            f"|| echo answered >> '{self.log}'\n"
            "exit $status\n"
        )
        shim.chmod(0o755)

    def path(self) -> str:
        return f"{self.folder}{os.pathsep}{Path(_binary_ipt()).parent}{os.pathsep}/usr/bin:/bin"

    def count(self) -> int:
        return self._lines().count("answered")

    def _lines(self) -> list[str]:
        return self.log.read_text().split() if self.log.exists() else []

    def _running(self) -> int:
        lines = self._lines()
        return lines.count("started") - lines.count("answered") - lines.count("finished")

    def wait(self, child: pexpect.spawn, more_than: int, timeout: float = 30) -> str:
        """Wait until `ipt` has answered more than `more_than` times, none is still running,
        and the shell has shown what it does with the answer; returns what it showed."""
        deadline = time.monotonic() + timeout
        shown = ""
        while time.monotonic() < deadline:
            done = self.count() > more_than and self._running() == 0
            try:
                shown += child.read_nonblocking(65536, timeout=QUIET)
            except pexpect.TIMEOUT:
                if done:
                    return shown
        raise AssertionError(f"ipt never answered the shell's completion:\n{shown}")


class Shell:
    def __init__(self, name: str, home: Path, journal: Path):
        self.name, self.home, self.record = name, home, home / "ran.txt"
        self.answers = Answers(home)
        script = home / f"ipt.{name}"
        script.write_text(
            subprocess.run(
                [_binary_ipt(), "completion", name], capture_output=True, text=True, check=True
            ).stdout
        )
        env = {
            "HOME": str(home),
            "PATH": self.answers.path(),
            "TERM": "dumb" if name == "bash" else "xterm",
            "IPT_JOURNAL_DB": str(journal),
            "IPT_CONFIG": str(home / "config.json"),
            "PYTHONPATH": os.environ.get("PYTHONPATH", ""),
            "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
            "LANG": "C.UTF-8",
            "XDG_CONFIG_HOME": str(home / ".config"),
            "XDG_DATA_HOME": str(home / ".local/share"),
            "fish_history": "",
        }
        command, args, setup = {
            "bash": (
                "bash",
                ["--norc", "--noprofile", "-i"],
                [
                    f"PS1='{PROMPT}'",
                    f"ipt() {{ printf '%s\\n' \"$@\" > {self.record}; }}",
                    f"source {script}",
                ],
            ),
            "zsh": (
                "zsh",
                ["-f", "-i"],
                [
                    f"PS1='{PROMPT}'",
                    "autoload -Uz compinit && compinit -u -D",
                    f'ipt() {{ print -rl -- "$@" > {self.record} }}',
                    f"source {script}",
                ],
            ),
            "fish": (
                "fish",
                ["--no-config", "-i"],
                [
                    f"function fish_prompt; printf '{PROMPT}'; end",
                    f"function ipt; printf '%s\\n' $argv > {self.record}; end",
                    f"source {script}",
                ],
            ),
        }[name]
        self.child = pexpect.spawn(
            command, args, env=env, cwd=str(home), encoding="utf-8", timeout=20, dimensions=(40, 200)
        )
        for line in setup:
            self.child.sendline(line)
        self.child.sendline("echo set-up")
        self.child.expect_exact("set-up\r\n")
        self.child.expect_exact(PROMPT)

    def run(self, typed: str, *, tabs: int = 1, then: str = "") -> list[str]:
        """Type `typed`, press Tab, type `then`, press Enter: the arguments ipt was given."""
        self.record.unlink(missing_ok=True)
        self.child.send(typed)
        for _ in range(tabs):
            answered = self.answers.count()
            self.child.send("\t")
            self.answers.wait(self.child, answered)
        self.child.send(then)
        self.child.send("\r")
        self.child.expect_exact(PROMPT)
        deadline = time.monotonic() + 5
        while not self.record.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        return self.record.read_text().splitlines() if self.record.exists() else []

    def listing(self, typed: str, *expected: str) -> str:
        """What the shell shows for `typed` and Tab Tab, once each `expected` text has shown
        (or 30 seconds have passed); then the line is abandoned."""
        self.child.send(typed)
        answered = self.answers.count()
        self.child.send("\t")
        shown = self.answers.wait(self.child, answered)
        answered = self.answers.count()
        self.child.send("\t")  # bash lists only now; zsh and fish already have
        if self.name != "fish":  # bash and zsh ask ipt again; fish moves through its list
            shown += self.answers.wait(self.child, answered)
        deadline = time.monotonic() + 30
        while not all(text in shown for text in expected) and time.monotonic() < deadline:
            try:
                shown += self.child.read_nonblocking(65536, timeout=QUIET)
            except pexpect.TIMEOUT:
                pass
        self.child.send("\x03")
        self.child.expect_exact(PROMPT)
        return shown

    def close(self) -> None:
        self.child.sendline("exit")
        self.child.close(force=True)


@pytest.fixture
def hostile_journal(ipt):
    for name in HOSTILE.values():
        ipt.ok("inventory", "add", "--name", name, "--relationship", "friend", "--closeness", "2")
    ipt.ok("inventory", "add", "--name", "Tom", "--relationship", "sibling", "--closeness", "1")
    ipt.ok("checkin", "--date", "2026-03-02", "--mood", "5", "--tag", "movies / tv", "--tag", "work:late")
    return ipt


@pytest.fixture(params=["bash", "zsh", "fish"])
def shell(request, hostile_journal, tmp_path):
    if shutil.which(request.param) is None:
        pytest.skip(f"{request.param} is not installed (.ci/run installs it)")
    home = tmp_path / "home"
    home.mkdir()
    opened = Shell(request.param, home, hostile_journal.path)
    yield opened
    opened.close()
    assert not list(home.glob("pwned*")), "a completion ran a command"
    assert not list(Path.cwd().glob("pwned*"))


@pytest.mark.parametrize("first", sorted(HOSTILE))
def test_a_hostile_name_is_inserted_whole_and_runs_nothing(shell, first):
    assert shell.run(f"ipt inventory show {first}") == ["inventory", "show", HOSTILE[first]]


def test_a_tag_with_spaces_completes_quoted_and_whole(shell):
    assert shell.run("ipt checkin list --tag mo") == ["checkin", "list", "--tag", "movies / tv"]


def test_a_tag_with_a_colon_completes_whole(shell):
    assert shell.run("ipt checkin list --tag work") == ["checkin", "list", "--tag", "work:late"]


def test_with_a_name_then_how_it_went(shell):
    # The name completes with its colon and no space, then how it went is typed after it.
    assert shell.run("ipt checkin --with O", then="+2") == ["checkin", "--with", f"{HOSTILE['O']}:+2"]
    assert shell.run("ipt checkin --with Tom:+") == ["checkin", "--with", "Tom:+"]  # +1 or +2: no guess
    assert shell.run("ipt checkin --with Tom:-", then="1") == ["checkin", "--with", "Tom:-1"]


def test_with_name_colon_offers_how_it_went(shell):
    described = ("very well", "very badly")  # bash too: listed beside the values, as zsh and fish do
    shown = shell.listing("ipt checkin --with Tom:", "+2", "-2", *described)
    assert "+2" in shown and "-2" in shown
    for description in described:
        assert description in shown


def test_inside_an_open_quote(shell):
    if shell.name == "fish":
        pytest.skip("fish completes inside quotes its own way")
    assert shell.run("ipt inventory show 'O") == ["inventory", "show", HOSTILE["O"]]
    assert shell.run('ipt inventory show "S') == ["inventory", "show", HOSTILE["S"]]


def _readme_install_lines() -> dict[str, list[str]]:
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text()
    block = readme.split("Tab completion (commands", 1)[1].split("```sh\n", 1)[1].split("```", 1)[0]
    lines: dict[str, list[str]] = {"bash": [], "zsh": [], "fish": []}
    shell = ""
    for line in block.splitlines():
        if line.startswith("# "):
            shell = line[2:].split(":")[0].strip()
        elif line.strip():
            lines[shell].append(line)
    return lines


@pytest.mark.parametrize("name", ["bash", "zsh", "fish"])
def test_the_readme_install_lines_work_in_a_new_home(name, tmp_path):
    """The folders they write to are created, and the file they write is the script."""
    if shutil.which(name) is None:
        pytest.skip(f"{name} is not installed")
    home = tmp_path / "new-home"
    home.mkdir()
    env = {"HOME": str(home), "PATH": f"{Path(_binary_ipt()).parent}{os.pathsep}/usr/bin:/bin"}
    for line in _readme_install_lines()[name]:
        done = subprocess.run([name, "-c", line], env=env, capture_output=True, text=True, cwd=home)
        assert done.returncode == 0, done.stderr
    written = {
        "bash": home / ".local/share/bash-completion/completions/ipt",
        "zsh": home / ".zfunc/_ipt",
        "fish": home / ".config/fish/completions/ipt.fish",
    }[name]
    assert (
        written.read_text().strip()
        == subprocess.run([_binary_ipt(), "completion", name], capture_output=True, text=True).stdout.strip()
    )


def test_zsh_loads_the_installed_file_from_fpath(hostile_journal, tmp_path):
    """Installed as the README says, the first Tab already completes (autoloaded)."""
    if shutil.which("zsh") is None:
        pytest.skip("zsh is not installed")
    home = tmp_path / "zhome"
    (home / ".zfunc").mkdir(parents=True)
    (home / ".zfunc/_ipt").write_text(
        subprocess.run([_binary_ipt(), "completion", "zsh"], capture_output=True, text=True).stdout
    )
    answers = Answers(home)
    child = pexpect.spawn(
        "zsh",
        ["-f", "-i"],
        env={
            "HOME": str(home),
            "PATH": answers.path(),
            "TERM": "xterm",
            "IPT_JOURNAL_DB": str(hostile_journal.path),
        },
        encoding="utf-8",
        timeout=20,
        cwd=str(home),
    )
    record = home / "ran.txt"
    for line in [
        f"PS1='{PROMPT}'",
        "fpath=(~/.zfunc $fpath); autoload -Uz compinit && compinit -u -D",
        f'ipt() {{ print -rl -- "$@" > {record} }}',
        "echo set-up",
    ]:
        child.sendline(line)
    child.expect_exact("set-up\r\n")
    child.expect_exact(PROMPT)
    child.send("ipt inventory show S")
    child.send("\t")
    answers.wait(child, 0)
    child.send("\r")
    child.expect_exact(PROMPT)  # the function has written the record before the prompt
    child.sendline("exit")
    child.close(force=True)
    assert record.read_text().splitlines() == ["inventory", "show", HOSTILE["S"]]
    assert not list(home.glob("pwned*"))


def test_an_option_and_its_value_in_one_word(shell):
    assert shell.run("ipt checkin list --tag=mo") == ["checkin", "list", "--tag=movies / tv"]
    assert shell.run("ipt checkin --with=To", then="+1") == ["checkin", "--with=Tom:+1"]
