"""The training days' back office in the Wagtail admin."""

import csv
import io
from datetime import timedelta

import openpyxl
import pytest
from django.contrib.admin.utils import label_for_field
from django.utils import timezone, translation

from bookings.models import Attendance, InCompanyRequest, Registration
from bookings.wagtail_hooks import RegistrationAdmin
from lms import roles
from tests.certificates.test_admin import log_in_with_second_factor
from tests.factories import UserFactory
from tests.workshops.factories import TrainerFactory, TrainingDayFactory
from workshops.choices import DayKind, Programme
from workshops.models import Venue

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


@pytest.fixture
def coordinator(client):
    user = UserFactory(roles=[roles.COORDINATORS])
    log_in_with_second_factor(client, user)
    return user


def register(day, first_name, status=Registration.Status.CONFIRMED, position=None, **fields):
    return Registration.objects.create(
        training_day=day,
        user=UserFactory(first_name=first_name, last_name="Test"),
        status=status,
        waitlist_position=position,
        **{"tariff": "standard", **fields},
    )


@pytest.fixture
def full_day(training_course, rotterdam):
    day = TrainingDayFactory(course=training_course, capacity=1, sessions=[TODAY + timedelta(10)])
    register(
        day,
        "Noor",
        organisation="Jeugdzorg Rijnmond",
        municipality=rotterdam,
        invoice_reference="PO-123",
        dietary_needs="vegetarisch",
        price="45.00",
        tariff="reduced",
    )
    register(day, "Wachtende2", Registration.Status.WAITLISTED, 2)
    register(day, "Wachtende1", Registration.Status.WAITLISTED, 1)
    return day


def test_the_training_days_listing_shows_seats_and_waiting(client, coordinator, full_day):
    page = client.get("/admin/workshops/trainingday/")
    assert page.status_code == 200
    assert "Training jeugdprostitutie" in page.text
    assert "1 / 1" in page.text
    session = full_day.sessions.get()
    assert f"/nl/sessions/{session.pk}/attendance/" in page.text


def test_the_training_days_filters(client, coordinator, full_day, training_course):
    TrainingDayFactory(
        course=training_course,
        kind=DayKind.IN_COMPANY,
        organisation="Stichting Voorbeeld",
        sessions=[TODAY - timedelta(20)],
    )
    url = "/admin/workshops/trainingday/"
    upcoming = client.get(url, {"first_date": "upcoming"}).text
    past = client.get(url, {"first_date": "past"}).text
    assert full_day.get_kind_display() in upcoming and "1 / 1" in upcoming
    assert "1 / 1" not in past and "0 / 12" in past
    in_company = client.get(url, {"kind__exact": "in_company"}).text
    assert "0 / 12" in in_company and "1 / 1" not in in_company
    assert "1 / 1" not in client.get(url, {"status__exact": "cancelled"}).text


def test_the_registrations_listing_shows_the_waiting_list_in_order(client, coordinator, full_day):
    page = client.get("/admin/bookings/registration/", {"training_day": full_day.pk})
    assert page.status_code == 200
    text = page.text
    assert text.index("Noor Test") < text.index("Wachtende1 Test") < text.index("Wachtende2 Test")
    waiting_only = client.get("/admin/bookings/registration/", {"status__exact": "waitlisted"})
    assert "Noor Test" not in waiting_only.text and "Wachtende1 Test" in waiting_only.text


def test_the_participants_export_as_csv(client, coordinator, full_day):
    noor = Registration.objects.get(user__first_name="Noor")
    Attendance.objects.create(
        registration=noor, session=full_day.sessions.get(), status=Attendance.Status.PRESENT
    )
    response = client.get(
        "/admin/bookings/registration/",
        {"export": "csv", "training_day": full_day.pk, "status__exact": "confirmed"},
    )
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    with translation.override("nl"):  # the admin speaks the coordinator's language
        labels = [
            label_for_field(name, Registration, RegistrationAdmin).lower()
            for name in RegistrationAdmin.list_export
        ]
    assert [cell.lower() for cell in rows[0]] == labels
    assert len(rows) == 2
    row = dict(zip(RegistrationAdmin.list_export, rows[1], strict=True))
    assert row["participant"] == "Noor Test"
    assert row["email"] == noor.user.email
    assert row["organisation"] == "Jeugdzorg Rijnmond"
    assert row["municipality"] == "Rotterdam"
    assert row["invoice_reference"] == "PO-123"
    assert row["dietary_needs"] == "vegetarisch"
    assert row["price"] == "45.00"
    assert row["attendance_marks"].startswith(full_day.sessions.get().date.strftime("%d-%m-%Y"))


def test_the_participants_export_as_xlsx(client, coordinator, full_day):
    response = client.get(
        "/admin/bookings/registration/", {"export": "xlsx", "training_day": full_day.pk}
    )
    assert response.status_code == 200
    content = b"".join(response.streaming_content) if response.streaming else response.content
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    names = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert names == ["Noor Test", "Wachtende1 Test", "Wachtende2 Test"]


def test_in_company_requests_are_listed_by_status(client, coordinator, training_course):
    for organisation, status in (("Stichting Nieuw", "new"), ("Zorg Gepland", "planned")):
        InCompanyRequest.objects.create(
            organisation=organisation,
            contact_name="Contact",
            contact_email="contact@example.org",
            course_key=training_course.translation_key,
            course_title=training_course.title,
            team_size=12,
            preferred_periods="Voorjaar",
            location="Eigen locatie",
            status=status,
        )
    page = client.get("/admin/bookings/incompanyrequest/", {"status__exact": "new"})
    assert page.status_code == 200
    assert "Stichting Nieuw" in page.text and "Zorg Gepland" not in page.text


def test_trainers_are_listed_with_qualifications(client, coordinator):
    TrainerFactory(
        user__first_name="Tarik",
        user__last_name="El Amrani",
        programmes=[Programme.TRAINING_DAY, Programme.GIRLS_TALK],
    )
    page = client.get("/admin/workshops/trainer/")
    assert page.status_code == 200
    assert "Tarik El Amrani" in page.text
    assert "Girls&#x27; Talk" in page.text or "Girls' Talk" in page.text
    assert "0 of at most 6 sessions this week" in page.text or "0 van" in page.text


def test_a_coordinator_adds_a_venue_snippet(client, coordinator):
    response = client.post(
        "/admin/snippets/workshops/venue/add/",
        {"name": "Buurthuis", "address": "Adres volgt", "postcode": "", "city": "Rotterdam"},
    )
    assert response.status_code == 302
    assert Venue.objects.get().one_line == "Buurthuis, Adres volgt, Rotterdam"
    assert "Buurthuis" in client.get("/admin/snippets/workshops/venue/").text


@pytest.mark.parametrize(
    "url",
    [
        "/admin/workshops/trainingday/",
        "/admin/bookings/registration/",
        "/admin/bookings/registration/?export=csv",
        "/admin/bookings/incompanyrequest/",
        "/admin/workshops/trainer/",
    ],
)
def test_a_learner_gets_no_admin_access(client, full_day, url):
    client.force_login(UserFactory(roles=[roles.LEARNERS]))
    response = client.get(url)
    assert response.status_code in (302, 403)
    assert "Noor" not in response.content.decode()
