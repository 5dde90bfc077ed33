"""History that reads true (issue 24, point 4): an imported Daylio mood word kept beside its
number, two entries of one day told apart by their local time, the timeline collapsing
years with nothing in them, comparisons that never reach across a gap of months, and a
chart dot that says when it averages several check-ins."""

import datetime as dt
import json

from support import Ipt, assert_user_error, flat

HEADER = "full_date,date,weekday,time,mood,activities,note_title,note"


def write(tmp_path, *lines):
    path = tmp_path / "daylio_export.csv"
    path.write_text("\n".join((HEADER, *lines)) + "\n", encoding="utf-8")
    return path


def tags_by_checkin(ipt):
    rows = ipt.rows(
        "SELECT c.id, c.day, c.mood, t.tag FROM checkins c LEFT JOIN checkin_tags t ON t.checkin_id = c.id "
        "ORDER BY c.id, t.rowid"
    )
    found: dict[int, tuple[str, int, list[str]]] = {}
    for checkin, day, mood, tag in rows:
        found.setdefault(checkin, (day, mood, []))[2].extend([tag] if tag else [])
    return list(found.values())


def test_custom_mood_words_are_kept_as_a_tag_beside_the_number(ipt, tmp_path, local_zone):
    local_zone("UTC-2")  # the entries' times are local, two hours ahead of UTC
    path = write(
        tmp_path,
        '2024-05-14,May 14,Tuesday,21:30,ok  but sleepy,work,"",""',
        '2024-05-14,May 14,Tuesday,8:05 am,Anxious,"","","Woke early"',
        '2024-05-13,May 13,Monday,9:00 pm,rad,walk,"",""',
        '2024-05-12,May 12,Sunday,9:00 pm,Anxious,Anxious | family,"",""',
    )
    out = flat(
        ipt.ok("import", "--from", "daylio", str(path), "--mood-map", "anxious=3,ok but sleepy=5").stdout
    )
    assert tags_by_checkin(ipt) == [
        ("2024-05-12", 3, ["anxious", "family"]),  # the word once, though an activity repeats it
        ("2024-05-13", 9, ["walk"]),  # Daylio's own "rad" says no more than its number
        ("2024-05-14", 3, ["anxious"]),
        ("2024-05-14", 5, ["ok but sleepy", "work"]),
    ]
    assert "anxious" in out and "ok but sleepy" in out
    # kept in UTC, shown in local time: 08:05 and 21:30 as the person wrote them
    assert ipt.rows("SELECT created_at FROM checkins WHERE day = '2024-05-14' ORDER BY id") == [
        ("2024-05-14T06:05:00Z",),
        ("2024-05-14T19:30:00Z",),
    ]
    listing = ipt.ok("checkin", "list").stdout
    assert "2024-05-14 08:05" in listing and "2024-05-14 21:30" in listing
    assert "2024-05-13 21:00" not in listing and "2024-05-13" in listing  # alone on its day: no time
    full = ipt.ok("checkin", "list", "--full").stdout
    assert "Check-in #3, Tuesday 14 May 2024, 08:05" in full and "Woke early" in full
    assert "Check-in #4, Tuesday 14 May 2024, 21:30" in full
    assert "Check-in #2, Monday 13 May 2024\n" in full  # alone on its day
    assert "Check-in #4, Tuesday 14 May 2024, 21:30" in ipt.ok("checkin", "show", "4").stdout
    # The journal moves 11 hours west: the times stay as they were lived, on their own day.
    local_zone("UTC+9")
    listing = ipt.ok("checkin", "list").stdout
    assert "2024-05-14 08:05" in listing and "2024-05-14 21:30" in listing
    assert ipt.rows("SELECT local_time FROM checkins WHERE day = '2024-05-14' ORDER BY id") == [
        ("08:05",),
        ("21:30",),
    ]


def test_the_time_of_day_travels_with_an_export_and_a_new_check_in_keeps_its_own(ipt, tmp_path):
    path = write(tmp_path, '2024-05-14,May 14,Tuesday,21:30,good,"","",""')
    ipt.ok("import", "--from", "daylio", str(path))
    before = dt.datetime.now().strftime("%H:%M")
    ipt.ok("checkin", "--mood", "6")  # today: written now, so it happened now
    after = dt.datetime.now().strftime("%H:%M")
    ipt.ok("checkin", "--mood", "4", "--date", "2024-05-14")  # back-dated: no time of its own
    times = ipt.rows("SELECT day, local_time FROM checkins ORDER BY id")
    assert times[0] == ("2024-05-14", "21:30") and times[2] == ("2024-05-14", None)
    assert times[1][0] == dt.date.today().isoformat() and before <= times[1][1] <= after
    exported = tmp_path / "all.json"
    ipt.ok("export", "--format", "json", "-o", str(exported))
    other = Ipt(tmp_path / "other" / "journal.db")
    result = other("--db", str(other.path), "import", str(exported))
    assert result.exit_code == 0, result.output
    assert other.rows_in(other.path, "SELECT day, local_time FROM checkins ORDER BY day, id") == sorted(
        times, key=lambda row: row[0]
    )
    # Moved to another day, a check-in keeps no time: it was not written then.
    ipt.ok("checkin", "edit", "1", "--date", "2024-05-13")
    assert ipt.rows("SELECT local_time FROM checkins WHERE id = 1") == [(None,)]


def test_the_time_shows_in_plain_rows_too_and_a_back_dated_check_in_has_none(ipt, tmp_path):
    path = write(
        tmp_path,
        '2024-05-14,May 14,Tuesday,21:30,good,"","",""',
        '2024-05-14,May 14,Tuesday,8:05 am,meh,"","",""',
    )
    ipt.ok("import", "--from", "daylio", str(path))
    # written today for that day: when it was typed is not when it happened
    ipt.ok("checkin", "--mood", "4", "--date", "2024-05-14")
    rows = ipt.ok("checkin", "list").stdout.splitlines()  # piped: one plain row each
    days = sorted(line.split("  ")[1] for line in rows if line)  # cells two spaces apart
    assert days == ["2024-05-14", "2024-05-14 08:05", "2024-05-14 21:30"]


def test_a_mood_word_too_long_for_a_tag_is_refused_by_line_and_column(ipt, tmp_path):
    word = "tired but hopeful after a very long day at work"
    path = write(tmp_path, f'2024-05-14,May 14,Tuesday,21:30,{word},"","",""')
    result = ipt("import", "--from", "daylio", str(path), "--mood-map", f"{word}=5")
    assert_user_error(result, "line 2, column mood", "over 40 characters", "Nothing was imported")
    assert not ipt.path.exists() or ipt.count("checkins") == 0


# ------------------------------------------------------------------ a five-year gap

BEFORE = ["2019-09-02", "2019-09-09", "2019-09-16", "2019-09-23", "2019-09-30", "2019-10-07"]
# Eight Mondays from 2024-04-01: with Sam on the 1st, 3rd, 5th and 7th.
AFTER = [
    ("2024-04-01", 7, True),
    ("2024-04-08", 5, False),
    ("2024-04-15", 7, True),
    ("2024-04-22", 5, False),
    ("2024-04-29", 8, True),
    ("2024-05-06", 6, False),
    ("2024-05-13", 8, True),
    ("2024-05-20", 6, False),
]


def five_years_apart(people):
    """Six low check-ins in autumn 2019 (Sam in half, going badly), nothing for four and a
    half years, then eight weeks in spring 2024 (Sam in half, going well)."""
    for n, day in enumerate(BEFORE):
        people.ok("checkin", "--date", day, "--mood", "2", *(["--with", "Sam:-2"] if n % 2 == 0 else []))
    for day, mood, with_sam in AFTER:
        people.ok("checkin", "--date", day, "--mood", str(mood), *(["--with", "Sam:+2"] if with_sam else []))
    return people


GAP_SENTENCE = (
    "No check-ins from 2019-10-08 to 2024-03-31, and none since 2024-05-21: the comparisons "
    "(first and last weeks, with and without someone, first half against second) cover "
    "2024-04-01 to 2024-05-20 only."
)


def test_the_timeline_collapses_the_empty_years_into_one_line(ipt):
    for day in ("2019-08-20", "2019-11-04", "2024-04-01", "2024-05-06"):
        ipt.ok("checkin", "--date", day, "--mood", "6")
    out = ipt.ok("timeline", "--since", "2019-08", "--until", "2024-06").stdout
    lines = [line.split()[0:2] for line in out.splitlines()[1:] if line[:1].isdigit()]
    assert [" ".join(words) for words in lines] == ["2019 Q3", "2019 Q4", "2020 Q1", "2024 Q2"]
    assert "2020 Q1 – 2024 Q1: no entries" in out
    data = json.loads(ipt.ok("timeline", "--since", "2019-08", "--until", "2024-06", "--json").stdout)
    periods = [(p["label"], p["checkins"], p["quiet"], p["end"]) for p in data["periods"]]
    assert periods == [
        ("2019 Q3", 1, False, None),
        ("2019 Q4", 1, False, None),
        ("2020 Q1 – 2024 Q1", 0, True, "2024-03-31"),
        ("2024 Q2", 2, False, None),
    ]


def test_a_short_empty_stretch_keeps_its_lines(ipt):
    for day in ("2024-01-10", "2024-04-01"):
        ipt.ok("checkin", "--date", day, "--mood", "6")
    out = ipt.ok("timeline", "--since", "2024-01", "--until", "2024-04", "--by", "month").stdout
    assert "no entries" not in out
    assert all(f"2024-0{month}" in out for month in (1, 2, 3, 4))  # two empty months, each a line


def test_comparisons_start_after_the_gap_in_every_format(people, tmp_path):
    five_years_apart(people)
    args = ("report", "--since", "2019-09-01")
    data = json.loads(people.ok(*args, "--json").stdout)
    assert data["gap"] == {
        "compared_from": "2024-04-01",
        "compared_until": "2024-05-20",
        "first_empty": "2019-10-08",
        "last_empty": "2024-03-31",
        "quiet_since": "2024-05-21",
    }
    # first 4 weeks of spring 2024 (7, 5, 7, 5) against its last 4 (8, 6, 8, 6): never 2019's 2s
    assert data["summary"] == {"weeks_compared": 4, "first_mean": 6.0, "last_mean": 7.0, "change": 1.0}
    # week on week: the first week of 2024 is no change from a week of 2019
    changes = {week["monday"]: week["change"] for week in data["weeks"]}
    assert changes["2019-09-09"] == 0.0 and changes["2024-04-01"] is None and changes["2024-04-08"] == -2.0
    sam = next(person for person in data["people"] if person["name"] == "Sam")
    # every figure of his row from the days after the gap, as the heading says (a count of
    # five years beside a comparison of two months would read as one finding)
    assert sam["interactions"] == 4
    assert (data["people_since"], data["people_until"]) == ("2024-04-01", "2024-05-20")
    assert (sam["mood_with"], sam["mood_without"], sam["checkins_without"]) == (7.5, 5.5, 4)
    # the halves are halves of spring 2024, not of five years (nor of the empty months since)
    insight = data["insight"]
    assert (insight["since"], insight["until"]) == ("2024-04-01", "2024-05-20")
    change = next(c for c in insight["changes"] if c["name"] == "Sam")
    assert (change["early"], change["late"], change["contact"]) == (2, 2, "about as often")

    text = flat(people.ok(*args).stdout)
    assert GAP_SENTENCE in text
    assert "was 7.0, up 1.0 from 6.0 in the first 4" in text
    assert "7.5 / 5.5" in text
    assert "First half (2024-04-01 to 2024-04-25) against second half" in text

    for kind in ("markdown", "html"):
        path = tmp_path / f"report.{'md' if kind == 'markdown' else 'html'}"
        people.ok(*args, "--format", kind, "-o", str(path))
        document = flat(path.read_text(encoding="utf-8"))
        assert GAP_SENTENCE in document
        assert "was 7.0, against 6.0 in the first 4 (+1.0)" in document
        assert "7.5 with, 5.5 without" in document
        assert "First half (2024-04-01 to 2024-04-25) against second half" in document


def test_without_a_gap_nothing_is_said_and_nothing_is_cut(people):
    import time_machine

    # the Sunday after the last check-in: no gap before it, none after it
    with time_machine.travel(dt.datetime(2024, 5, 26, 12).astimezone(), tick=True):
        for day, mood, with_sam in AFTER:
            people.ok(
                "checkin", "--date", day, "--mood", str(mood), *(["--with", "Sam:+2"] if with_sam else [])
            )
        data = json.loads(people.ok("report", "--since", "2024-04-01", "--json").stdout)
        text = flat(people.ok("report", "--since", "2024-04-01").stdout)
    assert data["gap"] is None and "No check-ins from" not in text
    assert data["summary"]["first_mean"] == 6.0
    assert (data["insight"]["since"], data["insight"]["until"]) == ("2024-04-01", "2024-05-26")


def test_a_chart_dot_that_averages_two_check_ins_says_so(ipt, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    # Days counted back from today: the chart runs from --since to today, so its columns
    # (and what one dot averages) must not depend on which day the test runs.
    first, second = (str(dt.date.today() - dt.timedelta(days=back)) for back in (60, 51))
    ipt.ok("checkin", "--date", first, "--mood", "2")
    ipt.ok("checkin", "--date", second, "--mood", "4")
    ipt.ok("checkin", "--date", second, "--mood", "8")
    out = ipt.ok("chart", "--since", first).stdout
    assert out.count("●") == 2 and out.count("◉") == 2  # the 2, and the legend; the 4 and 8 as their 6
    six = next(line for line in out.splitlines() if line.startswith("   │") and "◉" in line)
    assert out.splitlines().index(six) == out.splitlines().index(" 5 ┤") - 1  # the line for 6
    assert "● one check-in; ◉ the mean of 2 check-ins; mood 0 worst, 10 best." in flat(out)


def test_the_reviews_look_back_compares_the_weeks_after_the_gap(people):
    five_years_apart(people)
    text = flat(people.ok("review", "--show").stdout)
    assert GAP_SENTENCE in text
    assert "Mood: 6.0 on average in the first 4 weeks with check-ins, 7.0 in the last 4: up 1.0." in text
    # each person's figures from the weeks after the gap, and the line says which (no course)
    assert "in 4 check-ins from 2024-04-01 to 2024-05-20" in text and "during the course" not in text
    data = json.loads(people.ok("review", "--show", "--json").stdout)
    assert data["gap"]["compared_from"] == "2024-04-01"
    assert (data["mood"]["first_mean"], data["mood"]["last_mean"]) == (6.0, 7.0)


def test_session_prep_gives_the_trend_of_the_weeks_after_the_gap(people):
    people.ok("session", "add", "--date", "2019-09-01", "--with", "Dr Lee", "--worked-on", "sleep")
    five_years_apart(people)
    text = flat(people.ok("prep").stdout)
    assert "Since your session on 2019-09-01" in text
    # all 14 check-ins counted; the trend only from spring 2024 (6.0 then 7.0), never 2019's 2s
    assert (
        "over 14 check-ins, up 1.0 from the first 4 weeks to the last 4 since 2024-04-01 "
        "(after months without a check-in)." in text
    )
    data = json.loads(people.ok("prep", "--json").stdout)
    assert (data["mood_trend"], data["trend_since"], data["checkins"]) == (1.0, "2024-04-01", 14)


def test_the_narrow_and_plain_charts_say_a_mark_is_a_weeks_mean(ipt, monkeypatch):
    for day, mood in (("2024-05-06", 2), ("2024-05-08", 8), ("2024-05-13", 6)):
        ipt.ok("checkin", "--date", day, "--mood", str(mood))
    monkeypatch.setenv("COLUMNS", "40")
    assert "One mark a week (its mean), last 2" in flat(ipt.ok("chart", "--since", "2024-05-06").stdout)
    plain = ipt.ok("--plain", "chart", "--since", "2024-05-06").stdout
    assert "Week of 2024-05-06: mean mood 5.0" in plain and "Week of 2024-05-13: mean mood 6.0" in plain


def test_a_persons_page_compares_mood_with_and_without_them_after_the_gap(people):
    five_years_apart(people)
    text = flat(people.ok("inventory", "show", "Sam").stdout)
    assert "Time together: 7 check-ins, from 2019-09-02 to 2024-05-13" in text
    assert (
        "Mean mood in check-ins with Sam since 2024-04-01 (after months without a check-in): 7.5; "
        "without: 5.5." in text
    )
    summary = json.loads(people.ok("inventory", "show", "Sam", "--json").stdout)["contact_summary"]
    assert (summary["interactions"], summary["compared"], summary["compared_from"]) == (7, 4, "2024-04-01")
    assert (summary["mood_with"], summary["mood_without"], summary["checkins_without"]) == (7.5, 5.5, 4)


def test_an_upgrade_keeps_the_time_of_day_each_check_in_was_written(ipt, tmp_path, local_zone):
    import sqlite3

    from support import older_journal

    local_zone("UTC-2")
    path = older_journal(tmp_path / "old.db", 15)
    conn = sqlite3.connect(path)
    with conn:
        conn.executemany(
            "INSERT INTO checkins (uid, day, mood, created_at, updated_at) VALUES (?, ?, 5, ?, ?)",
            [
                ("a", "2024-05-14", "2024-05-14T19:30:00Z", "2024-05-14T19:30:00Z"),  # 21:30 here
                ("b", "2024-05-10", "2024-05-14T19:31:00Z", "2024-05-14T19:31:00Z"),  # back-dated
            ],
        )
    conn.close()
    ipt.ok("--db", str(path), "checkin", "list")
    assert ipt.rows_in(path, "SELECT uid, local_time FROM checkins ORDER BY uid") == [
        ("a", "21:30"),
        ("b", None),
    ]


def test_a_life_event_dated_months_before_the_first_check_in_is_no_gap(people):
    """Found by a trial: an event back-dated to September made a person's page say "after
    months without a check-in" although there had never been an earlier check-in."""
    people.ok("event", "add", "--date", "2026-09", "--kind", "move", "--person", "Sam")
    for day, mood, how in (("2026-11-13", "4", "-1"), ("2026-11-20", "6", "+1"), ("2026-11-27", "5", "0")):
        people.ok("checkin", "--date", day, "--mood", mood, "--with", f"Sam:{how}")
    people.ok("checkin", "--date", "2026-11-25", "--mood", "3")
    text = flat(people.ok("inventory", "show", "Sam").stdout)
    assert "after months without a check-in" not in text, text
    assert "Time together: 3 check-ins, from 2026-11-13 to 2026-11-27" in text, text
    summary = json.loads(people.ok("inventory", "show", "Sam", "--json").stdout)["contact_summary"]
    assert (summary["interactions"], summary["compared_from"]) == (3, None)
