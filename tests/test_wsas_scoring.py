"""The WSAS's scoring at its edges, as the person reads it: the work item's "n/a" and the
mean of the other answers standing in for it (rounded half up), the answers as shown, its
own credit line, and a change told in points, never judged. Written against the mutants
mutation testing left alive (docs/testing.md, "Mutation testing")."""

import pytest

from ipt_journal.clinical import scales
from ipt_journal.clinical.scales import GAD7, PHQ9, WSAS
from ipt_journal.errors import InputError

STANDS_IN = (
    "Work did not apply (n/a): the mean of your other answers stands in for it in the "
    "total, as the NHS Data Dictionary scores the WSAS."
)


@pytest.mark.parametrize(
    "answers, total",
    [
        ([None, 3, 4, 5, 6], 23),  # 18 * 5 / 4 = 22.5: half up, never to even
        ([None, 3, 4, 5, 5], 21),  # 17 * 5 / 4 = 21.25: down
        ([None, 3, 4, 5, 7], 24),  # 19 * 5 / 4 = 23.75: up
        ([None, 0, 0, 0, 1], 1),  # 1.25
        ([None, 8, 8, 8, 8], 40),
        ([None, 0, 0, 0, 0], 0),
        ([2, 3, 4, 5, 6], 20),  # every item answered: the plain sum
    ],
)
def test_the_work_item_not_applying_counts_the_mean_of_the_others(answers, total):
    assert WSAS.total(answers) == total
    assert scales.describe(WSAS, WSAS.total(answers)).startswith(f"Your WSAS score is {total} of 40, in the ")


def test_a_total_with_work_not_applying_says_why_and_only_then():
    assert WSAS.stands_in([None, 3, 4, 5, 6]) == STANDS_IN
    assert WSAS.stands_in([0, 3, 4, 5, 6]) is None
    assert scales.describe(WSAS, WSAS.total([None, 3, 4, 5, 5])) == (
        "Your WSAS score is 21 of 40, in the moderately severe impairment range; "
        "worth discussing with your therapist or doctor."
    )


def test_n_a_is_taken_for_the_work_item_only_in_any_case():
    assert WSAS.parse("n/a,1,2,3,4", "--answers") == [None, 1, 2, 3, 4]
    assert WSAS.parse("N/A 8 0 8 0", "--answers") == [None, 8, 0, 8, 0]
    assert WSAS.parse("3,1,2,3,4", "--answers") == [3, 1, 2, 3, 4]  # a number is still a number
    with pytest.raises(InputError) as caught:
        WSAS.parse("0,n/a,0,0,0", "--answers")
    assert str(caught.value) == "--answers answer 2 must be 0, 1, 2, 3, 4, 5, 6, 7 or 8, got 'n/a'."
    with pytest.raises(InputError) as caught:
        PHQ9.parse("n/a,0,0,0,0,0,0,0,0", "--answers")  # no PHQ-9 item is optional
    assert str(caught.value) == "--answers answer 1 must be 0, 1, 2 or 3, got 'n/a'."


def test_a_wrong_work_answer_names_n_a_and_when_it_applies():
    with pytest.raises(InputError) as caught:
        WSAS.parse("9,0,0,0,0", "--answers")
    assert str(caught.value) == (
        "--answers answer 1 must be 0, 1, 2, 3, 4, 5, 6, 7 or 8, or n/a where it does not apply "
        "(retired, or not working by choice for reasons unrelated to your problem), got '9'."
    )


def test_the_answers_as_shown():
    assert scales.answers_text([None, 0, 8, 3, 1]) == "n/a 0 8 3 1"
    assert scales.answer_text(None) == "n/a"
    assert scales.answer_text(0) == "0"
    assert scales.answer_text(7) == "7"


def test_each_scale_carries_its_own_credit():
    assert scales.credit(WSAS) == scales.WSAS_CREDIT
    assert scales.credit(PHQ9) == scales.credit(GAD7) == scales.CREDIT
    assert scales.credits(["phq9", "wsas", "gad7"]) == [scales.CREDIT, scales.WSAS_CREDIT]
    assert "Mundt, Marks, Shear & Greist" in scales.WSAS_CREDIT


def test_a_wsas_change_is_told_in_points_and_never_judged():
    assert scales.change(WSAS, 10, 25) == scales.Change(points=15, meaningful=None)
    assert scales.change(WSAS, 25, 10) == scales.Change(points=-15, meaningful=None)
