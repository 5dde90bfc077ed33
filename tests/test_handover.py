"""Issue 21: the clinician document carries the case, page one first, with the terminal's
figures; the person chooses what leaves and which days it covers."""

import datetime as dt
import json
import re

import pytest

from grief_journal import baseline_day, build_grief_course, months_ago, on_a_saturday
from support import assert_user_error, flat

# The whole file on one worker: one grief course for the module is built once, not once per worker.
pytestmark = pytest.mark.xdist_group("handover")


@pytest.fixture(scope="module", autouse=True)
def clock():
    with on_a_saturday():
        yield


@pytest.fixture(scope="module")
def grief_journal(tmp_path_factory):
    """One grief course for the module (building it takes a few seconds), ending today."""
    import os

    from support import Ipt

    path = tmp_path_factory.mktemp("grief") / "journal.db"
    saved = {key: os.environ.get(key) for key in ("IPT_JOURNAL_DB", "IPT_CONFIG")}
    os.environ["IPT_JOURNAL_DB"] = str(path)
    os.environ["IPT_CONFIG"] = str(path.parent / "config.json")
    try:
        start = build_grief_course(Ipt(path))
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    return path, start


@pytest.fixture
def grief(ipt, grief_journal):
    import shutil

    path, start = grief_journal
    ipt.path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(path, ipt.path)
    ipt.start = start
    return ipt


def _document(ipt, *args: str) -> str:
    return ipt.ok("report", "--format", "markdown", *args).stdout


def _phq9_days(ipt) -> list[str]:
    return [day for (day,) in ipt.rows("SELECT day FROM measures WHERE scale = 'phq9' ORDER BY day, id")]


def test_page_one_starts_with_safety_and_tells_item_9_over_time(grief):
    md = _document(grief)
    headings = re.findall(r"^## (.+)$", md, flags=re.M)
    assert headings[:4] == [
        "Safety",
        "Focus and course",
        "PHQ-9 and GAD-7, first and latest",
        "The focal relationships",
    ]
    days = _phq9_days(grief)
    assert len(days) == 7 and grief.rows(
        "SELECT count(*) FROM measures WHERE scale = 'phq9' AND json_extract(answers, '$[8]') > 0"
    ) == [(2,)]
    text = flat(md)
    assert (
        f"several days on {days[0]} and {days[1]}, then not at all on 5 questionnaires, {days[2]} to "
        f"{days[6]}; the latest answer, {days[6]}: not at all." in text
    )
    written = grief.rows("SELECT max(substr(updated_at, 1, 10)) FROM safety_plan_items")[0][0]
    assert f"Safety plan: written, 2 entries (steps 1, 4), last changed {written}." in text
    # Both answers above 0 came before the plan was written, and the document says so.
    # The latest answer is 0: the earlier ones are history in one line, no crisis block (issue 20, 6).
    assert "Crisis help stays one command away (ipt crisis)" in text and "988" not in text
    assert "Focus: grief and role transition." in text and "12 of 12 planned sessions held" in text


def test_the_death_its_date_and_the_events_before_the_course(grief):
    md = _document(grief)
    died = months_ago(grief.start, 2)
    assert f"### Dad: parent, inner circle, died {died.strftime('%B %Y')}" in md
    assert "- What I miss: Sunday walks" in md and "- Hard or unsaid: Never said goodbye" in md
    # Dad is in the inventory only: no time together, no figures.
    assert not re.search(r"^\| Dad", md, flags=re.M) and "Dad (parent);" not in md
    text = flat(md)
    assert (
        f"Before the course (around when my mood began to get low): - {died.strftime('%Y-%m')}: loss" in text
    )
    assert "move. Moved to a new city for work" in text


def test_the_partner_and_the_sister_with_the_terminal_s_figures(grief):
    md = flat(_document(grief))
    terminal = flat(grief.ok("report").stdout)
    data = json.loads(grief.ok("report", "--json").stdout)
    sam = next(c for c in data["insight"]["changes"] if c["name"] == "Sam")
    early, late = f"{sam['early']}× {sam['early_quality']:+.1f}", f"{sam['late']}× {sam['late_quality']:+.1f}"
    assert early == "17× -1.0" and late == "18× +0.9"
    for shown in (early, late):
        assert shown in terminal and shown in md
    checkins = grief.rows("SELECT count(*) FROM checkins")[0][0]
    assert (
        f"Sam (partner); in every check-in ({checkins} of {checkins}); how it went -1.0 in the first half"
        in md
    )
    assert "+0.9 in the second (18×): better" in md
    assert "not enough data yet" not in md and not re.search(r"-0\.0(?!\d)", md)
    # Kim always went +2: said as it is, and no sentence reads a link into it.
    assert "Kim (sibling); in 11 of 35 check-ins" in md
    assert "it went well every time; mood on those days averaged 4.4, 5.0 on others" in md
    assert "| Kim | – | – | 4.4 (11) | well every time |" in md
    assert "Time with Kim went well every time; mood on those days averaged 4.4, 5.0 on others." in md
    assert "Time with Kim went well every time; mood on those days averaged 4.4, 5.0 on others." in terminal
    assert not re.search(r"Kim[^.|]*(link|goes with)", md)


def test_the_review_answers_everywhere(grief):
    md = flat(_document(grief))
    for said in ("What changed: I can talk about Dad now", "What helped: Sundays with Kim"):
        assert said in md
        assert said in flat(grief.ok("report").stdout)
        assert said in flat(grief.ok("review", "--show").stdout)
    # The staying-well plan, from its own store since the review wrote it (issue 20, point 3).
    assert "My warning signs: Staying in bed" in md and "What I will do: Call Kim and book my GP" in md
    for args in (("review", "--json"), ("report", "--json")):
        review = json.loads(grief.ok(*args).stdout)["review"]
        assert review["what_changed"] == "I can talk about Dad now", args
        assert review["relapse_plan"] == "Call Kim and book my GP", args


def test_exercises_in_full_and_the_person_chooses_what_leaves(grief, tmp_path):
    md = _document(grief)
    assert "### " in md and "Communication analysis with Sam (mood 3 before, 5 after)" in md
    assert "What did you mean, and what do you think came across? I meant not yet; they heard never" in md
    assert "## My safety plan" not in md and "## My check-in notes" not in md  # not by default
    target = tmp_path / "out.md"
    result = grief.ok(
        "report",
        "--format",
        "markdown",
        "--exclude",
        "exercises",
        "--include",
        "safety-plan",
        "-o",
        str(target),
    )
    said = flat(result.stderr)
    assert (
        "It includes: page one, figures, events, sessions, the review, inventory, incidents, safety-plan."
        in said
    )
    assert "Left out: exercises, notes (add with --include)." in said
    written = target.read_text()
    assert "Communication analysis" not in written and "they heard never" not in written
    assert "## My safety plan" in written and "People I can ask for help\n\n- Kim: any time" in written
    assert "Left out by the person: exercises, notes." in written


def test_the_default_window_at_the_course_s_end_has_week_1_and_the_baseline(grief):
    md = _document(grief)
    start, baseline = grief.start.isoformat(), baseline_day(grief.start).isoformat()
    assert f"covers the whole course, since {start} (with its baseline questionnaires of {baseline})" in md
    assert re.search(r"^\| \d{4}-W\d\d \| week 1 of 12 \|", md, flags=re.M)
    assert f"| {baseline} | 2 | 2 | 2 | 2 | 2 | 1 | 1 | 1 | 1 | 14 (moderate) | very |" in md
    terminal = flat(grief.ok("report").stdout)
    assert f"This covers the whole course, since {start}" in terminal and "--weeks N" in terminal
    twelve = _document(grief, "--weeks", "4")
    assert "covers the last 4 weeks" in twelve and "| 1 of 12 |" not in twelve


def test_after_the_maintenance_weeks_the_default_is_twelve_weeks(ipt):
    start = dt.date.today() - dt.timedelta(weeks=40)
    ipt.ok("start", "--start-date", start.isoformat(), "--weeks", "12", "--no-therapist")
    ipt.ok("checkin", "--mood", "5")
    assert "covers the last 12 weeks" in _document(ipt)
    assert "This covers the last 12 weeks" in flat(ipt.ok("report").stdout)


def test_since_the_last_session_and_for_whom(grief):
    last = grief.rows("SELECT max(day) FROM therapy_sessions")[0][0]
    md = _document(grief, "--since-last-session", "--for", "Dr Lee")
    assert f"covers since the last session, {last} (that day included)" in md
    assert md.splitlines()[2] == "For Dr Lee"
    html = grief.ok("report", "--format", "html", "--for", "Dr <Lee>").stdout
    assert '<p class="for">For: Dr &lt;Lee&gt;</p>' in html and "Headers and footers" in html


def test_bad_document_choices_are_refused_and_nothing_is_written(grief, ipt, tmp_path):
    target = tmp_path / "r.md"
    for args, words in (
        (
            ("--include", "diary"),
            "--include takes inventory, exercises, incidents, notes, safety-plan; got 'diary'",
        ),
        (("--include", "notes", "--exclude", "notes"), "notes is both included and excluded"),
        (("--since-last-session", "--weeks", "4"), "Choose one of"),
    ):
        assert_user_error(grief("report", "--format", "markdown", *args, "-o", str(target)), words)
    assert_user_error(grief("report", "--for", "Dr Lee"), "add --format markdown or html")
    assert not target.exists()
    grief.ok("session", "delete", "--help")  # sessions can be removed; a journal without any:
    grief.path.unlink()
    assert_user_error(
        grief("report", "--format", "markdown", "--since-last-session"), "no session recorded before today"
    )


def test_the_included_safety_plan_keeps_its_numbers_and_closing_answers(ipt):
    ipt.ok("safety-plan", "add", "5", "--text", "GP surgery", "--phone", "0113 496 0000")
    ipt.ok("safety-plan", "closing", "--how-likely", "Likely", "--kept-where", "On the fridge")
    written = ipt.ok("report", "--format", "markdown", "--include", "safety-plan").stdout
    assert "- GP surgery, 0113 496 0000" in written
    assert "- How likely I am to use this plan: Likely" in written
    assert "- Where I keep it: On the fridge" in written
    assert ipt.count("safety_plan_items") == 1
