"""Lists at 40 columns (issue 24, point 7): homework, sessions and things to bring fall back
to plain lines, words never split, wrapped lines indented under their first."""

import pytest

from ipt_journal.store import open_journal
from support import block_after

HOMEWORK = "Ask Sam about the long weekend plans and the river house"
BRING = "Why are Sundays so hard for me lately, and what to do"
WORKED_ON = "expectations with Sam about the move"


@pytest.fixture
def journal(people):
    people.ok("homework", "add", HOMEWORK, "--due", "2026-03-09", "--with", "Sam")
    people.ok("bring", BRING)
    people.ok("session", "add", "--date", "2026-03-02", "--with", "Dr Lee", "--worked-on", WORKED_ON,
              "--agreed", "one I-statement")  # fmt: skip
    return open_journal(people.path)


def draw(journal, which: str) -> None:
    import datetime as dt

    from ipt_journal.render.practice import homework_table
    from ipt_journal.render.sessions import bring_table, sessions_table

    if which == "homework":
        homework_table(journal.homework.all(), dt.date(2026, 3, 5))
    elif which == "sessions":
        sessions_table(journal.sessions.all())
    else:
        bring_table(journal.bring.all())


@pytest.mark.parametrize("which, text", [("homework", HOMEWORK), ("sessions", WORKED_ON), ("bring", BRING)])
def test_at_40_columns_each_record_is_plain_lines_with_whole_words(journal, monkeypatch, capsys, which, text):
    monkeypatch.setenv("COLUMNS", "40")
    draw(journal, which)
    lines = capsys.readouterr().out.splitlines()
    assert all(len(line) <= 40 for line in lines), lines
    assert not any(set(line) & set("─│┃━") for line in lines)  # no table rules
    words = " ".join(line.strip() for line in lines).split()
    for word in text.split():
        assert word in words, (word, lines)  # never cut in two
    continued = [line for line in lines[1:] if not line.startswith("#")]
    assert continued and all(line.startswith("  ") for line in continued), lines  # under the first


@pytest.mark.parametrize("which, text", [("homework", HOMEWORK), ("sessions", WORKED_ON), ("bring", BRING)])
def test_at_100_columns_they_are_tables_with_whole_words(journal, monkeypatch, capsys, which, text):
    monkeypatch.setenv("COLUMNS", "100")
    draw(journal, which)
    out = capsys.readouterr().out
    assert "─" in out
    words = out.split()
    for word in text.split():
        assert word.strip(",") in " ".join(words), word
    assert "…" not in out


GOAL = "Talk with Sam about the move calmly and without shouting"
WHAT_HAPPENED = "he forgot my birthday dinner and did not call"


def test_report_goals_and_a_persons_incidents_keep_their_indent_at_40_columns(people, monkeypatch):
    people.ok("start", "--weeks", "12", "--start-date", "2026-03-02", "--goal", GOAL)
    people.ok("checkin", "--date", "2026-03-04", "--mood", "4", "--with", f"Sam:-1:{WHAT_HAPPENED}")
    monkeypatch.setenv("COLUMNS", "40")
    for args, first, text in (
        (("report", "--course"), "  #1 Talk", GOAL),
        (("inventory", "show", "Sam"), "  #1 2026-03-04", WHAT_HAPPENED),
    ):
        lines = people.ok(*args).stdout.splitlines()
        block = block_after(lines, first, indent="      ")
        assert len(block) > 1 and all(len(line) <= 40 for line in block), lines
        assert " ".join(line.strip() for line in block).startswith(first.strip())
        assert text in " ".join(line.strip() for line in block)  # whole words, indented under
