"""The JSON export is written as the journal is read: the same file json.dumps would make,
one consistent moment of the journal, and nothing left behind when it stops half-way."""

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ipt_journal.errors import InputError
from ipt_journal.safekeeping import export_document, export_files, files
from ipt_journal.store import open_journal
from support import assert_user_error

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from make_journal import build  # noqa: E402


def test_a_ten_year_export_is_json_dumps_byte_for_byte_and_imports_back_whole(ipt, tmp_path):
    path = tmp_path / "ten-years.db"
    build(path, scale=1, seed=3)
    out = tmp_path / "export.json"
    ipt.ok("--db", str(path), "export", "-o", str(out))
    written = out.read_bytes()
    data = json.loads(written)
    # Formatted exactly as json.dumps(indent=2) with the unsafe characters escaped, as before.
    assert written == export_files.json_text(data).encode()
    journal = open_journal(path)
    assert data == export_document.document(journal)
    sql = sqlite3.connect(path)
    assert len(data["checkins"]) == 3650 and len(data["people"]) == 150
    # Each check-in carries exactly its own people (in the order they were written) and tags.
    expected = {}
    for checkin, person in sql.execute(
        "SELECT c.uid, p.uid FROM interactions i JOIN checkins c ON c.id = i.checkin_id "
        "JOIN people p ON p.id = i.person_id ORDER BY i.id"
    ):
        expected.setdefault(checkin, []).append(person)
    assert {c["uid"]: [i["person"] for i in c["people"]] for c in data["checkins"] if c["people"]} == expected
    tags = dict(
        sql.execute(
            "SELECT c.uid, count(*) FROM checkin_tags t JOIN checkins c ON c.id = t.checkin_id GROUP BY c.uid"
        )
    )
    assert {c["uid"]: len(c["tags"]) for c in data["checkins"] if c["tags"]} == tags
    ratings = sql.execute("SELECT count(*) FROM goal_ratings").fetchone()[0]
    assert sum(len(g["ratings"]) for g in data["goals"]) == ratings > 0
    links = sql.execute("SELECT count(*) FROM event_people").fetchone()[0]
    assert sum(len(e["people"]) for e in data["events"]) == links > 0
    # And back: imported into an empty journal, ten years export to the very same file.
    again = tmp_path / "again.db"
    assert "checkins: 3650 added" in ipt.ok("--db", str(again), "import", str(out)).stdout
    assert ipt.ok("--db", str(again), "export").stdout_bytes == written


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True)
    | st.text(st.characters(codec="utf-8") | st.sampled_from('\x85\u202e\u2028\u2029\ufeff\x00\n"\\')),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(st.text(max_size=5) | st.integers(), children, max_size=4)
    ),
    max_leaves=12,
)


@settings(max_examples=100, deadline=None)
@given(records=st.lists(st.dictionaries(st.text(max_size=8), json_values, max_size=6), max_size=5))
def test_pieces_are_what_json_text_gives_for_any_values(records):
    whole = {"format": "ipt-journal-export", "format_version": 1, "things": records, "none": []}
    streamed = {**whole, "things": iter(records), "none": iter(())}
    assert b"".join(export_files.json_pieces(streamed)) == export_files.json_text(whole).encode()


def test_an_export_is_one_moment_of_the_journal_while_another_ipt_saves(people):
    people.ok("checkin", "--date", "2026-03-02", "--mood", "6", "--with", "Sam:+1")
    journal = open_journal(people.path)
    with journal.reading():
        parts = export_document.sections(journal)
        # Another ipt saves a new person and a check-in with them half-way through the export.
        people.ok("inventory", "add", "--name", "Kim", "--relationship", "friend")
        people.ok("checkin", "--date", "2026-03-03", "--mood", "4", "--with", "Kim:-1")
        doc = {key: value if isinstance(value, (str, int)) else list(value) for key, value in parts.items()}
    assert [p["name"] for p in doc["people"]] == ["Sam", "Alex", "Jo"]
    assert [c["day"] for c in doc["checkins"]] == ["2026-03-02"]
    assert people.count("checkins") == 2  # the other save happened, and the next export has it
    assert len(json.loads(people.ok("export").stdout)["checkins"]) == 2


def test_an_export_that_stops_half_way_leaves_the_old_file_and_no_leftovers(tmp_path):
    folder = tmp_path / "exports"
    folder.mkdir()
    target = folder / "export.json"
    target.write_bytes(b"the export of last week")

    def pieces():
        yield b'{"format": '
        raise InputError("The journal could not be read.")

    with pytest.raises(InputError, match="could not be read"):
        files.write_user_file(target, pieces(), force=True)
    assert target.read_bytes() == b"the export of last week"
    assert sorted(p.name for p in folder.iterdir()) == ["export.json"]


def test_an_export_in_pieces_is_private_and_refuses_what_a_whole_one_refuses(full_dir):
    ipt, folder = full_dir
    out = folder / "e.json"
    ipt.ok("export", "-o", str(out))
    assert os.stat(out).st_mode & 0o777 == 0o600 and json.loads(out.read_text())["people"]
    before = out.read_bytes()
    assert_user_error(ipt("export", "-o", str(out)), "already exists")
    assert_user_error(ipt("export", "-o", str(ipt.path)), "your journal or one of its own files")
    assert out.read_bytes() == before and sorted(p.name for p in folder.iterdir()) == ["e.json"]


@pytest.fixture
def full_dir(people, tmp_path):
    people.ok("checkin", "--date", "2026-03-02", "--mood", "6", "--with", "Sam:+1", "--tag", "work")
    folder = tmp_path / "exports"
    folder.mkdir()
    return people, folder


def test_a_json_export_starts_without_the_import_validators(people):
    people.ok("checkin", "--date", "2026-03-02", "--mood", "6", "--with", "Sam:+1")
    code = (
        "import sys, runpy\n"
        "sys.argv = ['ipt', 'export']\n"
        "try:\n    runpy.run_module('ipt_journal', run_name='__main__')\n"
        "except SystemExit:\n    pass\n"
        "print('LOADED', *sorted(m for m in sys.modules if m.startswith(('pydantic', 'ipt_journal'))))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    export, loaded = result.stdout.rsplit("LOADED", 1)
    assert json.loads(export)["checkins"][0]["mood"] == 6
    assert "pydantic" not in loaded.split() and "ipt_journal.safekeeping.portable" not in loaded.split()
    assert "ipt_journal.safekeeping.export_document" in loaded.split()


def test_rows_of_a_parent_that_is_gone_are_passed_over():
    children = export_document._Children(
        [{"p": 1, "n": "a"}, {"p": 2, "n": "orphan"}, {"p": 3, "n": "b"}, {"p": 3, "n": "c"}], "p"
    )
    assert [c["n"] for c in children.of(1)] == ["a"]
    assert [c["n"] for c in children.of(3)] == ["b", "c"]
    assert children.of(4) == []
