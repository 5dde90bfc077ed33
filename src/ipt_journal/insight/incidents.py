"""Interpersonal incidents (what happened with someone, one line per person of a check-in)
as the screens and documents show them, and a communication analysis started from one.
Plain data; no Typer, Rich or questionary."""

import datetime as dt
from typing import TYPE_CHECKING, Any, NamedTuple

from ipt_journal.errors import InputError

if TYPE_CHECKING:
    from ipt_journal.store import Incident, Journal

ANALYSIS = "communication-analysis"  # the exercise an incident can start (IPT's own technique)


class PersonIncidents(NamedTuple):
    """One person's incidents in a window, oldest first."""

    name: str
    incidents: "list[Incident]"

    def as_json(self) -> dict:
        return {
            "name": self.name,
            "incidents": [
                {"id": i.id, "day": i.day, "quality": i.quality, "what_happened": i.what_happened}
                for i in self.incidents
            ],
        }


def by_person(
    journal: "Journal", since: dt.date | None = None, until: dt.date | None = None
) -> list[PersonIncidents]:
    """The window's incidents grouped by person (people in the order they first appear)."""
    grouped: dict[str, PersonIncidents] = {}
    for incident in journal.incidents.all(since=since, until=until):
        grouped.setdefault(incident.person, PersonIncidents(incident.person, [])).incidents.append(incident)
    return list(grouped.values())


def day_in_words(day: str) -> str:
    """'2026-11-02' -> 'Monday 2 November 2026'."""
    when = dt.date.fromisoformat(day)
    return f"{when:%A} {when.day} {when:%B %Y}"


def analysis_start(
    journal: "Journal", kind: str, incident_id: int, with_: str | None, answers: dict[str, Any]
) -> tuple[str, dict[str, Any]]:
    """A communication analysis from incident `incident_id`: its person, and the context
    answer carrying the day and the words (unless --answer context= gave one). Refuses
    another exercise, and a --with that names someone else, before any question."""
    if kind != ANALYSIS:
        raise InputError(
            f"--from-incident starts a communication analysis, not {kind!r}.",
            f"For example: ipt exercise start {ANALYSIS} --from-incident {incident_id}",
        )
    incident = journal.incidents.get(incident_id)
    if with_ is not None and with_.strip().casefold() != incident.person.casefold():
        raise InputError(
            f"Incident #{incident_id} is about {incident.person}, not {with_.strip()}.",
            "Leave out --with: the incident's person is taken.",
        )
    context = f"With {incident.person}, {day_in_words(incident.day)}: {incident.what_happened}"
    return incident.person, {"context": context, **answers}
