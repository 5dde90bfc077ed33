"""`ipt report --format markdown|html`: the document a person brings to their clinician."""

import datetime as dt
import re
import stat

import pytest

from report_journal import build_course
from support import assert_user_error

SECTIONS = [
    "Safety",
    "Focus and course",
    "PHQ-9 and GAD-7, first and latest",
    "The focal relationships",
    "What I want to bring up",
    "Since the last session",
    "Goals and progress",
    "Pathway and midpoint review",  # the course's focus has a pathway
    "Life events",
    "Interpersonal inventory: the focus and the inner circle",
    "Relationships and mood",
    "Questionnaires: PHQ-9 (depression), GAD-7 (anxiety), WSAS (work and social functioning)",
    "Mood by week (0 worst, 10 best)",
    "Sessions and between-session tasks",
]


# The whole file on one worker: one twelve-week journal for the module is built once, not once per worker.
pytestmark = pytest.mark.xdist_group("clinician_report")


@pytest.fixture(scope="module")
def course_journal(tmp_path_factory):
    """One twelve-week journal for the whole module (building it takes a few seconds)."""
    import os

    from support import Ipt

    path = tmp_path_factory.mktemp("course") / "journal.db"
    old = os.environ.get("IPT_JOURNAL_DB")
    os.environ["IPT_JOURNAL_DB"] = str(path)
    try:
        build_course(Ipt(path))
    finally:
        if old is None:
            os.environ.pop("IPT_JOURNAL_DB")
        else:
            os.environ["IPT_JOURNAL_DB"] = old
    return path


@pytest.fixture
def course(ipt, course_journal):
    import shutil

    ipt.path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(course_journal, ipt.path)
    return ipt


def test_markdown_report_has_every_section_with_names_and_labels(course):
    md = course.ok("report", "--format", "markdown", "--course").stdout
    headings = [re.sub(r" \(\d{4}-\d\d-\d\d\)$", "", h) for h in re.findall(r"^## (.+)$", md, flags=re.M)]
    assert headings == SECTIONS
    assert "Focus: role dispute with Sam (impasse)." in md
    assert "| Sam (partner) | inner circle |" in md and "Jo (other family)" in md
    assert "What brought me: Rows with Sam" in md
    assert "conflict with Sam" in md and "| Dr Lee | Week 1: expectations | One I-statement |" in md
    assert "| Tell Sam how I feel | done | He listened | 4/5 |" in md
    # Item 9 was 1 in week 3 and 0 since: history in one line, no crisis block (issue 20, 6).
    # The document still says what ipt showed at the time, for the clinician, but no crisis lines.
    safety_notes = " ".join(md.split("## Safety\n")[1].split("##")[0].split())
    assert "they answered 'several days' to the PHQ-9 question about thoughts of being better off" in (
        safety_notes
    )
    assert "answers since, latest" in safety_notes and "were 'not at all'" in safety_notes
    assert "Crisis help stays one command away (ipt crisis)" in safety_notes and "988" not in md
    # labels and names, never slugs or ids
    for slug in ("role-dispute", "other-family", "new-job-or-role", "phq9", "gad7", "uid", "_id"):
        assert slug not in md, slug
    assert not re.search(r"#\d", md)
    # journal text stays text
    assert "<script" not in md and "[click](javascript" not in md
    assert "&lt;script&gt;" in md and "\\[click\\](javascript" in md


def test_html_report_is_self_contained_escaped_and_accessible(course, tmp_path):
    target = tmp_path / "report.html"
    result = course.ok("report", "--format", "html", "-o", str(target), "--weeks", "12")
    assert "not encrypted" in result.stderr and "safety notes" in result.stderr
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    page = target.read_text()
    for section in SECTIONS:
        assert f"<h2>{section.replace('&', '&amp;')}" in page, section
    assert "Content-Security-Policy" in page and "default-src 'none'" in page
    assert "<script" not in page and "<a " not in page and "<link" not in page and "<img" not in page
    assert not re.search(r"(src|href)=", page)  # nothing fetched, nowhere to go
    assert "&lt;script&gt;alert(1)&lt;/script&gt; [click](javascript:alert(1))" in page
    assert "@media print" in page and "@page" in page
    assert page.count("<svg") == 2  # mood and PHQ-9 charts (GAD-7 was taken once)
    assert page.count('role="img"') == 2 and '<title id="chart-mood-title">' in page and "<desc" in page
    assert '<th scope="col">' in page and '<th scope="row">' in page and 'aria-labelledby="table-1"' in page


def test_report_windows_and_defaults(course):
    during = course.ok("report", "--format", "markdown").stdout
    assert "covers the whole course" in during  # the default while a course runs
    twelve = course.ok("report", "--format", "markdown", "--weeks", "12").stdout
    assert "covers the last 12 weeks" in twelve
    since = (dt.date.today() - dt.timedelta(days=10)).isoformat()
    short = course.ok("report", "--format", "markdown", "--since", since).stdout
    assert f"covers since {since}" in short and "## Life events" not in short  # the event is older
    assert "Rows with Sam" in short  # the course is described whatever the window


def test_bad_report_options_are_refused_and_nothing_is_written(course, tmp_path):
    target = tmp_path / "out" / "r.html"
    target.parent.mkdir()
    assert_user_error(
        course("report", "--format", "pdf", "-o", str(target)), "--format must be markdown or html"
    )
    assert_user_error(
        course("report", "--format", "html", "--since", "someday", "-o", str(target)), "--since must be"
    )
    assert_user_error(
        course("report", "--format", "html", "--weeks", "4", "--course", "-o", str(target)), "one of"
    )
    assert_user_error(course("report", "-o", str(target)), "--output needs --format")
    assert list(target.parent.iterdir()) == []


def test_report_on_a_new_journal_says_little_but_says_it_well(ipt):
    md = ipt.ok("report", "--format", "markdown").stdout
    assert md.startswith("# IPT journal summary") and "## " not in md
    assert_user_error(ipt("report", "--format", "html", "--course"), "no course", code=2)


def test_terminal_report_loads_no_document_or_export_module(course):
    import os
    import subprocess
    import sys

    code = (
        "import sys, runpy\n"
        "sys.argv = ['ipt', 'report']\n"
        "try:\n    runpy.run_module('ipt_journal', run_name='__main__')\n"
        "except SystemExit:\n    pass\n"
        "print('LOADED', *sorted(m for m in sys.modules if m.startswith(('ipt_journal.documents', "
        "'ipt_journal.safekeeping.portable'))))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env={**os.environ}, timeout=60
    ).stdout
    assert out.splitlines()[-1] == "LOADED"
