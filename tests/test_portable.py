"""Export, import and wipe: people can take their journal anywhere, and destroy it."""

import json
import stat

import pytest

from ipt_journal.store import Journal
from support import assert_user_error, flat


@pytest.fixture
def full(people):
    """A journal with something in every table."""
    people.ok(
        "inventory",
        "edit",
        "Sam",
        "--confide",
        "--problem-area",
        "role-dispute",
        "--dispute-stage",
        "impasse",
    )
    people.ok(
        "start",
        "--start-date",
        "2026-01-05",
        "--focus",
        "role-dispute",
        "--dispute-with",
        "Sam",
        "--goal",
        "Talk calmly",
        "--phq9",
        "1,1,1,1,1,1,1,1,0",
        "--therapist",
    )
    people.ok(
        "checkin",
        "--date",
        "2026-01-12",
        "--mood",
        "6",
        "--with",
        "Sam:+1",
        "--with",
        "Jo:-1",
        "--tag",
        "work",
        "--note",
        "Dinner [ok]",
        "--goal",
        "1:4",
        "--gad7",
        "1,1,1,1,1,1,1",
    )
    people.ok("goals", "edit", "1", "Talk calmly about money")
    people.ok("safety-plan", "add", "4", "--person", "Jo", "--text", "call")
    people.ok("review", "--warning-signs", "Not sleeping", "--add-to-safety-plan", "warning-signs")
    people.ok("cope", "log", "grounding", "--helpful", "4", "--date", "2026-01-12")
    people.ok(
        "exercise",
        "start",
        "active-listening",
        "--with",
        "Jo",
        "--answer",
        "said=You never call",
        "--answer",
        "heard=She misses me",
        "--answer",
        "reflection=You miss our talks",
        "--answer",
        "check=Ask her",
        "--mood-before",
        "4",
        "--mood-after",
        "6",
        "--no-homework",
    )
    people.ok(
        "homework", "add", "Ask Jo for coffee", "--with", "Jo", "--due", "2026-01-19", "--from-exercise", "1"
    )
    people.ok("bring", "Why do I <script>freeze</script>?", "--date", "2026-01-12")
    people.ok(
        "session",
        "add",
        "--with",
        "Dr Lee",
        "--date",
        "2026-01-13",
        "--worked-on",
        "Money talks",
        "--agreed",
        "Use I-statements",
        "--homework",
        "Say how I feel to Sam",
    )
    people.ok("bring", "Still to ask", "--date", "2026-01-14")
    return people


def test_json_round_trip_is_exact(full, tmp_path):
    first = full.ok("export").stdout
    assert "not encrypted" in full("export").stderr
    (tmp_path / "export.json").write_text(first)
    empty = tmp_path / "empty.db"
    full.ok("--db", str(empty), "import", str(tmp_path / "export.json"))
    assert full.ok("--db", str(empty), "export").stdout == first
    data = json.loads(first)
    assert [p["name"] for p in data["people"]] == ["Sam", "Alex", "Jo"]
    assert data["checkins"][0]["people"][0]["person"] == data["people"][0]["uid"]
    assert data["courses"][0]["dispute_person"] == data["people"][0]["uid"]
    assert [h["text"] for h in data["goals"][0]["history"]] == ["Talk calmly", "Talk calmly about money"]
    assert [(c["strategy"], c["helpful"]) for c in data["coping"]] == [("grounding", 4)]
    assert data["homework"][0]["person"] == data["people"][2]["uid"]
    assert data["homework"][0]["exercise"] == data["exercises"][0]["uid"]
    assert data["exercises"][0]["answers"]["reflection"] == "You miss our talks"
    assert [(s["with_whom"], s["agreed"]) for s in data["therapy_sessions"]] == [
        ("Dr Lee", "Use I-statements")
    ]
    assert [(b["text"], b["discussed_in"]) for b in data["bring"]] == [
        ("Why do I <script>freeze</script>?", data["therapy_sessions"][0]["uid"]),
        ("Still to ask", None),
    ]
    assert data["homework"][1]["text"] == "Say how I feel to Sam"


def test_importing_twice_changes_nothing_the_second_time(full, tmp_path):
    (tmp_path / "e.json").write_text(full.ok("export").stdout)
    target = tmp_path / "other.db"
    out = flat(full.ok("--db", str(target), "import", str(tmp_path / "e.json")).stdout)
    assert "people: 3 added, 0 updated" in out and "checkins: 1 added" in out
    again = full.ok("--db", str(target), "import", str(tmp_path / "e.json")).stdout
    assert "Nothing to import" in again


def test_import_updates_changed_records_and_dry_run_writes_nothing(full, tmp_path):
    data = json.loads(full.ok("export").stdout)
    data["people"][1]["notes"] = "Met at the climbing wall"
    data["checkins"][0]["mood"] = 7
    (tmp_path / "e.json").write_text(json.dumps(data))
    out = flat(full.ok("import", str(tmp_path / "e.json"), "--dry-run").stdout)
    assert "people: 0 added, 1 updated" in out and "checkins: 0 added, 1 updated" in out
    assert "Nothing was changed" in out
    assert full.rows("SELECT notes FROM people WHERE name = 'Alex'") == [(None,)]
    full.ok("import", str(tmp_path / "e.json"))
    assert full.rows("SELECT notes FROM people WHERE name = 'Alex'") == [("Met at the climbing wall",)]
    assert full.rows("SELECT mood FROM checkins") == [(7,)]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["people"][0].update(closeness=5), "people[0].closeness"),
        (lambda d: d["checkins"][0].update(mood="high"), "checkins[0].mood"),
        (lambda d: d["measures"][0]["answers"].pop(), "PHQ-9 needs exactly 9 answers"),
        (
            lambda d: d["checkins"][0]["people"][0].update(person="nobody"),
            "neither in it nor in your journal",
        ),
        (lambda d: d.update(format_version=9), "this ipt reads format 1"),
        (lambda d: d.update(format="something"), "not an ipt-journal export"),
        (lambda d: d["people"][1].update(uid=d["people"][0]["uid"]), "share a uid"),
        (lambda d: d["people"][0].update(unknown_field=1), "people[0].unknown_field"),
    ],
)
def test_a_bad_file_is_refused_whole_with_a_clear_reason(full, tmp_path, change, message):
    data = json.loads(full.ok("export").stdout)
    change(data)
    (tmp_path / "bad.json").write_text(json.dumps(data))
    target = tmp_path / "target.db"
    result = full("--db", str(target), "import", str(tmp_path / "bad.json"))
    assert_user_error(result, message)
    assert not target.exists() or full.rows_in(target, "SELECT count(*) FROM people") == [(0,)]


def test_not_json_and_same_name_conflicts_are_refused(full, tmp_path):
    (tmp_path / "x.json").write_text("{ not json")
    assert_user_error(full("import", str(tmp_path / "x.json")), "The file is not JSON")
    other = tmp_path / "other.db"
    full.ok("--db", str(other), "inventory", "add", "--name", "Sam", "--relationship", "friend")
    (tmp_path / "e.json").write_text(full.ok("export").stdout)
    assert_user_error(full("--db", str(other), "import", str(tmp_path / "e.json")), "different person")
    assert full.rows_in(other, "SELECT count(*) FROM checkins") == [(0,)]


def test_export_files_are_private_and_written_whole(full, tmp_path):
    out = tmp_path / "mine.json"
    full.ok("export", "-o", str(out))
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert json.loads(out.read_text())["format"] == "ipt-journal-export"
    full.ok("export", "--format", "csv", "-o", str(tmp_path / "csv"))
    files = sorted(p.name for p in (tmp_path / "csv").iterdir())
    tables = [("checkins_table" if table == "checkins" else table) + ".csv" for table in Journal.TABLES]
    assert files == sorted([*tables, "checkins.csv"])
    assert (tmp_path / "csv" / "reviews.csv").read_text().startswith("id,uid,day,")
    assert stat.S_IMODE((tmp_path / "csv" / "people.csv").stat().st_mode) == 0o600
    assert_user_error(full("export", "--format", "csv"), "CSV export needs a folder")
    assert_user_error(full("export", "--format", "pdf"), "--format must be json, csv or markdown")


def test_markdown_is_a_readable_journal(full):
    text = full.ok("export", "--format", "markdown").stdout
    assert text.startswith("# My IPT journal")
    assert "### Sam (partner, inner circle)" in text
    assert "- Problem area: role dispute" in text and "- Dispute stage: impasse (talks have stopped)" in text
    assert "- Focus: role dispute with Sam" in text
    assert "### 2026-01-12: mood 6/10" in text and "- With: Sam (well, +1), Jo (badly, -1)" in text
    assert "- Note: Dinner \\[ok\\]" in text  # journal text stays text
    assert "| 2026-01-12 | GAD-7 | 7/21 | mild |" in text
    assert "| Talk calmly about money | open | 4/10 on 2026-01-12 |" in text
    assert "Active listening practice with Jo, mood 4 before and 6 after" in text
    assert "- What did they say? You never call" in text
    assert "- Ask Jo for coffee (open, due 2026-01-19, with Jo)" in text
    assert "### 2026-01-13, with Dr Lee" in text and "- Agreed: Use I-statements" in text
    assert "Why do I &lt;script&gt;freeze&lt;/script&gt;? (noted 2026-01-12, discussed 2026-01-13)" in text
    assert "- Still to ask (noted 2026-01-14, open)" in text
    assert "Jo: call" in text and "Early warning signs: Not sleeping" in text
    for slug in ("role-dispute", "uid", "<script"):
        assert slug not in text, slug


def test_markdown_leaves_out_empty_sections(people):
    text = people.ok("export", "--format", "markdown").stdout
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    assert headings == ["## People"]


def test_csv_export_adds_a_flat_checkins_file(full, tmp_path):
    import csv

    folder = tmp_path / "csv"
    full.ok("export", "--format", "csv", "-o", str(folder))
    with open(folder / "checkins.csv", newline="", encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    assert rows == [
        {
            "day": "2026-01-12",
            "mood": "6",
            "people": "Sam (+1); Jo (-1)",
            "tags": "work",
            "note": "Dinner [ok]",
        }
    ]
    assert (folder / "checkins.csv").read_bytes().startswith(b"\xef\xbb\xbfday,mood,people,tags,note")
    assert (folder / "checkins_table.csv").read_text().startswith("id,uid,day,mood,note")


def test_deleted_text_does_not_linger_in_the_file(people):
    people.ok("checkin", "--mood", "5", "--note", "MARKER-7f3a secret words")
    people.ok("checkin", "delete", "1", "--yes")
    for suffix in ("", "-wal"):
        path = type(people.path)(f"{people.path}{suffix}")
        if path.exists():
            assert b"MARKER-7f3a" not in path.read_bytes()


def test_wipe_removes_journal_and_backups_and_says_what_it_cannot_reach(full, tmp_path):
    full.ok("backup")
    full.ok("config", "set", "country", "GB")
    assert_user_error(full("wipe"), "--yes")
    assert full.path.exists()
    out = flat(full.ok("wipe", "--yes").stdout)
    assert str(full.path) in out and "journal-" in out and "cannot reach" in out
    assert not full.path.exists() and not (full.path.parent / "backups").exists()
    assert (tmp_path / "config" / "config.json").exists()  # settings only when asked
    full.ok("wipe", "--yes", "--settings")
    assert not (tmp_path / "config" / "config.json").exists()
    assert "nothing to wipe" in full.ok("wipe", "--yes").stdout
