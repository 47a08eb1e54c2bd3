"""Pair suggestions from what the database holds, in a constant number of
queries whatever the number of trainers and sessions."""

from datetime import time, timedelta

import pytest
from django.utils import timezone

from tests.bookings.scheduling_factories import TUESDAY, lesson_trainer, municipality
from tests.workshops.factories import SessionFactory, TrainerFactory, VenueFactory
from workshops import services
from workshops.choices import Programme
from workshops.models import Assignment, Unavailability
from workshops.suggestions import TrainerCalendar, Wanted, suggest

pytestmark = pytest.mark.django_db

SCHOOL = "Demo College Noord, Voorbeeldstraat 12, 3011 AA Rotterdam"
LESSON = Wanted(TUESDAY, time(10, 0), time(11, 30), SCHOOL)


def busy(trainer, start, end, day=TUESDAY, **fields):
    session = SessionFactory(
        training_day=None, date=day, starts_at_time=start, ends_at_time=end, **fields
    )
    Assignment.objects.create(session=session, trainer=trainer)
    return session


def names(pairs):
    return [(pair.first.name, pair.second.name) for pair in pairs]


def test_the_least_loaded_pair_in_the_region_comes_first():
    anna, bram, cem = (lesson_trainer(name) for name in ("Anna", "Bram", "Cem"))
    busy(anna, time(9, 0), time(10, 0), day=TUESDAY + timedelta(days=7))
    [pairs] = suggest([LESSON], region=municipality("Rotterdam").pk)
    assert names(pairs)[0] == ("Bram Demo", "Cem Demo")
    assert len(pairs) == 3


def test_a_trainer_outside_the_region_comes_with_a_warning():
    lesson_trainer("Anna")
    lesson_trainer("Bram", region="Schiedam")
    [pairs] = suggest([LESSON], region=municipality("Rotterdam").pk)
    assert [reason for _id, reason in pairs[0].warnings] == ["outside_region"]


def test_a_busy_unavailable_or_unqualified_trainer_is_not_suggested():
    anna, bram, cem, dirk = (lesson_trainer(name) for name in ("Anna", "Bram", "Cem", "Dirk"))
    busy(anna, time(11, 0), time(12, 0), venue=VenueFactory())
    Unavailability.objects.create(trainer=bram, starts_on=TUESDAY, ends_on=TUESDAY)
    TrainerFactory(user__first_name="Eva", programmes=[Programme.GIRLS_TALK])
    [pairs] = suggest([LESSON], region=None)
    assert names(pairs) == [("Cem Demo", "Dirk Demo")]


def test_a_cancelled_session_does_not_make_a_trainer_busy():
    anna = lesson_trainer("Anna")
    lesson_trainer("Bram")
    session = busy(anna, time(10, 0), time(11, 30), venue=VenueFactory())
    session.cancelled_at = timezone.now()
    session.save()
    [pairs] = suggest([LESSON], region=None)
    assert names(pairs) == [("Anna Demo", "Bram Demo")]


def test_the_lesson_being_moved_does_not_clash_with_itself():
    anna, bram = lesson_trainer("Anna"), lesson_trainer("Bram")
    moving = busy(anna, time(10, 0), time(11, 30), location=SCHOOL, venue=None)
    Assignment.objects.create(session=moving, trainer=bram)
    assert suggest([LESSON], region=None) == [[]]
    [pairs] = suggest([LESSON], region=None, exclude_sessions=[moving.pk])
    assert names(pairs) == [("Anna Demo", "Bram Demo")]


def _populate(trainers: int, sessions_each: int):
    venue = VenueFactory()
    for n in range(trainers):
        trainer = lesson_trainer(f"T{n}", region="Rotterdam" if n % 2 else "Schiedam")
        Unavailability.objects.create(
            trainer=trainer, starts_on=TUESDAY + timedelta(days=n), ends_on=TUESDAY
        )
        for s in range(sessions_each):
            busy(trainer, time(7, 0), time(8, 0), day=TUESDAY - timedelta(days=s), venue=venue)


@pytest.mark.parametrize("trainers,sessions_each", [(3, 1), (12, 4)])
def test_suggestions_take_the_same_queries_for_few_or_many(
    trainers, sessions_each, django_assert_max_num_queries
):
    _populate(trainers, sessions_each)
    wanted = [LESSON, Wanted(TUESDAY + timedelta(days=1), time(13, 0), time(14, 30), SCHOOL)]
    region = municipality("Rotterdam").pk
    with django_assert_max_num_queries(6):
        result = suggest(wanted, region=region)
    assert len(result) == 2 and all(result)


def test_the_calendar_counts_the_load_of_the_lesson_month():
    anna = lesson_trainer("Anna")
    busy(anna, time(9, 0), time(10, 0), day=TUESDAY.replace(day=1), venue=VenueFactory())
    busy(anna, time(9, 0), time(10, 0), day=TUESDAY.replace(day=28), venue=VenueFactory())
    busy(anna, time(9, 0), time(10, 0), day=TUESDAY + timedelta(days=30), venue=VenueFactory())
    calendar = TrainerCalendar.load([TUESDAY])
    assert calendar.load_in_month(anna.pk, TUESDAY) == 2


def test_assigning_a_trainer_ignores_their_cancelled_sessions():
    anna = lesson_trainer("Anna")
    cancelled = busy(anna, time(10, 0), time(11, 30), venue=VenueFactory())
    cancelled.cancelled_at = timezone.now()
    cancelled.save()
    lesson = SessionFactory(
        training_day=None,
        programme=Programme.PREVENTION_LESSON,
        date=TUESDAY,
        starts_at_time=time(10, 0),
        ends_at_time=time(11, 30),
        venue=None,
        location=SCHOOL,
    )
    services.assign_trainer(lesson, anna)
    assert list(lesson.trainers.all()) == [anna]
