"""The review's look back: the story of the course, before its questions."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text

from ipt_journal.insight.story import CourseStory
from ipt_journal.render.common import new_console
from ipt_journal.render.report import SAME_BELOW, event_line
from ipt_journal.text.figures import shown
from ipt_journal.text.messages import count, goal_rating

if TYPE_CHECKING:
    from collections.abc import Sequence

    from ipt_journal.insight.course_figures import ScaleProgress


def course_story(story: CourseStory) -> None:
    console = new_console()
    c = story.course
    where = ""
    if c:
        where = f" ({c.words})"
    console.print(Text(f"Looking back: {story.since} to {story.until}{where}", style="bold"))
    if story.gap:
        console.print(Text(story.gap.sentence()))
    if story.mood:
        m = story.mood
        moved = m.change
        trend = (
            "about the same"
            if abs(moved) < SAME_BELOW
            else f"{'up' if moved > 0 else 'down'} {shown(abs(moved))}"
        )
        console.print(
            f"Mood: {shown(m.first_mean)} on average in the first {count(m.weeks_compared, 'week')} with "
            f"check-ins, {shown(m.last_mean)} in the last {m.weeks_compared}: {trend}."
        )
    for p in story.questionnaires:
        # Response and remission are None unless the baseline was in the clinical range.
        marks = [
            words
            for applies, words in (
                (p.response, "what studies call a response"),
                (p.remission, "what studies call remission"),
            )
            if applies
        ]
        extra = f": {' and '.join(marks)}" if marks else ""
        console.print(
            f"{p.name}: {p.baseline} at the start ({p.baseline_day}), "
            f"{p.latest} now ({p.latest_band}){extra}."
        )
    changes = {change.name: change for change in story.insight.changes}
    for person in story.people:
        change = changes.get(person.name)
        during = "during the course" if c else "since your first check-in"
        if story.gap and story.gap.last_empty:  # every figure of the line from after the gap
            during = f"from {story.gap.compared_from} to {story.gap.compared_until}"
        line = f"{person.name}: time together in {count(person.interactions, 'check-in')} {during}"
        if person.mean_quality is not None:  # None: how it went unknown every time (imported)
            line += f", going {shown(person.mean_quality, signed=True)} on average (-2 to +2)"
        if change and change.quality != "too few":
            line += (
                f"; {shown(change.early_quality, signed=True)} in the first half, "
                f"{shown(change.late_quality, signed=True)} in the second: "
                f"{change.quality}, seen {change.contact}"
            )
        console.print(Text(line + "."))
    if story.people_before_gap:
        console.print(
            Text(
                f"Seen only before {story.gap.compared_from if story.gap else story.since}: "
                f"{', '.join(story.people_before_gap)} (ipt inventory show NAME)."
            )
        )
    for event in story.events:
        console.print(Text(f"Life event: {event_line(event)}."))
    for goal in story.goals:
        progress = goal_rating(goal.first_rating, goal.latest_rating, goal.ratings, inside=True)
        rating = f", {progress}" if progress else ""
        console.print(Text(f"Goal: {goal.text} ({goal.status}{rating})"))
    if story.review:
        from ipt_journal.clinical.vocab import REVIEW_FIELDS

        console.print(Text(f"Your review of {story.review['day']}:", style="bold"))
        for key, label in REVIEW_FIELDS:
            if story.review.get(key):
                console.print(Text(f"  {label}: {story.review[key]}"))
    console.print(ending_line(story.questionnaires, story.who))


def ending_line(progress: Sequence[ScaleProgress], who: str = "your therapist or doctor") -> str:
    """The last word of the look back, true whether or not the scores improved: credit for
    a fall only when every score fell by its figure, and said as it is when only some did.
    `who`: whom to talk with (`follow_up.Care.who`: "your doctor (GP)" without a therapist)."""
    from ipt_journal.clinical.course import score_moves
    from ipt_journal.clinical.scales import SCALES

    moves = score_moves(progress)
    if moves is None:
        return "Whatever changed in these weeks, you did the work that changed it."
    if moves["down"] and not moves["up"] and not moves["same"]:
        return "Your scores came down, and you did the work that brought them down."

    def moved(p: ScaleProgress, how: str) -> str:
        by = "meaningfully" if SCALES[p.scale].change_kind == "meaningful" else "by a reliable change"
        return f"your {p.name} score {how} {by}"

    def same(p: ScaleProgress) -> str:
        by = "meaningfully" if SCALES[p.scale].change_kind == "meaningful" else "reliably"
        return f"your {p.name} score has not changed {by}"

    if moves["down"]:
        fell = ", and ".join(moved(p, "came down") for p in moves["down"])
        rest = ", and ".join([moved(p, "went up") for p in moves["up"]] + [same(p) for p in moves["same"]])
        return (
            f"Y{fell[1:]}, but {rest}. You did the work behind what changed; please talk with "
            f"{who} about what could help with the rest."
        )
    return (
        "Your scores have not come down meaningfully over the course. That means this "
        f"treatment has not worked for you so far, not that you failed. Please talk with {who} "
        "about other options: there are several, and many people find one that helps."
    )
