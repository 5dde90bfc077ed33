"""A new-user trial (a self-guided 12-week course begun on Saturday 2026-11-07): a day has
one course week everywhere. An ISO week (Monday to Sunday) holding days of two course weeks
is "weeks 4–5", a week before the course's first day gets no number ("before the course"),
in the terminal, JSON, Markdown and HTML and the dispute-stage table; `ipt pathway week`
refuses a day before the course; `ipt inventory edit` says how to record the course's
dispute stage. The clock is set (time-machine): nothing depends on today's date."""

import datetime as dt
import json
import re

import time_machine

from support import assert_user_error, flat

START = "2026-11-07"  # a Saturday; course week 4 is Nov 28 – Dec 4, week 5 starts Dec 5
TODAY = dt.date(2026, 12, 5)  # Saturday: week 5 by `ipt course`


def on(day: dt.date):
    return time_machine.travel(dt.datetime(day.year, day.month, day.day, 12).astimezone(), tick=True)


def course_with_sam(ipt) -> None:
    ipt.ok("inventory", "add", "--name", "Sam", "--relationship", "partner", "--closeness", "2")
    ipt.ok(
        "start", "--weeks", "12", "--start-date", START, "--no-therapist", "--phq9", "1,1,1,1,1,1,1,1,0",
        "--goal", "Argue less", "--focus", "role-dispute", "--dispute-with", "Sam",
        "--dispute-stage", "renegotiation",
    )  # fmt: skip
    for day in ("2026-10-28", "2026-11-07", "2026-11-13", "2026-11-30", "2026-12-04"):
        ipt.ok("checkin", "--mood", "5", "--date", day)


EXPECTED = {
    "2026-W44": "before the course",  # Oct 26 – Nov 1
    "2026-W45": "week 1 of 12, from 2026-11-07",  # Mon Nov 2 – Sun Nov 8: only Sat and Sun
    "2026-W46": "weeks 1–2 of 12",  # Nov 13 (a Friday) is week 1, Nov 14 week 2
    "2026-W49": "weeks 4–5 of 12",  # Nov 30 – Dec 4 week 4, Saturday Dec 5 (today) week 5
}


def test_each_iso_week_names_the_course_weeks_of_its_days_in_every_output(ipt):
    with on(TODAY):
        course_with_sam(ipt)
        assert json.loads(ipt.ok("course", "--json").stdout)["week"] == 5
        data = json.loads(ipt.ok("report", "--weeks", "7", "--json").stdout)
        text = ipt.ok("report", "--weeks", "7").stdout
        markdown = ipt.ok("report", "--weeks", "7", "--format", "markdown").stdout
        html = ipt.ok("report", "--weeks", "7", "--format", "html").stdout
    weeks = {w["week"]: w for w in data["weeks"]}
    assert {label: w["course_week_words"] for label, w in weeks.items()} == EXPECTED
    # Fields added, meanings kept: course_week is still the week of its last day so far.
    assert (weeks["2026-W49"]["course_week_first"], weeks["2026-W49"]["course_week"]) == (4, 5)
    assert weeks["2026-W44"]["course_week"] is None
    for label, words in EXPECTED.items():
        assert re.search(rf"{label}\s+{re.escape(words.split(',')[0])}", text), (label, text)
        assert f"| {label} | {words} |" in markdown
        assert f'<th scope="row">{label}</th><td>{words}</td>' in html
    assert "week 2 of 12" not in flat(text) + markdown + html  # W46's old label
    assert "week 5 of 12" not in markdown.split("Check-ins and mean mood")[-1]


def test_the_stage_table_numbers_no_week_before_the_course(ipt):
    with on(TODAY):
        course_with_sam(ipt)
        ipt.ok("pathway", "week", "--stage", "impasse", "--date", "2026-11-07")
        ipt.ok("pathway", "week", "--stage", "dissolution", "--date", "2026-12-01")
        markdown = ipt.ok("report", "--weeks", "7", "--format", "markdown").stdout
    assert "| 2026-11-02 | 1 (from 2026-11-07) | impasse |" in markdown
    assert "| 2026-11-09 | 1–2 | not recorded |" in markdown
    assert "| 2026-11-30 | 4–5 | dissolution |" in markdown


def test_a_week_before_the_course_is_refused_and_nothing_is_written(ipt):
    with on(TODAY):
        course_with_sam(ipt)
        result = ipt("pathway", "week", "--stage", "dissolution", "--date", "2026-10-01")
        assert_user_error(result, "Your course began on 2026-11-07", "Nothing was recorded")
        assert "--date 2026-11-07" in result.stderr
        assert ipt.rows("SELECT dispute_stage FROM pathway_weeks") == [("renegotiation",)]  # from `start`
        # The course's first day itself is accepted.
        assert "Week of 2026-11-02: stage impasse." in flat(
            ipt.ok("pathway", "week", "--stage", "impasse", "--date", START).stdout
            + ipt.ok("pathway", "week", "--stage", "impasse", "--date", START).stderr
        )


def test_the_course_s_dispute_person_is_told_how_to_record_the_stage(ipt):
    with on(TODAY):
        course_with_sam(ipt)
        result = ipt("inventory", "edit", "Sam", "--dispute-stage", "dissolution")
        assert_user_error(
            result, "Sam is your course's dispute person", "Run: ipt pathway week --stage dissolution"
        )
        assert ipt.rows("SELECT dispute_stage FROM people WHERE name = 'Sam'") == [(None,)]
        # Naming the area too marks it on Sam's entry, as before.
        ipt.ok("inventory", "edit", "Sam", "--problem-area", "role-dispute", "--dispute-stage", "dissolution")
        assert ipt.rows("SELECT dispute_stage FROM people WHERE name = 'Sam'") == [("dissolution",)]


def test_someone_else_s_stage_without_a_dispute_is_still_refused_as_before(ipt):
    with on(TODAY):
        course_with_sam(ipt)
        ipt.ok("inventory", "add", "--name", "Kim", "--relationship", "friend")
        result = ipt("inventory", "edit", "Kim", "--dispute-stage", "impasse")
        assert_user_error(result, "A dispute stage only applies when the problem area is role-dispute.")


def test_week_span_over_the_edges_of_a_course():
    from ipt_journal.clinical.course import week_span

    def words(monday: str, today: str | None = None, ended: str | None = None) -> tuple[str, str]:
        span = week_span(
            START, 12, dt.date.fromisoformat(monday), today and dt.date.fromisoformat(today), ended
        )
        return span.words, span.numbers

    assert words("2026-10-26") == ("before the course", "before the course")
    assert words("2026-11-02") == ("week 1 of 12, from 2026-11-07", "1 (from 2026-11-07)")
    assert words("2026-11-30", today="2026-12-04") == ("week 4 of 12", "4")  # Friday: week 5 not yet
    assert words("2026-11-30", today="2026-12-05") == ("weeks 4–5 of 12", "4–5")
    assert words("2027-01-25") == ("weeks 12–13, past the planned 12", "12–13")
    # Ended on a Wednesday: the rest of that ISO week is not the course's, the next is after it.
    assert words("2026-11-23", ended="2026-11-25") == ("week 3 of 12", "3")
    assert words("2026-11-30", ended="2026-11-25") == ("after the course", "after the course")
