"""Two steps of one learner at the same moment, on PostgreSQL with real threads.

Each test makes both steps meet just before they decide (completion, or the
attempt's number): without the enrolment's lock both then decide on stale data.
With it, the second waits for the first's commit, so the meeting times out and
both go on, one after the other.
"""

import contextlib
import threading

import pytest
from django.db import connection
from django.http import QueryDict

from courses import services
from courses.choices import Format
from courses.models import Enrollment, QuizAttempt
from courses.quizzes import services as quiz_services
from tests.factories import CoursePageFactory, QuizPageFactory, UserFactory

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

MEETING_TIMEOUT = 3  # seconds the first step waits for the second to reach the same point


def meet_before(module, name: str, monkeypatch) -> None:
    """Make `module.name` wait until both threads call it (or the wait times out)."""
    meeting = threading.Barrier(2, timeout=MEETING_TIMEOUT)
    original = getattr(module, name)

    def meet_then_call(*args, **kwargs):
        # Broken: the other step waits on a lock, which is what should happen.
        with contextlib.suppress(threading.BrokenBarrierError):
            meeting.wait()
        return original(*args, **kwargs)

    monkeypatch.setattr(module, name, meet_then_call)


def run_at_once(*steps) -> tuple[list, list]:
    """Run each step in its own thread (own database connection); their results
    and the errors they raised."""
    results, errors = [], []

    def run(step):
        try:
            results.append(step())
        except Exception as error:  # the test reports it
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(step,)) for step in steps]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results, errors


def right_answers(attempt) -> QueryDict:
    first, second = attempt.questions
    token = quiz_services.option_tokens(attempt.pk, first)[0]  # the factory's right option
    return QueryDict(f"q-{first['id']}={token}&q-{second['id']}=false")


def test_a_quiz_passed_while_the_last_lesson_is_marked_done_completes_the_course(
    require_postgres, course, monkeypatch
):
    quiz = QuizPageFactory(parent=course)
    learner = UserFactory()
    services.enroll(learner, course)
    first, second, last = course.lessons_made
    services.mark_lesson_done(learner, first)
    services.mark_lesson_done(learner, second)
    attempt = quiz_services.start_attempt(learner, quiz)
    data = right_answers(attempt)
    meet_before(services, "check_completion", monkeypatch)

    _results, errors = run_at_once(
        lambda: quiz_services.submit_attempt(learner, attempt.pk, data),
        lambda: services.mark_lesson_done(learner, last),
    )

    assert errors == []
    assert Enrollment.objects.get(user=learner).completed_at is not None


def test_starting_the_dutch_and_the_english_quiz_at_once_gives_one_attempt(
    require_postgres, homes, course, monkeypatch
):
    quiz = QuizPageFactory(parent=course)
    course.copy_for_translation(homes["en"].locale, copy_parents=True).save_revision().publish()
    english_quiz = quiz.copy_for_translation(homes["en"].locale)
    english_quiz.save_revision().publish()
    learner = UserFactory()
    services.enroll(learner, course)
    meet_before(quiz_services, "snapshot", monkeypatch)

    started, errors = run_at_once(
        lambda: quiz_services.start_attempt(learner, quiz).pk,
        lambda: quiz_services.start_attempt(learner, english_quiz).pk,
    )

    assert errors == []
    assert list(QuizAttempt.objects.values_list("pk", flat=True)) == started[:1] == started[1:]


def test_a_double_start_outside_an_e_learning_gives_one_attempt(
    require_postgres, catalogue, monkeypatch
):
    day = CoursePageFactory(parent=catalogue, format=Format.TRAINING_DAY)
    quiz = QuizPageFactory(parent=day)
    learner = UserFactory()  # a training day has no enrolment to queue on
    meet_before(quiz_services, "snapshot", monkeypatch)

    started, errors = run_at_once(
        lambda: quiz_services.start_attempt(learner, quiz).pk,
        lambda: quiz_services.start_attempt(learner, quiz).pk,
    )

    assert errors == []
    assert list(QuizAttempt.objects.values_list("pk", flat=True)) == started[:1] == started[1:]
