"""Factories for the calendar: venues, trainers, training days and sessions."""

from datetime import time, timedelta

import factory
from django.utils import timezone

from tests.factories import UserFactory
from workshops.choices import DayKind, DayStatus, Programme
from workshops.models import Qualification, Session, Trainer, TrainingDay, Venue


class VenueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Venue

    name = "Expertisecentrum"
    address = "Voorbeeldstraat 1"
    city = "Rotterdam"


class TrainerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Trainer
        skip_postgeneration_save = True

    user = factory.SubFactory(UserFactory, roles=["Trainers"])

    @factory.post_generation
    def programmes(obj, create, extracted, **kwargs):
        if create:
            for programme in extracted if extracted is not None else [Programme.TRAINING_DAY]:
                Qualification.objects.create(trainer=obj, programme=programme)


class TrainingDayFactory(factory.django.DjangoModelFactory):
    """A published open day in two weeks with one session from 9:30 to 16:30."""

    class Meta:
        model = TrainingDay
        skip_postgeneration_save = True

    kind = DayKind.OPEN
    status = DayStatus.PUBLISHED
    capacity = 12
    price_standard = "195.00"
    price_reduced = "45.00"

    @factory.post_generation
    def sessions(obj, create, extracted, **kwargs):
        if not create:
            return
        for day in extracted if extracted is not None else [timezone.localdate() + timedelta(14)]:
            SessionFactory(training_day=obj, date=day)


class SessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Session

    date = factory.LazyFunction(lambda: timezone.localdate() + timedelta(14))
    starts_at_time = time(9, 30)
    ends_at_time = time(16, 30)
    venue = factory.SubFactory(VenueFactory)
