"""How homework went, asked by `ipt homework done` when no flag says."""

from __future__ import annotations

import datetime as dt


def ask_how_it_went(ask_day: bool) -> tuple[dt.date | None, str | None, int | None]:
    """The day it was done (only when `ask_day`; else None), how it went and how much it
    helped (1-5; Enter skips both)."""
    from ipt_journal import prompts
    from ipt_journal.clinical.vocab import HELPFUL_CHOICES
    from ipt_journal.questions import HOMEWORK
    from ipt_journal.text.dates import parse_day

    day = prompts.day(HOMEWORK["day"], parse_day, default="today") if ask_day else None
    outcome = prompts.text(HOMEWORK["outcome"]).strip() or None
    helpful = prompts.select(HOMEWORK["helpful"], HELPFUL_CHOICES, optional=True)
    return day, outcome, helpful
