"""The coordinator's back office for school lessons: the requests listing
(filters, search, grouped by status), a request's page (review, proposal
with suggested pairs and the soft-rule override, decline), the lessons, the
trainers' load, the week view, and who may see them."""

from datetime import time

import pytest
from django.core import mail

from bookings.models import LessonEvaluation, SchoolLessonRequest
from lms import roles
from tests.bookings.scheduling_factories import (
    TUESDAY,
    lesson_request,
    lesson_trainer,
    municipality,
    school,
)
from tests.certificates.test_admin import log_in_with_second_factor
from tests.factories import UserFactory
from tests.workshops.factories import SessionFactory, TrainingDayFactory
from workshops.choices import Programme
from workshops.models import Assignment

pytestmark = pytest.mark.django_db

Status = SchoolLessonRequest.Status
LISTING = "/admin/bookings/schoollessonrequest/"


@pytest.fixture
def coordinator(client):
    user = UserFactory(roles=[roles.COORDINATORS])
    log_in_with_second_factor(client, user)
    return user


def en(client, url, data):
    """POST, with the answer in English."""
    return client.post(url, data, HTTP_ACCEPT_LANGUAGE="en")


# --- The listing ------------------------------------------------------------------------


def test_the_listing_filters_by_status_and_municipality_and_searches(client, coordinator):
    lesson_request(Status.REQUESTED, of_school=school("Demo College Noord"))
    lesson_request(Status.PROPOSED, of_school=school("Demo Lyceum Zuid", place="Schiedam"))
    assert "Demo Lyceum Zuid" not in client.get(LISTING, {"status": "requested"}).text
    assert "Demo College Noord" in client.get(LISTING, {"status": "requested"}).text
    schiedam = municipality("Schiedam").pk
    page = client.get(LISTING, {"municipality": schiedam}).text
    assert "Demo Lyceum Zuid" in page and "Demo College Noord" not in page
    page = client.get(LISTING, {"q": "Lyceum"}).text
    assert "Demo Lyceum Zuid" in page and "Demo College Noord" not in page


def test_the_listing_filters_by_level_and_month_of_the_first_lesson(client, coordinator):
    north = lesson_request(Status.PROPOSED, of_school=school("Demo College Noord"), level="havo")
    lesson_request(Status.REQUESTED, of_school=school("Demo Lyceum Zuid"), level="vmbo")
    north_class = north.classes.get()
    north_class.session = SessionFactory(
        training_day=None, date=TUESDAY, venue=None, programme=Programme.PREVENTION_LESSON
    )
    north_class.save()
    page = client.get(LISTING, {"lesson_month": "2030-03"}).text
    assert "Demo College Noord" in page and "Demo Lyceum Zuid" not in page
    page = client.get(LISTING, {"level": "vmbo"}).text
    assert "Demo Lyceum Zuid" in page and "Demo College Noord" not in page


def test_the_listing_is_grouped_by_status_in_workflow_order(client, coordinator):
    lesson_request(Status.CONFIRMED, of_school=school("Demo School Bevestigd"))
    lesson_request(Status.REQUESTED, of_school=school("Demo School Nieuw"))
    page = client.get(LISTING).text
    assert page.index("Demo School Nieuw") < page.index("Demo School Bevestigd")


@pytest.mark.parametrize("count", [1, 8])
def test_the_listing_takes_the_same_queries_for_few_or_many(
    client, coordinator, count, django_assert_max_num_queries
):
    for n in range(count):
        lesson_request(Status.REQUESTED, of_school=school(f"Demo School {n}"))
    with django_assert_max_num_queries(40):
        assert client.get(LISTING).status_code == 200


# --- A request's page ------------------------------------------------------------------


def test_a_coordinator_takes_a_request_into_review(client, coordinator):
    request = lesson_request(Status.REQUESTED)
    url = f"/admin/bookings/school-requests/{request.pk}/"
    assert client.post(url, {"action": "review"}).status_code == 302
    request.refresh_from_db()
    assert request.status == Status.IN_REVIEW


def test_asking_for_suggestions_shows_the_best_pairs_with_warnings(client, coordinator):
    lesson_trainer("Anna")
    lesson_trainer("Bram", region="Schiedam")
    request = lesson_request()
    key = request.classes.get().pk
    response = en(
        client,
        f"/admin/bookings/school-requests/{request.pk}/",
        {"action": "suggest", f"date_{key}": "2030-03-05", f"start_{key}": "09:00"},
    )
    assert response.status_code == 200
    assert "Anna Demo + Bram Demo" in response.text
    assert "warning: Bram Demo: outside their region" in response.text


def test_proposing_a_suggested_pair_sends_the_proposal(
    client, coordinator, django_capture_on_commit_callbacks
):
    anna, bram = lesson_trainer("Anna"), lesson_trainer("Bram")
    request = lesson_request()
    key = request.classes.get().pk
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/admin/bookings/school-requests/{request.pk}/",
            {
                "action": "propose",
                f"date_{key}": "2030-03-05",
                f"start_{key}": "09:00",
                f"pair_{key}": f"{anna.pk},{bram.pk}",
            },
        )
    assert response.status_code == 302
    request.refresh_from_db()
    assert request.status == Status.PROPOSED
    session = request.classes.get().session
    assert (session.starts_at_time, session.ends_at_time) == (time(9, 0), time(10, 30))
    assert {m.to[0] for m in mail.outbox} >= {anna.user.email, bram.user.email}


def test_a_soft_rule_is_shown_and_needs_the_override(client, coordinator):
    anna, bram = lesson_trainer("Anna"), lesson_trainer("Bram", region="Schiedam")
    request = lesson_request()
    key = request.classes.get().pk
    data = {
        "action": "propose",
        f"date_{key}": "2030-03-05",
        f"start_{key}": "09:00",
        f"trainer1_{key}": anna.pk,
        f"trainer2_{key}": bram.pk,
    }
    url = f"/admin/bookings/school-requests/{request.pk}/"
    response = en(client, url, data)
    assert response.status_code == 409
    assert "Soft rules would be overridden" in response.text
    assert "Bram Demo does not work in Rotterdam." in response.text
    assert not Assignment.objects.exists()
    assert en(client, url, {**data, "override_soft": "on"}).status_code == 302
    assert Assignment.objects.count() == 2


def test_a_hard_clash_is_refused_with_the_reason(client, coordinator, training_course):
    anna, bram = lesson_trainer("Anna"), lesson_trainer("Bram")
    day = TrainingDayFactory(course=training_course, sessions=[TUESDAY])
    Assignment.objects.create(session=day.sessions.get(), trainer=anna)
    request = lesson_request()
    key = request.classes.get().pk
    response = en(
        client,
        f"/admin/bookings/school-requests/{request.pk}/",
        {
            "action": "propose",
            f"date_{key}": "2030-03-05",
            f"start_{key}": "11:00",
            f"trainer1_{key}": anna.pk,
            f"trainer2_{key}": bram.pk,
        },
    )
    assert response.status_code == 409
    assert "Anna Demo is already booked" in response.text


def test_declining_without_a_reason_is_refused(client, coordinator):
    request = lesson_request()
    response = client.post(
        f"/admin/bookings/school-requests/{request.pk}/", {"action": "decline", "reason": ""}
    )
    assert response.status_code == 400
    request.refresh_from_db()
    assert request.status == Status.IN_REVIEW


def test_declining_with_a_reason_closes_the_request(client, coordinator):
    request = lesson_request()
    response = client.post(
        f"/admin/bookings/school-requests/{request.pk}/",
        {"action": "decline", "reason": "Geen ruimte dit schooljaar."},
    )
    assert response.status_code == 302
    request.refresh_from_db()
    assert (request.status, request.status_reason) == (
        Status.DECLINED,
        "Geen ruimte dit schooljaar.",
    )


def test_an_unknown_request_is_a_404(client, coordinator):
    assert client.get("/admin/bookings/school-requests/999999/", follow=True).status_code == 404


# --- Lessons, load, evaluations, week ---------------------------------------------------------


def test_the_week_view_lists_every_session_with_its_trainers(client, coordinator, training_course):
    anna = lesson_trainer("Anna")
    day = TrainingDayFactory(course=training_course, sessions=[TUESDAY])
    Assignment.objects.create(session=day.sessions.get(), trainer=anna)
    response = client.get("/admin/bookings/week/", {"week": "2030-W10"}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert "Training jeugdprostitutie" in response.text and "Anna Demo" in response.text
    assert "?week=2030-W09" in response.text and "?week=2030-W11" in response.text


def test_the_week_view_refuses_a_made_up_week(client, coordinator):
    assert client.get("/admin/bookings/week/", {"week": "next"}).status_code == 400


@pytest.mark.parametrize("count", [1, 6])
def test_the_week_view_takes_the_same_queries_for_few_or_many(
    client, coordinator, training_course, count, django_assert_max_num_queries
):
    for _n in range(count):
        day = TrainingDayFactory(course=training_course, sessions=[TUESDAY])
        Assignment.objects.create(session=day.sessions.get(), trainer=lesson_trainer("Anna"))
    with django_assert_max_num_queries(30):
        assert client.get("/admin/bookings/week/", {"week": "2030-W10"}).status_code == 200


def test_the_lessons_the_trainer_load_and_the_evaluations_are_listed(client, coordinator):
    request = lesson_request(Status.EVALUATED)
    LessonEvaluation.objects.create(
        request=request, content_rating=5, trainers_rating=4, fit_rating=3, comments="Sterk."
    )
    lesson_trainer("Anna")
    assert "Sterk." in client.get("/admin/bookings/lessonevaluation/").text
    assert "Anna Demo" in client.get("/admin/bookings/trainer-load/").text
    assert client.get("/admin/bookings/school-lessons/").status_code == 200


# --- Who may ---------------------------------------------------------------------------------

URLS = [
    LISTING,
    "/admin/bookings/school-lessons/",
    "/admin/bookings/trainer-load/",
    "/admin/bookings/week/",
    "/admin/bookings/lessonevaluation/",
]


@pytest.mark.parametrize("url", URLS)
def test_an_editor_is_sent_back_to_the_dashboard(client, url):
    log_in_with_second_factor(client, UserFactory(roles=[roles.EDITORS]))
    response = client.get(url)
    assert (response.status_code, response.url) == (302, "/admin/")


def test_an_editor_cannot_act_on_a_request(client):
    log_in_with_second_factor(client, UserFactory(roles=[roles.EDITORS]))
    request = lesson_request(Status.REQUESTED)
    response = client.post(f"/admin/bookings/school-requests/{request.pk}/", {"action": "review"})
    assert (response.status_code, response.url) == (302, "/admin/")
    request.refresh_from_db()
    assert request.status == Status.REQUESTED


def test_a_learner_gets_a_403(client):
    client.force_login(UserFactory())
    request = lesson_request(Status.REQUESTED)
    response = client.post(f"/admin/bookings/school-requests/{request.pk}/", {"action": "review"})
    assert response.status_code == 403
    request.refresh_from_db()
    assert request.status == Status.REQUESTED
