"""Issue 20, points 4 and 5: someone who has died is never the other side of a dispute, never
"with" a task, and every screen speaks of them with care."""

import json

import pytest

from support import assert_user_error, flat

KIND = "Rosa has died, so ipt"
HINT = "To remember Rosa: ipt exercise start grief --with Rosa"
TABLES = ("people", "courses", "exercises", "homework", "measures", "goals", "safety_plan_items")


@pytest.fixture
def rosa(ipt):
    """Rosa, who died in April 2026, and Sam, who is alive."""
    ipt.ok(
        "inventory", "add", "--name", "Rosa", "--relationship", "parent", "--status", "deceased",
        "--died", "2026-04", "--satisfying", "Her stories", "--unsatisfying", "We never made up",
        "--closeness", "1",
    )  # fmt: skip
    ipt.ok("inventory", "add", "--name", "Sam", "--relationship", "partner", "--closeness", "1")
    return ipt


def footprint(ipt) -> dict:
    return {table: ipt.rows(f"SELECT * FROM {table} ORDER BY rowid") for table in TABLES}


GRIEF_ANSWERS = [
    f"--answer={key}=x" for key in ("remembering", "death", "story", "good", "hard", "changed", "fill_gap")
] + ["--answer=reconnect=Call my brother"]


@pytest.mark.parametrize(
    ("args", "refusal"),
    [
        (("start", "--focus", "role-dispute", "--dispute-with", "Rosa", "--phq9", "1,1,1,1,1,1,1,1,0"),
         "does not make them the other side of a dispute."),
        (("exercise", "start", "role-dispute", "--with", "Rosa", "--answer", "mine=x"),
         "does not make them the other side of a dispute."),
        (("exercise", "start", "i-statement", "--with", "Rosa", "--answer", "situation=x"),
         "does not set this exercise or task with them."),
        (("exercise", "start", "role-play", "--with", "Rosa", "--answer", "goal=x"),
         "does not set this exercise or task with them."),
        (("homework", "add", "Talk it through", "--with", "Rosa"),
         "does not set this exercise or task with them."),
        (("inventory", "edit", "Rosa", "--problem-area", "role-dispute"),
         "keeps them with grief: their problem area can be grief or none, with no dispute stage."),
        (("inventory", "edit", "Rosa", "--problem-area", "role-transition"),
         "keeps them with grief: their problem area can be grief or none"),
        (("exercise", "start", "grief", "--with", "Rosa", *GRIEF_ANSWERS, "--homework",
          "--homework-with", "Rosa"), "does not set this exercise or task with them."),
    ],
)  # fmt: skip
def test_every_refusal_is_kind_and_writes_nothing(rosa, args, refusal):
    before = footprint(rosa)
    result = rosa(*args)
    assert_user_error(result, f"{KIND} {refusal}", HINT)
    assert footprint(rosa) == before


def test_adding_someone_who_died_as_a_dispute_is_refused_and_nothing_is_added(ipt):
    base = ("inventory", "add", "--name", "Rosa", "--relationship", "parent", "--status", "deceased")
    assert_user_error(ipt(*base, "--problem-area", "role-dispute"), f"{KIND} keeps them with grief")
    stage = ipt(*base, "--problem-area", "grief", "--dispute-stage", "impasse")
    assert_user_error(stage, f"{KIND} keeps them with grief: a dispute stage does not apply to them.")
    ipt.ok(*base, "--problem-area", "grief")
    assert ipt.rows("SELECT name, problem_area, dispute_stage FROM people") == [("Rosa", "grief", None)]


def test_when_they_died_is_asked_checked_and_said_in_words(rosa):
    # Only the month was said, so only the month is kept: no 1st made up.
    assert rosa.rows("SELECT died_on FROM people WHERE name = 'Rosa'") == [("2026-04",)]
    shown = flat(rosa.ok("inventory", "show", "Rosa").stdout)
    assert "Status died April 2026" in shown
    assert "What you miss Her stories" in shown and "Hard or unsaid We never made up" in shown
    assert "died April 2026" in flat(rosa.ok("inventory", "list").stdout)
    assert json.loads(rosa.ok("inventory", "show", "Rosa", "--json").stdout)["died_on"] == "2026-04"
    assert_user_error(rosa("inventory", "edit", "Sam", "--died", "2026-04"), "only applies to someone")
    assert_user_error(rosa("inventory", "edit", "Rosa", "--died", "someday"), "The day they died")
    assert rosa.rows("SELECT name, died_on FROM people ORDER BY id") == [
        ("Rosa", "2026-04"),
        ("Sam", None),
    ]


def test_the_markdown_export_labels_their_answers_with_the_questions_asked(rosa):
    md = rosa.ok("export", "--format", "markdown").stdout
    assert "### Rosa (parent, died April 2026, inner circle)" in md
    assert "- What you miss: Her stories" in md and "- Hard or unsaid: We never made up" in md
    assert "Satisfying: Her stories" not in md


def test_the_circle_says_died_in_words_with_no_symbol_and_no_contact_mark(rosa):
    circle = rosa.ok("inventory", "circle").stdout
    assert "Rosa (died April 2026)" in circle and "†" not in circle
    assert "Rosa (died April 2026) ○" not in circle


def test_a_loss_reads_loss_of_rosa_everywhere(rosa):
    rosa.ok("event", "add", "--date", "2026-04", "--kind", "loss", "--person", "Rosa")
    for args in (("timeline", "--since", "2026-01-01"), ("export", "--format", "markdown")):
        out = flat(rosa.ok(*args).stdout)
        assert "loss of Rosa" in out, args
        assert "bereavement with Rosa" not in out
    assert "with Rosa" not in flat(rosa.ok("event", "list").stdout)


def test_grief_homework_is_never_with_the_person_who_died(rosa):
    out = rosa.ok("exercise", "start", "grief", "--with", "Rosa", *GRIEF_ANSWERS, "--homework").stdout
    assert "Its plan is now homework." in flat(out)
    assert rosa.rows("SELECT text, person_id FROM homework") == [("Call my brother", None)]
    rosa.ok(
        "exercise", "start", "grief", "--with", "Rosa", *GRIEF_ANSWERS, "--homework", "--homework-with", "Sam"
    )
    assert rosa.rows("SELECT p.name FROM homework h JOIN people p ON p.id = h.person_id") == [("Sam",)]
    assert rosa.rows("SELECT p.name FROM exercises e JOIN people p ON p.id = e.person_id") == [
        ("Rosa",),
        ("Rosa",),
    ]


def test_tab_completion_offers_them_only_where_they_belong(rosa):
    from ipt_journal.store.lookup import values

    assert [name for name, _ in values(rosa.path, "living")] == ["Sam"]
    assert dict(values(rosa.path, "people"))["Rosa"] == "parent, died"


def test_the_grief_exercise_opens_with_a_content_note_and_keeps_a_draft_when_stopped(rosa):
    from terminal import CTRL_C, ENTER, Terminal

    term = Terminal(rosa.path, "exercise", "start", "grief", "--with", "Rosa")
    term.at("remembering someone who died can stir strong feelings")
    term.at("stop any time with Ctrl-C")
    term.at("Your mood now").type("4")
    term.at("Who are you remembering").type("My mum")
    term.at("How did they die").type("Suddenly, in April")
    term.at("The story of your relationship")
    term.keys(CTRL_C)
    code, output = term.finish()
    assert code == 130
    assert "kept as a draft: ipt exercise start grief picks it up" in flat(output)
    assert rosa.count("exercises") == 0
    draft = rosa.rows("SELECT kind, answers FROM exercise_drafts")
    assert [kind for kind, _ in draft] == ["grief"]
    assert json.loads(draft[0][1]) == {"remembering": "My mum", "death": "Suddenly, in April"}

    term = Terminal(rosa.path, "exercise", "start", "grief")
    term.answer("Continue the draft about Rosa", ENTER)  # Yes by default
    term.at("Your mood now").type("")
    term.at("The story of your relationship").type("Fifty years")
    for prompt in ("What was good", "What was hard", "Mixed feelings", "What has changed", "What, or who"):
        term.at(prompt).type("x" if prompt != "Mixed feelings" else "")
    term.at("One small way to reconnect").type("Call my brother")
    term.at("Your mood after").type("")
    term.answer("Turn your plan into homework", "n")
    code, output = term.finish()
    assert code == 0, output
    assert rosa.count("exercise_drafts") == 0
    answers = json.loads(rosa.rows("SELECT answers FROM exercises")[0][0])
    assert answers["remembering"] == "My mum" and answers["story"] == "Fifty years"
    assert rosa.rows("SELECT p.name FROM exercises e JOIN people p ON p.id = e.person_id") == [("Rosa",)]


def test_a_grief_exercise_is_about_the_person_who_died_and_its_answers_stand_apart(rosa):
    from exercise_flags import flags_for

    rosa.ok("exercise", "start", "grief", "--with", "Rosa", "--date", "2026-05-04", *flags_for("grief"))
    document = flat(rosa.ok("report", "--since", "2026-05-01", "--format", "markdown").stdout)
    assert "Grief: remembering the person fully about Rosa" in document
    assert "fully with Rosa" not in document
    # A question without its "?" gets a colon: the answer never runs on from it.
    assert "One small way to reconnect with someone: my reconnect" in document
    assert rosa.count("exercises") == 1
