"""Writing questions as GIFT (courses.quizzes.exporting): the exact text per question type;
pure, no database."""

import pytest
from django.utils import translation

from courses.quizzes.exporting import export_gift
from courses.quizzes.importing import QuizImportError, parse_gift
from tests.factories import choice, question


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def gift(*questions) -> str:
    return export_gift(list(questions)).text


def test_single_choice_with_title_feedback_and_general_feedback():
    assert gift(
        question(
            "single_choice",
            title="Capital",
            prompt="What is the capital?",
            options=[choice("Amsterdam", True, "Right."), choice("Rotterdam")],
            general_feedback="The Hague is the seat of government.",
        )
    ) == (
        "::Capital::What is the capital? {\n"
        "\t=Amsterdam#Right.\n"
        "\t~Rotterdam\n"
        "\t####The Hague is the seat of government.\n"
        "}\n"
    )


def test_special_characters_are_escaped_and_line_breaks_written_as_backslash_n():
    assert gift(
        question(
            "true_false",
            title="A: b",
            prompt="Is {x} = ~y # z?\nC:\\temp",
            correct=True,
            feedback_true="",
            feedback_false="",
        )
    ) == ("::A\\: b::Is \\{x\\} \\= \\~y \\# z?\\nC\\:\\\\temp {TRUE}\n")


def test_true_false_writes_wrong_then_right_feedback_as_moodle_does():
    assert gift(
        question(
            "true_false",
            prompt="Victims often report themselves.",
            correct=False,
            feedback_true="Sadly not.",
            feedback_false="Indeed.",
            general_feedback="Signals come from others.",
        )
    ) == (
        "Victims often report themselves. {FALSE#Sadly not.#Indeed.####Signals come from others.}\n"
    )


def test_true_false_with_only_the_right_feedback_leaves_the_wrong_one_empty():
    text = gift(question("true_false", correct=True, feedback_true="Yes.", feedback_false=""))
    assert text == "Vraag? {TRUE##Yes.}\n"


def test_multiple_response_writes_the_weights_it_is_graded_by():
    assert gift(
        question(
            "multiple_response",
            options=[choice("a", True), choice("b", True), choice("c", True), choice("d")],
        ),
        question(
            "multiple_response",
            options=[choice("a", True, weight=70), choice("b", True, weight=30), choice("c")],
        ),
    ) == (
        "Vraag? {\n"
        "\t~%33.33333%a\n\t~%33.33333%b\n\t~%33.33333%c\n\t~%-33.33333%d\n"
        "}\n\n"
        "Vraag? {\n\t~%70%a\n\t~%30%b\n\t~c\n}\n"
    )


def test_matching_writes_extra_choices_as_pairs_without_an_item():
    assert gift(
        question(
            "matching",
            pairs=[{"left": "Dog", "right": "Woof"}, {"left": "Cow", "right": "Moo"}],
            distractors=["Chat"],
        )
    ) == ("Vraag? {\n\t=Dog -> Woof\n\t=Cow -> Moo\n\t= -> Chat\n}\n")


def test_short_answer_writes_the_feedback_for_any_other_answer_as_a_star_without_credit():
    assert gift(
        question(
            "short_answer",
            answers=[{"text": "CoMensha", "feedback": "Yes."}, {"text": "5*5", "feedback": ""}],
            feedback_other="Look it up.",
        )
    ) == ("Vraag? {\n\t=CoMensha#Yes.\n\t=5\\*5\n\t=%0%*#Look it up.\n}\n")


def test_numerical_writes_value_tolerance_and_feedback_for_any_other_answer():
    assert gift(
        question(
            "numerical",
            answers=[
                {"value": 32, "tolerance": 1.5, "feedback": "Close enough."},
                {"value": -0.25, "tolerance": 0, "feedback": ""},
            ],
            feedback_other="Completely wrong",
        )
    ) == ("Vraag? {#\n\t=32.0:1.5#Close enough.\n\t=-0.25:0.0\n\t~#Completely wrong\n}\n")


def test_ordering_is_written_as_comment_lines_that_hold_the_question():
    export = export_gift(
        [question("ordering", title="Steps", prompt="Put in order.", items=["Notice", "Report"])]
    )
    assert export.text == (
        "// Not exported as a question: GIFT has no ordering questions.\n"
        "// Title: Steps\n"
        "// Question: Put in order.\n"
        "// The items in the right order:\n"
        "// 1. Notice\n"
        "// 2. Report\n"
    )
    assert export.commented == [(1, "Steps")]
    with pytest.raises(QuizImportError, match="the file contains no questions"):
        parse_gift(export.text)


def test_points_are_written_as_a_comment_above_the_question():
    assert gift(
        question("true_false", correct=True, feedback_true="", feedback_false="", points=3)
    ) == ("// This question is worth 3 points; GIFT cannot hold points.\nVraag? {TRUE}\n")


def test_a_question_gift_would_read_as_another_type_is_commented_out_with_the_reason():
    export = export_gift(
        [question("short_answer", answers=[{"text": "A -> B", "feedback": ""}], feedback_other="")]
    )
    assert export.text == (
        "// Not exported as a question: an accepted answer holds “->”, which GIFT reads as a "
        "matching pair.\n"
        "// As GIFT it would read:\n"
        "// Vraag? {\n"
        "// \t=A -> B\n"
        "// }\n"
    )
    assert export.commented == [(1, "Vraag?")]


def test_a_single_choice_where_every_option_is_right_is_commented_out():
    export = export_gift(
        [question("single_choice", options=[choice("a", True), choice("b", True)])]
    )
    assert export.text.startswith(
        "// Not exported as a question: every option is right, and GIFT needs a wrong one (~).\n"
    )


def test_multiple_response_whose_weights_do_not_reach_100_is_commented_out():
    export = export_gift(
        [
            question(
                "multiple_response",
                options=[choice("a", True, weight=50), choice("b", True, weight=40), choice("c")],
            )
        ]
    )
    assert export.text.startswith(
        "// Not exported as a question: the weights of the right options add up to 90%, not 100%.\n"
    )


def test_texts_that_look_like_syntax_are_written_so_that_they_read_back_as_written():
    export = export_gift(
        [
            question(
                "single_choice",
                prompt="// not a comment",
                options=[
                    choice("[html]<b>literal</b>", True, "[markdown]*literal*"),
                    choice("%50%", False),
                ],
            ),
            question(
                "matching",
                prompt="[plain] kept",
                pairs=[{"left": "A -> B", "right": "1 -> 2"}, {"left": "<C>", "right": "3"}],
            ),
            question(
                "short_answer",
                answers=[{"text": "%x%", "feedback": "see A -> B"}],
                feedback_other="not -> this",
            ),
        ]
    )
    assert export.commented == []
    (_t1, choice_value), (_t2, matching), (_t3, short) = parse_gift(export.text).questions
    assert choice_value["prompt"] == "// not a comment"
    assert [(o["text"], o["feedback"]) for o in choice_value["options"]] == [
        ("[html]<b>literal</b>", "[markdown]*literal*"),
        ("%50%", ""),
    ]
    assert matching["prompt"] == "[plain] kept"
    assert matching["pairs"] == [
        {"left": "A -> B", "right": "1 -> 2"},
        {"left": "<C>", "right": "3"},
    ]
    assert short["answers"] == [{"text": "%x%", "feedback": "see A -> B"}]
    assert short["feedback_other"] == "not -> this"


def test_heading_is_a_comment_before_the_questions():
    export = export_gift(
        [question("true_false", correct=True, feedback_true="", feedback_false="")],
        heading="Quiz “Eindtoets”",
    )
    assert export.text == "// Quiz “Eindtoets”\n\nVraag? {TRUE}\n"
