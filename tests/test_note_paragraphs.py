"""A Daylio note's title and text stay apart wherever a note is shown on one line.

Daylio keeps a title and a text; the import stores them as one note, two paragraphs
("Title\\n\\nText"). Lists, search hits and one-line document items used to squeeze every
line break into a space, so the title ran into the text. They now join paragraphs with
" — "; the stored note (and so every journal imported before) is unchanged, and `show`
and the CSV export keep its line breaks."""

import csv
import json

import pytest

from ipt_journal.text.safe_text import on_one_line
from support import flat
from terminal import Terminal

HEADER_8 = "full_date,date,weekday,time,mood,activities,note_title,note"
STORED = "Rough morning\n\nSlept badly\nthen work was loud"
ONE_LINE = "Rough morning — Slept badly then work was loud"


@pytest.fixture
def daylio(ipt, tmp_path):
    """A Daylio export with a titled note (HTML in its text), a title alone and a text alone."""
    path = tmp_path / "daylio_export.csv"
    path.write_text(
        "\n".join(
            [
                HEADER_8,
                "2024-05-14,May 14,Tuesday,8:02 am,meh,work,"
                '"Rough morning","Slept badly<br>then work was loud"',
                '2024-05-13,May 13,Monday,9:00 pm,good,,"Title only",""',
                '2024-05-12,May 12,Sunday,9:00 pm,good,,"","Text only"',
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    ipt.ok("import", "--from", "daylio", str(path))
    return ipt


def test_the_stored_note_keeps_title_and_text_as_two_paragraphs(daylio):
    assert daylio.rows("SELECT day, note FROM checkins ORDER BY day") == [
        ("2024-05-12", "Text only"),
        ("2024-05-13", "Title only"),
        ("2024-05-14", STORED),
    ]


def test_checkin_list_separates_the_title_from_the_text(daylio):
    listing = daylio.ok("checkin", "list").stdout
    assert ONE_LINE in listing
    assert "Title only" in listing and "Text only" in listing
    assert " — " not in listing.replace(ONE_LINE, "")  # a note of one paragraph gets no dash


def test_checkin_list_in_a_terminal_separates_them_too(daylio):
    term = Terminal(daylio.path, "checkin", "list")
    term.shows("Rough morning — Slept badly")
    code, _ = term.finish()
    assert code == 0


def test_checkin_show_keeps_the_line_breaks(daylio):
    (checkin_id,) = daylio.rows("SELECT id FROM checkins WHERE day = '2024-05-14'")[0]
    shown = daylio.ok("checkin", "show", str(checkin_id)).stdout
    assert "Note:\nRough morning\n\nSlept badly\nthen work was loud\n" in shown


def test_search_separates_them_as_text_and_json(daylio):
    assert "Rough morning — [Slept] badly then work" in daylio.ok("search", "slept").stdout
    (hit,) = json.loads(daylio.ok("search", "slept", "--json").stdout)
    assert hit["snippet"].startswith("Rough morning — Slept badly then work")


def test_the_markdown_export_and_report_separate_them(daylio, tmp_path):
    exported = daylio.ok("export", "--format", "markdown").stdout
    assert f"- Note: {ONE_LINE}" in exported
    out = tmp_path / "report.html"
    daylio.ok("report", "--since", "2024-05-01", "--include", "notes", "-f", "html", "-o", str(out))
    assert f"<li>2024-05-14: {ONE_LINE}</li>" in out.read_text()


def test_the_csv_export_keeps_the_note_as_stored(daylio, tmp_path):
    daylio.ok("export", "--format", "csv", "-o", str(tmp_path / "out"))
    with open(tmp_path / "out" / "checkins.csv", encoding="utf-8-sig", newline="") as handle:
        notes = {row["day"]: row["note"] for row in csv.DictReader(handle)}
    assert notes["2024-05-14"] == STORED


def test_the_dry_run_preview_separates_them(ipt, tmp_path):
    path = tmp_path / "daylio_export.csv"
    path.write_text(f'{HEADER_8}\n2024-05-14,May 14,Tuesday,8:02 am,meh,,"Rough morning","Slept badly"\n')
    preview = flat(ipt.ok("import", "--from", "daylio", str(path), "--dry-run").stdout)
    assert "'Rough morning — Slept badly'" in preview
    assert not ipt.path.exists() or ipt.count("checkins") == 0


def test_a_typed_note_with_paragraphs_reads_the_same_way(ipt):
    ipt.ok(
        "checkin",
        "--mood",
        "6",
        "--date",
        "2026-01-01",
        "--note",
        "Dinner with Sam\n\n\n  It helped.\nA lot.",
    )
    assert "Dinner with Sam — It helped. A lot." in ipt.ok("checkin", "list").stdout
    assert ipt.rows("SELECT note FROM checkins") == [("Dinner with Sam\n\n\n  It helped.\nA lot.",)]


@pytest.mark.parametrize(
    "text, line",
    [
        ("Title\n\nText", "Title — Text"),
        ("Title\r\n\r\nText", "Title — Text"),  # a Windows line end
        ("Title\n \t\nText", "Title — Text"),  # a line of spaces is blank too
        ("\n\nTitle\n\n\n\nText\n\n", "Title — Text"),  # no dash at either end, one between
        ("one\ntwo  three", "one two three"),
        ("", ""),
        ("  \n\n  ", ""),
        ("a — b", "a — b"),
    ],
)
def test_on_one_line(text, line):
    assert on_one_line(text) == line
