"""Crisis resources: the one table of crisis lines in the code, and the words around them.

Numbers here are checked facts (see docs/safety.md for the sources and the date they
were checked); apps have shipped dead numbers, so every entry is covered by a test
and nothing else in the code spells a number out. Imports nothing heavy: `ipt crisis`
must work even when the journal cannot be opened.
"""

from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from collections.abc import Iterable
    from datetime import date as _d

    from ipt_journal.clinical.follow_up import FollowUp
    from ipt_journal.store import Measure
    from ipt_journal.store.core import Journal


from ipt_journal.clinical.crisis_lines import CRISIS_LINES, SHOWN_WITHOUT_COUNTRY, CrisisLines

__all__ = ["CRISIS_LINES", "CrisisLines"]

FIND_A_HELPLINE = "findahelpline.com lists free, confidential helplines in many other countries."
FIND_A_HELPLINE_HERE = "findahelpline.com lists free, confidential helplines in your country."
# "These thoughts" only right after a PHQ-9 item 9 answer named them; elsewhere plainly.
IN_AN_EMERGENCY = "In an emergency, call"
AFTER_ITEM_9 = "In an emergency, or if you might act on these thoughts, call"
LOCAL_NUMBER = "your local emergency number"
EU_EMERGENCY = "112 in the EU and EEA (it works from many mobiles elsewhere)"

# Names and common short forms people type (casefolded), besides each listed country's name.
COUNTRY_ALIASES = {
    "usa": "US", "united states of america": "US", "america": "US",
    "uk": "GB", "great britain": "GB", "britain": "GB", "england": "GB",
    "scotland": "GB", "wales": "GB", "northern ireland": "GB",
    "republic of ireland": "IE", "eire": "IE", "éire": "IE",
    "aotearoa": "NZ",
    "deutschland": "DE", "österreich": "AT", "schweiz": "CH", "suisse": "CH",
    "españa": "ES", "holland": "NL", "the netherlands": "NL", "brasil": "BR",
    "méxico": "MX", "turkey": "TR", "vietnam": "VN", "korea": "KR", "republic of korea": "KR",
    "czech republic": "CZ", "russian federation": "RU",
} | {row.name.casefold(): code for code, row in CRISIS_LINES.items()}  # fmt: skip

# The item-9 message: only ever shown after an answer above 0 to PHQ-9 item 9.
CALM_OPENING = (
    "Thank you for answering honestly. You said you have had thoughts of being better off "
    "dead or of hurting yourself. That can be very hard to carry, and you do not have to "
    "carry it alone. Thoughts like these are a common symptom of depression, and they "
    "usually ease as it is treated."
)
# `ipt crisis`: nothing was answered, so nothing is assumed. "Someone to talk to" is
# promised only where a talk line is listed (`crisis_opening`).
CRISIS_OPENING = (
    "If things feel too much right now, you do not have to face it alone. "
    "Someone is there to talk to, whenever you need it."
)
CRISIS_OPENING_NO_LINE = (
    "If things feel too much right now, you do not have to face it alone. "
    "Help is there, whenever you need it."
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
    """'gb', 'UK', 'United Kingdom' -> 'GB'; an ISO 3166-1 alpha-2 code as itself; else None."""
    from ipt_journal.clinical.countries import is_country_code

    cleaned = " ".join(text.strip().split())
    alias = COUNTRY_ALIASES.get(cleaned.casefold())
    if alias:
        return alias
    return cleaned.upper() if len(cleaned) == 2 and is_country_code(cleaned) else None


def known_country(code: str) -> bool:
    return code.upper() in CRISIS_LINES


def talk_line_listed(country: str | None) -> bool:
    """Whether the help shown for `country` includes someone to talk to: with no country
    set, every listed line is shown; for a set country, only its own."""
    if not country:
        return True
    chosen = CRISIS_LINES.get(country.upper())
    return bool(chosen and chosen.talk_line)


def crisis_opening(country: str | None) -> str:
    return CRISIS_OPENING if talk_line_listed(country) else CRISIS_OPENING_NO_LINE


def resources(country: str | None, after_item9: bool = False) -> list[str]:
    """The lines to show: the country's own (talk, text, emergency) when it is set and
    listed; for a set country we have no row for, the local emergency number and
    findahelpline.com; with no country set, the lines of SHOWN_WITHOUT_COUNTRY and 112 for
    the EU/EEA. `after_item9`: shown right after thoughts of being better off dead or of
    self-harm were answered, so the emergency line names them."""
    call = AFTER_ITEM_9 if after_item9 else IN_AN_EMERGENCY
    if country:
        chosen = CRISIS_LINES.get(country.upper())
        if chosen:
            helplines = FIND_A_HELPLINE if chosen.talk_line else FIND_A_HELPLINE_HERE
            return [*chosen.lines, *chosen.texts, f"{call} {chosen.emergency}.", helplines]
        return [f"{call} {LOCAL_NUMBER}.", FIND_A_HELPLINE_HERE]
    shown = [CRISIS_LINES[code] for code in SHOWN_WITHOUT_COUNTRY]
    lines = [f"{entry.name}: {line}" for entry in shown for line in (*entry.lines, *entry.texts)]
    by_number: dict[str, list[str]] = {}
    for entry in shown:
        by_number.setdefault(entry.emergency, []).append(entry.country)
    emergency = "; ".join(f"{number} ({', '.join(places)})" for number, places in by_number.items())
    return [
        *lines,
        f"In an emergency call your local emergency number: {emergency}; {EU_EMERGENCY}.",
        FIND_A_HELPLINE,
    ]


def as_json(
    country: str | None, opening: str = CALM_OPENING, follow_up: "FollowUp | None" = None
) -> dict[str, Any]:
    """The help as data; `opening` is the item-9 message unless `ipt crisis` asks, and
    `follow_up` (a `follow_up.FollowUp`) then says whom to tell and how soon."""
    chosen = CRISIS_LINES.get((country or "").upper())
    data = {
        "country": chosen.country if chosen else (country.upper() if country else None),
        "country_listed": bool(chosen),
        "message": opening,
        "resources": resources(country, after_item9=opening == CALM_OPENING),
        "always_available": "ipt crisis",
    }
    if opening == CALM_OPENING and follow_up is not None:
        data["tell_clinician"] = follow_up.text
        data["urgency"] = follow_up.urgency
    if not country:
        data["set_country"] = SET_COUNTRY_HINT
    return data


def item9_days(measures: "Iterable[Measure]") -> list[str]:
    """The days among `measures` with a PHQ-9 whose last item was answered above 0.

    Any screen that shows a PHQ-9 passes these to `cli.crisis.crisis_if_due`, in every
    output mode; `item9_story` then decides between the crisis block (the latest PHQ-9
    still answers above 0) and one line of history (it answered 0 since)."""
    from ipt_journal.clinical.scales import needs_safety_message

    return sorted({m.day for m in measures if needs_safety_message(m.scale, m.answers)})


def crisis_days(journal: "Journal", since: "_d | None" = None, until: "_d | None" = None) -> list[str]:
    """`item9_days` of the PHQ-9s taken from `since` to `until` (either open)."""
    from ipt_journal.clinical.scales import PHQ9

    return item9_days(journal.measures.all(PHQ9.key, since=since, until=until))


class Item9Answer(NamedTuple):
    day: str
    answer: int  # item 9, 0-3
    total: int


class Item9Story(NamedTuple):
    """Every PHQ-9 item-9 answer above 0, and the latest PHQ-9: urgent only while the
    latest still answers above 0; otherwise the earlier answers are history."""

    above_zero: list[Item9Answer]
    latest: Item9Answer | None
    zeros_since: int  # PHQ-9s after the last answer above 0 (all answered 0)

    @property
    def urgent(self) -> bool:
        return self.latest is not None and self.latest.answer > 0


def item9_story(journal: "Journal") -> Item9Story:
    from ipt_journal.clinical.scales import PHQ9, PHQ9_SAFETY_ITEM

    answers = [Item9Answer(*row) for row in journal.measures.item_answers(PHQ9.key, PHQ9_SAFETY_ITEM)]
    above = [a for a in answers if a.answer > 0]
    since = 0
    for answer in reversed(answers):
        if answer.answer > 0:
            break
        since += 1
    return Item9Story(above, answers[-1] if answers else None, since)


NUMBER_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def spoken_day(day: str, year_of: str | None = None) -> str:
    """'2026-09-19' -> '19 Sep' (with the year when it differs from `year_of`'s)."""
    import datetime as dt

    date = dt.date.fromisoformat(day)
    text = f"{date.day} {date:%b}"
    return text if year_of and year_of[:4] == day[:4] else f"{text} {date.year}"


def days_in_words(days: list[str]) -> str:
    """Days as a sentence lists them, each once: '12 Sep, 26 Sep and 5 Dec (3 times)'."""
    from collections import Counter

    counted = [f"{day} ({n} times)" if n > 1 else day for day, n in Counter(days).items()]
    return counted[0] if len(counted) == 1 else ", ".join(counted[:-1]) + " and " + counted[-1]


def history_line(story: Item9Story, person: str = "you") -> str:
    """One line for item-9 answers above 0 that a later 0 answered since, e.g. "On 19 Sep
    and 3 Oct you answered 'several days'; your five answers since, latest 5 Dec, were
    'not at all'. `ipt crisis` any time." `person` "they" for the clinician report."""
    from ipt_journal.clinical.scales import OPTIONS

    latest = story.latest.day if story.latest else None
    by_answer: dict[int, list[str]] = {}
    for a in story.above_zero:
        by_answer.setdefault(a.answer, []).append(spoken_day(a.day, latest))
    said = [(days_in_words(days), OPTIONS[answer].lower()) for answer, days in by_answer.items()]
    opening = f"On {said[0][0]} {person} answered '{said[0][1]}'"
    opening += "".join(f", on {days} '{option}'" for days, option in said[1:])
    whose = "your" if person == "you" else "their"
    n = story.zeros_since
    many = NUMBER_WORDS[n] if n < len(NUMBER_WORDS) else str(n)
    when = spoken_day(latest, latest) if latest else ""
    if n == 1:
        since = f"{whose} answer since, on {when}, was 'not at all'"
    else:
        since = f"{whose} {many} answers since, latest {when}, were 'not at all'"
    topic = "to the PHQ-9 question about thoughts of being better off dead or of hurting " + (
        "yourself" if person == "you" else "oneself"
    )
    return f"{opening} {topic}; {since}. `ipt crisis` any time."


def due_json(days: list[str], country: str | None, follow_up: "FollowUp | None" = None) -> dict[str, Any]:
    """The `safety` object a JSON screen adds when `days` is not empty and still urgent."""
    return {**as_json(country, follow_up=follow_up), "urgent": True, "item9_days": days}


def history_json(days: list[str], story: Item9Story) -> dict:
    """The `safety` object a JSON screen adds when the latest PHQ-9 answered item 9 with 0."""
    return {
        "urgent": False,
        "item9_days": days,
        "history": history_line(story),
        "always_available": "ipt crisis",
    }


def item9_line_of(journal: "Journal") -> tuple[str | None, bool]:
    """The dashboard's safety line and whether item 9 was ever answered above 0: whom to tell
    how soon while the latest PHQ-9 answers it above 0, else one line of history."""
    import datetime as dt

    from ipt_journal.clinical.follow_up import care_of, item9_follow_up
    from ipt_journal.clinical.scales import OPTIONS

    story = item9_story(journal)
    if not story.above_zero or story.latest is None:
        return None, False
    if not story.urgent:
        return history_line(story), True
    latest = story.latest
    follow_up = item9_follow_up(latest.answer, latest.total, care_of(journal), lines_above=False)
    when = spoken_day(latest.day, dt.date.today().isoformat())
    return (
        f"On {when} you answered '{OPTIONS[latest.answer].lower()}' to the PHQ-9 "
        f"question about thoughts of being better off dead or of hurting yourself. {follow_up.text} "
        "Crisis lines, any time: ipt crisis",
        True,
    )


def urgency_context(journal: "Journal") -> dict:
    """`who` and `item9_urgent` for a screen that shows questionnaires (here rather than in
    insight.prep, so the report need not load the prep screen's module)."""
    from ipt_journal.clinical.follow_up import care_of

    return {"who": care_of(journal).who, "item9_urgent": item9_story(journal).urgent}
