"""The audit log of attendance: every mark a trainer or coordinator sets or
changes is one entry on that mark, with who set it and the status before and
after; a group meeting's count likewise (a number, never a name)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from bookings.models import Attendance, Registration
from tests.audit.conftest import logged, the_entry
from tests.factories import UserFactory
from tests.workshops.factories import SessionFactory, TrainerFactory, TrainingDayFactory
from workshops.choices import Programme
from workshops.models import Assignment

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


@pytest.fixture
def session(training_course):
    day = TrainingDayFactory(course=training_course, sessions=[TODAY], capacity=10)
    return day.sessions.get()


@pytest.fixture
def trainer(session):
    trainer = TrainerFactory()
    Assignment.objects.create(session=session, trainer=trainer)
    return trainer


def participant(session) -> Registration:
    return Registration.objects.create(
        training_day=session.training_day,
        user=UserFactory(),
        status=Registration.Status.CONFIRMED,
        tariff="standard",
    )


def test_a_trainer_marking_a_participant_is_logged_on_the_mark(client, session, trainer):
    noor = participant(session)
    client.force_login(trainer.user)
    response = client.post(f"/nl/sessions/{session.pk}/attendance/", {f"r-{noor.pk}": "late"})
    assert response.status_code == 302
    mark = Attendance.objects.get(registration=noor, session=session)
    entry = the_entry(mark, "bookings.attendance.mark")
    assert entry.user == trainer.user
    assert entry.data == {
        "changes": {"status": [None, "late"]},
        "session": session.pk,
        "registration": noor.pk,
    }


def test_a_coordinator_correcting_a_mark_logs_before_and_after(client, session, trainer):
    noor = participant(session)
    client.force_login(trainer.user)
    client.post(f"/nl/sessions/{session.pk}/attendance/", {f"r-{noor.pk}": "absent"})
    coordinator = UserFactory(roles=["Coordinators"])
    client.force_login(coordinator)
    client.post(f"/nl/sessions/{session.pk}/attendance/", {f"r-{noor.pk}": "present"})
    mark = Attendance.objects.get(registration=noor, session=session)
    first, correction = logged(mark, "bookings.attendance.mark")
    assert (first.user, first.data["changes"]) == (trainer.user, {"status": [None, "absent"]})
    assert (correction.user, correction.data["changes"]) == (
        coordinator,
        {"status": ["absent", "present"]},
    )


def test_saving_the_same_marks_again_logs_nothing_new(client, session, trainer):
    noor, sam = participant(session), participant(session)
    client.force_login(trainer.user)
    url = f"/nl/sessions/{session.pk}/attendance/"
    client.post(url, {f"r-{noor.pk}": "present", f"r-{sam.pk}": "absent"})
    client.post(url, {f"r-{noor.pk}": "present", f"r-{sam.pk}": "excused"})
    noor_mark, sam_mark = (
        Attendance.objects.get(registration=noor),
        Attendance.objects.get(registration=sam),
    )
    assert len(logged(noor_mark, "bookings.attendance.mark")) == 1
    assert [e.data["changes"]["status"] for e in logged(sam_mark)] == [
        [None, "absent"],
        ["absent", "excused"],
    ]


def test_a_group_meetings_count_is_logged_as_a_number_only(client):
    meeting = SessionFactory(
        training_day=None, programme=Programme.GIRLS_TALK, date=TODAY - timedelta(days=1)
    )
    trainer = TrainerFactory(programmes=[Programme.GIRLS_TALK])
    Assignment.objects.create(session=meeting, trainer=trainer)
    client.force_login(trainer.user)
    response = client.post(
        f"/nl/sessions/{meeting.pk}/attendance/",
        {"participant_count": "7", "note": "Goede sfeer, veel vragen over grenzen."},
    )
    assert response.status_code == 302
    entry = the_entry(meeting, "bookings.attendance.count")
    assert (entry.user, entry.data) == (
        trainer.user,
        {"changes": {"participant_count": [None, 7]}},
    )
