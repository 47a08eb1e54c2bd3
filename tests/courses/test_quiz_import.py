"""GIFT and Aiken quiz import (courses.quizzes.importing); pure parsing, no database."""

from pathlib import Path

import pytest
from django.utils import translation

from courses.quizzes.importing import (
    ImportProblem,
    ImportResult,
    QuizImportError,
    parse_aiken,
    parse_gift,
    parse_quiz_file,
)

FIXTURES = Path(__file__).parent / "fixtures"


def fixture(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def problems_of(parse, text: str) -> list[ImportProblem]:
    with pytest.raises(QuizImportError) as caught:
        parse(text)
    return caught.value.problems


def only_problem(text: str) -> ImportProblem:
    problems = problems_of(parse_gift, text)
    assert len(problems) == 1, problems
    return problems[0]


def only_question(text: str) -> tuple[str, dict]:
    result = parse_gift(text)
    assert len(result.questions) == 1, result.questions
    return result.questions[0]


# --- GIFT: the fixture with every supported construct ------------------------------------


@pytest.fixture
def constructs() -> ImportResult:
    return parse_gift(fixture("all_constructs.gift"))


def question_titled(result: ImportResult, title: str) -> tuple[str, dict]:
    return next(question for question in result.questions if question[1]["title"] == title)


def test_all_constructs_are_imported_in_file_order(constructs):
    assert [block_type for block_type, _value in constructs.questions] == [
        "single_choice",
        "multiple_response",
        "true_false",
        "true_false",
        "short_answer",
        "numerical",
        "numerical",
        "numerical",
        "matching",
        "single_choice",
        "single_choice",
        "true_false",
    ]


def test_category_line_is_a_notice_not_a_problem(constructs):
    category = constructs.notices[0]
    assert category.line == 2
    assert "$course$/Signalen/Basis" in category.message
    assert "ignored" in category.message


def test_notices_are_the_category_and_the_left_out_partial_answer(constructs):
    assert [notice.line for notice in constructs.notices] == [2, 31]


def test_single_choice_with_answer_feedback_and_general_feedback(constructs):
    assert constructs.questions[0] == (
        "single_choice",
        {
            "title": "Capital",
            "prompt": "What is the capital of the Netherlands?",
            "options": [
                {
                    "text": "Amsterdam",
                    "correct": True,
                    "weight": None,
                    "feedback": "Right: the constitution names it.",
                },
                {
                    "text": "Rotterdam",
                    "correct": False,
                    "weight": None,
                    "feedback": "That is the largest port.",
                },
                {"text": "The Hague", "correct": False, "weight": None, "feedback": ""},
            ],
            "general_feedback": "Amsterdam is the capital; The Hague is the seat of government.",
            "points": 1,
        },
    )


def test_multiple_response_rounds_decimal_weights_to_a_full_100_and_keeps_penalties(constructs):
    assert question_titled(constructs, "Signals") == (
        "multiple_response",
        {
            "title": "Signals",
            "prompt": "Which of these can be signals of exploitation?",
            "options": [
                {"text": "Debt to the employer", "correct": True, "weight": 34, "feedback": ""},
                {
                    "text": "No access to one's own passport",
                    "correct": True,
                    "weight": 33,
                    "feedback": "",
                },
                {"text": "Living at the workplace", "correct": True, "weight": 33, "feedback": ""},
                {
                    "text": "A day off every week",
                    "correct": False,
                    "weight": -100,
                    "feedback": "No: that is a normal right.",
                },
            ],
            "general_feedback": "",
            "points": 1,
        },
    )


def test_true_statement_shows_second_feedback_for_true_and_first_for_false(constructs):
    assert question_titled(constructs, "Legal") == (
        "true_false",
        {
            "title": "Legal",
            "prompt": "Sex work is legal in the Netherlands under conditions.",
            "correct": True,
            "feedback_true": "Correct, with a licence.",
            "feedback_false": "Look at the law again.",
            "general_feedback": "",
            "points": 1,
        },
    )


def test_false_statement_shows_first_feedback_for_true_and_second_for_false(constructs):
    _block_type, value = question_titled(constructs, "Foreign")
    assert value["correct"] is False
    assert value["feedback_true"] == "Dutch nationals are victims too."
    assert value["feedback_false"] == "Right: many victims are Dutch."


def test_short_answer_with_several_answers_and_a_multi_line_prompt(constructs):
    assert question_titled(constructs, "Who registers") == (
        "short_answer",
        {
            "title": "Who registers",
            "prompt": "Which organisation registers signals of human trafficking\n"
            "in the Netherlands?",
            "answers": [
                {"text": "CoMensha", "feedback": "Yes."},
                {"text": "Co Mensha", "feedback": ""},
                {"text": "Coördinatiecentrum Mensenhandel", "feedback": ""},
            ],
            "feedback_other": "",
            "general_feedback": "",
            "points": 1,
        },
    )


def test_numerical_with_tolerance(constructs):
    assert question_titled(constructs, "Dike") == (
        "numerical",
        {
            "title": "Dike",
            "prompt": "How many kilometres long is the Afsluitdijk?",
            "answers": [{"value": 32.0, "tolerance": 1.0, "feedback": ""}],
            "feedback_other": "",
            "general_feedback": "",
            "points": 1,
        },
    )


def test_numerical_range_becomes_midpoint_and_half_width(constructs):
    _block_type, value = question_titled(constructs, "Range")
    assert value["answers"] == [{"value": 3.0, "tolerance": 2.0, "feedback": ""}]


def test_numerical_multiple_answers_keep_only_fully_correct_ones(constructs):
    _block_type, value = question_titled(constructs, "Pi")
    assert value["answers"] == [
        {"value": 3.14, "tolerance": 0.005, "feedback": "Good."},
        {"value": 3.1, "tolerance": 0.05, "feedback": "Rounded, but accepted."},
    ]
    assert "partial" in constructs.notices[1].message


def test_matching_pairs(constructs):
    assert question_titled(constructs, "Terms") == (
        "matching",
        {
            "title": "Terms",
            "prompt": "Match each term to its meaning.",
            "pairs": [
                {"left": "Pimp", "right": "Someone who profits from the sex work of another"},
                {"left": "Loverboy", "right": "A trafficker who fakes a romance"},
                {"left": "CoMensha", "right": "The national coordination centre"},
            ],
            "distractors": [],
            "general_feedback": "",
            "points": 1,
        },
    )


def test_missing_word_puts_a_blank_where_the_answers_were(constructs):
    block_type, value = question_titled(constructs, "")
    assert block_type == "single_choice"
    assert value["prompt"] == (
        "The first Dutch law against trafficking dates from _____ and has been revised since."
    )
    assert [option["text"] for option in value["options"] if option["correct"]] == ["1911"]


def test_escaped_characters_are_unescaped_in_title_prompt_answers_and_feedback(constructs):
    assert question_titled(constructs, "Escapes: braces") == (
        "single_choice",
        {
            "title": "Escapes: braces",
            "prompt": "Which characters need a backslash in GIFT: { } ~ = # ?",
            "options": [
                {"text": "All of them", "correct": True, "weight": None, "feedback": ""},
                {
                    "text": "Only { and }",
                    "correct": False,
                    "weight": None,
                    "feedback": "Also ~, = and #.",
                },
            ],
            "general_feedback": "",
            "points": 1,
        },
    )


def test_format_markers_are_stripped(constructs):
    assert question_titled(constructs, "Consent")[1]["prompt"] == "Is consent always required?"
    assert question_titled(constructs, "Signals")[1]["prompt"].startswith("Which")


# --- GIFT: single constructs -------------------------------------------------------------


def test_html_marker_turns_html_into_plain_text():
    _block_type, value = only_question(
        "[html]<p>Is <b>R&amp;D</b> allowed?</p>{T#<i>No</i>, it is not.}"
    )
    assert value["prompt"] == "Is R&D allowed?"
    assert value["feedback_false"] == "No, it is not."


def test_short_forms_of_true_and_false():
    assert only_question("Q? {T}")[1]["correct"] is True
    assert only_question("Q? {FALSE}")[1]["correct"] is False


def test_true_false_without_feedback_has_empty_feedback():
    _block_type, value = only_question("Q? {TRUE}")
    assert (value["feedback_true"], value["feedback_false"]) == ("", "")


def test_single_equals_answer_is_short_answer():
    assert only_question("Capital? {=Amsterdam}") == (
        "short_answer",
        {
            "title": "",
            "prompt": "Capital?",
            "answers": [{"text": "Amsterdam", "feedback": ""}],
            "feedback_other": "",
            "general_feedback": "",
            "points": 1,
        },
    )


def test_short_answer_leaves_out_partial_credit_answers_with_a_notice():
    result = parse_gift("Capital? {=Amsterdam =%50%Adam}")
    assert result.questions[0][1]["answers"] == [{"text": "Amsterdam", "feedback": ""}]
    assert [notice.line for notice in result.notices] == [1]


def test_single_choice_ignores_partial_credit_with_a_notice():
    result = parse_gift("Best answer? {=best ~%50%good ~bad}")
    block_type, value = result.questions[0]
    assert block_type == "single_choice"
    assert [option["weight"] for option in value["options"]] == [None, None, None]
    assert [option["correct"] for option in value["options"]] == [True, False, False]
    assert len(result.notices) == 1


def test_multiple_response_without_weight_counts_as_zero():
    _block_type, value = only_question("Which? {~%50%a ~%50%b ~c}")
    assert [(option["weight"], option["correct"]) for option in value["options"]] == [
        (50, True),
        (50, True),
        (0, False),
    ]


def test_numerical_answer_with_feedback():
    _block_type, value = only_question("Provinces? {#12#There are twelve.}")
    assert value["answers"] == [{"value": 12.0, "tolerance": 0.0, "feedback": "There are twelve."}]


def test_numerical_missing_word():
    block_type, value = only_question("There are {#12} provinces.")
    assert block_type == "numerical"
    assert value["prompt"] == "There are _____ provinces."


def test_missing_word_before_punctuation_keeps_the_punctuation_attached():
    assert only_question("The capital is {=Amsterdam ~Utrecht}.")[1]["prompt"] == (
        "The capital is _____."
    )


def test_comment_lines_are_ignored_and_do_not_split_a_question():
    result = parse_gift("// about the question\nCapital?\n// between lines\n{=Amsterdam ~Utrecht}")
    assert result.questions[0][1]["prompt"] == "Capital?"


def test_windows_line_endings_and_byte_order_mark():
    result = parse_gift("\ufeffA? {T}\r\n\r\nB? {F}\r\n")
    assert [value["prompt"] for _block_type, value in result.questions] == ["A?", "B?"]


def test_escaped_backslash_does_not_escape_the_next_brace():
    assert only_question("Path C:\\\\ ? {=yes ~no}")[1]["prompt"] == "Path C:\\ ?"


# --- GIFT: problems ----------------------------------------------------------------------


def test_essay_is_a_problem():
    problem = only_problem("::E:: Describe it. {}")
    assert problem.line == 1
    assert problem.message == "Line 1: essay questions cannot be imported."


def test_description_is_a_problem():
    assert "description" in only_problem("Just some text.").message


def test_cloze_with_number_is_a_problem():
    assert "cloze" in only_problem("Capital: {1:MULTICHOICE:=Amsterdam~Utrecht}").message


def test_cloze_without_number_is_a_problem():
    assert "cloze" in only_problem("Capital: {:SHORTANSWER:=Amsterdam}").message


def test_unclosed_brace_is_a_problem():
    assert "braces" in only_problem("Capital? {=Amsterdam ~Utrecht").message


def test_closing_brace_without_opening_is_a_problem():
    assert "braces" in only_problem("Capital? =Amsterdam ~Utrecht}").message


def test_two_answer_sections_are_a_problem():
    assert "only one set" in only_problem("A {=a ~b} and B {=c ~d}").message


def test_choice_without_correct_answer_is_a_problem():
    assert "no correct answer" in only_problem("Which? {~a ~b ~c}").message


def test_choice_with_two_equals_answers_has_two_right_options_as_in_moodle():
    block_type, value = only_question("Which? {=a =b ~c}")
    assert block_type == "single_choice"
    assert [option["correct"] for option in value["options"]] == [True, True, False]


def test_numerical_answer_that_is_not_a_number_is_a_problem():
    problem = only_problem("How many? {#twelve}")
    assert problem.message == "Line 1: the numerical answer “twelve” is not a number."


def test_numerical_range_that_is_not_a_number_is_a_problem():
    assert "not a number" in only_problem("How many? {#1..x}").message


def test_numerical_answer_too_large_for_a_float_is_a_problem():
    problem = only_problem("How many? {#1e999}")
    assert problem.message == "Line 1: the number “1e999” is too large."


def test_numerical_tolerance_too_large_for_a_float_is_a_problem():
    problem = only_problem("How many? {#12:1e400}")
    assert problem.message == "Line 1: the number “1e400” is too large."


def test_numerical_range_bound_too_large_for_a_float_is_a_problem():
    problem = only_problem("How many? {#1..1e999}")
    assert problem.message == "Line 1: the number “1e999” is too large."


def test_one_numerical_answer_too_large_rejects_the_question_at_its_line():
    problems = problems_of(parse_gift, "A? {T}\n\nHow many?\n{#=12 =-1e999}")
    assert [(problem.line, problem.message) for problem in problems] == [
        (3, "Line 3: the number “-1e999” is too large.")
    ]


def test_numerical_range_with_large_finite_bounds_does_not_overflow():
    _block_type, value = only_question("How many? {#-1e308..1e308}")
    assert value["answers"] == [{"value": 0.0, "tolerance": 1e308, "feedback": ""}]


@pytest.mark.parametrize("word", ["inf", "-inf", "Infinity", "nan"])
def test_infinity_and_nan_are_not_numbers(word):
    problem = only_problem(f"How many? {{#{word}}}")
    assert problem.message == f"Line 1: the numerical answer “{word}” is not a number."


def test_empty_prompt_is_a_problem():
    assert "question text is empty" in only_problem("::Title only:: {=a ~b}").message


def test_multiple_response_weights_not_adding_up_to_100_is_a_problem():
    problem = only_problem("Which? {~%50%a ~%40%b ~c}")
    assert problem.message == (
        "Line 1: the weights of the correct answers add up to 90%, not 100%."
    )


def test_multiple_response_weights_may_be_off_by_one_for_rounding():
    _block_type, value = only_question(
        "Which? {~%16.66667%a ~%16.66667%b ~%16.66667%c ~%16.66667%d ~%16.66667%e ~%16.66667%f "
        "~%0%g}"
    )
    assert [option["weight"] for option in value["options"]] == [17, 17, 17, 17, 16, 16, 0]


def test_weight_that_is_not_a_number_is_a_problem():
    assert "weight" in only_problem("Which? {~%half%a ~%50%b}").message


def test_weight_too_large_for_a_float_is_a_problem():
    problem = only_problem("Which? {~%1e999%a ~%100%b}")
    assert problem.message == "Line 1: the number “1e999” is too large."


def test_matching_with_one_pair_is_a_problem():
    assert "at least two pairs" in only_problem("Match. {=a -> 1}").message


def test_problem_is_reported_at_the_line_where_the_question_starts():
    problems = problems_of(parse_gift, "A? {T}\n\n// note\n::B::\nDescribe.\n{}")
    assert [problem.line for problem in problems] == [4]


def test_the_same_problem_twice_in_a_question_is_reported_once():
    problem = only_problem("Which? {=a ~ ~}")
    assert problem.message == "Line 1: an answer is empty."


def test_every_problem_in_a_question_is_reported():
    problems = problems_of(parse_gift, "{~a ~b}")
    assert [problem.message for problem in problems] == [
        "Line 1: the question text is empty.",
        "Line 1: this choice question has no correct answer.",
    ]


def test_unsupported_fixture_reports_every_problem_line_and_returns_nothing():
    with pytest.raises(QuizImportError) as caught:
        parse_gift(fixture("unsupported.gift"))
    problems = caught.value.problems
    assert [problem.line for problem in problems] == [5, 8, 11, 13]
    assert "essay" in problems[0].message
    assert "description" in problems[1].message
    assert "cloze" in problems[2].message
    assert "braces" in problems[3].message


def test_import_error_sorts_problems_by_line():
    error = QuizImportError([ImportProblem(9, "b"), ImportProblem(2, "a")])
    assert [problem.line for problem in error.problems] == [2, 9]


def test_file_without_questions_is_a_problem():
    problems = problems_of(parse_gift, "// only a comment\n$CATEGORY: x\n")
    assert [problem.line for problem in problems] == [1]


# --- Aiken -------------------------------------------------------------------------------


@pytest.fixture
def aiken() -> ImportResult:
    return parse_aiken(fixture("good.txt"))


def test_aiken_imports_every_question(aiken):
    assert [block_type for block_type, _value in aiken.questions] == ["single_choice"] * 3
    assert aiken.notices == []


def test_aiken_question_text_may_span_lines(aiken):
    assert aiken.questions[0] == (
        "single_choice",
        {
            "title": "",
            "prompt": "Which organisation coordinates care for\nvictims of human trafficking?",
            "options": [
                {"text": "CoMensha", "correct": True, "weight": None, "feedback": ""},
                {"text": "The tax office", "correct": False, "weight": None, "feedback": ""},
                {
                    "text": "The municipal archive",
                    "correct": False,
                    "weight": None,
                    "feedback": "",
                },
            ],
            "general_feedback": "",
            "points": 1,
        },
    )


def test_aiken_options_with_parenthesis(aiken):
    _block_type, value = aiken.questions[1]
    assert [(option["text"], option["correct"]) for option in value["options"]] == [
        ("One week", False),
        ("Three months", True),
        ("One year", False),
    ]


def test_aiken_bad_file_reports_every_problem_and_returns_nothing():
    problems = problems_of(parse_aiken, fixture("bad.txt"))
    assert [(problem.line, problem.message) for problem in problems] == [
        (1, "Line 1: the question has no ANSWER line."),
        (8, "Line 8: ANSWER D does not match any of the options."),
        (10, "Line 10: the question needs at least two options."),
        (17, "Line 17: option D is out of order; expected C."),
    ]


def test_aiken_answer_must_be_a_single_letter():
    problems = problems_of(parse_aiken, "Q?\nA. x\nB. y\nANSWER: A, B\n")
    assert [problem.line for problem in problems] == [4]


def test_aiken_answer_line_without_question_is_a_problem():
    problems = problems_of(parse_aiken, "ANSWER: A\n")
    assert [problem.line for problem in problems] == [1]


# --- Choosing the format -----------------------------------------------------------------


def test_gift_extension_is_parsed_as_gift():
    result = parse_quiz_file("quiz.GIFT", "Q? {T}")
    assert result.questions[0][0] == "true_false"


def test_txt_with_answer_line_is_parsed_as_aiken():
    result = parse_quiz_file("quiz.txt", fixture("good.txt"))
    assert result == parse_aiken(fixture("good.txt"))


def test_txt_without_answer_line_is_parsed_as_gift():
    result = parse_quiz_file("quiz.txt", "Q? {T}")
    assert result.questions[0][0] == "true_false"


def test_unknown_extension_is_one_problem_at_line_1():
    problems = problems_of(lambda text: parse_quiz_file("quiz.docx", text), "Q? {T}")
    assert len(problems) == 1
    assert problems[0].line == 1
    assert ".docx" in problems[0].message


def test_file_without_extension_is_one_problem_at_line_1():
    problems = problems_of(lambda text: parse_quiz_file("quiz", text), "Q? {T}")
    assert [problem.line for problem in problems] == [1]
