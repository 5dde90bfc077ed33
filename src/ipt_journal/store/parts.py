"""The parts of the journal (`journal.people`, `journal.checkins`...): one typed, lazy
attribute per repository, so mypy sees each and a command imports only the ones it uses."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    from ipt_journal.store.checkins import CheckinStore
    from ipt_journal.store.core import Journal
    from ipt_journal.store.course import CourseStore, GoalStore, MidpointStore, ReviewStore
    from ipt_journal.store.drafts import DraftStore
    from ipt_journal.store.events import EventStore
    from ipt_journal.store.incidents import IncidentStore
    from ipt_journal.store.measures import MeasureStore
    from ipt_journal.store.pathways import PathwayStore
    from ipt_journal.store.patterns import PatternStore
    from ipt_journal.store.people import PeopleStore
    from ipt_journal.store.practice import CopingStore, ExerciseStore, HomeworkStore
    from ipt_journal.store.safety_plan import ClosingStore, SafetyPlanStore
    from ipt_journal.store.search import SearchStore
    from ipt_journal.store.sessions import BringStore, TherapySessionStore
    from ipt_journal.store.staying_well import StayingWellStore


class JournalParts:
    """Mixed into `Journal` (store/core.py), which each repository is handed."""

    @property
    def _journal(self) -> Journal:
        """This object as the Journal it is mixed into (a repository takes a Journal)."""
        return cast("Journal", self)

    # The parts of the journal (`journal.people`, `journal.checkins`...), each made the first
    # time a command reaches for it: a check-in needs a few of the fifteen, and each module
    # costs a millisecond or two to import, so the import sits inside the property.

    @cached_property
    def people(self) -> PeopleStore:
        """The inventory."""
        from ipt_journal.store.people import PeopleStore

        return PeopleStore(self._journal)

    @cached_property
    def checkins(self) -> CheckinStore:
        """Check-ins, interactions, tags."""
        from ipt_journal.store.checkins import CheckinStore

        return CheckinStore(self._journal)

    @cached_property
    def incidents(self) -> IncidentStore:
        """What happened with each person of a check-in, one line each."""
        from ipt_journal.store.incidents import IncidentStore

        return IncidentStore(self._journal)

    @cached_property
    def measures(self) -> MeasureStore:
        """Questionnaires."""
        from ipt_journal.store.measures import MeasureStore

        return MeasureStore(self._journal)

    @cached_property
    def course(self) -> CourseStore:
        """The course."""
        from ipt_journal.store.course import CourseStore

        return CourseStore(self._journal)

    @cached_property
    def goals(self) -> GoalStore:
        """The course's goals."""
        from ipt_journal.store.course import GoalStore

        return GoalStore(self._journal)

    @cached_property
    def reviews(self) -> ReviewStore:
        """The end-of-course review."""
        from ipt_journal.store.course import ReviewStore

        return ReviewStore(self._journal)

    @cached_property
    def safety_plan(self) -> SafetyPlanStore:
        """The safety plan."""
        from ipt_journal.store.safety_plan import SafetyPlanStore

        return SafetyPlanStore(self._journal)

    @cached_property
    def coping(self) -> CopingStore:
        """Coping strategies and their log."""
        from ipt_journal.store.practice import CopingStore

        return CopingStore(self._journal)

    @cached_property
    def exercises(self) -> ExerciseStore:
        """Guided exercises done."""
        from ipt_journal.store.practice import ExerciseStore

        return ExerciseStore(self._journal)

    @cached_property
    def homework(self) -> HomeworkStore:
        """Homework between sessions."""
        from ipt_journal.store.practice import HomeworkStore

        return HomeworkStore(self._journal)

    @cached_property
    def events(self) -> EventStore:
        """Life events."""
        from ipt_journal.store.events import EventStore

        return EventStore(self._journal)

    @cached_property
    def patterns(self) -> PatternStore:
        """The insight aggregates."""
        from ipt_journal.store.patterns import PatternStore

        return PatternStore(self._journal)

    @cached_property
    def sessions(self) -> TherapySessionStore:
        """Therapy sessions held."""
        from ipt_journal.store.sessions import TherapySessionStore

        return TherapySessionStore(self._journal)

    @cached_property
    def bring(self) -> BringStore:
        """Things to bring to the next session."""
        from ipt_journal.store.sessions import BringStore

        return BringStore(self._journal)

    @cached_property
    def search(self) -> SearchStore:
        """Full-text search."""
        from ipt_journal.store.search import SearchStore

        return SearchStore(self._journal)

    @cached_property
    def safety_plan_closing(self) -> ClosingStore:
        """The safety plan's closing questions."""
        from ipt_journal.store.safety_plan import ClosingStore

        return ClosingStore(self._journal)

    @cached_property
    def staying_well(self) -> StayingWellStore:
        """The staying-well (relapse-prevention) plan, apart from the crisis plan."""
        from ipt_journal.store.staying_well import StayingWellStore

        return StayingWellStore(self._journal)

    @cached_property
    def midpoints(self) -> MidpointStore:
        """The course's midpoint reviews."""
        from ipt_journal.store.course import MidpointStore

        return MidpointStore(self._journal)

    @cached_property
    def drafts(self) -> DraftStore:
        """What a stopped exercise had written so far."""
        from ipt_journal.store.drafts import DraftStore

        return DraftStore(self._journal)

    @cached_property
    def pathways(self) -> PathwayStore:
        """The problem-area pathways: steps done, and what they track week by week."""
        from ipt_journal.store.pathways import PathwayStore

        return PathwayStore(self._journal)
