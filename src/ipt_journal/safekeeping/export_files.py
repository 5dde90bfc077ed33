"""The export's files: JSON safe to print, and CSV safe in a spreadsheet (a flat checkins.csv
and one file per table). Written through `files`, like every file a person names. The
readable Markdown export is documents/journal.py."""

from __future__ import annotations

import csv
import io
import json
import shutil
from collections.abc import Callable, Iterator
from json.encoder import encode_basestring  # json's own, in C where it can be
from pathlib import Path
from typing import Any

from ipt_journal.errors import InputError
from ipt_journal.safekeeping import files
from ipt_journal.store import make_private_dirs
from ipt_journal.text.safe_text import csv_cell, json_escaped


def json_text(doc: dict) -> str:
    return json_escaped(json.dumps(doc, indent=2, ensure_ascii=False)) + "\n"


def json_pieces(sections: dict[str, Any]) -> Iterator[bytes]:
    """The JSON of `sections` (export_document.sections: its lists may be iterators), byte
    for byte what `json_text` gives for the same document, in pieces of a few hundred records
    made as the records are read. json's own encoder would need the whole document first, and with
    an indent it is pure Python anyway; `_encoded` is a smaller one for the few kinds of
    values a journal holds."""
    pending: list[str] = []
    size = 0

    def flush() -> bytes:
        nonlocal size
        text = json_escaped("".join(pending))  # escapes single characters: safe to cut anywhere
        pending.clear()
        size = 0
        return text.encode()

    pending.append("{")
    for number, (key, value) in enumerate(sections.items()):
        pending.append(f"{',' if number else ''}\n  {encode_basestring(key)}: ")
        if isinstance(value, (str, int, float, bool, dict, list, tuple)) or value is None:
            pending.append(_encoded(value, "  "))
            continue
        written = 0
        for record in value:
            pending.append(f"{',' if written else '['}\n    {_encoded(record, '    ')}")
            written += 1
            size += 1
            if size >= PIECE_RECORDS:
                yield flush()
        pending.append("\n  ]" if written else "[]")
    pending.append("\n}\n")
    yield flush()


PIECE_RECORDS = 200  # about 100 KiB of a ten-year journal's JSON


# How json writes each plain value, by its exact type: C functions, one call per value.
_PLAIN: dict[type, Callable[[Any], str]] = {
    str: encode_basestring,
    int: int.__repr__,
    bool: ("false", "true").__getitem__,
    type(None): "null".format,  # format ignores the value it is given
}


def _encoded(value: Any, indent: str) -> str:
    """`value` as json.dumps(value, indent=2, ensure_ascii=False) writes it at `indent`."""
    plain = _PLAIN.get(value.__class__)
    if plain is not None:
        return plain(value)
    inner = indent + "  "
    try:
        if value.__class__ is dict:
            if not value:
                return "{}"
            fields = []
            for key, item in value.items():
                plain = _PLAIN.get(item.__class__)  # most are: spared a call of _encoded
                text = plain(item) if plain is not None else _encoded(item, inner)
                fields.append(f"{inner}{encode_basestring(key)}: {text}")
            return "{\n" + ",\n".join(fields) + f"\n{indent}}}"
        if value.__class__ is list or value.__class__ is tuple:
            if not value:
                return "[]"
            items = ",\n".join(f"{inner}{_encoded(item, inner)}" for item in value)
            return f"[\n{items}\n{indent}]"
    except TypeError:  # a key that is not text: json turns it into text, as below
        pass
    # Anything rarer (a float, a number as a key): json's own way, at this depth.
    return json.dumps(value, indent=2, ensure_ascii=False).replace("\n", "\n" + indent)


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
        raise InputError(f"{folder} is not a folder; CSV export writes one file per table into a folder.")
    created = not folder.exists()
    make_private_dirs(folder)
    targets = {table: folder / CSV_FILE_NAMES.get(table, f"{table}.csv") for table in tables}
    targets[FLAT] = folder / "checkins.csv"
    for target in targets.values():
        files.check_target(target, force, journal_path)
    contents = {table: _csv(columns(table), rows).encode() for table, rows in tables.items()}
    # With a byte-order mark, spreadsheets read the flat file as UTF-8 rather than guessing.
    contents[FLAT] = _csv(FLAT_CHECKINS, flat_checkins(tables)).encode("utf-8-sig")
    # Every file is written whole into a private folder inside `folder` first, then each is
    # renamed into place: a full disk or a file-size limit leaves no partial set of CSVs.
    try:
        with files.temp_folder(folder, journal_path) as staging:
            for table, target in targets.items():
                data = contents[table]
                files.write_atomically(
                    staging / target.name, data if isinstance(data, bytes) else data.encode()
                )
            for target in targets.values():
                files.replace(staging / target.name, target)
    except OSError as exc:
        if created:
            shutil.rmtree(folder, ignore_errors=True)
        raise InputError(f"Cannot write {folder}: {exc.strerror or exc}. Nothing was written.") from None
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
