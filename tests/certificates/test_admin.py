"""The certificate back office in the Wagtail admin."""

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

from certificates import services
from certificates.models import Certificate, CertificateTemplate
from lms import roles
from tests.factories import UserFactory
from tests.lms.test_accounts import current_code

pytestmark = pytest.mark.django_db


def log_in_with_second_factor(client, user):
    """A session that passed the second factor, as the admin requires."""
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    client.force_login(user)
    response = client.post("/nl/accounts/2fa/reauthenticate/", {"code": current_code(secret)})
    assert response.status_code == 302


@pytest.fixture
def coordinator(client):
    user = UserFactory(roles=[roles.COORDINATORS])
    log_in_with_second_factor(client, user)
    return user


@pytest.fixture
def certificate(course, learner, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return services.issue_for_course(learner, course)


def test_listing_filters_and_searches(client, coordinator, certificate):
    page = client.get("/admin/certificates/certificate/")
    assert page.status_code == 200 and certificate.code in page.text
    assert certificate.code in client.get("/admin/certificates/certificate/", {"q": "Noor"}).text
    assert (
        certificate.code
        not in client.get("/admin/certificates/certificate/", {"status__exact": "revoked"}).text
    )
    export = client.get("/admin/certificates/certificate/", {"export": "csv"})
    assert certificate.code in b"".join(export.streaming_content).decode()


def test_revoke_needs_a_reason(client, coordinator, certificate):
    url = f"/admin/certificates/{certificate.pk}/manage/"
    assert client.post(url, {"action": "revoke", "reason": ""}).status_code == 400
    client.post(url, {"action": "revoke", "reason": "Toets niet zelf gemaakt"})
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.REVOKED
    assert certificate.revoke_reason == "Toets niet zelf gemaakt"


def test_reissue_makes_a_new_certificate_and_keeps_the_old(
    client, coordinator, certificate, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/admin/certificates/{certificate.pk}/manage/", {"action": "reissue"}
        )
    assert response.status_code == 302
    assert Certificate.objects.count() == 2
    assert Certificate.objects.exclude(pk=certificate.pk).get().status == Certificate.Status.READY


def test_coordinator_issues_certificates_in_bulk(
    client, coordinator, course, django_capture_on_commit_callbacks
):
    people = [UserFactory(email=f"team{i}@example.org") for i in range(3)]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/admin/certificates/issue/",
            {"course": course.pk, "emails": "\n".join(p.email.upper() for p in people)},
        )
    assert response.status_code == 302
    assert (
        Certificate.objects.filter(status=Certificate.Status.READY, issued_by=coordinator).count()
        == 3
    )


def test_bulk_issue_with_an_unknown_address_issues_nothing(client, coordinator, course):
    response = client.post(
        "/admin/certificates/issue/", {"course": course.pk, "emails": "nobody@example.org"}
    )
    assert response.status_code == 400
    assert "nobody@example.org" in response.text
    assert Certificate.objects.count() == 0


def test_progress_page_counts_and_regenerates_failed(
    client, coordinator, certificate, django_capture_on_commit_callbacks
):
    failed = Certificate.objects.create(
        recipient=certificate.recipient,
        recipient_name="Noor Smit",
        subject_title="Cursus",
        status=Certificate.Status.FAILED,
    )
    page = client.get("/admin/certificates/progress/")
    assert page.status_code == 200 and 'value="100"' in page.text
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/admin/certificates/progress/")
    failed.refresh_from_db()
    assert failed.status == Certificate.Status.READY


def test_template_preview_is_a_pdf(client, coordinator, locales):
    template = CertificateTemplate.objects.create(
        locale=locales["nl"],
        name="Standaard",
        signatory_name="A. Jansen",
        signatory_role="Directeur",
    )
    response = client.get(f"/admin/certificates/templates/{template.pk}/preview.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf" and response.content.startswith(b"%PDF")


def test_editors_are_sent_back_to_the_admin_home_from_certificate_management(client, certificate):
    """Editors may enter the admin, so Wagtail answers a denied admin view by
    sending them to the admin home with a "no permission" message."""
    log_in_with_second_factor(client, UserFactory(roles=[roles.EDITORS]))
    for response in (
        client.get(f"/admin/certificates/{certificate.pk}/manage/"),
        client.post(f"/admin/certificates/{certificate.pk}/manage/", {"action": "reissue"}),
        client.post("/admin/certificates/issue/", {}),
    ):
        assert response.status_code == 302
        assert response["Location"] == "/admin/"
    assert Certificate.objects.count() == 1


def test_learners_get_the_no_access_page_for_certificate_management(client, certificate):
    client.force_login(certificate.recipient)
    for response in (
        client.get(f"/admin/certificates/{certificate.pk}/manage/"),
        client.post(f"/admin/certificates/{certificate.pk}/manage/", {"action": "reissue"}),
        client.post("/admin/certificates/issue/", {}),
    ):
        assert response.status_code == 403
    assert Certificate.objects.count() == 1


def test_template_listing_links_to_the_pdf_preview(client, coordinator, locales):
    template = CertificateTemplate.objects.create(
        locale=locales["nl"],
        name="Standaard",
        signatory_name="A. Jansen",
        signatory_role="Directeur",
    )
    page = client.get("/admin/snippets/certificates/certificatetemplate/")
    assert page.status_code == 200
    assert f'href="/admin/certificates/templates/{template.pk}/preview.pdf"' in page.text


def test_the_inspect_page_works_for_a_pdf_without_a_url(client, coordinator, certificate):
    """The private storage refuses to make URLs; the admin must not ask for one."""
    page = client.get(f"/admin/certificates/certificate/inspect/{certificate.pk}/")
    assert page.status_code == 200
    assert certificate.code in page.text
    assert "/media/" not in page.text
