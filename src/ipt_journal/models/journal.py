"""The journal's own records: the inventory, the course, its goals, the safety plan, the
midpoint and the review (a check-in's own are in checkin.py)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal, Self

from pydantic import Field, field_validator, model_validator

from ipt_journal.clinical.vocab import (
    Contact,
    DisputeStage,
    ExpectationsMet,
    ProblemArea,
    Relationship,
    Status,
)
from ipt_journal.errors import HasDied
from ipt_journal.models.base import PERSON_TEXT_FIELDS, Model, Refused, Text


class PersonIn(Model):
    """A person of the interpersonal inventory, as it will be stored."""

    name: Annotated[str, Field(min_length=1, max_length=100)]
    relationship: Relationship
    status: Status = Status.current
    closeness: Annotated[int, Field(ge=1, le=3, strict=True)] | None = None
    contact: Contact | None = None
    satisfying: Text | None = None
    unsatisfying: Text | None = None
    their_expectations: Text | None = None
    my_expectations: Text | None = None
    expectations_met: ExpectationsMet | None = None
    can_confide: bool | None = None
    together: Text | None = None
    disagreements: Text | None = None
    resolved: ExpectationsMet | None = None  # do disagreements get resolved: yes, partly, no
    can_talk_about: Text | None = None
    cannot_talk_about: Text | None = None
    change: Text | None = None
    problem_area: ProblemArea | None = None
    dispute_stage: DisputeStage | None = None
    notes: Text | None = None
    # Only for someone who has died: YYYY-MM-DD, or YYYY-MM when only the month is known.
    died_on: str | None = None
    # Only for someone who has died: days that may be hard without them, "Christmas 12-25; ...".
    holidays: Annotated[str, Field(max_length=1000)] | None = None

    @field_validator(*PERSON_TEXT_FIELDS, mode="after")
    @classmethod
    def _blank_is_none(cls, value: str | None) -> str | None:
        return value or None

    @field_validator("died_on", mode="after")
    @classmethod
    def _died_is_a_day_or_month(cls, value: str | None) -> str | None:
        if value:
            _died(value)
        return value or None

    @field_validator("holidays", mode="after")
    @classmethod
    def _holidays_as_stored(cls, value: str | None) -> str | None:
        from ipt_journal.clinical.pathways import holidays_text, parse_holidays

        return holidays_text(parse_holidays(value))

    @model_validator(mode="after")
    def _stage_needs_dispute(self) -> Self:
        if self.status == Status.deceased:
            # Someone who died belongs to grief: never the other side of a dispute.
            if self.problem_area not in (None, ProblemArea.grief, ProblemArea.none):
                raise Refused(HasDied(self.name, "area"))
            if self.dispute_stage:
                raise Refused(HasDied(self.name, "stage"))
        elif self.died_on:
            raise ValueError("When someone died only applies to someone whose status is deceased.")
        elif self.holidays:
            raise ValueError("Days to remember (--holidays) only apply to someone whose status is deceased.")
        if self.died_on and _died(self.died_on) > dt.date.today():
            raise ValueError(f"The date {self.died_on} is in the future.")
        if self.dispute_stage and self.problem_area != ProblemArea.role_dispute:
            raise ValueError("A dispute stage only applies when the problem area is role-dispute.")
        return self


def _died(text: str) -> dt.date:
    """The day of a death as kept (a month's 1st when only the month is known)."""
    from ipt_journal.text.dates import stored_day_or_month

    try:
        return stored_day_or_month(text)[0]
    except ValueError:
        raise ValueError(
            f"When someone died is a day (YYYY-MM-DD) or a month (YYYY-MM), got {text!r}."
        ) from None


class CourseIn(Model):
    """The course agreed at the start: when, how long, and what it works on."""

    started_on: dt.date
    planned_weeks: Annotated[int, Field(ge=8, le=20, strict=True)] = 12
    background: Text | None = None
    reason: Text | None = None
    with_therapist: bool | None = None
    focus_areas: list[ProblemArea] = []
    dispute_person: str | None = None
    dispute_stage: DisputeStage | None = None
    formulation: Text | None = None
    formulation_agreed_on: dt.date | None = None

    @model_validator(mode="after")
    def _focus(self) -> Self:
        if ProblemArea.none in self.focus_areas:
            self.focus_areas = [area for area in self.focus_areas if area != ProblemArea.none]
        if len(self.focus_areas) > 2:
            raise ValueError("Choose one focal problem area, or at most two.")
        if len(set(self.focus_areas)) != len(self.focus_areas):
            raise ValueError("Each focal problem area can be chosen once.")
        if (self.dispute_person or self.dispute_stage) and ProblemArea.role_dispute not in self.focus_areas:
            raise ValueError("A dispute person or stage only applies when role-dispute is a focal area.")
        return self


class GoalIn(Model):
    text: Annotated[str, Field(min_length=1, max_length=5000)]
    set_on: dt.date | None = None  # the day the goal was set; None: today (an export before m018: its stamp)


SAFETY_STEPS = (0, 1, 2, 3, 4, 5, 6)  # 0: what matters most, the reasons for living


class SafetyPlanItemIn(Model):
    """One line of the safety plan; steps 3 and 4 may name a person of the inventory."""

    step: Annotated[int, Field(ge=0, le=6, strict=True)]
    text: Text | None = None
    person: str | None = None
    phone: Annotated[str, Field(pattern=r"^\+?[0-9][0-9 ()./-]{1,38}$")] | None = None

    @model_validator(mode="after")
    def _text_or_person(self) -> Self:
        if not self.text and not self.person:
            raise ValueError("A safety plan entry needs some text or a person.")
        if self.phone and self.step not in (3, 4, 5):
            raise ValueError("A phone number goes with someone to reach: steps 3, 4 or 5.")
        if self.person and self.step not in (3, 4):
            raise ValueError("People from your inventory go in step 3 (distraction) or step 4 (help).")
        return self


class ReviewIn(Model):
    """The end-of-course review."""

    day: dt.date
    what_changed: Text | None = None
    what_helped: Text | None = None
    warning_signs: Text | None = None
    keep_practising: Text | None = None
    relapse_plan: Text | None = None
    feelings_about_ending: Text | None = None


class StayingWellIn(Model):
    """The staying-well plan's parts; None keeps a part, an empty text clears it."""

    warning_signs: Text | None = None
    what_i_will_do: Text | None = None
    whom_i_tell: Text | None = None
    when_to_contact: Text | None = None


class MidpointIn(Model):
    """IPT's midpoint review of the focus and goals."""

    day: dt.date
    focus_still_right: Literal["yes", "partly", "no"] | None = None
    focus_note: Text | None = None
    goals_note: Text | None = None
    next_half: Text | None = None

    @model_validator(mode="after")
    def _says_something(self) -> Self:
        if not any((self.focus_still_right, self.focus_note, self.goals_note, self.next_half)):
            raise ValueError("A midpoint review needs at least one answer.")
        return self


class ClosingIn(Model):
    """The Stanley-Brown plan's closing answers; None keeps one, an empty text clears it."""

    how_likely: Text | None = None
    in_the_way: Text | None = None
    kept_where: Text | None = None
