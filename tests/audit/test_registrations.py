"""The audit log of places on a training day: booking, cancelling, the waiting
list moving, held places claimed or released, group bookings, and the
coordinator cancelling or changing a day. Each change is one entry on the
object it changed, with who did it and the fields before and after."""

from datetime import timedelta

import pytest
from django.utils import timezone

from bookings import groups, services
from bookings.models import Registration
from tests.audit.conftest import logged, the_entry
from tests.bookings.test_admin_actions import _post_data
from tests.factories import UserFactory
from tests.workshops.factories import TrainingDayFactory

pytestmark = pytest.mark.django_db

Status = Registration.Status


def book(day, user=None):
    return services.book_place(day, user or UserFactory(), organisation="Wijkteam Noord")


def test_booking_a_place_logs_the_person_and_the_confirmed_status(day):
    registration = book(day)
    entry = the_entry(registration, "bookings.registration.book")
    assert entry.user == registration.user
    assert entry.data == {"changes": {"status": [None, "confirmed"]}}
    assert entry.label == f"#{registration.pk}"


def test_joining_the_waiting_list_logs_the_place_in_the_queue(day):
    book(day), book(day)
    waiting = book(day)
    entry = the_entry(waiting, "bookings.registration.book")
    assert entry.data["changes"] == {
        "status": [None, "waitlisted"],
        "waitlist_position": [None, 1],
    }


def test_cancelling_logs_the_cancellation_the_promotion_and_the_queue_moving_up(client, day):
    first, _second = book(day), book(day)
    waiting, behind = book(day), book(day)
    client.force_login(first.user)
    response = client.post(f"/nl/my/bookings/{first.pk}/cancel/")
    assert response.status_code == 302
    cancelled = the_entry(first, "bookings.registration.cancel")
    assert (cancelled.user, cancelled.data["changes"]) == (
        first.user,
        {"status": ["confirmed", "cancelled"]},
    )
    promoted = the_entry(waiting, "bookings.registration.promote")
    assert (promoted.user, promoted.data["changes"]) == (
        first.user,
        {"status": ["waitlisted", "confirmed"], "waitlist_position": [1, None]},
    )
    moved = the_entry(behind, "bookings.registration.move")
    assert moved.data["changes"] == {"waitlist_position": [2, 1]}


def test_leaving_the_waiting_list_moves_those_behind_up(day):
    book(day), book(day)
    first_waiting, behind = book(day), book(day)
    services.cancel_registration(first_waiting, by=first_waiting.user)
    assert the_entry(first_waiting, "bookings.registration.cancel").data["changes"] == {
        "status": ["waitlisted", "cancelled"],
        "waitlist_position": [1, None],
    }
    assert the_entry(behind, "bookings.registration.move").data["changes"] == {
        "waitlist_position": [2, 1]
    }
    assert logged(behind, "bookings.registration.promote") == []


def test_a_coordinator_cancelling_a_day_is_logged_on_the_day_and_on_every_place(
    client, coordinator, day
):
    confirmed, _second, waiting = book(day), book(day), book(day)
    response = client.post(
        f"/admin/bookings/training-days/{day.pk}/cancel/", {"reason": "De trainer is ziek."}
    )
    assert response.status_code == 302
    entry = the_entry(day, "bookings.trainingday.cancel")
    assert entry.user == coordinator
    assert entry.data["changes"] == {"status": ["full", "cancelled"]}
    assert sorted(entry.data["registrations"]) == sorted(
        Registration.objects.filter(training_day=day).values_list("pk", flat=True)
    )
    assert the_entry(confirmed, "bookings.registration.cancel").user == coordinator
    assert the_entry(waiting, "bookings.registration.cancel").data["changes"] == {
        "status": ["waitlisted", "cancelled"],
        "waitlist_position": [1, None],
    }
    # The reason is for the participants' mail, not for the log.
    assert "ziek" not in str(entry.data)


def test_more_places_in_the_admin_log_the_change_and_the_promotion(client, coordinator, day):
    book(day), book(day)
    waiting = book(day)
    page = client.get(f"/admin/workshops/trainingday/edit/{day.pk}/")
    data = _post_data(page.context["form"])
    data["capacity"] = "3"
    response = client.post(f"/admin/workshops/trainingday/edit/{day.pk}/", data)
    assert response.status_code == 302
    changed = the_entry(day, "bookings.trainingday.edit")
    assert (changed.user, changed.data["changes"]) == (coordinator, {"capacity": [2, 3]})
    promoted = the_entry(waiting, "bookings.registration.promote")
    assert promoted.user == coordinator


# --- Group bookings --------------------------------------------------------------------


@pytest.fixture
def group_day(training_course):
    return TrainingDayFactory(course=training_course, capacity=3)


def test_a_group_booking_logs_the_number_of_places_and_their_ids(group_day):
    contact = UserFactory()
    group = groups.book_group(
        group_day, contact, emails=["a@example.org", "b@example.org"], organisation="Wijkteam"
    )
    entry = the_entry(group, "bookings.group.book")
    assert entry.user == contact
    assert entry.data["changes"] == {"places": [None, 2]}
    assert sorted(entry.data["registrations"]) == sorted(group.places.values_list("pk", flat=True))
    assert "a@example.org" not in str(entry.data) + entry.label


def test_claiming_a_held_place_is_logged_for_the_colleague(group_day):
    colleague = UserFactory(email="collega@example.org")
    group = groups.book_group(
        group_day, UserFactory(), emails=[colleague.email], organisation="Wijkteam"
    )
    place = group.places.get()
    groups.claim_place(place, colleague)
    entry = the_entry(place, "bookings.registration.claim")
    assert (entry.user, entry.data["changes"]) == (
        colleague,
        {"status": ["reserved", "confirmed"]},
    )


def test_places_released_by_the_periodic_task_are_logged_without_a_user(group_day):
    group = groups.book_group(
        group_day, UserFactory(), emails=["weg@example.org"], organisation="Wijkteam"
    )
    group.claim_deadline = timezone.now() - timedelta(minutes=1)
    group.save(update_fields=["claim_deadline"])
    assert groups.release_expired() == 1
    entry = the_entry(group.places.get(), "bookings.registration.release")
    assert (entry.user, entry.data["changes"]) == (None, {"status": ["reserved", "cancelled"]})
