"""'Did you mean ...?' for a mistyped command or value."""

import difflib


def close_matches(word: str, choices, n: int = 3) -> list[str]:
    """The choices most like `word`: close spellings, then those it starts or is part of."""
    word = word.strip().lower()
    lowered = {choice.lower(): choice for choice in choices}
    found = difflib.get_close_matches(word, list(lowered), n=n, cutoff=0.6)
    found += [c for c in lowered if word and (c.startswith(word) or word in c.split("-")) and c not in found]
    return [lowered[c] for c in found[:n]]


def did_you_mean(word: str, choices) -> str | None:
    matches = close_matches(word, choices)
    if not matches:
        return None
    return "Did you mean " + " or ".join(repr(m) for m in matches) + "?"
