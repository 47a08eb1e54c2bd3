"""Booking, the waiting list and cancelling, through the services."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from bookings import services
from bookings.models import Registration
from lms.errors import Refused
from tests.factories import UserFactory
from workshops.choices import DayStatus

Status = Registration.Status


def book(day, user=None, **kwargs):
    kwargs.setdefault("organisation", "Jeugdzorg Rijnmond")
    return services.book_place(day, user or UserFactory(), **kwargs)


def test_booking_while_seats_remain_confirms_the_place(day):
    registration = book(day)
    assert registration.status == Status.CONFIRMED
    assert services.seats(day).left == 1


def test_booking_a_full_day_puts_people_on_the_waiting_list_in_order(day):
    book(day), book(day)
    third, fourth = book(day), book(day)
    assert (third.status, third.waitlist_position) == (Status.WAITLISTED, 1)
    assert (fourth.status, fourth.waitlist_position) == (Status.WAITLISTED, 2)
    day.refresh_from_db()
    assert day.status == DayStatus.FULL


def test_a_person_books_a_day_only_once(day):
    user = UserFactory()
    book(day, user)
    with pytest.raises(Refused) as refused:
        book(day, user)
    assert refused.value.status == 409
    assert Registration.objects.filter(user=user).count() == 1


def test_cancelling_promotes_the_first_waitlisted_and_mails_them(
    day, django_capture_on_commit_callbacks
):
    first, _ = book(day), book(day)
    waiting, behind = book(day), book(day)
    with django_capture_on_commit_callbacks(execute=True):
        services.cancel_registration(first, by=first.user)
    waiting.refresh_from_db(), behind.refresh_from_db()
    assert (waiting.status, waiting.waitlist_position) == (Status.CONFIRMED, None)
    assert (behind.status, behind.waitlist_position) == (Status.WAITLISTED, 1)
    assert sorted(m.to[0] for m in mail.outbox) == sorted([first.user.email, waiting.user.email])


def test_cancelling_after_the_deadline_is_refused(day):
    day.cancellation_deadline = timezone.now() - timedelta(hours=1)
    day.save()
    registration = book(day)
    with pytest.raises(Refused) as refused:
        services.cancel_registration(registration, by=registration.user)
    assert refused.value.status == 403
    registration.refresh_from_db()
    assert registration.status == Status.CONFIRMED


def test_the_price_follows_the_municipality_agreement(day, rotterdam, schiedam):
    assert str(book(day, municipality=rotterdam).price) == "45.00"
    assert str(book(day, municipality=schiedam).price) == "195.00"


def test_the_confirmation_carries_a_calendar_file(day, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        registration = book(day)
    (message,) = mail.outbox
    (name, content, mimetype) = message.attachments[0]
    assert message.to == [registration.user.email]
    assert mimetype.startswith("text/calendar")
    assert "METHOD:REQUEST" in content
