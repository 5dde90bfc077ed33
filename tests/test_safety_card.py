"""Issue 20, points 9 to 11: a complete Stanley-Brown plan (a number for each person, the
closing questions, a one-page card), A&E/ER/ED in step 5, and IPT's midpoint review."""

import datetime as dt
import json
import stat

import pytest

from support import assert_user_error, flat

TODAY = dt.date.today()
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"


def weeks_ago(weeks: int) -> str:
    return (TODAY - dt.timedelta(weeks=weeks)).isoformat()


@pytest.fixture
def plan(people):
    people.ok("safety-plan", "add", "4", "--person", "Jo", "--text", "any time", "--phone", "+44 7700 900123")
    people.ok("safety-plan", "add", "2", "--text", "A hot <b>shower</b>")
    people.ok("safety-plan", "closing", "--how-likely", "Quite likely", "--kept-where", "A photo on my phone")
    return people


def test_a_number_to_reach_each_person_in_every_view(plan):
    assert "Jo: any time, +44 7700 900123" in flat(plan.ok("safety-plan").stdout)
    assert "- Jo: any time, +44 7700 900123" in plan.ok("safety-plan", "--markdown").stdout
    entry = json.loads(plan.ok("safety-plan", "--json").stdout)["steps"][4]["entries"][0]
    assert (entry["person"], entry["phone"]) == ("Jo", "+44 7700 900123")
    assert "+44 7700 900123" in flat(plan.ok("crisis").stdout)


def test_a_bad_number_or_a_number_in_the_wrong_step_is_refused_and_nothing_added(plan):
    before = plan.rows("SELECT * FROM safety_plan_items")
    assert_user_error(plan("safety-plan", "add", "4", "--person", "Sam", "--phone", "ring me"), "digits")
    assert_user_error(plan("safety-plan", "add", "1", "--text", "x", "--phone", "123"), "steps 3, 4 or 5")
    assert plan.rows("SELECT * FROM safety_plan_items") == before


def test_the_closing_questions_are_kept_and_shown(plan):
    assert plan.rows("SELECT how_likely, in_the_way, kept_where FROM safety_plan_closing") == [
        ("Quite likely", None, "A photo on my phone")
    ]
    shown = flat(plan.ok("safety-plan").stdout)
    assert "About this plan How likely I am to use this plan: Quite likely" in shown
    assert "- Where I keep it: A photo on my phone" in plan.ok("safety-plan", "--markdown").stdout
    closing = json.loads(plan.ok("safety-plan", "--json").stdout)["closing"]
    assert closing["kept_where"] == "A photo on my phone" and closing["in_the_way"] is None
    plan.ok("safety-plan", "closing", "--in-the-way", "Thinking I am a bother")
    assert plan.rows("SELECT how_likely, in_the_way FROM safety_plan_closing") == [
        ("Quite likely", "Thinking I am a bother")
    ]
    assert_user_error(plan("safety-plan", "closing"), "--how-likely, --in-the-way or --kept-where")


def test_the_card_as_html_is_private_self_contained_and_escaped(plan, tmp_path):
    card = tmp_path / "card.html"
    result = plan.ok("safety-plan", "--card", "-o", str(card))
    assert "Wrote your safety plan card to" in flat(result.stderr)
    assert stat.S_IMODE(card.stat().st_mode) == 0o600
    html = card.read_text()
    assert f'content="{CSP}"' in html
    assert "<script" not in html and "http://" not in html and "https://" not in html
    shown = (
        "My safety plan",
        "Jo: any time, +44 7700 900123",
        "4. People I can ask for help",
        "How likely I am to use this plan: Quite likely",
        "Nearest emergency department",
    )
    for text in shown:
        assert text in html, text
    assert "A hot &lt;b&gt;shower&lt;/b&gt;" in html and "<b>shower" not in html
    # An existing file is kept unless --force.
    assert_user_error(plan("safety-plan", "--card", "-o", str(card)), "already exists")
    plan.ok("safety-plan", "--card", "-o", str(card), "--force")


def test_the_card_as_markdown_goes_to_stdout_or_a_file(plan, tmp_path):
    md = plan.ok("safety-plan", "--card").stdout
    assert md.startswith("# My safety plan") and "- Jo: any time, +44 7700 900123" in md
    assert "A hot \\<b\\>shower\\</b\\>" in md or "A hot &lt;b&gt;shower&lt;/b&gt;" in md
    target = tmp_path / "card.md"
    plan.ok("safety-plan", "--card", "--format", "markdown", "-o", str(target))
    assert stat.S_IMODE(target.stat().st_mode) == 0o600 and target.read_text() == md
    assert_user_error(plan("safety-plan", "-o", str(tmp_path / "x.html")), "add --card")
    assert_user_error(plan("safety-plan", "--card", "--format", "pdf"), "--format must be markdown or html")
    assert not (tmp_path / "x.html").exists()


def test_a_card_named_for_another_format_is_refused_and_not_written(plan, tmp_path):
    target = tmp_path / "card.pdf"
    assert_user_error(plan("safety-plan", "--card", "-o", str(target)), "not .pdf", "Name it card.html")
    assert not target.exists()


@pytest.mark.parametrize(
    ("entry", "blank"),
    [
        ("St Thomas' A&E, Westminster Bridge Rd", False),
        ("The ER at Mercy General", False),
        ("ED, Auckland City Hospital", False),
        ("Dr Ed Smith, my GP, 020 7946 0000", True),
    ],
)
def test_a_and_e_er_and_ed_count_as_an_emergency_department(ipt, entry, blank):
    ipt.ok("safety-plan", "add", "5", "--text", entry)
    for out in (ipt.ok("safety-plan").stdout, ipt.ok("safety-plan", "--markdown").stdout):
        assert ("Nearest emergency department (name and address)" in flat(out)) is blank


def test_the_dashboard_suggests_the_midpoint_review_at_the_middle_only(ipt):
    ipt.ok("start", "--start-date", weeks_ago(2), "--weeks", "12", "--focus", "grief")
    ipt.ok("checkin", "--mood", "5")
    ipt.ok("measure", "phq9", "--answers", "1,1,1,1,1,1,1,1,0")
    ipt.ok("measure", "gad7", "--answers", "1,1,1,1,1,1,1")
    assert "review-midpoint" not in ipt.ok().stdout
    ipt.ok("start", "--revise", "--start-date", weeks_ago(6))
    out = flat(ipt.ok().stdout)
    assert "Next: ipt course review-midpoint (halfway through: look again at your focus and goals)" in out
    saved = json.loads(
        ipt.ok(
            "course", "review-midpoint", "--focus-still-right", "partly",
            "--goals-note", "Sleep is better", "--next-half", "Visit her grave with Jo", "--json",
        ).stdout
    )  # fmt: skip
    assert (saved["focus_still_right"], saved["next_half"]) == ("partly", "Visit her grave with Jo")
    assert ipt.rows("SELECT focus_still_right, goals_note, next_half FROM midpoint_reviews") == [
        ("partly", "Sleep is better", "Visit her grave with Jo")
    ]
    assert "review-midpoint" not in ipt.ok().stdout


def test_the_midpoint_review_refuses_bad_answers_and_writes_nothing(ipt):
    ipt.ok("start", "--start-date", weeks_ago(6), "--weeks", "12")
    assert_user_error(
        ipt("course", "review-midpoint", "--focus-still-right", "maybe"), "must be yes, partly or no"
    )
    assert_user_error(ipt("course", "review-midpoint"), "--focus-still-right, --focus-note")
    assert ipt.count("midpoint_reviews") == 0
    out = flat(ipt.ok("course", "review-midpoint", "--focus-still-right", "no").stdout)
    assert "A change of focus is worth agreeing with your therapist" in out


def test_a_change_of_focus_names_whom_to_agree_it_with(ipt):
    ipt.ok("start", "--start-date", weeks_ago(6), "--weeks", "12", "--therapist")
    out = flat(ipt.ok("course", "review-midpoint", "--focus-still-right", "no").stdout)
    assert "A change of focus is worth agreeing with your therapist; goals" in out
    assert "if you have one" not in out
    ipt.ok("start", "--revise", "--no-therapist")
    out = flat(ipt.ok("course", "review-midpoint", "--focus-still-right", "partly").stdout)
    assert "talking over with your doctor (GP) if it helps" in out
    assert ipt.count("midpoint_reviews") == 2
