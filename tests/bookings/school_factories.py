"""Factories and helpers for the school side's tests: fictional schools,
requests with classes (a label and a size, never a pupil) and, without the
coordinator's scheduling code, a proposal built directly from sessions with
two trainers."""

import re
from datetime import datetime, time, timedelta

import factory
from django.utils import timezone

from bookings.forms_schools import requestable_school_years
from bookings.models import Level, LocationKind, School, SchoolClass, SchoolLessonRequest, Topic
from lms.models import Municipality
from tests.factories import UserFactory
from tests.workshops.factories import SessionFactory, TrainerFactory
from workshops.choices import Programme
from workshops.models import Assignment

Status = SchoolLessonRequest.Status


class SchoolFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = School

    name = factory.Sequence(lambda n: f"Demo College {n}")
    address = "Voorbeeldstraat 12"
    postcode = "3011 AB"
    city = "Rotterdam"
    municipality = factory.LazyFunction(
        lambda: Municipality.objects.get_or_create(name="Rotterdam")[0]
    )
    location_kind = LocationKind.SECONDARY


class SchoolLessonRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SchoolLessonRequest

    school = factory.SubFactory(SchoolFactory)
    contact_name = "Sanne Jansen"
    contact_role = "Zorgcoördinator"
    contact_email = factory.Sequence(lambda n: f"school{n}@example.org")
    contact_phone = "010 000 00 00"
    level = Level.HAVO
    school_year = factory.LazyFunction(lambda: requestable_school_years()[0])
    preferred_weeks = [6, 7]
    day_parts = ["morning"]
    topics = [Topic.SEXTING, Topic.BOUNDARIES]
    language = "en"
    status = Status.REQUESTED
    confirmed_at = factory.LazyFunction(timezone.now)


class SchoolClassFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SchoolClass

    request = factory.SubFactory(SchoolLessonRequestFactory)
    label = factory.Sequence(lambda n: f"{n % 4 + 1}B")
    group_size = 25


def trainer(first_name: str, **kwargs):
    return TrainerFactory(
        user=UserFactory(first_name=first_name, last_name="Kwakkelstein", roles=["Trainers"]),
        programmes=[Programme.PREVENTION_LESSON],
        **kwargs,
    )


def schedule(school_class: SchoolClass, day, trainers, *, starts=time(10, 0)):
    """Give a class its 90-minute lesson at the school, with these trainers."""
    ends = (datetime.combine(day, starts) + timedelta(minutes=90)).time()
    session = SessionFactory(
        programme=Programme.PREVENTION_LESSON,
        date=day,
        starts_at_time=starts,
        ends_at_time=ends,
        venue=None,
        location=school_class.request.school.one_line,
    )
    for each in trainers:
        Assignment.objects.create(session=session, trainer=each)
    school_class.session = session
    school_class.save(update_fields=["session"])
    return session


def proposed_request(*, classes=2, days_ahead=20, expires_in=timedelta(days=14), **fields):
    """A request as the coordinators' side leaves it: each class a lesson with
    two trainers (Anouk and Bram), status proposed, an answer link."""
    request = SchoolLessonRequestFactory(
        status=Status.PROPOSED,
        answer_token=f"answer-{SchoolLessonRequest.objects.count() + 1}-token",
        answer_token_expires_at=timezone.now() + expires_in,
        **fields,
    )
    pair = [trainer("Anouk"), trainer("Bram")]
    day = timezone.localdate() + timedelta(days=days_ahead)
    day += timedelta(days=(1 - day.weekday()) % 7)  # a Tuesday
    for index in range(classes):
        school_class = SchoolClassFactory(request=request, label=f"{index + 2}B")
        schedule(school_class, day, pair, starts=time(9 + 2 * index, 0))
    return request


def link_in(message, pattern: str) -> str:
    """The path of the first link in a mail that contains `pattern`."""
    return re.search(r"http://testserver(/\S*" + pattern + r"\S*)", message.body).group(1)
