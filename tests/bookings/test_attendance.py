"""Marking attendance, completing a training day and its certificate."""

import io
from datetime import time, timedelta

import pytest
from django.utils import timezone
from pypdf import PdfReader

from bookings import attendance
from bookings.models import Attendance, Registration
from certificates.models import Certificate
from lms import roles
from lms.errors import Refused
from lms.signals import profile_saved
from tests.factories import UserFactory
from tests.workshops.factories import SessionFactory, TrainerFactory, TrainingDayFactory
from workshops.choices import CompletionRule, Programme
from workshops.models import Assignment

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private-media"


@pytest.fixture
def past_day(training_course):
    """A training day of two sessions: yesterday and today."""
    return TrainingDayFactory(
        course=training_course, sessions=[TODAY - timedelta(1), TODAY], capacity=10
    )


@pytest.fixture
def trainer(past_day):
    trainer = TrainerFactory(user__first_name="Tarik", user__last_name="El Amrani")
    for session in past_day.sessions.all():
        Assignment.objects.create(session=session, trainer=trainer)
    return trainer


def participant(day, first_name="Noor", last_name="Smit", organisation="Jeugdzorg Rijnmond"):
    user = UserFactory(first_name=first_name, last_name=last_name)
    return Registration.objects.create(
        training_day=day,
        user=user,
        status=Registration.Status.CONFIRMED,
        organisation=organisation,
        tariff="standard",
    )


def url(session) -> str:
    return f"/nl/sessions/{session.pk}/attendance/"


def sessions(day):
    return list(day.sessions.order_by("date"))


def mark_all(client, session, registrations, status, on_commit):
    with on_commit(execute=True):
        return client.post(url(session), {f"r-{r.pk}": status for r in registrations})


def test_a_trainer_marks_their_own_session(
    client, past_day, trainer, django_capture_on_commit_callbacks
):
    noor = participant(past_day)
    client.force_login(trainer.user)
    first = sessions(past_day)[0]
    response = mark_all(client, first, [noor], "late", django_capture_on_commit_callbacks)
    assert response.status_code == 302
    assert Attendance.objects.get(registration=noor, session=first).status == "late"


def test_the_page_lists_name_and_organisation_only(client, past_day, trainer):
    noor = participant(past_day)
    gone = participant(past_day, "Cancelled", "Person")
    Registration.objects.filter(pk=gone.pk).update(status=Registration.Status.CANCELLED)
    client.force_login(trainer.user)
    page = client.get(url(sessions(past_day)[0]))
    assert page.status_code == 200
    assert "Noor Smit (Jeugdzorg Rijnmond)" in page.text
    assert noor.user.email not in page.text
    assert "Cancelled Person" not in page.text


def test_a_trainer_of_other_sessions_gets_a_404(client, past_day):
    participant(past_day)
    other = TrainerFactory()
    client.force_login(other.user)
    session = sessions(past_day)[0]
    assert client.get(url(session)).status_code == 404
    assert client.post(url(session), {}).status_code == 404
    assert not Attendance.objects.exists()


@pytest.mark.parametrize("role", [roles.LEARNERS, roles.TRAINERS, roles.EDITORS])
def test_anyone_else_gets_a_404(client, past_day, role):
    noor = participant(past_day)
    client.force_login(UserFactory(roles=[role]))
    session = sessions(past_day)[0]
    assert client.get(url(session)).status_code == 404
    client.force_login(noor.user)  # not even the participant marks themselves
    assert client.post(url(session), {f"r-{noor.pk}": "present"}).status_code == 404
    assert not Attendance.objects.exists()


def test_an_unknown_session_is_a_404(client):
    client.force_login(UserFactory(roles=[roles.COORDINATORS]))
    assert client.get("/nl/sessions/999999/attendance/").status_code == 404


def test_anonymous_visitors_are_asked_to_log_in(client, past_day):
    response = client.get(url(sessions(past_day)[0]))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_a_coordinator_marks_any_session(client, past_day, django_capture_on_commit_callbacks):
    noor = participant(past_day)
    client.force_login(UserFactory(roles=[roles.COORDINATORS]))
    for session in sessions(past_day):
        response = mark_all(client, session, [noor], "absent", django_capture_on_commit_callbacks)
        assert response.status_code == 302
    assert Attendance.objects.filter(registration=noor, status="absent").count() == 2


def test_attending_every_session_completes_the_day_with_one_certificate(
    client, past_day, trainer, django_capture_on_commit_callbacks, mailoutbox
):
    noor = participant(past_day)
    client.force_login(trainer.user)
    first, second = sessions(past_day)
    mark_all(client, first, [noor], "present", django_capture_on_commit_callbacks)
    assert not Certificate.objects.exists()  # one of two sessions: not yet
    mark_all(client, second, [noor], "late", django_capture_on_commit_callbacks)

    certificate = Certificate.objects.get()
    assert certificate.kind == Certificate.Kind.WORKSHOP
    assert certificate.subject_title == "Training jeugdprostitutie"
    assert certificate.subject_key == past_day.key
    assert certificate.recipient == noor.user
    noor.refresh_from_db()
    assert noor.completed_at is not None
    assert [m.to for m in mailoutbox] == [[noor.user.email]]


def test_marking_again_issues_no_second_certificate(
    client, past_day, trainer, django_capture_on_commit_callbacks
):
    noor = participant(past_day)
    client.force_login(trainer.user)
    for _ in range(2):
        for session in sessions(past_day):
            mark_all(client, session, [noor], "present", django_capture_on_commit_callbacks)
    assert Certificate.objects.count() == 1
    assert Attendance.objects.count() == 2


def test_absent_or_excused_gives_no_certificate(
    client, past_day, trainer, django_capture_on_commit_callbacks
):
    noor = participant(past_day)
    client.force_login(trainer.user)
    first, second = sessions(past_day)
    mark_all(client, first, [noor], "present", django_capture_on_commit_callbacks)
    mark_all(client, second, [noor], "absent", django_capture_on_commit_callbacks)
    mark_all(client, second, [noor], "excused", django_capture_on_commit_callbacks)
    assert not Certificate.objects.exists()
    noor.refresh_from_db()
    assert noor.completed_at is None


def test_the_any_session_rule_completes_after_one_session(
    client, past_day, trainer, django_capture_on_commit_callbacks
):
    past_day.completion_rule = CompletionRule.ANY_SESSION
    past_day.save()
    noor, sam = participant(past_day), participant(past_day, "Sam", "de Boer")
    client.force_login(trainer.user)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            url(sessions(past_day)[0]), {f"r-{noor.pk}": "present", f"r-{sam.pk}": "absent"}
        )
    assert list(Certificate.objects.values_list("recipient_name", flat=True)) == ["Noor Smit"]


def test_the_certificate_pdf_names_the_training(
    client, past_day, trainer, django_capture_on_commit_callbacks
):
    noor = participant(past_day)
    client.force_login(trainer.user)
    for session in sessions(past_day):
        mark_all(client, session, [noor], "present", django_capture_on_commit_callbacks)
    certificate = Certificate.objects.get()
    assert certificate.status == Certificate.Status.READY
    with certificate.pdf.open("rb") as handle:
        reader = PdfReader(io.BytesIO(handle.read()))
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    assert "Training jeugdprostitutie" in text
    assert "Noor Smit" in text


def test_without_a_name_the_certificate_waits_for_the_profile(
    client, past_day, trainer, django_capture_on_commit_callbacks
):
    noor = participant(past_day, first_name="", last_name="")
    client.force_login(trainer.user)
    for session in sessions(past_day):
        mark_all(client, session, [noor], "present", django_capture_on_commit_callbacks)
    assert not Certificate.objects.exists()
    user = noor.user
    user.first_name, user.last_name = "Noor", "Smit"
    user.save()
    with django_capture_on_commit_callbacks(execute=True):
        profile_saved.send(sender=type(user), user=user)
        profile_saved.send(sender=type(user), user=user)  # saved twice: still one
    assert Certificate.objects.get().subject_title == "Training jeugdprostitutie"


def test_an_unknown_status_is_refused_with_400(client, past_day, trainer):
    noor = participant(past_day)
    client.force_login(trainer.user)
    response = client.post(url(sessions(past_day)[0]), {f"r-{noor.pk}": "asleep"})
    assert response.status_code == 400
    assert not Attendance.objects.exists()


def test_someone_from_another_day_cannot_be_marked(past_day, training_course):
    other_day = TrainingDayFactory(course=training_course, sessions=[TODAY])
    stranger = participant(other_day)
    noor = participant(past_day)
    with pytest.raises(Refused) as refused:
        attendance.mark_attendance(
            sessions(past_day)[0], {noor.pk: "present", stranger.pk: "present"}, by=None
        )
    assert refused.value.status == 400
    assert not Attendance.objects.exists()


def test_a_session_to_come_cannot_be_marked_yet(client, training_course):
    day = TrainingDayFactory(course=training_course, sessions=[TODAY + timedelta(3)])
    noor = participant(day)
    client.force_login(UserFactory(roles=[roles.COORDINATORS]))
    session = day.sessions.get()
    page = client.get(url(session))
    assert page.status_code == 200 and 'name="r-' not in page.text  # no form yet
    response = client.post(url(session), {f"r-{noor.pk}": "present"})
    assert response.status_code == 409
    assert not Attendance.objects.exists()


# --- Group programmes: a number, never names ---------------------------------


@pytest.fixture
def meeting():
    session = SessionFactory(
        training_day=None,
        programme=Programme.GIRLS_TALK,
        date=TODAY,
        starts_at_time=time(15, 0),
        ends_at_time=time(16, 30),
    )
    trainer = TrainerFactory(programmes=[Programme.GIRLS_TALK])
    Assignment.objects.create(session=session, trainer=trainer)
    return session, trainer


def test_the_trainer_records_how_many_took_part(client, meeting):
    session, trainer = meeting
    client.force_login(trainer.user)
    page = client.get(url(session))
    assert page.status_code == 200
    assert "Number of participants" in page.text or "Aantal deelnemers" in page.text
    assert 'name="participant_count"' in page.text
    assert 'type="radio"' not in page.text
    response = client.post(url(session), {"participant_count": "8"})
    assert response.status_code == 302
    session.refresh_from_db()
    assert session.participant_count == 8
    assert not Registration.objects.exists() and not Attendance.objects.exists()


@pytest.mark.parametrize("count", ["-1", "100", "acht"])
def test_an_impossible_number_is_refused_with_400(client, meeting, count):
    session, trainer = meeting
    client.force_login(trainer.user)
    assert client.post(url(session), {"participant_count": count}).status_code == 400
    session.refresh_from_db()
    assert session.participant_count is None


def test_another_trainer_cannot_record_the_number(client, meeting):
    session, _trainer = meeting
    client.force_login(TrainerFactory(programmes=[Programme.GIRLS_TALK]).user)
    assert client.post(url(session), {"participant_count": "8"}).status_code == 404


def test_a_training_day_session_keeps_no_bare_number(past_day):
    with pytest.raises(Refused) as refused:
        attendance.set_participant_count(sessions(past_day)[0], 8, by=None)
    assert refused.value.status == 400
