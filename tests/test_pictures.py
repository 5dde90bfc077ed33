"""The pictures as text, with NO_COLOR, at 40, 60, 80 and 120 columns: the mood chart (a
sparkline when narrow), the closeness circle and the timeline. Names whole, lines within
the width, ring membership right."""

import datetime as dt
import json

import pytest

WIDTHS = [40, 60, 80, 120]
TODAY = dt.date.today()
LONG = "Alexandra Long-Name"


@pytest.fixture
def journal(people):
    """Sam and Jo inner, Alex and Alexandra middle, Kim outer, Pat on no ring; check-ins
    over eight weeks, a PHQ-9, and two life events."""
    people.ok("inventory", "add", "--name", LONG, "--relationship", "friend", "--closeness", "2")
    people.ok("inventory", "add", "--name", "Kim", "--relationship", "colleague", "--closeness", "3")
    people.ok("inventory", "add", "--name", "Pat", "--relationship", "neighbour")
    plan = [(3, "Sam:-2"), (6, "Sam:+2"), (4, "Jo:-1"), (7, f"{LONG}:+2"), (5, "Sam:0"), (8, "Sam:+1")]
    for weeks_ago, (mood, with_) in zip(range(7, 1, -1), plan, strict=True):
        day = (TODAY - dt.timedelta(weeks=weeks_ago)).isoformat()
        people.ok("checkin", "--date", day, "--mood", str(mood), "--with", with_)
    people.ok("measure", "phq9", "--answers", "1,2,1,1,1,1,1,1,0")
    month = (TODAY - dt.timedelta(weeks=6)).strftime("%Y-%m")
    people.ok("event", "add", "--date", month, "--kind", "move", "--person", "Sam", "--person", LONG)
    people.ok(
        "event",
        "add",
        "--date",
        (TODAY - dt.timedelta(weeks=3)).isoformat(),
        "--kind",
        "conflict",
        "--person",
        "Jo",
        "--note",
        "An argument about the holidays that went on far too long for one line",
    )
    return people


def run(ipt, monkeypatch, width, *args):
    from ipt_journal import output

    monkeypatch.setenv("COLUMNS", str(width))
    # As in a terminal of that width: lists piped to another program come as plain rows.
    monkeypatch.setattr(output, "rows_wanted", lambda: False)
    out = ipt.ok(*args).stdout
    assert "\x1b[" not in out  # NO_COLOR: no escape codes; the symbols carry the meaning
    too_wide = [line for line in out.splitlines() if len(line) > width]
    assert not too_wide, too_wide
    return out


@pytest.mark.parametrize("width", WIDTHS)
def test_report_chart_or_sparkline_fits(journal, monkeypatch, width):
    out = run(journal, monkeypatch, width, "report")
    if width < 50:
        line = next(
            line for line in out.splitlines() if line.startswith("Mood ▁") or line.startswith("Mood ")
        )
        assert any(mark in line for mark in "▁▂▃▄▅▆▇█")
    else:
        assert "10 ┤" in out and " 0 ┤" in out and "●" in out
        assert "PHQ 11".split()[0] in out
    assert "PHQ-9: 9 mild" in out
    assert "◆" in out and "move with" in " ".join(out.split())
    for name in ("Sam", "Jo"):
        assert name in out
    assert "Alexandr…" not in out and "Long-Na…" not in out


@pytest.mark.parametrize("width", WIDTHS)
def test_closeness_circle_puts_everyone_on_their_ring(journal, monkeypatch, width):
    out = run(journal, monkeypatch, width, "inventory", "circle")
    rings = {}
    for line in out.splitlines():
        depth = 0
        while line.startswith("│ " * (depth + 1)):
            depth += 1
        for name in ("Sam", "Jo", "Alex", LONG, "Kim"):
            if f"{name} " in line and name not in rings:
                if name == "Alex" and f"{LONG} " in line and line.count("Alex") == 1:
                    continue
                rings[name] = depth
    # Depth of walls: 1 outer ring, 2 middle ring, 3 inner circle.
    assert rings == {"Sam": 3, "Jo": 3, "Alex": 2, LONG: 2, "Kim": 1}
    assert "(you)" in out
    assert "Not placed on a ring:" in out and "Pat ○" in out
    # Marks: it went well with Alexandra lately, badly with Jo, mixed with Sam, no time with Kim.
    assert f"{LONG} ▲" in out and "Jo ▼" in out and "Sam ◆" in out and "Kim ○" in out


@pytest.mark.parametrize("width", WIDTHS)
def test_timeline_puts_events_beside_mood(journal, monkeypatch, width):
    out = run(journal, monkeypatch, width, "timeline")
    month = (TODAY - dt.timedelta(weeks=6)).strftime("%Y-%m")
    assert f"◆ {month} move with {LONG}, Sam" in " ".join(out.split())  # names sorted
    assert "conflict with Jo" in out
    assert "An argument about" in out
    if width < 80:
        assert "…" in out  # the note kept to one line, shortened
    assert any(line.startswith(month) for line in out.splitlines())
    assert "PHQ-9 9" in out


def test_circle_marks_someone_who_died_and_its_json(journal):
    journal.ok(
        "inventory",
        "add",
        "--name",
        "Grandad",
        "--relationship",
        "other-family",
        "--status",
        "deceased",
        "--closeness",
        "2",
        "--died",
        "2026-04-12",
    )
    circle = journal.ok("inventory", "circle").stdout
    # In words, with no symbol and no contact mark: he is remembered, not seen.
    assert (
        "Grandad (died 12 April 2026)" in circle
        and "†" not in circle
        and "Grandad (died 12 April 2026) ○" not in circle
    )
    data = json.loads(journal.ok("inventory", "circle", "--json").stdout)
    sam = next(p for p in data["people"] if p["name"] == "Sam")
    assert (sam["ring"], sam["lately"], sam["times"]) == (1, "mixed", 4)  # -2, +2, 0, +1


def test_circle_with_an_empty_inventory(ipt):
    assert "Your inventory is empty" in ipt.ok("inventory", "circle").stdout


def test_timeline_and_chart_with_nothing_yet(ipt):
    assert "Nothing to put on a timeline yet" in ipt.ok("timeline").stdout
    assert "No check-ins since" in ipt.ok("chart").stdout


def test_chart_over_a_long_span_and_bad_by(journal):
    out = journal.ok("chart", "--weeks", "104").stdout
    assert "10 ┤" in out
    result = journal("timeline", "--by", "decade")
    assert result.exit_code == 2 and "--by must be month, quarter or year" in result.stderr
    quarterly = journal.ok("timeline", "--by", "quarter").stdout
    assert " Q" in quarterly


@pytest.mark.parametrize("width", [40, 60])
@pytest.mark.parametrize(
    "command", [("inventory", "list"), ("checkin", "list"), ("event", "list"), ("review", "--show")]
)
def test_lists_fit_narrow_terminals_with_names_whole(journal, monkeypatch, width, command):
    out = run(journal, monkeypatch, width, *command)
    flat_out = " ".join(out.split())
    for name in ("Sam", "Jo"):
        assert name in out
    if command != ("event", "list"):
        assert LONG in flat_out or "Alexandra Long-" in out
    assert "Alexandr…" not in out and "Long-Na…" not in out
