"""The audit log of requests: an in-company request confirmed, its status
changed and planned; a school's request reviewed, its lessons proposed (date,
start and trainers per lesson), answered by the school, declined or
cancelled. Reasons and messages people typed stay out of the log."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from bookings import incompany
from bookings.models import InCompanyRequest, SchoolLessonRequest
from tests.audit.conftest import logged, the_entry
from tests.bookings.scheduling_factories import lesson_request, lesson_trainer
from tests.bookings.school_factories import proposed_request
from tests.bookings.test_admin_actions import _post_data
from workshops.models import TrainingDay

pytestmark = pytest.mark.django_db

RequestStatus = InCompanyRequest.Status
Status = SchoolLessonRequest.Status


@pytest.fixture
def in_company(training_course):
    return incompany.submit_request(
        course=training_course,
        language="nl",
        organisation="Jeugdzorg Rijnmond",
        contact_name="Fatima de Vries",
        contact_email="fatima@example.org",
        team_size=12,
        preferred_periods="Maart",
        location="Ons eigen kantoor",
    )


def test_confirming_an_in_company_request_by_link_is_logged_without_a_user(client, in_company):
    response = client.get(f"/nl/in-company/confirm/{in_company.confirm_token}/")
    assert response.status_code == 200
    entry = the_entry(in_company, "bookings.incompany.confirm")
    assert (entry.user, entry.data) == (None, {"changes": {"status": ["unconfirmed", "new"]}})


def test_a_coordinator_planning_a_request_logs_the_status_and_the_day(
    client, coordinator, in_company
):
    incompany.confirm_request(in_company)
    when = timezone.localdate() + timedelta(20)
    response = client.post(
        f"/admin/bookings/in-company/{in_company.pk}/plan/",
        {"date": when.isoformat(), "starts_at": "09:30", "ends_at": "16:00", "capacity": 10},
    )
    assert response.status_code == 302
    entry = the_entry(in_company, "bookings.incompany.plan")
    assert entry.user == coordinator
    assert entry.data["changes"] == {
        "status": ["new", "planned"],
        "training_day": [None, TrainingDay.objects.get().pk],
    }


def test_a_status_changed_in_the_edit_form_is_logged(client, coordinator, in_company):
    incompany.confirm_request(in_company)
    url = f"/admin/bookings/incompanyrequest/edit/{in_company.pk}/"
    data = _post_data(client.get(url).context["form"])
    data["status"] = RequestStatus.DECLINED
    assert client.post(url, data).status_code == 302
    entry = the_entry(in_company, "bookings.incompany.status")
    assert (entry.user, entry.data["changes"]) == (coordinator, {"status": ["new", "declined"]})
    assert "fatima" not in str(entry.data).lower()


# --- School lessons -----------------------------------------------------------------------


def school_admin(client, request, data):
    return client.post(f"/admin/bookings/school-requests/{request.pk}/", data)


def test_taking_a_school_request_into_review_is_logged(client, coordinator):
    request = lesson_request(Status.REQUESTED)
    assert school_admin(client, request, {"action": "review"}).status_code == 302
    entry = the_entry(request, "bookings.school.review")
    assert (entry.user, entry.data["changes"]) == (
        coordinator,
        {"status": ["requested", "in_review"]},
    )


def test_a_proposal_logs_the_request_and_each_lessons_date_time_and_trainers(client, coordinator):
    anna, bram = lesson_trainer("Anna"), lesson_trainer("Bram")
    request = lesson_request()
    school_class = request.classes.get()
    response = school_admin(
        client,
        request,
        {
            "action": "propose",
            f"date_{school_class.pk}": "2030-03-05",
            f"start_{school_class.pk}": "09:00",
            f"pair_{school_class.pk}": f"{anna.pk},{bram.pk}",
        },
    )
    assert response.status_code == 302
    session = request.classes.get().session
    proposed = the_entry(request, "bookings.school.propose")
    assert proposed.user == coordinator
    assert proposed.data == {
        "changes": {"status": ["in_review", "proposed"]},
        "sessions": [session.pk],
    }
    lesson = the_entry(session, "bookings.school.lesson")
    assert (lesson.user, lesson.data["school_class"]) == (coordinator, school_class.pk)
    assert lesson.data["changes"] == {
        "date": [None, "2030-03-05"],
        "starts_at_time": [None, "09:00:00"],
        "trainers": [[], sorted([anna.pk, bram.pk])],
    }


def test_moving_a_lesson_and_changing_a_trainer_logs_before_and_after(client, coordinator):
    anna, bram, cas = lesson_trainer("Anna"), lesson_trainer("Bram"), lesson_trainer("Cas")
    request = lesson_request()
    key = request.classes.get().pk

    def propose(start, pair):
        return school_admin(
            client,
            request,
            {
                "action": "propose",
                f"date_{key}": "2030-03-05",
                f"start_{key}": start,
                f"trainer1_{key}": pair[0].pk,
                f"trainer2_{key}": pair[1].pk,
            },
        )

    assert propose("09:00", (anna, bram)).status_code == 302
    assert propose("11:00", (anna, cas)).status_code == 302
    session = request.classes.get().session
    _first, moved = logged(session, "bookings.school.lesson")
    assert moved.data["changes"] == {
        "starts_at_time": ["09:00:00", "11:00:00"],
        "trainers": [sorted([anna.pk, bram.pk]), sorted([anna.pk, cas.pk])],
    }


def test_the_schools_answers_are_logged_without_a_user_or_their_message(client):
    accepted, other = proposed_request(classes=1), proposed_request(classes=1)
    url = "bookings:school_proposal"
    response = client.post(reverse(url, args=[accepted.answer_token]), {"action": "accept"})
    assert response.status_code == 200
    response = client.post(
        reverse(url, args=[other.answer_token]),
        {"action": "other", "message": "Liever in de week na de toetsweek."},
    )
    assert response.status_code == 200
    entry = the_entry(accepted, "bookings.school.accept")
    assert (entry.user, entry.data) == (None, {"changes": {"status": ["proposed", "confirmed"]}})
    entry = the_entry(other, "bookings.school.other_dates")
    assert entry.data == {"changes": {"status": ["proposed", "in_review"]}}


@pytest.mark.parametrize(("action", "status"), [("decline", "declined"), ("cancel", "cancelled")])
def test_declining_or_cancelling_logs_the_status_and_the_lessons_cancelled(
    client, coordinator, action, status
):
    request = proposed_request(classes=2)
    sessions = sorted(c.session_id for c in request.classes.all())
    response = school_admin(
        client, request, {"action": action, "reason": "Geen trainers beschikbaar."}
    )
    assert response.status_code == 302
    entry = the_entry(request, f"bookings.school.{action}")
    assert entry.user == coordinator
    assert entry.data["changes"] == {"status": ["proposed", status]}
    assert sorted(entry.data["sessions"]) == sessions
    assert "trainers beschikbaar" not in str(entry.data)
