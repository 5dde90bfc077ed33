"""Issue 20, point 3: the staying-well plan is its own plan. The review writes it and leaves
the crisis (safety) plan untouched unless parts are moved one by one; journals from before
keep their copied entries until the person moves them."""

import datetime as dt
import json
import sqlite3

import pytest

from support import assert_user_error, flat, older_journal

TODAY = dt.date.today()


def weeks_ago(weeks: int) -> str:
    return (TODAY - dt.timedelta(weeks=weeks)).isoformat()


REVIEW = (
    "review", "--warning-signs", "Skipping meals", "--relapse-plan", "Walk daily, call Jo",
    "--whom-i-tell", "Jo and my GP", "--when-to-contact", "If it lasts two weeks",
)  # fmt: skip
PLAN_ROW = "SELECT warning_signs, what_i_will_do, whom_i_tell, when_to_contact FROM staying_well"
WRITTEN = ("Skipping meals", "Walk daily, call Jo", "Jo and my GP", "If it lasts two weeks")


def test_the_review_writes_the_staying_well_plan_and_leaves_the_safety_plan_alone(ipt):
    ipt.ok("start", "--start-date", weeks_ago(14), "--weeks", "12")
    ipt.ok("safety-plan", "add", "2", "--text", "A hot shower")
    out = flat(ipt.ok(*REVIEW).stdout)
    assert "Your staying-well plan is saved apart from your safety plan: ipt staying-well" in out
    assert "Your safety plan is as it was." in out
    assert ipt.rows(PLAN_ROW) == [WRITTEN]
    assert ipt.rows("SELECT step, text FROM safety_plan_items") == [(2, "A hot shower")]


def test_parts_move_into_the_crisis_plan_only_when_named_each_to_its_own_step(ipt):
    ipt.ok("start", "--start-date", weeks_ago(14), "--weeks", "12")
    out = flat(
        ipt.ok(
            *REVIEW, "--add-to-safety-plan", "whom-i-tell", "--add-to-safety-plan", "when-to-contact"
        ).stdout
    )
    assert "Also added to your safety plan (steps 4, 5)." in out
    # People one would tell go to step 4, contacting a clinician to step 5; never step 2.
    assert ipt.rows("SELECT step, text FROM safety_plan_items ORDER BY step") == [
        (4, "Jo and my GP"),
        (5, "If it lasts two weeks"),
    ]
    assert ipt.rows(PLAN_ROW) == [WRITTEN]


def test_a_bad_part_or_a_part_with_no_text_is_refused_and_nothing_is_written(ipt):
    ipt.ok("start", "--start-date", weeks_ago(14), "--weeks", "12")
    result = ipt(*REVIEW, "--add-to-safety-plan", "everything")
    assert_user_error(result, "--add-to-safety-plan takes warning-signs, what-i-will-do, whom-i-tell or")
    result = ipt("review", "--what-helped", "Jo", "--add-to-safety-plan", "warning-signs")
    assert_user_error(result, "--add-to-safety-plan warning-signs needs some text in that part of the plan.")
    assert ipt.count("reviews") == ipt.count("staying_well") == ipt.count("safety_plan_items") == 0


def test_staying_well_in_the_terminal_as_json_and_as_markdown(ipt):
    empty = flat(ipt.ok("staying-well").stdout)
    assert "My staying-well plan" in empty and "(nothing yet)" in empty
    assert json.loads(ipt.ok("staying-well", "--json").stdout)["warning_signs"] is None
    ipt.ok("staying-well", "edit", "--warning-signs", "Not answering texts", "--whom-i-tell", "Sam")
    shown = flat(ipt.ok("staying-well").stdout)
    assert "My warning signs: Not answering texts" in shown and "Whom I will tell: Sam" in shown
    assert "apart from your safety plan, which is for a crisis" in shown
    data = json.loads(ipt.ok("staying-well", "--json").stdout)
    assert (data["warning_signs"], data["what_i_will_do"], data["whom_i_tell"]) == (
        "Not answering texts",
        None,
        "Sam",
    )
    md = ipt.ok("staying-well", "--markdown").stdout
    assert "# My staying-well plan" in md and "## Whom I will tell\n\nSam" in md
    # A part given again changes only that part; "" clears it.
    ipt.ok("staying-well", "edit", "--whom-i-tell", "")
    assert ipt.rows("SELECT warning_signs, whom_i_tell FROM staying_well") == [("Not answering texts", None)]
    assert ipt.count("safety_plan_items") == 0


def test_staying_well_edit_outside_a_terminal_names_the_flags(ipt):
    ipt.ok("staying-well")
    assert_user_error(ipt("staying-well", "edit"), "--warning-signs, --what-i-will-do, --whom-i-tell or")
    assert ipt.count("staying_well") == 0


def test_the_dashboard_shows_the_plan_after_the_course_and_not_during_it(ipt):
    ipt.ok("start", "--start-date", weeks_ago(6), "--weeks", "12")
    ipt.ok("staying-well", "edit", "--what-i-will-do", "Call Jo")
    assert "staying-well" not in ipt.ok().stdout
    ipt.ok("course", "end")
    out = flat(ipt.ok().stdout)
    assert "Your staying-well plan (ipt staying-well): What I will do: Call Jo" in out


def _journal_from_before(tmp_path):
    """A journal at schema 10 whose review copied its answers into steps 1 and 2, as the
    versions before the staying-well plan did, beside an entry the person wrote."""
    path = older_journal(tmp_path / "v10.db", 10)
    conn = sqlite3.connect(path)
    conn.executescript(
        """
        INSERT INTO reviews (uid, day, warning_signs, relapse_plan, created_at, updated_at)
            VALUES ('r1', '2026-03-01', 'Skipping meals', 'Call Jo', 'x', 'x');
        INSERT INTO safety_plan_items (uid, step, text, created_at, updated_at) VALUES
            ('s1', 1, 'Skipping meals', 'x', 'x'),
            ('s2', 2, 'Call Jo', 'x', 'x'),
            ('s3', 2, 'A hot shower', 'x', 'x');
        """
    )
    conn.commit()
    conn.close()
    return path


def test_the_upgrade_seeds_the_plan_and_leaves_the_copied_entries_where_they_are(ipt, tmp_path):
    path = _journal_from_before(tmp_path)
    out = flat(ipt.ok("--db", str(path), "review", "--show").stdout)
    assert "Your safety plan still holds 2 entries copied from an earlier review" in out
    assert "ipt staying-well move-copies" in out
    assert ipt.rows_in(path, "SELECT id, step, text FROM safety_plan_items ORDER BY id") == [
        (1, 1, "Skipping meals"),
        (2, 2, "Call Jo"),
        (3, 2, "A hot shower"),
    ]
    assert ipt.rows_in(path, "SELECT warning_signs, what_i_will_do FROM staying_well") == [
        ("Skipping meals", "Call Jo")
    ]


def test_copied_entries_move_one_by_one_and_only_copies_can(ipt, tmp_path):
    path = _journal_from_before(tmp_path)
    db = ("--db", str(path))
    assert_user_error(ipt(*db, "staying-well", "move-copies"), "--id ID or --all")
    assert_user_error(ipt(*db, "staying-well", "move-copies", "--id", "3"), "is not one copied from")
    assert ipt.rows_in(path, "SELECT count(*) FROM safety_plan_items") == [(3,)]
    out = flat(ipt.ok(*db, "staying-well", "move-copies", "--id", "2").stdout)
    assert "Moved 1 entry to your staying-well plan" in out
    assert ipt.rows_in(path, "SELECT id FROM safety_plan_items ORDER BY id") == [(1,), (3,)]
    ipt.ok(*db, "staying-well", "move-copies", "--all")
    assert ipt.rows_in(path, "SELECT text FROM safety_plan_items") == [("A hot shower",)]
    assert ipt.rows_in(path, "SELECT warning_signs, what_i_will_do FROM staying_well") == [
        ("Skipping meals", "Call Jo")
    ]
    assert "nothing to move" in ipt.ok(*db, "staying-well", "move-copies").stdout


def test_a_moved_copy_fills_an_empty_part_of_the_plan(ipt, tmp_path):
    path = _journal_from_before(tmp_path)
    ipt.ok("--db", str(path), "staying-well", "edit", "--warning-signs", "")
    ipt.ok("--db", str(path), "staying-well", "move-copies", "--id", "1")
    assert ipt.rows_in(path, "SELECT warning_signs FROM staying_well") == [("Skipping meals",)]


def test_the_plan_goes_out_and_comes_back_with_an_export(ipt, tmp_path):
    ipt.ok("staying-well", "edit", "--warning-signs", "Skipping meals", "--when-to-contact", "Two weeks")
    first = ipt.ok("export").stdout
    assert json.loads(first)["staying_well"][0]["warning_signs"] == "Skipping meals"
    (tmp_path / "e.json").write_text(first)
    other = tmp_path / "other.db"
    ipt.ok("--db", str(other), "import", str(tmp_path / "e.json"))
    assert ipt.rows_in(other, PLAN_ROW) == [("Skipping meals", None, None, "Two weeks")]
    assert ipt.ok("--db", str(other), "export").stdout == first


def test_the_markdown_export_keeps_the_plan_the_closing_answers_and_the_midpoint(ipt):
    ipt.ok("start", "--start-date", weeks_ago(6), "--weeks", "12")
    ipt.ok("staying-well", "edit", "--warning-signs", "Skipping meals", "--whom-i-tell", "Jo")
    ipt.ok("safety-plan", "add", "5", "--text", "Dr Okafor", "--phone", "020 7946 0000")
    ipt.ok("safety-plan", "closing", "--kept-where", "My wallet")
    ipt.ok("course", "review-midpoint", "--focus-still-right", "yes", "--next-half", "Call Jo weekly")
    md = ipt.ok("export", "--format", "markdown").stdout
    for shown in (
        "## My staying-well plan",
        "- My warning signs: Skipping meals",
        "- Whom I will tell: Jo",
        "   - Dr Okafor, 020 7946 0000",
        "- Where I keep it: My wallet",
        "- Focus still right: yes",
        "- Second half: Call Jo weekly",
    ):
        assert shown in md, shown


def test_the_review_screen_offers_to_move_each_copy_default_no(ipt, tmp_path):
    from terminal import ENTER, Terminal

    path = _journal_from_before(tmp_path)
    term = Terminal(path, "review")
    for prompt in ("What has changed", "What helped", "What early warning signs", "what will you do",
                   "Whom will you tell", "When will you contact", "How will you keep using",
                   "How do you feel about the course ending"):  # fmt: skip
        term.at(prompt).type("")
    term.at("Your safety plan still holds 2 entries copied from an earlier review")
    term.at("#1, step 1: Skipping meals")
    term.answer("Move it from your safety plan to your staying-well plan?", "y")
    term.at("#2, step 2: Call Jo")
    term.answer("Move it from your safety plan to your staying-well plan?", ENTER)
    term.at("Moved 1 entry to your staying-well plan.")
    term.answer("Take the WSAS now (5 short questions", "n")
    code, output = term.finish()
    assert code == 0, output
    assert ipt.rows_in(path, "SELECT id, text FROM safety_plan_items ORDER BY id") == [
        (2, "Call Jo"),
        (3, "A hot shower"),
    ]


@pytest.mark.parametrize(
    "args, message",
    [
        (("staying-well", "--json", "--markdown"), "Choose one of --json and --markdown."),
        (("safety-plan", "--markdown", "--json"), "Choose one of --json and --markdown."),
        (("safety-plan", "--card", "--json"), "Choose one of --json and --card."),
    ],
)
def test_two_ways_of_printing_at_once_are_refused(ipt, args, message):
    ipt.ok("staying-well", "edit", "--warning-signs", "Not answering texts")
    assert_user_error(ipt(*args), message)
    assert ipt.rows("SELECT warning_signs FROM staying_well") == [("Not answering texts",)]


def test_a_part_already_written_moves_to_the_safety_plan_without_retyping_it(ipt):
    ipt.ok("staying-well", "edit", "--warning-signs", "Not answering texts", "--whom-i-tell", "Sam")
    result = ipt.ok("staying-well", "edit", "--add-to-safety-plan", "whom-i-tell")
    assert "Also added to your safety plan (step 4)." in flat(result.stdout)
    assert "Saved your staying-well plan" not in result.stdout
    assert ipt.rows("SELECT step, text FROM safety_plan_items") == [(4, "Sam")]
    assert ipt.rows("SELECT warning_signs, whom_i_tell FROM staying_well") == [("Not answering texts", "Sam")]
    result = ipt("staying-well", "edit", "--add-to-safety-plan", "when-to-contact")
    assert_user_error(result, "--add-to-safety-plan when-to-contact needs some text in that part")
    assert ipt.count("safety_plan_items") == 1
