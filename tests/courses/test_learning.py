import pytest
from django.dispatch import receiver

from courses import services
from courses.choices import Format
from courses.models import Enrollment, LessonProgress
from courses.models.progress import progress_for
from courses.signals import course_completed
from lms import roles
from tests.factories import CoursePageFactory, LessonPageFactory, QuizPageFactory, UserFactory
from tests.markup import button_link

pytestmark = pytest.mark.django_db


def lessons_of(course):
    return course.lessons_made


def enrol(client, user, course):
    client.force_login(user)
    return client.post(f"/nl/courses/{course.pk}/enrol/")


def done(client, lesson, on_commit=None):
    return client.post(f"/nl/lessons/{lesson.pk}/done/")


def test_enrolling_creates_one_enrollment_and_opens_the_first_lesson(client, course):
    learner = UserFactory(roles=[roles.LEARNERS])
    response = enrol(client, learner, course)
    assert response.status_code == 302
    assert response["Location"] == "/nl/aanbod/mensenhandel/les-1/"
    enrol(client, learner, course)
    assert Enrollment.objects.filter(user=learner).count() == 1


def test_anonymous_visitor_cannot_enrol(client, course):
    response = client.post(f"/nl/courses/{course.pk}/enrol/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    assert Enrollment.objects.count() == 0


def test_enrolling_in_a_training_day_is_refused_with_a_message(client, catalogue):
    day = CoursePageFactory(parent=catalogue, format=Format.TRAINING_DAY)
    response = enrol(client, UserFactory(), day)
    assert response.status_code == 400
    assert "Deze cursus heeft geen e-learning" in response.text
    assert Enrollment.objects.count() == 0


def test_enrolling_in_an_unknown_course_is_a_404(client, course):
    client.force_login(UserFactory())
    assert client.post("/nl/courses/999999/enrol/").status_code == 404
    assert client.get(f"/nl/courses/{course.pk}/enrol/").status_code == 405


def test_progress_bar_and_continue_follow_the_lessons_done(client, course):
    first, second, _third = lessons_of(course)
    enrol(client, UserFactory(), course)
    assert done(client, first)["Location"] == second.url
    page = client.get(course.url).text
    assert 'value="33"' in page and "Voortgang: 33%" in page
    assert button_link(second.url, "Verder") in page


def test_a_locked_lesson_shows_where_to_start_and_cannot_be_marked_done(client, course):
    first, second, third = lessons_of(course)
    enrol(client, UserFactory(), course)
    page = client.get(third.url)
    assert page.status_code == 200
    assert "Deze les gaat open" in page.text
    assert "Inhoud van de les." not in page.text
    assert f'href="{first.url}"' in page.text
    response = done(client, third)
    assert response.status_code == 403
    assert LessonProgress.objects.count() == 0


def test_free_order_course_opens_every_lesson(client, course):
    course.sequential = False
    course.save_revision().publish()
    _first, _second, third = lessons_of(course)
    enrol(client, UserFactory(), course)
    assert "Inhoud van de les." in client.get(third.url).text
    assert done(client, third).status_code == 302


def test_visitor_may_preview_the_first_lesson_only(client, course):
    first, second, _ = lessons_of(course)
    preview = client.get(first.url)
    assert preview.status_code == 200
    assert "gratis voorproefje" in preview.text
    assert "Markeer als klaar" not in preview.text
    response = client.get(second.url)
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_without_preview_even_the_first_lesson_needs_a_log_in(client, course):
    course.allow_preview = False
    course.save_revision().publish()
    assert "/accounts/login/" in client.get(lessons_of(course)[0].url)["Location"]


def test_logged_in_but_not_enrolled_is_sent_to_the_course_page(client, course):
    client.force_login(UserFactory())
    response = client.get(lessons_of(course)[1].url)
    assert response.status_code == 302
    assert response["Location"] == course.url


def test_completion_needs_every_required_lesson_and_fires_once(
    client, course, django_capture_on_commit_callbacks
):
    LessonPageFactory(parent=course, title="Verdieping", slug="extra", required=False)
    fired = []

    @receiver(course_completed)
    def record(sender, enrollment, course, **kwargs):
        fired.append(enrollment.pk)

    try:
        enrol(client, UserFactory(), course)
        first, second, third = lessons_of(course)
        with django_capture_on_commit_callbacks(execute=True):
            done(client, first)
            done(client, second)
        assert Enrollment.objects.get().completed_at is None
        with django_capture_on_commit_callbacks(execute=True):
            response = done(client, third)
        enrollment = Enrollment.objects.get()
        completed_at = enrollment.completed_at
        assert completed_at is not None
        assert response["Location"] == course.url
        assert "Je hebt deze cursus afgerond" in client.get(course.url).text
        with django_capture_on_commit_callbacks(execute=True):
            done(client, third)
        assert Enrollment.objects.get().completed_at == completed_at
        assert fired == [enrollment.pk]
    finally:
        course_completed.disconnect(record)


def test_a_registered_requirement_holds_back_completion(course):
    learner = UserFactory()
    services.enroll(learner, course)
    blocked = services.register_completion_requirement(lambda *args: False)
    try:
        for lesson in lessons_of(course):
            services.mark_lesson_done(learner, lesson)
        assert Enrollment.objects.get().completed_at is None
    finally:
        services._requirements.remove(blocked)


def test_progress_is_shared_between_dutch_and_english(client, homes, course):
    english_course = course.copy_for_translation(homes["en"].locale, copy_parents=True)
    english_course.save_revision().publish()
    learner = UserFactory()
    enrol(client, learner, course)
    done(client, lessons_of(course)[0])
    english_lesson = lessons_of(course)[0].copy_for_translation(homes["en"].locale)
    english_lesson.save_revision().publish()
    assert progress_for(learner, english_course.specific, [english_lesson]).percent == 100


def test_dashboard_lists_courses_in_progress_and_completed(client, course, catalogue):
    learner = UserFactory()
    other = CoursePageFactory(parent=catalogue, title="Tweede cursus", slug="tweede")
    only = LessonPageFactory(parent=other, slug="enige")
    enrol(client, learner, course)
    done(client, lessons_of(course)[0])
    enrol(client, learner, other)
    done(client, only)

    page = client.get("/nl/my/").text
    in_progress, completed = page.split("Afgeronde cursussen")
    assert "Mensenhandel herkennen" in in_progress and 'value="33"' in in_progress
    assert f'href="{lessons_of(course)[1].url}"' in in_progress
    assert "Tweede cursus" in completed


def test_the_last_lesson_leads_on_to_the_closing_quiz(client, course):
    quiz = QuizPageFactory(parent=course, title="Eindtoets", slug="eindtoets")
    enrol(client, UserFactory(), course)
    for lesson in lessons_of(course):
        done(client, lesson)
    page = client.get(lessons_of(course)[-1].url).text
    assert button_link(quiz.url, "Ga naar “Eindtoets”") in page
    assert f'<a href="{quiz.url}" rel="next">Eindtoets →</a>' in page


def test_a_completed_course_links_to_the_certificates(client, course):
    enrol(client, UserFactory(), course)
    for lesson in lessons_of(course):
        done(client, lesson)
    page = client.get(course.url).text
    assert "Je hebt deze cursus afgerond." in page
    assert button_link("/nl/my/#certificates-heading", "Mijn certificaten") in page
