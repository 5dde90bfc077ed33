"""Issue 23, point 2: the problem-area pathways. Each pathway's steps and their progress as
the course moves through its phases (the clock set), the role dispute's stage week by week,
contacts and confidants week by week, anniversaries of a death on the right days, bad input,
and the pathways' records through export and import."""

import datetime as dt
import json

import pytest
import time_machine

from exercise_flags import flags_for
from support import assert_user_error, flat

START = "2026-03-02"  # a Monday; a 12-week course: weeks 1-3 initial, 4-9 middle, 10-12 ending
WEEK_1, WEEK_5, WEEK_11 = dt.date(2026, 3, 4), dt.date(2026, 3, 31), dt.date(2026, 5, 13)


def on(day: dt.date):
    """The clock at noon of `day` (local time), ticking from there."""
    return time_machine.travel(dt.datetime(day.year, day.month, day.day, 12).astimezone(), tick=True)


def start_course(ipt, *focus: str, extra: tuple[str, ...] = (), therapist: bool = False) -> None:
    helped = "--therapist" if therapist else "--no-therapist"
    args = ["start", "--weeks", "12", "--start-date", START, helped, "--phq9", "1,1,1,1,1,1,1,1,0"]
    for area in focus:
        args += ["--focus", area]
    ipt.ok(*args, *extra, "--goal", "Feel closer to people")


def pathway_json(ipt, *args: str) -> dict:
    return json.loads(ipt.ok("pathway", "--json", *args).stdout)


def steps(data: dict, area: str) -> list[tuple]:
    (path,) = [p for p in data["pathways"] if p["area"] == area]
    return [(s["step"], s["ready"], s["done_on"]) for s in path["steps"]]


@pytest.fixture
def grieving(ipt):
    ipt.ok(
        "inventory", "add", "--name", "Dad", "--relationship", "parent", "--status", "deceased",
        "--died", "2025-09-20",
    )  # fmt: skip
    ipt.ok("inventory", "add", "--name", "Jo", "--relationship", "sibling", "--closeness", "1", "--confide")
    return ipt


def test_grief_pathway_advances_with_the_phases_and_keeps_each_step_done(grieving):
    ipt = grieving
    with on(WEEK_1):
        start_course(ipt, "grief")
        data = pathway_json(ipt)
        assert (data["phase"], data["week"]) == ("initial", 1)
        assert steps(data, "grief") == [
            ("story", True, None),
            ("feelings", False, None),
            ("letter", False, None),
            ("reconnect", False, None),
        ]
        assert "Grief pathway, next: The story of the death and of the relationship" in flat(ipt.ok().stdout)
        out = ipt.ok(
            "pathway",
            "next",
            "--with",
            "Dad",
            *flags_for("grief-story"),
            "--no-homework",
            "--date",
            "2026-03-04",
        ).stdout
        assert "Grief pathway: The story of the death and of the relationship." in flat(out)
        (exercise_id,) = ipt.rows("SELECT id FROM exercises WHERE kind = 'grief-story'")[0]
        assert ipt.rows("SELECT area, step, day, exercise_id FROM pathway_steps") == [
            ("grief", "story", "2026-03-04", exercise_id)
        ]
        # The first phase's step is done; the next waits for the middle phase, and says so.
        home = flat(ipt.ok().stdout)
        assert "Grief pathway: the steps for now are done; next, in the middle phase: The feelings" in home
        text = flat(ipt.ok("pathway").stdout)
        assert f"done 2026-03-04, exercise #{exercise_id}" in text
        assert "[from the middle phase]" in text
    with on(WEEK_5):
        assert steps(pathway_json(ipt), "grief")[1] == ("feelings", True, None)
        assert "Grief pathway, next: The feelings, the hard and the unsaid too" in flat(ipt.ok().stdout)
        # An exercise started the ordinary way counts too: the course's focus has it as a step.
        ipt.ok("exercise", "start", "grief-feelings", "--with", "Dad", *flags_for("grief-feelings"),
               "--no-homework")  # fmt: skip
        ipt.ok("pathway", "next", *flags_for("unsent-letter"), "--no-homework")
        ipt.ok("pathway", "next", *flags_for("grief-reconnect"), "--no-homework")
        data = pathway_json(ipt)
        assert [s[2] for s in steps(data, "grief")] == [
            "2026-03-04",
            "2026-03-31",
            "2026-03-31",
            "2026-03-31",
        ]
        assert data["pathways"][0]["next"] is None
        assert "Grief pathway: every step done." in flat(ipt.ok().stdout)
    linked = ipt.rows(
        "SELECT s.step, e.kind FROM pathway_steps s JOIN exercises e ON e.id = s.exercise_id ORDER BY s.id"
    )
    assert linked == [
        ("story", "grief-story"),
        ("feelings", "grief-feelings"),
        ("letter", "unsent-letter"),
        ("reconnect", "grief-reconnect"),
    ]


def test_grief_steps_of_an_earlier_course_do_not_count_in_a_new_one(grieving):
    ipt = grieving
    with on(WEEK_1):
        ipt.ok("exercise", "start", "grief-story", "--pathway", "grief", *flags_for("grief-story"),
               "--no-homework", "--date", "2026-02-10")  # fmt: skip
        assert ipt.rows("SELECT step, day FROM pathway_steps") == [("story", "2026-02-10")]
        start_course(ipt, "grief")  # began 2026-03-02, after that step
        assert steps(pathway_json(ipt), "grief")[0] == ("story", True, None)


def test_role_dispute_pathway_and_its_stage_as_a_line_over_the_weeks(people):
    ipt = people
    with on(WEEK_1):
        start_course(ipt, "role-dispute", extra=("--dispute-with", "Sam", "--dispute-stage", "impasse"))
        assert steps(pathway_json(ipt), "role-dispute") == [
            ("expectations", True, None),
            ("pattern", False, None),
            ("unspoken", False, None),
            ("conversation", False, None),
            ("rehearse", False, None),
        ]
        # The role dispute exercise's stage is the week's stage too.
        answers = [*flags_for("role-dispute", skip=("stage", "reopen")), "--answer", "stage=impasse"]
        ipt.ok("pathway", "next", "--with", "Sam", *answers, "--answer", "reopen=A walk", "--no-homework")
        assert ipt.rows("SELECT week, dispute_stage, confidants FROM pathway_weeks") == [
            ("2026-03-02", "impasse", None)
        ]
    with on(WEEK_5):
        ipt.ok("pathway", "week", "--stage", "impasse", "--date", "2026-03-10")
        ipt.ok("pathway", "week", "--stage", "renegotiation", "--date", "2026-03-24")
        out = ipt.ok("pathway", "week", "--stage", "renegotiation").stdout
        assert "Week of 2026-03-30: stage renegotiation." in out
        # A second record for a week replaces its stage.
        ipt.ok("pathway", "week", "--stage", "dissolution", "--date", "2026-03-11")
        ipt.ok("pathway", "week", "--stage", "impasse", "--date", "2026-03-12")
    assert ipt.rows("SELECT week, dispute_stage FROM pathway_weeks ORDER BY week") == [
        ("2026-03-02", "impasse"),
        ("2026-03-09", "impasse"),
        ("2026-03-23", "renegotiation"),
        ("2026-03-30", "renegotiation"),
    ]
    with on(WEEK_5):
        data = pathway_json(ipt)
        assert data["dispute_stage_by_week"] == [
            {"week": "2026-03-02", "stage": "impasse"},
            {"week": "2026-03-09", "stage": "impasse"},
            {"week": "2026-03-23", "stage": "renegotiation"},
            {"week": "2026-03-30", "stage": "renegotiation"},
        ]
        text = ipt.ok("pathway").stdout
        # One row per stage, a mark in each week's column; the week with nothing recorded is blank.
        assert "  renegotiation  · ·   ● ●\n" in text
        assert "  impasse        ● ●   · ·\n" in text
        assert "  dissolution    · ·   · ·\n" in text
        assert "latest: renegotiation, week of 2026-03-30" in flat(text)
        assert "Role dispute pathway, next: Is this a familiar pattern?" in flat(ipt.ok().stdout)
        ipt.ok("pathway", "next", *flags_for("dispute-pattern"), "--no-homework")
        ipt.ok("pathway", "next", *flags_for("dispute-unspoken"), "--no-homework")
        ipt.ok("pathway", "next", "--with", "Sam", *flags_for("communication-analysis"), "--no-homework")
        home = flat(ipt.ok().stdout)
        assert "Role dispute pathway: the steps for now are done; next, in the ending phase: Rehearse" in home
    with on(WEEK_11):
        assert "Role dispute pathway, next: Rehearse the next conversation" in flat(ipt.ok().stdout)
        ipt.ok("pathway", "next", "--with", "Sam", *flags_for("role-play"), "--no-homework")
        assert ipt.rows("SELECT step, day FROM pathway_steps ORDER BY id") == [
            ("expectations", "2026-03-04"),
            ("pattern", "2026-03-31"),
            ("unspoken", "2026-03-31"),
            ("conversation", "2026-03-31"),
            ("rehearse", "2026-05-13"),
        ]


def test_role_transition_pathway_side_by_side_then_skills(ipt):
    with on(WEEK_1):
        start_course(ipt, "role-transition")
        ipt.ok("pathway", "next", *flags_for("transition-sides"), "--no-homework")
        assert steps(pathway_json(ipt), "role-transition") == [
            ("sides", True, "2026-03-04"),
            ("skills", False, None),
            ("rehearse", False, None),
        ]
        answers = json.loads(ipt.rows("SELECT answers FROM exercises")[0][0])
        assert set(answers) == {"change", "old_good", "old_hard", "new_good", "new_hard", "about_change"}
    with on(WEEK_5):
        ipt.ok("pathway", "next", *flags_for("transition-skills"), "--no-homework")
        data = pathway_json(ipt)
        assert [s[0] for s in steps(data, "role-transition") if s[2]] == ["sides", "skills"]
        assert data["pathways"][0]["next"] == "rehearse"


def test_isolation_pathway_counts_contacts_each_week_and_confidants(ipt):
    ipt.ok("inventory", "add", "--name", "Kim", "--relationship", "friend", "--confide")
    ipt.ok("inventory", "add", "--name", "Lee", "--relationship", "colleague")
    ipt.ok("inventory", "add", "--name", "Nan", "--relationship", "parent", "--status", "deceased")
    with on(WEEK_5):
        # With a therapist: a self-guided course's step is worded for it (test_pathway_course.py).
        start_course(ipt, "interpersonal-deficits", therapist=True)
        for day, people in [
            ("2026-03-03", ["Kim:+1", "Lee:0"]),
            ("2026-03-05", ["Kim:+1"]),
            ("2026-03-17", []),
            ("2026-03-24", ["Lee:-1"]),
        ]:
            ipt.ok("checkin", "--mood", "5", "--date", day, *(a for p in people for a in ("--with", p)))
        ipt.ok("pathway", "week", "--confidants", "1", "--date", "2026-03-03")
        ipt.ok("pathway", "week", "--confidants", "2", "--date", "2026-03-25")
        data = pathway_json(ipt)
        assert data["contacts_by_week"] == [
            {"week": "2026-03-02", "people": 2, "times": 3},
            {"week": "2026-03-16", "people": 0, "times": 0},
            {"week": "2026-03-23", "people": 1, "times": 1},
        ]
        assert data["confidants_by_week"] == [
            {"week": "2026-03-02", "confidants": 1},
            {"week": "2026-03-23", "confidants": 2},
        ]
        assert data["confidants_now"] == 1
        text = flat(ipt.ok("pathway").stdout)
        assert (
            "People you saw each week, from your check-ins (weeks of 2026-03-02 to 2026-03-23): 2 0 1" in text
        )
        assert (
            "People you can confide in, as you recorded them: 1 (week of 2026-03-02), 2 (week of 2026-03-23)"
            in text
        )
        assert "Marked in your inventory as someone you can confide in: 1." in text
        assert [s[0] for s in steps(data, "interpersonal-deficits")] == ["past", "therapist", "contact"]
        ipt.ok("pathway", "next", *flags_for("interpersonal-deficits"), "--no-homework")
        # The pattern with the therapist is something to bring up, never homework.
        out = flat(ipt.ok("pathway", "next", *flags_for("therapist-pattern"), "--homework").stdout)
        assert "What to bring up is on your list for the next session (ipt bring list)." in out
        assert ipt.rows("SELECT text, source FROM bring_items") == [("my bring_up", "exercise")]
        assert ipt.count("homework") == 0  # --homework asked for none: its plan went to the list
        assert pathway_json(ipt)["pathways"][0]["next"] == "contact"


def test_a_step_done_outside_ipt_is_marked_without_an_exercise(people):
    with on(WEEK_5):
        start_course(people, "role-dispute")
        out = people.ok("pathway", "done", "pattern", "--date", "2026-03-30").stdout
        assert "Marked done on 2026-03-30: Is this a familiar pattern?" in out
        assert people.rows("SELECT area, step, day, exercise_id FROM pathway_steps") == [
            ("role-dispute", "pattern", "2026-03-30", None)
        ]


# Anniversaries ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("died", "today", "words"),
    [
        ("2020-03-10", "2026-02-24", "is in 14 days (Tuesday 10 March, 6 years)"),
        ("2020-03-10", "2026-02-23", None),  # 15 days before: not yet
        ("2020-03-10", "2026-03-09", "is tomorrow (Tuesday 10 March, 6 years)"),
        ("2020-03-10", "2026-03-10", "is today (Tuesday 10 March, 6 years)"),
        ("2020-03-10", "2026-03-11", None),  # the day after: gone until next year
        ("2025-12-20", "2026-12-06", "is in 14 days (Sunday 20 December, 1 year)"),
        ("2020-01-05", "2026-12-31", "is in 5 days (Tuesday 5 January, 7 years)"),  # over new year
        ("2025-12-20", "2025-12-21", None),  # the day after the death: no anniversary yet
        # 29 February: remembered on the 28th in a year without a 29th, on the 29th in one with it
        ("2024-02-29", "2026-02-28", "is today (Saturday 28 February, 2 years)"),
        ("2024-02-29", "2026-03-01", None),
        ("2024-02-29", "2028-02-28", "is tomorrow (Tuesday 29 February, 4 years)"),
        ("2024-02-29", "2028-02-29", "is today (Tuesday 29 February, 4 years)"),
    ],
)
def test_the_dashboard_says_when_an_anniversary_is_near_and_only_then(ipt, died, today, words):
    day = dt.date.fromisoformat(today)
    with on(day):
        ipt.ok("inventory", "add", "--name", "Rosa", "--relationship", "parent", "--status", "deceased",
               "--died", died)  # fmt: skip
        home = flat(ipt.ok().stdout)
        data = pathway_json(ipt, "--area", "grief")
    if words is None:
        assert "anniversary" not in home and data["anniversaries"] == []
        return
    assert f"The anniversary of Rosa's death {words}." in home
    assert "Days like this often bring grief back; it can help to plan the day and to tell someone." in home
    (shown,) = data["anniversaries"]
    assert (shown["name"], shown["died_on"]) == ("Rosa", died)


def test_the_first_year_after_a_death_names_its_holidays(grieving):
    with on(WEEK_5):
        text = flat(grieving.ok("pathway", "--area", "grief").stdout)
    assert "This is the first year since Dad died: the first holidays, birthdays and family days" in text


# Bad input ---------------------------------------------------------------------------------


def test_recording_a_week_without_a_terminal_names_the_flags_and_writes_nothing(ipt):
    ipt.ok("inventory", "add", "--name", "Sam", "--relationship", "partner")
    assert_user_error(ipt("pathway", "week"), "Missing --stage and --confidants", "ipt pathway week --stage")
    assert ipt.count("pathway_weeks") == 0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("pathway", "week", "--stage", "stuck"),
            "--stage takes renegotiation, impasse, dissolution; got 'stuck'.",
        ),
        (("pathway", "week", "--confidants", "1001"), "--confidants must be a whole number from 0 to 1000"),
        (("pathway", "week", "--stage", "impasse", "--date", "2999-01-01"), "2999-01-01"),
        (("pathway", "--area", "sadness"), "--area takes grief, role-dispute, role-transition or"),
        (("pathway", "next"), "Your course has no focus with a pathway."),
        (("pathway", "done", "letter"), "There is no step 'letter' in your pathway."),
        (("exercise", "start", "grief-story", "--pathway", "joy"), "--area takes grief"),
        (
            ("exercise", "start", "grief-story", "--pathway", "role-dispute"),
            "grief-story is not a step of the role dispute pathway; its exercises are role-dispute,",
        ),
    ],
)
def test_bad_pathway_input_is_refused_before_anything_is_written(people, args, message):
    result = people(*args)
    assert_user_error(result, message)
    assert people.count("pathway_weeks") == 0 and people.count("pathway_steps") == 0


def test_two_focus_areas_ask_which_pathway_is_next(people):
    with on(WEEK_5):
        start_course(people, "role-dispute", "role-transition")
        assert [p["area"] for p in pathway_json(people)["pathways"]] == ["role-dispute", "role-transition"]
        assert_user_error(
            people("pathway", "next"), "say which pathway with --area (role-dispute or role-transition)"
        )
        people.ok(
            "pathway", "next", "--area", "role-transition", *flags_for("transition-sides"), "--no-homework"
        )
        assert people.rows("SELECT area, step FROM pathway_steps") == [("role-transition", "sides")]


def test_a_missing_answer_without_a_terminal_names_it_and_writes_nothing(grieving):
    with on(WEEK_1):
        start_course(grieving, "grief")
        result = grieving("pathway", "next", "--answer", "remembering=Dad")
    assert_user_error(result, "still needs: death, after, story", "--answer QUESTION=TEXT")
    assert grieving.count("pathway_steps") == 0 and grieving.count("exercises") == 0


# Export and import --------------------------------------------------------------------------


def test_pathway_records_travel_by_uid_and_a_deletion_is_kept(people, tmp_path):
    with on(WEEK_5):
        start_course(people, "role-dispute")
        people.ok("pathway", "next", "--with", "Sam", *flags_for("role-dispute"), "--no-homework")
        people.ok("pathway", "week", "--stage", "impasse", "--confidants", "2", "--date", "2026-03-17")
    exported = tmp_path / "out.json"
    people.ok("export", "--format", "json", "-o", str(exported))
    doc = json.loads(exported.read_text())
    (done,) = doc["pathway_steps"]
    (exercise,) = doc["exercises"]
    assert (done["area"], done["step"], done["exercise"]) == ("role-dispute", "expectations", exercise["uid"])
    assert [(w["week"], w["dispute_stage"], w["confidants"]) for w in doc["pathway_weeks"]] == [
        ("2026-03-30", "renegotiation", None),
        ("2026-03-16", "impasse", 2),
    ]
    other = tmp_path / "other" / "journal.db"
    people.ok("--db", str(other), "import", str(exported))
    again = people.ok("--db", str(other), "import", str(exported)).stdout
    assert "Nothing to import: the journal already has everything in this file." in again
    assert people.rows_in(other, "SELECT count(*) FROM pathway_steps") == [(1,)]
    assert people.rows_in(other, "SELECT uid, week FROM pathway_weeks ORDER BY week") == [
        (w["uid"], w["week"]) for w in sorted(doc["pathway_weeks"], key=lambda w: w["week"])
    ]
    # A week deleted in the file's journal goes from this one too, and stays gone.
    gone = doc["pathway_weeks"][1]
    doc["deleted"] = [{"uid": gone["uid"], "kind": "pathway_weeks", "deleted_at": "2099-01-01T00:00:00Z"}]
    exported.write_text(json.dumps(doc))
    people.ok("--db", str(other), "import", str(exported))
    assert people.rows_in(other, "SELECT week FROM pathway_weeks") == [("2026-03-30",)]
    assert people.rows_in(other, "SELECT kind FROM tombstones WHERE uid = ?", (gone["uid"],)) == [
        ("pathway_weeks",)
    ]


def test_a_course_begun_mid_week_keeps_that_week_s_stage(people):
    with on(WEEK_5):
        people.ok("start", "--weeks", "12", "--start-date", "2026-03-04", "--no-therapist", "--focus",
                  "role-dispute", "--phq9", "1,1,1,1,1,1,1,1,0", "--goal", "Talk calmly")  # fmt: skip
        people.ok("pathway", "week", "--stage", "impasse", "--date", "2026-03-04")
        refused = people("pathway", "week", "--stage", "dissolution", "--date", "2026-02-25")
        assert_user_error(refused, "Your course began on 2026-03-04; 2026-02-25 is before it")
        data = pathway_json(people)
    assert data["dispute_stage_by_week"] == [{"week": "2026-03-02", "stage": "impasse"}]


def test_the_report_draws_the_dispute_stage_over_its_window(people):
    with on(WEEK_5):
        start_course(people, "role-dispute", extra=("--dispute-with", "Sam"))
        people.ok("checkin", "--mood", "5", "--with", "Sam:-1", "--date", "2026-03-10")
        for day, stage in [
            ("2026-03-03", "impasse"),
            ("2026-03-17", "impasse"),
            ("2026-03-24", "renegotiation"),
        ]:
            people.ok("pathway", "week", "--stage", stage, "--date", day)
        text = people.ok("report", "--since", "2026-03-09").stdout
        data = json.loads(people.ok("report", "--since", "2026-03-09", "--json").stdout)
    assert "The dispute's stage, week by week (weeks of 2026-03-16 to 2026-03-23" in flat(text)
    assert "  impasse        ● ·\n" in text and "  renegotiation  · ●\n" in text
    assert data["dispute_stage_by_week"] == [
        {"week": "2026-03-16", "stage": "impasse"},
        {"week": "2026-03-23", "stage": "renegotiation"},
    ]
    # --plain: a line a week in words, no marks for a screen reader to spell out
    with on(WEEK_5):
        plain = people.ok("--plain", "report", "--since", "2026-03-09").stdout
    assert "  week of 2026-03-16: impasse\n  week of 2026-03-23: renegotiation\n" in plain
    assert "●" not in plain and "·" not in plain


def test_the_report_has_no_stage_line_without_a_role_dispute_focus(ipt):
    with on(WEEK_5):
        start_course(ipt, "role-transition")
        ipt.ok("pathway", "week", "--stage", "impasse", "--date", "2026-03-17")
        ipt.ok("checkin", "--mood", "5", "--date", "2026-03-17")
        text = ipt.ok("report", "--since", "2026-03-09").stdout
        data = json.loads(ipt.ok("report", "--since", "2026-03-09", "--json").stdout)
    assert "dispute's stage" not in text and data["dispute_stage_by_week"] == []


@pytest.mark.parametrize(
    ("record", "message"),
    [
        ({"area": "joy", "step": "story"}, "pathway_steps[0]: there is no pathway 'joy'"),
        ({"area": "grief", "step": "pattern"}, "pathway_steps[0]: the grief pathway has no step 'pattern'"),
    ],
)
def test_an_import_with_an_unknown_pathway_step_is_refused_whole(ipt, tmp_path, record, message):
    ipt.ok("inventory", "add", "--name", "Sam", "--relationship", "partner")
    doc = {
        "format": "ipt-journal-export",
        "format_version": 1,
        "pathway_steps": [
            {
                "uid": "s1",
                "day": "2026-03-04",
                "created_at": "x",
                "updated_at": "x",
                "exercise": None,
                **record,
            }
        ],
    }
    path = tmp_path / "doc.json"
    path.write_text(json.dumps(doc))
    assert_user_error(ipt("import", str(path)), message, "Nothing was imported.")
    assert ipt.count("pathway_steps") == 0


def test_tab_completes_pathway_areas_and_steps(ipt):
    from test_completion import bare, complete

    ipt.ok("inventory", "add", "--name", "Sam", "--relationship", "partner")
    # bash lists several values with their words beside them: bare() takes the values.
    assert bare(complete(ipt.path, "ipt pathway --area role-")) == ["role-dispute", "role-transition"]
    assert complete(ipt.path, "ipt exercise start dispute-pattern --pathway gr") == ["grief", ""]
    assert bare(complete(ipt.path, "ipt pathway done re")) == ["reconnect", "rehearse"]


def test_the_markdown_export_lists_the_steps_done_and_the_weeks(people, tmp_path):
    with on(WEEK_5):
        start_course(people, "role-dispute")
        people.ok("pathway", "next", "--with", "Sam", *flags_for("role-dispute"), "--no-homework")
        people.ok("pathway", "week", "--confidants", "2", "--date", "2026-03-17")
    out = tmp_path / "journal.md"
    people.ok("export", "--format", "markdown", "-o", str(out))
    text = out.read_text()
    assert "## Pathway steps done\n\n- 2026-03-31: role dispute, Each side's expectations" in text
    assert (
        "- Week of 2026-03-16: 2 to confide in\n- Week of 2026-03-30: dispute stage renegotiation\n" in text
    )


def test_a_step_for_a_later_phase_can_be_done_sooner_and_says_so(grieving):
    with on(WEEK_1):
        start_course(grieving, "grief")
        grieving.ok("pathway", "done", "story")
        out = flat(grieving.ok("pathway", "next", *flags_for("grief-feelings"), "--no-homework").stdout)
    assert "This step usually comes in the middle phase of the course; you can do it now" in out
    assert grieving.rows("SELECT step, exercise_id FROM pathway_steps ORDER BY id") == [
        ("story", None),
        ("feelings", 1),
    ]


def test_the_pathway_at_40_columns_wraps_between_words_under_each_step(people, monkeypatch):
    monkeypatch.setenv("COLUMNS", "40")
    with on(WEEK_5):
        start_course(people, "role-dispute", extra=("--dispute-with", "Sam"))
        people.ok("pathway", "week", "--stage", "impasse", "--date", "2026-03-03")
        text = people.ok("pathway").stdout
    lines = text.splitlines()
    assert all(len(line) <= 40 for line in lines), text
    # a step's second line sits under its text, and a status in brackets stays whole
    assert "  2. Is this a familiar pattern?\n     [to do]  (dispute-pattern)\n" in text, text
    # the stage's grid keeps its columns (a row per stage), whatever the width
    assert any(line.startswith("  impasse ") and "●" in line for line in lines), text
    # the report's pathway part alike, and --plain
    with on(WEEK_5):
        for report in (people.ok("report").stdout, people.ok("--plain", "report").stdout):
            assert all(len(line) <= 40 for line in report.splitlines()), report
            assert "  2. Is this a familiar pattern?\n     [to do]" in report, report
