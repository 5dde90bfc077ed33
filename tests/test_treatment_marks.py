"""Treatment alongside IPT (issue 23, point 4): medication started, dose changed and
stopped, doctor visits, sick leave and hospital stays are life events of their own kinds,
marked at their days on the mood chart (terminal and HTML) and on the questionnaire
charts (HTML), named in words beside them, and in words only with --plain."""

import datetime as dt
import json
import re

import pytest
import time_machine

from support import assert_user_error, flat

TODAY = dt.datetime(2025, 4, 30, 12)  # the clock is set: every column below is worked out from it
SINCE = dt.date(2025, 3, 3)  # a Monday
PLOT = 80 - 4 - 1  # the plot's columns at 80: the axis takes 4 and the edge 1
SPAN = (TODAY.date() - SINCE).days  # 58

CARE = [  # (day, kind, mark, words)
    ("2025-03-10", "medication-started", "+", "medication started"),
    ("2025-03-20", "sick-leave", "S", "sick leave"),
    ("2025-04-14", "doctor-visit", "D", "doctor visit"),
    ("2025-04-14", "dose-changed", "±", "medication dose changed"),
    ("2025-04-22", "hospital-stay", "H", "hospital stay"),
    ("2025-04-28", "medication-stopped", "x", "medication stopped"),
]


@pytest.fixture
def clock():
    with time_machine.travel(TODAY.astimezone(), tick=False):
        yield


@pytest.fixture
def course(ipt, clock):
    for n in range(15):
        day = SINCE + dt.timedelta(days=4 * n)
        ipt.ok("checkin", "--date", day.isoformat(), "--mood", str(3 + n % 5))
    for day, answers in (("2025-03-03", "2,2,2,2,2,2,1,1,0"), ("2025-04-14", "1,1,1,1,1,1,1,0,0")):
        ipt.ok("measure", "phq9", "--date", day, "--answers", answers)
    for day, kind, _, _ in CARE:
        ipt.ok("event", "add", "--date", day, "--kind", kind)
    ipt.ok("event", "add", "--date", "2025-03-24", "--kind", "conflict")  # not treatment: no mark
    return ipt


def column(day: str) -> int:
    return round((dt.date.fromisoformat(day) - SINCE).days / SPAN * (PLOT - 1))


def test_the_kinds_are_stored_as_typed(course):
    kinds = [kind for (kind,) in course.rows("SELECT kind FROM events ORDER BY day, id")]
    assert kinds == [
        "medication-started",
        "sick-leave",
        "conflict",
        "doctor-visit",
        "dose-changed",
        "hospital-stay",
        "medication-stopped",
    ]
    listed = flat(course.ok("event", "list").stdout)
    assert "2025-04-14 medication dose changed" in listed and "2025-03-20 sick leave" in listed


def test_a_kind_that_does_not_exist_is_refused_naming_the_new_ones(ipt):
    result = ipt("event", "add", "--date", "2025-03-10", "--kind", "medication")
    assert_user_error(result, "medication-started", "hospital-stay")


def test_the_terminal_chart_marks_each_on_its_day(course):
    out = course.ok("chart", "--since", SINCE.isoformat()).stdout
    row = next(line for line in out.splitlines() if line.startswith("Rx  "))[4:]
    expected = {column(day): mark for day, _, mark, _ in CARE}
    # The doctor visit and the dose change share 2025-04-14: the later one sits just right.
    visit = column("2025-04-14")
    expected[visit], expected[visit + 1] = "D", "±"
    assert {x: c for x, c in enumerate(row) if c != " "} == expected
    assert (column("2025-03-10"), column("2025-04-28")) == (9, 71)  # by hand: 7/58 and 56/58 of 74, rounded
    words = flat(out)
    assert (
        "Treatment: + medication started 2025-03-10; S sick leave 2025-03-20; D doctor visit 2025-04-14; "
        "± medication dose changed 2025-04-14; H hospital stay 2025-04-22; x medication stopped 2025-04-28."
    ) in words
    assert "conflict" not in words


def test_the_report_chart_carries_the_same_marks(course):
    out = course.ok("report", "--since", SINCE.isoformat()).stdout
    row = next(line for line in out.splitlines() if line.startswith("Rx  "))[4:]
    assert row[column("2025-03-10")] == "+" and row[column("2025-04-28")] == "x"
    data = json.loads(course.ok("report", "--since", SINCE.isoformat(), "--json").stdout)
    assert [(t["day"], t["kind"], t["mark"]) for t in data["chart"]["treatment"]] == [
        (day, kind, mark) for day, kind, mark, _ in CARE
    ]


def test_plain_output_says_them_in_words_and_draws_no_marks(course):
    out = course.ok("--plain", "chart", "--since", SINCE.isoformat()).stdout
    assert "Rx" not in out
    line = flat(out[out.index("Treatment:") :])
    assert line.startswith(
        "Treatment: medication started 2025-03-10; sick leave 2025-03-20; doctor visit 2025-04-14; "
        "medication dose changed 2025-04-14; hospital stay 2025-04-22; medication stopped 2025-04-28."
    )
    assert not re.search(r"[+±]|\bD doctor|\bS sick", line)


def test_a_narrow_terminal_gets_the_words_under_its_sparkline(course, monkeypatch):
    monkeypatch.setenv("COLUMNS", "40")
    out = course.ok("chart", "--since", SINCE.isoformat()).stdout
    assert "Rx" not in out and "medication started 2025-03-10" in flat(out)


def _svg_xs(svg: str) -> dict[str, float]:
    """Each care mark's title -> its x."""
    return {
        title: float(x)
        for title, x in re.findall(r'<g class="care"><title>([^<]+)</title><line x1="([\d.]+)"', svg)
    }


def test_the_html_charts_mark_each_on_its_day(course):
    html = course.ok("report", "--since", SINCE.isoformat(), "--format", "html").stdout
    charts = re.findall(r"<svg .*?</svg>", html, flags=re.S)
    mood = next(c for c in charts if 'id="chart-mood-title"' in c)
    phq = next(c for c in charts if 'id="chart-phq9-title"' in c)
    for svg in (mood, phq):
        xs = _svg_xs(svg)
        assert list(xs) == [f"{words} {day}" for day, _, _, words in CARE]
        assert list(xs.values()) == sorted(xs.values())  # in time order along the axis
        for _, _, mark, _ in CARE:
            assert f'text-anchor="middle">{mark}</text>' in svg
    # The PHQ-9 of 2025-04-14 and the doctor visit that day share an x; so does the mood
    # chart's week of 2025-03-10 (a Monday) with the medication started that day.
    phq_points = re.findall(r'<circle cx="([\d.]+)"', phq)
    assert float(phq_points[1]) == _svg_xs(phq)["doctor visit 2025-04-14"]
    mood_points = re.search(r'<polyline points="([^"]+)"', mood).group(1).split()
    assert float(mood_points[1].split(",")[0]) == _svg_xs(mood)["medication started 2025-03-10"]
    legend = "Treatment alongside IPT, marked on the chart: + medication started 2025-03-10;"
    assert legend in flat(html)
    md = flat(course.ok("report", "--since", SINCE.isoformat(), "--format", "markdown").stdout)
    assert "medication started 2025-03-10; S sick leave 2025-03-20" in md
