"""Per-person insight against hand-computed figures: mood by how it went, the rank
correlation and when it is read, early against late, and the weekly names."""

import datetime as dt
import json

from support import flat

TODAY = dt.date.today()
MONDAY = TODAY - dt.timedelta(days=TODAY.weekday())
SINCE = MONDAY - dt.timedelta(weeks=12)  # a Monday: the window is 13 weeks up to today

# The example: Sam in 11 of 13 check-ins, mood 3-4 when it went badly, 6-7 when well.
# (mood, people) one check-in a week, oldest first.
SAM_WEEKS = [
    (3, ["Sam:-2"]),
    (4, ["Sam:-1", "Alex:+1"]),
    (6, ["Sam:+1"]),
    (7, ["Sam:+2"]),
    (3, ["Sam:-1"]),
    (5, []),
    (6, ["Sam:+1", "Jo:-1"]),
    (4, ["Sam:-1"]),
    (7, ["Sam:+2", "Alex:+1"]),
    (6, ["Sam:+1"]),
    (4, []),
    (3, ["Sam:-2", "Jo:0"]),
    (7, ["Sam:+1", "Alex:0"]),
]


def day_of_week(n: int) -> str:
    """Friday of the n-th week of the window: clear of the halves' boundary on any weekday."""
    return min(SINCE + dt.timedelta(weeks=n, days=4), TODAY).isoformat()


def record(ipt, weeks):
    for n, (mood, people) in enumerate(weeks):
        args = ["checkin", "--date", day_of_week(n), "--mood", str(mood)]
        for item in people:
            args += ["--with", item]
        ipt.ok(*args)
    return ipt


def report_json(ipt, *args):
    return json.loads(ipt.ok("report", "--since", SINCE.isoformat(), "--json", *args).stdout)


def by_name(rows, name):
    return next(row for row in rows if row["name"] == name)


def test_mood_by_how_it_went_matches_the_hand_computed_figures(people):
    data = report_json(record(people, SAM_WEEKS))
    sam = by_name(data["insight"]["moods"], "Sam")
    # Badly: moods 3, 4, 3, 4, 3 -> 3.4; well: 6, 7, 6, 7, 6, 7 -> 6.5; never "neither".
    assert sam["badly"] == {"checkins": 5, "mean_mood": 3.4}
    assert sam["neither"] == {"checkins": 0, "mean_mood": None}
    assert sam["well"] == {"checkins": 6, "mean_mood": 6.5}
    # 11 times, the first 3 with nothing before them to compare with: 8, under the 10 a link needs.
    assert sam["link"] is None and sam["link_status"] == "too-few" and sam["compared"] == 8
    assert sam["interactions"] == 11 and sam["window_checkins"] == 13 and sam["nearly_always"] is True


def test_someone_in_nearly_every_checkin_gets_how_it_went_instead_and_the_screen_says_why(people):
    text = flat(record(people, SAM_WEEKS).ok("report", "--since", SINCE.isoformat()).stdout)
    assert "Sam 1 11 +0.1 mixed in nearly all" in text
    assert "Sam is in 11 of 13 check-ins: too few without them to compare" in text
    assert "Sam 3.4 (5) – 6.5 (6) too few (8 of 10)" in text
    assert "Sam: when" not in text
    assert "causes" not in text.replace("not what causes what", "").replace("not causes", "")


def test_a_person_with_too_few_interactions_gets_no_link(people):
    data = report_json(record(people, SAM_WEEKS))
    alex = by_name(data["insight"]["moods"], "Alex")
    assert alex["interactions"] == 3 and alex["link"] is None and alex["link_status"] == "too-few"
    assert alex["well"] == {"checkins": 2, "mean_mood": 5.5}  # 4 and 7
    text = flat(people.ok("report", "--since", SINCE.isoformat()).stdout)
    assert "Alex – 7.0 (1) 5.5 (2) too few (0 of 10)" in text
    # With and without stays for Alex, seen in some weeks and not others: 6.0 against 47/10.
    assert "Alex 2 3 +0.7 6.0 / 4.7" in text


def test_a_person_in_every_checkin(people):
    weeks = [(mood, ["Sam:" + q]) for mood, q in [(2, "-2"), (5, "0"), (8, "+2"), (5, "0"), (2, "-2")]]
    weeks += [(8, ["Sam:+2"]), (5, ["Sam:0"]), (2, ["Sam:-2"]), (8, ["Sam:+2"]), (5, ["Sam:0"])]
    weeks += [(2, ["Sam:-2"]), (8, ["Sam:+2"]), (5, ["Sam:0"])]
    data = report_json(record(people, weeks))
    sam = by_name(data["insight"]["moods"], "Sam")
    assert sam["interactions"] == sam["window_checkins"] == 13
    # Mood is 5 + 1.5 x how it went every time: so are their differences from the running mean.
    assert sam["link"]["r"] == 1.0 and sam["link"]["strength"] == "strong" and sam["compared"] == 10
    assert by_name(data["people"], "Sam")["mood_with"] is None  # no check-ins without Sam
    text = flat(people.ok("report", "--since", SINCE.isoformat()).stdout)
    assert "Sam is in 13 of 13 check-ins" in text


def test_no_variation_is_said_plainly(people):
    weeks = [(mood, ["Sam:+1"]) for mood in (3, 5, 7, 4, 6, 5, 8, 2, 6, 5)]
    data = report_json(record(people, weeks))
    sam = by_name(data["insight"]["moods"], "Sam")
    assert (sam["link_status"], sam["always"], sam["link"]) == ("one-way", "well", None)
    text = flat(people.ok("report", "--since", SINCE.isoformat()).stdout)
    assert "Sam – – 5.1 (10) well every time" in text
    assert "Time with Sam went well every time; mood on those days averaged 5.1" in text


def test_early_against_late_per_person(people):
    # The second half starts 42 to 45 days after SINCE (by today's weekday): week 6 onward.
    data = report_json(record(people, SAM_WEEKS))
    insight = data["insight"]
    middle = SINCE + dt.timedelta(days=((TODAY - SINCE).days + 1) // 2)
    assert insight["second_half_from"] == middle.isoformat()
    sam = by_name(insight["changes"], "Sam")
    # Weeks 0-5 hold Sam -2, -1, +1, +2, -1 (5; mean -0.2); weeks 6-12: +1, -1, +2, +1, -2, +1 (6; +0.33).
    assert (sam["early"], sam["late"]) == (5, 6)
    assert (sam["early_quality"], sam["late_quality"]) == (-0.2, 0.33)
    assert sam["quality"] == "better" and sam["contact"] == "about as often"
    jo = by_name(insight["changes"], "Jo")
    assert (jo["early"], jo["late"], jo["quality"]) == (0, 2, "too few")
    text = flat(people.ok("report", "--since", SINCE.isoformat()).stdout)
    assert "Sam 5× -0.2 6× +0.3 better about as often" in text


def test_contact_more_and_less_often(people):
    weeks = [(5, ["Alex:+1"])] * 5 + [(5, [])] * 2 + [(5, ["Jo:+1"])] * 6
    data = report_json(record(people, weeks))
    changes = {c["name"]: c["contact"] for c in data["insight"]["changes"]}
    assert changes == {"Alex": "less often", "Jo": "more often"}


def test_weekly_table_names_people_and_course_weeks(people):
    people.ok("start", "--start-date", SINCE.isoformat(), "--weeks", "12", "--goal", "Talk calmly")
    record(people, SAM_WEEKS[:4])
    people.ok("checkin", "--date", day_of_week(1), "--mood", "3")  # week 2: 4 and 3, mean 3.5
    data = report_json(people)
    first = data["weeks"][0]
    assert (first["course_week"], first["course_weeks"]) == (1, 12)
    assert [p["name"] for p in data["weeks"][1]["people"]] == ["Sam", "Alex"]
    text = flat(people.ok("report", "--since", SINCE.isoformat()).stdout)
    assert "week 1 of 12 1 3.0 Sam -2.0" in text
    assert "week 2 of 12 2 3.5 about the same Sam -1.0, Alex +1.0" in text  # one decimal
    assert "week 3 of 12 1 6.0 +2.5" in text


def test_review_tells_the_story_of_the_course(people):
    people.ok(
        "start", "--start-date", SINCE.isoformat(), "--goal", "Talk calmly", "--phq9", "2,2,2,2,2,2,2,1,0"
    )
    record(people, SAM_WEEKS)
    people.ok("event", "add", "--date", day_of_week(4), "--kind", "conflict", "--person", "Sam")
    story = json.loads(people.ok("review", "--json").stdout)
    assert story["since"] == SINCE.isoformat()
    # First 4 weeks: 3, 4, 6, 7 -> 5.0; last 4: 6, 4, 3, 7 -> 5.0.
    assert story["mood"] == {"weeks_compared": 4, "first_mean": 5.0, "last_mean": 5.0, "change": 0.0}
    assert story["questionnaires"][0]["baseline"] == 15
    assert [p["name"] for p in story["people"]] == ["Sam", "Jo", "Alex"]
    assert by_name(story["insight"]["changes"], "Sam")["quality"] == "better"
    assert [e["kind"] for e in story["events"]] == ["conflict"]
    assert [g["text"] for g in story["goals"]] == ["Talk calmly"]
    text = flat(people.ok("review", "--show").stdout)
    assert f"Looking back: {SINCE}" in text
    assert (
        "Mood: 5.0 on average in the first 4 weeks with check-ins, 5.0 in the last 4: about the same." in text
    )
    assert "Sam: time together in 11 check-ins during the course, going +0.1 on average" in text
    assert "-0.2 in the first half, +0.3 in the second: better, seen about as often." in text
    assert "Life event: " in text and "conflict with Sam" in text
    assert people.count("reviews") == 0  # telling the story saves nothing
    result = people("review", "--show", "--what-helped", "x")
    assert result.exit_code == 2 and "only tell the story" in result.stderr


def test_inventory_show_compares_how_it_went_for_someone_in_nearly_every_checkin(people):
    record(people, SAM_WEEKS)
    text = flat(people.ok("inventory", "show", "Sam").stdout)
    assert "Sam is in nearly every check-in, so there are too few without them to compare" in text
    assert "Mean mood when it went badly with Sam: 3.4 (5); neither: –; well: 6.5 (6)" in text
    assert "link: too few (8 of 10)" in text
    shown = json.loads(people.ok("inventory", "show", "Sam", "--json").stdout)
    assert shown["mood_by_how_it_went"]["well"] == {"checkins": 6, "mean_mood": 6.5}
