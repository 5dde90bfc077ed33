"""The PHQ-9 and GAD-7 questionnaires: items as published, scoring, bands, change.

Item wording, order and answer options are kept exactly as published; both scales
are free to reproduce. Wording of results informs and never diagnoses.
"""

from __future__ import annotations

from dataclasses import dataclass

from ipt_journal.errors import InputError

CREDIT = (
    "PHQ-9 and GAD-7 were developed by Drs. Robert L. Spitzer, Janet B.W. Williams, "
    "Kurt Kroenke and colleagues, with an educational grant from Pfizer Inc."
)

OPTIONS = ("Not at all", "Several days", "More than half the days", "Nearly every day")


@dataclass(frozen=True)
class Scale:
    key: str  # as stored and typed: "phq9", "gad7"
    name: str  # as shown: "PHQ-9"
    what: str  # what it measures, in plain words
    stem: str
    items: tuple[str, ...]
    bands: tuple[tuple[int, str], ...]  # (lowest total, band), ascending
    meaningful_change: int  # points of change that count (field name kept: JSON says "meaningful")
    change_kind: str  # what that figure is called, as published: "meaningful" or "reliable"
    risen: str  # "risen meaningfully" / "risen reliably"
    severe_from: int  # a total this high asks the person to contact their therapist or doctor soon

    @property
    def max_total(self) -> int:
        return 3 * len(self.items)

    def band(self, total: int) -> str:
        if not 0 <= total <= self.max_total:
            raise ValueError(f"{self.name} total {total} is outside 0-{self.max_total}")
        return [name for lowest, name in self.bands if total >= lowest][-1]

    def parse(self, text: str, flag: str) -> list[int]:
        """'0,1,2,...' as typed after `flag`, checked in full."""
        parts = [part.strip() for part in text.replace(" ", ",").split(",") if part.strip()]
        count = len(self.items)
        if len(parts) != count:
            raise InputError(
                f"{flag} needs exactly {count} answers from 0 to 3, separated by commas; got {len(parts)}.",
                f"For example: {flag} {','.join(['0'] * count)}",
            )
        answers = []
        for number, part in enumerate(parts, start=1):
            if part not in ("0", "1", "2", "3"):
                raise InputError(f"{flag} answer {number} must be 0, 1, 2 or 3, got {part!r}.")
            answers.append(int(part))
        return answers


PHQ9 = Scale(
    key="phq9",
    name="PHQ-9",
    what="depression",
    stem="Over the last 2 weeks, how often have you been bothered by any of the following problems?",
    items=(
        "Little interest or pleasure in doing things",
        "Feeling down, depressed, or hopeless",
        "Trouble falling or staying asleep, or sleeping too much",
        "Feeling tired or having little energy",
        "Poor appetite or overeating",
        "Feeling bad about yourself — or that you are a failure or have let yourself or your family down",
        "Trouble concentrating on things, such as reading the newspaper or watching television",
        "Moving or speaking so slowly that other people could have noticed? Or the opposite — "
        "being so fidgety or restless that you have been moving around a lot more than usual",
        "Thoughts that you would be better off dead or of hurting yourself in some way",
    ),
    bands=((0, "minimal"), (5, "mild"), (10, "moderate"), (15, "moderately severe"), (20, "severe")),
    meaningful_change=5,  # a meaningful-change figure: Löwe et al. 2004
    change_kind="meaningful",
    risen="risen meaningfully",
    severe_from=20,
)

GAD7 = Scale(
    key="gad7",
    name="GAD-7",
    what="anxiety",
    stem="Over the last 2 weeks, how often have you been bothered by the following problems?",
    items=(
        "Feeling nervous, anxious or on edge",
        "Not being able to stop or control worrying",
        "Worrying too much about different things",
        "Trouble relaxing",
        "Being so restless that it is hard to sit still",
        "Becoming easily annoyed or irritable",
        "Feeling afraid as if something awful might happen",
    ),
    bands=((0, "minimal"), (5, "mild"), (10, "moderate"), (15, "severe")),
    meaningful_change=4,  # a reliable-change figure: the threshold NHS Talking Therapies uses
    change_kind="reliable",
    risen="risen reliably",
    severe_from=15,
)

SCALES = {scale.key: scale for scale in (PHQ9, GAD7)}
# The PHQ-9 item about thoughts of death or self-harm (1-based, as published).
PHQ9_SAFETY_ITEM = 9
REMISSION_BELOW = 5  # a total below this is what studies call remission
RESPONSE_DROP = 0.5  # a fall from baseline of half or more is what studies call a response
# Response and remission mean something only from a baseline in the clinical range
# (the HEDIS depression remission-or-response measure; the same cut-off for the GAD-7).
CLINICAL_BASELINE = 10
DIFFICULTY_QUESTION = (
    "If you checked off any problems, how difficult have these problems made it for you "
    "to do your work, take care of things at home, or get along with other people?"
)
DIFFICULTY_OPTIONS = ("Not difficult at all", "Somewhat difficult", "Very difficult", "Extremely difficult")
DIFFICULTY_SHORT = ("not at all", "somewhat", "very", "extremely")  # for narrow tables


def needs_safety_message(scale_key: str, answers: list[int]) -> bool:
    """Any answer above 0 to PHQ-9 item 9."""
    return scale_key == PHQ9.key and answers[PHQ9_SAFETY_ITEM - 1] > 0


@dataclass
class Change:
    """How a score moved against an earlier one."""

    points: int  # latest minus earlier; negative is fewer symptoms
    meaningful: bool


def change(scale: Scale, earlier: int, latest: int) -> Change:
    points = latest - earlier
    return Change(points=points, meaningful=abs(points) >= scale.meaningful_change)


def clinical_baseline(baseline: int | None) -> bool:
    """Whether response and remission can be spoken of at all from this baseline."""
    return baseline is not None and baseline >= CLINICAL_BASELINE


def response(baseline: int | None, latest: int) -> bool | None:
    """Down by half or more from a baseline of 10 or more; None when the baseline was lower
    (or missing), where the word does not apply."""
    if not clinical_baseline(baseline):
        return None
    return (baseline - latest) >= RESPONSE_DROP * baseline


def remission(baseline: int | None, latest: int) -> bool | None:
    """Below 5 after a baseline of 10 or more; None when the baseline was lower (or missing)."""
    if not clinical_baseline(baseline):
        return None
    return latest < REMISSION_BELOW


def see_clinician_soon(scale: Scale, total: int, baseline: int | None, previous: int | None) -> bool:
    """A severe score, or a meaningful rise since the baseline or the previous one."""
    rises = [total - earlier for earlier in (baseline, previous) if earlier is not None]
    return total >= scale.severe_from or any(rise >= scale.meaningful_change for rise in rises)


def describe(scale: Scale, total: int, who: str = "your therapist or doctor", urge: bool = True) -> str:
    """The result in plain, non-diagnostic words. `who`: see `follow_up.Care.who`. `urge`
    False when a more urgent line follows on the same screen (one urgency per screen), so a
    severe score names its range only."""
    band = scale.band(total)
    if total >= scale.severe_from and not urge:
        return f"Your {scale.name} score is {total} of {scale.max_total}, in the {band} range."
    advice = (
        f"please contact {who} soon"
        if total >= scale.severe_from
        else f"worth discussing with {who}"
        if total >= 10
        else "worth keeping an eye on"
        if total >= 5
        else "keep tracking it over time"
    )
    return f"Your {scale.name} score is {total} of {scale.max_total}, in the {band} range; {advice}."
