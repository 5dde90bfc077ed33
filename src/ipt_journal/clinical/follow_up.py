"""Whom to tell and how soon: the one place the follow-up wording after a questionnaire is
decided, for every screen and output mode.

After PHQ-9 item 9 above 0 the urgency follows the answer (Simon et al., Psychiatric
Services 2013: the risk of a suicide attempt rises with each step of item 9): "several
days" asks the person to tell their therapist or doctor at the next session or sooner;
"more than half the days" or "nearly every day", or a severe total (20 or more) with any
item-9 answer, asks them to do it today. A self-guided course, or one that has ended,
has no "next session": the person is sent to their doctor (GP). One urgency per screen:
the most urgent wins and is shown last. Sources: docs/safety.md.
"""

from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from datetime import date as _date

    from ipt_journal.clinical.scales import Scale
    from ipt_journal.store import Journal

SEVERE_WITH_ITEM9 = 20  # a PHQ-9 total this high with item 9 above 0 asks for contact today
TODAY_FROM_ITEM9 = 2  # "more than half the days" or more asks for contact today
# NICE NG222 offers guided self-help as a first step for less severe depression only:
# a PHQ-9 of 16 or more in a self-guided course suggests seeing a doctor.
SELF_HELP_LIMIT = 16

NEXT_SESSION = "next-session"
SOON = "soon"
TODAY = "today"
RANK = {None: 0, SOON: 1, NEXT_SESSION: 1, TODAY: 2}


class Care(NamedTuple):
    """What the wording depends on besides the answers."""

    has_therapist: bool | None  # None: not said (or no course)
    course_over: bool
    # The planned weeks have passed but the course was not ended: a next session may not come.
    past_planned_end: bool = False

    @property
    def who(self) -> str:
        """'your therapist or doctor', or 'your doctor (GP)' when there is no session to wait for."""
        return (
            "your doctor (GP)"
            if self.has_therapist is False or self.course_over
            else "your therapist or doctor"
        )

    @property
    def self_guided(self) -> bool:
        return self.has_therapist is False and not self.course_over


def care_of(journal: "Journal") -> Care:
    """The current course's answer to "do you work with a therapist?" and whether it ended."""
    import datetime as dt

    course = journal.course.current()
    if course is None:
        return Care(None, False)
    planned_end = dt.date.fromisoformat(course.started_on) + dt.timedelta(weeks=course.planned_weeks)
    return Care(course.with_therapist, bool(course.ended_on), dt.date.today() >= planned_end)


class FollowUp(NamedTuple):
    urgency: str  # NEXT_SESSION, SOON or TODAY
    text: str


def item9_follow_up(
    item9: int, total: int, care: Care, score_urges: bool = False, lines_above: bool = True
) -> FollowUp:
    """The line after the crisis lines when PHQ-9 item 9 (`item9`, 0-3) is above 0.
    `score_urges`: a score on the same screen asks for contact soon (`score_follow_up`);
    this line then says so, as the screen's one urgency. `lines_above`: the crisis lines
    are on the screen above this line (else it points to `ipt crisis`)."""
    emergency = (
        "the emergency number above" if lines_above else "your emergency number (`ipt crisis` lists it)"
    )
    today = item9 >= TODAY_FROM_ITEM9 or total >= SEVERE_WITH_ITEM9
    if today:
        return FollowUp(
            TODAY,
            f"ipt does not tell anyone; please contact {care.who} today, and call {emergency} "
            "if you might act on these thoughts.",
        )
    if score_urges:
        return FollowUp(SOON, f"ipt does not tell anyone; please contact {care.who} soon.")
    if care.who == "your doctor (GP)":
        return FollowUp(SOON, "ipt does not tell anyone; please let your doctor (GP) know soon.")
    if care.past_planned_end:  # the planned sessions are over: no "next session" to promise
        return FollowUp(SOON, f"ipt does not tell anyone; please let {care.who} know soon.")
    if care.has_therapist is None:  # nobody said there is a therapist, so no session to wait for
        return FollowUp(
            SOON,
            "ipt does not tell anyone; please let your doctor (GP), or your therapist if you have one, "
            "know soon.",
        )
    return FollowUp(
        NEXT_SESSION,
        "ipt does not tell anyone; please let your therapist or doctor know, at your next session or sooner.",
    )


def score_follow_up(
    scale: "Scale", total: int, baseline: int | None, previous: int | None, care: Care
) -> str | None:
    """A severe score or a meaningful rise: 'please contact ... soon'; None otherwise."""
    from ipt_journal.clinical.scales import see_clinician_soon

    if not see_clinician_soon(scale, total, baseline, previous):
        return None
    if scale.severe_from is not None and total >= scale.severe_from:
        return f"Your {scale.name} score is in the {scale.band(total)} range; please contact {care.who} soon."
    return f"Your {scale.name} score has {scale.risen}; please contact {care.who} soon."


def self_help_advice(latest: int | None, baseline: int | None, care: Care, past_midpoint: bool) -> str | None:
    """For a self-guided course (NICE NG222): a PHQ-9 of 16 or more, a meaningful rise (5
    points, Löwe 2004) at any time, or no meaningful fall by mid-course, suggests a doctor."""
    if not care.self_guided or latest is None:
        return None
    from ipt_journal.clinical.scales import PHQ9

    figure = PHQ9.meaningful_change or 0  # always set for the PHQ-9
    reasons = []
    if latest >= SELF_HELP_LIMIT:
        reasons.append(f"a PHQ-9 of {latest}")
    elif baseline is not None and latest - baseline >= figure:
        reasons.append(f"a PHQ-9 that has risen from {baseline} to {latest}")
    elif baseline is not None and past_midpoint and baseline - latest < figure:
        reasons.append(f"a PHQ-9 that has not fallen by {figure} points by mid-course")
    if not reasons:
        return None
    return (
        f"With {reasons[0]}, self-help alone is usually not enough; please see your doctor (GP) "
        "about treatment. ipt can keep supporting the work alongside it."
    )


def most_urgent(*urgencies: str | None) -> str | None:
    return max(urgencies, key=lambda u: RANK[u])


def self_help_of(journal: "Journal", on: "_date") -> str | None:
    """`self_help_advice` for the journal's current course on day `on` (a date): its
    baseline and latest PHQ-9, and whether the course is past its middle."""
    import datetime as dt

    from ipt_journal.clinical.scales import PHQ9

    care = care_of(journal)
    course = journal.course.current()
    if not care.self_guided or course is None:
        return None
    latest = journal.measures.latest(PHQ9.key)
    if latest is None:
        return None
    baseline = journal.measures.baseline(PHQ9.key, course.started_on)
    weeks_in = (on - dt.date.fromisoformat(course.started_on)).days / 7
    past_midpoint = weeks_in >= course.planned_weeks / 2
    start = baseline.total if baseline is not None and baseline.id != latest.id else None
    return self_help_advice(latest.total, start, care, past_midpoint)
