"""The fixed vocabularies of the inventory and check-ins, with their plain labels.

Kept free of heavy imports: the CLI builds its option choices from these at start-up.
Values are what is stored in the journal and typed on the command line.
"""

from enum import StrEnum


class Choice(StrEnum):
    """A stored value with a label for people."""

    @property
    def label(self) -> str:
        return LABELS.get(self, self.value.replace("-", " "))


class Relationship(Choice):
    partner = "partner"
    spouse = "spouse"
    parent = "parent"
    child = "child"
    sibling = "sibling"
    other_family = "other-family"
    friend = "friend"
    colleague = "colleague"
    manager = "manager"
    neighbour = "neighbour"
    other = "other"


class Status(Choice):
    current = "current"
    past = "past"
    deceased = "deceased"


class Contact(Choice):
    daily = "daily"
    weekly = "weekly"
    monthly = "monthly"
    rarely = "rarely"
    none = "none"


class ExpectationsMet(Choice):
    yes = "yes"
    partly = "partly"
    no = "no"


class ProblemArea(Choice):
    grief = "grief"
    role_dispute = "role-dispute"
    role_transition = "role-transition"
    interpersonal_deficits = "interpersonal-deficits"
    none = "none"


class DisputeStage(Choice):
    renegotiation = "renegotiation"
    impasse = "impasse"
    dissolution = "dissolution"


class EventKind(Choice):
    """Kinds of life event on the interpersonal timeline."""

    loss = "loss"
    separation = "separation"
    move = "move"
    new_job_or_role = "new-job-or-role"
    conflict = "conflict"
    illness = "illness"
    birth = "birth"
    # Treatment alongside IPT, marked on the mood and questionnaire charts (issue 23, point 4).
    medication_started = "medication-started"
    dose_changed = "dose-changed"
    medication_stopped = "medication-stopped"
    doctor_visit = "doctor-visit"
    sick_leave = "sick-leave"
    hospital_stay = "hospital-stay"
    other = "other"


# The chart mark of each treatment kind: one character that reads without colour, the
# same in the terminal and the HTML report (their legends name them in words).
TREATMENT_MARKS: dict[str, str] = {
    EventKind.medication_started.value: "+",
    EventKind.dose_changed.value: "±",
    EventKind.medication_stopped.value: "x",
    EventKind.doctor_visit.value: "D",
    EventKind.sick_leave.value: "S",
    EventKind.hospital_stay.value: "H",
}


LABELS: dict[Choice, str] = {
    Contact.none: "no contact",
    ProblemArea.none: "none",
    ProblemArea.grief: "grief",
    ProblemArea.role_dispute: "role dispute",
    ProblemArea.role_transition: "role transition",
    # Named for people as they live it, with IPT's own name beside it, so the words match
    # the manual (Weissman, Markowitz & Klerman 2018) and the therapist's.
    ProblemArea.interpersonal_deficits: "loneliness and social isolation (interpersonal deficits)",
    DisputeStage.renegotiation: "renegotiation (both still working on it)",
    DisputeStage.impasse: "impasse (talks have stopped)",
    DisputeStage.dissolution: "dissolution (the relationship is ending)",
    EventKind.loss: "loss or bereavement",
    EventKind.new_job_or_role: "new job or role",
    EventKind.dose_changed: "medication dose changed",
}

CLOSENESS_LABELS = {1: "inner circle", 2: "middle ring", 3: "outer ring"}

MOOD_MIN, MOOD_MAX = 0, 10
QUALITY_MIN, QUALITY_MAX = -2, 2
QUALITY_LABELS = {
    -2: "very badly",
    -1: "badly",
    0: "neither well nor badly",
    1: "well",
    2: "very well",
}


# How much something helped, 1-5: words at both ends, as `--helpful` says them, so the list
# reads "1 not at all" ... "5 a lot" rather than "1 1" ... "5 5".
HELPFUL_MIN, HELPFUL_MAX = 1, 5
HELPFUL_ENDS = {HELPFUL_MIN: "not at all", HELPFUL_MAX: "a lot"}
HELPFUL_CHOICES = [(HELPFUL_ENDS.get(n, ""), n) for n in range(HELPFUL_MIN, HELPFUL_MAX + 1)]


def signed(quality: int) -> str:
    """-2..+2 as people write it: '+1', '0', '-2'."""
    return f"{quality:+d}" if quality else "0"


UNKNOWN_WENT = "how it went unknown"  # time together imported from an app that does not ask


def went(quality: int | None) -> str:
    """One time together's how-it-went as shown beside a name: '+1', or that nobody said."""
    return UNKNOWN_WENT if quality is None else signed(quality)


def mean_went(mean: float) -> str:
    """A mean how-it-went (-2..+2) in words: the one place a mean becomes words, for every
    screen and document. The mean is first rounded as it is shown (one decimal, half up:
    text.figures), then takes the nearest label; a mean halfway between two (-1.5) takes
    the milder one ("badly", not "very badly"): words never say more than the times did."""
    from ipt_journal.text.figures import rounded, whole_half_down

    nearest = whole_half_down(rounded(mean))  # toward zero at a half: -1.5 -> -1, +0.5 -> 0
    return QUALITY_LABELS[max(QUALITY_MIN, min(QUALITY_MAX, nearest))]


def went_label(quality: int | None) -> str:
    """'well, +1', or that nobody said."""
    return UNKNOWN_WENT if quality is None else f"{QUALITY_LABELS[quality]}, {signed(quality)}"


# The six steps of the Stanley-Brown safety plan, in order.
SAFETY_STEPS = {
    0: "What matters most to me, my reasons for living",
    1: "Warning signs that a crisis may be coming",
    2: "Things I can do on my own to cope",
    3: "People and places that take my mind off things",
    4: "People I can ask for help",
    5: "Professionals and crisis lines I can contact",
    6: "Making my surroundings safe",
}
SAFETY_PLAN_WITH_CLINICIAN = (
    # Said to everyone, a self-guided course too: it assumes no therapist.
    "A safety plan is best made with a clinician, such as your doctor or therapist: start it here, "
    "and go through it with them."
)


def step_heading(step: int, title: str) -> str:
    """'1. Warning signs ...'; the reasons for living lead the plan without a number."""
    return title if step == 0 else f"{step}. {title}"


# The staying-well plan (IPT's relapse prevention), part by part: its label, its question
# in the wizard, and the crisis plan's step an item may be moved to, one by one and only when
# the person says so (people one would tell: step 4; contacting a clinician: step 5).
STAYING_WELL = {
    "warning_signs": ("My warning signs", 1),
    "what_i_will_do": ("What I will do", 2),
    "whom_i_tell": ("Whom I will tell", 4),
    "when_to_contact": ("When I will contact my doctor or therapist", 5),
}
# The questions that close the Stanley-Brown plan, as labelled in every view.
CLOSING_LABELS = {
    "how_likely": "How likely I am to use this plan",
    "in_the_way": "What might get in the way",
    "kept_where": "Where I keep it",
}
STAYING_WELL_TITLE = "My staying-well plan"
STAYING_WELL_ABOUT = (
    "How you will notice depression coming back, and what you will do then. It is apart from "
    "your safety plan, which is for a crisis."
)


# The end-of-course review's answers, in the order asked, with their labels in documents.
REVIEW_FIELDS = (
    ("what_changed", "What changed"),
    ("what_helped", "What helped"),
    ("warning_signs", "Early warning signs"),
    ("relapse_plan", "If they return"),
    ("keep_practising", "Keep practising"),
    ("feelings_about_ending", "On ending"),
)
REVIEW_ANSWERS = tuple(key for key, _ in REVIEW_FIELDS)


# For someone who has died, their answers are labelled with the questions the inventory
# asked about them, in every view (questions.PERSON_QUESTIONS).
DECEASED_LABELS = {
    "satisfying": "What you miss",
    "unsatisfying": "Hard or unsaid",
    "together": "What you did together",
    "change": "Still to say or do in their memory",
}


def died_words(died_on: str | None) -> str:
    """'died 20 December 2025' in words (no symbol: not everyone's tradition has the same
    one); 'died December 2025' when only the month was given, 'died' when nothing was."""
    if not died_on:
        return "died"
    from ipt_journal.text.dates import stored_day_or_month

    day, month_only = stored_day_or_month(died_on)
    return f"died {day:%B} {day.year}" if month_only else f"died {day.day} {day:%B} {day.year}"
