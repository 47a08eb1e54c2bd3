"""Export a quiz to GIFT and import the file into an empty quiz: the same questions come
back, for every question type GIFT can hold; ordering comes back as nothing, and says so."""

import pytest
from django.utils import translation

from courses.models import QuizPage
from courses.models.quizzes import plain
from courses.quizzes import services as quiz_services
from courses.quizzes.exporting import export_filename, export_quiz
from tests.factories import QuizPageFactory, choice, question

pytestmark = pytest.mark.django_db

QUESTIONS = [
    question(
        "single_choice",
        title="Elements: {three}",
        prompt="Which is an element of trafficking?\nChoose one ~ only.",
        options=[
            choice("An act", True, "Right: recruiting, transporting, housing…"),
            choice("A passport", False, "No #1."),
            choice("A = sign", False),
        ],
        general_feedback="Act, means and exploitation.",
    ),
    question(
        "single_choice",
        prompt="Which of these is a Dutch help line?",
        options=[choice("CoMensha", True), choice("Police 0900 8844", True), choice("None")],
    ),
    question(
        "multiple_response",
        title="Signals",
        prompt="Which are signals that someone works against their will?",
        options=[
            choice("No access to their own passport", True, "Yes."),
            choice("A huge debt to the employer", True),
            choice("A day off every week", False, "That is a normal right."),
        ],
    ),
    question(
        "multiple_response",
        prompt="Weighted: which apply?",
        options=[
            choice("Threats", True, weight=70),
            choice("Blackmail", True, weight=30),
            choice("A contract", False, "No.", weight=-50),
        ],
    ),
    question(
        "true_false",
        title="Reporting",
        prompt="Victims rarely report themselves.",
        correct=True,
        feedback_true="Right: others report signals.",
        feedback_false="Look again at how contact starts.",
        general_feedback="Awareness matters.",
    ),
    question(
        "true_false",
        prompt="ANSWER: the word that starts Aiken's answer lines.\nIs this still GIFT?",
        correct=True,
        feedback_true="",
        feedback_false="",
    ),
    question(
        "true_false",
        prompt="Only foreign nationals can be victims.",
        correct=False,
        feedback_true="",
        feedback_false="Indeed not.",
    ),
    question(
        "matching",
        title="Help",
        prompt="Match each organisation with what it does.",
        pairs=[
            {"left": "CoMensha", "right": "National coordination against trafficking"},
            {"left": "AVIM", "right": "Police trafficking unit"},
            {"left": "A -> B", "right": "An arrow -> in an item"},
        ],
        distractors=["Tax office"],
        general_feedback="See the help page.",
    ),
    question(
        "short_answer",
        title="B8",
        prompt="What is the Dutch scheme for migrant victims called?",
        answers=[
            {"text": "B8", "feedback": "Yes: the B8 scheme."},
            {"text": "B8 scheme", "feedback": ""},
            {"text": "5*5", "feedback": ""},
        ],
        feedback_other="Think of the reflection period.",
    ),
    question(
        "numerical",
        title="Reflection",
        prompt="How many months is the reflection period?",
        answers=[
            {"value": 3.0, "tolerance": 0.0, "feedback": "Three months."},
            {"value": 91.5, "tolerance": 1.5, "feedback": "In days: fine."},
        ],
        feedback_other="It is shorter than half a year.",
    ),
]


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def questions_of(quiz) -> list[tuple[str, dict]]:
    latest = QuizPage.objects.get(pk=quiz.pk).get_latest_revision_as_object()
    return [(block.block_type, plain(block.value)) for block in latest.questions]


def test_every_type_gift_can_hold_comes_back_the_same(course):
    source = QuizPageFactory(parent=course, questions=QUESTIONS)
    empty = QuizPageFactory(parent=course, questions=[])
    text = export_quiz(source).text

    # Under the name the download has: a .txt file, read as GIFT.
    result = quiz_services.import_questions(empty, export_filename(source), text)

    assert result.notices == []
    assert questions_of(empty) == questions_of(source)
    assert {block_type for block_type, _value in questions_of(empty)} == {
        "single_choice",
        "multiple_response",
        "true_false",
        "matching",
        "short_answer",
        "numerical",
    }


def test_an_ordering_question_stays_behind_as_a_comment(course):
    source = QuizPageFactory(
        parent=course,
        questions=[
            question("ordering", title="Steps", items=["Notice", "Consult", "Report"]),
            *QUESTIONS[4:5],
        ],
    )
    empty = QuizPageFactory(parent=course, questions=[])
    export = export_quiz(source)

    quiz_services.import_questions(empty, "export.gift", export.text)

    assert [block_type for block_type, _value in questions_of(empty)] == ["true_false"]
    assert export.commented == [(1, "Steps")]
    assert "// 1. Notice\n// 2. Consult\n// 3. Report\n" in export.text


def test_export_reads_the_newest_revision_a_draft_included(course):
    quiz = QuizPageFactory(parent=course, questions=QUESTIONS[4:5])
    quiz_services.import_questions(quiz, "draft.gift", "Is this a draft? {T}")

    assert len(QuizPage.objects.get(pk=quiz.pk).questions) == 1  # the live page
    assert "\n\nIs this a draft? {TRUE}\n" in export_quiz(quiz).text
