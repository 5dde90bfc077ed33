"""Validation of everything before it is written: pydantic models for new records.

A model is built from flags, wizard answers or an edit merged onto a stored record;
the store writes only what passed through one of these. `validate` turns pydantic's
errors into the one sentence a person sees. `base` holds what every model shares;
`journal` the inventory, check-ins, questionnaires, course, safety plan and review;
`practice` what happens between sessions.
"""

from ipt_journal.models.base import Model, validate
from ipt_journal.models.draft import CheckinDraft, HomeworkClosing
from ipt_journal.models.journal import (
    SAFETY_STEPS,
    CheckinIn,
    ClosingIn,
    CourseIn,
    GoalIn,
    GoalRatingIn,
    InteractionIn,
    MeasureIn,
    MidpointIn,
    PersonIn,
    ReviewIn,
    SafetyPlanItemIn,
    StayingWellIn,
)
from ipt_journal.models.practice import (
    BringIn,
    CopingIn,
    ExerciseIn,
    HomeworkDoneIn,
    HomeworkIn,
    LifeEventIn,
    StrategyIn,
    TherapySessionIn,
)

__all__ = [
    "CheckinDraft",
    "HomeworkClosing",
    "SAFETY_STEPS",
    "BringIn",
    "CheckinIn",
    "ClosingIn",
    "CopingIn",
    "CourseIn",
    "ExerciseIn",
    "GoalIn",
    "GoalRatingIn",
    "HomeworkDoneIn",
    "HomeworkIn",
    "InteractionIn",
    "LifeEventIn",
    "MeasureIn",
    "MidpointIn",
    "Model",
    "PersonIn",
    "ReviewIn",
    "SafetyPlanItemIn",
    "StayingWellIn",
    "StrategyIn",
    "TherapySessionIn",
    "validate",
]
