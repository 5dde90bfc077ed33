"""The communication and problem-area exercises, as data: what each is for, and the
questions it asks. One flow (cli/exercise.py) asks any of them; the wording is ours.

A field's kind says how it is asked and stored: "text" (one answer), "list" (as many
lines as the person likes), "choice" (one of `choices`, or their own words), "scale"
(a whole number 0-10), "checks" (any of `choices`, ticked). A field with `when` is
asked only when an earlier answer has that value (the role dispute asks by stage).
"""

from dataclasses import dataclass
from typing import NamedTuple


class Field(NamedTuple):
    key: str
    prompt: str
    kind: str = "text"
    choices: tuple[str, ...] = ()
    optional: bool = False
    when: tuple[str, str] | None = None  # (earlier field, value): asked only then


@dataclass(frozen=True)
class Exercise:
    key: str
    name: str
    purpose: str
    minutes: int
    fields: tuple[Field, ...]
    plan: str  # the field whose answer can become homework

    def field(self, key: str) -> Field | None:
        return next((field for field in self.fields if field.key == key), None)

    def applies(self, field: Field, answers: dict) -> bool:
        return field.when is None or answers.get(field.when[0]) == field.when[1]

    def missing(self, answers: dict) -> list[str]:
        """The needed questions, given the answers so far, that have no answer yet."""
        return [
            f.key
            for f in self.fields
            if not f.optional and self.applies(f, answers) and not answers.get(f.key)
        ]


FEELINGS = (
    "hurt",
    "angry",
    "frustrated",
    "sad",
    "lonely",
    "anxious",
    "scared",
    "ashamed",
    "guilty",
    "disappointed",
    "overwhelmed",
    # Not "ignored" or "let down": those say what the other person did, not what you feel.
    "embarrassed",
    "confused",
    "relieved",
    "hopeful",
    "grateful",
)

# Where conversations commonly go wrong (IPT's communication analysis looks for these).
COMMUNICATION_PROBLEMS = (
    "an indirect or nonverbal message instead of saying it",
    "assuming I had been understood",
    "assuming I knew what they meant",
    "going silent or closing the conversation down",
    "giving up too soon",
    "saying it while too upset to be heard",
)
CONNECTIVES = ("because I need", "because it matters to me that", "and I would like")
DISPUTE_STAGES = ("renegotiation", "impasse", "dissolution")

# The exercises about someone who has died (the grief worksheet, and the grief pathway's
# story, feelings and unsent letter); every other is with the living, and the role dispute
# never has someone who died as its other side (errors.HasDied).
REMEMBERING = frozenset({"grief", "grief-story", "grief-feelings", "unsent-letter"})


def with_whom(kind: str, person: str | None) -> str:
    """' with Sam'; ' about Rosa' for an exercise remembering someone who died; '' for no one."""
    if not person:
        return ""
    return f" {'about' if kind in REMEMBERING else 'with'} {person}"


# Said before the first question of an exercise that can be hard to do.
CONTENT_NOTES = {
    "grief": (
        "Before you begin: remembering someone who died can stir strong feelings. Go at your "
        "own pace, skip what you are not ready for, and stop any time with Ctrl-C: what you "
        "have written is kept as a draft for next time. If it gets too much, `ipt cope` has "
        "ways through a hard moment, and `ipt crisis` shows crisis lines and your safety plan."
    ),
}
CONTENT_NOTES.update({kind: CONTENT_NOTES["grief"] for kind in REMEMBERING})


def refusal_for(kind: str) -> str:
    """Which of errors.DECEASED_REFUSALS an exercise of `kind` --with someone who died gets."""
    return "dispute" if kind == "role-dispute" else "with"


CATALOGUE = {
    exercise.key: exercise
    for exercise in (
        Exercise(
            "communication-analysis",
            "Communication analysis",
            "Look closely at one recent conversation that mattered: what happened, and what else could work.",
            20,
            (
                Field("context", "Who was it with, when, and what was going on?"),
                Field(
                    "turns",
                    "What was said, turn by turn? One line each, like 'Me: ...' or 'Sam: ...'",
                    "list",
                ),
                Field("felt_wanted", "What did you feel, and what did you want from them?"),
                Field("their_side", "What do you think they felt, or wanted?"),
                Field("meant_vs_heard", "What did you mean, and what do you think came across?"),
                Field(
                    "problems",
                    "Did any of these happen?",  # the list says how to tick; `exercise show` reads it back
                    "checks",
                    COMMUNICATION_PROBLEMS,
                    optional=True,
                ),
                Field("outcome", "How did it end, and how did it leave your mood?"),
                Field("alternatives", "Other ways you could have said it", "list", optional=True),
                Field("next_time", "What will you try next time?"),
            ),
            plan="next_time",
        ),
        Exercise(
            "i-statement",
            "I-statement builder",
            "Say what you feel and need without blame, so the other person can hear it.",
            10,
            (
                Field("situation", "When ... (what happened, described without blame)"),
                Field("feeling", "I feel ...", "choice", FEELINGS),
                Field("connective", "How does it go on?", "choice", CONNECTIVES),
                Field("need", "... what you need, or what matters to you"),
                Field("request", "Would you ... (a concrete, doable request)?"),
                Field("statement", "Your I-statement (edit it until it sounds like you)"),
            ),
            plan="statement",
        ),
        Exercise(
            "active-listening",
            "Active listening practice",
            "Practise hearing what someone means, and showing them you heard it.",
            10,
            (
                Field("said", "What did they say?"),
                Field("heard", "What did you hear underneath: their feeling, and what they need?"),
                Field("reflection", "A reflection to say back to them"),
                Field("check", "How will you check that you understood?"),
            ),
            plan="reflection",
        ),
        Exercise(
            "role-play",
            "Role-play rehearsal",
            "Rehearse a conversation that is coming up, so it feels less daunting.",
            15,
            (
                Field("goal", "What do you want from this conversation?"),
                Field("opening", "Your opening line"),
                Field("responses", "How might they respond? One possibility per line", "list"),
                Field("replies", "Your reply to each of those, in the same order", "list"),
                Field("fallback", "If it goes badly, what will you say or do?"),
            ),
            plan="opening",
        ),
        Exercise(
            "decision-analysis",
            "Decision analysis",
            "Lay out the options for a choice about a relationship, and pick a first step.",
            15,
            (
                Field("decision", "What decision are you facing?"),
                Field("options", "The options, one per line", "list"),
                Field("pros_cons", "For each option, its pros and cons ('Option: pros / cons')", "list"),
                Field("choice", "Which do you choose, for now?"),
                Field("first_step", "The first step"),
            ),
            plan="first_step",
        ),
        Exercise(
            "expressing-feelings",
            "Expressing feelings",
            "Name a feeling, notice it, and plan how to share it with someone.",
            10,
            (
                Field("feeling", "What are you feeling?", "choice", FEELINGS),
                Field("intensity", "How strong is it, 0 (barely) to 10 (overwhelming)?", "scale"),
                Field("where", "Where do you feel it in your body?", optional=True),
                Field("whom", "Whom could you tell?"),
                Field("stops", "What stops you from saying it?", optional=True),
                Field("how", "How could you tell them?"),
            ),
            plan="how",
        ),
        Exercise(
            "grief",
            "Grief: remembering the person fully",
            "Tell the story of a death and of the relationship, good and bad, and look at what could "
            "fill some of the gap.",
            25,
            (
                Field("remembering", "Who are you remembering, and what were they to you?"),
                Field(
                    "death", "How did they die, and what was that time like for you? (as much as you want)"
                ),
                Field("story", "The story of your relationship: how it began and how it went over the years"),
                Field("good", "What was good between you?"),
                Field("hard", "What was hard, disappointing or unfinished?"),
                Field(
                    "mixed",
                    "Mixed feelings are common in grief: anger, guilt or relief beside the sadness. "
                    "Which do you notice?",
                    optional=True,
                ),
                Field("changed", "What has changed with other people since they died?"),
                Field("fill_gap", "What, or who, could fill some of the gap (not replace them)?"),
                Field("reconnect", "One small way to reconnect with someone"),
            ),
            plan="reconnect",
        ),
        Exercise(
            "role-transition",
            "Role transition",
            "Look at a life change: what was lost, what is hard and what is possible in the new role, and "
            "what you need for it.",
            20,
            (
                Field("change", "What changed in your life?"),
                Field(
                    "lost", "What did you lose with the old role (people, routine, a sense of who you were)?"
                ),
                Field("old_cost", "What did the old role cost you?", optional=True),
                Field("hard_new", "What is hard about the new role?"),
                Field("new_offers", "What is possible in the new role that was not before?"),
                Field("skills", "Skills you need for it, one per line", "list", optional=True),
                Field(
                    "supports", "People or places that could support you, one per line", "list", optional=True
                ),
                Field("first_step", "One first step"),
            ),
            plan="first_step",
        ),
        Exercise(
            "role-dispute",
            "Role dispute",
            "Set out each side's expectations in a dispute, then work on it the way its stage calls for.",
            20,
            (
                Field("mine", "What do you expect of them?"),
                Field("theirs", "What do they expect of you?"),
                Field("stage", "Where does the dispute stand?", "choice", DISPUTE_STAGES),
                # Renegotiation: both are still talking.
                Field("wants", "What does each of you want most?", when=("stage", "renegotiation")),
                Field(
                    "trade",
                    "What could each of you give, to get what matters more?",
                    when=("stage", "renegotiation"),
                ),
                # Impasse: talks have stopped.
                Field("reopen", "What would make talking possible again?", when=("stage", "impasse")),
                Field(
                    "helper",
                    "Who could help you reopen it (a friend, a mediator, your therapist)?",
                    optional=True,
                    when=("stage", "impasse"),
                ),
                # Dissolution: the relationship is ending.
                Field("end_well", "What would ending it well look like?", when=("stage", "dissolution")),
                Field(
                    "mourn",
                    "What will you miss, or grieve, about the relationship?",
                    when=("stage", "dissolution"),
                ),
                Field("first_step", "A first step"),
            ),
            plan="first_step",
        ),
        Exercise(
            "interpersonal-deficits",
            "Loneliness and social isolation (interpersonal deficits)",
            "Learn from past relationships and their patterns, then plan and rehearse one new contact. "
            "(In IPT this area is chosen only when no other fits.)",
            20,
            (
                Field(
                    "past", "Important relationships in the past, one per line: who, and how it went", "list"
                ),
                Field("patterns", "Patterns you notice: how they started, what went wrong, how they ended"),
                Field("what_helped", "What helped when a relationship went well?"),
                Field("new_contact", "One new contact to make, and how"),
                Field(
                    "rehearse",
                    "What will you say first? (rehearse it with: ipt exercise start role-play)",
                    optional=True,
                ),
            ),
            plan="new_contact",
        ),
    )
}


def compose_i_statement(answers: dict) -> str:
    """The sentence an I-statement's parts make, with the connective the person chose."""
    return (
        f"When {answers.get('situation', '...')}, I feel {answers.get('feeling', '...')}, "
        f"{answers.get('connective') or CONNECTIVES[0]} {answers.get('need', '...')}. "
        f"Would you {answers.get('request', '...')}?"
    )


# The pathways' own exercises (clinical/pathways.py), kept in their own module.
from ipt_journal.clinical.pathway_exercises import PATHWAY_EXERCISES  # noqa: E402

CATALOGUE.update({exercise.key: exercise for exercise in PATHWAY_EXERCISES})
