"""Booking a place through the pages: the form, cancelling, the calendar file,
and who may see what."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from bookings import services
from bookings.models import Registration
from lms.models import SiteSettings
from tests.factories import UserFactory
from tests.workshops.factories import TrainingDayFactory
from workshops.choices import DayKind, DayStatus

Status = Registration.Status


def book_url(day, **query):
    url = reverse("bookings:book", kwargs={"key": day.key})
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def form_data(**overrides):
    return {"organisation": "Jeugdzorg Rijnmond", "municipality": "", **overrides}


def place(day, user=None):
    return services.book_place(day, user or UserFactory(), organisation="Wijkteam Noord")


@pytest.fixture
def professional(rotterdam):
    user = UserFactory(email="noor@example.org")
    user.organisation = "Wijkteam Delfshaven"
    user.municipality = rotterdam
    user.save()
    return user


# --- The booking form ----------------------------------------------------------


def test_an_anonymous_visitor_is_sent_to_log_in_first(client, day):
    response = client.get(book_url(day))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login") + "?next=")
    assert str(day.key) in response["Location"]


def test_the_form_is_filled_from_the_profile_with_the_reduced_price(client, day, professional):
    client.force_login(professional)
    response = client.get(book_url(day))
    assert response.status_code == 200
    content = response.content.decode()
    assert 'value="Wijkteam Delfshaven"' in content
    assert f'<option value="{professional.municipality_id}" selected>' in content
    assert "€\u00a045 (verlaagd tarief: Rotterdam heeft een afspraak)" in content
    assert "Er zijn nog 2 plaatsen vrij" in content


def test_choosing_another_municipality_shows_its_price(client, day, professional, schiedam):
    client.force_login(professional)
    response = client.get(book_url(day, municipality=schiedam.pk))
    assert "<strong>Prijs:</strong> €\u00a0195" in response.content.decode()


def test_a_full_day_says_you_join_the_waiting_list(client, day, professional):
    place(day), place(day), place(day)
    client.force_login(professional)
    response = client.get(book_url(day))
    assert "Je komt op de wachtlijst als nummer 2" in response.content.decode()


def test_booking_confirms_the_place_at_the_municipality_price(
    client, day, professional, rotterdam, django_capture_on_commit_callbacks
):
    client.force_login(professional)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(book_url(day), form_data(municipality=rotterdam.pk))
    assert response.status_code == 302
    assert response["Location"] == reverse("lms:dashboard") + "#bookings-heading"
    registration = Registration.objects.get(user=professional)
    assert (registration.status, str(registration.price)) == (Status.CONFIRMED, "45.00")
    assert [m.to for m in mail.outbox] == [["noor@example.org"]]
    page = client.get(response["Location"]).content.decode()
    assert "Je plaats is bevestigd." in page


def test_booking_a_full_day_says_the_waiting_list_position(client, day, professional):
    place(day), place(day), place(day)
    client.force_login(professional)
    response = client.post(book_url(day), form_data(), follow=True)
    assert "je staat op nummer 2 van de wachtlijst" in response.content.decode()
    assert Registration.objects.get(user=professional).waitlist_position == 2


def test_booking_twice_is_refused_with_a_conflict(client, day, professional):
    client.force_login(professional)
    client.post(book_url(day), form_data())
    response = client.post(book_url(day), form_data())
    assert response.status_code == 409
    assert "Je hebt al een plaats op deze datum." in response.content.decode()
    assert Registration.objects.filter(user=professional).count() == 1


def test_an_unknown_municipality_shows_the_form_again(client, day, professional):
    client.force_login(professional)
    response = client.post(book_url(day), form_data(municipality="999999"))
    assert response.status_code == 400
    assert "Kies een gemeente uit de lijst." in response.content.decode()
    assert not Registration.objects.exists()


def test_an_organisation_is_required(client, day, professional):
    client.force_login(professional)
    response = client.post(book_url(day), form_data(organisation=""))
    assert response.status_code == 400
    assert not Registration.objects.exists()


def test_a_draft_day_does_not_exist_for_visitors(client, training_course, professional):
    draft = TrainingDayFactory(course=training_course, status=DayStatus.DRAFT)
    client.force_login(professional)
    assert client.get(book_url(draft)).status_code == 404
    assert client.post(book_url(draft), form_data()).status_code == 404


def test_a_closed_day_refuses_bookings(client, training_course, professional):
    closed = TrainingDayFactory(
        course=training_course, registration_closes_at=timezone.now() - timedelta(hours=1)
    )
    client.force_login(professional)
    assert (
        "De inschrijving voor deze datum is gesloten."
        in client.get(book_url(closed)).content.decode()
    )
    response = client.post(book_url(closed), form_data())
    assert response.status_code == 409
    assert not Registration.objects.exists()


@pytest.fixture
def in_company(training_course):
    return TrainingDayFactory(
        course=training_course, kind=DayKind.IN_COMPANY, organisation="Opvang Zuid"
    )


def test_an_in_company_day_without_its_invitation_does_not_exist(client, in_company, professional):
    client.force_login(professional)
    assert client.get(book_url(in_company)).status_code == 404
    assert client.get(book_url(in_company, invitation="wrong")).status_code == 404
    assert client.post(book_url(in_company), form_data(invitation="wrong")).status_code == 404
    assert not Registration.objects.exists()


def test_an_invited_professional_books_an_in_company_day(client, in_company, professional):
    client.force_login(professional)
    token = in_company.invitation_token
    assert client.get(book_url(in_company, invitation=token)).status_code == 200
    response = client.post(book_url(in_company), form_data(invitation=token))
    assert response.status_code == 302
    assert Registration.objects.get(user=professional).status == Status.CONFIRMED


# --- Cancelling ------------------------------------------------------------------


def test_cancelling_asks_first_then_frees_the_place_for_the_waiting_list(
    client, day, professional, django_capture_on_commit_callbacks
):
    mine = place(day, professional)
    place(day)
    waiting = place(day)
    client.force_login(professional)
    url = reverse("bookings:cancel", args=[mine.pk])
    assert "Ja, annuleer mijn boeking" in client.get(url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url)
    assert response.status_code == 302
    mine.refresh_from_db(), waiting.refresh_from_db()
    assert (mine.status, waiting.status) == (Status.CANCELLED, Status.CONFIRMED)
    assert sorted(m.to[0] for m in mail.outbox) == sorted([professional.email, waiting.user.email])


def test_after_the_deadline_the_page_says_whom_to_contact(client, day, professional, homes):
    settings = SiteSettings.for_site(homes["nl"].get_site())
    settings.contact_phone = "010 236 52 12"
    settings.contact_email = "training@example.org"
    settings.save()
    mine = place(day, professional)
    day.cancellation_deadline = timezone.now() - timedelta(hours=1)
    day.save()
    client.force_login(professional)
    url = reverse("bookings:cancel", args=[mine.pk])
    page = client.get(url).content.decode()
    assert "010 236 52 12" in page and "training@example.org" in page
    response = client.post(url)
    assert response.status_code == 403
    mine.refresh_from_db()
    assert mine.status == Status.CONFIRMED


def test_someone_elses_booking_cannot_be_cancelled(client, day, professional):
    other = place(day)
    client.force_login(professional)
    url = reverse("bookings:cancel", args=[other.pk])
    assert client.get(url).status_code == 404
    assert client.post(url).status_code == 404
    other.refresh_from_db()
    assert other.status == Status.CONFIRMED


def test_cancelling_needs_a_log_in(client, day):
    registration = place(day)
    response = client.post(reverse("bookings:cancel", args=[registration.pk]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


# --- The calendar file ---------------------------------------------------------


def ics(client, registration) -> Calendar:
    response = client.get(reverse("bookings:ics", args=[registration.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def events(calendar):
    return [(str(e["UID"]), int(e["SEQUENCE"])) for e in calendar.walk("VEVENT")]


def test_the_calendar_file_keeps_its_uid_through_promotion_and_cancelling(
    client, day, professional
):
    first, _ = place(day), place(day)
    mine = place(day, professional)
    client.force_login(professional)
    assert client.get(reverse("bookings:ics", args=[mine.pk])).status_code == 409  # waiting

    services.cancel_registration(first, by=first.user)
    promoted = ics(client, mine)
    ((uid, sequence),) = events(promoted)
    assert str(promoted["METHOD"]) == "REQUEST"
    assert uid.startswith(f"registration-{mine.pk}-session-")

    services.cancel_registration(Registration.objects.get(pk=mine.pk), by=professional)
    cancelled = ics(client, mine)
    assert str(cancelled["METHOD"]) == "CANCEL"
    assert events(cancelled) == [(uid, sequence + 1)]


def test_someone_elses_calendar_file_does_not_exist(client, day, professional):
    other = place(day)
    client.force_login(professional)
    assert client.get(reverse("bookings:ics", args=[other.pk])).status_code == 404


def test_the_calendar_file_needs_a_log_in(client, day):
    registration = place(day)
    response = client.get(reverse("bookings:ics", args=[registration.pk]))
    assert response.status_code == 302


# --- The agenda --------------------------------------------------------------


def test_the_agenda_lists_upcoming_open_days_with_seats_and_both_tariffs(
    client, day, training_course, rotterdam
):
    place(day), place(day)
    TrainingDayFactory(course=training_course, status=DayStatus.DRAFT)
    TrainingDayFactory(course=training_course, kind=DayKind.IN_COMPANY, organisation="X")
    TrainingDayFactory(course=training_course, sessions=[timezone.localdate() - timedelta(1)])
    response = client.get(reverse("bookings:agenda"))
    content = response.content.decode()
    assert response.status_code == 200
    assert content.count('class="essm-card essm-training-day"') == 1
    assert "Vol – wachtlijst" in content
    assert (
        "€\u00a045 als je werkt in een gemeente met een afspraak (zoals Rotterdam), "
        "anders €\u00a0195" in content
    )
    assert "Training jeugdprostitutie" in content
