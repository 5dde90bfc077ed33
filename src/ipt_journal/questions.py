"""What the wizards ask, as data: one list of questions per record, read by one flow.

Wording lives here, apart from the code that asks, so it can be reviewed in one place.
"""

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, NamedTuple

from ipt_journal.clinical.vocab import (
    CLOSENESS_LABELS,
    QUALITY_LABELS,
    Contact,
    DisputeStage,
    ExpectationsMet,
    ProblemArea,
    Relationship,
    Status,
    signed,
)

if TYPE_CHECKING:
    from ipt_journal.clinical.vocab import Choice


class Question(NamedTuple):
    field: str
    kind: str  # "text", "select", "yes-no", "day" or "holidays" (names and MM-DD, checked as typed)
    message: str
    choices: tuple[tuple[str, object], ...] = ()
    required: bool = False
    when: Callable[[dict], bool] | None = None  # asked only if this holds for the answers so far


def _enum_choices(enum: "type[Choice]") -> tuple[tuple[str, object], ...]:
    return tuple((member.label, member.value) for member in enum)


def _living(answers: dict) -> bool:
    """Contact, expectations and disagreements are asked only about someone alive; for
    someone who has died the inventory asks grief-suited questions instead."""
    return answers.get("status") != Status.deceased.value


def _died(answers: dict) -> bool:
    return not _living(answers)


PERSON_QUESTIONS: tuple[Question, ...] = (
    Question("name", "text", "Name (or a nickname only you would know)", required=True),
    Question("relationship", "select", "Who are they to you?", _enum_choices(Relationship), required=True),
    Question(
        "status",
        "select",
        "Is this relationship current, in the past, or ended by death?",
        _enum_choices(Status),
        required=True,
    ),
    Question(
        "closeness",
        "select",
        "How close do you feel? (closeness circle)",
        tuple((f"{ring} - {label}", ring) for ring, label in CLOSENESS_LABELS.items()),
    ),
    Question("contact", "select", "How often are you in contact?", _enum_choices(Contact), when=_living),
    Question("together", "text", "What do you do together?", when=_living),
    Question("together", "text", "What did you do together?", when=_died),
    Question("satisfying", "text", "What is satisfying about this relationship?", when=_living),
    Question("unsatisfying", "text", "What is unsatisfying or hard about it?", when=_living),
    Question("satisfying", "text", "What do you miss most about them?", when=_died),
    Question("unsatisfying", "text", "What was hard between you, or is left unsaid?", when=_died),
    Question("their_expectations", "text", "What do they expect of you?", when=_living),
    Question("my_expectations", "text", "What do you expect of them?", when=_living),
    Question(
        "expectations_met",
        "select",
        "Are those expectations being met?",
        _enum_choices(ExpectationsMet),
        when=_living,
    ),
    Question("disagreements", "text", "When you disagree, how does it usually go?", when=_living),
    Question(
        "resolved",
        "select",
        "Do your disagreements get resolved?",
        _enum_choices(ExpectationsMet),
        when=_living,
    ),
    Question("can_confide", "yes-no", "Can you confide in them?", when=_living),
    Question("can_talk_about", "text", "What can you talk about with them?", when=_living),
    Question("cannot_talk_about", "text", "What can you not talk about with them?", when=_living),
    Question("change", "text", "What would you like to change?", when=_living),
    Question(
        "change",
        "text",
        "Is there anything you would still like to say to them, or do in their memory?",
        when=_died,
    ),
    Question("died_on", "day", "When did they die? A day, or only the month (2026-04)", when=_died),
    Question(
        "holidays",
        "holidays",
        "Days that may be hard without them, each a name and month-day, like "
        "'Christmas 12-25; his birthday 03-14'",
        when=_died,
    ),
    Question(
        "problem_area",
        "select",
        "Which IPT problem area does this relationship touch?",
        _enum_choices(ProblemArea),
        when=_living,
    ),
    Question(
        "problem_area",
        "select",
        "Is this loss part of what you are working on (grief)?",
        (
            (ProblemArea.grief.label, ProblemArea.grief.value),
            (ProblemArea.none.label, ProblemArea.none.value),
        ),
        when=_died,
    ),
    Question(
        "dispute_stage",
        "select",
        "Where is the dispute now?",
        _enum_choices(DisputeStage),
        when=lambda answers: (
            _living(answers) and answers.get("problem_area") == ProblemArea.role_dispute.value
        ),
    ),
    Question("notes", "text", "Anything else to note?"),
)

NEWCOMER_QUESTIONS: tuple[Question, ...] = tuple(
    q for q in PERSON_QUESTIONS if q.field in ("name", "relationship", "closeness")
)

MOOD_CHOICES = tuple(
    (f"{mood}{' - worst' if mood == 0 else ' - best' if mood == 10 else ''}", mood)
    for mood in range(10, -1, -1)
)

QUALITY_CHOICES = tuple(
    (f"{signed(quality)}  {label}", quality)
    for quality, label in sorted(QUALITY_LABELS.items(), reverse=True)
)

CHECKIN = {
    "day": "Which day is this check-in for? (YYYY-MM-DD, yesterday, last friday, ...)",
    "mood": "How has your mood been, 0 (worst) to 10 (best)?",
    "people": "Who did you spend meaningful time with?",
    "newcomer": "Someone not in your inventory yet",
    "more_newcomers": "Add someone else who is not in your inventory?",
    # Said after an empty pick: the list itself shows only "done".
    "no_one": "No one this time.",
    "quality": "How did it go with {name}?",
    "what_happened": "What happened with {name}? (optional, one line)",
    "note": "A note about this week? (optional; type e and Enter to write it in your editor)",
    "tags": "Tags, separated by commas? (optional)",
    "measure": "Take the {name} now? It is worth doing every {days} days or so ({when}).",
    "goal": 'Progress on your goal "{text}", from 0 (none) to 10 (reached)? (Enter to skip)',
}

# A line of guidance for each step of the safety plan, shown by its wizard.
SAFETY_PLAN = {
    0: "People, pets, plans, beliefs: what makes it worth getting through a hard moment.",
    1: "Thoughts, feelings or situations that tell you things are getting worse.",
    2: "Things you can do on your own to get through a hard moment.",
    3: "People and places that take your mind off things, even a little.",
    4: "People you could tell that you are struggling and ask for help.",
    5: (
        "Your clinician, your doctor, and the nearest emergency department (its name and address); "
        "ipt adds the crisis lines for you."
    ),
    6: (
        "Put what you could use to hurt yourself (medicines, firearms, anything else) out of reach, "
        "or ask someone you trust to hold it for now."
    ),
}

START = {
    "background": "A little about you and your life now (optional)",
    "reason": "What brings you to IPT now? (optional)",
    "baseline": "Take the {name} now ({count} short questions {about})?",
    "baseline_past": "Do you have {name} answers from around your first session ({day}) to enter?",
    "baseline_date": "Which day did you answer them? (YYYY-MM-DD)",
    "therapist": "Are you working with a therapist?",
    "start_date": "When is (or was) your first session? (YYYY-MM-DD)",
    "weeks": "How many weekly sessions are planned? (8 to 20; 12 is usual)",
    "inventory": "Add people to your interpersonal inventory now? ({count} there so far)",
    "more_people": "Add someone else?",
    "focus": "Which problem area will you focus on? (one, at most two)",
    "dispute_person": "Who is the dispute with?",
    "dispute_stage": "Where does the dispute stand?",
    "goal": "Goal {number}: something concrete you want to change (Enter when done)",
    "encrypt": "Protect your journal with a passphrase? (you can also do it later: ipt encrypt)",
    "formulation_intro": (
        "Putting it together: in a sentence or two, how does your low mood link to your focus and "
        "the people in it? For example: {example}"
    ),
    "formulation": "In your own words (Enter to skip; you can write or revise it later)",
    "formulation_agree": "Have you agreed this with your therapist? (you can say so later too)",
}

# The start wizard's steps, announced as "Step 3 of 8: ..." so the person knows how far
# there is to go; a revision skips the questionnaires and the life events.
START_STEPS = (
    "about you and your sessions",
    "questionnaires",
    "how many sessions",
    "the people in your life",
    "life events",
    "your focus",
    "your goals",
    "putting it together",
)
START_FIRST_TIME_ONLY = ("questionnaires", "life events")

# The formulation's example follows the focus chosen (the first, if two).
FORMULATION_EXAMPLES = {
    "grief": "'Since Mum died I have stopped seeing friends, and I feel empty; I want to grieve "
    "her and let people back in.'",
    "role-dispute": "'Sam and I keep fighting about money, and I feel low and stuck; I want us to "
    "say what each of us expects and find a way through.'",
    "role-transition": "'Since I moved for the new job I have lost touch with my friends, and I "
    "feel low and alone; I want to build a life here.'",
    "interpersonal-deficits": "'I have few people to call and friendships fade, and I feel low "
    "and alone; I want to make, and keep, a few closer friends.'",
    None: "'Since the move I see almost no one, and I feel low and alone; I want to reconnect.'",
}

REVIEW = {
    "what_changed": "What has changed for you since the start, in mood and with people? (Enter to skip)",
    "what_helped": "What helped most? (Enter to skip)",
    "warning_signs": "What early warning signs would tell you things are slipping? (Enter to skip)",
    "relapse_plan": "If those signs come back, what will you do? (Enter to skip)",
    "whom_i_tell": "Whom will you tell? (Enter to skip)",
    "when_to_contact": (
        "When will you contact your doctor or therapist? For example: if the signs last two weeks "
        "(Enter to skip)"
    ),
    "keep_practising": "How will you keep using what you learned? (Enter to skip)",
    "feelings_about_ending": (
        "How do you feel about the course ending? Sadness, worry or relief are all common. (Enter to skip)"
    ),
}
# The staying-well plan's questions (ipt staying-well edit); the review asks the same.
STAYING_WELL = {
    "warning_signs": "What early warning signs would tell you things are slipping? (Enter to keep)",
    "what_i_will_do": "If those signs come back, what will you do? (Enter to keep)",
    "whom_i_tell": "Whom will you tell? (Enter to keep)",
    "when_to_contact": (
        "When will you contact your doctor or therapist? For example: if the signs last two weeks "
        "(Enter to keep)"
    ),
}
# Asked once per part, after the staying-well plan is saved; the answer defaults to No.
TO_CRISIS_PLAN = "Also put {label} ('{text}') in step {step} of your safety plan ({title})?"

HOMEWORK: dict[str, Any] = {
    "tried": 'Homework due {due}: "{text}". Did you try it?',
    "answers": (("yes, I tried it", "done"), ("not yet, keep it", "open"), ("let it go", "skipped")),
    "day": "Which day did you do it? (YYYY-MM-DD, yesterday, last friday, ...)",
    "outcome": "How did it go? (Enter to skip)",
    "helpful": "How much did it help?",
}

EVENT = {
    "day": "When did it happen? (YYYY-MM-DD, or YYYY-MM if you only know the month)",
    "kind": "What kind of event was it?",
    "people": "Who was involved? (none is fine)",
    "note": "A few words about it? (Enter to skip)",
    "around_low_mood": (
        "Life events around when your mood began to get low (a loss, a move, a conflict...) often "
        "matter in IPT. Record some now?"
    ),
    "more": "Record another event?",
}

# `ipt course end`: what becomes of each open goal (the flag for each answer beside it).
GOAL_AT_END = "Goal #{id}: {text}. What becomes of it now the course ends?"
GOAL_AT_END_ANSWERS = (
    ("reached: mark it done", "done"),
    ("keep working on it after the course", "keep"),
    ("let it go (it stays in your history)", "drop"),
)

THERAPY_SESSION = {
    "day": "Which day was the session? (YYYY-MM-DD)",
    "with_whom": "Who was it with? (a name or role; Enter for a session on your own)",
    "worked_on": "What did you work on? (optional)",
    "agreed": "What did you agree? (optional)",
    "homework": "Homework you agreed to try? (Enter for none)",
    "homework_more": "More homework? (Enter when done)",
    "discussed": "Which of the things you meant to bring came up? (untick what did not)",
    "bring": "What would you like to bring to your next session?",
    "checkin_bring": "Anything to bring to your next session? (optional)",
}
