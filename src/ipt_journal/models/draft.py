"""A check-in and everything saved with it, as one object: the journal writes it all
together or not at all (`journal.checkins.add`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TypeAlias

if TYPE_CHECKING:  # only named here: a check-in loads the models of what it saves
    from ipt_journal.models.checkin import CheckinIn, GoalRatingIn, MeasureIn
    from ipt_journal.models.journal import PersonIn
    from ipt_journal.models.practice import BringIn, HomeworkDoneIn

# Homework a check-in closes: its id, 'done' or 'skipped', and how it went when done.
HomeworkClosing: TypeAlias = "tuple[int, str, HomeworkDoneIn | None]"


@dataclass
class CheckinDraft:
    checkin: CheckinIn
    newcomers: list[PersonIn] = field(default_factory=list)  # added to the inventory first
    measures: list[MeasureIn] = field(default_factory=list)  # questionnaires taken with it
    ratings: list[GoalRatingIn] = field(default_factory=list)  # progress on open goals
    homework: list[HomeworkClosing] = field(default_factory=list)
    bring: list[BringIn] = field(default_factory=list)  # things to bring to the next session
    # Questionnaires the wizard saved as soon as they were answered, linked to the check-in.
    saved_measures: list[int] = field(default_factory=list)
