"""The country whose crisis lines come first, asked by `ipt start`."""

from __future__ import annotations


def ask_country() -> str | None:
    """Ask for the country (in a terminal), so crisis help shows its lines first: its ISO
    3166 code, or None when skipped. The caller saves it (`cli.config.save_country`)."""
    from ipt_journal import prompts
    from ipt_journal.clinical import safety

    choices = [(safety.CRISIS_LINES[code].name, code) for code in safety.SHOWN_WITHOUT_COUNTRY]
    choices.append(("Another country (type its name or two-letter code)", "other"))
    chosen = prompts.select(
        "Which country are you in? (for the crisis lines ipt shows)", choices, optional=True
    )
    if chosen == "other":
        typed = prompts.text(
            "Country (a two-letter code such as DE, or a name ipt knows)",
            validate=lambda v: (
                safety.country_code(v) is not None or "A two-letter ISO 3166 code, such as DE or FR."
            ),
        )
        chosen = safety.country_code(typed)
    return chosen
