"""Seats are never oversold: hundreds of people booking (and cancelling) one
training day at the same moment, on PostgreSQL with real threads, each with its
own database connection.

All threads are released together by a barrier. PostgreSQL's default allows
100 connections, shared with other test runs on the machine, so at most
AT_ONCE threads hold a connection at a time; each closes it when done. That is
still far more contention than the day's single row lock can serve at once:
every booking waits on the others."""

import random
import threading

import pytest
from django.db import connection

from bookings import services
from bookings.models import Registration
from lms.models import User
from tests.workshops.factories import TrainingDayFactory
from workshops.choices import DayStatus

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

Status = Registration.Status
PEOPLE = 200
AT_ONCE = 40
ROUNDS = 3


def people(count: int, prefix: str = "p") -> list[User]:
    return User.objects.bulk_create(
        User(username=f"{prefix}{n}", email=f"{prefix}{n}@example.org") for n in range(count)
    )


def all_at_once(steps) -> list[Exception]:
    """Run every step in its own thread, released together; the errors raised."""
    barrier = threading.Barrier(len(steps))
    gate = threading.BoundedSemaphore(AT_ONCE)
    errors = []

    def run(step):
        try:
            barrier.wait(timeout=60)
            with gate:
                try:
                    step()
                finally:
                    connection.close()
        except Exception as error:  # the test reports it
            errors.append(error)

    threads = [threading.Thread(target=run, args=(step,)) for step in steps]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not any(thread.is_alive() for thread in threads), "a booking never finished"
    return errors


def booking(day, user):
    return lambda: services.book_place(day, user, organisation="Wijkteam")


def outcome(day) -> tuple[int, list[int]]:
    """Confirmed places and the waiting list's positions, in order."""
    registrations = Registration.objects.filter(training_day=day)
    confirmed = registrations.filter(status=Status.CONFIRMED).count()
    positions = sorted(
        registrations.filter(status=Status.WAITLISTED).values_list("waitlist_position", flat=True)
    )
    return confirmed, positions


def test_two_hundred_people_booking_twenty_seats_at_once(require_postgres, training_course):
    everyone = people(PEOPLE)
    for _round in range(ROUNDS):
        day = TrainingDayFactory(course=training_course, capacity=20)

        errors = all_at_once([booking(day, user) for user in everyone])

        assert errors == []
        assert outcome(day) == (20, list(range(1, 181)))
        assert Registration.objects.filter(training_day=day).count() == PEOPLE
        day.refresh_from_db()
        assert day.status == DayStatus.FULL


def test_two_hundred_people_booking_the_last_seat_at_once(require_postgres, training_course):
    day = TrainingDayFactory(course=training_course, capacity=1)

    errors = all_at_once([booking(day, user) for user in people(PEOPLE)])

    assert errors == []
    assert outcome(day) == (1, list(range(1, PEOPLE)))


def test_cancelling_and_booking_at_once_keeps_the_seats_and_the_queue_whole(
    require_postgres, training_course
):
    day = TrainingDayFactory(course=training_course, capacity=20)
    first = people(60, "first")
    for user in first:
        services.book_place(day, user, organisation="Wijkteam")
    leaving = random.Random(12).sample(list(Registration.objects.filter(training_day=day)), 30)
    cancels = [
        (lambda r=registration: services.cancel_registration(r, by=r.user))
        for registration in leaving
    ]
    bookings = [booking(day, user) for user in people(100, "second")]
    steps = cancels + bookings
    random.Random(7).shuffle(steps)

    errors = all_at_once(steps)

    assert errors == []
    # 60 - 30 + 100 people still in: 20 with a place, the rest queued 1..110.
    assert outcome(day) == (20, list(range(1, 111)))
    cancelled = Registration.objects.filter(training_day=day, status=Status.CANCELLED)
    assert sorted(cancelled.values_list("pk", flat=True)) == sorted(r.pk for r in leaving)
