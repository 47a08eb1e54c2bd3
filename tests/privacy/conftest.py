"""A person who has done a bit of everything on the platform, with a name and
addresses found nowhere else, so a search of every table can tell whether
anything of theirs is left. Everything is fictional."""

from dataclasses import dataclass
from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.http import QueryDict
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.users.models import UserProfile

from bookings.models import (
    Attendance,
    GroupBooking,
    InCompanyRequest,
    LessonEvaluation,
    Registration,
    SchoolLessonRequest,
    Tariff,
)
from certificates import rendering
from certificates import services as certificate_services
from certificates.models import Certificate
from courses import services as course_services
from courses.choices import Format
from courses.quizzes import services as quiz_services
from lms.models import Municipality, Profession
from tests.bookings.school_factories import SchoolClassFactory, SchoolLessonRequestFactory
from tests.factories import (
    CourseIndexPageFactory,
    CoursePageFactory,
    LessonPageFactory,
    QuizPageFactory,
    UserFactory,
    question,
)
from tests.workshops.factories import SessionFactory, TrainerFactory, TrainingDayFactory
from workshops.choices import Programme
from workshops.models import Assignment, Unavailability

PASSWORD = "correct-horse-battery"
FIRST_NAME = "Fenna"
LAST_NAME = "Zwanenburg-Kiekens"
EMAIL = "fenna.zwanenburg@voorbeeld.example"
WORK_EMAIL = "f.zwanenburg@werk.example"
# Everything that would point at her: the search after her account's removal
# looks for each of these in every text column of every table.
TRACES = (FIRST_NAME, LAST_NAME, EMAIL, "fenna.zwanenburg", WORK_EMAIL, "f.zwanenburg")


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Certificate PDFs in a private folder of this test's own."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private-media"


@pytest.fixture
def rotterdam(db):
    return Municipality.objects.get_or_create(name="Rotterdam")[0]


@pytest.fixture
def catalogue(homes):
    return CourseIndexPageFactory(parent=homes["nl"], title="Aanbod", slug="aanbod")


@pytest.fixture
def elearning(catalogue):
    course = CoursePageFactory(
        parent=catalogue, title="Signalen herkennen", slug="signalen", format=Format.ELEARNING
    )
    LessonPageFactory(parent=course, title="Wat is mensenhandel", slug="wat-is-mensenhandel")
    return course


@pytest.fixture
def training_course(catalogue):
    return CoursePageFactory(
        parent=catalogue,
        title="Training jeugdprostitutie",
        slug="training-jeugdprostitutie",
        format=Format.TRAINING_DAY,
    )


def days_ago(n: int):
    return timezone.localdate() - timedelta(days=n)


@dataclass
class Footprint:
    """The person and the rows that hold her data."""

    user: object
    completed: object  # her completed enrolment
    registration: Registration
    group: GroupBooking
    school_request: SchoolLessonRequest
    in_company: InCompanyRequest
    certificate: Certificate
    pending_certificate: Certificate


@pytest.fixture
def fenna(elearning, training_course, rotterdam, catalogue) -> Footprint:
    user = UserFactory(
        username="fenna.zwanenburg",
        email=EMAIL,
        first_name=FIRST_NAME,
        last_name=LAST_NAME,
        organisation="Wijkteam Zwanenburg",
        profession=Profession.SOCIAL_WORKER,
        municipality=rotterdam,
        roles=["Learners", "Trainers", "School contacts"],
    )
    EmailAddress.objects.create(user=user, email=WORK_EMAIL, verified=True, primary=False)
    TOTP.activate(user, generate_totp_secret())
    UserProfile.get_for_user(user)
    coordinator = UserFactory(first_name="Carmen", last_name="Coördinator", roles=["Coordinators"])

    # E-learning: one course completed, another begun, with a quiz answered.
    completed = course_services.enroll(user, elearning)
    for lesson in elearning.lessons():
        course_services.mark_lesson_done(user, lesson)
    completed.refresh_from_db()
    second = CoursePageFactory(
        parent=catalogue, title="Mensenhandel", slug="mensenhandel", format=Format.ELEARNING
    )
    quiz = QuizPageFactory(
        parent=second,
        title="Toets",
        slug="toets",
        questions=[
            question(
                "short_answer",
                prompt="Wie schrijft deze toets?",
                answers=[{"text": "Iemand", "feedback": ""}],
            )
        ],
    )
    course_services.enroll(user, second)
    attempt = quiz_services.start_attempt(user, quiz)
    block_id = attempt.questions[0]["id"]
    quiz_services.submit_attempt(
        user, attempt.pk, QueryDict(f"q-{block_id}={FIRST_NAME}+{LAST_NAME}")
    )

    # A training day she attended, with everything a booking asks.
    past_day = TrainingDayFactory(course=training_course, sessions=[days_ago(30)])
    registration = Registration.objects.create(
        training_day=past_day,
        user=user,
        status=Registration.Status.CONFIRMED,
        organisation="Wijkteam Zwanenburg",
        municipality=rotterdam,
        invoice_reference="Fenna Zwanenburg-Kiekens / 2026",
        dietary_needs="Vegetarisch (Fenna)",
        access_needs="Rolstoel",
        tariff=Tariff.REDUCED,
        price="45.00",
        completed_at=timezone.now() - timedelta(days=30),
    )
    Attendance.objects.create(
        registration=registration,
        session=past_day.sessions.get(),
        status=Attendance.Status.PRESENT,
        marked_by=coordinator,
    )
    # Places she booked for colleagues, and one a colleague held for her.
    group = GroupBooking.objects.create(
        training_day=past_day,
        contact=user,
        organisation="Wijkteam Zwanenburg",
        invoice_reference="Fenna / groep",
        claim_deadline=timezone.now() - timedelta(days=35),
    )
    colleague = UserFactory(first_name="Bas", last_name="Collega")
    Registration.objects.create(
        training_day=past_day,
        user=colleague,
        group=group,
        status=Registration.Status.CONFIRMED,
        tariff=Tariff.STANDARD,
    )
    other_group = GroupBooking.objects.create(
        training_day=past_day,
        contact=colleague,
        organisation="Wijkteam Noord",
        claim_deadline=timezone.now() - timedelta(days=35),
    )
    Registration.objects.create(
        training_day=past_day,
        group=other_group,
        invited_email=WORK_EMAIL,
        claim_token="held-for-fenna",
        status=Registration.Status.CANCELLED,
        tariff=Tariff.STANDARD,
    )

    # As a school's contact: last year's lessons, evaluated; and a request
    # she never confirmed.
    school_request = SchoolLessonRequestFactory(
        status=SchoolLessonRequest.Status.EVALUATED,
        contact_name=f"{FIRST_NAME} {LAST_NAME}",
        contact_email=EMAIL,
        contact_user=user,
        contact_phone="06 12 34 56 78",
        notes="Bel Fenna op dinsdag.",
        school_answer="Groet, Fenna",
        evaluation_token="evaluation-token-of-fenna",
    )
    SchoolClassFactory(request=school_request, label="3B", group_size=27)
    school_request.school.contacts.add(user)
    LessonEvaluation.objects.create(
        request=school_request,
        content_rating=5,
        trainers_rating=4,
        fit_rating=4,
        comments="Fenna vond het een sterke les.",
    )
    SchoolLessonRequestFactory(
        status=SchoolLessonRequest.Status.UNCONFIRMED,
        contact_name=FIRST_NAME,
        contact_email=WORK_EMAIL,
        confirmed_at=None,
    )

    # As an organisation's contact: a declined request, and an unconfirmed one.
    in_company = InCompanyRequest.objects.create(
        organisation="Opvang Zuid",
        contact_name=f"{FIRST_NAME} {LAST_NAME}",
        contact_email=WORK_EMAIL.upper(),
        contact_phone="010 000 00 01",
        course_key=training_course.translation_key,
        course_title=training_course.title,
        team_size=12,
        preferred_periods="Voorjaar",
        location="Rotterdam",
        questions="Mail Fenna de offerte.",
        status=InCompanyRequest.Status.DECLINED,
        confirmed_at=timezone.now(),
    )
    InCompanyRequest.objects.create(
        organisation="Opvang Zuid",
        contact_name=FIRST_NAME,
        contact_email=EMAIL,
        course_key=training_course.translation_key,
        course_title=training_course.title,
        team_size=8,
        preferred_periods="Najaar",
        location="Rotterdam",
    )

    # As a trainer: a lesson given last month, and days off.
    trainer = TrainerFactory(user=user, programmes=[Programme.PREVENTION_LESSON])
    Assignment.objects.create(
        session=SessionFactory(programme=Programme.PREVENTION_LESSON, date=days_ago(40)),
        trainer=trainer,
    )
    Unavailability.objects.create(trainer=trainer, starts_on=days_ago(10), ends_on=days_ago(5))

    # Certificates: one made (its PDF carries her name), one still pending.
    certificate = certificate_services.issue(
        user,
        kind=Certificate.Kind.COURSE,
        subject_key=elearning.translation_key,
        subject_title=elearning.title,
    )
    rendering.generate(certificate.pk)
    certificate.refresh_from_db()
    pending = certificate_services.issue(
        user,
        kind=Certificate.Kind.WORKSHOP,
        subject_key=past_day.key,
        subject_title=training_course.title,
    )

    # The admin's history names her (and her trainer record) by their text.
    log(instance=user, action="wagtail.edit", user=coordinator)
    log(instance=trainer, action="wagtail.edit", user=coordinator)
    return Footprint(
        user=user,
        completed=completed,
        registration=registration,
        group=group,
        school_request=school_request,
        in_company=in_company,
        certificate=certificate,
        pending_certificate=pending,
    )


@pytest.fixture
def logged_in(client, fenna):
    client.force_login(fenna.user)
    return client
