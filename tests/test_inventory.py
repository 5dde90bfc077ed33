"""`ipt inventory` by flags, as a script or a hurried person would use it."""

import json

import pytest

from support import assert_user_error, flat

ALL_FLAGS = [
    "--name",
    "Maria",
    "--relationship",
    "parent",
    "--status",
    "current",
    "--closeness",
    "2",
    "--contact",
    "weekly",
    "--satisfying",
    "She listens",
    "--unsatisfying",
    "Criticises my job",
    "--their-expectations",
    "Call every Sunday",
    "--my-expectations",
    "Respect my choices",
    "--expectations-met",
    "partly",
    "--confide",
    "--change",
    "Talk about work without a fight",
    "--problem-area",
    "role-dispute",
    "--dispute-stage",
    "renegotiation",
    "--notes",
    "Lives abroad",
]


def test_add_with_required_flags_saves_without_asking(ipt):
    result = ipt.ok("inventory", "add", "--name", "Sam", "--relationship", "partner", "--closeness", "1")
    assert "Added Sam (partner, inner circle)." in result.stdout
    assert ipt.rows("SELECT name, relationship, status, closeness FROM people") == [
        ("Sam", "partner", "current", 1)
    ]


def test_add_with_every_flag_stores_every_field(ipt):
    ipt.ok("inventory", "add", *ALL_FLAGS)
    row = ipt.rows(
        "SELECT name, relationship, status, closeness, contact, satisfying, unsatisfying, "
        "their_expectations, my_expectations, expectations_met, can_confide, change, "
        "problem_area, dispute_stage, notes FROM people"
    )[0]
    assert row == (
        "Maria",
        "parent",
        "current",
        2,
        "weekly",
        "She listens",
        "Criticises my job",
        "Call every Sunday",
        "Respect my choices",
        "partly",
        1,
        "Talk about work without a fight",
        "role-dispute",
        "renegotiation",
        "Lives abroad",
    )


def test_each_person_has_a_stable_id_and_timestamps(ipt):
    ipt.ok("inventory", "add", "--name", "Sam", "--relationship", "partner")
    uid, created, updated = ipt.rows("SELECT uid, created_at, updated_at FROM people")[0]
    assert len(uid) == 32 and created == updated and created.endswith("Z")


def test_choices_are_case_insensitive(ipt):
    ipt.ok("inventory", "add", "--name", "Kim", "--relationship", "Other-Family", "--contact", "RARELY")
    assert ipt.rows("SELECT relationship, contact FROM people") == [("other-family", "rarely")]


def test_missing_required_values_name_the_flags_and_write_nothing(ipt):
    result = ipt("inventory", "add", "--closeness", "1")
    assert_user_error(result, "--name", "--relationship", "ipt inventory add --name Sam")
    assert not ipt.path.exists() or ipt.count("people") == 0


def test_no_input_flag_also_refuses_to_ask(ipt):
    result = ipt("--no-input", "inventory", "add", "--name", "Sam")
    assert_user_error(result, "Missing --relationship")


@pytest.mark.parametrize(
    ("flags", "message"),
    [
        (
            ["--closeness", "4"],
            "Closeness must be 1 (inner circle), 2 (middle ring) or 3 (outer ring), got 4.",
        ),
        (["--closeness", "0"], "Closeness must be 1"),
        (["--name", "   "], "Name must be 1 to 100 characters"),
        (["--name", "x" * 101], "Name must be 1 to 100 characters"),
        (
            ["--dispute-stage", "impasse"],
            "A dispute stage only applies when the problem area is role-dispute.",
        ),
        (["--notes", "y" * 5001], "Notes must be at most 5000 characters."),
    ],
)
def test_bad_values_are_refused_with_one_sentence(ipt, flags, message):
    base = {"--name": "Sam", "--relationship": "partner"}
    for flag, value in zip(flags[::2], flags[1::2], strict=True):
        base[flag] = value
    args = [item for pair in base.items() for item in pair]
    result = ipt("inventory", "add", *args)
    assert_user_error(result, message)
    assert ipt.count("people") == 0


def test_unknown_choice_lists_what_is_allowed(ipt):
    result = ipt("inventory", "add", "--name", "Sam", "--relationship", "lover")
    assert result.exit_code == 2
    assert "partner" in result.stderr and "neighbour" in result.stderr


def test_names_are_unique_whatever_the_case(people):
    result = people("inventory", "add", "--name", "sAM", "--relationship", "friend")
    assert_user_error(result, "There is already someone called Sam in your inventory.")
    assert people.count("people") == 3


def test_names_are_unique_beyond_ascii(ipt):
    ipt.ok("inventory", "add", "--name", "Émile", "--relationship", "friend")
    assert_user_error(ipt("inventory", "add", "--name", "émile", "--relationship", "friend"), "Émile")


def test_list_orders_by_closeness_then_name(people):
    people.ok("inventory", "add", "--name", "Ana", "--relationship", "colleague")
    lines = people.ok("inventory", "list").stdout.splitlines()
    order = [name for line in lines for name in ("Jo", "Sam", "Alex", "Ana") if f" {name} " in f" {line}"]
    assert order == ["Jo", "Sam", "Alex", "Ana"]


def test_list_json_has_every_field(people):
    data = json.loads(people.ok("inventory", "list", "--json").stdout)
    assert [p["name"] for p in data] == ["Jo", "Sam", "Alex"]
    assert data[0]["relationship"] == "sibling" and data[0]["closeness"] == 1
    assert {"uid", "created_at", "updated_at", "problem_area", "notes"} <= set(data[0])


def test_empty_list_points_to_the_next_step(ipt):
    assert "ipt inventory add --name Sam" in ipt.ok("inventory", "list").stdout


def test_show_prints_fields_and_time_together(people):
    people.ok("inventory", "edit", "Sam", "--satisfying", "We laugh a lot")
    for day, mood, quality in [("2026-01-05", 7, "+2"), ("2026-01-12", 6, "+1"), ("2026-01-19", 8, "+2")]:
        people.ok("checkin", "--date", day, "--mood", str(mood), "--with", f"Sam:{quality}")
    for day in ["2026-01-06", "2026-01-13", "2026-01-20"]:
        people.ok("checkin", "--date", day, "--mood", "4")
    out = flat(people.ok("inventory", "show", "sam").stdout)
    assert "We laugh a lot" in out
    assert "Time together: 3 check-ins, from 2026-01-05 to 2026-01-19" in out
    assert "it went +1.7 on average" in out
    assert "Mean mood in check-ins with Sam: 7.0; without: 4.0." in out


def test_show_says_when_there_is_too_little_data(people):
    people.ok("checkin", "--date", "2026-01-05", "--mood", "7", "--with", "Sam:+2")
    assert "not enough data yet" in people.ok("inventory", "show", "Sam").stdout


def test_unknown_name_suggests_the_closest(people):
    result = people("inventory", "show", "Sma")
    assert_user_error(result, "No one called 'Sma' in your inventory. Did you mean Sam?")


def test_edit_changes_only_the_given_fields(ipt):
    ipt.ok("inventory", "add", *ALL_FLAGS)
    ipt.ok("inventory", "edit", "maria", "--closeness", "1", "--notes", "")
    closeness, notes, satisfying = ipt.rows("SELECT closeness, notes, satisfying FROM people")[0]
    assert (closeness, notes, satisfying) == (1, None, "She listens")


def test_edit_can_rename_but_not_onto_someone_else(people):
    people.ok("inventory", "edit", "Alex", "--name", "Alexandra")
    assert_user_error(people("inventory", "edit", "Alexandra", "--name", "sam"), "already someone called Sam")
    assert people.rows("SELECT name FROM people WHERE closeness = 2") == [("Alexandra",)]


def test_edit_leaving_a_dispute_clears_its_stage(ipt):
    ipt.ok("inventory", "add", *ALL_FLAGS)
    ipt.ok("inventory", "edit", "Maria", "--problem-area", "role-transition")
    assert ipt.rows("SELECT problem_area, dispute_stage FROM people") == [("role-transition", None)]


def test_edit_without_flags_outside_a_terminal_says_what_to_pass(people):
    assert_user_error(people("inventory", "edit", "Sam"), "Missing the flags for what to change")


def test_remove_says_what_goes_and_keeps_checkins(people):
    people.ok("checkin", "--date", "2026-01-05", "--mood", "7", "--with", "Sam:+2", "--with", "Jo:0")
    out = flat(people.ok("inventory", "remove", "Sam", "--yes").stdout)
    assert "also removes 1 interaction recorded in 1 check-in. The check-ins themselves stay." in out
    assert people.rows("SELECT name FROM people ORDER BY name") == [("Alex",), ("Jo",)]
    assert people.count("checkins") == 1
    assert people.count("interactions") == 1


def test_remove_says_which_records_will_lose_the_name(people):
    people.ok("homework", "add", "Call Sam", "--with", "Sam")
    out = flat(people.ok("inventory", "remove", "Sam", "--yes").stdout)
    assert (
        "Their name will be taken off 1 exercise, homework item, course or life event, which will stay."
        in out
    )
    assert people.rows("SELECT text, person_id FROM homework") == [("Call Sam", None)]


def test_remove_without_yes_outside_a_terminal_removes_nothing(people):
    assert_user_error(people("inventory", "remove", "Sam"), "--yes")
    assert people.count("people") == 3
