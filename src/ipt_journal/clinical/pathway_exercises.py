"""The exercises the problem-area pathways add to the catalogue (clinical/exercises.py):
the grief work in three parts and an unsent letter, the role dispute's familiar pattern
and what is unspoken, the role transition's old and new roles side by side and what the
new one needs, and the pattern with the therapist (or, in a self-guided course, in new
relationships). Drawn from Weissman, Markowitz &
Klerman (2018) and Stuart & Robertson (2012); the wording is ours.
"""

from __future__ import annotations

from ipt_journal.clinical.exercises import Exercise, Field

PATHWAY_EXERCISES = (
    Exercise(
        "grief-story",
        "Grief: the story of the death and the relationship",
        "Tell what happened when they died, and the story of your relationship from its start.",
        20,
        (
            Field("remembering", "Who are you remembering, and what were they to you?"),
            Field("death", "How did they die, and what was that time like for you? (as much as you want)"),
            Field("after", "What happened in the days and weeks after: the funeral, the people around you?"),
            Field("story", "The story of your relationship: how it began and how it went over the years"),
            Field("together", "What did you do together, in a usual week?", optional=True),
        ),
        plan="story",
    ),
    Exercise(
        "grief-feelings",
        "Grief: the feelings, the hard and the unsaid too",
        "Name what you feel about them and their death, the mixed and difficult feelings included.",
        20,
        (
            Field("miss", "What do you miss most?"),
            Field("good", "What was good between you?"),
            Field("hard", "What was hard, disappointing or unfinished between you?"),
            Field("unsaid", "What was left unsaid, by you or by them?"),
            Field(
                "mixed",
                "Mixed feelings are common in grief: anger, guilt or relief beside the sadness. "
                "Which do you notice?",
                optional=True,
            ),
            Field("whom_to_tell", "Whom could you talk to about them?"),
        ),
        plan="whom_to_tell",
    ),
    Exercise(
        "unsent-letter",
        "Grief: a letter you will not send",
        "Write to the person who died: what you want them to know, what you miss, what was left unsaid.",
        20,
        (
            Field("dear", "Whom is it to? (Dear ...)"),
            Field("letter", "Your letter, one paragraph per line", "list"),
            Field("after_writing", "How do you feel now you have written it?", optional=True),
            Field("keep_or_share", "Would you like to read it to someone, or keep it? (with whom)"),
        ),
        plan="keep_or_share",
    ),
    Exercise(
        "grief-reconnect",
        "Grief: reconnecting with people",
        "Look at what changed with other people since the death, and take one step back towards them.",
        15,
        (
            Field("changed", "What has changed with other people since they died?"),
            Field("fill_gap", "What, or who, could fill some of the gap (not replace them)?"),
            Field("people", "People you could see more of, one per line", "list"),
            Field("reconnect", "One small way to reconnect with someone this week"),
        ),
        plan="reconnect",
    ),
    Exercise(
        "dispute-pattern",
        "Role dispute: is this a familiar pattern?",
        "Look for the same kind of dispute in other relationships, past or present, and what repeats.",
        15,
        (
            Field("familiar", "Has a dispute like this happened before, with them or with others?"),
            Field("repeats", "What repeats: how it starts, what each side does, how it ends?"),
            Field("different", "What is different this time?", optional=True),
            Field("break_it", "One thing you could do differently to break the pattern"),
        ),
        plan="break_it",
    ),
    Exercise(
        "dispute-unspoken",
        "Role dispute: what is unspoken",
        "Name what has not been said in the dispute, on each side, and what saying it might change.",
        15,
        (
            Field("not_said", "What have you not said to them?"),
            Field("they_not_said", "What do you think they have not said to you?"),
            Field("if_said", "What do you fear would happen if it were said? What might get better?"),
            Field("one_thing", "One thing you could say, and how (try: ipt exercise start i-statement)"),
        ),
        plan="one_thing",
    ),
    Exercise(
        "transition-sides",
        "Role transition: the old role and the new, side by side",
        "Set the old role beside the new one: what was good and hard in each, and how you feel "
        "about the change itself.",
        20,
        (
            Field("change", "What changed: from which role to which?"),
            Field("old_good", "The old role: what was good in it (people, routine, who you were)?"),
            Field("old_hard", "The old role: what was hard in it?"),
            Field("new_good", "The new role: what is good, or possible, in it?"),
            Field("new_hard", "The new role: what is hard in it?"),
            Field("about_change", "How do you feel about the change itself (loss, relief, anger, fear...)?"),
        ),
        plan="new_good",
    ),
    Exercise(
        "transition-skills",
        "Role transition: skills and support for the new role",
        "Name what the new role asks of you, who could support you in it, and a first step.",
        15,
        (
            Field("skills", "Skills the new role asks for, one per line", "list"),
            Field("have", "Which of them do you already have, at least partly?", optional=True),
            Field("supports", "People or places that could support you, one per line", "list"),
            Field("first_step", "One first step"),
        ),
        plan="first_step",
    ),
    Exercise(
        "therapist-pattern",
        "Loneliness and isolation: the pattern with your therapist",
        "Notice whether the pattern of your other relationships shows with your therapist too, as "
        "something to bring up in a session.",
        10,
        (
            Field("notice", "What do you notice in how you are with your therapist (or would be)?"),
            Field("like_others", "Is it like what happens in your other relationships? How?"),
            Field("bring_up", "What would you like to bring up about it at your next session?"),
        ),
        plan="bring_up",
    ),
    # The same step for a self-guided course (course.with_therapist false): no therapist to
    # notice it with or bring it to, so the pattern is looked for where it does show, with
    # someone new or someone who helps, and its plan is something to try (homework).
    Exercise(
        "new-pattern",
        "Loneliness and isolation: the pattern in new relationships",
        "Notice whether the pattern of your other relationships shows with someone new, or with "
        "someone who helps you, and choose one thing to try differently.",
        10,
        (
            Field(
                "notice",
                "What do you notice in how you are with someone new, or with someone who helps you "
                "(a friend, a doctor, a group)?",
            ),
            Field("like_others", "Is it like what happens in your other relationships? How?"),
            Field("try_next", "What would you like to try differently the next time?"),
        ),
        plan="try_next",
    ),
)

# Exercises whose plan is something to bring up at the next session (ipt bring list), not
# homework: the pattern with the therapist is talked about with them.
TO_BRING = frozenset({"therapist-pattern"})
