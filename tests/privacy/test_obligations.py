"""An account with something still running is not removed: the page says what
to do first and whom to contact, and a removal posted anyway answers 409
with nothing changed."""

from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.utils import timezone

from bookings.models import (
    GroupBooking,
    InCompanyRequest,
    Registration,
    SchoolLessonRequest,
    Tariff,
)
from lms.models import SiteSettings, User
from tests.bookings.school_factories import SchoolLessonRequestFactory
from tests.factories import UserFactory
from tests.workshops.factories import SessionFactory, TrainerFactory, TrainingDayFactory
from workshops.models import Assignment

from .conftest import PASSWORD

pytestmark = pytest.mark.django_db

URL = "/en/my/account/remove/"


def _staff(user, training_course):
    user.groups.add(Group.objects.get(name="Coordinators"))


def _future_session(user, training_course):
    trainer = TrainerFactory(user=user)
    Assignment.objects.create(session=SessionFactory(), trainer=trainer)


def _booked_place(user, training_course):
    Registration.objects.create(
        training_day=TrainingDayFactory(course=training_course),
        user=user,
        status=Registration.Status.WAITLISTED,
        waitlist_position=1,
        tariff=Tariff.STANDARD,
    )


def _places_for_colleagues(user, training_course):
    day = TrainingDayFactory(course=training_course)
    group = GroupBooking.objects.create(
        training_day=day,
        contact=user,
        organisation="Wijkteam",
        claim_deadline=timezone.now() + timedelta(days=7),
    )
    Registration.objects.create(
        training_day=day,
        group=group,
        invited_email="collega@example.org",
        status=Registration.Status.RESERVED,
        tariff=Tariff.STANDARD,
    )


def _open_school_request(user, training_course):
    SchoolLessonRequestFactory(
        status=SchoolLessonRequest.Status.IN_REVIEW, contact_email=user.email.upper()
    )


def _open_in_company_request(user, training_course):
    InCompanyRequest.objects.create(
        organisation="Opvang Zuid",
        contact_name="Noor Smit",
        contact_email=user.email,
        course_key=training_course.translation_key,
        course_title=training_course.title,
        team_size=8,
        preferred_periods="Najaar",
        location="Rotterdam",
        status=InCompanyRequest.Status.IN_PROGRESS,
    )


CASES = {
    "staff": (_staff, "Your account is used to run the platform."),
    "trainer": (_future_session, "still scheduled as a trainer for 1 session."),
    "booking": (_booked_place, "Cancel it first under My bookings"),
    "group": (_places_for_colleagues, "You hold places for colleagues"),
    "school": (_open_school_request, "request for prevention lessons that is still open"),
    "in_company": (_open_in_company_request, "contact for an in-company training"),
}


@pytest.fixture
def centre(homes):
    settings = SiteSettings.for_site(homes["nl"].get_site())
    settings.contact_email = "info@centrum.example"
    settings.save()
    return settings


@pytest.mark.parametrize("case", CASES)
def test_an_obligation_stops_the_removal_and_says_what_to_do(case, client, centre, training_course):
    user = UserFactory()
    arrange, reason = CASES[case]
    arrange(user, training_course)
    client.force_login(user)

    page = client.get(URL)
    assert page.status_code == 200
    assert reason in page.text
    assert "mailto:info@centrum.example" in page.text
    assert 'name="password"' not in page.text

    response = client.post(URL, {"password": PASSWORD})
    assert response.status_code == 409
    assert reason in response.text
    user.refresh_from_db()
    assert (user.is_active, user.first_name, user.has_usable_password()) == (True, "Noor", True)
    assert client.get("/en/my/").status_code == 200


def test_a_cancelled_or_past_session_does_not_stop_a_trainer(client, homes, training_course):
    user = UserFactory()
    trainer = TrainerFactory(user=user)
    Assignment.objects.create(session=SessionFactory(cancelled_at=timezone.now()), trainer=trainer)
    Assignment.objects.create(
        session=SessionFactory(date=timezone.localdate() - timedelta(days=1)), trainer=trainer
    )
    client.force_login(user)

    assert client.post(URL, {"password": PASSWORD}).status_code == 302
    assert not User.objects.get(pk=user.pk).is_active


def test_a_request_under_an_unconfirmed_address_is_not_theirs(client, homes, training_course):
    """Adding someone else's address to one's account, unconfirmed, neither
    blocks the removal nor empties that person's request."""
    user = UserFactory()
    EmailAddress.objects.create(user=user, email="ander@school.example", verified=False)
    request = SchoolLessonRequestFactory(
        status=SchoolLessonRequest.Status.IN_REVIEW, contact_email="ander@school.example"
    )
    client.force_login(user)

    assert client.post(URL, {"password": PASSWORD}).status_code == 302
    request.refresh_from_db()
    assert request.contact_email == "ander@school.example"
    assert request.contact_name == "Sanne Jansen"
