"""The six-step safety plan: entries, people from the inventory, JSON and Markdown."""

import json

from support import assert_user_error, flat


def test_add_show_and_remove_entries(people):
    people.ok("safety-plan", "add", "1", "--text", "Not sleeping")
    people.ok("safety-plan", "add", "3", "--person", "alex", "--text", "a walk by the river")
    people.ok("safety-plan", "add", "4", "--person", "Jo")
    out = people.ok("safety-plan").stdout
    assert "[1] Not sleeping" in out and "[2] Alex: a walk by the river" in out and "[3] Jo" in out
    assert "(nothing yet)" in out and "ipt crisis" in out
    people.ok("safety-plan", "remove", "1", "--yes")
    assert people.rows("SELECT step FROM safety_plan_items ORDER BY id") == [(3,), (4,)]
    assert_user_error(people("safety-plan", "remove", "1", "--yes"), "There is no safety plan entry #1.")


def test_people_only_in_steps_3_and_4_and_only_known_ones(people):
    assert_user_error(people("safety-plan", "add", "2", "--person", "Sam"), "step 3 (distraction) or step 4")
    assert_user_error(people("safety-plan", "add", "4", "--person", "Sma"), "Did you mean Sam?")
    assert_user_error(
        people("safety-plan", "add", "7", "--text", "x"), "A safety plan step is a number from 1 to 6"
    )
    assert_user_error(people("safety-plan", "add", "2"), "Give --text, --person, or both.")
    assert people.count("safety_plan_items") == 0


def test_json_and_markdown(people):
    people.ok("config", "set", "country", "US")
    people.ok("safety-plan", "add", "2", "--text", "A hot shower")
    people.ok("safety-plan", "add", "4", "--person", "Sam", "--text", "555 0100")
    data = json.loads(people.ok("safety-plan", "--json").stdout)
    assert [step["step"] for step in data["steps"]] == [0, 1, 2, 3, 4, 5, 6]
    assert data["steps"][4]["entries"] == [{"id": 2, "step": 4, "text": "555 0100", "person": "Sam"}]
    markdown = people.ok("safety-plan", "--markdown").stdout
    assert markdown.startswith("# My safety plan")
    assert "## 2. Things I can do on my own to cope\n\n- A hot shower" in markdown
    assert "- Sam: 555 0100" in markdown and "988" in markdown


def test_removing_a_person_says_their_plan_entries_go_too(people):
    people.ok("safety-plan", "add", "4", "--person", "Sam", "--text", "call")
    out = flat(people.ok("inventory", "remove", "Sam", "--yes").stdout)
    assert "also removes 1 safety plan entry" in out
    assert people.count("safety_plan_items") == 0


def test_settings_live_apart_from_the_journal(ipt, tmp_path):
    assert_user_error(ipt("config", "set", "country", "Narnia"), "two-letter code")
    assert_user_error(ipt("config", "set", "colour", "red"), "There is no setting called 'colour'")
    out = flat(ipt.ok("config", "set", "country", "bo").stdout)
    assert "country is now BO" in out and "your local emergency number" in out
    config = tmp_path / "config" / "config.json"
    assert json.loads(config.read_text()) == {"country": "BO"}
    assert oct(config.stat().st_mode & 0o777) == "0o600"
    assert "country = BO" in ipt.ok("config", "show").stdout
    ipt.ok("config", "unset", "country")
    assert "country = (not set)" in ipt.ok("config", "show").stdout
    assert not ipt.path.exists()
