"""Life events: recorded with flags or the wizard, listed, edited, deleted, exported."""

import datetime as dt
import json

import pytest

from support import assert_user_error, flat


def test_add_with_flags_stores_the_event_and_its_people(people):
    out = people.ok(
        "event",
        "add",
        "--date",
        "2024-03-14",
        "--kind",
        "move",
        "--person",
        "sam",
        "--person",
        "Jo",
        "--note",
        "Moved to Leeds",
    ).stdout
    assert "Recorded event #1: move, 2024-03-14 with Jo, Sam." in out
    assert people.rows("SELECT day, approximate, kind, note FROM events") == [
        ("2024-03-14", 0, "move", "Moved to Leeds")
    ]
    assert people.rows(
        "SELECT p.name FROM event_people ep JOIN people p ON p.id = ep.person_id ORDER BY p.name"
    ) == [("Jo",), ("Sam",)]


def test_a_month_alone_is_kept_as_approximate(people):
    people.ok("event", "add", "--date", "2023-11", "--kind", "new-job-or-role")
    assert people.rows("SELECT day, approximate FROM events") == [("2023-11-01", 1)]
    listed = json.loads(people.ok("event", "list", "--json").stdout)
    assert listed[0]["when"] == "2023-11" and listed[0]["approximate"] is True
    assert "2023-11 " in people.ok("event", "list").stdout


@pytest.mark.parametrize(
    "date, phrase",
    [
        ("2024-13", "no month 13"),
        ("2024-02-30", "A month known only roughly: YYYY-MM"),
        ("last spring", "got 'last spring'"),
        ((dt.date.today() + dt.timedelta(days=3)).isoformat(), "in the future"),
    ],
)
def test_bad_dates_are_refused_and_nothing_is_written(people, date, phrase):
    result = people("event", "add", "--date", date, "--kind", "loss", "--person", "Sam")
    assert_user_error(result, phrase)
    assert people.count("events") == 0 and people.count("event_people") == 0


def test_an_unknown_person_is_refused_and_nothing_is_written(people):
    result = people(
        "event", "add", "--date", "2024-01", "--kind", "conflict", "--person", "Sam", "--person", "Jon"
    )
    assert_user_error(result, "No one called 'Jon' in your inventory.", "Did you mean Jo?")
    assert people.count("events") == 0 and people.count("event_people") == 0


def test_missing_values_outside_a_terminal_name_the_flags(people):
    result = people("event", "add", "--person", "Sam")
    assert_user_error(result, "Missing --date and --kind", "ipt event add --date")
    assert people.count("events") == 0


def test_unknown_kind_is_refused(people):
    result = people("event", "add", "--date", "2024-01-01", "--kind", "wedding")
    assert result.exit_code == 2 and "wedding" in result.output
    assert people.count("events") == 0


def test_list_filters_by_window_person_and_kind(people):
    people.ok("event", "add", "--date", "2023-05-02", "--kind", "loss", "--person", "Jo")
    people.ok("event", "add", "--date", "2024-03", "--kind", "move", "--person", "Sam")
    people.ok("event", "add", "--date", "2024-06-20", "--kind", "conflict", "--person", "Sam")

    def kinds(*args):
        return [e["kind"] for e in json.loads(people.ok("event", "list", "--json", *args).stdout)]

    assert kinds() == ["loss", "move", "conflict"]
    # A month-only event counts when its month overlaps the window.
    assert kinds("--since", "2024-03-15") == ["move", "conflict"]
    assert kinds("--until", "2024-03-31") == ["loss", "move"]
    assert kinds("--person", "sam") == ["move", "conflict"]
    assert kinds("--kind", "loss") == ["loss"]


def test_edit_changes_only_what_is_given_and_checks_names_first(people):
    people.ok("event", "add", "--date", "2024-03-14", "--kind", "move", "--person", "Sam", "--note", "Leeds")
    out = people.ok("event", "edit", "1", "--date", "2024-02", "--person", "Alex").stdout
    assert "Updated event #1: move, 2024-02 with Alex." in out
    assert people.rows("SELECT day, approximate, kind, note FROM events") == [
        ("2024-02-01", 1, "move", "Leeds")
    ]
    assert_user_error(people("event", "edit", "1", "--person", "Nobody"), "No one called 'Nobody'")
    assert people.rows("SELECT person_id FROM event_people") == [(2,)]
    people.ok("event", "edit", "1", "--no-people")
    assert people.count("event_people") == 0
    assert_user_error(people("event", "edit", "1"), "Missing --date, --kind, --person and --note")
    assert_user_error(people("event", "edit", "9", "--note", "x"), "There is no life event #9.")


def test_delete_needs_yes_outside_a_terminal(people):
    people.ok("event", "add", "--date", "2024-03-14", "--kind", "move", "--person", "Sam")
    assert_user_error(people("event", "delete", "1"), "Missing --yes")
    assert people.count("events") == 1
    assert "Deleted event #1." in people.ok("event", "delete", "1", "--yes").stdout
    assert people.count("events") == 0 and people.count("event_people") == 0
    assert people.count("people") == 3


def test_removing_a_person_keeps_their_events(people):
    people.ok(
        "event", "add", "--date", "2024-03-14", "--kind", "separation", "--person", "Sam", "--person", "Jo"
    )
    removed = people.ok("inventory", "remove", "Sam", "--yes").stdout
    assert "course or life event" in flat(removed)
    listed = json.loads(people.ok("event", "list", "--json").stdout)
    assert listed[0]["people"] == ["Jo"]


def test_inventory_show_lists_the_persons_events(people):
    people.ok("event", "add", "--date", "2024-03", "--kind", "move", "--person", "Sam")
    people.ok("event", "add", "--date", "2024-05-01", "--kind", "illness", "--person", "Jo")
    assert "Life events: 2024-03 move." in flat(people.ok("inventory", "show", "Sam").stdout)
    shown = json.loads(people.ok("inventory", "show", "Sam", "--json").stdout)
    assert [e["kind"] for e in shown["events"]] == ["move"]


def test_export_import_export_is_identical_with_events(people, tmp_path):
    people.ok("event", "add", "--date", "2024-03", "--kind", "move", "--person", "Sam", "--person", "Jo")
    people.ok("event", "add", "--date", "2024-06-20", "--kind", "loss", "--note", "Grandad")
    first = people.ok("export").stdout
    data = json.loads(first)
    assert [e["kind"] for e in data["events"]] == ["move", "loss"]
    assert data["events"][0]["people"] == [data["people"][0]["uid"], data["people"][2]["uid"]]
    assert data["events"][0]["approximate"] is True
    (tmp_path / "e.json").write_text(first)
    empty = tmp_path / "empty.db"
    out = flat(people.ok("--db", str(empty), "import", str(tmp_path / "e.json")).stdout)
    assert "events: 2 added" in out
    assert people.ok("--db", str(empty), "export").stdout == first
    assert "Nothing to import" in people.ok("--db", str(empty), "import", str(tmp_path / "e.json")).stdout
    assert "- 2024-03: move with Sam, Jo" in people.ok("export", "--format", "markdown").stdout


def test_import_refuses_an_event_naming_someone_unknown(people, tmp_path):
    people.ok("event", "add", "--date", "2024-03", "--kind", "move", "--person", "Sam")
    data = json.loads(people.ok("export").stdout)
    data["events"][0]["people"] = ["no-such-uid"]
    data["people"] = []
    data["checkins"] = []
    (tmp_path / "bad.json").write_text(json.dumps(data))
    target = tmp_path / "other.db"
    assert_user_error(
        people("--db", str(target), "import", str(tmp_path / "bad.json")), "Nothing was imported"
    )
    assert people.rows_in(target, "SELECT count(*) FROM events") == [(0,)]


@pytest.mark.parametrize("width", [40, 60, 80, 120])
def test_event_list_fits_the_terminal_and_never_cuts_a_name(people, monkeypatch, width):
    monkeypatch.setenv("COLUMNS", str(width))
    people.ok("inventory", "add", "--name", "Alexandra Long-Name", "--relationship", "friend")
    people.ok(
        "event",
        "add",
        "--date",
        "2023-11-02",
        "--kind",
        "new-job-or-role",
        "--person",
        "Alexandra Long-Name",
        "--person",
        "Sam",
        "--note",
        "A note long enough that it cannot fit on one narrow line at all",
    )
    out = people.ok("event", "list").stdout
    assert all(len(line) <= width for line in out.splitlines())
    assert "Alexandra" in out and "Long-Name" in out and "2023-11-02" in out
    assert "Alexand…" not in out and "Long-Na…" not in out
    if width >= 80:
        assert "A note long enough" in out and "…" in out


def test_no_people_and_a_person_together_are_refused_and_nothing_changes(people):
    people.ok("event", "add", "--date", "2024-03-14", "--kind", "move", "--person", "Sam")
    result = people("event", "edit", "1", "--no-people", "--person", "Jo", "--note", "x")
    assert_user_error(result, "--no-people", "--person", "not both")
    assert "Updated" not in result.stdout
    assert people.rows("SELECT note FROM events") == [(None,)]
    assert people.rows("SELECT person_id FROM event_people") == [(1,)]
