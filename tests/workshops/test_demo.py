"""The demo calendar: what `seed_demo` shows of training days, and only facts
from the centre's documents (no prices, no invented address)."""

from datetime import date

import pytest
from django.core.management import call_command
from django.utils import timezone

from bookings.models import (
    Attendance,
    InCompanyRequest,
    LessonEvaluation,
    Registration,
    School,
    SchoolClass,
    SchoolLessonRequest,
)
from certificates.models import Certificate
from lms.models import User
from workshops.choices import DayKind, DayStatus, Programme
from workshops.models import (
    Assignment,
    ProgrammeGroup,
    SchoolHoliday,
    Session,
    Trainer,
    TrainingDay,
    Unavailability,
    Venue,
)
from workshops.scheduling import overlaps
from workshops.services import slot_of

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private-media"


def seed(settings, on_commit):
    settings.DEBUG = True
    with on_commit(execute=True):
        call_command("seed_demo", verbosity=0)
    settings.DEBUG = False


@pytest.fixture
def demo(settings, django_capture_on_commit_callbacks):
    seed(settings, django_capture_on_commit_callbacks)


def open_days():
    days = TrainingDay.objects.filter(kind=DayKind.OPEN).prefetch_related("sessions")
    return sorted(
        (d for d in days if d.first_session.date >= TODAY), key=lambda d: d.first_session.date
    )


def test_the_venue_is_the_centre_without_an_invented_address(demo):
    venue = Venue.objects.get()
    assert venue.name == "Expertisecentrum Seksualiteit, Sekswerk en Mensenhandel (ESSM)"
    assert venue.city == "Rotterdam"
    assert venue.address == "" and venue.postcode == ""


def test_no_training_day_has_an_invented_price(demo):
    assert TrainingDay.objects.exists()
    assert not TrainingDay.objects.filter(price_standard__isnull=False).exists()
    assert not TrainingDay.objects.filter(price_reduced__isnull=False).exists()


def test_three_upcoming_open_days_one_full_with_a_waiting_list_one_below_its_minimum(demo):
    full, below, _third = open_days()
    assert full.status == DayStatus.FULL
    waiting = Registration.objects.filter(training_day=full, status="waitlisted")
    assert sorted(waiting.values_list("waitlist_position", flat=True)) == [1, 2]
    assert Registration.objects.filter(training_day=full, status="confirmed").count() == (
        full.capacity
    )
    confirmed = Registration.objects.filter(training_day=below, status="confirmed").count()
    assert confirmed < below.min_participants
    assert below.decision_date is not None and below.decision_date >= TODAY


def test_an_in_company_day_planned_from_a_request(demo):
    request = InCompanyRequest.objects.get()
    assert request.status == InCompanyRequest.Status.PLANNED
    assert request.training_day.kind == DayKind.IN_COMPANY
    assert request.training_day.organisation == request.organisation


def test_trainers_have_qualifications_and_every_session_two_trainers(demo):
    assert Trainer.objects.count() == 5
    for trainer in Trainer.objects.all():
        assert trainer.is_qualified_for(Programme.PREVENTION_LESSON)
    assert sorted(Trainer.objects.values_list("user__email", flat=True)) == [
        "trainer2@example.org",
        "trainer3@example.org",
        "trainer4@example.org",
        "trainer5@example.org",
        "trainer@example.org",
    ]
    for session in Session.objects.all():
        assert Assignment.objects.filter(session=session).count() == 2


def test_past_days_have_attendance_and_certificates(demo):
    past = Session.objects.filter(date__lt=TODAY, training_day__isnull=False)
    assert past.count() == 2
    assert Attendance.objects.filter(session__in=past).count() == 6
    workshop = Certificate.objects.filter(kind=Certificate.Kind.WORKSHOP)
    assert workshop.count() == 4  # present or late; the absent and excused get none
    assert workshop.filter(recipient__email="leerling@example.org").exists()
    assert all(c.status == Certificate.Status.READY for c in workshop)


def test_participants_are_demo_accounts(demo):
    emails = Registration.objects.values_list("user__email", flat=True)
    assert all(email.endswith("@example.org") for email in emails)


def test_seeding_twice_creates_nothing_twice(settings, demo, django_capture_on_commit_callbacks):
    models = (TrainingDay, Session, Registration, Attendance, Certificate, User, Venue, Trainer)
    school_models = (School, SchoolLessonRequest, SchoolClass, LessonEvaluation, Unavailability)
    calendar = (ProgrammeGroup, SchoolHoliday, Assignment)
    before = {
        model: model.objects.count()
        for model in (*models, *school_models, *calendar, InCompanyRequest)
    }
    seed(settings, django_capture_on_commit_callbacks)
    assert {model: model.objects.count() for model in before} == before


def test_trainers_have_regions_and_some_unavailability(demo):
    regions = {t.user.email: {r.name for r in t.regions.all()} for t in Trainer.objects.all()}
    assert all(regions.values())
    assert "Rotterdam" in regions["trainer@example.org"]
    assert "Schiedam" in regions["trainer3@example.org"]
    assert Unavailability.objects.values("trainer").distinct().count() == 3


def test_no_trainer_is_booked_twice_at_once(demo):
    for trainer in Trainer.objects.all():
        sessions = list(
            Session.objects.filter(assignments__trainer=trainer).select_related("venue")
        )
        for index, one in enumerate(sessions):
            for other in sessions[index + 1 :]:
                assert not overlaps(slot_of(one), slot_of(other)), (trainer, one, other)


def test_school_holidays_are_the_nationwide_christmas_and_may_ones(demo):
    assert list(SchoolHoliday.objects.values_list("name", "starts_on", "ends_on")) == [
        ("Kerstvakantie", date(2026, 12, 19), date(2027, 1, 3)),
        ("Meivakantie", date(2027, 4, 24), date(2027, 5, 2)),
    ]


def test_a_request_in_every_state(demo):
    states = set(SchoolLessonRequest.objects.values_list("status", flat=True))
    assert states == {
        "requested",
        "in_review",
        "proposed",
        "confirmed",
        "delivered",
        "evaluated",
        "declined",
    }
    proposed = SchoolLessonRequest.objects.get(status="proposed")
    assert proposed.answer_token and proposed.answer_token_expires_at > timezone.now()
    assert LessonEvaluation.objects.get().request.status == "evaluated"
    assert SchoolLessonRequest.objects.get(status="declined").status_reason


def test_scheduled_lessons_have_a_session_with_two_prevention_trainers(demo):
    for status in ("proposed", "confirmed", "delivered", "evaluated"):
        request = SchoolLessonRequest.objects.get(status=status)
        for school_class in request.classes.select_related("session"):
            session = school_class.session
            assert session is not None
            assert session.programme == Programme.PREVENTION_LESSON
            assert (session.date < TODAY) == (status in ("delivered", "evaluated"))
            trainers = Trainer.objects.filter(assignments__session=session)
            assert trainers.count() == 2
            assert all(t.is_qualified_for(Programme.PREVENTION_LESSON) for t in trainers)
    unscheduled = SchoolClass.objects.filter(request__status__in=["requested", "in_review"])
    assert unscheduled.exists() and not unscheduled.filter(session__isnull=False).exists()


def test_schools_are_fictional_and_the_school_demo_login_has_two(demo):
    for school in School.objects.all():
        assert school.name.startswith("Demo ")
        assert school.address.startswith("Voorbeeldstraat")
    emails = SchoolLessonRequest.objects.values_list("contact_email", flat=True)
    assert all(email.endswith("@example.org") for email in emails)
    contact = User.objects.get(email="school@example.org")
    assert contact.schools.count() == 2


def test_a_girls_talk_group_halfway_through_nine_meetings(demo):
    group = ProgrammeGroup.objects.get()
    assert group.programme == Programme.GIRLS_TALK
    meetings = list(group.sessions.order_by("meeting_number"))
    assert [m.meeting_number for m in meetings] == list(range(1, 10))
    past = [m for m in meetings if m.date < TODAY]
    assert len(past) == 4
    assert all(m.participant_count for m in past)
    assert all(m.participant_count is None for m in meetings[4:])
    pairs = {
        frozenset(
            Assignment.objects.filter(session=m).values_list("trainer__user__email", flat=True)
        )
        for m in meetings
    }
    assert pairs == {frozenset({"trainer@example.org", "trainer4@example.org"})}
