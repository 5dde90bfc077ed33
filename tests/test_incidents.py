"""What happened with each person of a check-in, kept as an interpersonal incident (issue 23,
point 1): flags and the wizard, bad input, edits and deletions, and every place it shows."""

import json

import pytest

from support import assert_user_error
from terminal import DOWN, ENTER, SPACE, UP, Terminal, decline_questionnaires

ARGUED = "argued about the move"
INCIDENT_ROWS = (
    "SELECT c.day, p.name, n.what_happened FROM incidents n JOIN checkins c ON c.id = n.checkin_id "
    "JOIN people p ON p.id = n.person_id ORDER BY c.day, p.name"
)


def checkin(ipt, day: str, *args: str):
    return ipt.ok("checkin", "--date", day, "--mood", "5", *args)


def test_with_name_how_words_keeps_an_incident_and_checkin_show_prints_it(people):
    said = checkin(people, "2026-03-02", "--with", f"Sam:-1:{ARGUED}", "--with", "Alex:+1").stdout
    assert "Saved check-in #1 for 2026-03-02: mood 5/10, with Sam (-1), Alex (+1)." in said
    assert people.rows(INCIDENT_ROWS) == [("2026-03-02", "Sam", ARGUED)]
    assert people.rows("SELECT quality FROM interactions i JOIN people p ON p.id = i.person_id "
                       "WHERE p.name = 'Sam'") == [(-1,)]  # fmt: skip
    shown = people.ok("checkin", "show", "1").stdout
    assert f"What happened with Sam (incident #1): {ARGUED}" in shown
    assert "What happened with Alex" not in shown  # nothing said, nothing shown


def test_checkin_json_names_what_happened_and_the_incident_for_each_person(people):
    data = json.loads(
        people.ok(
            "checkin", "--date", "2026-03-02", "--mood", "5", "--with", f"Sam:-1:{ARGUED}",
            "--with", "Alex:+1", "--json",
        ).stdout
    )  # fmt: skip
    by_name = {p["name"]: p for p in data["checkin"]["people"]}
    assert by_name["Sam"] == {"name": "Sam", "quality": -1, "what_happened": ARGUED, "incident": 1}
    assert by_name["Alex"] == {"name": "Alex", "quality": 1, "what_happened": None, "incident": None}
    shown = json.loads(people.ok("checkin", "show", "1", "--json").stdout)
    assert shown["checkin"]["people"] == data["checkin"]["people"]


def test_the_words_may_hold_colons_and_names_may_too(people):
    people.ok("inventory", "add", "--name", "Dr: Lee", "--relationship", "other")
    checkin(people, "2026-03-02", "--with", "Sam:+2:lunch at 12:30, then a walk", "--with", "Dr: Lee:0")
    assert people.rows(INCIDENT_ROWS) == [("2026-03-02", "Sam", "lunch at 12:30, then a walk")]
    assert people.rows("SELECT count(*) FROM interactions") == [(2,)]


def test_what_happened_as_its_own_flag(people):
    people.ok("inventory", "add", "--name", "Dr: Lee", "--relationship", "other")
    checkin(
        people, "2026-03-02", "--with", "Sam:-1", "--with", "Dr: Lee:+1",
        "--what-happened", f"sam:{ARGUED}", "--what-happened", "Dr: Lee:said: keep going",
    )  # fmt: skip
    assert people.rows(INCIDENT_ROWS) == [
        ("2026-03-02", "Dr: Lee", "said: keep going"),
        ("2026-03-02", "Sam", ARGUED),
    ]


def test_the_one_line_checkin_is_unchanged(people):
    people.ok("checkin", "6", "dinner with Sam+1: argued", "--date", "2026-03-02")
    assert people.rows("SELECT mood, note FROM checkins") == [(6, "dinner with Sam+1: argued")]
    assert people.count("incidents") == 0


@pytest.mark.parametrize(
    ("args", "phrases"),
    [
        (("--with", f"Nobody:-1:{ARGUED}"), ("Nobody",)),
        (("--with", "Sam:-1:" + "x" * 201), ("What happened with Sam must be one line of at most 200",)),
        (("--with", "Sam:-1:argued\x1b[2Jabout it"), ("What happened contains a control character",)),
        (("--with", "Sam:-1:argued\nabout it"), ("What happened contains a control character",)),
        (("--with", "Sam:-1", "--what-happened", "Alex:hello"), ("'Alex', who is not in this check-in",)),
        (("--what-happened", "Sam:hello"), ("--what-happened goes with --with",)),
        (("--with", "Sam:-1:a", "--what-happened", "Sam:b"), ("What happened with Sam is given twice",)),
    ],
)
def test_bad_input_is_refused_and_nothing_is_written(people, args, phrases):
    result = people("checkin", "--date", "2026-03-02", "--mood", "5", *args)
    assert_user_error(result, *phrases)
    assert people.count("checkins") == 0 and people.count("incidents") == 0


def test_an_edit_keeps_words_it_does_not_mention_and_can_change_or_clear_them(people):
    checkin(people, "2026-03-02", "--with", f"Sam:-1:{ARGUED}", "--with", "Alex:+1:coffee")
    people.ok("checkin", "edit", "1", "--with", "Sam:+1", "--with", "Alex:+1")  # how it went only
    assert people.rows(INCIDENT_ROWS) == [("2026-03-02", "Alex", "coffee"), ("2026-03-02", "Sam", ARGUED)]
    people.ok("checkin", "edit", "1", "--what-happened", "Sam:made up over dinner")
    assert people.rows(INCIDENT_ROWS) == [
        ("2026-03-02", "Alex", "coffee"),
        ("2026-03-02", "Sam", "made up over dinner"),
    ]
    assert people.rows("SELECT id FROM incidents ORDER BY id") == [(1,), (2,)]  # same incidents, new words
    people.ok("checkin", "edit", "1", "--what-happened", "Alex:")  # no words: cleared
    people.ok("checkin", "edit", "1", "--with", "Alex:+1")  # Sam is no longer on it
    assert people.count("incidents") == 0
    assert people.rows("SELECT kind, count(*) FROM tombstones GROUP BY kind") == [("incidents", 2)]
    with_ = people.rows("SELECT p.name FROM interactions i JOIN people p ON p.id = i.person_id")
    assert with_ == [("Alex",)]


def test_deleting_the_checkin_or_the_person_deletes_the_incident_and_leaves_a_tombstone(people):
    checkin(people, "2026-03-02", "--with", f"Sam:-1:{ARGUED}")
    checkin(people, "2026-03-03", "--with", "Alex:+1:coffee")
    uids = dict(people.rows("SELECT what_happened, uid FROM incidents"))
    people.ok("checkin", "delete", "1", "--yes")
    people.ok("inventory", "remove", "Alex", "--yes")
    assert people.count("incidents") == 0
    assert sorted(people.rows("SELECT uid, kind FROM tombstones WHERE kind = 'incidents'")) == sorted(
        [(uids[ARGUED], "incidents"), (uids["coffee"], "incidents")]
    )


def test_incidents_are_searchable(people):
    checkin(people, "2026-03-02", "--with", f"Sam:-1:{ARGUED}", "--note", "a quiet week")
    found = people.ok("search", "moving").stdout  # porter stemming: moving finds move
    assert "incident #1" in found and "2026-03-02" in found and "argued about the" in found
    data = json.loads(people.ok("search", "argued", "--kind", "incident", "--json").stdout)
    assert [(hit["kind"], hit["id"], hit["day"]) for hit in data] == [("incident", 1, "2026-03-02")]
    people.ok("checkin", "edit", "1", "--what-happened", "Sam:a long walk")
    assert json.loads(people.ok("search", "argued", "--json").stdout) == []  # old words gone from the index


@pytest.mark.sqlite_clock
def test_export_and_import_carry_incidents_by_uid(people, tmp_path):
    checkin(people, "2026-03-02", "--with", f"Sam:-1:{ARGUED}", "--with", "Alex:+1:coffee")
    export = tmp_path / "export.json"
    people.ok("export", "--format", "json", "-o", str(export))
    doc = json.loads(export.read_text())
    assert sorted(i["what_happened"] for i in doc["incidents"]) == [ARGUED, "coffee"]
    assert {i["checkin"] for i in doc["incidents"]} == {doc["checkins"][0]["uid"]}
    other = tmp_path / "other.db"
    people.ok("--db", str(other), "import", str(export))
    rows = people.rows_in(other, "SELECT uid, what_happened FROM incidents ORDER BY uid")
    assert rows == people.rows("SELECT uid, what_happened FROM incidents ORDER BY uid")
    again = people.ok("--db", str(other), "import", str(export)).stdout
    assert "Nothing to import" in again
    # A deletion travels: the incident cleared here goes from the other journal too.
    people.ok("checkin", "edit", "1", "--what-happened", "Alex:")
    people.ok("export", "--format", "json", "-o", str(export), "--force")
    people.ok("--db", str(other), "import", str(export))
    assert people.rows_in(other, "SELECT what_happened FROM incidents") == [(ARGUED,)]


def test_an_export_with_two_incidents_sharing_a_uid_is_refused_whole(people, tmp_path):
    checkin(people, "2026-03-02", "--with", f"Sam:-1:{ARGUED}", "--with", "Alex:+1:coffee")
    export = tmp_path / "export.json"
    people.ok("export", "--format", "json", "-o", str(export))
    doc = json.loads(export.read_text())
    doc["incidents"][1]["uid"] = doc["incidents"][0]["uid"]
    export.write_text(json.dumps(doc))
    other = tmp_path / "other.db"
    result = people("--db", str(other), "import", str(export))
    assert_user_error(result, "two records in incidents share a uid. Nothing was imported.")
    assert not other.exists() or people.rows_in(other, "SELECT count(*) FROM checkins") == [(0,)]


def test_an_import_keeps_the_later_of_two_incidents_for_one_person_and_checkin(people, tmp_path):
    checkin(people, "2026-03-02", "--with", "Sam:-1")
    export = tmp_path / "export.json"
    people.ok("export", "--format", "json", "-o", str(export))
    other = tmp_path / "other.db"
    people.ok("--db", str(other), "import", str(export))
    people.ok("--db", str(other), "checkin", "edit", "1", "--what-happened", "Sam:written there")
    people.ok("checkin", "edit", "1", "--what-happened", f"Sam:{ARGUED}")  # later, here:
    _set_updated_at(other, "2026-03-02T08:00:00Z")  # each copy wrote its own incident
    people.ok("export", "--format", "json", "-o", str(export), "--force")
    people.ok("--db", str(other), "import", str(export))
    assert people.rows_in(other, "SELECT what_happened FROM incidents") == [(ARGUED,)]


def _set_updated_at(path, stamp: str) -> None:
    import sqlite3

    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE incidents SET updated_at = ?", (stamp,))
        conn.execute("UPDATE checkins SET updated_at = ?", (stamp,))
    conn.close()


def test_a_communication_analysis_starts_from_an_incident(people):
    checkin(people, "2026-03-02", "--with", f"Sam:-1:{ARGUED}")
    answers = [
        "turns=Me: we should go",
        "felt_wanted=scared",
        "their_side=worried",
        "meant_vs_heard=meant care",
        "outcome=we stopped talking",
        "next_time=say what I need",
    ]
    people.ok(
        "exercise", "start", "communication-analysis", "--from-incident", "1", "--no-homework",
        "--date", "2026-03-04", *(x for a in answers for x in ("--answer", a)),
    )  # fmt: skip
    (person, day, raw), = people.rows(
        "SELECT p.name, e.day, e.answers FROM exercises e JOIN people p ON p.id = e.person_id"
    )  # fmt: skip
    assert (person, day) == ("Sam", "2026-03-04")
    assert json.loads(raw)["context"] == f"With Sam, Monday 2 March 2026: {ARGUED}"
    shown = people.ok("exercise", "show", "1").stdout
    assert f"With Sam, Monday 2 March 2026: {ARGUED}" in shown


@pytest.mark.parametrize(
    ("args", "phrase"),
    [
        (("i-statement", "--from-incident", "1"), "--from-incident starts a communication analysis"),
        (("communication-analysis", "--from-incident", "1", "--with", "Alex"), "is about Sam, not Alex"),
        (("communication-analysis", "--from-incident", "9"), "There is no incident #9."),
    ],
)
def test_from_incident_refusals_write_nothing(people, args, phrase):
    checkin(people, "2026-03-02", "--with", f"Sam:-1:{ARGUED}")
    result = people("exercise", "start", *args)
    assert_user_error(result, phrase, code=result.exit_code)
    assert result.exit_code != 0 and people.count("exercises") == 0


def test_inventory_show_lists_what_happened_latest_first(people):
    checkin(people, "2026-03-02", "--with", f"Sam:-1:{ARGUED}")
    checkin(people, "2026-03-09", "--with", "Sam:+2:made up over dinner")
    shown = people.ok("inventory", "show", "Sam").stdout
    assert "What happened:" in shown
    first, second = shown.index("made up over dinner"), shown.index(ARGUED)
    assert first < second
    assert "#2 2026-03-09 (very well, +2): made up over dinner" in shown
    assert "--from-incident ID" in shown
    data = json.loads(people.ok("inventory", "show", "Sam", "--json").stdout)
    assert data["incidents"] == [
        {"id": 1, "day": "2026-03-02", "quality": -1, "what_happened": ARGUED},
        {"id": 2, "day": "2026-03-09", "quality": 2, "what_happened": "made up over dinner"},
    ]
    assert "What happened" not in people.ok("inventory", "show", "Alex").stdout


def test_prep_and_the_report_show_the_windows_incidents_per_person(people):
    checkin(people, "2026-02-02", "--with", "Sam:+1:before the window")
    checkin(people, "2026-03-02", "--with", f"Sam:-1:{ARGUED}", "--with", "Alex:+1:coffee")
    prep = people.ok("prep", "--since", "2026-03-01").stdout
    assert f"03-02: {ARGUED} (#2)" in prep and "03-02: coffee (#3)" in prep
    assert "before the window" not in prep
    data = json.loads(people.ok("prep", "--since", "2026-03-01", "--json").stdout)
    assert {p["name"]: [i["what_happened"] for i in p["incidents"]] for p in data["incidents"]} == {
        "Sam": [ARGUED],
        "Alex": ["coffee"],
    }
    report = people.ok("report", "--since", "2026-03-01").stdout
    assert "What happened with people" in report
    assert f"2026-03-02 (badly, -1): {ARGUED} (#2)" in report and "before the window" not in report
    data = json.loads(people.ok("report", "--since", "2026-03-01", "--json").stdout)
    assert (
        data["incidents"]
        == json.loads(people.ok("prep", "--since", "2026-03-01", "--json").stdout)["incidents"]
    )


@pytest.mark.parametrize("kind", ["markdown", "html"])
def test_the_clinician_document_lists_the_windows_incidents_per_person(people, kind):
    checkin(people, "2026-02-02", "--with", "Sam:+1:before the window")
    checkin(people, "2026-03-02", "--with", "Sam:-1:argued <loudly>", "--with", "Alex:+1:coffee")
    doc = people.ok("report", "--since", "2026-03-01", "--format", kind).stdout
    assert "What happened with people" in doc and "before the window" not in doc
    if kind == "markdown":
        assert "- 2026-03-02 (badly, -1): argued \\<loudly\\>" in doc or "argued <loudly>" not in doc
        assert "- 2026-03-02 (well, +1): coffee" in doc
    else:
        assert "<li>2026-03-02 (badly, -1): argued &lt;loudly&gt;</li>" in doc
    left_out = people.ok("report", "--since", "2026-03-01", "--format", kind, "--exclude", "incidents").stdout
    assert "What happened with people" not in left_out and "coffee" not in left_out
    assert "Left out by the person: incidents" in left_out


@pytest.fixture
def two(ipt):
    """Sam (partner, inner circle), then Alex (friend, middle ring), in the wizard's order."""
    ipt.ok("inventory", "add", "--name", "Sam", "--relationship", "partner", "--closeness", "1")
    ipt.ok("inventory", "add", "--name", "Alex", "--relationship", "friend", "--closeness", "2")
    return ipt


def test_the_checkin_wizard_asks_what_happened_after_how_it_went(two):
    people = two
    term = Terminal(people.path, "checkin", "--date", "2026-03-02", "--note", "", "--tag", "x")
    term.at("How has your mood been").type("5")
    term.answer("Who did you spend meaningful time with?", SPACE, DOWN, SPACE, ENTER)  # Sam, Alex
    term.answer("How did it go with Sam?", DOWN, ENTER)  # -1
    term.at("What happened with Sam? (optional").type("x" * 201)
    term.shows("One line of at most 200 characters")
    term.keys(*["\x7f"] * 201).type(ARGUED)
    term.answer("How did it go with Alex?", UP, ENTER)  # +1
    term.at("What happened with Alex? (optional").type("")
    decline_questionnaires(term)
    term.at("Anything to bring to your next session?").type("")
    code, output = term.finish()
    assert code == 0, output
    assert people.rows(INCIDENT_ROWS) == [("2026-03-02", "Sam", ARGUED)]
    assert people.rows(
        "SELECT p.name, i.quality FROM interactions i JOIN people p ON p.id = i.person_id ORDER BY p.name"
    ) == [("Alex", 1), ("Sam", -1)]


def test_the_edit_wizard_offers_the_words_already_there(two):
    people = two
    checkin(people, "2026-03-02", "--with", f"Sam:-1:{ARGUED}", "--note", "n", "--tag", "t")
    term = Terminal(people.path, "checkin", "edit", "1")
    term.answer("Which day is this check-in for?", ENTER)
    term.at("How has your mood been").type("")
    term.answer("Who did you spend meaningful time with?", ENTER)
    term.answer("How did it go with Sam?", ENTER)
    term.at("What happened with Sam? (optional").type(" and the school")
    term.at("A note about this week?").type("")
    term.at("Tags, separated by commas?").type("")
    code, output = term.finish()
    assert code == 0, output
    assert people.rows(INCIDENT_ROWS) == [("2026-03-02", "Sam", f"{ARGUED} and the school")]


def test_a_journal_from_before_incidents_migrates_and_takes_them(ipt, tmp_path):
    import sqlite3

    from ipt_journal.store import SCHEMA_VERSION
    from support import older_journal

    path = older_journal(tmp_path / "v14.db", 14)
    with sqlite3.connect(path) as conn:
        conn.execute(
            "INSERT INTO people (uid, name, relationship, created_at, updated_at) "
            "VALUES ('p1', 'Sam', 'partner', '2026-03-01T00:00:00Z', '2026-03-01T00:00:00Z')"
        )
        conn.execute(
            "INSERT INTO checkins (uid, day, mood, created_at, updated_at) "
            "VALUES ('c1', '2026-03-02', 5, '2026-03-02T00:00:00Z', '2026-03-02T00:00:00Z')"
        )
        conn.execute(
            "INSERT INTO interactions (checkin_id, person_id, quality, created_at, updated_at) "
            "VALUES (1, 1, -1, '2026-03-02T00:00:00Z', '2026-03-02T00:00:00Z')"
        )
    conn.close()
    ipt.ok("--db", str(path), "checkin", "edit", "1", "--what-happened", f"Sam:{ARGUED}")
    assert ipt.rows_in(path, "PRAGMA user_version") == [(SCHEMA_VERSION,)]
    assert ipt.rows_in(path, "SELECT what_happened FROM incidents") == [(ARGUED,)]
    hits = json.loads(ipt.ok("--db", str(path), "search", "argued", "--json").stdout)
    assert [hit["kind"] for hit in hits] == ["incident"]
    ipt.ok("--db", str(path), "checkin", "delete", "1", "--yes")
    assert sorted(ipt.rows_in(path, "SELECT kind FROM tombstones")) == [("checkins",), ("incidents",)]


def test_ctrl_c_at_what_happened_saves_nothing(two):
    from terminal import CTRL_C

    term = Terminal(two.path, "checkin", "--date", "2026-03-02", "--note", "", "--tag", "x")
    term.at("How has your mood been").type("5")
    term.answer("Who did you spend meaningful time with?", SPACE, ENTER)
    term.answer("How did it go with Sam?", ENTER)
    term.at("What happened with Sam? (optional").keys(*"argued", CTRL_C)  # typed, never entered
    code, output = term.finish()
    assert code == 130 and "Nothing was saved" in output
    assert two.count("checkins") == 0 and two.count("incidents") == 0


def test_tab_completes_incident_ids_with_day_and_name_never_the_words(people):
    from test_completion import complete

    checkin(people, "2026-03-02", "--with", f"Sam:-1:{ARGUED}", "--with", "Alex:+1:coffee")
    offered = complete(people.path, "ipt exercise start communication-analysis --from-incident ", shell="zsh")
    text = "\n".join(offered)
    assert "2026-03-02, Sam" in text and "2026-03-02, Alex" in text
    assert ARGUED not in text and "coffee" not in text
