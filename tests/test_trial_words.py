"""Small truths a trial found: --plain without symbols, one set of words for a mean of how
it went and for each of its values, and words at both ends of "how much did it help"."""

import os
import subprocess
import sys

from support import flat
from terminal import CTRL_C, ENTER, Terminal


def test_the_plain_dashboard_counts_in_words_without_a_middle_dot(people):
    people.ok("checkin", "--date", "2026-03-02", "--mood", "5")
    plain = flat(people.ok("--plain").stdout)
    assert "3 people in your inventory, 1 check-in" in plain
    assert "·" not in plain
    drawn = flat(people.ok().stdout)  # the screen keeps its dot
    assert "3 people in your inventory · 1 check-in" in drawn
    assert people.count("checkins") == 1


def test_prep_says_a_mean_of_minus_one_and_a_half_as_the_report_does(people):
    people.ok("checkin", "--date", "2026-03-02", "--mood", "4", "--with", "Sam:-2")
    people.ok("checkin", "--date", "2026-03-04", "--mood", "5", "--with", "Sam:-1")
    prep = flat(people.ok("prep", "--since", "2026-03-01").stdout)
    assert "Sam: 2 times, on the whole badly (-1.5) (last 2026-03-04)" in prep
    assert "very badly" not in prep
    report = flat(people.ok("report", "--since", "2026-03-01").stdout)
    assert "-1.5" in report
    assert people.rows("SELECT quality FROM interactions ORDER BY id") == [(-2,), (-1,)]


def test_a_mean_becomes_words_in_one_place_rounded_as_shown():
    from ipt_journal.clinical.vocab import mean_went

    # Halfway between two words takes the milder; past halfway as shown, the stronger.
    assert mean_went(-1.5) == "badly"
    assert mean_went(1.5) == "well"
    assert mean_went(-1.56) == "very badly"  # shown -1.6
    assert mean_went(-1.54) == "badly"  # shown -1.5, so read as -1.5
    assert mean_went(0.5) == "neither well nor badly"
    assert mean_went(0.6) == "well"
    assert mean_went(-2.0) == "very badly" and mean_went(2.0) == "very well"


def test_the_report_pattern_words_agree_with_prep():
    import datetime as dt

    from ipt_journal.insight.report import PersonPattern

    pattern = PersonPattern("Sam", 1, 2, -1.5, 0, None, None, None, dt.date(2026, 3, 4), 0, 2)
    assert pattern.went_words == "badly (-1.5)"


def _complete(journal_path, words: str) -> list[str]:
    env = {**os.environ, "IPT_JOURNAL_DB": str(journal_path), "_IPT_COMPLETE": "complete_zsh"}
    env |= {"_IPT_LINE": words, "_IPT_WORD": words.rsplit(" ", 1)[-1].rsplit(":", 1)[-1]}
    done = subprocess.run(
        [sys.executable, "-m", "ipt_journal"], env=env, capture_output=True, text=True, timeout=30
    )
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
    return done.stdout.split("\n")


def test_tab_says_how_it_went_in_the_wizards_words(people):
    shown = "\n".join(_complete(people.path, "ipt checkin --with Sam:"))
    assert "neither well nor badly" in shown
    assert "mixed" not in shown
    assert "very badly" in shown and "very well" in shown


def test_how_much_homework_helped_has_words_at_both_ends(people):
    people.ok("homework", "add", "Ask Sam about the weekend", "--due", "2026-03-09")
    term = Terminal(people.path, "homework", "done", "1", "--date", "2026-03-05")
    term.at("How did it go?").type("Went well")
    term.at("How much did it help?")
    term.shows("1 not at all").shows("5 a lot")
    assert not any("1 1" in line or "5 5" in line for line in term.screen.display)
    term.keys("5", ENTER)
    code, output = term.finish()
    assert code == 0, output
    assert people.rows("SELECT outcome, helpful FROM homework") == [("Went well", 5)]


def _screen(term: Terminal) -> list[str]:
    return [line.rstrip() for line in term.screen.display if line.strip()]


def _whole_words(lines: list[str], words: str) -> None:
    """`words` stand on the screen in order, each whole on some line (none cut at the edge)."""
    text = " ".join(line.strip() for line in lines)
    assert " ".join(words.split()) in " ".join(text.split()), "\n".join(lines)
    for word in words.split():
        assert any(word in line.split() for line in lines), f"{word!r} is cut:\n" + "\n".join(lines)


def test_at_40_columns_the_wsas_not_applicable_answer_wraps_between_words(ipt):
    from ipt_journal.clinical.scales import WSAS

    term = Terminal(ipt.path, "measure", "wsas", "--date", "2026-11-02", columns=40)
    term.at("1/5 Because of my problem").shows("Not applicable: I am retired")
    term.shows("unrelated to my problem")
    lines = _screen(term)
    assert all(len(line) <= 40 for line in lines)
    _whole_words(
        lines[lines.index(next(x for x in lines if "Not applicable" in x)) :], f"n {WSAS.optional_label}"
    )
    term.keys("n", ENTER)
    for number in (2, 3, 4, 5):
        term.answer(f"{number}/5 Because of my problem", "2", ENTER)
    term.at("Work did not apply (n/a)")
    code, output = term.finish()
    assert code == 0, output
    assert ipt.rows("SELECT scale, answers FROM measures") == [("wsas", "[null, 2, 2, 2, 2]")]


def test_at_40_columns_the_pick_several_hint_and_rows_wrap_between_words(people):
    people.ok(
        "inventory", "add", "--name", "Mary Jane Watson-Parker", "--relationship", "other-family",
        "--closeness", "2",
    )  # fmt: skip
    term = Terminal(people.path, "checkin", "--date", "2026-03-02", columns=40)
    term.at("How has your mood been").type("6")
    term.at("Who did you spend").shows("Space ticks")
    term.shows("when done)")
    lines = _screen(term)
    _whole_words(lines, "(Space ticks, type to find one, Enter when done)")
    _whole_words(lines, "Mary Jane Watson-Parker (other family)")
    term.keys(ENTER)
    term.at("A note about this week?").keys(CTRL_C)
    code, _ = term.finish()
    assert code == 130
    assert people.count("checkins") == 0
