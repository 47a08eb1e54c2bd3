"""In-company requests: the public form, confirming by link, coordinators told
once, and a coordinator turning a request into an invitation-only day."""

import re
from datetime import time, timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import override

from bookings import incompany, services
from bookings.models import InCompanyRequest
from courses.choices import Format
from lms import roles
from lms.errors import Refused
from tests.certificates.test_admin import log_in_with_second_factor
from tests.factories import CoursePageFactory, UserFactory
from workshops.choices import DayKind, DayStatus
from workshops.models import TrainingDay

RequestStatus = InCompanyRequest.Status


def url(name, *args, language="en"):
    with override(language):
        return reverse(f"bookings:{name}", args=args)


@pytest.fixture
def coordinator_user(db):
    return UserFactory(email="coordinator@example.org", roles=[roles.COORDINATORS])


def form_data(course_page, **overrides):
    return {
        "organisation": "Jeugdzorg Rijnmond",
        "contact_name": "Fatima de Vries",
        "contact_email": "fatima@example.org",
        "contact_phone": "",
        "course": str(course_page.translation_key),
        "team_size": "12",
        "preferred_periods": "Maart of april, op dinsdag",
        "location": "Ons eigen kantoor in Rotterdam",
        "questions": "",
        **overrides,
    }


def link_in(message, pattern):
    return re.search(r"http://testserver(/\S*" + pattern + r"\S*)", message.body).group(1)


@pytest.fixture
def confirmed(training_course, coordinator_user):
    request = incompany.submit_request(
        course=training_course,
        language="nl",
        organisation="Jeugdzorg Rijnmond",
        contact_name="Fatima de Vries",
        contact_email="fatima@example.org",
        team_size=12,
        preferred_periods="Maart",
        location="Ons eigen kantoor",
    )
    incompany.confirm_request(request)
    request.refresh_from_db()
    mail.outbox.clear()
    return request


# --- The public form ---------------------------------------------------------------


def test_the_form_offers_training_day_and_in_company_courses_in_the_language(
    client, training_course, homes
):
    CoursePageFactory(parent=training_course.get_parent(), title="Een e-learning")
    content = client.get(url("in_company", language="nl")).content.decode()
    assert "Training jeugdprostitutie" in content
    assert "Een e-learning" not in content
    assert "Training jeugdprostitutie" not in client.get(url("in_company")).content.decode()


def test_a_request_waits_for_its_address_to_be_confirmed(
    client, training_course, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("in_company", language="nl"), form_data(training_course))
    assert response.status_code == 302
    assert response["Location"] == url("in_company_sent", language="nl")
    request = InCompanyRequest.objects.get()
    assert (request.status, request.course_title, request.language) == (
        RequestStatus.UNCONFIRMED,
        "Training jeugdprostitutie",
        "nl",
    )
    (message,) = mail.outbox
    assert message.to == ["fatima@example.org"]
    assert link_in(message, "/in-company/confirm/") == url(
        "in_company_confirm", request.confirm_token, language="nl"
    )


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"contact_email": "not-an-address"}, "Enter a valid email address."),
        ({"team_size": "0"}, "Ensure this value is greater than or equal to 1."),
        ({"course": "00000000-0000-0000-0000-000000000000"}, "Choose a training from the list."),
        ({"organisation": ""}, "This field is required."),
    ],
)
def test_bad_input_is_refused_and_nothing_is_written(client, training_course, overrides, message):
    response = client.post(url("in_company"), form_data(training_course, **overrides))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert InCompanyRequest.objects.count() == 0
    assert mail.outbox == []


def test_the_form_is_rate_limited_per_client(client, training_course):
    for _ in range(5):
        client.post(url("in_company", language="nl"), form_data(training_course))
    response = client.post(url("in_company", language="nl"), form_data(training_course))
    assert response.status_code == 429
    assert InCompanyRequest.objects.count() == 5


# --- Confirming by link ------------------------------------------------------------


def test_confirming_tells_the_coordinators_once(
    client, training_course, coordinator_user, django_capture_on_commit_callbacks
):
    request = incompany.submit_request(
        course=training_course,
        language="en",
        organisation="Jeugdzorg Rijnmond",
        contact_name="Fatima",
        contact_email="fatima@example.org",
        team_size=8,
        preferred_periods="May",
        location="Rotterdam",
    )
    UserFactory(email="learner@example.org")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        first = client.get(url("in_company_confirm", request.confirm_token))
        second = client.get(url("in_company_confirm", request.confirm_token))
    assert first.status_code == second.status_code == 200
    assert "is confirmed" in first.content.decode()
    assert "You had already confirmed this request" in second.content.decode()
    request.refresh_from_db()
    assert request.status == RequestStatus.NEW and request.confirmed_at is not None
    (message,) = mail.outbox
    assert message.to == ["coordinator@example.org"]
    assert f"/admin/bookings/in-company/{request.pk}/plan/" in message.body


def test_an_unknown_confirmation_link_is_not_found(client, db):
    assert client.get(url("in_company_confirm", "not-a-token")).status_code == 404


# --- Planning the day ---------------------------------------------------------------


def plan(request, by, **kwargs):
    when = timezone.localdate() + timedelta(30)
    kwargs.setdefault("sessions", [incompany.SessionSpec(when, time(9, 30), time(16, 0))])
    return incompany.plan_in_company(request, capacity=12, by=by, **kwargs)


def test_planning_makes_an_invitation_only_day_and_mails_the_link(
    client, confirmed, coordinator_user, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        day = plan(confirmed, coordinator_user)
    confirmed.refresh_from_db()
    assert (confirmed.status, confirmed.training_day) == (RequestStatus.PLANNED, day)
    assert (day.kind, day.status, day.organisation) == (
        DayKind.IN_COMPANY,
        DayStatus.PUBLISHED,
        "Jeugdzorg Rijnmond",
    )
    assert day.sessions.get().location == "Ons eigen kantoor"
    (message,) = mail.outbox
    assert message.to == ["fatima@example.org"]
    invitation = link_in(message, "invitation=")
    with override("nl"):
        expected = reverse("bookings:book", args=[day.key])
    assert invitation == f"{expected}?invitation={day.invitation_token}"


def test_only_people_with_the_invitation_can_book_the_day(confirmed, coordinator_user):
    day = plan(confirmed, coordinator_user)
    with pytest.raises(Refused) as refused:
        services.book_place(day, UserFactory(), organisation="Elders")
    assert refused.value.status == 403
    booked = services.book_place(
        day, UserFactory(), organisation="Jeugdzorg", invitation_token=day.invitation_token
    )
    assert booked.status == "confirmed"


@pytest.mark.parametrize("status", [RequestStatus.UNCONFIRMED, RequestStatus.DECLINED])
def test_only_a_confirmed_open_request_can_be_planned(confirmed, coordinator_user, status):
    InCompanyRequest.objects.filter(pk=confirmed.pk).update(status=status)
    with pytest.raises(Refused) as refused:
        plan(confirmed, coordinator_user)
    assert refused.value.status == 409
    assert TrainingDay.objects.count() == 0


def test_a_request_is_planned_once(confirmed, coordinator_user):
    plan(confirmed, coordinator_user)
    with pytest.raises(Refused):
        plan(confirmed, coordinator_user)
    assert TrainingDay.objects.count() == 1


def admin_plan_url(request):
    return f"/admin/bookings/in-company/{request.pk}/plan/"


def test_a_coordinator_plans_the_day_in_the_admin(
    client, confirmed, coordinator_user, django_capture_on_commit_callbacks
):
    log_in_with_second_factor(client, coordinator_user)
    page = client.get(admin_plan_url(confirmed))
    assert page.status_code == 200
    assert "Maart" in page.content.decode()
    when = timezone.localdate() + timedelta(20)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            admin_plan_url(confirmed),
            {"date": when.isoformat(), "starts_at": "09:30", "ends_at": "16:00", "capacity": 10},
        )
    assert response.status_code == 302
    day = TrainingDay.objects.get()
    assert (day.capacity, day.sessions.get().date) == (10, when)
    assert day.invitation_token in client.get(admin_plan_url(confirmed)).content.decode()
    assert [m.to for m in mail.outbox] == [["fatima@example.org"]]


def test_a_bad_plan_is_refused_and_nothing_is_made(client, confirmed, coordinator_user):
    log_in_with_second_factor(client, coordinator_user)
    response = client.post(
        admin_plan_url(confirmed),
        {
            "date": (timezone.localdate() + timedelta(20)).isoformat(),
            "starts_at": "16:00",
            "ends_at": "09:00",
            "capacity": 10,
        },
    )
    assert response.status_code == 400
    assert TrainingDay.objects.count() == 0


def test_an_unconfirmed_or_unknown_request_has_no_planning_page(
    client, confirmed, coordinator_user
):
    log_in_with_second_factor(client, coordinator_user)
    InCompanyRequest.objects.filter(pk=confirmed.pk).update(status=RequestStatus.UNCONFIRMED)
    # (Django's LocaleMiddleware first tries the path with a language prefix.)
    assert client.get(admin_plan_url(confirmed), follow=True).status_code == 404
    assert client.get("/admin/bookings/in-company/999999/plan/", follow=True).status_code == 404


def test_editors_cannot_plan_requests(client, confirmed):
    log_in_with_second_factor(client, UserFactory(roles=[roles.EDITORS]))
    response = client.post(admin_plan_url(confirmed), {"capacity": 10})
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert TrainingDay.objects.count() == 0


def test_learners_get_the_no_access_page_for_planning(client, confirmed):
    client.force_login(UserFactory())
    assert client.post(admin_plan_url(confirmed), {"capacity": 10}).status_code == 403
    assert TrainingDay.objects.count() == 0


def test_the_course_offered_is_only_an_in_company_or_training_day_format(training_course):
    assert set(incompany.IN_COMPANY_FORMATS) == {Format.TRAINING_DAY, Format.IN_COMPANY}


def test_mails_about_a_request_are_in_its_language(
    client, training_course, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        incompany.submit_request(
            course=training_course,
            language="en",
            organisation="Jeugdzorg Rijnmond",
            contact_name="Fatima",
            contact_email="fatima@example.org",
            team_size=8,
            preferred_periods="May",
            location="Rotterdam",
        )
    (message,) = mail.outbox
    assert message.subject == "Please confirm your request for an in-company training"
    assert "/en/in-company/confirm/" in message.body
