"""A goal keeps the day it was set (issue 24, point 5): `ipt goals add --date`, and goals
agreed when a course began carry its first day, whether given as flags or in the wizard."""

import datetime as dt
import json
import sqlite3

from support import assert_user_error, older_journal
from terminal import DOWN, ENTER, SPACE, Terminal, rows


def test_goals_add_date_keeps_the_day_it_was_set(ipt):
    result = ipt.ok("goals", "add", "Call Mum every week", "--date", "2026-11-02")
    assert result.stdout.strip() == "Added goal #1, set on 2026-11-02."
    assert ipt.rows("SELECT text, set_on, status FROM goals") == [
        ("Call Mum every week", "2026-11-02", "open")
    ]
    ipt.ok("goals", "add", "Sleep before midnight")
    assert ipt.rows("SELECT set_on FROM goals WHERE id = 2") == [(dt.date.today().isoformat(),)]
    listed = json.loads(ipt.ok("goals", "list", "--json").stdout)
    assert [goal["set_on"] for goal in listed] == ["2026-11-02", dt.date.today().isoformat()]
    assert "Set on 2026-11-02." in ipt.ok("goals", "show", "1").stdout
    # Search shows the goal at the day it was set, not the day it was typed.
    hits = json.loads(ipt.ok("search", "Mum", "--json").stdout)
    assert [(hit["kind"], hit["day"]) for hit in hits] == [("goal", "2026-11-02")]


def test_goals_add_refuses_a_bad_or_future_day_and_writes_nothing(ipt):
    tomorrow = (dt.date.today() + dt.timedelta(days=1)).isoformat()
    assert_user_error(ipt("goals", "add", "Swim", "--date", tomorrow), "--date", "in the future")
    assert_user_error(ipt("goals", "add", "Swim", "--date", "someday"), "--date")


def test_goals_given_to_start_carry_the_courses_first_day(ipt):
    ipt.ok("start", "--weeks", "12", "--start-date", "2026-10-01", "--goal", "Talk calmly", "--goal", "Walk")
    assert ipt.rows("SELECT text, set_on FROM goals ORDER BY id") == [
        ("Talk calmly", "2026-10-01"),
        ("Walk", "2026-10-01"),
    ]


def test_goals_survive_export_and_import_with_their_day(ipt, tmp_path):
    ipt.ok("goals", "add", "Call Mum every week", "--date", "2026-11-02")
    export = tmp_path / "export.json"
    ipt.ok("export", "--format", "json", "-o", str(export))
    assert json.loads(export.read_text())["goals"][0]["set_on"] == "2026-11-02"
    other = tmp_path / "other.db"
    ipt.ok("--db", str(other), "import", str(export))
    assert ipt.rows_in(other, "SELECT text, set_on FROM goals") == [("Call Mum every week", "2026-11-02")]


def test_an_export_from_before_the_day_gives_its_goals_the_day_they_were_typed(ipt, tmp_path):
    ipt.ok("goals", "add", "Call Mum every week")
    export = tmp_path / "export.json"
    ipt.ok("export", "--format", "json", "-o", str(export))
    doc = json.loads(export.read_text())
    del doc["goals"][0]["set_on"]
    doc["goals"][0]["created_at"] = "2026-03-04T10:00:00Z"
    export.write_text(json.dumps(doc))
    other = tmp_path / "other.db"
    ipt.ok("--db", str(other), "import", str(export))
    assert ipt.rows_in(other, "SELECT set_on FROM goals") == [("2026-03-04",)]


def test_an_older_journals_goals_get_the_day_they_were_typed(ipt, tmp_path):
    path = older_journal(tmp_path / "v14.db", 14)
    conn = sqlite3.connect(path)
    conn.execute(
        "INSERT INTO goals (uid, text, status, created_at, updated_at) "
        "VALUES ('u1', 'Swim', 'open', '2026-03-04T12:00:00Z', '2026-03-04T12:00:00Z')"
    )
    conn.commit()
    conn.close()
    listed = json.loads(ipt.ok("--db", str(path), "goals", "list", "--json").stdout)
    assert [(goal["text"], goal["set_on"]) for goal in listed] == [("Swim", "2026-03-04")]


def test_start_wizard_goals_carry_the_first_session_day(ipt):
    started = (dt.date.today() - dt.timedelta(weeks=3)).isoformat()
    term = Terminal(ipt.path, "start")
    term.at("A little about you").type("")
    term.at("What brings you to IPT now?").type("")
    term.answer("Which country are you in?", ENTER)
    term.answer("Are you working with a therapist?", ENTER)
    term.at("When is (or was) your first session?").keys(*["\x7f"] * 10).type(started)
    term.answer("Do you have PHQ-9 answers from around your first session", "n")
    term.answer("Take the PHQ-9 now", "n")
    term.answer("Do you have GAD-7 answers from around your first session", "n")
    term.answer("Take the GAD-7 now", "n")
    term.answer("Do you have WSAS answers from around your first session", "n")
    term.answer("Take the WSAS now", "n")
    term.at("How many weekly sessions are planned?").type("")
    term.answer("Add people to your interpersonal inventory now?", "n")
    term.answer("Life events around when your mood began to get low", "n")
    term.answer("Which problem area will you focus on?", DOWN, DOWN, SPACE, ENTER)  # role transition
    term.at("Goal 1").type("Find my feet at the new job")
    term.at("Goal 2").type("")
    term.at("In your own words").type("")
    term.at("Started your course")
    term.answer("Protect your journal with a passphrase?", "n")
    code, output = term.finish()
    assert code == 0, output
    assert rows(ipt.path, "SELECT text, set_on FROM goals") == [("Find my feet at the new job", started)]
