"""What the imported Moodle forms do for a learner: a matching question's extra choice is
offered in every row and never counts as a match, and the feedback for any other answer
shows in the review of a short-answer or numerical question."""

import pytest

from courses import services
from courses.models import QuizAttempt
from courses.quizzes import services as quiz_services
from courses.quizzes.importing import parse_gift
from tests.courses.quiz_forms import QuizForm
from tests.factories import QuizPageFactory, UserFactory

pytestmark = pytest.mark.django_db

GIFT = """::Sounds:: Which animal makes which sound? {
=Dog -> Woof
=Cow -> Moo
= -> Chat
}

::Year:: When was Ulysses S. Grant born? {#=1822:0#Correct ~#Wrong}

::Tomb:: Who is buried in Grant's tomb? {=Grant =%0%*#Completely wrong}
"""


@pytest.fixture
def quiz(course):
    return QuizPageFactory(parent=course, questions=parse_gift(GIFT).questions)


@pytest.fixture
def attempt_form(client, course, quiz) -> tuple[QuizAttempt, QuizForm]:
    learner = UserFactory()
    services.enroll(learner, course)
    client.force_login(learner)
    attempt = quiz_services.start_attempt(learner, quiz)
    return attempt, QuizForm(client.get(f"/nl/quizzes/attempts/{attempt.pk}/").text)


def fields(attempt) -> tuple[str, str]:
    _sounds, year, tomb = (question["id"] for question in attempt.questions)
    return f"q-{year}", f"q-{tomb}"


def test_every_row_offers_the_extra_choice(attempt_form):
    _attempt, form = attempt_form
    assert sorted(form.options("Dog")) == ["Chat", "Moo", "Woof"]
    assert sorted(form.options("Cow")) == ["Chat", "Moo", "Woof"]


def test_right_matches_score_full_marks(client, attempt_form):
    attempt, form = attempt_form
    year, tomb = fields(attempt)
    data = dict([form.select("Dog", "Woof"), form.select("Cow", "Moo")])
    client.post(f"/nl/quizzes/attempts/{attempt.pk}/submit/", {**data, year: "1822", tomb: "grant"})
    attempt.refresh_from_db()
    assert attempt.score == 100


def test_the_extra_choice_is_never_a_match(client, attempt_form):
    attempt, form = attempt_form
    year, tomb = fields(attempt)
    data = dict([form.select("Dog", "Chat"), form.select("Cow", "Moo")])
    client.post(f"/nl/quizzes/attempts/{attempt.pk}/submit/", {**data, year: "1822", tomb: "Grant"})
    attempt.refresh_from_db()
    assert attempt.score == pytest.approx(100 * (0.5 + 1 + 1) / 3, abs=0.01)


def test_a_wrong_answer_gets_the_feedback_for_any_other_answer(client, attempt_form):
    attempt, form = attempt_form
    year, tomb = fields(attempt)
    response = client.post(
        f"/nl/quizzes/attempts/{attempt.pk}/submit/", {year: "1900", tomb: "Lincoln"}, follow=True
    )
    assert '<p class="review__feedback">Wrong</p>' in response.text
    assert '<p class="review__feedback">Completely wrong</p>' in response.text


def test_a_question_left_blank_gets_no_feedback_for_other_answers(client, attempt_form):
    attempt, _form = attempt_form
    response = client.post(f"/nl/quizzes/attempts/{attempt.pk}/submit/", {}, follow=True)
    assert "Completely wrong" not in response.text
    assert 'review__feedback">Wrong' not in response.text
