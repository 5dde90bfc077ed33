"""The communication and problem-area exercises, as data: what each is for, and the
questions it asks. One flow (cli/exercise.py) asks any of them; the wording is ours.

A field's kind says how it is asked and stored: "text" (one answer), "list" (as many
lines as the person likes), "choice" (one of `choices`, or their own words), "scale"
(a whole number 0-10).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Field:
    key: str
    prompt: str
    kind: str = "text"
    choices: tuple[str, ...] = ()
    optional: bool = False


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
    "ignored",
    "relieved",
    "hopeful",
    "grateful",
)

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
                Field("meant_vs_heard", "What did you mean, and what do you think came across?"),
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
                Field("need", "because I need / it matters to me that ..."),
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
                Field("where", "Where do you feel it in your body?"),
                Field("whom", "Whom could you tell?"),
                Field("how", "How could you tell them?"),
            ),
            plan="how",
        ),
        Exercise(
            "grief",
            "Grief: remembering the person fully",
            "Remember someone who died as they really were, and look at what has changed with others since.",
            20,
            (
                Field("remembering", "Who are you remembering, and what were they to you?"),
                Field("good", "What was good between you?"),
                Field("hard", "What was hard or unfinished?"),
                Field("changed", "What has changed with other people since they died?"),
                Field("reconnect", "One small way to reconnect with someone"),
            ),
            plan="reconnect",
        ),
        Exercise(
            "role-transition",
            "Role transition",
            "Look at a life change: what the old role gave and cost, and what the new one can offer.",
            20,
            (
                Field("change", "What changed in your life?"),
                Field("old_gave", "What did the old role give you?"),
                Field("old_cost", "What did it cost you?"),
                Field("new_offers", "What could the new role offer?"),
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
            "Set out each side's expectations in a dispute, and what could be renegotiated.",
            20,
            (
                Field("mine", "What do you expect of them?"),
                Field("theirs", "What do they expect of you?"),
                Field(
                    "stage",
                    "Where does the dispute stand?",
                    "choice",
                    ("renegotiation", "impasse", "dissolution"),
                ),
                Field("renegotiate", "What could be renegotiated?"),
                Field("first_step", "A first step towards that"),
            ),
            plan="first_step",
        ),
        Exercise(
            "interpersonal-deficits",
            "Building connections",
            "Learn from past patterns in relationships, and plan one new contact.",
            15,
            (
                Field("patterns", "Patterns you notice in past relationships"),
                Field("what_helped", "What helped when a relationship went well?"),
                Field("new_contact", "One new contact to make, and how"),
            ),
            plan="new_contact",
        ),
    )
}


def compose_i_statement(answers: dict) -> str:
    """The sentence an I-statement's parts make."""
    return (
        f"When {answers.get('situation', '...')}, I feel {answers.get('feeling', '...')}, because I need "
        f"{answers.get('need', '...')}. Would you {answers.get('request', '...')}?"
    )
