"""`ipt search` finds what was written anywhere (issue 24, point 3): the inventory's answers,
the course's reason and formulation, goals, the safety plan and the staying-well plan."""

import json

from ipt_journal.store.core import SCHEMA_VERSION
from support import older_journal


def written_everywhere(ipt):
    ipt.ok("inventory", "add", "--name", "Sam", "--relationship", "partner", "--closeness", "1",
           "--satisfying", "long walks by the river")  # fmt: skip
    ipt.ok("start", "--weeks", "12", "--start-date", "2026-10-01", "--reason", "rows about the river house",
           "--goal", "Swim in the river again")  # fmt: skip
    ipt.ok("safety-plan", "add", "2", "--text", "a walk by the river")
    ipt.ok("staying-well", "edit", "--warning-signs", "avoiding the river path")


def test_search_finds_the_inventory_course_goals_and_both_plans(ipt):
    written_everywhere(ipt)
    hits = json.loads(ipt.ok("search", "river", "--json").stdout)
    assert sorted(hit["kind"] for hit in hits) == ["course", "goal", "person", "safety-plan", "staying-well"]
    # Empty answers between the name and this one make no paragraph break in the snippet.
    assert {hit["kind"]: hit["snippet"] for hit in hits}["person"] == "Sam long walks by the river"
    only = json.loads(ipt.ok("search", "river", "--kind", "staying-well", "--json").stdout)
    assert [hit["snippet"] for hit in only] == ["avoiding the river path"]


def test_a_changed_or_removed_answer_is_no_longer_found(ipt):
    written_everywhere(ipt)
    ipt.ok("inventory", "edit", "Sam", "--satisfying", "cooking together")
    kinds = [hit["kind"] for hit in json.loads(ipt.ok("search", "river", "--json").stdout)]
    assert "person" not in kinds
    assert [hit["kind"] for hit in json.loads(ipt.ok("search", "cooking", "--json").stdout)] == ["person"]
    ipt.ok("inventory", "remove", "Sam", "--yes")
    assert json.loads(ipt.ok("search", "cooking", "--json").stdout) == []


def test_an_older_journal_gets_the_new_sources_with_what_it_already_holds(ipt):
    written_everywhere(ipt)
    # As a journal of the release before m014 left it: no FTS table for the new sources.
    import sqlite3

    conn = sqlite3.connect(ipt.path)
    for table in ("people", "courses", "goals", "safety_plan_items", "staying_well"):
        conn.execute(f"DROP TABLE IF EXISTS {table}_fts")
        for trigger in ("insert", "delete", "update"):
            conn.execute(f"DROP TRIGGER IF EXISTS {table}_fts_{trigger}")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION - 1}")
    conn.execute("DELETE FROM _sqlite_migrations WHERE name LIKE 'm014%'")
    conn.commit()
    conn.close()
    hits = json.loads(ipt.ok("search", "river", "--json").stdout)
    assert len(hits) == 5
    assert ipt.rows("PRAGMA user_version") == [(SCHEMA_VERSION,)]


def test_a_journal_made_at_each_older_version_migrates_to_the_search_of_everything(ipt, tmp_path):
    for version in (8, 12):
        path = older_journal(tmp_path / f"v{version}.db", version)
        ipt.ok("--db", str(path), "inventory", "add", "--name", "Jo", "--relationship", "sibling",
               "--satisfying", "talks about the river")  # fmt: skip
        hits = json.loads(ipt.ok("--db", str(path), "search", "river", "--json").stdout)
        assert [hit["kind"] for hit in hits] == ["person"], version
