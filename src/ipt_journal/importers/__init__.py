"""Bringing history from other apps: a Daylio export or any CSV with a date and a mood.

Every importer reads and checks the whole file first (`Source`), maps moods and people,
and hands the journal the same document `ipt export --format json` writes, merged in one
transaction by `Journal.merge`. A row's check-in uid is a hash of the row, so a file
imported twice adds nothing the second time.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ipt_journal.errors import InputError
from ipt_journal.importers.common import (
    TAG_MAX,
    MoodLabel,
    Source,
    SourceError,
    label_key,
    map_moods,
    people_for,
    uid_for,
)
from ipt_journal.text.safe_text import shell_word

if TYPE_CHECKING:
    from ipt_journal.store import Journal

FIRST_ROWS = 5
ALREADY_THERE = "already in the journal (imported before)"


@dataclass
class Mapping:
    """How moods and activities become ipt's: the options every importer takes."""

    mood_map: dict[str, int] = field(default_factory=dict)
    person_map: dict[str, str] = field(default_factory=dict)
    scale: tuple[float, float] | None = None  # numeric moods allowed, on this scale
    defaults: dict[str, int] = field(default_factory=dict)  # labels known without --mood-map


@dataclass
class Row:
    """A check-in as it will be added, for the dry run's first rows."""

    day: dt.date
    time: str | None
    mood: int
    people: list[str]
    tags: list[str]
    note: str | None


@dataclass
class Outcome:
    path: Path
    kind: str
    rows: int
    added: int
    dry_run: bool
    skipped: dict[str, int]
    first_day: dt.date | None
    last_day: dt.date | None
    moods: list[MoodLabel]
    people: dict[str, int]  # name -> check-ins with them
    tags: dict[str, int]  # tag -> check-ins with it
    first_rows: list[Row]
    remembered: dict[str, str] = field(default_factory=dict)  # tag -> the person who died it names


def mood_words(labels: list[MoodLabel], defaults: dict[str, int]) -> dict[str, str]:
    """The mood labels kept as a feeling tag beside the number: the person's own words
    ("Anxious", "ok but sleepy"), mapped with --mood-map. Daylio's five defaults say no more
    than their number, and a number on a scale is the number itself."""
    return {
        label_key(label.label): " ".join(label.label.split()).lower()
        for label in labels
        if label.how == "--mood-map" and label_key(label.label) not in defaults
    }


def import_source(journal: Journal, source: Source, mapping: Mapping, dry_run: bool) -> Outcome:
    """Merge a checked file into the journal, or with `dry_run` only say what would be added."""
    from ipt_journal.safekeeping import portable
    from ipt_journal.store.repository import stamp as utc_stamp

    moods, labels = map_moods(source, mapping.mood_map, mapping.defaults, mapping.scale)
    everyone = journal.people.all()
    # Someone who has died is not "time with them": an activity naming them stays a tag.
    people = {label_key(p.name): (p.uid, p.name) for p in everyone if p.status != "deceased"}
    died = {label_key(p.name): p.name for p in everyone if p.status == "deceased"}
    for activity, name in mapping.person_map.items():
        if label_key(name) not in people and label_key(name) not in died:
            raise InputError(
                f"--person-map: {activity} is mapped to {name}, who is not in your inventory. "
                "Nothing was imported.",
                f"Add them first: ipt inventory add --name {shell_word(name)} --relationship RELATIONSHIP",
            )
    name_of = {uid: name for uid, name in people.values()}
    words = mood_words(labels, mapping.defaults)
    entries = source.entries
    first_day = min((e.day for e in entries), default=None)
    known = {c.uid for c in journal.checkins.all(since=first_day)} if entries else set()

    checkins: list[dict] = []
    skipped = Counter(source.skipped)
    seen: Counter = Counter()
    with_people: Counter = Counter()
    tag_uses: Counter = Counter()
    first_rows: list[Row] = []
    # oldest first, so the journal's row order follows the days (Daylio writes newest first)
    for entry, mood in sorted(
        zip(entries, moods, strict=True), key=lambda pair: (pair[0].day, pair[0].time or "")
    ):
        seen[entry.key] += 1
        uid = uid_for(source.uid_prefix, f"{entry.key}\x1e{seen[entry.key]}")
        if uid in known:
            skipped[ALREADY_THERE] += 1
            continue
        person_uids, tags = people_for(entry.activities, mapping.person_map, people)
        word = words.get(label_key(entry.mood))
        if word is not None:
            # The person's own word for the mood is kept beside its number, first.
            tags = [word, *(tag for tag in tags if tag != word)]
        for tag in tags:
            if len(tag) > TAG_MAX:
                raise SourceError(
                    source.path,
                    entry.line,
                    source.mood_column if tag == word else "activities",
                    f"the tag {tag[:20]!r}... is over {TAG_MAX} characters.",
                )
        stamp = utc_stamp(dt.datetime.fromisoformat(f"{entry.day.isoformat()}T{entry.time or '12:00'}"))
        checkins.append(
            {
                "uid": uid,
                "day": entry.day,
                "mood": mood,
                "note": entry.note,
                "created_at": stamp,
                "updated_at": stamp,
                "people": [
                    # The other app never asked how it went, so neither do we: unknown.
                    {"person": person, "quality": None, "created_at": stamp, "updated_at": stamp}
                    for person in person_uids
                ],
                "tags": tags,
            }
        )
        with_people.update(name_of[uid] for uid in person_uids)
        tag_uses.update(tags)
        if len(first_rows) < FIRST_ROWS:
            first_rows.append(
                Row(entry.day, entry.time, mood, [name_of[u] for u in person_uids], tags, entry.note)
            )
    added = 0
    if checkins:
        doc = portable.Document.model_validate(
            {"format": portable.FORMAT, "format_version": portable.FORMAT_VERSION, "checkins": checkins}
        )
        counts = journal.merge(doc, dry_run=dry_run)
        added = counts.get("checkins", {}).get("added", 0)
    return Outcome(
        path=source.path,
        kind=source.kind,
        rows=len(entries) + sum(source.skipped.values()),
        added=added,
        dry_run=dry_run,
        skipped=dict(skipped),
        first_day=first_day,
        last_day=max((e.day for e in entries), default=None),
        moods=labels,
        people=dict(with_people.most_common()),
        tags=dict(tag_uses.most_common()),
        first_rows=first_rows,
        remembered={
            tag: died[key]
            for tag in tag_uses
            if (key := label_key(mapping.person_map.get(label_key(tag), tag))) in died
        },
    )
