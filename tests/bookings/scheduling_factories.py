"""Schools, requests and classes for the scheduling tests (fictional names and
addresses only; a class is a label, a level and a size: nothing about pupils)."""

from datetime import date

from bookings.models import Level, LocationKind, School, SchoolClass, SchoolLessonRequest
from lms.models import Municipality
from tests.workshops.factories import TrainerFactory
from workshops.choices import Programme

Status = SchoolLessonRequest.Status

# Tuesday 5 March 2030: no public or school holiday, far from any clock change.
TUESDAY = date(2030, 3, 5)


def municipality(name="Rotterdam") -> Municipality:
    return Municipality.objects.get_or_create(name=name)[0]


def school(name="Demo College Noord", place="Rotterdam") -> School:
    return School.objects.create(
        name=name,
        address="Voorbeeldstraat 12",
        postcode="3011 AA",
        city=place,
        municipality=municipality(place),
        location_kind=LocationKind.SECONDARY,
    )


def lesson_request(
    status=Status.IN_REVIEW, *, classes=("2B",), of_school=None, level=Level.VMBO, **fields
) -> SchoolLessonRequest:
    request = SchoolLessonRequest.objects.create(
        school=of_school or school(),
        contact_name="Demo Contact",
        contact_role="Zorgcoördinator",
        contact_email="contact@example.org",
        contact_phone="000 000 00 00",
        level=level,
        school_year="2029-2030",
        status=status,
        **fields,
    )
    for label in classes:
        SchoolClass.objects.create(request=request, label=label, group_size=24)
    return request


def lesson_trainer(first_name="Sanne", region="Rotterdam", **fields):
    trainer = TrainerFactory(
        user__first_name=first_name,
        user__last_name="Demo",
        programmes=[Programme.PREVENTION_LESSON],
        **fields,
    )
    if region:
        trainer.regions.add(municipality(region))
        trainer.save()
    return trainer
