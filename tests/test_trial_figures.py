"""Defects a new-user trial found in what reports, charts and lists show: figures that read
as something else, figures dropped, cut or not adding up, and JSON shapes that differ."""

import datetime as dt
import json

import pytest

from support import flat

TODAY = dt.date.today()


def shown(ipt, monkeypatch, width, *args):
    """What a terminal `width` columns wide shows (lists as tables, not piped rows)."""
    from ipt_journal import output

    monkeypatch.setenv("COLUMNS", str(width))
    monkeypatch.setattr(output, "rows_wanted", lambda: False)
    out = ipt.ok(*args).stdout
    too_wide = [line for line in out.splitlines() if len(line) > width]
    assert not too_wide, too_wide
    return out


def days_ago(days: int) -> str:
    return (TODAY - dt.timedelta(days=days)).isoformat()


# ------------------------------------------------------------- 4: weekly People overflow


@pytest.mark.parametrize("width", [40, 60])
def test_weekly_people_overflow_never_reads_as_a_score(people, monkeypatch, width):
    people.ok("checkin", "--date", days_ago(2), "--mood", "5", "--with", "Sam:-2", "--with", "Alex:0")
    data = json.loads(people.ok("report", "--weeks", "2", "--json").stdout)
    week = [w for w in data["weeks"] if w["people"]][0]
    assert [(p["name"], round(p["mean_quality"])) for p in week["people"]] == [("Sam", -2), ("Alex", 0)]
    out = shown(people, monkeypatch, width, "report", "--weeks", "2")
    line = next(line for line in out.splitlines() if "Sam -2.0" in line)
    assert "Sam -2.0 +1" not in line  # "+1" beside a score reads as another score
    assert "Sam -2.0, Alex +0.0" in line or "more" in line or "…" in line


def test_whole_names_counts_the_rest_in_words():
    from ipt_journal.render.fit import whole_names

    assert whole_names("Sam -2, Alex 0", 14) == "Sam -2, Alex 0"
    assert whole_names("Sam -2, Alex 0, Jo +1", 18) == "Sam -2, Alex 0, …"
    assert whole_names("Sam -2, Alex 0, Jo +1", 15) == "Sam -2, +2 more"
    assert whole_names("Sam -2, Alex 0", 12) == "Sam -2, …"
    assert whole_names("Sam -2, Alex 0", 7) == "+2 more"
    assert not any(part.startswith("+") and part[1:].isdigit() for part in whole_names("A 1, B 2", 5).split())


# ------------------------------------------------------------- 5: chart's PHQ row


@pytest.mark.parametrize("width", [50, 80])
def test_chart_phq_row_always_shows_the_latest_and_the_highest(ipt, monkeypatch, width):
    for days, mood in [(60, 4), (45, 5), (30, 6), (14, 7), (1, 6)]:
        ipt.ok("checkin", "--date", days_ago(days), "--mood", str(mood))
    # 5 long ago, 3 lately, then 11 a day later: 3 and 11 collide on a narrow row.
    for days, answers in [(58, "1,1,1,1,1,0,0,0,0"), (4, "1,1,1,0,0,0,0,0,0"), (3, "2,2,1,2,1,1,1,1,0")]:
        ipt.ok("measure", "phq9", "--answers", answers, "--date", days_ago(days))
    out = shown(ipt, monkeypatch, width, "chart", "--weeks", "10")
    row = next(line for line in out.splitlines() if line.startswith("PHQ "))
    totals = row.split()[1:]
    assert "11" in totals, row  # the latest, which is also the highest
    assert "5" in totals
    assert "latest 11" in flat(out) or "11 moderate" in flat(out)


def test_chart_phq_row_keeps_the_highest_when_older(ipt, monkeypatch):
    ipt.ok("checkin", "--date", days_ago(30), "--mood", "5")
    ipt.ok("checkin", "--date", days_ago(1), "--mood", "6")
    for days, answers in [(30, "1,1,1,1,1,0,0,0,0"), (4, "3,3,3,3,2,2,1,1,0"), (3, "1,0,0,0,0,0,0,0,0")]:
        ipt.ok("measure", "phq9", "--answers", answers, "--date", days_ago(days))
    out = shown(ipt, monkeypatch, 50, "chart", "--weeks", "6")
    totals = next(line for line in out.splitlines() if line.startswith("PHQ ")).split()[1:]
    assert "18" in totals and "1" in totals


# ------------------------------------------------------------- 10: figures that add up

MONDAY = TODAY - dt.timedelta(days=TODAY.weekday())


def test_differences_are_those_of_the_figures_shown_rounded_half_up(people, monkeypatch):
    # Week 1: moods 3 and 4 (3.5); week 2: 7, 7, 6, 7 (6.75, shown 6.8): up 3.3, not 3.2.
    first, second = MONDAY - dt.timedelta(weeks=2), MONDAY - dt.timedelta(weeks=1)
    for day, mood in [(first, 3), (first + dt.timedelta(days=1), 4)]:
        people.ok("checkin", "--date", day.isoformat(), "--mood", str(mood), "--with", "Sam:-1")
    for offset, mood in enumerate([7, 7, 6, 7]):
        day = (second + dt.timedelta(days=offset)).isoformat()
        people.ok("checkin", "--date", day, "--mood", str(mood), "--with", "Alex:+1")
    since = first.isoformat()
    text = flat(shown(people, monkeypatch, 100, "report", "--since", since))
    assert "was 6.8, up 3.3 from 3.5" in text
    assert "6.8 +3.3" in text  # the weekly table's change
    data = json.loads(people.ok("report", "--since", since, "--json").stdout)
    assert data["summary"]["change"] == 3.3 and data["weeks"][1]["change"] == 3.3
    story = flat(people.ok("review", "--show").stdout)
    assert "3.5 on average in the first 1 week" in story and "6.8 in the last 1: up 3.3" in story
    prep = flat(people.ok("prep", "--since", since).stdout)
    assert "up 3.3 from the first week's check-ins to the last week's" in prep  # one week each


def test_figures_round_half_up_as_written():
    from ipt_journal.text.figures import difference, rounded, shown, whole

    # 6.85 is stored as 6.8499999...; read as written, it rounds up like 6.25 and 0.125.
    assert (shown(6.25), shown(6.85), shown(-0.25, signed=True)) == ("6.3", "6.9", "-0.3")
    assert rounded(0.125, 2) == 0.13 and shown(0.125, True, 2) == "+0.13"
    assert (whole(0.5), whole(1.5), whole(2.5)) == (1, 2, 3)
    assert difference(3.5, 6.75) == 3.3 and difference(6.75, 3.5) == -3.3


def test_a_mean_of_six_and_a_quarter_shows_six_point_three(people):
    for offset, mood in enumerate([6, 6, 6, 7]):
        people.ok("checkin", "--date", days_ago(offset + 1), "--mood", str(mood), "--with", "Alex:+1")
    people.ok("checkin", "--date", days_ago(5), "--mood", "3", "--with", "Alex:-1")
    assert "well: 6.3 (4)" in flat(people.ok("inventory", "show", "Alex").stdout)


# ------------------------------------------------------------- 13: who has died, when narrow


@pytest.mark.parametrize("width", [40, 50, 55, 60, 80])
def test_inventory_list_never_hides_that_someone_died(people, monkeypatch, width):
    people.ok(
        "inventory",
        "add",
        "--name",
        "Grandad",
        "--relationship",
        "other-family",
        "--status",
        "deceased",
        "--contact",
        "weekly",
        "--problem-area",
        "grief",
    )
    people.ok(
        "inventory",
        "add",
        "--name",
        "Alexandra Long-Name",
        "--relationship",
        "other-family",
        "--contact",
        "monthly",
        "--problem-area",
        "role-dispute",
        "--dispute-stage",
        "renegotiation",
    )
    out = shown(people, monkeypatch, width, "inventory", "list")
    line = next(line for line in out.splitlines() if "Grandad" in line)
    assert "died" in line, out  # in words: "died", or "died April 2026" with the day
    assert "Sam" in out and "Alex" in out


# ------------------------------------------------------------- 14: measure history when narrow


@pytest.mark.parametrize("width", [40, 50, 60, 80])
def test_measure_history_never_cuts_a_number(ipt, monkeypatch, width):
    ipt.ok("measure", "phq9", "--answers", "2,2,1,2,1,1,1,1,0", "--date", "2026-10-01", "--difficulty", "2")
    ipt.ok("measure", "phq9", "--answers", "3,3,3,3,2,2,2,1,0", "--date", "2026-11-01")
    ipt.ok("measure", "gad7", "--answers", "1,1,1,1,1,1,1", "--date", "2026-11-02")
    out = shown(ipt, monkeypatch, width, "measure", "history")
    assert "…" not in out
    for total, band in [("11/27", "moderate"), ("19/27", "moderately severe"), ("7/21", "mild")]:
        line = next((line for line in out.splitlines() if total in line), None)
        assert line is not None, out
        assert band in " ".join(out.split())
    assert "2026-10-01" in out and "PHQ-9" in out and "GAD-7" in out
    if width < 50:  # plain lines, one per questionnaire, saying what each number is
        assert "#1 2026-10-01 PHQ-9 11/27 moderate" in out
    else:
        assert "Total" in out and "Range" in out


# ------------------------------------------------------------- 15: one check-in with one person


def test_one_checkin_with_one_person_reads_plainly(people):
    people.ok("checkin", "--date", days_ago(2), "--mood", "6", "--with", "Jo:+1")
    out = people.ok("report", "--weeks", "2").stdout
    jo = next(line for line in out.splitlines() if line.startswith("Jo "))
    assert "in nearly all" not in jo and "not enough data yet" in jo
    assert "\n\n\n" not in out  # no run of blank lines where a section was left out
    assert "below" not in flat(out)  # nothing promised that is not shown
    data = json.loads(people.ok("report", "--weeks", "2", "--json").stdout)
    assert [p["nearly_always"] for p in data["insight"]["moods"] if p["name"] == "Jo"] in ([], [False])


def test_someone_in_every_checkin_gets_the_promised_section(people):
    for days, mood, went in [(1, 7, "+2"), (3, 6, "+1"), (5, 3, "-1"), (8, 4, "-1")]:
        people.ok("checkin", "--date", days_ago(days), "--mood", str(mood), "--with", f"Jo:{went}")
    out = flat(people.ok("report", "--weeks", "3").stdout)
    assert "Jo 1 4 +0.3 mixed in every check-in" in out  # the clinician document's words too
    assert "so see how it went with them below" in out
    below = out.index("so see how it went with them below")
    assert out.index("Mood by how it went with each person") > below
    assert "Jo 3.5 (2) – 6.5 (2)" in out


# ------------------------------------------------------------- 19: one JSON shape for each thing


def test_report_and_review_json_give_events_as_event_list_does(people):
    people.ok("checkin", "--date", days_ago(3), "--mood", "5", "--with", "Sam:+1")
    month = (TODAY - dt.timedelta(days=3)).strftime("%Y-%m")
    people.ok("event", "add", "--date", month, "--kind", "move", "--person", "Sam", "--note", "New flat")
    listed = json.loads(people.ok("event", "list", "--json").stdout)
    assert listed[0]["when"] == month and "uid" not in listed[0] and "created_at" not in listed[0]
    report = json.loads(people.ok("report", "--weeks", "8", "--json").stdout)
    assert report["events"] == listed
    story = json.loads(people.ok("review", "--json").stdout)
    assert story["events"] == listed


def test_circle_json_rounds_mean_quality_to_two_decimals(people):
    for days, went in [(1, "+1"), (2, "+1"), (3, "0"), (4, "+1"), (5, "+1"), (6, "+1"), (7, "+1")]:
        people.ok("checkin", "--date", days_ago(days), "--mood", "5", "--with", f"Sam:{went}")
    data = json.loads(people.ok("inventory", "circle", "--json").stdout)
    sam = next(p for p in data["people"] if p["name"] == "Sam")
    assert sam["mean_quality"] == 0.86  # 6/7


def test_imported_created_at_carries_z_like_native_records(ipt, tmp_path):
    ipt.ok("checkin", "--date", days_ago(3), "--mood", "5")
    source = tmp_path / "moods.csv"
    source.write_text(f"day,mood\n{days_ago(2)},7\n")
    ipt.ok("import", "--from", "csv", str(source), "--columns", "day=day,mood=mood", "--mood-scale", "0-10")
    stamps = [row[0] for row in ipt.rows("SELECT created_at FROM checkins ORDER BY id")]
    assert len(stamps) == 2 and all(stamp.endswith("Z") for stamp in stamps), stamps
    assert len(stamps[0]) == len(stamps[1])
