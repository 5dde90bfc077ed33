"""`ipt search` finds check-ins by their tags, tags with spaces included (issue 24, point 3)."""

import json
import sqlite3

from ipt_journal.store.search import SOURCES, SearchSource, drop_fts_statements, fts_statements
from support import older_journal


def found(ipt, *query: str) -> list[tuple[str, int, str]]:
    return [
        (hit["kind"], hit["id"], hit["snippet"])
        for hit in json.loads(ipt.ok("search", *query, "--json").stdout)
    ]


def tagged(ipt) -> None:
    ipt.ok("checkin", "--mood", "6", "--note", "quiet evening", "--tag", "movies / tv", "--tag", "Family",
           "--date", "2026-11-01")  # fmt: skip
    ipt.ok("checkin", "--mood", "4", "--note", "a long walk", "--tag", "outdoors", "--date", "2026-11-02")


def test_a_tag_finds_its_checkin_once_with_the_tag_in_the_snippet(ipt):
    tagged(ipt)
    assert found(ipt, "movies / tv") == [("check-in", 1, "quiet evening #family #movies / tv")]
    assert found(ipt, '"movies tv"') == [("check-in", 1, "quiet evening #family #movies / tv")]
    assert found(ipt, "family") == [("check-in", 1, "quiet evening #family #movies / tv")]
    assert found(ipt, "outdoors") == [("check-in", 2, "a long walk #outdoors")]
    # A check-in whose note and tag both match is one hit, not two.
    ipt.ok("checkin", "--mood", "5", "--note", "outdoors all day", "--tag", "outdoors",
           "--date", "2026-11-03")  # fmt: skip
    assert [hit[1] for hit in found(ipt, "outdoors")] == [3, 2]
    assert [hit[1] for hit in found(ipt, "outdoors", "--kind", "check-in")] == [3, 2]


def test_the_screen_shows_the_tag_and_where_to_read_the_checkin(ipt):
    tagged(ipt)
    out = ipt.ok("--plain", "search", "movies / tv").stdout
    assert out.splitlines() == ["check-in #1  2026-11-01  quiet evening #family #[movies] / [tv]"]


def test_changed_and_removed_tags_are_no_longer_found(ipt):
    tagged(ipt)
    ipt.ok("checkin", "edit", "1", "--tag", "cinema")
    assert found(ipt, "movies") == []
    assert found(ipt, "cinema") == [("check-in", 1, "quiet evening #cinema")]
    ipt.ok("checkin", "edit", "1", "--note", "a film with Jo")
    assert found(ipt, "cinema") == [("check-in", 1, "a film with Jo #cinema")]
    ipt.ok("checkin", "delete", "1", "--yes")
    assert found(ipt, "cinema") == []
    assert ipt.rows("SELECT count(*) FROM checkins_fts") == [(1,)]
    assert found(ipt, "outdoors") == [("check-in", 2, "a long walk #outdoors")]


def test_a_one_line_checkin_is_found_by_its_tag(ipt):
    ipt.ok("checkin", "6", "dinner went well #family", "--date", "2026-11-05")
    assert [hit[0:2] for hit in found(ipt, "family")] == [("check-in", 1)]


def test_an_imported_checkins_tags_are_found(ipt, tmp_path):
    tagged(ipt)
    export = tmp_path / "export.json"
    ipt.ok("export", "--format", "json", "-o", str(export))
    other = tmp_path / "other.db"
    ipt.ok("--db", str(other), "import", str(export))
    hits = json.loads(ipt.ok("--db", str(other), "search", "movies / tv", "--json").stdout)
    assert [(hit["kind"], hit["snippet"]) for hit in hits] == [
        ("check-in", "quiet evening #family #movies / tv")
    ]


def test_a_journal_from_before_m018_finds_the_tags_it_already_holds(ipt):
    tagged(ipt)
    # As the release before m018 left it: the check-ins' index held their notes only.
    checkins = SOURCES[0]
    conn = sqlite3.connect(ipt.path)
    notes_only = SearchSource("check-in", "checkins", ("note",))
    for statement in drop_fts_statements(checkins) + fts_statements(notes_only):
        conn.execute(statement)
    conn.execute("ALTER TABLE goals DROP COLUMN set_on")  # m018's other change
    conn.execute("PRAGMA user_version = 17")
    conn.execute("DELETE FROM _sqlite_migrations WHERE name LIKE 'm018%'")
    conn.commit()
    assert conn.execute("SELECT rowid FROM checkins_fts WHERE checkins_fts MATCH 'movies'").fetchall() == []
    conn.close()
    assert found(ipt, "movies / tv") == [("check-in", 1, "quiet evening #family #movies / tv")]
    ipt.ok("checkin", "edit", "2", "--tag", "river")
    assert found(ipt, "river") == [("check-in", 2, "a long walk #river")]


def test_a_journal_made_at_version_14_migrates_to_tag_search(ipt, tmp_path):
    path = older_journal(tmp_path / "v14.db", 14)
    ipt.ok("--db", str(path), "checkin", "--mood", "5", "--tag", "movies / tv", "--date", "2026-11-01")
    hits = json.loads(ipt.ok("--db", str(path), "search", "movies / tv", "--json").stdout)
    assert [(hit["kind"], hit["snippet"]) for hit in hits] == [("check-in", "#movies / tv")]
