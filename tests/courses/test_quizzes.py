import re
import threading
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from courses import quizzes, services
from courses.models import Enrollment, QuizAttempt
from courses.quiz_models import GradingMethod, Review, quiz_grade
from lms import roles
from tests.factories import QuizPageFactory, UserFactory, choice, question

pytestmark = pytest.mark.django_db


@pytest.fixture
def learner(course):
    user = UserFactory()
    services.enroll(user, course)
    return user


@pytest.fixture
def quiz(course):
    return QuizPageFactory(parent=course, title="Eindtoets", slug="eindtoets")


def ids(quiz):
    return [block.id for block in quiz.questions]


def answer_post(quiz, right=True):
    first, second = ids(quiz)
    return {f"q-{first}": "0" if right else "1", f"q-{second}": "false" if right else "true"}


def take(client, quiz, data):
    client.post(f"/nl/quizzes/{quiz.pk}/start/")
    attempt = QuizAttempt.objects.filter(quiz=quiz).latest("started_at")
    return attempt, client.post(f"/nl/quizzes/attempts/{attempt.pk}/submit/", data)


def test_taking_a_quiz_grades_it_on_the_server(client, learner, quiz):
    client.force_login(learner)
    page = client.get(f"/nl/quizzes/attempts/{quizzes.start_attempt(learner, quiz).pk}/").text
    assert "Goed zo." not in page and "Drie elementen." not in page  # no answers in the form
    attempt = QuizAttempt.objects.get()
    response = client.post(f"/nl/quizzes/attempts/{attempt.pk}/submit/", answer_post(quiz))
    assert response.status_code == 302
    attempt.refresh_from_db()
    assert attempt.score == 100 and attempt.passed
    assert attempt.answers == {ids(quiz)[0]: 0, ids(quiz)[1]: False}
    review = client.get(response["Location"]).text
    assert "Score: 100%" in review and "geslaagd" in review


def test_half_right_fails_a_70_percent_quiz(client, learner, quiz):
    client.force_login(learner)
    first, second = ids(quiz)
    attempt, _ = take(client, quiz, {f"q-{first}": "0", f"q-{second}": "true"})
    attempt.refresh_from_db()
    assert attempt.score == 50 and attempt.passed is False


@pytest.mark.parametrize(
    ("method", "expected"),
    [
        (GradingMethod.HIGHEST, 80),
        (GradingMethod.LAST, 40),
        (GradingMethod.FIRST, 60),
        (GradingMethod.AVERAGE, 60),
    ],
)
def test_grading_methods(method, expected):
    assert quiz_grade([60, 80, 40], method) == expected
    assert quiz_grade([], method) is None


def test_attempt_limit_is_enforced(client, learner, quiz):
    quiz.max_attempts = 1
    quiz.save_revision().publish()
    client.force_login(learner)
    take(client, quiz, answer_post(quiz, right=False))
    response = client.post(f"/nl/quizzes/{quiz.pk}/start/")
    assert response.status_code == 403
    assert QuizAttempt.objects.count() == 1


def test_an_open_attempt_is_resumed_not_duplicated(learner, quiz):
    assert quizzes.start_attempt(learner, quiz).pk == quizzes.start_attempt(learner, quiz).pk


def test_not_enrolled_learners_cannot_start(client, quiz):
    client.force_login(UserFactory())
    assert client.post(f"/nl/quizzes/{quiz.pk}/start/").status_code == 403
    assert QuizAttempt.objects.count() == 0


def test_late_submission_is_closed_with_zero_and_keeps_no_answers(client, learner, quiz):
    quiz.time_limit_minutes = 10
    quiz.save_revision().publish()
    client.force_login(learner)
    client.post(f"/nl/quizzes/{quiz.pk}/start/")
    attempt = QuizAttempt.objects.get()
    assert "niet geaccepteerd" in client.get(f"/nl/quizzes/attempts/{attempt.pk}/").text
    QuizAttempt.objects.filter(pk=attempt.pk).update(
        deadline=timezone.now() - timedelta(seconds=31)
    )
    client.post(f"/nl/quizzes/attempts/{attempt.pk}/submit/", answer_post(quiz))
    attempt.refresh_from_db()
    assert attempt.late and attempt.score == 0 and attempt.answers == {} and not attempt.passed


def test_submission_within_the_grace_period_counts(learner, quiz):
    quiz.time_limit_minutes = 10
    quiz.save_revision().publish()
    attempt = quizzes.start_attempt(learner, quiz)
    QuizAttempt.objects.filter(pk=attempt.pk).update(
        deadline=timezone.now() - timedelta(seconds=20)
    )
    from django.http import QueryDict

    done = quizzes.submit_attempt(
        learner, attempt.pk, QueryDict("&".join(f"{k}={v}" for k, v in answer_post(quiz).items()))
    )
    assert not done.late and done.score == 100


def test_shuffled_order_is_stable_within_an_attempt(client, learner, course):
    options = [choice(f"Optie {i}", i == 0) for i in range(8)]
    quiz = QuizPageFactory(
        parent=course,
        shuffle_questions=True,
        shuffle_options=True,
        questions=[question("single_choice", title=f"V{i}", options=options) for i in range(6)],
    )
    attempt = quizzes.start_attempt(learner, quiz)
    client.force_login(learner)
    first = client.get(f"/nl/quizzes/attempts/{attempt.pk}/").text
    again = client.get(f"/nl/quizzes/attempts/{attempt.pk}/").text
    shown = re.findall(r'<input type="radio" name="(q-[^"]+)" value="(\d+)"', first)
    assert shown == re.findall(r'<input type="radio" name="(q-[^"]+)" value="(\d+)"', again)
    assert len(shown) == 48
    assert sorted(attempt.layout["order"]) == sorted(ids(quiz))
    assert quizzes.start_attempt(learner, quiz).layout == attempt.layout


def test_review_options_decide_what_the_learner_sees(client, learner, quiz):
    quiz.review_after_attempt = Review.SCORE
    quiz.review_after_close = Review.ANSWERS
    quiz.save_revision().publish()
    client.force_login(learner)
    _, response = take(client, quiz, answer_post(quiz, right=False))
    failed = client.get(response["Location"]).text
    assert "Score: 0%" in failed
    assert "Nee." not in failed and "Juist antwoord" not in failed
    _, response = take(client, quiz, answer_post(quiz, right=True))
    passed = client.get(response["Location"]).text
    assert "Goed zo." in passed and "Juist antwoord: Handeling" in passed


def test_correctness_level_shows_right_and_wrong_without_feedback(client, learner, quiz):
    quiz.review_after_attempt = Review.CORRECTNESS
    quiz.save_revision().publish()
    client.force_login(learner)
    _, response = take(client, quiz, answer_post(quiz, right=False))
    page = client.get(response["Location"]).text
    assert "fout" in page and "Nee." not in page


def test_later_edits_never_regrade_an_attempt(client, learner, quiz):
    client.force_login(learner)
    attempt = quizzes.start_attempt(learner, quiz)
    revision = quiz.live_revision_id
    quiz.questions = [question("single_choice", options=[choice("Nieuw", True), choice("Ander")])]
    quiz.save_revision().publish()
    client.post(f"/nl/quizzes/attempts/{attempt.pk}/submit/", answer_post(quiz_with_ids(attempt)))
    attempt.refresh_from_db()
    assert attempt.revision_id == revision
    assert attempt.score == 100
    assert "Handeling" in client.get(f"/nl/quizzes/attempts/{attempt.pk}/").text


def quiz_with_ids(attempt):
    class Snapshot:
        questions = [type("B", (), {"id": q["id"]}) for q in attempt.questions]

    return Snapshot()


def test_a_submitted_attempt_cannot_be_submitted_again(client, learner, quiz):
    client.force_login(learner)
    attempt, _ = take(client, quiz, answer_post(quiz, right=True))
    response = client.post(
        f"/nl/quizzes/attempts/{attempt.pk}/submit/", answer_post(quiz, right=False)
    )
    assert response.status_code == 409
    attempt.refresh_from_db()
    assert attempt.score == 100


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_simultaneous_submissions_give_one_graded_attempt(require_postgres, homes):
    from django.http import QueryDict

    from courses.models import Format
    from tests.factories import CourseIndexPageFactory, CoursePageFactory

    course = CoursePageFactory(
        parent=CourseIndexPageFactory(parent=homes["nl"]), format=Format.ELEARNING
    )
    quiz = QuizPageFactory(parent=course)
    user = UserFactory()
    services.enroll(user, course)
    attempt = quizzes.start_attempt(user, quiz)
    data = QueryDict("&".join(f"{k}={v}" for k, v in answer_post(quiz).items()))
    outcomes, barrier = [], threading.Barrier(2)

    def submit():
        barrier.wait()
        try:
            quizzes.submit_attempt(user, attempt.pk, data)
            outcomes.append("graded")
        except quizzes.QuizError as error:
            outcomes.append(error.status)
        finally:
            connection.close()

    threads = [threading.Thread(target=submit) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes, key=str) == [409, "graded"]
    assert QuizAttempt.objects.submitted().count() == 1


@pytest.mark.parametrize(
    "tamper",
    [
        lambda quiz, other: {"q-00000000-0000-0000-0000-000000000000": "0"},
        lambda quiz, other: {f"q-{ids(other)[0]}": "0"},
        lambda quiz, other: {f"q-{ids(quiz)[0]}": "9"},
        lambda quiz, other: {f"q-{ids(quiz)[1]}": "misschien"},
    ],
    ids=["unknown block", "another quiz's block", "choice out of range", "not true or false"],
)
def test_tampered_posts_get_a_400_and_store_nothing(client, learner, quiz, course, tamper):
    other = QuizPageFactory(parent=course, slug="andere")
    client.force_login(learner)
    client.post(f"/nl/quizzes/{quiz.pk}/start/")
    attempt = QuizAttempt.objects.get()
    response = client.post(f"/nl/quizzes/attempts/{attempt.pk}/submit/", tamper(quiz, other))
    assert response.status_code == 400
    attempt.refresh_from_db()
    assert attempt.submitted_at is None and attempt.answers == {}


def test_someone_elses_attempt_is_a_400(client, learner, quiz):
    attempt = quizzes.start_attempt(learner, quiz)
    client.force_login(UserFactory())
    response = client.post(f"/nl/quizzes/attempts/{attempt.pk}/submit/", answer_post(quiz))
    assert response.status_code == 400
    assert "bestaat niet of is niet van jou" in response.text
    assert client.get(f"/nl/quizzes/attempts/{attempt.pk}/").status_code == 404


def test_passing_the_required_quiz_completes_the_course(client, learner, course, quiz):
    for lesson in course.lessons_made:
        services.mark_lesson_done(learner, lesson)
    enrollment = Enrollment.objects.get(user=learner)
    assert enrollment.completed_at is None
    client.force_login(learner)
    take(client, quiz, answer_post(quiz, right=False))
    assert Enrollment.objects.get(user=learner).completed_at is None
    take(client, quiz, answer_post(quiz, right=True))
    assert Enrollment.objects.get(user=learner).completed_at is not None


def test_editors_preview_shows_questions_without_answers(client, quiz):
    admin = UserFactory(is_superuser=True)
    client.force_login(admin)
    response = client.get(f"/admin/pages/{quiz.pk}/edit/preview/")
    assert response.status_code in (200, 302)
    html = quiz.make_preview_request(original_request=None).content.decode()
    assert "Handeling" in html and "Paspoort" in html
    assert "Goed zo." not in html


def test_trainers_see_statistics_and_export_csv(client, learner, quiz):
    client.force_login(learner)
    take(client, quiz, answer_post(quiz, right=False))
    take(client, quiz, answer_post(quiz, right=True))
    client.force_login(UserFactory(roles=[roles.TRAINERS]))
    page = client.get(f"/nl/quizzes/{quiz.pk}/results/")
    assert page.status_code == 200
    assert "50%" in page.text and "Paspoort" in page.text
    export = client.get(f"/nl/quizzes/{quiz.pk}/results/", {"format": "csv"})
    assert export["Content-Type"].startswith("text/csv")
    lines = export.content.decode().splitlines()
    assert lines[0] == "attempt,learner,e-mail,submitted,score,passed,late"
    assert any(line.startswith("Elementen,2,50,Paspoort") for line in lines)


def test_learners_cannot_see_quiz_statistics(client, learner, quiz):
    client.force_login(learner)
    assert client.get(f"/nl/quizzes/{quiz.pk}/results/").status_code == 404
