"""The journal's storage: the only code that touches SQLite.

`core` opens the file (through `connection`) and holds the `Journal` (the unit of work, `journal.writing()`);
each other module is one part of the journal: its records and a repository with the
few queries that part needs, reached as an attribute of the journal.

    people       journal.people        the interpersonal inventory
    checkins     journal.checkins      check-ins, and the aggregates reports read
    measures     journal.measures      questionnaires
    course       journal.course, journal.goals, journal.reviews, journal.midpoints
    staying_well journal.staying_well  the staying-well (relapse-prevention) plan
    safety_plan  journal.safety_plan, journal.safety_plan_closing
    practice     journal.coping, journal.exercises, journal.homework
    events       journal.events        life events (the interpersonal timeline)
    incidents    journal.incidents     what happened with someone, per check-in
    patterns     journal.patterns      the aggregates of the insight screens
    sessions     journal.sessions, journal.bring   therapy sessions, things to bring
    transfer     journal.dump(), journal.rows()    export
    merging      journal.merge()       import (row writing in merge_rows)
"""

from typing import TYPE_CHECKING, Any

from ipt_journal.errors import InputError, JournalError, NotFound, WrongPassphrase
from ipt_journal.store import connection
from ipt_journal.store.connection import (
    BUSY_TIMEOUT_SECONDS,
    PASSPHRASE_ENV,
    SQLITE_HEADER,
    connect,
    is_encrypted,
    quoted,
    sqlcipher,
    storage_error,
)
from ipt_journal.store.core import (
    APPLICATION_ID,
    SCHEMA_VERSION,
    Journal,
    make_private_dirs,
    open_journal,
    read_safety_plan,
    refuse_foreign,
    refuse_unless_regular,
)

if TYPE_CHECKING:  # what __getattr__ below hands out at run time, for the type checker
    from ipt_journal.store.checkins import Checkin, Interaction
    from ipt_journal.store.connection import DB_ERRORS as DB_ERRORS
    from ipt_journal.store.connection import OP_ERRORS as OP_ERRORS
    from ipt_journal.store.course import Course, Goal, Review
    from ipt_journal.store.events import LifeEvent
    from ipt_journal.store.incidents import Incident
    from ipt_journal.store.measures import Measure
    from ipt_journal.store.people import (
        PERSON_FIELDS,
        ContactSummary,
        Footprint,
        Person,
        unknown_name_message,
    )
    from ipt_journal.store.practice import Exercise, Homework
    from ipt_journal.store.safety_plan import SafetyPlanItem
    from ipt_journal.store.sessions import BringItem, TherapySession

__all__ = [
    "APPLICATION_ID",
    "BUSY_TIMEOUT_SECONDS",
    "PASSPHRASE_ENV",
    "PERSON_FIELDS",
    "SCHEMA_VERSION",
    "SQLITE_HEADER",
    "BringItem",
    "Checkin",
    "ContactSummary",
    "Course",
    "Exercise",
    "Footprint",
    "Goal",
    "Homework",
    "Incident",
    "InputError",
    "Interaction",
    "LifeEvent",
    "Journal",
    "JournalError",
    "Measure",
    "NotFound",
    "Person",
    "Review",
    "Midpoint",
    "StayingWellPlan",
    "SafetyPlanItem",
    "TherapySession",
    "WrongPassphrase",
    "connect",
    "is_encrypted",
    "make_private_dirs",
    "open_journal",
    "quoted",
    "read_safety_plan",
    "refuse_foreign",
    "refuse_unless_regular",
    "sqlcipher",
    "storage_error",
    "unknown_name_message",
]


# The records, from their part's module when first asked for (like the journal's parts).
RECORDS = {
    "Checkin": "checkins",
    "Interaction": "checkins",
    "Course": "course",
    "Goal": "course",
    "Review": "course",
    "Midpoint": "course",
    "StayingWellPlan": "staying_well",
    "LifeEvent": "events",
    "Incident": "incidents",
    "Measure": "measures",
    "PERSON_FIELDS": "people",
    "ContactSummary": "people",
    "Footprint": "people",
    "Person": "people",
    "unknown_name_message": "people",
    "Exercise": "practice",
    "Homework": "practice",
    "SafetyPlanItem": "safety_plan",
    "BringItem": "sessions",
    "TherapySession": "sessions",
}


def __getattr__(name: str) -> Any:
    # sqlcipher() widens these once SQLCipher is loaded, so read them from connection each
    # time rather than copying them here at import.
    if name in ("DB_ERRORS", "OP_ERRORS"):
        return getattr(connection, name)
    if name in RECORDS:
        import importlib

        return getattr(importlib.import_module(f"ipt_journal.store.{RECORDS[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
