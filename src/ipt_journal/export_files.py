"""The export's files: JSON safe to print, and one CSV file per table, safe in a spreadsheet.
Written through `files`, like every file a person names."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Callable
from pathlib import Path

from ipt_journal import files
from ipt_journal.safe_text import csv_cell, json_escaped
from ipt_journal.store import make_private_dirs


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
    targets = {table: folder / f"{table}.csv" for table in tables}
    for target in targets.values():
        files.check_target(target, force, journal_path)
    for table, rows in tables.items():
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=columns(table))
        writer.writeheader()
        writer.writerows({key: csv_cell(value) for key, value in row.items()} for row in rows)
        files.write_user_file(
            targets[table], buffer.getvalue().encode(), force=True, journal_path=journal_path
        )
    return len(targets)


# ------------------------------------------------------------------ Markdown


def markdown(doc: dict, today: dt.date) -> str:
    """A readable journal to print or bring to a therapist."""
    from ipt_journal.safe_text import markdown as md
    from ipt_journal.scales import SCALES
    from ipt_journal.vocab import SAFETY_STEPS

    names = {p["uid"]: md(p["name"]) for p in doc["people"]}
    lines = [
        "# My IPT journal",
        "",
        f"Printed {today.isoformat()}. Private: this file is not encrypted.",
        "",
    ]
    lines += ["## People", ""]
    for p in doc["people"]:
        ring = f", ring {p['closeness']}" if p["closeness"] else ""
        lines.append(
            f"### {md(p['name'])} ({md(p['relationship'].replace('-', ' '))}, {md(p['status'])}{ring})"
        )
        lines.append("")
        for key, label in (
            ("satisfying", "Satisfying"),
            ("unsatisfying", "Unsatisfying"),
            ("their_expectations", "They expect of me"),
            ("my_expectations", "I expect of them"),
            ("expectations_met", "Expectations met"),
            ("change", "I would like to change"),
            ("problem_area", "Problem area"),
            ("dispute_stage", "Dispute stage"),
            ("notes", "Notes"),
        ):
            if p.get(key):
                lines.append(f"- {label}: {md(p[key])}")
        lines.append("")
    lines += ["## Check-ins", ""]
    for c in sorted(doc["checkins"], key=lambda c: (c["day"], c["created_at"])):
        with_ = ", ".join(f"{names.get(i['person'], '?')} ({i['quality']:+d})" for i in c["people"])
        lines.append(f"### {c['day']}: mood {c['mood']}/10")
        lines.append("")
        if with_:
            lines.append(f"- With: {with_}")
        if c["tags"]:
            lines.append(f"- Tags: {', '.join(md(tag) for tag in c['tags'])}")
        if c["note"]:
            lines.append(f"- Note: {md(c['note'])}")
        lines.append("")
    if doc["measures"]:
        lines += ["## Questionnaires", "", "| Day | Scale | Total | Range |", "| --- | --- | ---: | --- |"]
        for m in sorted(doc["measures"], key=lambda m: (m["day"], m["scale"])):
            scale = SCALES[m["scale"]]
            total = sum(m["answers"])
            lines.append(f"| {m['day']} | {scale.name} | {total}/{scale.max_total} | {scale.band(total)} |")
        lines.append("")
    if doc["goals"]:
        lines += ["## Goals", ""]
        lines += [f"- {md(g['text'])} ({g['status']})" for g in doc["goals"]]
        lines.append("")
    if doc["safety_plan"]:
        lines += ["## Safety plan", ""]
        for step, title in SAFETY_STEPS.items():
            entries = [s for s in doc["safety_plan"] if s["step"] == step]
            if entries:
                lines.append(f"{step}. {title}")
                for s in entries:
                    who = names.get(s["person"], "") if s["person"] else ""
                    lines.append(f"   - {': '.join(part for part in (who, md(s['text'] or '')) if part)}")
        lines.append("")
    for r in doc["reviews"]:
        lines += [f"## Review of {r['day']}", ""]
        for key, label in (
            ("what_changed", "What changed"),
            ("what_helped", "What helped"),
            ("warning_signs", "Early warning signs"),
            ("keep_practising", "Keep practising"),
        ):
            if r.get(key):
                lines.append(f"- {label}: {md(r[key])}")
        lines.append("")
    return "\n".join(lines)
