"""The trainer's sessions on /my/."""

from datetime import time, timedelta

import pytest
from django.template.loader import render_to_string
from django.utils import timezone

from bookings.models import Attendance, Registration
from bookings.trainer_dashboard import trainer_sessions_section
from lms import roles
from tests.factories import UserFactory
from tests.workshops.factories import SessionFactory, TrainerFactory, TrainingDayFactory
from workshops.choices import DayStatus, Programme
from workshops.models import Assignment

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


@pytest.fixture
def trainer():
    return TrainerFactory(user__first_name="Tarik", user__last_name="El Amrani")


def give(trainer, session):
    Assignment.objects.create(session=session, trainer=trainer)
    return session


def confirmed(day, n=1):
    for _ in range(n):
        Registration.objects.create(
            training_day=day,
            user=UserFactory(),
            status=Registration.Status.CONFIRMED,
            tariff="standard",
        )


def test_upcoming_sessions_show_time_place_course_co_trainer_and_participants(
    client, trainer, training_course
):
    day = TrainingDayFactory(course=training_course, sessions=[TODAY + timedelta(5)])
    session = give(trainer, day.sessions.get())
    give(TrainerFactory(user__first_name="Sara", user__last_name="Bos"), session)
    confirmed(day, 3)
    client.force_login(trainer.user)
    page = client.get("/nl/my/").text
    assert "Training jeugdprostitutie" in page
    assert "09:30–16:30" in page
    assert "Expertisecentrum, Voorbeeldstraat 1, Rotterdam" in page
    assert "Sara Bos" in page
    assert ">3</td>" in page
    assert f"/nl/sessions/{session.pk}/attendance/" in page


def test_past_sessions_missing_attendance_are_listed_until_marked(client, trainer, training_course):
    day = TrainingDayFactory(course=training_course, sessions=[TODAY - timedelta(3)])
    session = give(trainer, day.sessions.get())
    confirmed(day, 1)
    old = TrainingDayFactory(course=training_course, sessions=[TODAY - timedelta(40)])
    old_session = give(trainer, old.sessions.get())
    confirmed(old, 1)
    client.force_login(trainer.user)
    page = client.get("/nl/my/").text
    assert f"/nl/sessions/{session.pk}/attendance/" in page
    assert f"/nl/sessions/{old_session.pk}/attendance/" not in page  # beyond 30 days

    Attendance.objects.create(
        registration=Registration.objects.get(training_day=day), session=session, status="present"
    )
    assert f"/nl/sessions/{session.pk}/attendance/" not in client.get("/nl/my/").text


def test_a_group_meeting_without_its_number_asks_for_it(client, trainer):
    meeting = give(
        trainer,
        SessionFactory(
            training_day=None,
            programme=Programme.GIRLS_TALK,
            date=TODAY - timedelta(1),
            starts_at_time=time(15, 0),
            ends_at_time=time(16, 30),
        ),
    )
    client.force_login(trainer.user)
    assert f"/nl/sessions/{meeting.pk}/attendance/" in client.get("/nl/my/").text
    meeting.participant_count = 7
    meeting.save()
    assert f"/nl/sessions/{meeting.pk}/attendance/" not in client.get("/nl/my/").text


def test_sessions_of_a_cancelled_day_and_of_others_are_not_listed(client, trainer, training_course):
    cancelled = TrainingDayFactory(
        course=training_course, status=DayStatus.CANCELLED, sessions=[TODAY + timedelta(2)]
    )
    gone = give(trainer, cancelled.sessions.get())
    others = TrainingDayFactory(course=training_course, sessions=[TODAY + timedelta(2)])
    not_mine = give(TrainerFactory(), others.sessions.get())
    client.force_login(trainer.user)
    page = client.get("/nl/my/").text
    assert f"/nl/sessions/{gone.pk}/attendance/" not in page
    assert f"/nl/sessions/{not_mine.pk}/attendance/" not in page


def test_a_learner_sees_no_trainer_sessions(client, homes):
    client.force_login(UserFactory(roles=[roles.LEARNERS]))
    page = client.get("/nl/my/")
    assert page.status_code == 200
    assert 'id="trainer-sessions-heading"' not in page.text


@pytest.mark.parametrize("n", [1, 10])
def test_the_section_costs_five_queries_for_1_or_10_sessions(
    rf, trainer, training_course, django_assert_num_queries, n
):
    for index in range(n):
        day = TrainingDayFactory(
            course=training_course, sessions=[TODAY + timedelta(index + 1)], capacity=5
        )
        session = give(trainer, day.sessions.get())
        give(TrainerFactory(), session)
        confirmed(day, 2)
    request = rf.get("/nl/my/")
    request.user = trainer.user
    # What the reader holds, the trainer, the session plans' courses (no plans
    # here), their sessions (with venue, course, school, group and counts), the
    # co-trainers.
    with django_assert_num_queries(5):
        section = trainer_sessions_section(request)
        html = render_to_string(section["template"], {"section": section}, request=request)
    assert html.count("/attendance/") == n
