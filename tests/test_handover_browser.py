"""The clinician document in a real browser (the distribution's headless Chromium): a
twelve-week grief course, on A4 and Letter, offline, without errors, without half-blank
pages, and with axe-core's WCAG 2.1 A/AA rules at no violation.

Skipped, with the reason, where Chromium, poppler-utils or axe-core is missing; `.ci/run`
installs all three, so CI always runs these."""

import html
import re
import shutil

import pytest

from grief_journal import build_grief_course, on_a_saturday
from headless_chromium import (
    AXE_VERSION,
    find_axe,
    find_chromium,
    load_page,
    page_fullness,
    page_texts,
    run_axe,
)

CHROMIUM = find_chromium()
pytestmark = [
    pytest.mark.skipif(
        CHROMIUM is None or shutil.which("pdftotext") is None,
        reason="Chromium or poppler-utils is missing (apt-get install chromium poppler-utils); CI runs this",
    ),
    # The whole file on one worker: one document for the module is built once, not once per worker.
    pytest.mark.xdist_group("handover_browser"),
]
PAPERS = {"Letter": (8.5, 11.0), "A4": (8.27, 11.69)}
HALF = 0.5


@pytest.fixture(scope="module", autouse=True)
def clock():
    with on_a_saturday():
        yield


@pytest.fixture(scope="module")
def document(tmp_path_factory):
    """One grief course and its document for the module (building it takes a few seconds)."""
    import os

    from support import Ipt

    folder = tmp_path_factory.mktemp("handover")
    saved = {key: os.environ.get(key) for key in ("IPT_JOURNAL_DB", "IPT_CONFIG")}
    os.environ["IPT_JOURNAL_DB"] = str(folder / "journal" / "journal.db")
    os.environ["IPT_CONFIG"] = str(folder / "config.json")
    try:
        ipt = Ipt(folder / "journal" / "journal.db")
        build_grief_course(ipt)
        page = folder / "report.html"
        ipt.ok(
            "report", "--format", "html", "--for", "Dr Lee", "--include", "notes,safety-plan", "-o", str(page)
        )
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    return page


def test_the_document_loads_offline_and_prints_without_half_blank_pages(document, tmp_path):
    result = load_page(CHROMIUM, document.as_uri(), str(tmp_path / "profile"), PAPERS)
    assert result["requests"] == [document.as_uri()]  # nothing fetched: no network
    assert result["errors"] == []  # no console errors, no script, no CSP violation
    text = result["page"]["text"]
    assert text.index("Safety") < text.index("Focus and course") < text.index("Life events")
    assert "For: Dr Lee" in text and "Headers and footers" in text
    # Charts at the page's full width (180 mm of a 1280 px window: well over half of it).
    assert len(result["page"]["charts"]) == 3 and min(result["page"]["charts"]) > 150
    # Each table's caption, and the first word of its first row, as they print.
    tables = [
        (" ".join(html.unescape(caption).split()[:4]), html.unescape(first).split()[0])
        for caption, first in re.findall(
            r'<p class="caption" id="[^"]+">([^<]+)</p><table[^>]*><thead>.*?</thead>'
            r'<tbody><tr><th scope="row">([^<]+)</th>',
            document.read_text(),
        )
    ]
    assert len(tables) >= 8
    for paper, pdf in result["pdfs"].items():
        fullness = page_fullness(pdf, str(tmp_path))
        assert len(fullness) >= 3, paper
        half_blank = [n + 1 for n, share in enumerate(fullness[:-1]) if share < HALF]
        assert half_blank == [], (paper, fullness)
        pages = page_texts(pdf, str(tmp_path))
        for caption, first in tables:
            # A caption never ends a page: its table's first row prints on the same page.
            page = next(text for text in pages if caption in text)
            assert first in page[page.index(caption) :], (paper, caption)


@pytest.mark.skipif(
    find_axe() is None,
    reason=f"axe-core is not in .cache/axe-core/ (npm pack axe-core@{AXE_VERSION}; .ci/run fetches it)",
)
def test_the_document_meets_wcag_21_a_and_aa_in_axe_core(document, tmp_path):
    result = run_axe(CHROMIUM, document.as_uri(), str(tmp_path / "profile"), find_axe())
    assert result["version"] == AXE_VERSION
    assert result["violations"] == []
    assert len(result["passes"]) >= 20  # the rules really ran on the page
