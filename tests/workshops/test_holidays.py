"""No lesson on a public holiday (from the `holidays` package) or in a school
holiday (entered by coordinators)."""

from datetime import date

import pytest
from django.utils import translation

from workshops.holidays import HolidayCalendar, holiday_name, is_holiday
from workshops.models import SchoolHoliday

pytestmark = pytest.mark.django_db


def test_kings_day_is_a_holiday():
    with translation.override("nl"):
        assert holiday_name(date(2027, 4, 27)) == "Koningsdag"


def test_ascension_day_is_a_holiday_in_english_too():
    with translation.override("en"):
        assert holiday_name(date(2027, 5, 6)) == "Ascension Day"


def test_a_school_holiday_counts_from_its_first_to_its_last_day():
    SchoolHoliday.objects.create(
        name="Voorjaarsvakantie", starts_on=date(2030, 2, 16), ends_on=date(2030, 2, 24)
    )
    assert [is_holiday(date(2030, 2, d)) for d in (15, 16, 20, 24, 25)] == [
        False,
        True,
        True,
        True,
        False,
    ]
    assert holiday_name(date(2030, 2, 20)) == "Voorjaarsvakantie"


def test_an_ordinary_tuesday_is_no_holiday():
    assert not is_holiday(date(2030, 3, 5))


def test_a_range_is_read_from_the_database_once(django_assert_num_queries):
    SchoolHoliday.objects.create(
        name="Herfstvakantie", starts_on=date(2030, 10, 19), ends_on=date(2030, 10, 27)
    )
    with django_assert_num_queries(1):
        calendar = HolidayCalendar.between(date(2030, 10, 1), date(2030, 10, 31))
        days = [date(2030, 10, d) for d in range(1, 32)]
        assert sum(calendar.is_holiday(day) for day in days) == 9
