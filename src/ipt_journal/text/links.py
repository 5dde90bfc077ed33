"""The per-person link in words, one place for every output (terminal, Markdown, HTML), so
each says the same figures the same way. The words follow the sign of the figure they
give and never read a link into time that went the same way every time."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ipt_journal.insight.relationships import MIN_FOR_INTERVAL, MIN_FOR_LINK
from ipt_journal.store.patterns import RUNNING
from ipt_journal.text.figures import shown
from ipt_journal.text.messages import count

if TYPE_CHECKING:
    from ipt_journal.insight.relationships import PersonMood

LINK_METHOD = (
    f"each time with the person is compared with the previous {RUNNING} (how it went and mood alike), "
    "so the trend they share over the course cancels out; read only with "
    f"{MIN_FOR_LINK} or more such check-ins, and only where how it went varied; "
    "its likely range only where the check-ins are worth "
    f"{MIN_FOR_INTERVAL} independent ones."
)
WENT = {"badly": "badly", "neither": "neither well nor badly", "well": "well"}


def link_cell(person: PersonMood) -> str:
    """The link in a few words, for a table cell."""
    link = person.link
    if person.link_status == "one-way" and person.always:
        return f"{person.always} every time"
    if person.link_status == "too-few":
        return f"too few ({person.compared} of {MIN_FOR_LINK})"
    if link is None:
        return "no variation"
    return f"{link.strength} {shown(link.r, True, 2)}"


def always_words(person: PersonMood) -> str:
    """'went well every time; mood on those days averaged 6.5, 4.5 on others' (or why
    there are no others to give)."""
    band = person.always or "well"
    when = getattr(person, band)
    words = f"went {WENT[band]} every time; mood on those days averaged {shown(when.mean_mood)}"
    if person.mood_without is None or person.nearly_always:
        return f"{words} (too few check-ins without {person.name} to compare)"
    return f"{words}, {shown(person.mood_without)} on others"


def link_sentence(person: PersonMood) -> str:
    """The link in full: what it says, on how many check-ins, and its likely range only
    where that is honest; '' where nothing is to be said beyond the table."""
    if person.link_status == "one-way":
        return f"Time with {person.name} {always_words(person)}."
    link = person.link
    if person.link_status != "shown" or link is None:
        return ""
    basis = (
        f"r {shown(link.r, True, 2)} once the shared trend is removed, "
        f"from {count(link.checkins, 'check-in')}"
    )
    if link.low is None or link.high is None:
        worth = shown(link.effective, places=0)
        basis += f", worth about {worth} independent ones: too few for a likely range"
    else:
        basis += f"; likely range {shown(link.low, True, 2)} to {shown(link.high, True, 2)}"
    if link.strength == "none":
        return f"{person.name}: no link between how it went and mood ({basis})."
    direction = "higher" if link.r > 0 else "lower"
    opposite = "" if link.r > 0 else ", in the opposite direction"
    reading = (
        f"{person.name}: when time together went better than lately, mood was {direction} than lately: "
        f"a {link.strength} link{opposite} ({basis})"
    )
    if link.low is not None and not link.clear:
        reading += "; with this few, it could be chance"
    return reading + "."
