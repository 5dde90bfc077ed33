"""Lists as plain rows, one record per line, written as they come: for a pipe, --plain
and TERM=dumb. No Rich here, so a piped list starts as fast as ipt can."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ipt_journal.clinical.vocab import UNKNOWN_WENT
from ipt_journal.output import write_rows
from ipt_journal.text.safe_text import on_one_line

if TYPE_CHECKING:
    from collections.abc import Sequence

    from ipt_journal.store import Checkin, Exercise, Measure
    from ipt_journal.store.search import Hit


def row(*parts: str) -> str:
    """The non-empty parts of one record, two spaces apart."""
    return "  ".join(part for part in parts if part)


def checkin_rows(checkins: Sequence[Checkin]) -> None:
    from ipt_journal.text.dates import days_with_times

    days = days_with_times([(c.day, c.local_time) for c in checkins])
    write_rows(
        row(
            f"#{c.id}",
            day,
            f"mood {c.mood}",
            "with " + ", ".join(f"{i.name} ({_went(i.quality)})" for i in c.people) if c.people else "",
            "tags " + ", ".join(c.tags) if c.tags else "",
            on_one_line(c.note or ""),
        )
        for c, day in zip(checkins, days, strict=True)
    )


def measure_rows(measures: Sequence[Measure]) -> None:
    from ipt_journal.clinical.scales import DIFFICULTY_SHORT, SCALES, answers_text, credits

    write_rows(
        row(
            f"#{m.id}",
            m.day,
            SCALES[m.scale].name,
            f"{m.total}/{SCALES[m.scale].max_total}",
            SCALES[m.scale].band(m.total),
            "answers " + answers_text(m.answers),
            "" if m.difficulty is None else f"difficulty: {DIFFICULTY_SHORT[m.difficulty]}",
        )
        for m in measures
    )
    write_rows(credits(m.scale for m in measures))  # the instruments' terms ask for it wherever shown


def exercise_rows(done: Sequence[Exercise]) -> None:
    from ipt_journal.clinical.exercises import CATALOGUE

    write_rows(
        row(
            f"#{item.id}",
            item.day,
            CATALOGUE[item.kind].name if item.kind in CATALOGUE else item.kind,
            f"with {item.person}" if item.person else "",
            f"mood {item.mood_before} then {item.mood_after}"
            if item.mood_before is not None and item.mood_after is not None
            else "",
        )
        for item in done
    )


# Where a search result leaves words out of a long text: words, not "…" or "...", which a
# screen reader reads out as a symbol (docs/user-guide.md, "Search").
MORE_WORDS = "(more)"


def hit_rows(hits: Sequence[Hit]) -> None:
    """Search results; the matching words [in brackets], since a pipe has no bold, and
    (more) where the text goes on before or after the words shown."""
    from ipt_journal.store.search import MARK_CUT, MARK_END, MARK_START

    write_rows(
        row(
            f"{hit.kind} #{hit.id}",
            hit.day or "",
            on_one_line(hit.snippet.replace(MARK_CUT, f" {MORE_WORDS} "))
            .replace(MARK_START, "[")
            .replace(MARK_END, "]"),
        )
        for hit in hits
    )


def _went(quality: int | None) -> str:
    """Signed always ('+0'), so a row's numbers line up; unknown where nobody said."""
    return UNKNOWN_WENT if quality is None else f"{quality:+d}"


def checkins_whole(checkins: Sequence[Checkin]) -> None:
    """`ipt checkin list --full` piped: whole entries, as on screen."""
    from ipt_journal.render.checkins import checkins_whole as draw

    draw(checkins)
