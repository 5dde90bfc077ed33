"""`ipt --plain search` (and search piped): no "…" or "..." where a long text was cut, but
whole words and "(more)" (issue 24, point 7); a terminal still shows "…"."""

import json
import re

import pytest

from support import assert_user_error, flat, unchanged
from terminal import Terminal

BEFORE = " ".join(f"before{n}" for n in range(30))
AFTER = " ".join(f"after{n}" for n in range(30))
LONG = f"{BEFORE} walking by the river {AFTER}"


@pytest.fixture
def notes(ipt):
    ipt.ok("checkin", "--date", "2026-03-02", "--mood", "5", "--note", LONG)
    ipt.ok("checkin", "--date", "2026-03-09", "--mood", "6", "--note", "A short walk")
    ipt.ok("checkin", "--date", "2026-03-16", "--mood", "6", "--note", f"Walking first. {AFTER}")
    return ipt


def _rows(ipt, *args: str) -> list[str]:
    with unchanged(ipt.path):
        return ipt.ok(*args).stdout.splitlines()


@pytest.mark.parametrize("args", [("--plain", "search", "walk"), ("search", "walk")])  # --plain, and piped
def test_plain_rows_say_more_in_words_where_a_text_was_cut(notes, args):
    rows = _rows(notes, *args)
    assert len(rows) == 3
    assert not any("…" in row or "..." in row for row in rows)
    newest, short, cut = rows
    # Cut only after: the text starts as written and "(more)" ends the row.
    assert newest.startswith("check-in #3  2026-03-16  [Walking] first. after0 after1")
    assert newest.endswith(" (more)") and newest.count("(more)") == 1
    assert short == "check-in #2  2026-03-09  A short [walk]"  # whole: no marker
    # Cut on both sides: whole words of the note between the two markers.
    assert cut.startswith("check-in #1  2026-03-02  (more) before") and cut.endswith(" (more)")
    shown = cut.removeprefix("check-in #1  2026-03-02  (more) ").removesuffix(" (more)")
    assert "[walking] by the river" in shown
    words = shown.replace("[", "").replace("]", "").split()
    assert " ".join(words) in LONG  # whole words, in the note's order, none broken
    assert all(re.fullmatch(r"(before|after)\d+|walking|by|the|river", word) for word in words)


def test_json_keeps_the_snippet_marker_for_programs(notes):
    data = json.loads(notes.ok("search", "walk", "--json").stdout)
    cut = next(hit for hit in data if hit["id"] == 1)["snippet"]
    assert cut.startswith("…before") and cut.endswith("…") and "\x04" not in cut


def test_a_terminal_still_shows_the_ellipsis(notes):
    term = Terminal(notes.path, "--no-pager", "search", "river")
    code, _ = term.finish()
    assert code == 0
    lines = [line.strip() for line in term.screen.display if line.strip()]
    assert lines[0] == "check-in #1, 2026-03-02"
    snippet = " ".join(lines[1:-1])  # wrapped at the terminal's width
    assert snippet.startswith("…before") and snippet.endswith("…") and lines[-1] == "1 found."
    assert "(more)" not in snippet


@pytest.mark.parametrize(
    "args, command",
    [(["search", "walk", "--plain"], "search"), (["checkin", "list", "--no-pager"], "checkin list")],
)
def test_a_global_option_after_the_command_says_where_it_goes(notes, args, command):
    result = notes(*args)
    assert_user_error(result, f"No such option: {args[-1]}. {args[-1]} is one of ipt's own options")
    assert f"goes before the command: ipt {args[-1]} {command} ..." in flat(result.stderr)
    assert "Possible options" not in result.stderr


def test_an_unknown_option_after_a_command_is_still_plainly_unknown(notes):
    result = notes("search", "walk", "--plainly")
    assert_user_error(result, "No such option: --plainly")
    assert "ipt's own options" not in result.stderr
