"""What /my/ keeps per user (lms.dashboard, lms.usercache) shows every change
at once: each test looks at /my/ first (so it is kept), changes something the
way the centre, a colleague or a worker would, and looks again."""

from datetime import time

import pytest

from bookings import groups, services
from bookings.models import Registration
from certificates import rendering
from certificates.models import Certificate
from tests.bookings.school_factories import SchoolLessonRequestFactory
from tests.factories import UserFactory
from tests.workshops.factories import TrainerFactory, TrainingDayFactory

MY = "/en/my/"


@pytest.fixture
def me(client, db):
    user = UserFactory(email="me@example.org")
    client.force_login(user)
    return user


def my_page(client) -> str:
    response = client.get(MY)
    assert response.status_code == 200
    return response.text


def test_a_new_time_set_by_the_centre_shows_at_once(client, me, day):
    services.book_place(day, me, organisation="Wijkteam")
    assert "09:30" in my_page(client)
    session = day.sessions.get()
    session.starts_at_time = time(10, 15)
    session.save()
    page = my_page(client)
    assert "10:15" in page
    assert "09:30" not in page


def test_the_new_time_shows_on_the_anonymous_course_page_too(client, day, training_course):
    client.logout()
    assert "09:30" in client.get(training_course.url).text
    session = day.sessions.get()
    session.starts_at_time = time(11, 0)
    session.save()
    assert "11:00" in client.get(training_course.url).text


def test_a_place_from_the_waiting_list_shows_as_confirmed(client, me, training_course):
    full = TrainingDayFactory(course=training_course, capacity=1)
    first = services.book_place(full, UserFactory(), organisation="Wijkteam")
    services.book_place(full, me, organisation="Wijkteam")
    assert "Waiting list, number 1" in my_page(client)
    services.cancel_registration(first, by=first.user)
    page = my_page(client)
    assert "Waiting list" not in page
    assert "Place confirmed" in page


def test_a_colleague_claiming_a_place_shows_for_the_contact(client, me, training_course):
    day = TrainingDayFactory(course=training_course, capacity=3)
    group = groups.book_group(
        day, me, emails=["ali@example.org", "bo@example.org"], organisation="Wijkteam"
    )
    assert "0 of 2 places claimed" in my_page(client)
    held = Registration.objects.get(group=group, invited_email="ali@example.org")
    groups.claim_place(held, UserFactory(email="ali@example.org"))
    assert "1 of 2 places claimed" in my_page(client)


def test_a_certificate_that_could_not_be_made_leaves_the_list(client, me):
    certificate = Certificate.objects.create(
        recipient=me, recipient_name="Noor Smit", subject_title="Signalen herkennen"
    )
    assert "being made…" in my_page(client)
    rendering.mark_failed(certificate.pk, RuntimeError("no fonts"))
    page = my_page(client)
    assert "being made…" not in page
    assert "You have no certificates yet." in page


def test_a_new_school_contact_sees_the_schools_requests(client, me):
    request = SchoolLessonRequestFactory()
    assert 'id="school-requests-heading"' not in my_page(client)
    request.school.contacts.add(me)
    assert 'id="school-requests-heading"' in my_page(client)
    request.school.contacts.remove(me)
    assert 'id="school-requests-heading"' not in my_page(client)


def test_a_new_trainer_sees_their_schedule(client, me):
    assert 'id="trainer-sessions-heading"' not in my_page(client)
    TrainerFactory(user=me)
    assert 'id="trainer-sessions-heading"' in my_page(client)


def test_my_page_asks_the_database_nothing_once_warm(client, me, day, django_assert_num_queries):
    services.book_place(day, me, organisation="Wijkteam")
    my_page(client)  # (the site's settings are made on the first page ever)
    my_page(client)
    with django_assert_num_queries(0):
        assert "Place confirmed" in my_page(client)
