"""The coordinator's actions on a training day: trainers per session, cancelling
the whole day, and more places moving the waiting list up."""

from datetime import time

import pytest
from django.core import mail
from django.utils import timezone

from bookings import services
from bookings.models import InCompanyRequest, Registration
from lms import roles
from tests.certificates.test_admin import log_in_with_second_factor
from tests.factories import UserFactory
from tests.workshops.factories import SessionFactory, TrainerFactory, TrainingDayFactory
from workshops.choices import DayStatus
from workshops.models import Assignment

pytestmark = pytest.mark.django_db

Status = Registration.Status


@pytest.fixture
def coordinator(client):
    user = UserFactory(roles=[roles.COORDINATORS])
    log_in_with_second_factor(client, user)
    return user


def book(day):
    return services.book_place(day, UserFactory(), organisation="Wijkteam Noord")


def test_a_coordinator_assigns_a_free_trainer_to_a_session(client, coordinator, day):
    session = day.sessions.get()
    trainer = TrainerFactory(user__first_name="Sanne", user__last_name="Bakker")
    response = client.post(
        f"/admin/bookings/sessions/{session.pk}/trainers/", {"trainer": trainer.pk}
    )
    assert response.status_code == 302
    assert list(session.trainers.all()) == [trainer]


def test_a_trainer_booked_elsewhere_at_that_time_is_refused_with_the_reason(
    client, coordinator, day, training_course
):
    session = day.sessions.get()
    trainer = TrainerFactory(user__first_name="Sanne", user__last_name="Bakker")
    other_day = TrainingDayFactory(course=training_course, sessions=[])
    other = SessionFactory(
        training_day=other_day,
        date=session.date,
        starts_at_time=time(13, 0),
        ends_at_time=time(15, 0),
        venue=None,
        location="Gemeentehuis Schiedam",
    )
    Assignment.objects.create(session=other, trainer=trainer)
    response = client.post(
        f"/admin/bookings/sessions/{session.pk}/trainers/",
        {"trainer": trainer.pk},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 409
    assert "Gemeentehuis Schiedam" in response.text
    assert not session.trainers.exists()


def test_a_trainer_is_taken_off_a_session(client, coordinator, day):
    session = day.sessions.get()
    trainer = TrainerFactory()
    Assignment.objects.create(session=session, trainer=trainer)
    response = client.post(
        f"/admin/bookings/sessions/{session.pk}/trainers/", {"unassign": trainer.pk}
    )
    assert response.status_code == 302
    assert not session.trainers.exists()


def test_taking_off_with_a_made_up_trainer_id_is_a_404(client, coordinator, day):
    session = day.sessions.get()
    url = f"/admin/bookings/sessions/{session.pk}/trainers/"
    # Outside the language prefix, a 404 is sent on to /nl/..., where it is one.
    assert client.post(url, {"unassign": "abc"}, follow=True).status_code == 404


def test_an_unknown_session_is_a_404(client, coordinator):
    response = client.get("/admin/bookings/sessions/999999/trainers/", follow=True)
    assert response.status_code == 404


def test_an_editor_may_not_assign_trainers(client, day):
    log_in_with_second_factor(client, UserFactory(roles=[roles.EDITORS]))
    session = day.sessions.get()
    trainer = TrainerFactory()
    url = f"/admin/bookings/sessions/{session.pk}/trainers/"
    response = client.post(url, {"trainer": trainer.pk})
    # Wagtail answers a refused admin page with a redirect to the dashboard.
    assert (response.status_code, response.url) == (302, "/admin/")
    assert not session.trainers.exists()


def test_cancelling_the_day_tells_every_participant(
    client, coordinator, day, django_capture_on_commit_callbacks
):
    first, second, waiting = book(day), book(day), book(day)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/admin/bookings/training-days/{day.pk}/cancel/", {"reason": "De trainer is ziek."}
        )
    assert response.status_code == 302
    day.refresh_from_db()
    assert day.status == DayStatus.CANCELLED
    assert set(Registration.objects.values_list("status", flat=True)) == {Status.CANCELLED}
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        r.user.email for r in (first, second, waiting)
    )
    assert all("De trainer is ziek." in m.body for m in mail.outbox)


def test_cancelling_without_a_reason_is_refused_and_changes_nothing(client, coordinator, day):
    book(day)
    response = client.post(f"/admin/bookings/training-days/{day.pk}/cancel/", {"reason": ""})
    assert response.status_code == 400
    day.refresh_from_db()
    assert day.status == DayStatus.PUBLISHED


def test_a_learner_cannot_cancel_a_day(client, day):
    client.force_login(UserFactory())
    response = client.post(f"/admin/bookings/training-days/{day.pk}/cancel/", {"reason": "x"})
    assert response.status_code == 403
    day.refresh_from_db()
    assert day.status == DayStatus.PUBLISHED


def test_more_places_in_the_admin_move_the_waiting_list_up(
    client, coordinator, day, django_capture_on_commit_callbacks
):
    book(day), book(day)
    waiting = book(day)
    page = client.get(f"/admin/workshops/trainingday/edit/{day.pk}/")
    assert page.status_code == 200
    data = _post_data(page.context["form"])
    data["capacity"] = "3"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/workshops/trainingday/edit/{day.pk}/", data)
    assert response.status_code == 302
    waiting.refresh_from_db()
    assert waiting.status == Status.CONFIRMED
    assert any(waiting.user.email in m.to for m in mail.outbox)


def _post_data(form) -> dict:
    """What the edit form posts back unchanged, sessions formset included."""
    data = {}
    for name, field in form.fields.items():
        value = form.initial.get(name, field.initial)
        if value is None:
            continue
        if hasattr(value, "pk"):
            value = value.pk
        if isinstance(value, timezone.datetime):
            value = value.strftime("%Y-%m-%d %H:%M")
        data[name] = value
    for formset in form.formsets.values():
        management = formset.management_form
        for key in ("TOTAL_FORMS", "INITIAL_FORMS", "MIN_NUM_FORMS", "MAX_NUM_FORMS"):
            data[f"{management.prefix}-{key}"] = management.initial.get(key, 0)
        for child in formset.forms:
            for name, field in child.fields.items():
                value = child.initial.get(name, field.initial)
                if value is None:
                    continue
                if hasattr(value, "pk"):
                    value = value.pk
                data[f"{child.prefix}-{name}"] = value
    return data


def test_a_confirmed_in_company_request_links_to_its_planning_page(client, coordinator):
    request = InCompanyRequest.objects.create(
        organisation="Opvang Zuid",
        contact_name="Eva de Wit",
        contact_email="eva@example.org",
        course_key="00000000-0000-0000-0000-000000000001",
        course_title="Training jeugdprostitutie",
        team_size=12,
        preferred_periods="maart",
        location="Rotterdam",
        status=InCompanyRequest.Status.NEW,
    )
    listing = client.get("/admin/bookings/incompanyrequest/")
    assert f"/admin/bookings/in-company/{request.pk}/plan/" in listing.text
