"""Crisis resources: the one table of crisis lines in the code, and the words around them.

Numbers here are checked facts (see docs/safety.md for the sources and the date they
were checked); apps have shipped dead numbers, so every entry is covered by a test
and nothing else in the code spells a number out. Imports nothing heavy: `ipt crisis`
must work even when the journal cannot be opened.
"""

from __future__ import annotations

from dataclasses import dataclass

FIND_A_HELPLINE = "findahelpline.com lists free, confidential helplines in many other countries."


@dataclass(frozen=True)
class CrisisLines:
    country: str  # ISO 3166-1 alpha-2
    name: str
    lines: tuple[str, ...]
    emergency: str


CRISIS_LINES: dict[str, CrisisLines] = {
    "US": CrisisLines("US", "United States", ("Call or text 988 (Suicide & Crisis Lifeline).",), "911"),
    "CA": CrisisLines("CA", "Canada", ("Call or text 988 (Suicide Crisis Helpline).",), "911"),
    "GB": CrisisLines("GB", "United Kingdom", ("Call Samaritans on 116 123, free, day or night.",), "999"),
    "IE": CrisisLines("IE", "Ireland", ("Call Samaritans on 116 123, free, day or night.",), "112"),
}
# Most of the world, the EU included, answers 112 for emergencies.
DEFAULT_EMERGENCY = "112"

CALM_OPENING = (
    "Thank you for answering honestly. You said you have had thoughts of being better off "
    "dead or of hurting yourself. That can be very hard to carry, and you do not have to "
    "carry it alone."
)
ALWAYS_THERE = "These are always here: run `ipt crisis` at any time."
PLAN_SUGGESTION = (
    "A safety plan, written while things are calmer, can help in the hard moments: "
    "`ipt safety-plan edit` walks you through one."
)


def known_country(code: str) -> bool:
    return code.upper() in CRISIS_LINES


def resources(country: str | None) -> list[str]:
    """The lines to show: the country's own when it is set and known, else every one we list."""
    chosen = CRISIS_LINES.get((country or "").upper())
    if chosen:
        return [
            *chosen.lines,
            f"In an emergency, or if you might act on these thoughts, call {chosen.emergency}.",
            FIND_A_HELPLINE,
        ]
    lines = [f"{entry.name}: {line}" for entry in CRISIS_LINES.values() for line in entry.lines]
    by_number: dict[str, list[str]] = {}
    for entry in CRISIS_LINES.values():
        by_number.setdefault(entry.emergency, []).append(entry.country)
    by_number.setdefault(DEFAULT_EMERGENCY, []).append("the EU and most of the world")
    emergency = ", ".join(f"{number} ({', '.join(places)})" for number, places in by_number.items())
    return [*lines, f"In an emergency call your local emergency number: {emergency}.", FIND_A_HELPLINE]


def as_json(country: str | None) -> dict:
    chosen = CRISIS_LINES.get((country or "").upper())
    return {
        "country": chosen.country if chosen else None,
        "message": CALM_OPENING,
        "resources": resources(country),
        "always_available": "ipt crisis",
    }
