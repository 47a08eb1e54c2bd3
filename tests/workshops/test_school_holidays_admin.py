"""Coordinators keep the school holidays that lessons are never proposed in."""

from datetime import date

import pytest

from lms import roles
from tests.certificates.test_admin import log_in_with_second_factor
from tests.factories import UserFactory
from workshops.models import SchoolHoliday

pytestmark = pytest.mark.django_db


def test_a_coordinator_enters_a_school_holiday(client):
    log_in_with_second_factor(client, UserFactory(roles=[roles.COORDINATORS]))
    response = client.post(
        "/admin/snippets/workshops/schoolholiday/add/",
        {
            "name": "Voorjaarsvakantie regio midden",
            "starts_on": "2027-02-20",
            "ends_on": "2027-02-28",
        },
    )
    assert response.status_code == 302
    holiday = SchoolHoliday.objects.get()
    assert (holiday.starts_on, holiday.ends_on) == (date(2027, 2, 20), date(2027, 2, 28))


def test_an_end_before_the_start_is_refused(client):
    log_in_with_second_factor(client, UserFactory(roles=[roles.COORDINATORS]))
    response = client.post(
        "/admin/snippets/workshops/schoolholiday/add/",
        {"name": "Omgedraaid", "starts_on": "2027-02-28", "ends_on": "2027-02-20"},
    )
    assert response.status_code == 200
    assert not SchoolHoliday.objects.exists()
