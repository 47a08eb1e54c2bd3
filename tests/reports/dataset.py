"""A small data set with known figures for 2025, in Rotterdam, Schiedam and
without a municipality, with rows just outside the year and rows that must
not count (absent, cancelled, revoked, only proposed). The expected numbers
are written next to the rows that make them, and in the tests."""

import itertools
from datetime import date, datetime, time
from types import SimpleNamespace

from django.utils import timezone

from bookings.models import (
    Attendance,
    LessonEvaluation,
    Registration,
    SchoolLessonRequest,
)
from certificates.models import Certificate
from courses.choices import Format
from courses.models import Enrollment
from lms.models import Municipality
from tests.bookings.school_factories import SchoolClassFactory, SchoolFactory
from tests.bookings.school_factories import SchoolLessonRequestFactory as RequestFactory
from tests.factories import CourseIndexPageFactory, CoursePageFactory, UserFactory
from tests.workshops.factories import SessionFactory, TrainingDayFactory
from workshops.choices import DayStatus, Programme
from workshops.models import ProgrammeGroup

Status = SchoolLessonRequest.Status
NUMBERS = itertools.count(1)


def moment(day: date, at: time = time(12, 0)) -> datetime:
    return timezone.make_aware(datetime.combine(day, at))


def person(profile=None):
    """A professional whose name and address must never show in the figures."""
    return UserFactory(
        first_name="Geheim",
        last_name="Verborgen",
        email=f"verborgen{next(NUMBERS)}@example.org",
        municipality=profile,
    )


def book(day, user, *, booked_in=None):
    return Registration.objects.create(
        training_day=day,
        user=user,
        status=Registration.Status.CONFIRMED,
        municipality=booked_in,
        tariff="standard",
    )


def attend(day, user, status, *, booked_in=None, sessions=None):
    registration = book(day, user, booked_in=booked_in)
    for session in day.sessions.all() if sessions is None else sessions:
        Attendance.objects.create(registration=registration, session=session, status=status)
    return registration


def waitlist(day, user, *, booked_in=None, position=1):
    return Registration.objects.create(
        training_day=day,
        user=user,
        status=Registration.Status.WAITLISTED,
        waitlist_position=position,
        municipality=booked_in,
        tariff="standard",
    )


def complete(user, course, when: datetime | None):
    enrollment = Enrollment.objects.create(user=user, course_key=course.translation_key)
    Enrollment.objects.filter(pk=enrollment.pk).update(completed_at=when)


def certificate(user, issued_on, *, key, status=Certificate.Status.READY, kind="course"):
    return Certificate.objects.create(
        recipient=user,
        recipient_name="Naam Onbekend",
        kind=kind,
        subject_key=key,
        subject_title="Titel",
        issued_on=issued_on,
        status=status,
    )


def lesson(request, day, size, *, cancelled=False):
    session = SessionFactory(
        programme=Programme.PREVENTION_LESSON,
        date=day,
        starts_at_time=time(10, 0),
        ends_at_time=time(11, 30),
        venue=None,
        cancelled_at=moment(day) if cancelled else None,
    )
    return SchoolClassFactory(request=request, group_size=size, session=session)


def evaluate(request, created: datetime, content, trainers, fit):
    evaluation = LessonEvaluation.objects.create(
        request=request, content_rating=content, trainers_rating=trainers, fit_rating=fit
    )
    LessonEvaluation.objects.filter(pk=evaluation.pk).update(created_at=created)


def meeting(group, day, count, *, cancelled=False):
    return SessionFactory(
        programme=group.programme,
        group=group,
        date=day,
        starts_at_time=time(15, 30),
        ends_at_time=time(17, 0),
        venue=None,
        participant_count=count,
        cancelled_at=moment(day) if cancelled else None,
    )


def build(homes) -> SimpleNamespace:
    rotterdam = Municipality.objects.get_or_create(name="Rotterdam")[0]
    schiedam = Municipality.objects.get_or_create(name="Schiedam")[0]
    catalogue = CourseIndexPageFactory(parent=homes["nl"])
    training = CoursePageFactory(
        parent=catalogue, title="Training jeugdprostitutie", format=Format.TRAINING_DAY
    )
    elearning = CoursePageFactory(parent=catalogue, title="Signalen herkennen")

    u1, u2, u3, u4, u5 = person(rotterdam), person(schiedam), person(), person(rotterdam), person()
    # Training days of 2025: u1 (R), u2 (S by profile), u4 (S by booking), u5 (none).
    day_a = TrainingDayFactory(
        course=training, status=DayStatus.COMPLETED, sessions=[date(2025, 3, 10)]
    )
    attend(day_a, u1, "present", booked_in=rotterdam)
    attend(day_a, u2, "late")
    attend(day_a, u3, "absent", booked_in=rotterdam)
    attend(day_a, u4, "present", booked_in=schiedam)
    day_b = TrainingDayFactory(
        course=training, status=DayStatus.COMPLETED, sessions=[date(2025, 6, 30), date(2025, 7, 1)]
    )
    attend(day_b, u1, "present", booked_in=rotterdam)
    attend(day_b, u5, "present", sessions=day_b.sessions.filter(date=date(2025, 7, 1)))
    # Outside the year, or on a cancelled day: never counted.
    u6 = person(rotterdam)
    for when in (date(2024, 12, 31), date(2026, 1, 1)):
        attend(TrainingDayFactory(course=training, sessions=[when]), u6, "present")
    cancelled_day = TrainingDayFactory(
        course=training, status=DayStatus.CANCELLED, sessions=[date(2025, 5, 5)]
    )
    attend(cancelled_day, person(rotterdam), "present")
    # The waiting list of a day in September: one for R (booking), one for S (profile).
    full = TrainingDayFactory(course=training, capacity=1, sessions=[date(2025, 9, 15)])
    book(full, person(rotterdam))
    waitlist(full, person(), booked_in=rotterdam, position=1)
    waitlist(full, person(schiedam), position=2)
    waitlist(TrainingDayFactory(course=training, sessions=[date(2026, 2, 1)]), person(rotterdam))

    # E-learning: u1 (R) on the first minutes of the year, u12 (S) on its last.
    u12 = person(schiedam)
    complete(u1, elearning, moment(date(2025, 1, 1), time(0, 30)))
    complete(u12, elearning, moment(date(2025, 12, 31), time(23, 30)))
    complete(person(rotterdam), elearning, moment(date(2026, 1, 1), time(0, 10)))
    complete(person(rotterdam), elearning, None)

    # Certificates: two for the e-learning, one for day A; revoked and 2026 not counted.
    certificate(u1, date(2025, 1, 1), key=elearning.translation_key)
    certificate(u2, date(2025, 3, 10), key=day_a.key, kind="workshop")
    certificate(u4, date(2025, 4, 1), key=day_a.key, status="revoked", kind="workshop")
    certificate(u12, date(2025, 12, 31), key=elearning.translation_key, status="pending")
    certificate(u1, date(2026, 1, 1), key=elearning.translation_key)

    # School lessons: R gives 2 (20 + 18 pupils, 2 schools), S 1 (30 pupils).
    noord = SchoolFactory(name="Demo College Noord", municipality=rotterdam)
    zuid = SchoolFactory(name="Demo Lyceum Zuid", municipality=schiedam)
    oost = SchoolFactory(name="Demo School Oost", municipality=rotterdam)
    delivered = RequestFactory(school=noord, status=Status.DELIVERED)
    lesson(delivered, date(2025, 2, 10), 20)
    lesson(delivered, date(2025, 2, 11), 25, cancelled=True)
    evaluated = RequestFactory(school=zuid, status=Status.EVALUATED)
    lesson(evaluated, date(2025, 12, 31), 30)
    lesson(RequestFactory(school=noord, status=Status.PROPOSED), date(2025, 5, 5), 22)
    confirmed = RequestFactory(school=oost, status=Status.CONFIRMED)
    lesson(confirmed, date(2025, 11, 3), 18)
    lesson(RequestFactory(school=noord, status=Status.DELIVERED), date(2024, 12, 31), 10)
    # Evaluations: R 4/5/5, S 5/4/3; the one of 2026 not counted.
    evaluate(delivered, moment(date(2025, 3, 1)), 4, 5, 5)
    evaluate(evaluated, moment(date(2025, 6, 15)), 5, 4, 3)
    evaluate(confirmed, moment(date(2026, 1, 1), time(0, 0, 30)), 1, 1, 1)

    # Group programmes: Girls' Talk in R (3 meetings, 15 counted, one not yet),
    # Make a Move without a municipality (1 meeting, 6).
    girls = ProgrammeGroup.objects.create(
        programme=Programme.GIRLS_TALK,
        name="Girls' Talk Noord",
        partner="Buurthuis",
        location="Voorbeeldstraat 1",
        municipality=rotterdam,
    )
    meeting(girls, date(2025, 9, 1), 8)
    meeting(girls, date(2025, 9, 8), 7)
    meeting(girls, date(2025, 9, 15), None, cancelled=True)
    meeting(girls, date(2025, 9, 22), None)
    boys = ProgrammeGroup.objects.create(
        programme=Programme.MAKE_A_MOVE, name="Make a Move", partner="Club", location="Straat 2"
    )
    meeting(boys, date(2025, 10, 1), 6)
    meeting(boys, date(2026, 1, 5), 5)

    return SimpleNamespace(
        rotterdam=rotterdam,
        schiedam=schiedam,
        training=training,
        elearning=elearning,
        users=[u1, u2, u3, u4, u5, u6, u12],
    )
