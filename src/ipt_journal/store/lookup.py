"""Quick reads for Tab completion: a few values, read without creating, migrating,
prompting or waiting. A journal that is missing, older or newer, or encrypted without its
passphrase in the environment, simply offers nothing."""

from __future__ import annotations

import os
from pathlib import Path

from ipt_journal.store.connection import DB_ERRORS, PASSPHRASE_ENV, connect, is_encrypted
from ipt_journal.store.core import SCHEMA_VERSION

# What can be completed: each query gives (value, a few words to show beside it).
QUERIES = {
    "people": "SELECT name, relationship || CASE WHEN status = 'deceased' THEN ', died' ELSE '' END "
    "FROM people ORDER BY name COLLATE NOCASE",
    # For --with a check-in, a task, a dispute or the safety plan: never someone who has died.
    "living": "SELECT name, relationship FROM people WHERE status != 'deceased' ORDER BY name COLLATE NOCASE",
    "tags": (
        "SELECT tag, count(*) || iif(count(*) = 1, ' check-in', ' check-ins') FROM checkin_tags"
        " GROUP BY tag ORDER BY count(*) DESC"
    ),
    "checkins": "SELECT id, day || ', mood ' || mood FROM checkins ORDER BY id DESC LIMIT 40",
    "measures": "SELECT id, day || ', ' || scale || ' ' || total FROM measures ORDER BY id DESC LIMIT 40",
    "homework": "SELECT id, coalesce('due ' || due, status) FROM homework WHERE status = 'open' ORDER BY id",
    "exercises": "SELECT id, day || ', ' || kind FROM exercises ORDER BY id DESC LIMIT 40",
    # The day and the person, never the words: what a person wrote stays out of the shell.
    "incidents": "SELECT n.id, c.day || ', ' || p.name FROM incidents n "
    "JOIN checkins c ON c.id = n.checkin_id JOIN people p ON p.id = n.person_id ORDER BY n.id DESC LIMIT 40",
    "safety_plan": "SELECT id, 'step ' || step FROM safety_plan_items ORDER BY step, id",
    "strategies": "SELECT key, name FROM coping_strategies ORDER BY key",
}


def values(path: Path, what: str) -> list[tuple[str, str]]:
    if not path.is_file():
        return []
    key = os.environ.get(PASSPHRASE_ENV) if is_encrypted(path) else None
    if is_encrypted(path) and not key:
        return []
    try:
        conn = connect(path, key, read_only=True, timeout=0.5)
    except Exception:  # noqa: BLE001 - completion offers nothing rather than failing
        return []
    try:
        if conn.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION:
            return []
        return [(str(row[0]), str(row[1] or "")) for row in conn.execute(QUERIES[what])]
    except DB_ERRORS:
        return []
    finally:
        conn.close()
