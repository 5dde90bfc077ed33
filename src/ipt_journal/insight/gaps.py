"""Gaps of months without a check-in, and where a window's comparisons start and end
around them: mood years apart is not a change from one week to the next, and a first
half of empty months is no half to compare against."""

import datetime as dt
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from ipt_journal.store import Journal

# A gap: more than this many days without a check-in. No comparison (first and last weeks,
# with and without someone, first half against second, week on week) reaches across one:
# mood years apart is not a change from one week to the next. A reading choice (eight
# weeks, "a gap of months"), not a clinical threshold; docs/user-guide.md says so.
GAP_DAYS = 56


class Gap(NamedTuple):
    """Where the window's comparisons start and end when months without a check-in lie in
    it: after the latest gap that check-ins follow, and at the last check-in when none
    has come for months since."""

    compared_from: dt.date
    compared_until: dt.date
    first_empty: dt.date | None = None  # the latest gap before compared_from, if any
    last_empty: dt.date | None = None
    quiet_since: dt.date | None = None  # no check-in from this day to the window's end

    def sentence(self) -> str:
        """The one sentence every format prints where the comparisons are."""
        parts = []
        if self.first_empty and self.last_empty:
            parts.append(f"No check-ins from {self.first_empty} to {self.last_empty}")
        if self.quiet_since:
            parts.append(
                f"none since {self.quiet_since}" if parts else f"No check-ins since {self.quiet_since}"
            )
        return (
            f"{', and '.join(parts)}: the comparisons (first and last weeks, with and without "
            f"someone, first half against second) cover {self.compared_from} to {self.compared_until} only."
        )


def last_gap(journal: "Journal", since: dt.date, until: dt.date) -> Gap | None:
    """Where comparisons start and end in the window `since` to `until`: after the latest
    stretch of more than GAP_DAYS without a check-in that check-ins follow (a window that
    opens on empty months counts), and at the last check-in when more than GAP_DAYS have
    passed since it. None when the check-ins run without such a gap."""
    found = journal.patterns.last_gap(since, until, GAP_DAYS)
    last = journal.patterns.last_checkin_day(since, until)
    if last is None:
        return None
    last_day = dt.date.fromisoformat(last)
    quiet = (until - last_day).days > GAP_DAYS
    if found is None and not quiet:
        return None
    first_empty = dt.date.fromisoformat(found[0]) if found else None
    last_empty = dt.date.fromisoformat(found[1]) if found else None
    return Gap(
        compared_from=last_empty + dt.timedelta(days=1) if last_empty else since,
        compared_until=last_day if quiet else until,
        first_empty=first_empty,
        last_empty=last_empty,
        quiet_since=last_day + dt.timedelta(days=1) if quiet else None,
    )
