"""The HTML clinician report in a real browser: the distribution's headless Chromium.

Skipped, with the reason, where Chromium is not installed; `.ci/run` installs it, so CI
always runs these."""

import datetime as dt
import struct

import pytest

from headless_chromium import find_chromium, load_page, pdf_pages
from report_journal import build_course

CHROMIUM = find_chromium()
pytestmark = pytest.mark.skipif(
    CHROMIUM is None,
    reason="Chromium is not installed (apt-get install chromium); CI installs it and runs this test",
)
PAPERS = {"Letter": (8.5, 11.0), "A4": (8.27, 11.69)}


@pytest.fixture
def loaded(ipt, tmp_path):
    build_course(ipt)
    page = tmp_path / "report.html"
    ipt.ok("report", "--format", "html", "--course", "-o", str(page))
    return load_page(CHROMIUM, page.as_uri(), str(tmp_path / "profile"), PAPERS), page


def test_html_report_renders_offline_without_errors_and_prints_in_a_few_pages(loaded, tmp_path):
    result, page = loaded
    assert result["requests"] == [page.as_uri()]  # the file itself, and nothing else: no network
    assert result["errors"] == []  # no console errors, no script, no CSP violation
    rendered = result["page"]
    assert "Relationships and mood" in rendered["text"] and "What I want to bring up" in rendered["text"]
    assert "<script>alert(1)</script>" in rendered["text"]  # shown as text, never run
    assert rendered["height"] > 1500 and len(rendered["charts"]) == 2 and min(rendered["charts"]) > 100
    assert _not_blank(result["screenshot"])
    for paper, pdf in result["pdfs"].items():
        assert pdf.startswith(b"%PDF")
        assert 2 <= pdf_pages(pdf, str(tmp_path)) <= 6, paper


def _not_blank(png: bytes) -> bool:
    """A real page, not an empty canvas: a PNG of the window's size that does not compress
    to almost nothing, as a single-colour one would."""
    assert png.startswith(b"\x89PNG")
    width, height = struct.unpack(">II", png[16:24])
    return width >= 600 and height >= 400 and len(png) > 20_000


def test_course_journal_covers_twelve_weeks(ipt):
    start = build_course(ipt)
    assert (dt.date.today() - start).days // 7 == 11
