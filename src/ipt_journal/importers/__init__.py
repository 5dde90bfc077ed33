"""Bringing history from other apps: a Daylio export or any CSV with a date and a mood.

Every importer checks the whole file first, a row at a time (`Source`), maps moods and
people, and hands the journal the check-ins `ipt export --format json` would write, read
again as they are merged, in one transaction, by `Journal.merge`. A row's check-in uid is a
hash of the row, so a file imported twice adds nothing the second time.
"""

import datetime as dt
from array import array
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from ipt_journal.errors import InputError
from ipt_journal.importers.common import (
    EXAMPLES,
    TAG_MAX,
    Entry,
    MoodLabel,
    Moods,
    Source,
    SourceError,
    first_problems,
    label_key,
    people_for,
    uid_for,
)
from ipt_journal.text.safe_text import shell_word

if TYPE_CHECKING:
    from ipt_journal.safekeeping import portable
    from ipt_journal.store import Journal

FIRST_ROWS = 5
BATCH = 500  # check-ins looked up in the journal at a time
ALREADY_THERE = "already in the journal (imported before)"


@dataclass
class Mapping:
    """How moods and activities become ipt's: the options every importer takes."""

    mood_map: dict[str, int] = field(default_factory=dict)
    person_map: dict[str, str] = field(default_factory=dict)
    scale: tuple[float, float] | None = None  # numeric moods allowed, on this scale
    defaults: dict[str, int] = field(default_factory=dict)  # labels known without --mood-map


class Row(NamedTuple):
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


def import_source(journal: "Journal", source: Source, mapping: Mapping, dry_run: bool) -> Outcome:
    """Merge a file into the journal, or with `dry_run` only say what would be added.

    The file is read twice, a row at a time, never whole: first every row is checked (reading
    stops at the first few problems) and only a number per row is kept, its day, time and place
    in the file; then the rows are read again oldest first and merged as they come, in one
    transaction, so a failed import writes nothing."""
    from ipt_journal.importers.rows import in_order

    people, died = _inventory(journal, mapping)
    moods = Moods(source, mapping.mood_map, mapping.defaults, mapping.scale)
    survey = _survey(source, moods, mapping, people)
    moods.check()
    stream = _Checkins(journal, source, moods, mapping, people)
    added = 0
    if len(survey.keys):
        checkins = stream.docs(in_order(survey.keys))
        counts = journal.merge(_OnlyCheckins(checkins), dry_run=dry_run)
        added = counts.get("checkins", {}).get("added", 0)
    source.file.handle.close()
    skipped = Counter(survey.skipped)
    if stream.already:
        skipped[ALREADY_THERE] += stream.already
    return Outcome(
        path=source.path,
        kind=source.kind,
        rows=survey.rows,
        added=added,
        dry_run=dry_run,
        skipped=dict(skipped),
        first_day=survey.first_day,
        last_day=survey.last_day,
        moods=moods.found(),
        people=dict(stream.with_people.most_common()),
        tags=dict(stream.tag_uses.most_common()),
        first_rows=stream.first_rows,
        remembered={
            tag: died[key]
            for tag in stream.tag_uses
            if (key := label_key(mapping.person_map.get(label_key(tag), tag))) in died
        },
    )


People = dict[str, tuple[str, str]]  # name key -> (uid, name), the living of the inventory


def _inventory(journal: "Journal", mapping: Mapping) -> tuple[People, dict[str, str]]:
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
    return people, died


@dataclass
class _Survey:
    """What the first pass keeps: a number per row to import, and counts."""

    keys: array = field(default_factory=lambda: array("q"))
    rows: int = 0
    skipped: Counter = field(default_factory=Counter)
    first_day: dt.date | None = None
    last_day: dt.date | None = None


def _survey(source: Source, moods: Moods, mapping: Mapping, people: People) -> _Survey:
    """Check every row, keeping only its sort key; stop after the first few problems."""
    from ipt_journal.importers.rows import sort_key

    survey = _Survey()
    problems: list[SourceError] = []
    for line, offset, row in source.file.rows():
        survey.rows += 1
        try:
            entry = source.read_row(line, row)
            if isinstance(entry, str):
                survey.skipped[entry] += 1
                continue
            moods.of(entry)
            _tags(source, entry, mapping, people, moods)
        except SourceError as problem:
            problems.append(problem)
            if len(problems) == EXAMPLES:
                break
            continue
        survey.keys.append(sort_key(entry.day.toordinal(), entry.time, offset))
        if survey.first_day is None or entry.day < survey.first_day:
            survey.first_day = entry.day
        if survey.last_day is None or entry.day > survey.last_day:
            survey.last_day = entry.day
    if problems:
        raise first_problems(problems, stopped=len(problems) == EXAMPLES)
    return survey


def _tags(
    source: Source, entry: Entry, mapping: Mapping, people: People, moods: Moods
) -> tuple[list[str], list[str]]:
    person_uids, tags = people_for(entry.activities, mapping.person_map, people)
    word = _mood_word(moods, mapping, entry)
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
    return person_uids, tags


def _mood_word(moods: Moods, mapping: Mapping, entry: Entry) -> str | None:
    """The entry's mood label as a tag, when `mood_words` keeps it (its label is counted)."""
    label = moods.labels[label_key(entry.mood)]
    return mood_words([label], mapping.defaults).get(label_key(entry.mood))


class _OnlyCheckins(NamedTuple):
    """The records a merge reads (store.merging.Records): check-ins, as they are read."""

    checkins: "Iterable[portable.CheckinDoc]"
    people: tuple = ()
    incidents: tuple = ()
    measures: tuple = ()
    courses: tuple = ()
    goals: tuple = ()
    safety_plan: tuple = ()
    reviews: tuple = ()
    staying_well: tuple = ()
    safety_plan_closing: tuple = ()
    midpoints: tuple = ()
    drafts: tuple = ()
    coping: tuple = ()
    strategies: tuple = ()
    exercises: tuple = ()
    homework: tuple = ()
    events: tuple = ()
    therapy_sessions: tuple = ()
    bring: tuple = ()
    pathway_steps: tuple = ()
    pathway_weeks: tuple = ()
    deleted: tuple = ()


class _Checkins:
    """The second pass: the checked rows read again oldest first, as check-ins to merge, with
    what the summary tells (people, tags, the first rows, those already imported)."""

    def __init__(
        self, journal: "Journal", source: Source, moods: Moods, mapping: Mapping, people: People
    ) -> None:
        self.journal = journal
        self.source = source
        self.moods = moods
        self.mapping = mapping
        self.people = people
        self.name_of = {uid: name for uid, name in people.values()}
        self.with_people: Counter = Counter()
        self.tag_uses: Counter = Counter()
        self.first_rows: list[Row] = []
        self.already = 0

    def docs(self, keys: Iterator[int]) -> "Iterator[portable.CheckinDoc]":
        batch: list[dict] = []
        for checkin in self._checkins(keys):
            batch.append(checkin)
            if len(batch) == BATCH:
                yield from self._new(batch)
                batch = []
        yield from self._new(batch)

    def _checkins(self, keys: Iterator[int]) -> Iterator[dict]:
        from ipt_journal.importers.rows import day_and_time_of, offset_of
        from ipt_journal.store.repository import stamp as utc_stamp

        # Identical rows share a day and time, so counting them within one is counting them in
        # the file: the nth copy of a row always gets the same uid.
        seen: Counter = Counter()
        moment = None
        for key in keys:
            if day_and_time_of(key) != moment:
                moment, seen = day_and_time_of(key), Counter()
            entry = self.source.read_row(0, self.source.file.row_at(offset_of(key)))
            assert not isinstance(entry, str)  # the first pass kept only rows to import
            seen[entry.key] += 1
            person_uids, tags = _tags(self.source, entry, self.mapping, self.people, self.moods)
            stamp = utc_stamp(dt.datetime.fromisoformat(f"{entry.day.isoformat()}T{entry.time or '12:00'}"))
            yield {
                "uid": uid_for(self.source.uid_prefix, f"{entry.key}\x1e{seen[entry.key]}"),
                "day": entry.day,
                "mood": self.moods.of(entry, count=False),
                "note": entry.note,
                "created_at": stamp,
                "updated_at": stamp,
                "local_time": entry.time,  # as the other app's clock said it
                "people": [
                    # The other app never asked how it went, so neither do we: unknown.
                    {"person": person, "quality": None, "created_at": stamp, "updated_at": stamp}
                    for person in person_uids
                ],
                "tags": tags,
                "_entry": entry,
            }

    def _new(self, batch: list[dict]) -> "Iterator[portable.CheckinDoc]":
        from ipt_journal.safekeeping import portable

        known = self.journal.known_uids("checkins", [checkin["uid"] for checkin in batch])
        for checkin in batch:
            entry = checkin.pop("_entry")
            if checkin["uid"] in known:
                self.already += 1
                continue
            uids = [person["person"] for person in checkin["people"]]
            self.with_people.update(self.name_of[uid] for uid in uids)
            self.tag_uses.update(checkin["tags"])
            if len(self.first_rows) < FIRST_ROWS:
                self.first_rows.append(
                    Row(
                        entry.day,
                        entry.time,
                        checkin["mood"],
                        [self.name_of[u] for u in uids],
                        checkin["tags"],
                        entry.note,
                    )
                )
            yield portable.CheckinDoc.model_validate(checkin)
