"""Grading per question type: pure functions, no database."""

import random

import pytest
from django.http import QueryDict

from courses import grading
from tests.factories import choice, question


def graded(q, answer):
    block_type, value = q
    return grading.grade(block_type, value, answer)


def test_single_choice_scores_the_right_option_with_its_feedback():
    q = question(
        "single_choice",
        options=[choice("A", True, "Ja"), choice("B", False, "Nee")],
        general_feedback="Algemeen",
    )
    assert graded(q, 0).fraction == 1 and graded(q, 0).feedback == ["Ja", "Algemeen"]
    assert graded(q, 1).fraction == 0 and graded(q, 1).feedback == ["Nee", "Algemeen"]
    assert graded(q, None).fraction == 0 and graded(q, None).right_answer == "A"


def test_multiple_response_gives_partial_credit_and_never_goes_below_zero():
    q = question(
        "multiple_response",
        options=[choice("A", True), choice("B", True), choice("C"), choice("D")],
    )
    assert graded(q, [0, 1]).fraction == 1
    assert graded(q, [0]).fraction == 0.5
    assert graded(q, [0, 2]).fraction == 0  # one right, one wrong: they cancel
    assert graded(q, [2, 3]).fraction == 0  # never negative
    assert graded(q, []).fraction == 0


def test_multiple_response_uses_explicit_weights_when_given():
    q = question(
        "multiple_response",
        options=[
            choice("A", True, weight=70),
            choice("B", True, weight=30),
            choice("C", weight=-50),
        ],
    )
    assert graded(q, [0]).fraction == pytest.approx(0.7)
    assert graded(q, [0, 2]).fraction == pytest.approx(0.2)
    assert graded(q, [0, 1, 2]).fraction == pytest.approx(0.5)


def test_true_false_with_feedback_for_each_answer():
    q = question("true_false", correct=False, feedback_true="Helaas", feedback_false="Klopt")
    assert graded(q, False).fraction == 1 and graded(q, False).feedback == ["Klopt"]
    assert graded(q, True).fraction == 0 and graded(q, True).feedback == ["Helaas"]


def test_matching_scores_the_share_of_right_pairs():
    q = question(
        "matching",
        pairs=[
            {"left": "a", "right": "1"},
            {"left": "b", "right": "2"},
            {"left": "c", "right": "3"},
            {"left": "d", "right": "4"},
        ],
    )
    assert graded(q, [0, 1, 2, 3]).fraction == 1
    assert graded(q, [0, 1, 3, 2]).fraction == 0.5
    assert graded(q, [None, None, None, None]).fraction == 0


def test_short_answer_ignores_case_and_surrounding_spaces():
    q = question("short_answer", answers=[{"text": "CoMensha", "feedback": "Juist"}])
    assert graded(q, "  comensha ").fraction == 1
    assert graded(q, "COMENSHA").feedback == ["Juist"]
    assert graded(q, "Co Mensha").fraction == 0
    assert graded(q, "").fraction == 0


def test_numerical_accepts_values_within_the_tolerance():
    q = question("numerical", answers=[{"value": 3.0, "tolerance": 0.5, "feedback": ""}])
    assert graded(q, "3").fraction == 1
    assert graded(q, "3,4").fraction == 1  # Dutch decimal comma
    assert graded(q, "3.5").fraction == 1
    assert graded(q, "3.6").fraction == 0
    assert graded(q, "drie").fraction == 0
    assert graded(q, "nan").fraction == 0
    assert graded(q, "").right_answer == "3 ± 0.5"


def test_ordering_scores_items_in_their_place():
    q = question("ordering", items=["eerst", "dan", "daarna", "tot slot"])
    assert graded(q, [1, 2, 3, 4]).fraction == 1
    assert graded(q, [2, 1, 3, 4]).fraction == 0.5
    assert graded(q, [None, None, None, None]).fraction == 0


TOKENS = ["tA", "tB"]  # what the form posts for option 0 and option 1


@pytest.mark.parametrize(
    ("block_type", "value", "data"),
    [
        ("single_choice", {"options": [choice("A", True), choice("B")]}, "q=0"),
        ("single_choice", {"options": [choice("A", True), choice("B")]}, "q=tC"),
        ("multiple_response", {"options": [choice("A", True), choice("B")]}, "q=tA&q=1"),
        ("true_false", {"correct": True}, "q=maybe"),
        (
            "matching",
            {"pairs": [{"left": "a", "right": "1"}, {"left": "b", "right": "2"}]},
            "q-0=1",
        ),
        ("ordering", {"items": ["a", "b"]}, "q-tB=3"),
        ("ordering", {"items": ["a", "b"]}, "q-tB=%C2%B2"),  # "²": a digit int() cannot read
        ("ordering", {"items": ["a", "b"]}, "q-tB=%D9%A1"),  # "١": int() reads it as 1
        ("ordering", {"items": ["a", "b"]}, "q-tB=" + "0" * 5000 + "1"),
        ("numerical", {"answers": []}, "q=%EF%BC%93"),  # full-width "３"
        ("numerical", {"answers": []}, "q=10%C2%B2"),
        ("short_answer", {"answers": []}, "q=" + "x" * 501),
        ("short_answer", {"answers": []}, "q=a%00b"),
    ],
)
def test_answers_no_form_could_post_are_refused(block_type, value, data):
    with pytest.raises(grading.InvalidAnswer):
        grading.parse_answer(block_type, value, QueryDict(data), "q", TOKENS)


def test_tokens_are_read_back_as_the_options_they_stand_for():
    options = {"options": [choice("A", True), choice("B")]}
    assert grading.parse_answer("single_choice", options, QueryDict("q=tB"), "q", TOKENS) == 1
    assert grading.parse_answer(
        "multiple_response", options, QueryDict("q=tB&q=tA"), "q", TOKENS
    ) == [0, 1]
    items = {"items": ["first", "second"]}
    assert grading.parse_answer("ordering", items, QueryDict("q-tA=2&q-tB=1"), "q", TOKENS) == [
        2,
        1,
    ]


def test_an_answer_with_nothing_stored_grades_as_blank():
    """An attempt handed in too late keeps no answers; its review must still render."""
    for block_type, value in [
        question("multiple_response", options=[choice("A", True), choice("B")]),
        question("matching", pairs=[{"left": "a", "right": "1"}, {"left": "b", "right": "2"}]),
        question("ordering", items=["a", "b"]),
    ]:
        assert grading.grade(block_type, value, None).fraction == 0


def test_shuffled_ordering_never_shows_the_answer():
    for seed in range(50):
        order = grading.option_order("ordering", {"items": ["a", "b"]}, random.Random(seed), True)
        assert order == [1, 0]


def test_matching_choices_are_shuffled_even_when_options_are_not():
    pairs = {"pairs": [{"left": str(i), "right": str(i)} for i in range(6)]}
    orders = {
        tuple(grading.option_order("matching", pairs, random.Random(seed), False))
        for seed in range(20)
    }
    assert len(orders) > 1


def test_presentation_holds_no_right_answers():
    block_type, value = question(
        "single_choice",
        options=[choice("Goed", True, "Geheime feedback"), choice("Fout")],
        general_feedback="Uitleg",
    )
    shown = grading.presentation(block_type, value, [1, 0], TOKENS)
    assert shown["options"] == [("tB", "Fout"), ("tA", "Goed")]
    assert "Geheime feedback" not in repr(shown) and "Uitleg" not in repr(shown)
    assert "correct" not in repr(shown)
