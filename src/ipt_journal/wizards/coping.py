"""After `ipt cope breathe`: whether to log it as slow breathing, and how much it helped."""

from __future__ import annotations


def log_breathing(log_it: bool | None, helpful: int | None) -> tuple[bool, int | None]:
    """Ask what `--log/--no-log` and `--helpful` did not say (1-5; Enter skips it)."""
    from ipt_journal import prompts
    from ipt_journal.clinical.vocab import HELPFUL_CHOICES

    if log_it is None:
        log_it = prompts.confirm("Log this as slow breathing?", default=True)
    if log_it and helpful is None:
        helpful = prompts.select("How much did it help?", HELPFUL_CHOICES, optional=True)
    return log_it, helpful
