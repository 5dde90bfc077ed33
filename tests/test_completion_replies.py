"""What ipt answers bash when Tab is pressed (cli/shells.py), without a terminal: each reply
one shell word that stands for exactly the value stored, several replies listed with their
words, and the words never inserted."""

import shutil
import subprocess

import pytest

from ipt_journal.cli.shells import bash_lines, bash_reply
from ipt_journal.text.safe_text import bash_word

VALUES = [
    "work\u200bplace",
    "Ria\u202eevil",
    "O'Neil $(touch pwned) `x` !!",
    "back\\slash 'and' \"quotes\"",
    "A\x1b]52;c;aGk=\x07",
    "tag\U000e0041",
    "plain",
]


@pytest.mark.skipif(shutil.which("bash") is None, reason="bash is not installed")
@pytest.mark.parametrize("value", VALUES)
def test_a_bash_word_reads_back_as_the_value_and_shows_nothing_invisible(value, tmp_path):
    folder = tmp_path / "run"  # empty: a command the word ran would leave a file in it
    folder.mkdir()
    word = bash_word(value)
    assert word.isprintable() and word.isascii() or value.isprintable()
    done = subprocess.run(
        ["bash", "-c", f"printf %s {word}"], capture_output=True, text=True, cwd=folder, check=True
    )
    assert done.stdout == value
    assert not list(folder.iterdir())


@pytest.mark.skipif(shutil.which("bash") is None, reason="bash is not installed")
@pytest.mark.parametrize("quote", ["'", '"'])
@pytest.mark.parametrize("value", VALUES)
def test_inside_an_open_quote_the_reply_and_the_closing_quote_read_back(value, quote, tmp_path):
    folder = tmp_path / "run"
    folder.mkdir()
    typed = quote + value[:2]
    reply = bash_reply(value, value[:2], typed, quote, value[:2])
    assert reply is not None and "\u200b" not in reply and "\u202e" not in reply
    line = quote + reply + quote  # readline closes the quote after a single reply
    done = subprocess.run(
        ["bash", "-c", f"printf %s {line}"], capture_output=True, text=True, cwd=folder, check=True
    )
    assert done.stdout == value
    assert not list(folder.iterdir())


HOW = [("+2", "very well"), ("+1", "well"), ("0", "mixed"), ("-1", "badly"), ("-2", "very badly")]


def test_several_replies_come_with_their_words_padded_one_a_line():
    lines = bash_lines(HOW, 60)
    assert [line.rstrip() for line in lines] == [
        "+2  (very well)",
        "+1  (well)",
        "0   (mixed)",
        "-1  (badly)",
        "-2  (very badly)",
    ]
    assert all(60 // (len(line) + 2) < 2 for line in lines)  # readline's rule: one a line
    assert all(len(line) < 60 for line in lines)


def test_one_reply_menu_completion_and_no_words_come_bare():
    assert bash_lines([("Tom:", "sibling")], 80) == ["Tom:"]
    assert bash_lines(HOW, 80, comp_type="37") == ["+2", "+1", "0", "-1", "-2"]  # menu-complete
    assert bash_lines(HOW, 80, comp_type="42") == ["+2", "+1", "0", "-1", "-2"]  # insert-completions
    assert bash_lines([("a", ""), ("b", "")], 80) == ["a", "b"]


def test_long_words_are_cut_to_the_width():
    lines = bash_lines([("Sam:", "partner " * 20), ("Sue:", "friend")], 40)
    assert all(len(line) <= 39 for line in lines)
    assert lines[0].endswith("…)") and lines[1].startswith("Sue:  (friend)")


def test_the_words_never_change_what_bash_inserts():
    # Inside an open quote "Mary" and "Mary Ann:" padded would share "Mary " (a space the
    # name "Mary" does not have): then they go bare, and bash inserts "Mary".
    assert bash_lines([("Mary", "friend"), ("Mary Ann:", "sister")], 80) == ["Mary", "Mary Ann:"]


def test_wide_characters_are_padded_by_the_columns_they_take():
    lines = bash_lines([("美咲:", "friend"), ("Mia:", "sister")], 80)
    assert lines[0].startswith("美咲:  (friend)") and lines[1].startswith("Mia:   (sister)")
