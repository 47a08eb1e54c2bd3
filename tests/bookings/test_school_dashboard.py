"""The school contact's /my/: every request of their schools, with status,
classes, lesson dates and, while proposed, the link to answer."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from bookings.models import SchoolLessonRequest
from lms import roles
from tests.factories import UserFactory

from .school_factories import (
    SchoolClassFactory,
    SchoolFactory,
    SchoolLessonRequestFactory,
    proposed_request,
)

Status = SchoolLessonRequest.Status
MY = "/en/my/"


def contact_of(school, email):
    user = UserFactory(email=email, roles=[roles.SCHOOL_CONTACTS])
    school.contacts.add(user)
    return user


@pytest.fixture
def two_schools(db, homes):
    north = SchoolFactory(name="Demo College Noord")
    south = SchoolFactory(name="Demo Lyceum Zuid")
    return north, south


def test_a_contact_sees_only_their_schools_requests(client, two_schools):
    north, south = two_schools
    SchoolClassFactory(request=SchoolLessonRequestFactory(school=north), label="Klas 2B")
    SchoolClassFactory(request=SchoolLessonRequestFactory(school=south), label="Klas 4H")
    client.force_login(contact_of(north, "noord@example.org"))
    page = client.get(MY).content.decode()
    assert "Demo College Noord" in page and "Klas 2B" in page
    assert "Demo Lyceum Zuid" not in page and "Klas 4H" not in page
    client.force_login(contact_of(south, "zuid@example.org"))
    page = client.get(MY).content.decode()
    assert "Demo Lyceum Zuid" in page and "Demo College Noord" not in page


def test_every_request_of_the_school_shows_whoever_made_it(client, two_schools):
    north, _ = two_schools
    SchoolLessonRequestFactory(school=north, contact_name="Een collega", school_year="2025-2026")
    SchoolLessonRequestFactory(school=north, status=Status.CONFIRMED, school_year="2026-2027")
    client.force_login(contact_of(north, "noord@example.org"))
    page = client.get(MY).content.decode()
    assert "Demo College Noord, 2025-2026" in page and "Demo College Noord, 2026-2027" in page
    assert "Requested" in page and "Confirmed by the school" in page


def test_a_proposal_shows_its_dates_trainers_and_answer_link(client, homes):
    proposal = proposed_request(classes=1)
    session = proposal.classes.get().session
    client.force_login(contact_of(proposal.school, "noord@example.org"))
    page = client.get(MY).content.decode()
    assert "Proposed" in page
    assert session.date.strftime("%-d") in page and "09:00–10:30" in page
    assert "Anouk, Bram" in page
    assert f"/en/schools/proposal/{proposal.answer_token}/" in page


def test_no_answer_link_once_the_proposal_has_expired(client, homes):
    proposal = proposed_request(classes=1, expires_in=-timedelta(hours=1))
    client.force_login(contact_of(proposal.school, "noord@example.org"))
    assert proposal.answer_token not in client.get(MY).content.decode()


def test_someone_without_requests_has_no_school_section(client, homes):
    client.force_login(UserFactory(roles=[roles.SCHOOL_CONTACTS]))
    assert "Prevention lessons for your school" not in client.get(MY).content.decode()


def test_the_section_costs_the_same_queries_for_one_request_or_many(client, two_schools):
    north, _ = two_schools
    client.force_login(contact_of(north, "noord@example.org"))
    SchoolClassFactory(request=proposed_request(classes=2, school=north))
    for _ in range(2):  # a running site has long since kept its site row and settings
        client.get(MY)
    with CaptureQueriesContext(connection) as one:
        client.get(MY)
    for _ in range(5):
        request = proposed_request(classes=2, school=north)
        SchoolClassFactory(request=request)
    client.get(MY)  # the sections kept per user (lms.dashboard) are made again once
    with CaptureQueriesContext(connection) as many:
        assert client.get(MY).content.decode().count("essm-school-request") == 6
    assert len(many) == len(one)
