"""Coping strategies for a hard moment, and the breathing patterns `ipt breathe` guides.

The wording is ours, kept here as data apart from the commands that show it.
"""

from typing import NamedTuple


class Strategy(NamedTuple):
    key: str
    name: str
    how: str


STRATEGIES = {
    strategy.key: strategy
    for strategy in (
        Strategy(
            "slow-breathing",
            "Slow breathing",
            "Breathe in through your nose for a count of four, and out a little longer than you breathed "
            "in. A few minutes of this tells your body it can stand down. Let `ipt breathe` count for you.",
        ),
        Strategy(
            "grounding",
            "Grounding with the senses",
            "Name five things you can see, four you can touch, three you can hear, two you can smell and "
            "one you can taste. It brings you back to the room when thoughts are racing.",
        ),
        Strategy(
            "reach-out",
            "Reach out to someone close",
            "Send a short message or call someone from your inner circle. You do not have to explain "
            "everything: 'Having a hard day, can we talk?' is enough.",
        ),
        Strategy(
            "pleasant-activity",
            "Do something small you enjoy",
            "Music, a shower, a hot drink, a few pages of a book. Pick something that takes ten "
            "minutes and do it on purpose, even if you do not feel like it yet.",
        ),
        Strategy(
            "short-walk",
            "Take a short walk",
            "Ten minutes outside, at any pace. Notice what is around you rather than what is in your head. "
            "Movement and daylight both lift mood a little.",
        ),
        Strategy(
            "write-it-down",
            "Write it down",
            "Put what you are feeling and why on paper, or in an `ipt checkin` note. Naming a feeling "
            "often makes it a little smaller, and it gives you something to bring to your next session.",
        ),
    )
}


class Pattern(NamedTuple):
    key: str
    name: str
    phases: tuple[tuple[str, int], ...]  # (what to do, seconds)


PATTERNS = {
    pattern.key: pattern
    for pattern in (
        Pattern("calm", "Calm (in 4, out 6)", (("Breathe in", 4), ("Breathe out", 6))),
        Pattern("box", "Box (4-4-4-4)", (("Breathe in", 4), ("Hold", 4), ("Breathe out", 4), ("Hold", 4))),
        Pattern("4-7-8", "4-7-8", (("Breathe in", 4), ("Hold", 7), ("Breathe out", 8))),
    )
}
