"""The Work and Social Adjustment Scale (Mundt et al. 2002): scored as published, its bands at
their edges, the work item's "not applicable", and the WSAS everywhere the other
questionnaires go (measure, start, midpoint, review, history, reports, export and import)."""

import json
import sqlite3

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ipt_journal.clinical import scales
from ipt_journal.clinical.scales import WSAS
from ipt_journal.errors import InputError
from support import assert_user_error, flat, older_journal

SAVED = "SELECT scale, day, answers, total, difficulty FROM measures ORDER BY id"


@pytest.mark.parametrize(
    ("total", "band"),
    [
        (0, "lower impairment"),
        (9, "lower impairment"),  # "below 10": subclinical in the paper
        (10, "significant impairment"),  # "between 10 and 20"
        (20, "significant impairment"),
        (21, "moderately severe impairment"),  # "above 20"
        (40, "moderately severe impairment"),
    ],
)
def test_bands_at_their_edges(total, band):
    assert WSAS.band(total) == band
    assert f"{total} of 40, in the {band} range" in scales.describe(WSAS, total)


def test_every_total_from_0_to_40_has_a_band_and_none_beyond():
    assert WSAS.max_total == 40 and len(WSAS.items) == 5 and len(WSAS.options) == 9
    assert [WSAS.band(total) for total in range(41)].count("significant impairment") == 11
    with pytest.raises(ValueError, match="total 41 is outside 0-40"):
        WSAS.band(41)


def test_items_are_the_five_published_areas_in_order():
    areas = ["ability to work", "home management", "social leisure", "private leisure", "close relationships"]
    for item, area in zip(WSAS.items, areas, strict=True):
        assert item.startswith("Because of my problem") and area in item
    assert (WSAS.options[0], WSAS.options[2], WSAS.options[4], WSAS.options[6], WSAS.options[8]) == (
        "Not at all",
        "Slightly",
        "Definitely",
        "Markedly",
        "Very severely",
    )
    assert "Mundt" in scales.credit(WSAS) and "Marks" in scales.credit(WSAS)


@pytest.mark.parametrize(
    ("answers", "total"),
    [
        ([0, 0, 0, 0, 0], 0),
        ([8, 8, 8, 8, 8], 40),
        ([1, 2, 3, 2, 1], 9),
        ([2, 2, 2, 2, 2], 10),
        ([4, 4, 4, 4, 4], 20),
        ([5, 4, 4, 4, 4], 21),
        # Work not applicable: the other four's mean stands in (sum x 5/4), rounded half up.
        ([None, 2, 2, 2, 2], 10),  # 8 x 1.25 = 10
        ([None, 1, 2, 2, 2], 9),  # 7 x 1.25 = 8.75
        ([None, 4, 4, 4, 4], 20),  # 16 x 1.25 = 20
        ([None, 4, 4, 4, 5], 21),  # 17 x 1.25 = 21.25
        ([None, 1, 1, 0, 0], 3),  # 2 x 1.25 = 2.5, half up
        ([None, 2, 2, 1, 1], 8),  # 6 x 1.25 = 7.5, half up
        ([None, 8, 8, 8, 8], 40),
        ([None, 0, 0, 0, 0], 0),
    ],
)
def test_totals_by_hand(answers, total):
    assert WSAS.total(answers) == total


@given(st.lists(st.integers(0, 8), min_size=4, max_size=4))
def test_rounding_a_prorated_total_never_moves_it_across_a_band_edge(four):
    exact = sum(four) * 5 / 4
    shown = WSAS.total([None, *four])
    assert abs(shown - exact) <= 0.5
    # The edges (10, 21) are crossed by the exact mean exactly where the rounded total crosses them.
    assert (shown >= 10) == (exact >= 10) and (shown >= 21) == (exact > 20)


def test_parse_takes_n_a_for_work_only():
    assert WSAS.parse("n/a, 3, 4, 2, 8", "--answers") == [None, 3, 4, 2, 8]
    assert WSAS.parse("N/A,0,0,0,0", "--answers") == [None, 0, 0, 0, 0]
    with pytest.raises(InputError, match="answer 2 must be 0, 1, 2, 3, 4, 5, 6, 7 or 8, got 'n/a'"):
        WSAS.parse("1,n/a,0,0,0", "--answers")
    with pytest.raises(InputError, match="or n/a where it does not apply"):
        WSAS.parse("9,0,0,0,0", "--answers")
    with pytest.raises(InputError, match="exactly 5 answers from 0 to 8"):
        WSAS.parse("1,2,3,4", "--answers")


def test_no_response_remission_urgency_or_meaningful_verdict_for_functioning():
    assert scales.response(30, 5, WSAS) is None and scales.remission(30, 2, WSAS) is None
    assert scales.change(WSAS, 30, 10) == scales.Change(points=-20, meaningful=None)
    assert not scales.see_clinician_soon(WSAS, 40, 0, 0)
    assert scales.describe(WSAS, 40).endswith("worth discussing with your therapist or doctor.")
    assert scales.describe(WSAS, 5).endswith("keep tracking it over time.")  # no PHQ "5: watch it"
    for total in range(41):
        text = scales.describe(WSAS, total).lower()
        assert "you have" not in text and "disorder" not in text and "psychopathology" not in text


def test_measure_wsas_by_flags_saves_every_answer_and_says_the_band(ipt):
    result = ipt.ok("measure", "wsas", "--answers", "4,2,6,3,5", "--date", "2026-11-02")
    assert flat(result.stdout).startswith(
        "WSAS saved for 2026-11-02. Your WSAS score is 20 of 40, in the significant impairment range; "
        "worth discussing with your therapist or doctor."
    )
    assert ipt.rows(SAVED) == [("wsas", "2026-11-02", "[4, 2, 6, 3, 5]", 20, None)]


def test_work_not_applicable_is_stored_as_such_and_said(ipt):
    result = ipt.ok("measure", "wsas", "--answers", "n/a,4,4,4,5", "--date", "2026-11-02")
    out = flat(result.stdout)
    assert "Your WSAS score is 21 of 40, in the moderately severe impairment range" in out
    assert "Work did not apply (n/a): the mean of your other answers stands in for it" in out
    assert ipt.rows(SAVED) == [("wsas", "2026-11-02", "[null, 4, 4, 4, 5]", 21, None)]
    history = flat(ipt.ok("measure", "history", "--scale", "wsas").stdout)
    assert "WSAS 21/40 moderately severe impairment answers n/a 4 4 4 5" in history
    assert "Mundt, Marks, Shear & Greist" in history and "Pfizer" not in history


@pytest.mark.parametrize(
    ("answers", "phrase"),
    [
        ("9,0,0,0,0", "--answers answer 1 must be 0, 1, 2, 3, 4, 5, 6, 7 or 8"),
        ("0,n/a,0,0,0", "--answers answer 2 must be"),
        ("0,0,0,0", "--answers needs exactly 5 answers from 0 to 8"),
        ("0,0,0,0,0,0", "got 6"),
        ("0,-1,0,0,0", "got '-1'"),
    ],
)
def test_bad_answers_are_refused_and_nothing_is_written(ipt, answers, phrase):
    assert_user_error(ipt("measure", "wsas", "--answers", answers), phrase)


def test_without_a_terminal_it_names_the_flag_and_writes_nothing(ipt):
    assert_user_error(ipt("measure", "wsas"), "--answers", "ipt measure wsas --answers 0,0,0,0,0")


def test_the_wsas_has_no_difficulty_question(ipt):
    assert_user_error(ipt("measure", "wsas", "--answers", "0,0,0,0,0", "--difficulty", "2"), "--difficulty")
    ipt.ok("measure", "wsas", "--answers", "1,1,1,1,1", "--date", "2026-11-02")
    assert_user_error(
        ipt("measure", "edit", "1", "--difficulty", "2"), "The WSAS has no difficulty question."
    )


def test_edit_recomputes_the_total(ipt):
    ipt.ok("measure", "wsas", "--answers", "1,1,1,1,1", "--date", "2026-11-02")
    ipt.ok("measure", "edit", "1", "--answers", "n/a,8,8,8,7")
    assert ipt.rows(SAVED) == [("wsas", "2026-11-02", "[null, 8, 8, 8, 7]", 39, None)]


def test_json_has_the_band_and_no_verdicts_it_cannot_give(ipt):
    ipt.ok("measure", "wsas", "--answers", "6,6,6,6,6", "--date", "2026-10-01")
    data = json.loads(
        ipt.ok("measure", "wsas", "--answers", "n/a,1,1,1,1", "--date", "2026-11-02", "--json").stdout
    )
    [m] = data["measures"]
    assert (m["scale"], m["answers"], m["total"], m["max_total"]) == ("wsas", [None, 1, 1, 1, 1], 5, 40)
    assert m["band"] == "lower impairment" and m["stands_in"].startswith("Work did not apply")
    assert m["change_from_previous"] == {"day": "2026-10-01", "total": 30, "points": -25, "meaningful": None}
    assert (m["response"], m["remission"], m["contact_clinician_soon"], data["safety"]) == (
        None,
        None,
        False,
        None,
    )


def test_history_scale_filter_and_a_misspelled_scale(ipt):
    ipt.ok("measure", "phq9", "--answers", "1,1,1,1,1,1,1,1,0", "--date", "2026-11-01")
    ipt.ok("measure", "wsas", "--answers", "2,2,2,2,2", "--date", "2026-11-02")
    data = json.loads(ipt.ok("measure", "history", "--scale", "wsas", "--json").stdout)
    assert [(m["scale"], m["total"]) for m in data] == [("wsas", 10)]
    assert_user_error(
        ipt("measure", "history", "--scale", "wsa"), "--scale must be phq9, gad7 or wsas", "wsas"
    )


def test_start_takes_a_baseline_wsas_and_the_report_shows_it_beside_the_others(ipt):
    ipt.ok(
        "start", "--start-date", "2026-10-01", "--weeks", "12", "--focus", "grief",
        "--phq9", "2,2,1,1,1,1,1,1,0", "--wsas", "6,4,6,3,5",
    )  # fmt: skip
    ipt.ok("measure", "wsas", "--answers", "n/a,2,3,2,2", "--date", "2026-11-20")
    assert ipt.rows("SELECT scale, day, total FROM measures ORDER BY id") == [
        ("phq9", "2026-10-01", 10),
        ("wsas", "2026-10-01", 24),
        ("wsas", "2026-11-20", 11),
    ]
    report = json.loads(ipt.ok("report", "--since", "2026-09-01", "--json").stdout)
    days = {(d["day"], d["wsas"], d["wsas_band"]) for d in report["measures"]}
    assert days == {
        ("2026-10-01", 24, "moderately severe impairment"),
        ("2026-11-20", 11, "significant impairment"),
    }
    [wsas] = [p for p in report["progress"] if p["scale"] == "wsas"]
    assert (wsas["baseline"], wsas["latest"], wsas["points"], wsas["meaningful"]) == (24, 11, -13, None)
    assert (wsas["response"], wsas["remission"]) == (None, None)
    text = flat(ipt.ok("report", "--since", "2026-09-01").stdout)
    assert (
        "WSAS: 24 at baseline (2026-10-01), 11 on 2026-11-20 (significant impairment), down 13 points."
        in text
    )


def test_the_clinician_document_has_every_wsas_answer_and_its_chart(ipt, tmp_path):
    ipt.ok("start", "--start-date", "2026-10-01", "--weeks", "12", "--wsas", "6,4,6,3,5")
    ipt.ok("measure", "wsas", "--answers", "n/a,2,3,2,2", "--date", "2026-11-20")
    md = ipt.ok("report", "--since", "2026-09-01", "--format", "markdown", "-o", "-").stdout
    assert "| 2026-11-20 | n/a | 2 | 3 | 2 | 2 | 11 (significant impairment) |" in md
    assert "| 2026-10-01 | 6 | 4 | 6 | 3 | 5 | 24 (moderately severe impairment) |" in md
    assert (
        "WSAS: 24 on 2026-10-01 (first), 11 on 2026-11-20 (latest, significant impairment range), "
        "a change of -13 points."
    ) in md
    html = ipt.ok("report", "--since", "2026-09-01", "--format", "html", "-o", "-").stdout
    assert "chart-wsas" in html
    assert "<td>n/a</td>" in html or ">n/a<" in html


def test_midpoint_and_review_take_the_wsas_by_flag(ipt):
    ipt.ok("start", "--start-date", "2026-10-01", "--weeks", "12", "--wsas", "6,6,6,6,6")
    out = flat(
        ipt.ok(
            "course",
            "review-midpoint",
            "--focus-still-right",
            "yes",
            "--wsas",
            "4,4,4,4,4",
            "--date",
            "2026-11-05",
        ).stdout
    )
    assert "Saved your midpoint review of 2026-11-05." in out
    assert (
        "Your WSAS score is 20 of 40" in out
        and "Since your baseline (2026-10-01, 30): down 10 points." in out
    )
    ipt.ok(
        "review", "--what-changed", "More time with friends", "--wsas", "n/a,1,1,1,1", "--date", "2026-12-01"
    )
    assert ipt.rows("SELECT day, answers, total FROM measures WHERE scale = 'wsas' ORDER BY day") == [
        ("2026-10-01", "[6, 6, 6, 6, 6]", 30),
        ("2026-11-05", "[4, 4, 4, 4, 4]", 20),
        ("2026-12-01", "[null, 1, 1, 1, 1]", 5),
    ]
    data = json.loads(
        ipt.ok(
            "course",
            "review-midpoint",
            "--next-half",
            "Call Jo",
            "--wsas",
            "2,2,2,2,2",
            "--date",
            "2026-11-06",
            "--json",
        ).stdout
    )
    assert data["next_half"] == "Call Jo" and data["wsas"]["total"] == 10


def test_a_bad_wsas_with_a_review_saves_neither(ipt):
    ipt.ok("start", "--start-date", "2026-10-01", "--weeks", "12")
    assert_user_error(
        ipt("course", "review-midpoint", "--focus-still-right", "yes", "--wsas", "9,9,9,9,9"),
        "--wsas answer 1",
    )
    assert_user_error(
        ipt("review", "--what-changed", "x", "--wsas", "1,1,1"), "--wsas needs exactly 5 answers"
    )
    assert_user_error(ipt("review", "--show", "--wsas", "1,1,1,1,1"), "--show and --json only tell the story")


def test_export_and_import_keep_not_applicable(ipt, tmp_path):
    ipt.ok("measure", "wsas", "--answers", "n/a,3,4,2,8", "--date", "2026-11-02")
    exported = tmp_path / "out.json"
    ipt.ok("export", "-o", str(exported))
    [m] = json.loads(exported.read_text())["measures"]
    assert (m["scale"], m["answers"]) == ("wsas", [None, 3, 4, 2, 8])
    other = tmp_path / "other.db"
    ipt.ok("--db", str(other), "import", str(exported))
    assert ipt.rows_in(other, SAVED) == [("wsas", "2026-11-02", "[null, 3, 4, 2, 8]", 21, None)]
    md = ipt.ok("export", "--format", "markdown", "-o", "-").stdout
    assert "| 2026-11-02 | WSAS | 21/40 | moderately severe impairment |" in md


def test_an_import_with_a_missing_answer_outside_work_is_refused(ipt, tmp_path):
    ipt.ok("measure", "wsas", "--answers", "1,3,4,2,8", "--date", "2026-11-02")
    exported = tmp_path / "out.json"
    ipt.ok("export", "-o", str(exported))
    doc = json.loads(exported.read_text())
    doc["measures"][0]["answers"] = [1, None, 4, 2, 8]
    exported.write_text(json.dumps(doc))
    other = tmp_path / "other.db"
    result = ipt("--db", str(other), "import", str(exported))
    assert result.exit_code != 0 and "answer 2 is missing" in flat(result.stderr)
    assert not other.exists() or ipt.rows_in(other, "SELECT count(*) FROM measures") == [(0,)]


def test_an_older_journal_is_upgraded_keeping_its_questionnaires_and_deletions(ipt, tmp_path):
    from ipt_journal.store.migrations import migrations

    names = [migration.name for migration in migrations._migrations]
    path = older_journal(tmp_path / "old.db", names.index("m017_work_and_social_adjustment"))
    conn = sqlite3.connect(path)
    conn.execute(
        "INSERT INTO measures (uid, scale, day, answers, total, created_at, updated_at) "
        "VALUES ('m1', 'phq9', '2026-10-01', '[1,1,1,1,1,1,1,1,0]', 8, 'x', 'x')"
    )
    with pytest.raises(sqlite3.IntegrityError):  # before m017, the WSAS had no place
        conn.execute(
            "INSERT INTO measures (uid, scale, day, answers, total, created_at, updated_at) "
            "VALUES ('m2', 'wsas', '2026-10-01', '[1,1,1,1,1]', 5, 'x', 'x')"
        )
    conn.commit()
    conn.close()
    ipt.ok("--db", str(path), "measure", "wsas", "--answers", "2,2,2,2,2", "--date", "2026-11-01")
    assert ipt.rows_in(path, "SELECT id, uid, scale, total FROM measures ORDER BY id")[0] == (
        1,
        "m1",
        "phq9",
        8,
    )
    assert ipt.rows_in(path, "SELECT scale, total FROM measures ORDER BY id") == [("phq9", 8), ("wsas", 10)]
    assert ipt.rows_in(path, "SELECT name FROM sqlite_master WHERE name LIKE 'measures%' ORDER BY name") == [
        ("measures",),
        ("measures_scale_day",),
        ("measures_tombstone",),
        ("measures_untombstone",),
    ]
    ipt.ok("--db", str(path), "measure", "delete", "1", "--yes")
    assert ipt.rows_in(path, "SELECT uid, kind FROM tombstones") == [("m1", "measures")]


def test_the_wizard_asks_five_items_0_to_8_and_offers_not_applicable_for_work_only(ipt):
    from terminal import ENTER, Terminal

    term = Terminal(ipt.path, "measure", "wsas", "--date", "2026-11-02")
    term.at("WSAS. People's problems sometimes affect")
    # The work item: 0-8 by digit, and "not applicable" last (key n), so Enter alone never picks it.
    term.at("1/5 Because of my problem my ability to work").shows("Not applicable: I am retired")
    term.keys("n", ENTER)
    for number, key in ((2, "3"), (3, "8"), (4, "0")):
        term.answer(f"{number}/5 Because of my problem", key, ENTER)
    term.answer("5/5 Because of my problem", ENTER)  # Enter takes the first: 0, not at all
    term.at("Your WSAS score is 14 of 40, in the significant")
    term.at("Work did not apply (n/a)")
    code, output = term.finish()
    assert code == 0, output
    assert "how difficult have these problems made it" not in output
    assert ipt.rows(SAVED) == [("wsas", "2026-11-02", "[null, 3, 8, 0, 0]", 14, None)]


def test_ctrl_c_in_the_wizard_saves_nothing(ipt):
    from terminal import CTRL_C, ENTER, Terminal

    term = Terminal(ipt.path, "measure", "wsas")
    term.answer("1/5 Because of my problem", "4", ENTER)
    term.answer("2/5 Because of my problem", CTRL_C)
    code, _ = term.finish()
    assert code == 130
    assert not ipt.path.exists() or ipt.rows("SELECT count(*) FROM measures") == [(0,)]


def test_the_look_back_tells_the_wsas_in_points_and_never_judges_it_by_a_missing_figure(ipt):
    ipt.ok("start", "--start-date", "2026-09-01", "--weeks", "12", "--focus", "grief", "--wsas", "6,6,6,6,6")
    ipt.ok("measure", "wsas", "--answers", "6,6,6,6,7", "--date", "2026-11-20")
    out = flat(ipt.ok("review", "--show").stdout)
    assert "WSAS: 30 at the start (2026-09-01), 31 now (moderately severe impairment)." in out
    # Not "your scores have not come down meaningfully ... has not worked for you".
    assert "Whatever changed in these weeks, you did the work that changed it." in out
    assert "not worked" not in out and "meaningfully" not in out
    # With a PHQ-9 taken twice, the verdict rests on the PHQ-9 alone.
    ipt.ok("measure", "phq9", "--answers", "2,2,2,2,2,2,2,2,0", "--date", "2026-09-01")
    ipt.ok("measure", "phq9", "--answers", "1,1,1,0,0,0,0,0,0", "--date", "2026-11-20")
    assert "Your scores came down, and you did the work that brought them down." in flat(
        ipt.ok("review", "--show").stdout
    )


def test_the_midpoint_wizard_offers_the_wsas_after_saving_the_review(ipt):
    from terminal import ENTER, Terminal

    ipt.ok("start", "--start-date", "2026-09-01", "--weeks", "12", "--focus", "grief")
    term = Terminal(ipt.path, "course", "review-midpoint", "--date", "2026-10-15")
    term.answer("Is the focus you chose still the right one?", ENTER)
    for prompt in ("What would you change about the focus", "How are your goals going"):
        term.at(prompt).type("")
    term.at("What will you work on").type("Call Jo")
    term.at("Saved your midpoint review of 2026-10-15.")
    term.answer("Take the WSAS now (5 short questions about how your problems affect work", "y")
    for number, key in enumerate("21012", start=1):
        term.answer(f"{number}/5 Because of my problem", key, ENTER)
    term.at("Your WSAS score is 6 of 40, in the lower impairment")
    code, output = term.finish()
    assert code == 0, output
    assert ipt.rows("SELECT count(*) FROM midpoint_reviews") == [(1,)]
    assert ipt.rows(SAVED) == [("wsas", "2026-10-15", "[2, 1, 0, 1, 2]", 6, None)]

    # One taken in the two weeks before: not offered again.
    term = Terminal(ipt.path, "course", "review-midpoint", "--date", "2026-10-20")
    term.answer("Is the focus you chose still the right one?", ENTER)
    for prompt in ("What would you change about the focus", "How are your goals going"):
        term.at(prompt).type("")
    term.at("What will you work on").type("Call Jo")
    code, output = term.finish()
    assert code == 0 and "Take the WSAS" not in output
    assert ipt.rows("SELECT count(*) FROM measures") == [(1,)]


def test_the_dashboard_never_lists_the_wsas_as_due_and_prep_tells_it_in_points(ipt):
    ipt.ok("start", "--start-date", "2026-09-01", "--weeks", "12", "--focus", "grief", "--wsas", "3,3,3,3,3")
    ipt.ok("measure", "wsas", "--answers", "1,1,1,1,1", "--date", "2026-09-10")
    dashboard = flat(ipt.ok().stdout)
    assert "Due: PHQ-9 and GAD-7 (every two weeks or so)." in dashboard and "WSAS" not in dashboard
    taken = json.loads(ipt.ok("prep", "--since", "2026-09-01", "--json").stdout)["measures"]
    assert [(m["name"], m["total"], m["previous"], m["points"], m["meaningful"]) for m in taken] == [
        ("WSAS", 15, None, None, False),  # the first: nothing to compare with
        ("WSAS", 5, 15, -10, None),  # no published figure: neither meaningful nor not
    ]
    text = flat(ipt.ok("prep", "--since", "2026-09-01").stdout)
    assert "2026-09-10 WSAS: 5, lower impairment range, -10 since the one before" in text
    assert "meaningful" not in text and "reliable" not in text
