"""Every form Moodle's GIFT documentation describes, read by our importer: each one is
either imported as the question Moodle would make, or refused with a message that says
why. Pure parsing, no database."""

import pytest
from django.utils import translation

from courses.quizzes.importing import QuizImportError, parse_gift


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def imported(text: str) -> tuple[str, dict]:
    result = parse_gift(text)
    assert len(result.questions) == 1, result.questions
    assert result.notices == [], result.notices
    return result.questions[0]


def refused(text: str) -> list[str]:
    with pytest.raises(QuizImportError) as caught:
        parse_gift(text)
    return [problem.message for problem in caught.value.problems]


def base(**value) -> dict:
    return {"title": "", "general_feedback": "", "points": 1, **value}


def option(text: str, correct: bool = False, feedback: str = "", weight=None) -> dict:
    return {"text": text, "correct": correct, "weight": weight, "feedback": feedback}


# --- The forms the issue names ------------------------------------------------------------


def test_matching_with_a_distractor_imports_it_as_an_extra_choice():
    assert imported(
        "Which animal makes which sound? {\n=Dog -> Woof\n=Cow -> Moo\n= -> Chat\n}"
    ) == (
        "matching",
        base(
            prompt="Which animal makes which sound?",
            pairs=[{"left": "Dog", "right": "Woof"}, {"left": "Cow", "right": "Moo"}],
            distractors=["Chat"],
        ),
    )


def test_matching_distractor_equal_to_a_match_or_given_twice_is_kept_once():
    _type, value = imported("Match. {=a -> 1 =b -> 2 = -> 1 = -> 3 = -> 3}")
    assert value["distractors"] == ["3"]


def test_matching_needs_two_pairs_besides_its_distractors():
    assert refused("Match. {=a -> 1 = -> 2 = -> 3}") == [
        "Line 1: a matching question needs at least two pairs."
    ]


def test_matching_pair_without_a_right_side_is_refused():
    assert refused("Match. {=a -> 1 =b -> 2 =c -> }") == [
        "Line 1: a matching pair has nothing after “->”."
    ]


def test_numerical_with_tolerance_and_a_catch_all_feedback():
    assert imported("What is 2 + 2, give or take 2? {#3:2~#Completely wrong}") == (
        "numerical",
        base(
            prompt="What is 2 + 2, give or take 2?",
            answers=[{"value": 3.0, "tolerance": 2.0, "feedback": ""}],
            feedback_other="Completely wrong",
        ),
    )


def test_numerical_with_answer_feedback_and_a_catch_all_feedback():
    assert imported("When was Ulysses S. Grant born? {#=1822:0#Correct ~#Wrong}") == (
        "numerical",
        base(
            prompt="When was Ulysses S. Grant born?",
            answers=[{"value": 1822.0, "tolerance": 0.0, "feedback": "Correct"}],
            feedback_other="Wrong",
        ),
    )


def test_numerical_catch_all_may_also_be_written_as_a_star_without_credit():
    _type, value = imported("Year? {#=1822 =%0%*#Not that year.}")
    assert value["feedback_other"] == "Not that year."


def test_numerical_tilde_with_a_value_is_refused():
    assert refused("Year? {#=1822 ~1821#Close}") == [
        "Line 1: in a numerical question ~ starts the feedback for any other answer and takes "
        "no value; write ~#feedback."
    ]


def test_short_answer_catch_all_with_feedback():
    assert imported("Who is buried in Grant's tomb? {=Grant =%0%*#Completely wrong}") == (
        "short_answer",
        base(
            prompt="Who is buried in Grant's tomb?",
            answers=[{"text": "Grant", "feedback": ""}],
            feedback_other="Completely wrong",
        ),
    )


def test_short_answer_star_with_full_credit_is_refused():
    assert refused("Who? {=Grant =*#Anything goes}") == [
        "Line 1: the answer * would make every answer right; give it no credit "
        "(=%0%*#feedback) to give feedback on other answers."
    ]


def test_short_answer_star_with_partial_credit_keeps_only_its_feedback():
    result = parse_gift("Who? {=Grant =%10%*#Not quite}")
    assert result.questions[0][1]["feedback_other"] == "Not quite"
    assert [notice.message for notice in result.notices] == [
        "Line 1: the credit for any other answer (*) was ignored; its feedback was kept."
    ]


def test_two_catch_alls_are_refused():
    assert refused("Year? {#=1822 =%0%*#One ~#Two}") == [
        "Line 1: a question can give feedback for any other answer only once."
    ]


def test_short_answer_wildcard_is_refused_and_an_escaped_star_is_a_star():
    assert refused("City? {=Amster*}") == [
        "Line 1: the answer “Amster*” holds the wildcard *, which cannot be imported; write "
        "out every accepted answer."
    ]
    assert imported("Sign? {=a\\*b}")[1]["answers"] == [{"text": "a*b", "feedback": ""}]


def test_punctuation_after_the_braces_stays_in_the_question_text_after_a_blank():
    # As in Moodle: the answers stood before the closing punctuation, so the blank marks
    # where they were.
    assert imported("The capital of the Netherlands is {=Amsterdam ~Utrecht}.")[1]["prompt"] == (
        "The capital of the Netherlands is _____."
    )
    assert imported("Is this the end {T} ?!")[1]["prompt"] == "Is this the end _____ ?!"


def test_only_whitespace_after_the_braces_leaves_the_question_text_as_it_is():
    assert imported("Who is buried in Grant's tomb? {=Grant}   \n  ")[1]["prompt"] == (
        "Who is buried in Grant's tomb?"
    )


# --- The rest of Moodle's documentation, form by form -------------------------------------


def test_multiple_choice():
    assert imported("Who's buried in Grant's tomb?{~Grant ~Jefferson =no one}") == (
        "single_choice",
        base(
            prompt="Who's buried in Grant's tomb?",
            options=[option("Grant"), option("Jefferson"), option("no one", True)],
        ),
    )


def test_multiple_choice_with_answers_on_separate_indented_lines_in_a_missing_word():
    block_type, value = imported(
        "The American holiday of Thanksgiving is celebrated on the {\n"
        "    ~second\n    ~third\n    =fourth\n} Thursday of November."
    )
    assert block_type == "single_choice"
    assert value["prompt"] == (
        "The American holiday of Thanksgiving is celebrated on the _____ Thursday of November."
    )
    assert [o["text"] for o in value["options"] if o["correct"]] == ["fourth"]


def test_multiple_choice_with_two_answers_marked_equals_accepts_either():
    _type, value = imported("Which is a Dutch city? {=Utrecht =Delft ~Brussels}")
    assert [o["correct"] for o in value["options"]] == [True, True, False]


def test_multiple_choice_with_feedback_per_answer():
    _type, value = imported(
        "What's between orange and green in the spectrum?\n"
        "{ =yellow # right; good! ~red # wrong, it's yellow ~blue # wrong, it's yellow }"
    )
    assert value["options"] == [
        option("yellow", True, "right; good!"),
        option("red", False, "wrong, it's yellow"),
        option("blue", False, "wrong, it's yellow"),
    ]


def test_multiple_answers_with_percentage_weights_and_penalties():
    assert imported(
        "What two people are entombed in Grant's tomb? {\n"
        "   ~%-100%No one\n   ~%50%Grant\n   ~%50%Grant's wife\n   ~%-100%Grant's father\n}"
    ) == (
        "multiple_response",
        base(
            prompt="What two people are entombed in Grant's tomb?",
            options=[
                option("No one", False, weight=-100),
                option("Grant", True, weight=50),
                option("Grant's wife", True, weight=50),
                option("Grant's father", False, weight=-100),
            ],
        ),
    )


def test_multiple_answers_in_thirds_add_up_to_full_marks():
    _type, value = imported("Which? {~%33.33333%a ~%33.33333%b ~%33.33333%c ~%0%d}")
    assert [o["weight"] for o in value["options"]] == [34, 33, 33, 0]


def test_partial_credit_in_single_choice_is_ignored_with_a_notice():
    result = parse_gift("Best? {=best ~%50%good ~bad}")
    assert [o["correct"] for o in result.questions[0][1]["options"]] == [True, False, False]
    assert [notice.message for notice in result.notices] == [
        "Line 1: partial credit was ignored; only the answers marked = count as correct."
    ]


@pytest.mark.parametrize(("answer", "correct"), [("T", True), ("TRUE", True), ("F", False)])
def test_true_false_short_and_long_forms(answer, correct):
    assert imported(f"Grant is buried in Grant's tomb.{{{answer}}}") == (
        "true_false",
        base(
            prompt="Grant is buried in Grant's tomb.",
            correct=correct,
            feedback_true="",
            feedback_false="",
        ),
    )


def test_true_false_with_feedback_for_a_wrong_and_a_right_answer():
    _type, value = imported("Grant is buried in Grant's tomb.{FALSE#No, he isn't.#Right.}")
    assert (value["feedback_true"], value["feedback_false"]) == ("No, he isn't.", "Right.")


def test_short_answer_with_several_answers():
    assert imported("Who's buried in Grant's tomb?{=no one =nobody}") == (
        "short_answer",
        base(
            prompt="Who's buried in Grant's tomb?",
            answers=[{"text": "no one", "feedback": ""}, {"text": "nobody", "feedback": ""}],
            feedback_other="",
        ),
    )


def test_short_answer_in_a_missing_word():
    assert imported("Two plus two equals {=four =4}.")[1]["prompt"] == "Two plus two equals _____."


def test_short_answer_partial_credit_is_left_out_with_a_notice():
    result = parse_gift("Who? {=%100%Grant =%50%Ulysses}")
    assert result.questions[0][1]["answers"] == [{"text": "Grant", "feedback": ""}]
    assert len(result.notices) == 1


def test_matching_with_general_feedback():
    assert imported(
        "Match the following countries with their corresponding capitals. {\n"
        "   =Canada -> Ottawa\n   =Italy  -> Rome\n   =Japan  -> Tokyo\n"
        "   ####It's good to know the capitals\n}"
    ) == (
        "matching",
        base(
            prompt="Match the following countries with their corresponding capitals.",
            pairs=[
                {"left": "Canada", "right": "Ottawa"},
                {"left": "Italy", "right": "Rome"},
                {"left": "Japan", "right": "Tokyo"},
            ],
            distractors=[],
            general_feedback="It's good to know the capitals",
        ),
    )


def test_numerical_with_tolerance_and_range():
    assert imported("When was Ulysses S. Grant born?{#1822:5}")[1]["answers"] == [
        {"value": 1822.0, "tolerance": 5.0, "feedback": ""}
    ]
    assert imported("What is the value of pi (to 3 decimal places)? {#3.141..3.142}.")[1][
        "answers"
    ] == [{"value": pytest.approx(3.1415), "tolerance": pytest.approx(0.0005), "feedback": ""}]


def test_numerical_with_several_answers_keeps_the_fully_right_ones_with_a_notice():
    result = parse_gift(
        "When was Ulysses S. Grant born? {#\n"
        "    =1822:0      # Correct! Full credit.\n"
        "    =%50%1822:2  # He was born in 1822. Half credit for being close.\n}"
    )
    assert result.questions[0][1]["answers"] == [
        {"value": 1822.0, "tolerance": 0.0, "feedback": "Correct! Full credit."}
    ]
    assert [notice.message for notice in result.notices] == [
        "Line 1: answers with partial or no credit were left out; only fully correct answers "
        "are imported."
    ]


def test_line_comments_question_names_and_moodle_id_and_tag_comments_are_read():
    _type, value = imported(
        "// question: 12  name: Q1\n// [id:Q-1] [tag:history]\n::Q1:: 1+1=2 {T}"
    )
    assert (value["title"], value["prompt"]) == ("Q1", "1+1=2")


def test_general_feedback_in_a_choice_question():
    _type, value = imported("Capital? {=Amsterdam ~Utrecht ####Amsterdam is the capital.}")
    assert value["general_feedback"] == "Amsterdam is the capital."


def test_text_format_markers():
    assert imported("[markdown]The *holiday* is on {=Thursday ~Monday}.")[1]["prompt"] == (
        "The *holiday* is on _____."
    )
    assert imported("[html]<p>Is <b>this</b> bold?</p>{T}")[1]["prompt"] == "Is this bold?"


def test_escaped_special_characters_and_line_breaks():
    _type, value = imported("Which is \\{ in GIFT\\: \\~ \\= \\#?\\nThink. {=a brace ~a \\\\}")
    assert value["prompt"] == "Which is { in GIFT: ~ = #?\nThink."
    assert [o["text"] for o in value["options"]] == ["a brace", "a \\"]


def test_category_lines_are_ignored_with_a_notice():
    result = parse_gift("$CATEGORY: tom/dick/harry\n\nQ? {T}")
    assert [notice.message for notice in result.notices] == [
        "Line 1: the category “tom/dick/harry” was ignored."
    ]


def test_essay_is_refused_on_purpose():
    assert refused("Write a short biography of Dag Hammarskjöld. {}") == [
        "Line 1: essay questions cannot be imported."
    ]


def test_description_is_refused_on_purpose():
    assert refused("You can use your pencil and paper for these next math questions.") == [
        "Line 1: this text has no answers in braces; descriptions cannot be imported."
    ]


def test_embedded_answers_are_refused_on_purpose():
    assert refused("The capital is {1:MULTICHOICE:=Amsterdam~Utrecht}.") == [
        "Line 1: questions with embedded answers (cloze) cannot be imported."
    ]
