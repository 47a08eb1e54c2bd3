"""The audit log of trainers given or taken off a session (in the admin and
when a group programme is scheduled) and of certificates issued, revoked and
reissued (by a coordinator, or by the platform on completion)."""

from datetime import time, timedelta

import pytest
from django.utils import timezone

from certificates import services as certificates
from certificates.models import Certificate
from tests.audit.conftest import logged, the_entry
from tests.factories import UserFactory
from tests.workshops.factories import TrainerFactory
from workshops import programmes
from workshops.choices import Programme
from workshops.models import Assignment

pytestmark = pytest.mark.django_db


def test_a_coordinator_assigning_a_trainer_logs_the_trainers_before_and_after(
    client, coordinator, day
):
    session = day.sessions.get()
    first, second = TrainerFactory(), TrainerFactory()
    Assignment.objects.create(session=session, trainer=first)
    url = f"/admin/bookings/sessions/{session.pk}/trainers/"
    assert client.post(url, {"trainer": second.pk}).status_code == 302
    entry = the_entry(session, "workshops.session.assign")
    assert entry.user == coordinator
    assert entry.data == {
        "changes": {"trainers": [[first.pk], sorted([first.pk, second.pk])]},
        "trainer": second.pk,
    }


def test_taking_a_trainer_off_is_logged(client, coordinator, day):
    session = day.sessions.get()
    trainer = TrainerFactory()
    Assignment.objects.create(session=session, trainer=trainer)
    url = f"/admin/bookings/sessions/{session.pk}/trainers/"
    assert client.post(url, {"unassign": trainer.pk}).status_code == 302
    entry = the_entry(session, "workshops.session.unassign")
    assert (entry.user, entry.data["changes"]) == (coordinator, {"trainers": [[trainer.pk], []]})


def test_scheduling_a_group_programme_logs_each_meetings_trainers():
    coordinator = UserFactory(roles=["Coordinators"])
    pair = [TrainerFactory(programmes=[Programme.GIRLS_TALK]) for _ in range(2)]
    group = programmes.create_group(
        programme=Programme.GIRLS_TALK,
        name="Voorjaar",
        partner="Wijkcentrum",
        location="Wijkcentrum Zuid",
        by=coordinator,
    )
    when = timezone.localdate() + timedelta(days=30)
    meeting = programmes.MeetingSpec(
        date=when, starts_at=time(15, 0), ends_at=time(16, 30), trainers=tuple(pair)
    )
    [session] = programmes.schedule_meetings(group, [meeting], by=coordinator)
    entries = logged(session, "workshops.session.assign")
    assert [(e.user, e.data["trainer"]) for e in entries] == [
        (coordinator, pair[0].pk),
        (coordinator, pair[1].pk),
    ]
    assert entries[1].data["changes"] == {"trainers": [[pair[0].pk], sorted(t.pk for t in pair)]}


# --- Certificates ---------------------------------------------------------------------


@pytest.fixture
def certificate(training_course):
    learner = UserFactory(first_name="Noor", last_name="Smit", email="noor@example.org")
    return certificates.issue_for_course(learner, training_course)


def test_a_certificate_issued_on_completion_is_logged_without_a_user(certificate):
    entry = the_entry(certificate, "certificates.issue")
    assert (entry.user, entry.data) == (None, {"changes": {"status": [None, "pending"]}})
    assert entry.label == f"#{certificate.pk}"


def test_a_coordinator_issuing_by_hand_is_logged_with_their_name(
    client, coordinator, training_course
):
    learner = UserFactory(email="team@example.org")
    response = client.post(
        "/admin/certificates/issue/", {"course": training_course.pk, "emails": learner.email}
    )
    assert response.status_code == 302
    entry = the_entry(Certificate.objects.get(recipient=learner), "certificates.issue")
    assert entry.user == coordinator


def test_revoking_logs_the_status_but_not_the_reason(client, coordinator, certificate):
    response = client.post(
        f"/admin/certificates/{certificate.pk}/manage/",
        {"action": "revoke", "reason": "Toets niet zelf gemaakt"},
    )
    assert response.status_code == 302
    entry = the_entry(certificate, "certificates.revoke")
    assert (entry.user, entry.data) == (
        coordinator,
        {"changes": {"status": ["pending", "revoked"]}},
    )
    assert "Toets" not in str(entry.data)


def test_reissuing_logs_the_old_certificate_and_the_new_one(client, coordinator, certificate):
    response = client.post(f"/admin/certificates/{certificate.pk}/manage/", {"action": "reissue"})
    assert response.status_code == 302
    new = Certificate.objects.exclude(pk=certificate.pk).get()
    reissued = the_entry(certificate, "certificates.reissue")
    assert (reissued.user, reissued.data) == (coordinator, {"new_certificate": new.pk})
    assert the_entry(new, "certificates.issue").user == coordinator
