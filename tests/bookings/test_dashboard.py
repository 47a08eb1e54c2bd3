"""My bookings on /my/: what is coming, what is past, and what can be done."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from bookings import services
from bookings.models import Registration
from tests.factories import UserFactory
from tests.workshops.factories import TrainingDayFactory

DASHBOARD = "/nl/my/"


def place(day, user=None):
    return services.book_place(day, user or UserFactory(), organisation="Wijkteam Noord")


def bookings_part(response) -> str:
    return response.content.decode().split('id="bookings-heading"')[1].split("</section>")[0]


def test_my_bookings_show_status_price_and_actions(client, day, rotterdam):
    me = UserFactory()
    confirmed = services.book_place(day, me, organisation="Wijkteam", municipality=rotterdam)
    full = TrainingDayFactory(course=day.course, capacity=1)
    place(full)
    waiting = place(full, me)
    client.force_login(me)
    part = bookings_part(client.get(DASHBOARD))
    assert "Plaats bevestigd" in part
    assert "€\u00a045" in part
    assert "Wachtlijst, nummer 1" in part
    assert reverse("bookings:cancel", args=[confirmed.pk]) in part
    assert reverse("bookings:ics", args=[confirmed.pk]) in part
    assert reverse("bookings:cancel", args=[waiting.pk]) in part
    assert reverse("bookings:ics", args=[waiting.pk]) not in part  # no place yet


def test_cancelled_and_past_bookings_have_no_cancel_link(client, training_course):
    me = UserFactory()
    cancelled = place(TrainingDayFactory(course=training_course), me)
    services.cancel_registration(cancelled, by=me)
    past_day = TrainingDayFactory(course=training_course)
    past = place(past_day, me)
    past_day.sessions.update(date=timezone.localdate() - timedelta(days=3))
    client.force_login(me)
    part = bookings_part(client.get(DASHBOARD))
    assert "Geannuleerd" in part
    assert "Eerdere boekingen" in part
    assert reverse("bookings:cancel", args=[cancelled.pk]) not in part
    assert reverse("bookings:cancel", args=[past.pk]) not in part


def test_someone_elses_bookings_are_not_shown(client, day):
    other = place(day)
    client.force_login(UserFactory())
    content = client.get(DASHBOARD).content.decode()
    assert reverse("bookings:cancel", args=[other.pk]) not in content
    assert 'id="bookings-heading"' not in content


@pytest.mark.parametrize("count", [1, 10])
def test_my_bookings_take_the_same_queries_for_one_and_ten(
    client, training_course, count, django_assert_max_num_queries
):
    me = UserFactory()
    for _ in range(count):
        place(TrainingDayFactory(course=training_course), me)
    client.force_login(me)
    client.get(DASHBOARD)  # warm the page caches
    with django_assert_max_num_queries(14):
        response = client.get(DASHBOARD)
    assert bookings_part(response).count("Plaats bevestigd") == count
    assert Registration.objects.filter(user=me).count() == count
