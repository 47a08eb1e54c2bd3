"""A new school year: a coordinator invites last year's schools in one
action; each gets a link to the request form filled in from its previous
request (a signed, expiring link), once per school and year."""

import time

import pytest
from django.core import mail, signing
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import override

from bookings import school_links, schools
from bookings.forms_schools import following_school_year, requestable_school_years
from bookings.models import SchoolLessonRequest
from lms import roles
from tests.certificates.test_admin import log_in_with_second_factor
from tests.factories import UserFactory

from .school_factories import SchoolClassFactory, SchoolFactory, SchoolLessonRequestFactory, link_in

Status = SchoolLessonRequest.Status
LAST_YEAR = requestable_school_years()[0]
NEW_YEAR = following_school_year(LAST_YEAR)
ADMIN_URL = "/admin/bookings/school-lessons/invite-again/"


def form_url(**query):
    with override("en"):
        path = reverse("bookings:school_request")
    return path + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


@pytest.fixture
def last_year(db):
    """Two schools with lessons last year (one with two requests), and one
    request whose address was never confirmed."""
    north = SchoolFactory(name="Demo College Noord", brin="12AB")
    south = SchoolFactory(name="Demo Lyceum Zuid")
    SchoolLessonRequestFactory(school=north, school_year=LAST_YEAR, contact_email="oud@example.org")
    latest = SchoolLessonRequestFactory(
        school=north,
        school_year=LAST_YEAR,
        contact_email="sanne@example.org",
        status=Status.EVALUATED,
        day_parts=["afternoon"],
        topics=["sextortion"],
    )
    SchoolClassFactory(request=latest, label="3V", group_size=27)
    SchoolClassFactory(request=latest, label="4V", group_size=24)
    SchoolLessonRequestFactory(
        school=south, school_year=LAST_YEAR, contact_email="zuid@example.org"
    )
    SchoolLessonRequestFactory(
        school_year=LAST_YEAR,
        status=Status.UNCONFIRMED,
        confirmed_at=None,
        contact_email="nooit@example.org",
    )
    return latest


def invite(django_capture_on_commit_callbacks, by):
    with django_capture_on_commit_callbacks(execute=True):
        return schools.invite_again(NEW_YEAR, by=by)


def test_each_school_of_last_year_is_invited_once(last_year, django_capture_on_commit_callbacks):
    coordinator = UserFactory(roles=[roles.COORDINATORS])
    assert invite(django_capture_on_commit_callbacks, coordinator) == 2
    assert sorted(message.to[0] for message in mail.outbox) == [
        "sanne@example.org",
        "zuid@example.org",
    ]
    subjects = {message.subject for message in mail.outbox}
    assert subjects == {f"Prevention lessons in school year {NEW_YEAR}"}
    assert invite(django_capture_on_commit_callbacks, coordinator) == 0
    assert len(mail.outbox) == 2


def test_a_school_that_already_asked_for_the_new_year_is_not_invited(
    last_year, django_capture_on_commit_callbacks
):
    SchoolLessonRequestFactory(school=last_year.school, school_year=NEW_YEAR)
    invite(django_capture_on_commit_callbacks, UserFactory())
    assert [message.to[0] for message in mail.outbox] == ["zuid@example.org"]


def test_a_school_whose_contact_was_removed_is_not_invited_nor_marked(
    last_year, django_capture_on_commit_callbacks
):
    """The school of "oud@" and "sanne@" lost both addresses (say, by a
    removed account): nobody could be mailed, so it is neither counted nor
    marked as invited."""
    SchoolLessonRequest.objects.filter(school=last_year.school).update(contact_email="")
    assert invite(django_capture_on_commit_callbacks, UserFactory()) == 1
    assert [message.to[0] for message in mail.outbox] == ["zuid@example.org"]
    assert not SchoolLessonRequest.objects.filter(
        school=last_year.school, invited_again_at__isnull=False
    ).exists()


def test_the_link_opens_the_form_filled_in_from_last_year(
    client, last_year, rotterdam, django_capture_on_commit_callbacks
):
    invite(django_capture_on_commit_callbacks, UserFactory())
    (message,) = [m for m in mail.outbox if m.to == ["sanne@example.org"]]
    response = client.get(link_in(message, "invitation="))
    assert response.status_code == 302
    assert "Demo College Noord" in client.get(form_url()).content.decode()
    classes = client.get(form_url(step=3)).content.decode()
    assert 'value="3V"' in classes and 'value="27"' in classes
    assert f'value="{NEW_YEAR}" selected' in classes
    # Everything up to the weeks is there already; the weeks are new each year.
    assert "Step 4 of 5" in client.get(form_url(step=5)).content.decode()
    wishes = {"preferred_weeks": "40, 41", "day_parts": ["afternoon"], "topics": ["sextortion"]}
    assert client.post(form_url(), {"step": 4, **wishes}).status_code == 302
    assert client.post(form_url(), {"step": 5}).status_code == 302
    again = SchoolLessonRequest.objects.get(school_year=NEW_YEAR)
    assert (again.previous, again.school, again.contact_email) == (
        last_year,
        last_year.school,
        "sanne@example.org",
    )
    assert list(again.classes.values_list("label", "group_size")) == [("3V", 27), ("4V", 24)]


def test_an_expired_invitation_says_so(client, last_year, homes, monkeypatch):
    token = school_links.invitation_token(last_year, NEW_YEAR)
    later = time.time() + school_links.INVITATION_MAX_AGE + 60
    monkeypatch.setattr(signing.time, "time", lambda: later)
    response = client.get(form_url(invitation=token))
    assert response.status_code == 410
    assert "This link has expired" in response.content.decode()


def test_a_forged_invitation_is_not_found(client, last_year):
    token = signing.dumps({"r": last_year.pk, "y": NEW_YEAR}, salt="something-else")
    assert client.get(form_url(invitation=token)).status_code == 404


# --- The coordinator's action in the admin ------------------------------------------------


def test_a_coordinator_invites_in_one_action(client, last_year, django_capture_on_commit_callbacks):
    log_in_with_second_factor(client, UserFactory(roles=[roles.COORDINATORS]))
    assert client.get(ADMIN_URL).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(ADMIN_URL, {"school_year": NEW_YEAR}, follow=True)
    assert response.status_code == 200
    assert len(mail.outbox) == 2
    assert SchoolLessonRequest.objects.filter(invited_again_at__isnull=False).count() == 2
    assert last_year.school.requests.filter(invited_again_at__lte=timezone.now()).count() == 1


def test_only_coordinators_may_invite(client, last_year):
    log_in_with_second_factor(client, UserFactory(roles=[roles.EDITORS]))
    response = client.post(ADMIN_URL, {"school_year": NEW_YEAR})
    # Wagtail answers a refused admin page with a redirect to the dashboard.
    assert (response.status_code, response.url) == (302, "/admin/")
    assert mail.outbox == []
    assert not SchoolLessonRequest.objects.filter(invited_again_at__isnull=False).exists()


def test_people_outside_the_admin_cannot_invite(client, last_year):
    client.force_login(UserFactory(roles=[roles.SCHOOL_CONTACTS]))
    client.post(ADMIN_URL, {"school_year": NEW_YEAR})
    assert mail.outbox == []


def test_a_school_year_out_of_reach_is_refused(client, last_year):
    log_in_with_second_factor(client, UserFactory(roles=[roles.COORDINATORS]))
    assert client.post(ADMIN_URL, {"school_year": "2019-2020"}).status_code == 400
    assert mail.outbox == []
