"""Tab completion, asked the way bash, zsh and fish ask: ipt run with _IPT_COMPLETE set."""

import os
import subprocess
import sys

import pytest

from support import assert_user_error


def complete(journal_path, words: str, shell: str = "bash", **extra) -> list[str]:
    env = {**os.environ, "IPT_JOURNAL_DB": str(journal_path), "_IPT_COMPLETE": f"complete_{shell}", **extra}
    # What the scripts pass (cli/shells.py): the line up to the cursor, and for bash the word
    # readline completes (after the last space or colon).
    env |= {"_IPT_LINE": words, "_IPT_WORD": words.rsplit(" ", 1)[-1].rsplit(":", 1)[-1]}
    done = subprocess.run(
        [sys.executable, "-m", "ipt_journal"], env=env, capture_output=True, text=True, timeout=30
    )
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
    return done.stdout.split("\n")


def bare(lines: list[str]) -> list[str]:
    """bash's replies without the words bash lists beside several of them ("+2  (very well)")."""
    return [line.split("  (", 1)[0].rstrip() for line in lines if line]


@pytest.fixture
def journal(people):
    people.ok("checkin", "--date", "2026-03-02", "--mood", "3", "--with", "Jo:-1", "--tag", "family")
    people.ok("checkin", "--date", "2026-03-09", "--mood", "7", "--tag", "walks")
    people.ok("cope", "add", "Stretch", "--key", "stretch")
    return people


def test_command_names(journal):
    assert complete(journal.path, "ipt chec") == ["checkin", ""]
    assert {"search", "safety-plan", "start"} <= set(bare(complete(journal.path, "ipt s")))


@pytest.mark.parametrize(
    "words, expected",
    [
        ("ipt checkin --with S", ["Sam:"]),
        ("ipt checkin --with Sam:+", ["+2", "+1"]),  # bash replaces what follows the colon
        ("ipt checkin list --with A", ["Alex"]),
        ("ipt checkin list --tag f", ["family"]),
        ("ipt checkin edit ", ["2", "1"]),
        ("ipt cope log sh", ["short-walk"]),
        ("ipt cope log st", ["stretch"]),  # your own
        ("ipt exercise start act", ["active-listening"]),
        ("ipt inventory show J", ["Jo"]),
    ],
)
def test_values_from_the_journal_and_the_catalogues(journal, words, expected):
    assert bare(complete(journal.path, words)) == expected


def test_zsh_and_fish_get_descriptions(journal):
    assert any(
        "Sam" in line and "partner" in line for line in complete(journal.path, "ipt inventory show S", "zsh")
    )
    # a command's line is the one `ipt --help` lists (read from the table, no module loaded)
    assert complete(journal.path, "ipt chec", "fish")[0] == (
        "checkin\tRecord mood, who you saw and how it went; list or edit."
    )
    # and the root's options after them, with their help
    assert [line.split("\t")[0] for line in complete(journal.path, "ipt --d", "zsh") if line] == [
        "--db",
        "--debug",
    ]


def test_an_encrypted_journal_offers_no_names_without_its_passphrase(journal, monkeypatch):
    monkeypatch.setenv("IPT_JOURNAL_PASSPHRASE", "correct horse battery")
    journal.ok("encrypt", "--yes")
    assert complete(journal.path, "ipt inventory show S") == ["Sam", ""]
    monkeypatch.delenv("IPT_JOURNAL_PASSPHRASE")
    assert [line for line in complete(journal.path, "ipt inventory show S") if line] == []


def test_a_missing_journal_is_not_created(tmp_path):
    path = tmp_path / "none" / "journal.db"
    assert [line for line in complete(path, "ipt inventory show S") if line] == []
    assert not path.exists()


def test_completion_scripts(ipt):
    assert "_IPT_COMPLETE=complete_bash" in ipt.ok("completion", "bash").stdout
    assert "compdef" in ipt.ok("completion", "zsh").stdout
    assert "complete --command ipt" in ipt.ok("completion", "fish").stdout
    assert_user_error(ipt("completion", "bsh"), "Did you mean 'bash'")


def test_completion_prints_no_control_or_invisible_characters(journal):
    import sqlite3

    conn = sqlite3.connect(journal.path)
    conn.execute(
        "UPDATE people SET name = ?, relationship = ? WHERE name = 'Alex'",
        ("A\x1b]52;c;aGk=\x07\nx", "fr\u202eiend\U000e0041"),
    )
    conn.commit()
    conn.close()
    # bash inserts the name as a visible escape that reads back as the name ($'A\x1b]52...').
    lines = [line for line in complete(journal.path, "ipt inventory show A", "bash") if line]
    assert len(lines) == 1, lines
    assert "\x1b" not in lines[0] and "\x07" not in lines[0] and "\u202e" not in lines[0]
    assert lines[0] == "$'A\\x1b]52;c;aGk=\\x07\\x0ax'"
    # zsh and fish would insert an escape that matches nothing (or the raw character):
    # they are offered nothing for that name, and its words never reach the terminal.
    for shell in ("zsh", "fish"):
        assert [line for line in complete(journal.path, "ipt inventory show A", shell) if line] == []


def test_zsh_and_fish_show_invisible_characters_in_words_as_escapes(journal):
    import sqlite3

    conn = sqlite3.connect(journal.path)
    conn.execute("UPDATE people SET relationship = ? WHERE name = 'Sam'", ("fr\u202eiend\U000e0041",))
    conn.commit()
    conn.close()
    for shell in ("zsh", "fish"):
        lines = [line for line in complete(journal.path, "ipt inventory show S", shell) if line]
        assert lines == ["Sam\tfr\\u202eiend\\U000e0041"], lines


def test_the_bash_script_reads_replies_without_splitting_or_globbing(ipt):
    script = ipt.ok("completion", "bash").stdout
    assert "mapfile -t lines" in script and "eval" not in script
    zsh = ipt.ok("completion", "zsh").stdout
    assert "eval $(" not in zsh and "compadd" in zsh
