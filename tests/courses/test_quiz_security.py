"""A quiz's right answers stay on the server: not in the review while an attempt
can still count, not in the form's markup, and no post makes grading crash."""

import pytest

from courses import services
from courses.models import QuizAttempt
from courses.models.quizzes import Review
from courses.quizzes import services as quiz_services
from tests.courses.quiz_forms import QuizForm
from tests.factories import QuizPageFactory, UserFactory, choice, question

pytestmark = pytest.mark.django_db


@pytest.fixture
def learner(course):
    user = UserFactory()
    services.enroll(user, course)
    return user


@pytest.fixture
def quiz(course):
    """One question of each kind whose form could give the answer away."""
    return QuizPageFactory(
        parent=course,
        slug="mix",
        shuffle_options=False,
        questions=[
            question(
                "single_choice",
                title="Elementen",
                options=[choice("Handeling", True), choice("Paspoort")],
            ),
            question(
                "matching",
                title="Provincies",
                pairs=[
                    {"left": "Rotterdam", "right": "Zuid-Holland"},
                    {"left": "Amsterdam", "right": "Noord-Holland"},
                    {"left": "Groningen", "right": "Groningen-provincie"},
                ],
            ),
            question("ordering", title="Stappen", items=["Signaleren", "Overleggen", "Melden"]),
            question("numerical", title="Getal", answers=[{"value": 3.0, "tolerance": 0}]),
        ],
    )


def open_form(client, learner, quiz) -> tuple[QuizAttempt, QuizForm]:
    client.force_login(learner)
    attempt = quiz_services.start_attempt(learner, quiz)
    return attempt, QuizForm(client.get(f"/nl/quizzes/attempts/{attempt.pk}/").text)


def right_answers(quiz, form: QuizForm) -> dict:
    single, _matching, _ordering, numerical = (block.id for block in quiz.questions)
    return dict(
        [
            form.option("Handeling"),
            form.select("Rotterdam", "Zuid-Holland"),
            form.select("Amsterdam", "Noord-Holland"),
            form.select("Groningen", "Groningen-provincie"),
            form.select("Signaleren", "1"),
            form.select("Overleggen", "2"),
            form.select("Melden", "3"),
            (f"q-{numerical}", "3"),
        ]
    )


def test_an_earlier_review_hides_the_right_answers_while_the_last_attempt_is_open(
    client, learner, course
):
    quiz = QuizPageFactory(
        parent=course,
        max_attempts=2,
        review_after_attempt=Review.FEEDBACK,
        review_after_close=Review.ANSWERS,
    )
    client.force_login(learner)
    first = quiz_services.start_attempt(learner, quiz)
    client.post(f"/nl/quizzes/attempts/{first.pk}/submit/", {})
    last = quiz_services.start_attempt(learner, quiz)

    right_answer = "<strong>Juist antwoord:</strong> Handeling"
    assert right_answer not in client.get(f"/nl/quizzes/attempts/{first.pk}/").text
    client.post(f"/nl/quizzes/attempts/{last.pk}/submit/", {})
    assert right_answer in client.get(f"/nl/quizzes/attempts/{first.pk}/").text


def test_the_form_posts_tokens_that_say_nothing_about_the_answer(client, learner, quiz):
    _attempt, form = open_form(client, learner, quiz)
    choice_values = [form.option("Handeling")[1], form.option("Paspoort")[1]]
    matching_values = list(form.options("Rotterdam").values())
    ordering_fields = [form.select(item, "1")[0] for item in ("Signaleren", "Overleggen", "Melden")]

    assert [v for v in choice_values + matching_values if v.isdigit()] == []
    assert [name for name in ordering_fields if name.rpartition("-")[2].isdigit()] == []


def test_tokens_differ_from_one_attempt_to_the_next(client, learner, course, quiz):
    _first, form = open_form(client, learner, quiz)
    other = UserFactory()
    services.enroll(other, course)
    _second, other_form = open_form(client, other, quiz)
    assert form.option("Handeling") != other_form.option("Handeling")


def test_the_tokens_shown_grade_as_the_answers_they_stand_for(client, learner, quiz):
    attempt, form = open_form(client, learner, quiz)
    response = client.post(f"/nl/quizzes/attempts/{attempt.pk}/submit/", right_answers(quiz, form))
    assert response.status_code == 302
    attempt.refresh_from_db()
    assert attempt.score == 100


def test_an_index_instead_of_a_token_is_refused_with_a_400(client, learner, quiz):
    attempt, _form = open_form(client, learner, quiz)
    single = quiz.questions[0].id
    response = client.post(f"/nl/quizzes/attempts/{attempt.pk}/submit/", {f"q-{single}": "0"})
    assert response.status_code == 400
    assert "Een antwoord verwijst naar een antwoordoptie die niet bestaat." in response.text
    attempt.refresh_from_db()
    assert (attempt.submitted_at, attempt.answers) == (None, {})


@pytest.mark.parametrize(
    ("field", "raw", "message"),
    [
        ("single_choice", "²", "An answer refers to an option that does not exist."),
        ("matching", "١", "An answer refers to an option that does not exist."),
        ("ordering", "²", "A position is outside the list."),
        ("ordering", "١", "A position is outside the list."),
        ("ordering", "９" * 5000, "A position is outside the list."),
        ("ordering", "9" * 5000, "A position is outside the list."),
        ("numerical", "３", "Write numbers with the digits 0 to 9."),
        ("numerical", "10²", "Write numbers with the digits 0 to 9."),
    ],
)
def test_unusual_digits_get_a_400_with_a_message_and_store_nothing(
    client, learner, quiz, field, raw, message
):
    attempt, form = open_form(client, learner, quiz)
    data = right_answers(quiz, form)
    name = {
        "single_choice": form.option("Handeling")[0],
        "matching": form.select("Rotterdam", "Zuid-Holland")[0],
        "ordering": form.select("Signaleren", "1")[0],
        "numerical": f"q-{quiz.questions[3].id}",
    }[field]
    data[name] = raw
    response = client.post(f"/en/quizzes/attempts/{attempt.pk}/submit/", data)
    assert response.status_code == 400
    assert message in response.text
    attempt.refresh_from_db()
    assert (attempt.submitted_at, attempt.answers, attempt.score) == (None, {}, None)


def test_a_nul_character_in_a_typed_answer_gets_a_400(client, learner, course):
    quiz = QuizPageFactory(
        parent=course, questions=[question("short_answer", answers=[{"text": "CoMensha"}])]
    )
    client.force_login(learner)
    attempt = quiz_services.start_attempt(learner, quiz)
    response = client.post(
        f"/en/quizzes/attempts/{attempt.pk}/submit/", {f"q-{quiz.questions[0].id}": "Co\x00"}
    )
    assert response.status_code == 400
    assert "An answer contains a character that is not allowed." in response.text
    attempt.refresh_from_db()
    assert attempt.submitted_at is None
