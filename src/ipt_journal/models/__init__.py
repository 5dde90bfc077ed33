"""Validation of everything before it is written: pydantic models for new records.

A model is built from flags, wizard answers or an edit merged onto a stored record;
the store writes only what passed through one of these. `validate` turns pydantic's
errors into the one sentence a person sees. `base` holds what every model shares;
`checkin` what a check-in saves; `journal` the inventory, course, safety plan and review;
`practice` what happens between sessions; `draft` a check-in with all it saves.

Each model is imported from here, and its module loads only when one of its models is
first asked for: pydantic builds every class of a module when it loads, and a check-in
needs none of the inventory's or the exercises' (docs/performance.md).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from ipt_journal.models.base import Model, validate

if TYPE_CHECKING:
    from ipt_journal.models.checkin import CheckinIn, GoalRatingIn, InteractionIn, MeasureIn
    from ipt_journal.models.draft import CheckinDraft, HomeworkClosing
    from ipt_journal.models.journal import (
        SAFETY_STEPS,
        ClosingIn,
        CourseIn,
        GoalIn,
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

# Each name and the module of ipt_journal.models it is in.
_MODULE_OF = {
    **dict.fromkeys(("CheckinIn", "GoalRatingIn", "InteractionIn", "MeasureIn"), "checkin"),
    **dict.fromkeys(("CheckinDraft", "HomeworkClosing"), "draft"),
    **dict.fromkeys(
        (
            "SAFETY_STEPS",
            "ClosingIn",
            "CourseIn",
            "GoalIn",
            "MidpointIn",
            "PersonIn",
            "ReviewIn",
            "SafetyPlanItemIn",
            "StayingWellIn",
        ),
        "journal",
    ),
    **dict.fromkeys(
        (
            "BringIn",
            "CopingIn",
            "ExerciseIn",
            "HomeworkDoneIn",
            "HomeworkIn",
            "LifeEventIn",
            "StrategyIn",
            "TherapySessionIn",
        ),
        "practice",
    ),
}


def __getattr__(name: str) -> Any:
    if name not in _MODULE_OF:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_MODULE_OF[name]}"), name)


__all__ = [
    "Model",
    "validate",
    "CheckinIn",
    "GoalRatingIn",
    "InteractionIn",
    "MeasureIn",
    "CheckinDraft",
    "HomeworkClosing",
    "SAFETY_STEPS",
    "ClosingIn",
    "CourseIn",
    "GoalIn",
    "MidpointIn",
    "PersonIn",
    "ReviewIn",
    "SafetyPlanItemIn",
    "StayingWellIn",
    "BringIn",
    "CopingIn",
    "ExerciseIn",
    "HomeworkDoneIn",
    "HomeworkIn",
    "LifeEventIn",
    "StrategyIn",
    "TherapySessionIn",
]
