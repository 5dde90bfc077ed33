"""Crisis resources: the one table of crisis lines in the code, and the words around them.

Numbers here are checked facts (see docs/safety.md for the sources and the date they
were checked); apps have shipped dead numbers, so every entry is covered by a test
and nothing else in the code spells a number out. Imports nothing heavy: `ipt crisis`
must work even when the journal cannot be opened.
"""

from __future__ import annotations

from dataclasses import dataclass

FIND_A_HELPLINE = "findahelpline.com lists free, confidential helplines in many other countries."
FIND_A_HELPLINE_HERE = "findahelpline.com lists free, confidential helplines in your country."
# "These thoughts" only right after a PHQ-9 item 9 answer named them; elsewhere plainly.
IN_AN_EMERGENCY = "In an emergency, call"
AFTER_ITEM_9 = "In an emergency, or if you might act on these thoughts, call"
LOCAL_NUMBER = "your local emergency number"
EU_EMERGENCY = "112 in the EU (it works from many mobiles elsewhere)"


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
    "IE": CrisisLines("IE", "Ireland", ("Call Samaritans on 116 123, free, day or night.",), "112 or 999"),
    "AU": CrisisLines("AU", "Australia", ("Call Lifeline on 13 11 14, day or night.",), "000"),
    "NZ": CrisisLines("NZ", "New Zealand", ("Call or text 1737, free, any time.",), "111"),
}

# Names and common short forms people type for the countries above (casefolded).
COUNTRY_ALIASES = {
    "usa": "US", "united states": "US", "united states of america": "US", "america": "US",
    "canada": "CA",
    "uk": "GB", "united kingdom": "GB", "great britain": "GB", "britain": "GB", "england": "GB",
    "scotland": "GB", "wales": "GB", "northern ireland": "GB",
    "ireland": "IE", "republic of ireland": "IE", "eire": "IE", "éire": "IE",
    "australia": "AU",
    "new zealand": "NZ", "aotearoa": "NZ",
}  # fmt: skip

# The item-9 message: only ever shown after an answer above 0 to PHQ-9 item 9.
CALM_OPENING = (
    "Thank you for answering honestly. You said you have had thoughts of being better off "
    "dead or of hurting yourself. That can be very hard to carry, and you do not have to "
    "carry it alone. Thoughts like these are a common symptom of depression, and they "
    "usually ease as it is treated."
)
TELL_CLINICIAN = (
    "ipt does not tell anyone; please let your therapist or doctor know, at your next session or sooner."
)
# `ipt crisis`: nothing was answered, so nothing is assumed.
CRISIS_OPENING = (
    "If things feel too much right now, you do not have to face it alone. "
    "Someone is there to talk to, whenever you need it."
)
SET_COUNTRY_HINT = (
    "To see your own country's lines first, set it: `ipt config set country GB` "
    "(a two-letter code or a name such as 'Australia')."
)
ALWAYS_THERE = "These are always here: run `ipt crisis` at any time."
PLAN_SUGGESTION = (
    "A safety plan, written while things are calmer, can help in the hard moments: "
    "`ipt safety-plan edit` walks you through one."
)


def country_code(text: str) -> str | None:
    """'gb', 'UK', 'United Kingdom' -> 'GB'; any other two letters as a code; else None."""
    cleaned = " ".join(text.strip().split())
    alias = COUNTRY_ALIASES.get(cleaned.casefold())
    if alias:
        return alias
    return cleaned.upper() if len(cleaned) == 2 and cleaned.isalpha() else None


def known_country(code: str) -> bool:
    return code.upper() in CRISIS_LINES


def resources(country: str | None, after_item9: bool = False) -> list[str]:
    """The lines to show: the country's own when it is set and known; for a set country we
    have no lines for, the local emergency number and findahelpline.com first; with no
    country set, every line we list. `after_item9`: shown right after thoughts of being
    better off dead or of self-harm were answered, so the emergency line names them."""
    call = AFTER_ITEM_9 if after_item9 else IN_AN_EMERGENCY
    if country:
        chosen = CRISIS_LINES.get(country.upper())
        if chosen:
            return [*chosen.lines, f"{call} {chosen.emergency}.", FIND_A_HELPLINE]
        # 112 as the EU's own local number, never as an alternative to the person's own.
        return [f"{call} {LOCAL_NUMBER} (in the EU, 112).", FIND_A_HELPLINE_HERE]
    lines = [f"{entry.name}: {line}" for entry in CRISIS_LINES.values() for line in entry.lines]
    by_number: dict[str, list[str]] = {}
    for entry in CRISIS_LINES.values():
        by_number.setdefault(entry.emergency, []).append(entry.country)
    emergency = "; ".join(f"{number} ({', '.join(places)})" for number, places in by_number.items())
    return [
        *lines,
        f"In an emergency call your local emergency number: {emergency}; {EU_EMERGENCY}.",
        FIND_A_HELPLINE,
    ]


def as_json(country: str | None, opening: str = CALM_OPENING) -> dict:
    """The help as data; `opening` is the item-9 message unless `ipt crisis` asks."""
    chosen = CRISIS_LINES.get((country or "").upper())
    data = {
        "country": chosen.country if chosen else (country.upper() if country else None),
        "country_listed": bool(chosen),
        "message": opening,
        "resources": resources(country, after_item9=opening == CALM_OPENING),
        "always_available": "ipt crisis",
    }
    if opening == CALM_OPENING:
        data["tell_clinician"] = TELL_CLINICIAN
    if not country:
        data["set_country"] = SET_COUNTRY_HINT
    return data


def item9_days(measures) -> list[str]:
    """The days among `measures` with a PHQ-9 whose last item was answered above 0.

    The one rule for "crisis resources are due": any screen that shows a PHQ-9 shows the
    crisis lines when this is not empty, in every output mode, whichever questionnaire
    came later."""
    from ipt_journal.clinical.scales import needs_safety_message

    return sorted({m.day for m in measures if needs_safety_message(m.scale, m.answers)})


def crisis_days(journal, since=None, until=None) -> list[str]:
    """`item9_days` of the PHQ-9s taken from `since` to `until` (either open)."""
    from ipt_journal.clinical.scales import PHQ9

    return item9_days(journal.measures.list(PHQ9.key, since=since, until=until))


def due_json(days: list[str], country: str | None) -> dict:
    """The `safety` object a JSON screen adds when `days` is not empty."""
    return {**as_json(country), "item9_days": days}
