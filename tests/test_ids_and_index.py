"""Migration m009: ids never reused after a delete, and the search index built for journals
that already hold notes (plain and encrypted)."""

import json
import sqlite3

from ipt_journal.store import SCHEMA_VERSION
from support import older_journal


def v5_journal(ipt, tmp_path):
    """A journal made by the version before m009, full of linked records."""
    return older_journal(tmp_path / "v5.db", 5)


def test_upgrading_keeps_every_row_and_link_and_indexes_old_notes(ipt, tmp_path):
    path = v5_journal(ipt, tmp_path)
    conn = sqlite3.connect(path)
    conn.executescript(
        """
        INSERT INTO people (id, uid, name, relationship, created_at, updated_at)
            VALUES (4, 'p4', 'Sam', 'partner', 'x', 'x');
        INSERT INTO checkins (id, uid, day, mood, note, created_at, updated_at)
            VALUES (7, 'c7', '2026-01-05', 6, 'A long walk with Sam', 'x', 'x');
        INSERT INTO interactions (checkin_id, person_id, quality, created_at, updated_at)
            VALUES (7, 4, 1, 'x', 'x');
        INSERT INTO checkin_tags VALUES (7, 'outdoors');
        INSERT INTO measures (id, uid, scale, day, answers, total, checkin_id, created_at, updated_at)
            VALUES (3, 'm3', 'gad7', '2026-01-05', '[0,0,0,0,0,0,1]', 1, 7, 'x', 'x');
        """
    )
    conn.commit()
    conn.close()
    data = json.loads(ipt.ok("--db", str(path), "checkin", "list", "--json").stdout)
    assert [(c["id"], c["uid"], c["people"], c["tags"]) for c in data] == [
        (7, "c7", [{"name": "Sam", "quality": 1, "what_happened": None, "incident": None}], ["outdoors"])
    ]
    assert ipt.rows_in(path, "SELECT id, checkin_id FROM measures") == [(3, 7)]
    assert ipt.rows_in(path, "PRAGMA foreign_key_check") == []
    assert ipt.rows_in(path, "PRAGMA user_version") == [(SCHEMA_VERSION,)]
    assert "[walk]" in ipt.ok("--db", str(path), "search", "walk").stdout
    # Cascades still work after the rebuild: deleting the check-in takes its links along.
    ipt.ok("--db", str(path), "checkin", "delete", "7", "--yes")
    assert ipt.rows_in(path, "SELECT count(*) FROM interactions") == [(0,)]
    assert ipt.rows_in(path, "SELECT checkin_id FROM measures") == [(None,)]


def test_a_deleted_id_is_never_given_again(people):
    people.ok("checkin", "--mood", "5")
    people.ok("checkin", "--mood", "6")
    people.ok("checkin", "delete", "2", "--yes")
    assert "#3" in people.ok("checkin", "--mood", "7").stdout
    people.ok("measure", "gad7", "--answers", "0,0,0,0,0,0,0")
    people.ok("measure", "delete", "1", "--yes")
    assert "#2" in people.ok("measure", "gad7", "--answers", "0,0,0,0,0,0,1", "--json").stdout.replace(
        '"id": 2', "#2"
    )
    people.ok("inventory", "remove", "Jo", "--yes")
    people.ok("inventory", "add", "--name", "Kim", "--relationship", "friend")
    assert people.rows("SELECT id FROM people WHERE name = 'Kim'") == [(4,)]


def test_search_works_on_an_encrypted_journal(people, monkeypatch):
    people.ok("checkin", "--date", "2026-01-05", "--mood", "6", "--note", "Marigolds in the garden")
    monkeypatch.setenv("IPT_JOURNAL_PASSPHRASE", "correct horse battery")
    people.ok("encrypt", "--yes")
    assert b"Marigolds" not in people.path.read_bytes()
    out = people.ok("search", "marigold").stdout
    assert out.startswith("check-in #1  2026-01-05  [Marigolds] in the garden")
    people.ok("checkin", "--mood", "4", "--note", "Rain on the marigolds")
    assert [
        c["id"] for c in json.loads(people.ok("checkin", "list", "--contains", "marigold", "--json").stdout)
    ] == [2, 1]
