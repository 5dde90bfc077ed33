"""Life events in the domain: reading the date a person gives one, and the events of a window.

The IPT timeline sets life events with people beside changes in mood. Other features (the
report, the pre-session summary, the clinician report, the review) ask for events through
`events_in_window`, which hands back plain `LifeEvent` records.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from ipt_journal.text.dates import parse_day_or_month

if TYPE_CHECKING:
    from ipt_journal.store import Journal, LifeEvent


def parse_when(text: str, what: str = "--date") -> tuple[dt.date, bool]:
    """When an event happened: a day (anything `parse_day` reads) or only a month written
    YYYY-MM. Returns the day and whether it is approximate (month only; the day is then the
    1st). A month or day still to come is refused as the person wrote it."""
    return parse_day_or_month(text, what)


def events_in_window(journal: Journal, since: dt.date | None, until: dt.date | None) -> list[LifeEvent]:
    """The life events from `since` to `until`, both included (None leaves that end open),
    oldest first. An event known only by its month is included when that month overlaps
    the window. Each `LifeEvent` carries `day` (YYYY-MM-DD), `approximate`, `kind` (an
    `EventKind` value), `people` (names, sorted) and `note`; `event.when` is the date as
    the person gave it."""
    return journal.events.between(since, until)


def event_json(event: LifeEvent) -> dict:
    """A life event in every --json that lists one (event list, report, review, timeline,
    inventory show): the date as given in `when`, no storage stamps."""
    return {
        "id": event.id,
        "day": event.day,
        "approximate": event.approximate,
        "when": event.when,
        "kind": event.kind,
        "people": event.people,
        "note": event.note,
    }


def kind_label(kind: str) -> str:
    from ipt_journal.clinical.vocab import EventKind

    try:
        return EventKind(kind).label
    except ValueError:
        return kind
