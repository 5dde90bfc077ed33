"""The work of the course for the report and the clinician document, as plain data: the
focus's pathway (each step done with its day, or still to come), the role dispute's stage
week by week over the report's window with where it stands now, and the midpoint review
if one was written. `ipt report` (terminal and JSON) and the clinician document (Markdown
and HTML) all show these figures, from here, so they say the same thing."""

import datetime as dt
from typing import TYPE_CHECKING, Any, NamedTuple

from ipt_journal.clinical.pathways import PHASE_WORDS, Pathway, StepState, next_words

if TYPE_CHECKING:
    from ipt_journal.insight.pathways import DisputeNow
    from ipt_journal.store import Journal
    from ipt_journal.store.course import Midpoint

# The midpoint review's parts, labelled as the review asks them (wizards/midpoint.py).
MIDPOINT_PARTS = (
    ("focus_still_right", "Is the focus still the right one"),
    ("focus_note", "About the focus"),
    ("goals_note", "How the goals are going"),
    ("next_half", "To work on in the second half"),
)


class CourseWork(NamedTuple):
    pathways: list[Pathway]
    stage_weeks: list[tuple[str, str]]  # (its Monday, stage), oldest first
    dispute: "DisputeNow | None"
    midpoint: "Midpoint | None"

    @property
    def is_empty(self) -> bool:
        return not (self.pathways or self.stage_weeks or self.dispute or self.midpoint)

    @property
    def midpoint_heading(self) -> str:
        return f"Midpoint review ({self.midpoint.day})" if self.midpoint else ""

    def midpoint_answers(self) -> list[tuple[str, str]]:
        m = self.midpoint
        if m is None:
            return []
        return [(label, str(getattr(m, key))) for key, label in MIDPOINT_PARTS if getattr(m, key)]

    def pathway_lines(self) -> list[str]:
        """Each pathway in words: a heading line, then one line a step (done on its day, or
        still to come), then its next step, as `ipt pathway` says it."""
        lines: list[str] = []
        for path in self.pathways:
            done = f"{path.done_count} of {len(path.steps)} steps done"
            lines.append(f"{path.label.capitalize()} pathway: {done}.")
            for number, state in enumerate(path.steps, start=1):
                lines.append(f"{number}. {state.step.title}  [{step_status(path, state)}]")
            lines.append(next_words(path))
        return lines

    def as_json(self) -> dict[str, Any]:
        return {
            "pathways": [
                {
                    "area": p.area,
                    "label": p.label,
                    "done": p.done_count,
                    "steps": [
                        {
                            "step": s.step.key,
                            "title": s.step.title,
                            "phase": s.step.phase,
                            "done_on": s.done.day if s.done else None,
                            "status": step_status(p, s),
                        }
                        for s in p.steps
                    ],
                    "next": p.next.step.key if p.next else None,
                    "next_words": next_words(p),
                }
                for p in self.pathways
            ],
            "dispute_now": self.dispute.as_json() if self.dispute else None,
            "midpoint": (
                {"day": self.midpoint.day, **{key: getattr(self.midpoint, key) for key, _ in MIDPOINT_PARTS}}
                if self.midpoint
                else None
            ),
        }


def step_status(path: Pathway, state: StepState) -> str:
    """As `ipt pathway` says it: done on its day, next, to do, or from a later phase."""
    if state.done:
        return f"done {state.done.day}"
    if not state.ready:
        return f"from the {PHASE_WORDS[state.step.phase]} phase"
    return "next" if state is path.next else "to do"


def build_course_work(journal: "Journal", since: dt.date, today: dt.date) -> CourseWork:
    """The current course's work (none without a course): the pathway as on `today`, the
    stage's weeks from `since` (the report's window), the course's latest midpoint review."""
    from ipt_journal.insight.pathways import build, dispute_now, dispute_weeks

    course = journal.course.current()
    if course is None:
        return CourseWork([], [], None, None)
    screen = build(journal, today)
    return CourseWork(
        screen.pathways,
        [(w.week, w.dispute_stage) for w in dispute_weeks(journal, since) if w.dispute_stage],
        dispute_now(journal),
        journal.midpoints.latest(course.started_on),
    )
