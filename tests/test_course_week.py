"""One course week everywhere (issues 21 and 24, point 9): on any day, `ipt course`, the
dashboard, `ipt report` (its course line and its mood table, in the terminal and as JSON),
the clinician document (Markdown and HTML) and the look back say the same week, counted by
the calendar from the course's start, with the sessions held beside it; and `ipt prep` and
the document's page one count "since the last session" over the same days.

A hand-built 12-week course begun on a Thursday, with a check-in every other day and ten
sessions (none in weeks 5 and 6), is built day by day with the clock set to each day
(time-machine), so nothing depends on today's date and nothing is ever dated after "today".
"""

import datetime as dt
import json
import re
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
import time_machine

from support import flat

START = dt.date(2026, 3, 5)  # a Thursday: course weeks run Thursday to Wednesday
SESSIONS = [0, 7, 14, 21, 42, 49, 56, 63, 70, 77]  # days after the start; a break in weeks 5-6
CHECKINS = range(0, 85, 2)


def day(n: int) -> dt.date:
    return START + dt.timedelta(days=n)


@contextmanager
def clock(on: dt.date) -> Iterator[None]:
    with time_machine.travel(dt.datetime.combine(on, dt.time(12)).astimezone(), tick=False):
        yield


class Course:
    """The journal, filled up to the day the clock is set to."""

    def __init__(self, ipt):
        self.ipt = ipt
        self.done = -1
        with clock(START):
            ipt.ok(
                "start", "--start-date", START.isoformat(), "--weeks", "12", "--therapist", "--focus", "grief"
            )

    def up_to(self, n: int, sessions: bool = True) -> None:
        """Every check-in (and session) from the last call's day to day `n`, on day `n`."""
        with clock(day(n)):
            for k in range(self.done + 1, n + 1):
                if k in CHECKINS:
                    self.ipt.ok("checkin", "--date", day(k).isoformat(), "--mood", str(3 + k % 5))
                if k in SESSIONS and sessions:
                    self.ipt.ok("session", "add", "--with", "Dr Lee", "--date", day(k).isoformat())
        self.done = n

    def screens(self, n: int) -> dict[str, str]:
        """What each screen says on day `n`."""
        with clock(day(n)):
            return {
                "course": flat(self.ipt.ok("course").stdout),
                "course json": self.ipt.ok("course", "--json").stdout,
                "dashboard": flat(self.ipt.ok().stdout),
                "report": self.ipt.ok("report").stdout,
                "report json": self.ipt.ok("report", "--json").stdout,
                "markdown": self.ipt.ok("report", "--format", "markdown").stdout,
                "html": self.ipt.ok("report", "--format", "html").stdout,
                "look back": flat(self.ipt.ok("review", "--show").stdout),
                "prep json": self.ipt.ok("prep", "--json").stdout,
            }


@pytest.fixture
def course(ipt) -> Course:
    return Course(ipt)


def weeks_said(screens: dict[str, str]) -> dict[str, str]:
    """The course week each screen gives, as the words it uses."""
    report_rows = [line for line in screens["report"].splitlines() if re.match(r"\d{4}-W\d\d\s+week", line)]
    md_rows = re.findall(r"^\| \d{4}-W\d\d \| ([^|]+) \|", screens["markdown"], flags=re.M)
    html_cells = re.findall(r"<td>(weeks? [^<]*(?:of 12|planned 12))</td>", screens["html"])
    report_json = json.loads(screens["report json"])
    return {
        "course": re.search(r"^(Week \d+[^.]*)\.", screens["course"]).group(1),
        "course json": f"week {json.loads(screens['course json'])['week']}",
        "dashboard": re.search(r"^(Week \d+[^.;]*)", screens["dashboard"]).group(1),
        "report": re.search(r"Your course: (week \d+[^;(]*)", flat(screens["report"])).group(1).strip(),
        "report json": f"week {report_json['course']['week']}",
        "report table": last_week(re.search(r"(weeks? [\d–]+(?: of 12|, past))", report_rows[-1]).group(1)),
        "report json table": f"week {report_json['weeks'][-1]['course_week']}",
        "markdown": re.search(r"Now (week \d+[^;]*);", flat(screens["markdown"])).group(1),
        "markdown table": last_week(md_rows[-1].strip()),
        "html": re.search(r"Now (week \d+[^;]*);", screens["html"]).group(1),
        "html table": last_week(html_cells[-1]),
        "look back": re.search(r"\((week \d+[^)]*)\)", screens["look back"]).group(1),
    }


def last_week(cell: str) -> str:
    """An ISO week's cell names the course weeks of its days ("weeks 6–7 of 12"); the
    week in progress ends today, so its last one is today's."""
    return re.sub(r"^weeks \d+–", "week ", cell)


def assert_one_week(screens: dict[str, str], week: int, phase: str) -> None:
    words = f"week {week} of 12, {phase} phase" if week <= 12 else f"week {week}, past the planned 12 weeks"
    cell = f"week {week} of 12" if week <= 12 else f"week {week}, past the planned 12"
    assert weeks_said(screens) == {
        "course": words.capitalize(),
        "course json": f"week {week}",
        "dashboard": words.capitalize(),
        "report": words,
        "report json": f"week {week}",
        "report table": cell if week <= 12 else f"week {week}, past",
        "report json table": f"week {week}",
        "markdown": words,
        "markdown table": cell,
        "html": words,
        "html table": cell,
        "look back": words,
    }


def since_last_session(screens: dict[str, str]) -> tuple[tuple[str, int], tuple[str, int]]:
    """(first day, check-ins) as `ipt prep` counts them, and as the document's page one does."""
    prep = json.loads(screens["prep json"])
    page_one = re.search(r"From (\S+) \(that day included\) to \S+: (\d+) check-ins?", screens["markdown"])
    return (prep["since"], prep["checkins"]), (page_one.group(1), int(page_one.group(2)))


def test_on_a_sessions_day_every_screen_says_the_same_week_before_and_after_it_is_logged(course):
    course.up_to(41)
    course.up_to(42, sessions=False)  # day 42, a Thursday: week 7 begins, the session not logged yet
    before = course.screens(42)
    assert_one_week(before, 7, "middle")
    assert "Week 7 of 12, middle phase; 4 of 12 planned sessions held." in before["dashboard"]
    with clock(day(42)):
        course.ipt.ok("session", "add", "--with", "Dr Lee", "--date", day(42).isoformat())
    after = course.screens(42)
    assert_one_week(after, 7, "middle")  # logging a session never moves the week
    assert "Week 7 of 12, middle phase. 5 of 12 planned sessions held." in after["course"]
    assert "5 of 12 planned sessions held" in flat(after["markdown"])
    assert json.loads(after["course json"])["sessions_held"] == 5
    # On the session's own day, "since the last session" prepares for it: from the one
    # before (day 21), that day included, whether today's is logged or not.
    for screens in (before, after):
        assert since_last_session(screens) == ((day(21).isoformat(), 11),) * 2
    assert course.ipt.rows(
        "SELECT count(*) FROM checkins WHERE day BETWEEN ? AND ?", (day(21).isoformat(), day(42).isoformat())
    ) == [(11,)]


def test_the_day_after_a_session_prep_and_page_one_count_the_same_days(course):
    course.up_to(43)
    screens = course.screens(43)
    assert_one_week(screens, 7, "middle")
    # From the session of day 42, its day included: that day's check-in (none on day 43).
    assert since_last_session(screens) == ((day(42).isoformat(), 1),) * 2


def test_the_week_in_progress_is_todays_week_not_its_sundays(course):
    # Day 47 is a Tuesday: its ISO week's Sunday (day 52) falls in course week 8, today in week 7.
    assert day(47).isoweekday() == 2
    course.up_to(48)
    screens = course.screens(48)  # Wednesday, the last day of week 7, with a check-in
    assert_one_week(screens, 7, "middle")
    course.up_to(49)
    assert_one_week(course.screens(49), 8, "middle")  # Thursday: week 8 begins for every screen


def test_the_day_after_the_last_planned_week_every_screen_says_it_has_passed(course):
    course.up_to(84)  # weeks 1-12 are days 0-83
    screens = course.screens(84)
    assert_one_week(screens, 13, "maintenance")
    assert "Week 13, past the planned 12 weeks; 10 of 12 planned sessions held." in screens["dashboard"]
    assert "of 12" not in " ".join(weeks_said(screens).values()).replace("(planned 12)", "")
    assert "13 of 12" not in screens["report"] + screens["markdown"] + screens["html"]
    assert course.ipt.rows("SELECT count(*) FROM therapy_sessions") == [(10,)]


def test_since_the_last_session_counts_by_the_day_things_happened_not_the_day_typed(course):
    course.up_to(44)
    with clock(day(44)):
        # Typed today, back-dated: one before the session of day 42 (left out), one after it.
        course.ipt.ok("checkin", "--date", day(41).isoformat(), "--mood", "2")
        course.ipt.ok("checkin", "--date", day(43).isoformat(), "--mood", "9")
        course.ipt.ok("measure", "phq9", "--date", day(43).isoformat(), "--answers", "1,1,1,1,1,1,1,1,0")
        window = course.ipt.ok("report", "--since-last-session", "--json").stdout
    screens = course.screens(44)
    # Days 42 and 44 have one check-in each, and day 43 the one typed on day 44.
    assert since_last_session(screens) == ((day(42).isoformat(), 3),) * 2
    assert [m["day"] for m in json.loads(screens["prep json"])["measures"]] == [day(43).isoformat()]
    assert f"PHQ-9 8 (mild) on {day(43)}" in flat(screens["markdown"])
    assert json.loads(window)["since"] == day(42).isoformat()  # --since-last-session: the same first day
    assert course.ipt.rows("SELECT count(*) FROM checkins WHERE day >= ?", (day(42).isoformat(),)) == [(3,)]
