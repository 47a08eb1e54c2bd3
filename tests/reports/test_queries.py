"""The figures are counted with a fixed number of aggregate queries: a month
of data and three years of it cost the same."""

from datetime import date, time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from bookings.models import SchoolLessonRequest
from lms.models import Municipality
from reports.figures import Period, compute
from tests.bookings.school_factories import SchoolFactory
from tests.bookings.school_factories import SchoolLessonRequestFactory as RequestFactory
from tests.factories import CourseIndexPageFactory, CoursePageFactory
from tests.workshops.factories import TrainingDayFactory
from workshops.choices import DayStatus, Programme
from workshops.models import ProgrammeGroup

from . import dataset

pytestmark = pytest.mark.django_db

URLS = (
    "/admin/reports/figures/",
    "/admin/reports/figures/export.csv",
    "/admin/reports/figures/export.xlsx",
)


def month_of_everything(first: date, course, group, rotterdam) -> None:
    """In the month starting `first`: a training day with two participants
    and one waiting, an e-learning completed with its certificate, a lesson
    with its evaluation and a group meeting."""
    day = TrainingDayFactory(course=course, status=DayStatus.COMPLETED, sessions=[first])
    for _n in range(2):
        dataset.attend(day, dataset.person(rotterdam), "present", booked_in=rotterdam)
    dataset.waitlist(day, dataset.person(rotterdam))
    learner = dataset.person(rotterdam)
    dataset.complete(learner, course, dataset.moment(first))
    dataset.certificate(learner, first, key=course.translation_key)
    request = RequestFactory(
        school=SchoolFactory(municipality=rotterdam),
        status=SchoolLessonRequest.Status.EVALUATED,
    )
    dataset.lesson(request, first, 24)
    dataset.evaluate(request, dataset.moment(first, time(15, 0)), 4, 4, 5)
    dataset.meeting(group, first, 8)


def months(start: date, count: int) -> list[date]:
    return [
        date(start.year + (start.month - 1 + n) // 12, (start.month - 1 + n) % 12 + 1, 1)
        for n in range(count)
    ]


def measure(client, period: Period, municipality) -> list[int]:
    counts = []
    with CaptureQueriesContext(connection) as queries:
        compute(period, municipality, today=date(2030, 1, 1))
    counts.append(len(queries))
    query = {"start": period.start.isoformat(), "end": period.end.isoformat()}
    if municipality is not None:
        query["municipality"] = municipality.pk
    for url in URLS:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url, query).status_code == 200
        counts.append(len(queries))
    return counts


def test_a_month_and_three_years_cost_the_same_queries(
    client, coordinator, homes, django_assert_max_num_queries
):
    rotterdam = Municipality.objects.get_or_create(name="Rotterdam")[0]
    course = CoursePageFactory(parent=CourseIndexPageFactory(parent=homes["nl"]))
    group = ProgrammeGroup.objects.create(
        programme=Programme.GIRLS_TALK,
        name="Groep",
        partner="Partner",
        location="Plek",
        municipality=rotterdam,
    )
    for url in URLS:  # the first admin page of a session reads what later ones cache
        client.get(url)
    first = months(date(2024, 1, 1), 36)
    month_of_everything(first[0], course, group, rotterdam)
    one_month = Period(date(2024, 1, 1), date(2024, 1, 31))
    small = [measure(client, one_month, None), measure(client, one_month, rotterdam)]

    for month in first[1:]:
        month_of_everything(month, course, group, rotterdam)
    three_years = Period(date(2024, 1, 1), date(2026, 12, 31))
    large = [measure(client, three_years, None), measure(client, three_years, rotterdam)]

    assert small == large
    with django_assert_max_num_queries(15):
        figures = compute(three_years, rotterdam, today=date(2030, 1, 1))
    assert (figures.lessons, figures.day_participants, figures.waitlisted) == (36, 72, 36)
    assert len(figures.months) == 36
