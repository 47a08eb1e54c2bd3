"""The mails of training days and their calendar files, parsed back with
icalendar: confirmations, promotions and reminders ask to add the event
(METHOD:REQUEST), cancellations remove it (METHOD:CANCEL, same UID, higher
SEQUENCE). And the beat tasks: each sends once, however often it runs."""

from datetime import time, timedelta

import pytest
from django.core import mail
from django.utils import timezone
from icalendar import Calendar

from bookings import beat, services
from bookings.models import Registration
from lms import roles
from lms.errors import Refused
from tests.factories import UserFactory
from tests.workshops.factories import SessionFactory, TrainingDayFactory
from workshops.choices import DayStatus

Status = Registration.Status


def calendar_of(message) -> Calendar:
    (attachment,) = [a for a in message.attachments if a[0].endswith(".ics")]
    return Calendar.from_ical(attachment[1])


def events(calendar: Calendar):
    return list(calendar.walk("VEVENT"))


def book(day, user=None):
    return services.book_place(day, user or UserFactory(), organisation="Wijkteam Noord")


@pytest.fixture
def two_session_day(training_course):
    first = timezone.localdate() + timedelta(10)
    day = TrainingDayFactory(course=training_course, capacity=1, sessions=[first])
    SessionFactory(
        training_day=day,
        date=first + timedelta(7),
        starts_at_time=time(13, 0),
        ends_at_time=time(17, 0),
    )
    return day


# --- Calendar files ----------------------------------------------------------------


def test_the_confirmation_asks_to_add_one_event_per_session_at_the_right_time(
    two_session_day, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        book(two_session_day)
    calendar = calendar_of(mail.outbox[0])
    assert calendar["METHOD"] == "REQUEST"
    found = [(e.decoded("DTSTART"), e.decoded("DTEND")) for e in events(calendar)]
    expected = [(s.starts_at, s.ends_at) for s in two_session_day.sessions.all()]
    assert found == expected
    assert all(start.tzinfo is not None and end.tzinfo is not None for start, end in found)


def test_cancelling_removes_the_same_events_with_a_higher_sequence(
    two_session_day, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        registration = book(two_session_day)
    with django_capture_on_commit_callbacks(execute=True):
        services.cancel_registration(registration, by=registration.user)
    booked, cancelled = (calendar_of(m) for m in mail.outbox)
    assert cancelled["METHOD"] == "CANCEL"
    assert [e["UID"] for e in events(cancelled)] == [e["UID"] for e in events(booked)]
    assert all(
        c["SEQUENCE"] > b["SEQUENCE"]
        for b, c in zip(events(booked), events(cancelled), strict=True)
    )


def test_a_promotion_asks_to_add_the_event(two_session_day, django_capture_on_commit_callbacks):
    first = book(two_session_day)
    waiting = book(two_session_day)
    with django_capture_on_commit_callbacks(execute=True):
        services.cancel_registration(first, by=first.user)
    (promotion,) = [m for m in mail.outbox if m.to == [waiting.user.email]]
    calendar = calendar_of(promotion)
    assert calendar["METHOD"] == "REQUEST"
    assert {e["SEQUENCE"] for e in events(calendar)} == {1}


# --- Reminders ---------------------------------------------------------------------


@pytest.fixture
def soon(training_course):
    return TrainingDayFactory(
        course=training_course, capacity=2, sessions=[timezone.localdate() + timedelta(3)]
    )


def test_a_reminder_goes_once_to_each_confirmed_participant(
    soon, django_capture_on_commit_callbacks
):
    english = UserFactory(language="en")
    confirmed = [book(soon, english), book(soon)]
    book(soon)  # on the waiting list: no reminder
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert beat.remind_participants() == 2
        assert beat.remind_participants() == 0
    assert sorted(m.to[0] for m in mail.outbox) == sorted(r.user.email for r in confirmed)
    (to_english,) = [m for m in mail.outbox if m.to == [english.email]]
    assert to_english.subject == "Reminder: Training jeugdprostitutie"
    assert calendar_of(to_english)["METHOD"] == "REQUEST"
    assert all(r.reminded_at for r in Registration.objects.filter(status=Status.CONFIRMED))


def test_no_reminder_for_days_further_away_or_cancelled(training_course):
    later = TrainingDayFactory(
        course=training_course, sessions=[timezone.localdate() + timedelta(4)]
    )
    book(later)
    cancelled = TrainingDayFactory(
        course=training_course, sessions=[timezone.localdate() + timedelta(2)]
    )
    book(cancelled)
    TrainingDayFactory._meta.model.objects.filter(pk=cancelled.pk).update(
        status=DayStatus.CANCELLED
    )
    mail.outbox.clear()
    assert beat.remind_participants() == 0
    assert mail.outbox == []


# --- The centre cancels a day --------------------------------------------------------


def test_cancelling_a_day_cancels_everyone_without_promotion_and_tells_them(
    two_session_day, django_capture_on_commit_callbacks
):
    coordinator = UserFactory(roles=[roles.COORDINATORS])
    with django_capture_on_commit_callbacks(execute=True):
        confirmed, waiting = book(two_session_day), book(two_session_day)
    booked_uids = [e["UID"] for e in events(calendar_of(mail.outbox[0]))]
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.cancel_training_day(two_session_day, by=coordinator, reason="De trainer is ziek.")
    two_session_day.refresh_from_db()
    assert two_session_day.status == DayStatus.CANCELLED
    assert set(Registration.objects.values_list("status", flat=True)) == {Status.CANCELLED}
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [confirmed.user.email, waiting.user.email]
    )
    to_confirmed = next(m for m in mail.outbox if m.to == [confirmed.user.email])
    assert "De trainer is ziek." in to_confirmed.body
    calendar = calendar_of(to_confirmed)
    assert calendar["METHOD"] == "CANCEL"
    assert [e["UID"] for e in events(calendar)] == booked_uids
    assert {e["SEQUENCE"] for e in events(calendar)} == {1}


def test_a_day_is_cancelled_once(day):
    coordinator = UserFactory(roles=[roles.COORDINATORS])
    services.cancel_training_day(day, by=coordinator)
    with pytest.raises(Refused) as refused:
        services.cancel_training_day(day, by=coordinator)
    assert refused.value.status == 409


def test_a_cancelled_day_can_no_longer_be_booked(day):
    services.cancel_training_day(day, by=UserFactory())
    with pytest.raises(Refused):
        book(day)


# --- The minimum-participants warning ----------------------------------------------


@pytest.fixture
def below_minimum(training_course):
    day = TrainingDayFactory(course=training_course, capacity=10, min_participants=3)
    day.decision_date = timezone.localdate()
    day.save()
    book(day)
    return day


def test_coordinators_are_warned_once_when_the_minimum_is_not_reached(
    below_minimum, django_capture_on_commit_callbacks
):
    coordinator = UserFactory(roles=[roles.COORDINATORS], language="en")
    UserFactory(roles=[roles.EDITORS])
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert beat.warn_coordinators_below_minimum() == 1
        assert beat.warn_coordinators_below_minimum() == 0
    (message,) = mail.outbox
    assert message.to == [coordinator.email]
    assert message.subject == "Too few participants: Training jeugdprostitutie"
    assert "only 1 of the minimum 3 participants" in message.body
    assert f"/admin/workshops/trainingday/edit/{below_minimum.pk}/" in message.body
    below_minimum.refresh_from_db()
    assert below_minimum.minimum_warning_sent_at is not None


def test_no_warning_before_the_decision_date_or_with_enough_participants(below_minimum):
    UserFactory(roles=[roles.COORDINATORS])
    below_minimum.decision_date = timezone.localdate() + timedelta(1)
    below_minimum.save()
    assert beat.warn_coordinators_below_minimum() == 0
    below_minimum.decision_date = timezone.localdate() - timedelta(1)
    below_minimum.min_participants = 1
    below_minimum.save()
    mail.outbox.clear()
    assert beat.warn_coordinators_below_minimum() == 0
    assert mail.outbox == []
