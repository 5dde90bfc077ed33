"""The questions of `ipt pathway week`, asked in a terminal when no flag gave a value."""

from __future__ import annotations


def ask_week() -> tuple[str | None, int | None]:
    """The role dispute's stage this week and how many people the person could confide in;
    either may be skipped (None)."""
    from ipt_journal import prompts
    from ipt_journal.clinical.vocab import DisputeStage

    stage = prompts.select(
        "Where does the role dispute stand this week?",
        [(s.label, s.value) for s in DisputeStage],
        optional=True,
    )
    count = prompts.text(
        "How many people could you confide in this week? (Enter to skip)",
        validate=lambda v: (
            not v.strip()
            or (v.strip().isascii() and v.strip().isdigit() and int(v) <= 1000)
            or "A whole number, 0 to 1000."
        ),
    ).strip()
    return stage, int(count) if count else None
