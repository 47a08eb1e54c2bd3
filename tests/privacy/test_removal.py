"""Removing one's own account from /my/: what goes, what stays without a name,
and that nothing of the person is left in any table."""

import pytest
from django.contrib.sessions.models import Session
from django.test import Client

from bookings.models import (
    Attendance,
    InCompanyRequest,
    LessonEvaluation,
    Registration,
    SchoolLessonRequest,
)
from certificates.models import Certificate
from certificates.storage import private_storage
from courses.models import Enrollment, LessonProgress, QuizAttempt
from lms.models import User
from privacy.models import ErasedAccount
from workshops.models import Trainer

from .conftest import EMAIL, PASSWORD, TRACES
from .traces import searched_models, traces_left

pytestmark = pytest.mark.django_db

URL = "/en/my/account/remove/"


@pytest.fixture
def remove(django_capture_on_commit_callbacks):
    """Post the form as the browser does; what waits for the commit runs."""

    def post(client, password=PASSWORD):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(URL, {"password": password})

    return post


def test_the_search_covers_allauth_wagtail_sessions_and_the_apps(fenna):
    labels = {model._meta.label for model in searched_models()}
    assert {
        "lms.User",
        "account.EmailAddress",
        "mfa.Authenticator",
        "wagtailusers.UserProfile",
        "wagtailcore.ModelLogEntry",
        "sessions.Session",
        "bookings.Registration",
        "bookings.SchoolLessonRequest",
        "courses.QuizAttempt",
        "certificates.Certificate",
    } <= labels
    # It finds her before the removal, in the places the fixture put her.
    before = traces_left(TRACES)
    for place in (
        "lms.User.email",
        "account.EmailAddress.email",
        "courses.QuizAttempt.answers",
        "bookings.Registration.dietary_needs",
        "bookings.LessonEvaluation.comments",
        "bookings.InCompanyRequest.contact_email",
        "certificates.Certificate.recipient_name",
        "wagtailcore.ModelLogEntry.label",
    ):
        assert any(hit.startswith(place) for hit in before), place


def test_removal_leaves_no_trace_of_the_person_in_any_table(fenna, logged_in, remove):
    Client().force_login(fenna.user)  # a second browser, elsewhere

    response = remove(logged_in)

    assert response.status_code == 302
    assert response["Location"] == "/en/account-removed/"
    assert traces_left(TRACES) == []


def test_removal_logs_out_every_session_and_the_log_in_no_longer_works(fenna, logged_in, remove):
    elsewhere = Client()
    elsewhere.force_login(fenna.user)

    remove(logged_in)

    assert logged_in.get("/en/my/").status_code == 302
    assert elsewhere.get("/en/my/").status_code == 302
    assert Session.objects.count() == 0
    refused = Client().post("/en/accounts/login/", {"login": EMAIL, "password": PASSWORD})
    assert refused.status_code == 400  # the form again: no such account
    assert "_auth_user_id" not in refused.wsgi_request.session


def test_what_the_figures_count_stays_without_a_name(fenna, logged_in, remove):
    remove(logged_in)

    stand_in = User.objects.get(pk=fenna.user.pk)
    assert ErasedAccount.objects.filter(user=stand_in).exists()
    assert (stand_in.first_name, stand_in.last_name, stand_in.organisation) == ("", "", "")
    assert stand_in.email.endswith("@removed.invalid")
    assert not stand_in.is_active
    assert not stand_in.has_usable_password()
    assert list(stand_in.groups.all()) == []
    # Figures are per municipality and profession; both stay.
    assert stand_in.municipality.name == "Rotterdam"
    assert stand_in.profession == "social_worker"
    # The completed e-learning stays; the unfinished one, lessons and quiz answers go.
    assert list(Enrollment.objects.filter(user=stand_in)) == [fenna.completed]
    assert not LessonProgress.objects.filter(enrollment__user=stand_in).exists()
    assert not QuizAttempt.objects.filter(user=stand_in).exists()
    # The training day she attended counts, with municipality and tariff.
    registration = Registration.objects.get(pk=fenna.registration.pk)
    assert (registration.user_id, registration.municipality.name, registration.tariff) == (
        stand_in.pk,
        "Rotterdam",
        "reduced",
    )
    assert registration.completed_at is not None
    assert Attendance.objects.filter(registration=registration, status="present").count() == 1
    assert (registration.dietary_needs, registration.access_needs) == ("", "")
    # Her colleague's place from her group booking is untouched.
    assert Registration.objects.filter(group=fenna.group, user__first_name="Bas").count() == 1
    # The school's lessons and ratings stay, without her.
    school_request = SchoolLessonRequest.objects.get(pk=fenna.school_request.pk)
    assert school_request.contact_user is None
    assert school_request.contact_email == ""
    assert list(school_request.classes.values_list("label", "group_size")) == [("3B", 27)]
    evaluation = LessonEvaluation.objects.get(request=school_request)
    assert (evaluation.content_rating, evaluation.comments) == (5, "")
    assert not school_request.school.contacts.exists()
    # The in-company request stays as the organisation's; her unconfirmed ones go.
    in_company = InCompanyRequest.objects.get()
    assert (in_company.pk, in_company.organisation, in_company.team_size) == (
        fenna.in_company.pk,
        "Opvang Zuid",
        12,
    )
    assert not SchoolLessonRequest.objects.filter(status="unconfirmed").exists()
    assert not Trainer.objects.filter(user=stand_in).exists()


def test_her_certificates_still_verify_as_issued_without_a_name(fenna, logged_in, remove):
    pdf_name = fenna.certificate.pdf.name
    assert private_storage().exists(pdf_name)

    remove(logged_in)

    certificate = Certificate.objects.get(pk=fenna.certificate.pk)
    assert (certificate.recipient_name, certificate.pdf.name, certificate.sha256) == ("", "", "")
    assert certificate.status == Certificate.Status.READY
    assert not private_storage().exists(pdf_name)
    # No mail goes to the removed account, and the pending one is not made later.
    assert certificate.reminded_at is not None
    assert Certificate.objects.get(pk=fenna.pending_certificate.pk).status == "ready"

    page = Client().get(f"/en/certificates/verify/{certificate.code}/")
    assert page.status_code == 200
    assert "This certificate is valid." in page.text
    assert '<dt class="utrecht-data-list__item-key">Name</dt>' in page.text
    assert "Removed at the holder's request" in page.text
    assert "Signalen herkennen" in page.text
    assert "Fenna" not in page.text


def test_a_wrong_password_removes_nothing(fenna, logged_in, remove):
    response = remove(logged_in, password="not-my-password")

    assert response.status_code == 400
    assert "That is not your password. Nothing has been removed." in response.text
    user = User.objects.get(pk=fenna.user.pk)
    assert (user.is_active, user.email) == (True, EMAIL)
    assert logged_in.get("/en/my/").status_code == 200


def test_an_empty_password_is_asked_for(fenna, logged_in):
    response = logged_in.post(URL, {})

    assert response.status_code == 400
    assert User.objects.get(pk=fenna.user.pk).is_active


def test_guessing_the_password_is_throttled(fenna, logged_in, remove):
    statuses = [remove(logged_in, password=f"guess-{n}").status_code for n in range(6)]

    assert statuses == [400, 400, 400, 400, 400, 429]
    assert remove(logged_in).status_code == 429
    assert User.objects.get(pk=fenna.user.pk).is_active


def test_the_page_says_what_goes_and_what_stays(fenna, logged_in):
    page = logged_in.get(URL)

    assert page.status_code == 200
    assert page["Cache-Control"] == "private, no-store"
    assert "What is removed" in page.text
    assert "What stays, without your name" in page.text
    assert 'name="password"' in page.text
    assert 'autocomplete="current-password"' in page.text


def test_it_needs_a_log_in(client, db, homes):
    response = client.get(URL)

    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/")
    assert client.post(URL, {"password": PASSWORD}).status_code == 302


def test_my_page_links_to_download_and_removal(fenna, logged_in):
    page = logged_in.get("/en/my/").text

    assert 'href="/en/my/data/download/"' in page
    assert 'href="/en/my/account/remove/"' in page


def test_the_removed_page_is_public(client, db, homes):
    page = client.get("/en/account-removed/")

    assert page.status_code == 200
    assert "Your account has been removed" in page.text
