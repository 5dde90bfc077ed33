"""The questionnaires: PHQ-9, GAD-7 and WSAS; items as published, scoring, bands, change.

Item wording, order and answer options are kept as published (docs/safety.md cites each
source and its terms of use). Wording of results informs and never diagnoses.
"""

from collections.abc import Iterable, Sequence
from typing import NamedTuple

from ipt_journal.errors import InputError

CREDIT = (
    "PHQ-9 and GAD-7 were developed by Drs. Robert L. Spitzer, Janet B.W. Williams, "
    "Kurt Kroenke and colleagues, with an educational grant from Pfizer Inc."
)

OPTIONS = ("Not at all", "Several days", "More than half the days", "Nearly every day")
# The WSAS's 0-8 answers: the printed form labels every other point.
WSAS_OPTIONS = (
    "Not at all",
    "(between)",
    "Slightly",
    "(between)",
    "Definitely",
    "(between)",
    "Markedly",
    "(between)",
    "Very severely",
)
NOT_APPLICABLE = "n/a"  # typed for the WSAS work item by someone retired or not working by choice


class Scale(NamedTuple):
    key: str  # as stored and typed: "phq9", "gad7"
    name: str  # as shown: "PHQ-9"
    what: str  # what it measures, in plain words
    stem: str
    items: tuple[str, ...]
    bands: tuple[tuple[int, str], ...]  # (lowest total, band), ascending
    # Points of change that count (field name kept: JSON says "meaningful"); None where no
    # published figure was found (the WSAS): a change is then told in points, never judged.
    meaningful_change: int | None
    change_kind: str  # what that figure is called, as published: "meaningful" or "reliable"
    risen: str  # "risen meaningfully" / "risen reliably"
    # A total this high asks the person to contact their therapist or doctor soon; None for a
    # scale of functioning, where no total is a reason for urgency on its own.
    severe_from: int | None
    options: tuple[str, ...] = OPTIONS  # answer labels, 0 first
    about: str = "about the last two weeks"  # what its questions ask about, for an offer to take it
    discuss_from: int = 10  # "worth discussing with ..." from this total
    watch_from: int | None = 5  # "worth keeping an eye on" from this total
    symptoms: bool = True  # a symptom scale: response and remission are spoken of
    asks_difficulty: bool = True  # ends with the PHQ's unscored difficulty question
    # The 1-based item that may be answered "not applicable" (the WSAS work item), if any.
    optional_item: int | None = None
    optional_label: str = ""  # that answer, as offered
    optional_hint: str = ""  # when it applies, in a few words

    def stands_in(self, answers: Sequence[int | None]) -> str | None:
        """Said beside a total where the optional item was not applicable."""
        if None not in answers:
            return None
        return (
            "Work did not apply (n/a): the mean of your other answers stands in for it in the "
            "total, as the NHS Data Dictionary scores the WSAS."
        )

    @property
    def top_answer(self) -> int:
        return len(self.options) - 1

    @property
    def max_total(self) -> int:
        return self.top_answer * len(self.items)

    def total(self, answers: Sequence[int | None]) -> int:
        """The sum of the answers; with the optional item not applicable, the other items'
        mean stands in for it (the NHS Data Dictionary's rule for the W&SAS score), rounded
        half up to a whole number (it never moves a WSAS total across a band edge)."""
        given = [answer for answer in answers if answer is not None]
        if len(given) == len(answers):
            return sum(given)
        # sum * n / len(given), rounded half up, in integers (no float error at .5).
        return (2 * sum(given) * len(answers) + len(given)) // (2 * len(given))

    def band(self, total: int) -> str:
        if not 0 <= total <= self.max_total:
            raise ValueError(f"{self.name} total {total} is outside 0-{self.max_total}")
        return [name for lowest, name in self.bands if total >= lowest][-1]

    def parse(self, text: str, flag: str) -> list[int | None]:
        """'0,1,2,...' as typed after `flag`, checked in full; `n/a` for the optional item."""
        parts = [part.strip() for part in text.replace(" ", ",").split(",") if part.strip()]
        count, top = len(self.items), self.top_answer
        if len(parts) != count:
            raise InputError(
                f"{flag} needs exactly {count} answers from 0 to {top}, separated by commas; "
                f"got {len(parts)}.",
                f"For example: {flag} {','.join(['0'] * count)}",
            )
        allowed = [str(value) for value in range(top + 1)]
        answers: list[int | None] = []
        for number, part in enumerate(parts, start=1):
            if number == self.optional_item and part.lower() == NOT_APPLICABLE:
                answers.append(None)
                continue
            if part not in allowed:
                words = ", ".join(allowed[:-1]) + f" or {top}"
                if number == self.optional_item:
                    words += f", or {NOT_APPLICABLE} where it does not apply ({self.optional_hint})"
                raise InputError(f"{flag} answer {number} must be {words}, got {part!r}.")
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

# Work and Social Adjustment Scale (Mundt, Marks, Shear & Greist, Br J Psychiatry
# 2002;180:461-464): functioning, IPT's other outcome. Bands from the paper's discussion:
# below 10, 10-20, above 20 (docs/safety.md has its exact words and why these names).
WSAS = Scale(
    key="wsas",
    name="WSAS",
    what="work and social functioning",
    stem=(
        "People's problems sometimes affect their ability to do certain day-to-day tasks in "
        "their lives. To rate your problems look at each section and determine on the scale "
        "provided how much your problem impairs your ability to carry out the activity. "
        "0 means not at all impaired and 8 means very severely impaired."
    ),
    items=(
        "Because of my problem my ability to work is impaired (8: very severely impaired, to the "
        "point I can't work)",
        "Because of my problem my home management (cleaning, tidying, shopping, cooking, looking "
        "after home or children, paying bills) is impaired",
        "Because of my problem my social leisure activities (with other people, e.g. parties, "
        "bars, clubs, outings, visits, dating, home entertaining) are impaired",
        "Because of my problem my private leisure activities (done alone, such as reading, "
        "gardening, collecting, sewing, walking alone) are impaired",
        "Because of my problem my ability to form and maintain close relationships with others, "
        "including those I live with, is impaired",
    ),
    bands=((0, "lower impairment"), (10, "significant impairment"), (21, "moderately severe impairment")),
    meaningful_change=None,  # no published figure found in a checked source: points only
    change_kind="",
    risen="",
    severe_from=None,
    options=WSAS_OPTIONS,
    about="about how your problems affect work, home, leisure and close relationships",
    watch_from=None,
    symptoms=False,
    asks_difficulty=False,
    optional_item=1,
    optional_label=(
        "Not applicable: I am retired or choose not to have a job for reasons unrelated to my problem"
    ),
    optional_hint="retired, or not working by choice for reasons unrelated to your problem",
)
WSAS_CREDIT = (
    "Work and Social Adjustment Scale: Mundt, Marks, Shear & Greist, Br J Psychiatry 2002;180:461-464. "
    "Copyright Isaac M. Marks."
)

SCALES = {scale.key: scale for scale in (PHQ9, GAD7, WSAS)}
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


def credit(scale: Scale) -> str:
    return WSAS_CREDIT if scale.key == WSAS.key else CREDIT


def credits(keys: Iterable[str]) -> list[str]:
    """The credit lines for the scales shown (their terms ask for it wherever they are)."""
    return list(dict.fromkeys(credit(SCALES[key]) for key in keys))


def answer_text(answer: int | None) -> str:
    """One item's answer as shown: the number, or n/a (the WSAS work item)."""
    return NOT_APPLICABLE if answer is None else str(answer)


def answers_text(answers: Sequence[int | None]) -> str:
    return " ".join(map(answer_text, answers))


def item9(answers: Sequence[int | None]) -> int:
    """A PHQ-9's item 9 answer (every PHQ-9 item is answered: `models.MeasureIn`)."""
    return answers[PHQ9_SAFETY_ITEM - 1] or 0


def needs_safety_message(scale_key: str, answers: Sequence[int | None]) -> bool:
    """Any answer above 0 to PHQ-9 item 9."""
    return scale_key == PHQ9.key and (answers[PHQ9_SAFETY_ITEM - 1] or 0) > 0


class Change(NamedTuple):
    """How a score moved against an earlier one."""

    points: int  # latest minus earlier; negative is fewer symptoms
    meaningful: bool | None  # None: the scale has no published change figure (the WSAS)


def change(scale: Scale, earlier: int, latest: int) -> Change:
    points = latest - earlier
    figure = scale.meaningful_change
    return Change(points=points, meaningful=None if figure is None else abs(points) >= figure)


def clinical_baseline(baseline: int | None) -> bool:
    """Whether response and remission can be spoken of at all from this baseline."""
    return baseline is not None and baseline >= CLINICAL_BASELINE


def response(baseline: int | None, latest: int, scale: Scale | None = None) -> bool | None:
    """Down by half or more from a baseline of 10 or more; None when the baseline was lower
    (or missing), or the scale measures functioning, where the word does not apply."""
    if baseline is None or not clinical_baseline(baseline) or (scale is not None and not scale.symptoms):
        return None
    return (baseline - latest) >= RESPONSE_DROP * baseline


def remission(baseline: int | None, latest: int, scale: Scale | None = None) -> bool | None:
    """Below 5 after a baseline of 10 or more; None when the baseline was lower (or missing),
    or the scale measures functioning."""
    if not clinical_baseline(baseline) or (scale is not None and not scale.symptoms):
        return None
    return latest < REMISSION_BELOW


def see_clinician_soon(scale: Scale, total: int, baseline: int | None, previous: int | None) -> bool:
    """A severe score, or a meaningful rise since the baseline or the previous one."""
    rises = [total - earlier for earlier in (baseline, previous) if earlier is not None]
    severe = scale.severe_from is not None and total >= scale.severe_from
    figure = scale.meaningful_change
    return severe or (figure is not None and any(rise >= figure for rise in rises))


def describe(scale: Scale, total: int, who: str = "your therapist or doctor", urge: bool = True) -> str:
    """The result in plain, non-diagnostic words. `who`: see `follow_up.Care.who`. `urge`
    False when a more urgent line follows on the same screen (one urgency per screen), so a
    severe score names its range only."""
    band = scale.band(total)
    severe = scale.severe_from is not None and total >= scale.severe_from
    if severe and not urge:
        return f"Your {scale.name} score is {total} of {scale.max_total}, in the {band} range."
    advice = (
        f"please contact {who} soon"
        if severe
        else f"worth discussing with {who}"
        if total >= scale.discuss_from
        else "worth keeping an eye on"
        if scale.watch_from is not None and total >= scale.watch_from
        else "keep tracking it over time"
    )
    return f"Your {scale.name} score is {total} of {scale.max_total}, in the {band} range; {advice}."
