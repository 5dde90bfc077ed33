"""Every list and screen at 40 columns, and --plain (issue 24, point 7): plain lines with
whole words and a hanging indent, headings wrapped at word boundaries; under --plain no
symbol (▲ ▼ ◆ ● ○ †) and no "…" in place of what was left out."""

import datetime as dt
import re

import pytest

from exercise_flags import flags_for
from ipt_journal.cli import app
from ipt_journal.store import open_journal

GOAL = "Talk about money with Sam without raising my voice"
NOTE = "Dinner at the river house went better than expected afterwards"
EVENT = "Started the evening shift at the warehouse near the station"
SYMBOLS = set("▲▼◆●○†…")
RULES = set("─│┃━╭╮╰╯")


def days_ago(days: int) -> str:
    return (dt.date.today() - dt.timedelta(days=days)).isoformat()


@pytest.fixture
def busy(people):
    """A month of check-ins with three people (one named in two words), a course with a long
    goal, a life event with a note, a questionnaire, an exercise and homework."""
    ipt = people
    ipt.ok("inventory", "add", "--name", "Aunt May", "--relationship", "other-family", "--closeness", "2")
    ipt.ok("start", "--weeks", "12", "--start-date", days_ago(30), "--reason", "low since the move",
           "--goal", GOAL)  # fmt: skip
    for n in range(12):
        ipt.ok("checkin", "--date", days_ago(n * 2), "--mood", str(3 + n % 5), "--note", NOTE,
               "--with", "Sam:+1", "--with", "Alex:-1", "--with", "Jo:0", "--with", "Aunt May:+2",
               "--tag", "family", "--goal", "1:6")  # fmt: skip
    ipt.ok("checkin", "--date", days_ago(1), "--mood", "5", "--phq9", "1,1,1,1,1,1,1,1,0")
    ipt.ok("event", "add", "--date", days_ago(5), "--kind", "new-job-or-role", "--person", "Aunt May",
           "--note", EVENT)  # fmt: skip
    ipt.ok("exercise", "start", "active-listening", "--with", "Aunt May", "--date", days_ago(3),
           *flags_for("active-listening"))  # fmt: skip
    ipt.ok("homework", "add", GOAL, "--with", "Aunt May", "--due", days_ago(-3))
    return ipt


def screen(ipt, *args: str, columns: int = 40) -> str:
    result = ipt.runner.invoke(app, list(args), env={"COLUMNS": str(columns)}, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout


def words(text: str) -> set[str]:
    return {word.strip(",.;:()") for word in text.split()}


def assert_fits(out: str, *texts: str, width: int = 40, picture: bool = False) -> None:
    lines = out.splitlines()
    assert all(len(line) <= width for line in lines), [line for line in lines if len(line) > width]
    if not picture:
        assert not any(set(line) & RULES for line in lines), out  # plain lines, no table or box
    shown = words(out)
    for text in texts:
        for word in text.split():
            assert word.strip(",.;:()") in shown, (word, out)  # never cut in two


@pytest.mark.parametrize(
    "args, texts",
    [
        (("course",), [GOAL, "Extend it with: ipt course extend WEEKS."]),
        (("goals", "list"), [GOAL]),
        (("report", "--since", days_ago(30)), ["Aunt May", "Life events in this window"]),
        (("prep", "--since", days_ago(30)), [EVENT, GOAL]),
        (("timeline", "--since", days_ago(60)), []),
        (("inventory", "circle"), ["Aunt May"]),  # rings drawn as boxes, names whole
        (("checkin", "show", "1"), [NOTE]),
    ],
)
def test_each_screen_at_40_columns_is_plain_lines_with_whole_words(busy, args, texts):
    assert_fits(screen(busy, *args), *texts, picture=args == ("inventory", "circle"))


def test_the_course_at_40_columns_lists_goals_as_lines_under_their_number(busy):
    out = screen(busy, "course")
    lines = out.splitlines()
    first = next(i for i, line in enumerate(lines) if line.startswith("#1 "))
    assert lines[first + 1].startswith("    ") and "(open" in lines[first + 1], lines  # hanging indent
    assert "6/10)" in out  # the progress whole: "6 → 6/10" is never split at the arrow
    assert re.search(r"6 → 6/10", out)


def test_the_report_at_40_columns_keeps_each_name_with_its_figure(busy):
    out = screen(busy, "report", "--since", days_ago(30))
    week_lines = [line for line in out.splitlines() if re.match(r"\d{4}-W\d\d", line)]
    assert week_lines
    assert "Sam +1.0" in out  # one decimal, never split from its name
    lines = out.splitlines()
    events = lines[lines.index("Life events in this window") + 1 :]
    events = events[: events.index("")]
    assert "Aunt May" in events[-1] and not any(line.rstrip().endswith("Aunt") for line in events), out


def test_at_100_columns_the_goals_are_a_table(busy):
    out = screen(busy, "course", columns=100)
    assert "─" in out and GOAL in out


LISTS = {
    "checkins": ["Aunt May"],
    "measures": ["PHQ-9"],
    "events": ["Aunt May"],
    "people": ["Aunt May"],
    "exercises": ["Active listening", "Aunt May"],
    "goals": [GOAL],
    "homework": [GOAL, "Aunt May"],
    "sessions": ["expectations with Sam about the move"],
    "bring": ["Why are Sundays so hard for me lately"],
}


def draw(ipt, which: str) -> None:
    """The list as a terminal shows it (a test's stdout is no terminal, so `ipt` writes rows)."""
    from ipt_journal.render import checkins, course, events, measures, people, practice, sessions

    journal = open_journal(ipt.path)
    try:
        if which == "checkins":
            checkins.checkins_table(journal.checkins.all())
        elif which == "measures":
            measures.measures_table(journal.measures.all())
        elif which == "events":
            events.events_table(journal.events.between())
        elif which == "people":
            people.people_table(journal.people.all())
        elif which == "exercises":
            practice.exercises_table(journal.exercises.all())
        elif which == "goals":
            course.goals_table(journal.goals.all())
        elif which == "homework":
            practice.homework_table(journal.homework.all(), dt.date.today())
        elif which == "sessions":
            sessions.sessions_table(journal.sessions.all())
        else:
            sessions.bring_table(journal.bring.all())
    finally:
        journal.close()


@pytest.mark.parametrize("which", LISTS)
def test_every_list_at_40_columns_is_plain_lines_with_whole_words_and_a_hanging_indent(
    busy, monkeypatch, capsys, which
):
    busy.ok("session", "add", "--date", days_ago(2), "--with", "Dr Lee", "--worked-on",
            "expectations with Sam about the move", "--agreed", "one I-statement")  # fmt: skip
    busy.ok("bring", "Why are Sundays so hard for me lately, and what to do")
    monkeypatch.setenv("COLUMNS", "40")
    draw(busy, which)
    out = capsys.readouterr().out
    assert_fits(out, *LISTS[which])
    records = [line for line in out.splitlines() if line and not line.startswith(" ")]
    continued = [line for line in out.splitlines() if line.startswith(" ")]
    assert records, out
    under = "  " if which == "sessions" else "    "  # a session's parts are lines of their own
    assert all(line.startswith(under) for line in continued), out  # under their first line
    for name in ("Aunt May", "Dr Lee"):  # a name in two words stays on one line
        assert not any(line.rstrip().endswith(name.split()[0]) for line in out.splitlines()), out


# ------------------------------------------------------------------ --plain


def test_plain_circle_says_in_words_how_time_went(busy):
    busy.ok("inventory", "add", "--name", "Nan", "--relationship", "other-family", "--status", "deceased",
            "--died", "2020-04")  # fmt: skip
    out = screen(busy, "--plain", "inventory", "circle", columns=80)
    assert not set(out) & SYMBOLS, out
    assert "  Sam: went well" in out.splitlines()
    assert "  Alex: went badly" in out.splitlines()
    assert "  Aunt May: went well" in out.splitlines()
    assert any(line.startswith("  Nan: died") for line in out.splitlines()), out
    assert "How time together went in the last 8 weeks." in out


def test_plain_timeline_has_no_marks_bars_or_shortened_notes(busy):
    long_note = "A long afternoon talking it through with Aunt May " * 3
    busy.ok(
        "event", "add", "--date", days_ago(4), "--kind", "conflict", "--person", "Jo", "--note", long_note
    )
    out = screen(busy, "--plain", "timeline", "--since", days_ago(60), columns=80)
    assert not set(out) & (SYMBOLS | set("▁▂▃▄▅▆▇█·")), out
    assert "new job or role with Aunt May" in out
    assert " ".join(long_note.split()) in " ".join(out.split())  # the whole first line, wrapped
    assert re.search(r"mood \d\.\d", out)


def test_plain_report_shows_every_name_and_event_without_marks(busy):
    for name in ("Ana Maria", "Ben", "Cleo", "Dev", "Eli", "Fay", "Gus", "Hana"):
        busy.ok("inventory", "add", "--name", name, "--relationship", "friend")
    many = [arg for name in ("Ana Maria", "Ben", "Cleo", "Dev", "Eli", "Fay", "Gus", "Hana")
            for arg in ("--with", f"{name}:+1")]  # fmt: skip
    busy.ok("checkin", "--date", days_ago(0), "--mood", "6", "--with", "Sam:+1", *many)
    wide = screen(busy, "report", "--since", days_ago(30), columns=80)
    assert "more" in wide or "…" in wide  # a terminal shortens the week's people to fit
    out = screen(busy, "--plain", "report", "--since", days_ago(30), columns=80)
    assert not set(out) & SYMBOLS, out
    flat_out = " ".join(out.split())
    assert "Hana +1.0" in flat_out and "Ana Maria +1.0" in flat_out
    assert not re.search(r"\+\d+ more", flat_out)
    assert f"{days_ago(5)} new job or role with Aunt May" in flat_out
