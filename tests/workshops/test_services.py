"""Assigning trainers: the scheduling rules applied to what the database holds."""

import contextlib
import threading
from datetime import date, time, timedelta

import pytest
from django.db import connection
from django.utils import translation

from lms.errors import Refused
from tests.workshops.factories import (
    SessionFactory,
    TrainerFactory,
    TrainingDayFactory,
    VenueFactory,
)
from workshops import services
from workshops.choices import DayStatus, Programme
from workshops.models import Assignment, Unavailability

pytestmark = pytest.mark.django_db

DAY = date(2030, 3, 5)  # a Tuesday


@pytest.fixture(autouse=True)
def english():
    """The refusals are read in English here; test_translations checks the Dutch."""
    with translation.override("en"):
        yield


@pytest.fixture
def trainer():
    return TrainerFactory(
        user__first_name="Tarik", user__last_name="El Amrani", max_sessions_per_day=2
    )


@pytest.fixture
def centre():
    return VenueFactory(name="Expertisecentrum")


def session_at(start, end, venue, day=DAY, **fields):
    return SessionFactory(
        training_day=None, date=day, starts_at_time=start, ends_at_time=end, venue=venue, **fields
    )


def test_a_free_qualified_trainer_is_assigned(trainer, centre):
    session = session_at(time(9, 30), time(12, 30), centre)
    assignment = services.assign_trainer(session, trainer, by=None)
    assert list(session.trainers.all()) == [trainer]
    assert assignment.session == session


def test_assigning_twice_keeps_one_assignment(trainer, centre):
    session = session_at(time(9, 30), time(12, 30), centre)
    services.assign_trainer(session, trainer)
    services.assign_trainer(session, trainer)
    assert Assignment.objects.count() == 1


def test_a_trainer_without_the_qualification_is_refused(centre):
    trainer = TrainerFactory(programmes=[Programme.GIRLS_TALK], user__first_name="Sara")
    session = session_at(time(9, 30), time(12, 30), centre)
    with pytest.raises(Refused) as refused:
        services.assign_trainer(session, trainer)
    assert refused.value.status == 409
    assert "Sara" in refused.value.message and "not qualified" in refused.value.message
    assert not Assignment.objects.exists()


def test_an_unavailable_trainer_is_refused(trainer, centre):
    Unavailability.objects.create(trainer=trainer, starts_on=DAY, ends_on=DAY + timedelta(3))
    with pytest.raises(Refused, match="unavailable"):
        services.assign_trainer(session_at(time(9, 30), time(12, 30), centre), trainer)


def test_a_double_booked_trainer_is_refused_naming_the_other_session(trainer, centre):
    services.assign_trainer(session_at(time(9, 30), time(12, 30), centre), trainer)
    with pytest.raises(Refused) as refused:
        services.assign_trainer(session_at(time(12, 0), time(14, 0), centre), trainer)
    assert refused.value.status == 409
    assert "09:30" in refused.value.message and "12:30" in refused.value.message
    assert Assignment.objects.count() == 1


def test_touching_sessions_at_the_same_venue_are_fine(trainer, centre):
    services.assign_trainer(session_at(time(9, 30), time(12, 30), centre), trainer)
    services.assign_trainer(session_at(time(12, 30), time(14, 0), centre), trainer)
    assert Assignment.objects.count() == 2


def test_too_little_travel_time_to_another_venue_is_refused(trainer, centre):
    school = VenueFactory(name="Een school")
    services.assign_trainer(session_at(time(9, 30), time(11, 0), centre), trainer)
    with pytest.raises(Refused, match="travel time"):
        services.assign_trainer(session_at(time(11, 30), time(13, 0), school), trainer)
    services.assign_trainer(session_at(time(11, 45), time(13, 0), school), trainer)
    assert Assignment.objects.count() == 2


def test_the_daily_maximum_is_kept(trainer, centre):
    services.assign_trainer(session_at(time(8, 0), time(9, 0), centre), trainer)
    services.assign_trainer(session_at(time(10, 0), time(11, 0), centre), trainer)
    with pytest.raises(Refused, match="maximum of 2 sessions"):
        services.assign_trainer(session_at(time(13, 0), time(14, 0), centre), trainer)


def test_the_weekly_maximum_is_kept(centre):
    trainer = TrainerFactory(max_sessions_per_week=2)
    services.assign_trainer(session_at(time(9, 0), time(10, 0), centre, DAY), trainer)
    services.assign_trainer(
        session_at(time(9, 0), time(10, 0), centre, DAY + timedelta(1)), trainer
    )
    with pytest.raises(Refused, match="in that week"):
        services.assign_trainer(
            session_at(time(9, 0), time(10, 0), centre, DAY + timedelta(2)), trainer
        )
    # The next week is free again.
    services.assign_trainer(
        session_at(time(9, 0), time(10, 0), centre, DAY + timedelta(7)), trainer
    )


def test_a_session_of_a_cancelled_day_frees_the_trainer(trainer, centre, training_course):
    cancelled = TrainingDayFactory(
        course=training_course, status=DayStatus.CANCELLED, sessions=[DAY]
    )
    services.assign_trainer(cancelled.sessions.get(), trainer)
    other = session_at(time(9, 30), time(16, 30), centre)
    services.assign_trainer(other, trainer)
    assert Assignment.objects.filter(session=other).exists()


def test_an_inactive_trainer_is_refused(centre):
    trainer = TrainerFactory(active=False)
    with pytest.raises(Refused, match="not active"):
        services.assign_trainer(session_at(time(9, 30), time(12, 30), centre), trainer)


def test_unassigning_frees_the_slot(trainer, centre):
    first = session_at(time(9, 30), time(12, 30), centre)
    services.assign_trainer(first, trainer)
    services.unassign_trainer(first, trainer)
    assert not Assignment.objects.exists()
    with pytest.raises(Refused, match="not assigned"):
        services.unassign_trainer(first, trainer)
    services.assign_trainer(session_at(time(10, 0), time(12, 0), centre), trainer)


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_coordinators_assigning_one_trainer_at_once_give_one_assignment(
    require_postgres, monkeypatch
):
    trainer = TrainerFactory()
    centre = VenueFactory()
    first = session_at(time(9, 30), time(12, 30), centre)
    second = session_at(time(11, 0), time(13, 0), centre)
    # Both wait for each other just before they read the trainer's sessions:
    # without the trainer's lock both would see none and both would write.
    meeting = threading.Barrier(2, timeout=3)
    original = services.availability_of

    def meet_then_read(*args, **kwargs):
        # Broken: the other one waits on the trainer's lock, as it should.
        with contextlib.suppress(threading.BrokenBarrierError):
            meeting.wait()
        return original(*args, **kwargs)

    monkeypatch.setattr(services, "availability_of", meet_then_read)
    results, errors = [], []

    def assign(session):
        try:
            results.append(services.assign_trainer(session, trainer))
        except Refused as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=assign, args=(s,)) for s in (first, second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert Assignment.objects.filter(trainer=trainer).count() == 1
    assert len(results) == 1
    assert len(errors) == 1 and errors[0].status == 409
