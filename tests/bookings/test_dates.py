"""The course page's upcoming dates: seats left, the visitor's price, and a
way to book; right the moment a booking changes them, also when cached."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from bookings import services
from tests.factories import UserFactory
from tests.workshops.factories import TrainingDayFactory
from workshops.choices import DayKind, DayStatus

BOTH_TARIFFS = (
    "€\u00a045 als je werkt in een gemeente met een afspraak (zoals Rotterdam), anders €\u00a0195"
)


def place(day, user=None):
    return services.book_place(day, user or UserFactory(), organisation="Wijkteam Noord")


def test_an_anonymous_visitor_sees_the_dates_with_seats_and_both_tariffs(client, day, rotterdam):
    content = client.get(day.course.url).content.decode()
    assert "Nog 2 plaatsen vrij" in content
    assert BOTH_TARIFFS in content
    assert reverse("bookings:book", kwargs={"key": day.key}) in content
    assert "mailto:" not in content.split('id="next-step-heading"')[1].split("</section>")[0]


def test_a_logged_in_professional_sees_the_price_of_their_municipality(
    client, day, rotterdam, schiedam
):
    user = UserFactory()
    user.municipality = schiedam
    user.save()
    client.force_login(user)
    content = client.get(day.course.url).content.decode()
    assert '--html-dd">€\u00a0195</dd>' in content
    assert BOTH_TARIFFS not in content


def test_a_full_day_offers_the_waiting_list(client, day):
    place(day), place(day)
    content = client.get(day.course.url).content.decode()
    assert "Vol – wachtlijst" in content
    assert "Zet me op de wachtlijst" in content


def test_a_day_without_prices_says_price_on_request(client, training_course):
    TrainingDayFactory(course=training_course, price_standard=None, price_reduced=None)
    assert "Prijs op aanvraag" in client.get(training_course.url).content.decode()


def test_only_upcoming_published_open_days_are_listed(client, training_course):
    TrainingDayFactory(course=training_course, status=DayStatus.DRAFT)
    TrainingDayFactory(course=training_course, status=DayStatus.CANCELLED)
    TrainingDayFactory(course=training_course, kind=DayKind.IN_COMPANY, organisation="Opvang")
    TrainingDayFactory(course=training_course, sessions=[timezone.localdate() - timedelta(1)])
    content = client.get(training_course.url).content.decode()
    assert "Er zijn op dit moment geen data gepland." in content
    assert 'class="essm-card essm-training-day"' not in content


def test_the_cached_course_page_shows_the_new_seats_right_after_a_booking(
    client, day, django_capture_on_commit_callbacks
):
    url = day.course.url
    client.get("/nl/")  # a running site has made its settings row long ago
    first = client.get(url)
    assert "Nog 2 plaatsen vrij" in first.content.decode()
    assert client.get(url)["X-Page-Cache"] == "hit"

    with django_capture_on_commit_callbacks(execute=True):
        place(day)

    after = client.get(url)
    assert after["X-Page-Cache"] == "miss"
    assert "Nog 1 plaats vrij" in after.content.decode()


@pytest.mark.parametrize("days", [1, 8])
def test_the_dates_take_the_same_queries_for_few_and_many_days(
    client, training_course, days, django_assert_max_num_queries
):
    for _ in range(days):
        TrainingDayFactory(
            course=training_course, sessions=[timezone.localdate() + timedelta(5)] * 2
        )
    client.get(training_course.url)
    client.cookies.clear()
    user = UserFactory()
    client.force_login(user)
    client.get(training_course.url)  # warm the page caches
    with django_assert_max_num_queries(12):
        response = client.get(training_course.url)
    assert response.content.decode().count('class="essm-card essm-training-day"') == days
