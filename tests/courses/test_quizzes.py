import threading
from datetime import timedelta

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.db import connection
from django.http import QueryDict
from django.utils import timezone, translation

from courses import services
from courses.choices import Format
from courses.models import Enrollment, QuizAttempt
from courses.models.quizzes import GradingMethod, Review, quiz_grade
from courses.quizzes import services as quiz_services
from lms import roles
from lms.errors import Refused
from tests.courses.quiz_forms import QuizForm
from tests.factories import QuizPageFactory, UserFactory, choice, question
from tests.lms.test_accounts import current_code
from tests.markup import button, button_link

pytestmark = pytest.mark.django_db


@pytest.fixture
def learner(course):
    user = UserFactory()
    services.enroll(user, course)
    return user


@pytest.fixture
def quiz(course):
    return QuizPageFactory(parent=course, title="Eindtoets", slug="eindtoets")


def radio_buttons(html):
    """(name, value) of every radio button of an attempt's form, in the order shown."""
    return [
        (field["name"], field["value"])
        for field in QuizForm(html).inputs.values()
        if field.get("type") == "radio"
    ]


def ids(quiz):
    return [block.id for block in quiz.questions]


def answer_post(client, attempt, first_right=True, second_right=None):
    """What the learner posts, read from the attempt's form: both answers right
    or wrong (or each as given) for the factory's two questions."""
    second_right = first_right if second_right is None else second_right
    form = QuizForm(client.get(f"/nl/quizzes/attempts/{attempt.pk}/").text)
    name, token = form.option("Handeling" if first_right else "Paspoort")
    true_false = f"q-{attempt.questions[1]['id']}"
    return {name: token, true_false: "false" if second_right else "true"}


def take(client, quiz, right=True):
    client.post(f"/nl/quizzes/{quiz.pk}/start/")
    attempt = QuizAttempt.objects.filter(quiz=quiz).latest("started_at")
    data = answer_post(client, attempt, right)
    return attempt, client.post(f"/nl/quizzes/attempts/{attempt.pk}/submit/", data)


def right_answers_data(attempt) -> QueryDict:
    """The right answers as posted, for tests that call the service directly."""
    first, second = attempt.questions
    token = quiz_services.option_tokens(attempt.pk, first)[0]  # "Handeling", the right option
    return QueryDict(f"q-{first['id']}={token}&q-{second['id']}=false")


def test_taking_a_quiz_grades_it_on_the_server(client, learner, quiz):
    client.force_login(learner)
    page = client.get(f"/nl/quizzes/attempts/{quiz_services.start_attempt(learner, quiz).pk}/").text
    assert "Goed zo." not in page and "Drie elementen." not in page  # no answers in the form
    attempt = QuizAttempt.objects.get()
    response = client.post(
        f"/nl/quizzes/attempts/{attempt.pk}/submit/", answer_post(client, attempt)
    )
    assert response.status_code == 302
    attempt.refresh_from_db()
    assert attempt.score == 100 and attempt.passed
    assert attempt.answers == {ids(quiz)[0]: 0, ids(quiz)[1]: False}
    review = client.get(response["Location"]).text
    assert "Score: 100%" in review and "geslaagd" in review


def test_half_right_fails_a_70_percent_quiz(client, learner, quiz):
    client.force_login(learner)
    attempt = quiz_services.start_attempt(learner, quiz)
    data = answer_post(client, attempt, first_right=True, second_right=False)
    client.post(f"/nl/quizzes/attempts/{attempt.pk}/submit/", data)
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
    take(client, quiz, right=False)
    response = client.post(f"/nl/quizzes/{quiz.pk}/start/")
    assert response.status_code == 403
    assert QuizAttempt.objects.count() == 1


def test_an_open_attempt_is_resumed_not_duplicated(learner, quiz):
    assert (
        quiz_services.start_attempt(learner, quiz).pk
        == quiz_services.start_attempt(learner, quiz).pk
    )


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
    data = answer_post(client, attempt)
    QuizAttempt.objects.filter(pk=attempt.pk).update(
        deadline=timezone.now() - timedelta(seconds=31)
    )
    client.post(f"/nl/quizzes/attempts/{attempt.pk}/submit/", data)
    attempt.refresh_from_db()
    assert attempt.late and attempt.score == 0 and attempt.answers == {} and not attempt.passed


def test_submission_within_the_grace_period_counts(learner, quiz):
    quiz.time_limit_minutes = 10
    quiz.save_revision().publish()
    attempt = quiz_services.start_attempt(learner, quiz)
    QuizAttempt.objects.filter(pk=attempt.pk).update(
        deadline=timezone.now() - timedelta(seconds=20)
    )
    done = quiz_services.submit_attempt(learner, attempt.pk, right_answers_data(attempt))
    assert not done.late and done.score == 100


def test_shuffled_order_is_stable_within_an_attempt(client, learner, course):
    options = [choice(f"Optie {i}", i == 0) for i in range(8)]
    quiz = QuizPageFactory(
        parent=course,
        shuffle_questions=True,
        shuffle_options=True,
        questions=[question("single_choice", title=f"V{i}", options=options) for i in range(6)],
    )
    attempt = quiz_services.start_attempt(learner, quiz)
    client.force_login(learner)
    first = client.get(f"/nl/quizzes/attempts/{attempt.pk}/").text
    again = client.get(f"/nl/quizzes/attempts/{attempt.pk}/").text
    shown = radio_buttons(first)
    assert shown == radio_buttons(again)
    assert len(shown) == 48
    assert sorted(attempt.layout["order"]) == sorted(ids(quiz))
    assert quiz_services.start_attempt(learner, quiz).layout == attempt.layout


def test_review_options_decide_what_the_learner_sees(client, learner, quiz):
    quiz.max_attempts = 2
    quiz.review_after_attempt = Review.SCORE
    quiz.review_after_close = Review.ANSWERS
    quiz.save_revision().publish()
    client.force_login(learner)
    _, response = take(client, quiz, right=False)
    failed = client.get(response["Location"]).text
    assert "Score: 0%" in failed
    assert "Nee." not in failed and "Juist antwoord" not in failed
    _, response = take(client, quiz, right=True)  # the last attempt: the quiz is closed
    passed = client.get(response["Location"]).text
    assert "Goed zo." in passed and "<strong>Juist antwoord:</strong> Handeling" in passed


def test_correctness_level_shows_right_and_wrong_without_feedback(client, learner, quiz):
    quiz.review_after_attempt = Review.CORRECTNESS
    quiz.save_revision().publish()
    client.force_login(learner)
    _, response = take(client, quiz, right=False)
    page = client.get(response["Location"]).text
    assert "fout" in page and "Nee." not in page


def test_later_edits_never_regrade_an_attempt(client, learner, quiz):
    quiz.max_attempts = 1  # closed after it: the review shows the right answers
    quiz.save_revision().publish()
    client.force_login(learner)
    attempt = quiz_services.start_attempt(learner, quiz)
    revision = quiz.live_revision_id
    quiz.questions = [question("single_choice", options=[choice("Nieuw", True), choice("Ander")])]
    quiz.save_revision().publish()
    client.post(f"/nl/quizzes/attempts/{attempt.pk}/submit/", answer_post(client, attempt))
    attempt.refresh_from_db()
    assert attempt.revision_id == revision
    assert attempt.score == 100
    assert "Handeling" in client.get(f"/nl/quizzes/attempts/{attempt.pk}/").text


def test_a_submitted_attempt_cannot_be_submitted_again(client, learner, quiz):
    client.force_login(learner)
    attempt, _ = take(client, quiz, right=True)
    response = client.post(
        f"/nl/quizzes/attempts/{attempt.pk}/submit/", {f"q-{ids(quiz)[1]}": "true"}
    )
    assert response.status_code == 409
    attempt.refresh_from_db()
    assert attempt.score == 100


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_simultaneous_submissions_give_one_graded_attempt(require_postgres, homes):
    from tests.factories import CourseIndexPageFactory, CoursePageFactory

    course = CoursePageFactory(
        parent=CourseIndexPageFactory(parent=homes["nl"]), format=Format.ELEARNING
    )
    quiz = QuizPageFactory(parent=course)
    user = UserFactory()
    services.enroll(user, course)
    attempt = quiz_services.start_attempt(user, quiz)
    data = right_answers_data(attempt)
    outcomes, barrier = [], threading.Barrier(2)

    def submit():
        barrier.wait()
        try:
            quiz_services.submit_attempt(user, attempt.pk, data)
            outcomes.append("graded")
        except Refused as error:
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


def test_someone_elses_attempt_is_a_404_to_submit_as_to_read(client, learner, quiz):
    attempt = quiz_services.start_attempt(learner, quiz)
    client.force_login(UserFactory())
    response = client.post(
        f"/nl/quizzes/attempts/{attempt.pk}/submit/", {f"q-{ids(quiz)[1]}": "false"}
    )
    assert response.status_code == 404
    assert "bestaat niet of is niet van jou" in response.text
    assert client.get(f"/nl/quizzes/attempts/{attempt.pk}/").status_code == 404


def test_passing_the_required_quiz_completes_the_course(client, learner, course, quiz):
    for lesson in course.lessons_made:
        services.mark_lesson_done(learner, lesson)
    enrollment = Enrollment.objects.get(user=learner)
    assert enrollment.completed_at is None
    client.force_login(learner)
    take(client, quiz, right=False)
    assert Enrollment.objects.get(user=learner).completed_at is None
    take(client, quiz, right=True)
    assert Enrollment.objects.get(user=learner).completed_at is not None


def test_editors_preview_shows_questions_without_answers(client, quiz):
    editor = UserFactory(roles=[roles.EDITORS])
    secret = generate_totp_secret()  # the admin asks every editor for a second factor
    TOTP.activate(editor, secret)
    client.force_login(editor)
    client.post("/nl/accounts/2fa/reauthenticate/", {"code": current_code(secret)})
    response = client.get(f"/admin/pages/{quiz.pk}/view_draft/")
    assert response.status_code == 200
    assert "zo zien deelnemers de vragen" in response.text
    assert "Handeling" in response.text and "Paspoort" in response.text
    assert "Goed zo." not in response.text and "Drie elementen." not in response.text


def test_trainers_see_statistics_and_export_csv(client, learner, quiz):
    client.force_login(learner)
    take(client, quiz, right=False)
    take(client, quiz, right=True)
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


def test_the_quiz_page_says_what_it_takes_to_pass_and_when_feedback_comes(
    client, learner, homes, course, quiz
):
    english_course = course.copy_for_translation(homes["en"].locale, copy_parents=True)
    english_course.save_revision().publish()
    english_quiz = quiz.copy_for_translation(homes["en"].locale)
    english_quiz.save_revision().publish()
    client.force_login(learner)
    page = client.get(english_quiz.url).text
    assert "You need 70% of the points to pass." in page
    assert (
        "After handing in you see your score, which answers were right and the explanation "
        "that goes with them." in page
    )
    assert "Je bent geslaagd met" not in client.get(quiz.url).text


def test_a_quiz_with_limited_attempts_says_when_the_right_answers_come(quiz):
    quiz.max_attempts = 3
    with translation.override("en"):
        assert quiz.review_promise == (
            "After handing in you see your score, which answers were right and the explanation "
            "that goes with them. After your last attempt you also see the right answers."
        )


def test_a_failed_result_offers_to_try_again_while_attempts_remain(client, learner, quiz):
    quiz.max_attempts = 2
    quiz.save_revision().publish()
    client.force_login(learner)
    try_again = button("Probeer opnieuw")
    _, response = take(client, quiz, right=False)
    assert try_again in client.get(response["Location"]).text
    _, response = take(client, quiz, right=False)  # the last attempt
    assert try_again not in client.get(response["Location"]).text


def test_passing_the_last_step_says_the_course_is_done_and_links_to_the_certificate(
    client, learner, course, quiz
):
    for lesson in course.lessons_made:
        services.mark_lesson_done(learner, lesson)
    client.force_login(learner)
    review = client.get(take(client, quiz, right=True)[1]["Location"]).text
    assert "Je hebt deze cursus afgerond." in review
    assert button_link("/nl/my/#certificates-heading", "Mijn certificaten") in review
    assert '<h2 id="certificates-heading">Mijn certificaten</h2>' in client.get("/nl/my/").text


def test_passing_with_lessons_left_leads_on_to_the_next_one(client, learner, course, quiz):
    client.force_login(learner)
    review = client.get(take(client, quiz, right=True)[1]["Location"]).text
    assert "Je hebt deze cursus afgerond." not in review
    assert button_link(course.lessons_made[0].url, "Verder") in review


def test_statistics_count_every_attempt_including_one_without_answers(client, learner, quiz):
    """An attempt handed in too late keeps no answers, like the one seed_demo records
    for the demo learner; it was graded all the same, so it counts (as wrong)."""
    quiz.time_limit_minutes = 10
    quiz.save_revision().publish()
    client.force_login(learner)
    late = quiz_services.start_attempt(learner, quiz)
    data = answer_post(client, late)
    QuizAttempt.objects.filter(pk=late.pk).update(deadline=timezone.now() - timedelta(minutes=1))
    client.post(f"/nl/quizzes/attempts/{late.pk}/submit/", data)
    take(client, quiz, right=False)
    take(client, quiz, right=True)
    client.force_login(UserFactory(roles=[roles.TRAINERS]))
    export = client.get(f"/nl/quizzes/{quiz.pk}/results/", {"format": "csv"})
    assert "Elementen,3,33,Paspoort" in export.content.decode().splitlines()


def test_a_late_attempt_at_a_matching_question_can_be_reviewed(client, learner, course):
    quiz = QuizPageFactory(
        parent=course,
        time_limit_minutes=5,
        questions=[
            question("matching", pairs=[{"left": "a", "right": "1"}, {"left": "b", "right": "2"}])
        ],
    )
    client.force_login(learner)
    attempt = quiz_services.start_attempt(learner, quiz)
    QuizAttempt.objects.filter(pk=attempt.pk).update(deadline=timezone.now() - timedelta(hours=1))
    client.post(f"/nl/quizzes/attempts/{attempt.pk}/submit/", {})
    response = client.get(f"/nl/quizzes/attempts/{attempt.pk}/")
    assert response.status_code == 200
    assert "te laat ingeleverd" in response.text
