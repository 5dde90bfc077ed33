"""Small truths a trial found: --plain without symbols, one set of words for a mean of how
it went and for each of its values, and words at both ends of "how much did it help"."""

import os
import subprocess
import sys

from support import flat
from terminal import ENTER, Terminal


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
