"""The school's answer to a proposal: a single-use, expiring link without
log-in; accept (confirmation with a calendar file) or ask for other dates."""

import threading
from datetime import timedelta

import pytest
from django.core import mail
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils.translation import override
from icalendar import Calendar
from wagtail.models import Site

from bookings import school_notifications, schools
from bookings.models import SchoolLessonRequest
from lms import roles
from lms.errors import Refused
from lms.models import SiteSettings
from tests.factories import UserFactory

from .school_factories import link_in, proposed_request

Status = SchoolLessonRequest.Status


def url(token, language="en"):
    with override(language):
        return reverse("bookings:school_proposal", args=[token])


@pytest.fixture
def coordinator_user(db):
    return UserFactory(email="coordinator@example.org", roles=[roles.COORDINATORS])


@pytest.fixture
def proposal(db):
    return proposed_request(school__name="Demo College Noord", contact_email="sanne@example.org")


def school_mails():
    return [message for message in mail.outbox if message.to == ["sanne@example.org"]]


def test_the_proposal_mail_gives_the_lessons_and_the_answer_link(proposal):
    school_notifications.send_proposal(proposal.pk)
    (message,) = mail.outbox
    assert message.to == ["sanne@example.org"]
    assert message.subject == "Proposed dates for your prevention lessons"
    assert "2B: " in message.body and "09:00–10:30" in message.body
    assert "trainers: Anouk, Bram" in message.body
    assert link_in(message, "/proposal/") == url(proposal.answer_token)


def test_the_page_shows_each_lesson_with_the_trainers_first_names_only(client, proposal):
    page = client.get(url(proposal.answer_token)).content.decode()
    assert "two trainers come to give it" in page
    assert "09:00–10:30" in page and "11:00–12:30" in page
    assert "Anouk, Bram" in page
    assert "Kwakkelstein" not in page  # the trainers' last name


def test_accepting_confirms_with_a_calendar_file_and_tells_the_coordinators(
    client, proposal, coordinator_user, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url(proposal.answer_token), {"action": "accept"})
    assert response.status_code == 200
    assert "The lessons are confirmed" in response.content.decode()
    proposal.refresh_from_db()
    assert (proposal.status, proposal.answer_token, proposal.ics_sequence) == (
        Status.CONFIRMED,
        "",
        1,
    )
    (confirmation,) = school_mails()
    assert confirmation.subject == "Your prevention lessons are confirmed"
    (coordinator_mail,) = [m for m in mail.outbox if m.to == ["coordinator@example.org"]]
    # Coordinators read their own language (Dutch), whatever the school wrote in.
    assert (
        coordinator_mail.subject == "Demo College Noord heeft de voorgestelde lessen geaccepteerd"
    )
    name, content, mimetype = confirmation.attachments[0]
    assert mimetype.startswith("text/calendar")
    events = Calendar.from_ical(content).walk("VEVENT")
    sessions = [school_class.session for school_class in proposal.classes.order_by("pk")]
    assert [str(event["UID"]) for event in events] == [
        f"school-lesson-{proposal.pk}-session-{session.pk}@testserver" for session in sessions
    ]
    assert [event.decoded("DTSTART") for event in events] == [s.starts_at for s in sessions]
    assert {int(event["SEQUENCE"]) for event in events} == {1}


def test_the_link_works_once(client, proposal):
    token = proposal.answer_token
    client.post(url(token), {"action": "accept"})
    assert client.get(url(token)).status_code == 404
    assert client.post(url(token), {"action": "other", "message": "Later"}).status_code == 404


def test_a_second_accept_is_refused_and_mails_nothing(proposal, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        schools.accept_proposal(proposal.answer_token)
    sent = len(mail.outbox)
    token = proposal.answer_token
    with pytest.raises(Refused) as refused, django_capture_on_commit_callbacks(execute=True):
        schools.accept_proposal(token)
    assert refused.value.status == 404
    assert len(mail.outbox) == sent


def test_asking_for_other_dates_goes_back_to_review_with_the_message(
    client, proposal, coordinator_user, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url(proposal.answer_token),
            {"action": "other", "message": "Liever in week 12, op dinsdagochtend."},
        )
    assert response.status_code == 200
    assert "A coordinator will look for other dates" in response.content.decode()
    proposal.refresh_from_db()
    assert (proposal.status, proposal.school_answer, proposal.answer_token) == (
        Status.IN_REVIEW,
        "Liever in week 12, op dinsdagochtend.",
        "",
    )
    (message,) = mail.outbox
    assert message.to == ["coordinator@example.org"]
    assert message.subject == "Demo College Noord vraagt om andere data"  # a Dutch coordinator
    assert "Liever in week 12, op dinsdagochtend." in message.body


def test_asking_for_other_dates_needs_a_message(client, proposal):
    response = client.post(url(proposal.answer_token), {"action": "other", "message": " "})
    assert response.status_code == 400
    assert "Tell us which dates or times would suit you better." in response.content.decode()
    proposal.refresh_from_db()
    assert proposal.status == Status.PROPOSED


def test_an_expired_link_says_to_contact_the_centre(client, homes):
    settings = SiteSettings.for_site(Site.objects.get())
    settings.contact_phone = "010 000 00 99"
    settings.contact_email = "lessen@example.org"
    settings.save()
    proposal = proposed_request(expires_in=-timedelta(minutes=1))
    for response in (
        client.get(url(proposal.answer_token)),
        client.post(url(proposal.answer_token), {"action": "accept"}),
    ):
        assert response.status_code == 410
        page = response.content.decode()
        assert "This link has expired" in page
        assert "010 000 00 99" in page and "lessen@example.org" in page
    proposal.refresh_from_db()
    assert proposal.status == Status.PROPOSED


def test_an_unknown_link_is_not_found(client, proposal):
    assert client.get(url("no-such-token")).status_code == 404


def test_a_link_of_a_request_no_longer_proposed_is_not_found(client, proposal):
    SchoolLessonRequest.objects.filter(pk=proposal.pk).update(status=Status.CANCELLED)
    assert client.get(url(proposal.answer_token)).status_code == 404


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_accepts_at_the_same_moment_confirm_once(require_postgres):
    proposal = proposed_request(contact_email="sanne@example.org")
    target = url(proposal.answer_token)
    barrier = threading.Barrier(2)
    statuses = []

    def click():
        try:
            barrier.wait(timeout=30)
            statuses.append(Client().post(target, {"action": "accept"}).status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=click) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert sorted(statuses) == [200, 404]
    proposal.refresh_from_db()
    assert (proposal.status, proposal.ics_sequence) == (Status.CONFIRMED, 1)
    assert [m.subject for m in school_mails()] == ["Your prevention lessons are confirmed"]
