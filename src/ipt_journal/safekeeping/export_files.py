"""The export's files: JSON safe to print, and CSV safe in a spreadsheet (a flat checkins.csv
and one file per table). Written through `files`, like every file a person names. The
readable Markdown export is documents/journal.py."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

from ipt_journal.safekeeping import files
from ipt_journal.store import make_private_dirs
from ipt_journal.text.safe_text import csv_cell, json_escaped


def json_text(doc: dict) -> str:
    return json_escaped(json.dumps(doc, indent=2, ensure_ascii=False)) + "\n"


def write_csv_folder(
    folder: Path,
    tables: dict[str, list[dict]],
    columns: Callable[[str], list[str]],
    force: bool = False,
    journal_path: Path | None = None,
) -> int:
    """One CSV file per table in `folder` (created 0700 if missing). Every file is checked
    before the first is written, so a refused one leaves the folder as it was."""
    if folder.exists() and not folder.is_dir():
        from ipt_journal.errors import InputError

        raise InputError(f"{folder} is not a folder; CSV export writes one file per table into a folder.")
    make_private_dirs(folder)
    targets = {table: folder / CSV_FILE_NAMES.get(table, f"{table}.csv") for table in tables}
    targets[FLAT] = folder / "checkins.csv"
    for target in targets.values():
        files.check_target(target, force, journal_path)
    contents = {table: _csv(columns(table), rows) for table, rows in tables.items()}
    # With a byte-order mark, spreadsheets read the flat file as UTF-8 rather than guessing.
    contents[FLAT] = _csv(FLAT_CHECKINS, flat_checkins(tables)).encode("utf-8-sig")
    for table, target in targets.items():
        data = contents[table]
        files.write_user_file(
            target, data if isinstance(data, bytes) else data.encode(), force=True, journal_path=journal_path
        )
    return len(targets)


FLAT = "checkins (flat)"
FLAT_CHECKINS = ("day", "mood", "people", "tags", "note")
# The raw checkins table goes beside it under another name: checkins.csv is the flat one.
CSV_FILE_NAMES = {"checkins": "checkins_table.csv"}


def _csv(fieldnames, rows) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=fieldnames)
    writer.writeheader()
    writer.writerows({key: csv_cell(value) for key, value in row.items()} for row in rows)
    return buffer.getvalue()


def flat_checkins(tables: dict[str, list[dict]]) -> list[dict]:
    """One row per check-in for a spreadsheet: day, mood, people with how it went, tags, note."""
    from ipt_journal.clinical.vocab import went

    names = {p["id"]: p["name"] for p in tables["people"]}
    people: dict[int, list[str]] = {}
    for i in tables["interactions"]:
        people.setdefault(i["checkin_id"], []).append(f"{names[i['person_id']]} ({went(i['quality'])})")
    tags: dict[int, list[str]] = {}
    for t in tables.get("checkin_tags", []):
        tags.setdefault(t["checkin_id"], []).append(t["tag"])
    return [
        {
            "day": c["day"],
            "mood": c["mood"],
            "people": "; ".join(people.get(c["id"], [])),
            "tags": "; ".join(tags.get(c["id"], [])),
            "note": c["note"] or "",
        }
        for c in sorted(tables["checkins"], key=lambda c: (c["day"], c["created_at"]))
    ]
