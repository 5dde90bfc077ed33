"""Therapy sessions, things to bring, and `ipt prep`: by flags, as a script would."""

import datetime as dt
import json

from support import assert_user_error, flat

TODAY = dt.date.today()


def days_ago(n: int) -> str:
    return (TODAY - dt.timedelta(days=n)).isoformat()


def test_a_session_saves_its_homework_and_marks_what_was_brought_as_discussed(people):
    people.ok("bring", "Why are Sundays heavy?", "--date", days_ago(3))
    people.ok("bring", "Ask about sleep", "--date", days_ago(2))
    people.ok("bring", "Noted after the session", "--date", days_ago(0))
    out = people.ok(
        "session",
        "add",
        "--with",
        "Dr Lee",
        "--date",
        days_ago(1),
        "--worked-on",
        "The row with Sam",
        "--agreed",
        "Try an I-statement",
        "--homework",
        "Tell Sam how I feel",
        "--not-discussed",
        "2",
    ).stdout
    assert f"Saved session #1 on {days_ago(1)} (with Dr Lee)." in out
    assert "Homework added: 1 item, due " + (TODAY + dt.timedelta(days=6)).isoformat() in out
    assert "Marked discussed: 1 thing" in out
    assert people.rows("SELECT day, with_whom, worked_on, agreed FROM therapy_sessions") == [
        (days_ago(1), "Dr Lee", "The row with Sam", "Try an I-statement")
    ]
    assert people.rows("SELECT text, discussed_session_id FROM bring_items ORDER BY id") == [
        ("Why are Sundays heavy?", 1),
        ("Ask about sleep", None),
        ("Noted after the session", None),  # noted after that day: it cannot have come up
    ]
    assert people.rows("SELECT text, status FROM homework") == [("Tell Sam how I feel", "open")]
    listed = people.ok("bring", "list").stdout
    assert "Ask about sleep" in listed and "Why are Sundays" not in listed
    assert "Why are Sundays" in people.ok("bring", "list", "--all").stdout


def test_session_list_edit_and_delete(people):
    people.ok("bring", "Topic", "--date", days_ago(5))
    people.ok("session", "add", "--self-guided", "--date", days_ago(4), "--worked-on", "Chapter 3")
    people.ok("session", "edit", "1", "--with", "Dr Lee", "--agreed", "Call Jo")
    data = json.loads(people.ok("session", "list", "--json").stdout)
    assert [(s["with_whom"], s["worked_on"], s["agreed"]) for s in data] == [
        ("Dr Lee", "Chapter 3", "Call Jo")
    ]
    assert "Dr Lee" in people.ok("session", "list").stdout
    people.ok("session", "edit", "1", "--self-guided")
    assert people.rows("SELECT with_whom FROM therapy_sessions") == [(None,)]
    assert "Deleted session #1" in people.ok("session", "delete", "1", "--yes").stdout
    assert people.count("therapy_sessions") == 0
    assert people.rows("SELECT discussed_session_id FROM bring_items") == [(None,)]  # open again


def test_bad_session_input_is_refused_with_nothing_written(people):
    assert_user_error(people("session", "add"), "--with WHO (or --self-guided)")
    assert_user_error(
        people("session", "add", "--self-guided", "--date", "31/12"), "--date must be a real day"
    )
    assert_user_error(people("session", "add", "--with", "A", "--self-guided"), "not both")
    assert_user_error(people("session", "add", "--self-guided", "--not-discussed", "7"), "#7 is not an open")
    assert_user_error(people("session", "delete", "1"), "--yes")
    assert_user_error(people("session", "edit", "3", "--agreed", "x"), "no session #3")
    assert_user_error(people("bring"), "Missing TEXT")
    assert people.count("therapy_sessions") == 0 and people.count("bring_items") == 0


def test_bring_flags_on_checkins_and_exercises_save_with_them(people):
    people.ok("checkin", "--mood", "5", "--with", "Sam:-1", "--bring", "The money row", "--bring", "Sleep")
    people.ok(
        "exercise",
        "start",
        "i-statement",
        "--with",
        "Sam",
        "--answer",
        "feeling=hurt",
        "--answer",
        "situation=you are late",
        "--answer",
        "connective=because I need",
        "--answer",
        "need=a text",
        "--answer",
        "request=text me",
        "--answer",
        "statement=I feel hurt",
        "--no-homework",
        "--bring",
        "Practise this together",
    )
    assert people.rows("SELECT text, source FROM bring_items ORDER BY id") == [
        ("The money row", "checkin"),
        ("Sleep", "checkin"),
        ("Practise this together", "exercise"),
    ]
    people.ok("bring", "--remove", "2")
    assert people.count("bring_items") == 2


def test_dashboard_says_when_the_last_session_was_and_sessions_held_beside_the_week(people):
    people.ok(
        "start", "--start-date", days_ago(60), "--weeks", "12", "--goal", "Talk calmly", "--no-therapist"
    )
    assert "Week 9 of 12, middle phase." in people.ok().stdout  # the calendar week
    for n in (50, 40, 30):
        people.ok("session", "add", "--with", "Dr Lee", "--date", days_ago(n))
    people.ok("bring", "Ask about the break")
    out = people.ok().stdout
    # Logging sessions never moves the week: a break shows as fewer sessions held beside it.
    assert "Week 9 of 12, middle phase; 3 of 12 planned sessions held." in out
    # a self-guided course (--no-therapist): its sessions are not called therapy
    assert f"Last session: 30 days ago ({days_ago(30)})." in out and "therapy session" not in out
    assert "To bring to your next session: 1" in out
    people.ok("start", "--revise", "--therapist")
    assert f"Last therapy session: 30 days ago ({days_ago(30)})." in people.ok().stdout
    assert "Week 9 of 12, middle phase. 3 of 12 planned sessions held." in flat(people.ok("course").stdout)


def test_prep_gathers_the_time_since_the_last_session(people):
    """A hand-built journal: every figure on the prep screen checked against it."""
    people.ok("session", "add", "--with", "Dr Lee", "--date", days_ago(20))  # an older one
    people.ok("session", "add", "--with", "Dr Lee", "--date", days_ago(9), "--homework", "Ask Jo for coffee")
    people.ok("checkin", "--date", days_ago(10), "--mood", "1", "--with", "Sam:-2")  # before: left out
    people.ok("checkin", "--date", days_ago(8), "--mood", "4", "--with", "Sam:-1", "--with", "Jo:+2")
    people.ok("checkin", "--date", days_ago(6), "--mood", "6", "--with", "Sam:+1")
    people.ok(
        "checkin", "--date", days_ago(1), "--mood", "8", "--with", "Jo:+2", "--phq9", "1,1,1,1,1,1,1,1,0"
    )
    people.ok("homework", "done", "1", "--outcome", "She said yes <b>", "--helpful", "4")
    people.ok("bring", "Why was Sunday hard?")
    data = json.loads(people.ok("prep", "--json").stdout)
    assert data["since"] == days_ago(9) and data["last_session"]["day"] == days_ago(9)
    assert data["checkins"] == 3 and data["mean_mood"] == 6.0
    assert [m["mood"] for m in data["moods"]] == [4, 6, 8]
    assert [(p["name"], p["times"], p["mean_quality"]) for p in data["people"]] == [
        ("Jo", 2, 2.0),
        ("Sam", 2, 0.0),
    ]
    assert [(m["name"], m["total"], m["band"]) for m in data["measures"]] == [("PHQ-9", 8, "mild")]
    assert [(h["text"], h["status"], h["outcome"]) for h in data["homework"]] == [
        ("Ask Jo for coffee", "done", "She said yes <b>")
    ]
    assert [b["text"] for b in data["bring"]] == ["Why was Sunday hard?"]
    assert data["item9_days"] == [] and "safety" not in data
    out = flat(people.ok("prep").stdout)
    assert f"Since your session on {days_ago(9)}" in out
    assert "Your mood averaged 6.0 of 10 over 3 check-ins" in out
    assert "Sam: 2 times, on the whole neither well nor badly" in out
    assert "Jo: 2 times, on the whole very well" in out
    assert "PHQ-9: 8, mild range" in out
    assert "Ask Jo for coffee (done)" in out and "What you learned: She said yes <b>" in out
    assert "- Why was Sunday hard?" in out
    assert "ipt crisis" not in out  # no item 9 above 0 in the window
    wider = json.loads(people.ok("prep", "--since", days_ago(30), "--json").stdout)
    assert wider["checkins"] == 4 and wider["last_session"] is None


def test_prep_shows_crisis_help_when_item_9_was_above_zero_in_the_window(people):
    people.ok("checkin", "--date", days_ago(2), "--mood", "3", "--phq9", "1,1,1,1,1,1,1,1,1")
    out = flat(people.ok("prep").stdout)
    assert f"On {days_ago(2)} you answered the PHQ-9 question" in out
    assert "988" in out and "ipt crisis" in out
    data = json.loads(people.ok("prep", "--json").stdout)
    assert data["item9_days"] == [days_ago(2)] and "988" in " ".join(data["safety"]["resources"])
    assert "988" not in people.ok("prep", "--since", days_ago(1)).stdout  # outside the window


def test_prep_refuses_a_bad_since(people):
    assert_user_error(people("prep", "--since", "last tuesdayish"), "--since must be a real day")
    assert "Nothing recorded in this time yet" in people.ok("prep").stdout


def test_prep_lists_life_events_and_event_add_takes_bring(people):
    people.ok("session", "add", "--with", "Dr Lee", "--date", days_ago(10))
    people.ok("event", "add", "--date", days_ago(12), "--kind", "move")  # before the session: left out
    people.ok(
        "event",
        "add",
        "--date",
        days_ago(4),
        "--kind",
        "conflict",
        "--person",
        "Sam",
        "--note",
        "Row about money",
        "--bring",
        "Talk about the row",
    )
    assert people.rows("SELECT text, source FROM bring_items") == [("Talk about the row", "event")]
    data = json.loads(people.ok("prep", "--json").stdout)
    assert [(e["when"], e["label"], e["people"]) for e in data["events"]] == [
        (days_ago(4), "conflict", ["Sam"])
    ]
    out = flat(people.ok("prep").stdout)
    assert f"{days_ago(4)} conflict with Sam: Row about money" in out and "move" not in out
