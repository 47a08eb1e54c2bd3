import hashlib
import importlib
import io
import os
import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from django.apps import apps
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.utils import timezone
from pypdf import PdfReader

from certificates import rendering, services, tasks
from certificates.models import (
    CODE_LENGTH,
    Certificate,
    new_code,
    normalise_code,
    pdf_upload_to,
)
from courses import services as learning
from lms import roles
from lms.errors import Refused
from tests.factories import LessonPageFactory, UserFactory

pytestmark = pytest.mark.django_db


def issue(learner, course, on_commit):
    with on_commit(execute=True):
        return services.issue_for_course(learner, course)


def stored_pdf(certificate) -> bytes:
    certificate.refresh_from_db()
    with certificate.pdf.open("rb") as handle:
        return handle.read()


def pdf_text(certificate) -> str:
    certificate.refresh_from_db()
    with certificate.pdf.open("rb") as handle:
        return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(handle.read())).pages)


def test_codes_are_grouped_and_carry_enough_randomness():
    codes = {new_code() for _ in range(2000)}
    assert len(codes) == 2000
    sample = next(iter(codes))
    assert len(sample.replace("-", "")) == CODE_LENGTH and CODE_LENGTH * 5 >= 50
    assert sample.count("-") == 3
    assert normalise_code(sample.lower().replace("-", " ")) == sample


def test_completing_a_course_issues_a_certificate_with_its_pdf_and_mail(
    course, learner, django_capture_on_commit_callbacks, mailoutbox
):
    lesson = LessonPageFactory(parent=course)
    learning.enroll(learner, course)
    with django_capture_on_commit_callbacks(execute=True):
        learning.mark_lesson_done(learner, lesson)
    certificate = Certificate.objects.get()
    assert certificate.status == Certificate.Status.READY
    assert certificate.recipient_name == "Noor Smit"
    text = pdf_text(certificate)
    for expected in (
        "Noor Smit",
        "Signalen van mensenhandel herkennen",
        certificate.code,
        timezone.localdate().strftime("%Y"),
    ):
        assert expected in text
    with certificate.pdf.open("rb") as handle:
        assert hashlib.sha256(handle.read()).hexdigest() == certificate.sha256
    assert [m.to for m in mailoutbox] == [["noor@example.org"]]
    assert certificate.code in mailoutbox[0].body
    issued = certificate.issued_on
    # The course is valid for 24 months; from 29 February that ends on the 28th.
    leap_day = (issued.month, issued.day) == (2, 29)
    assert certificate.expires_on == date(
        issued.year + 2, issued.month, 28 if leap_day else issued.day
    )


@pytest.mark.parametrize(
    ("issued", "months", "expires"),
    [
        (date(2025, 3, 14), 24, date(2027, 3, 14)),
        (date(2024, 2, 29), 24, date(2026, 2, 28)),
        (date(2025, 1, 31), 1, date(2025, 2, 28)),
        (date(2025, 11, 30), 3, date(2026, 2, 28)),
        (date(2025, 12, 15), 1, date(2026, 1, 15)),
    ],
)
def test_validity_counts_calendar_months_ending_on_the_last_day_that_exists(
    issued, months, expires
):
    assert services._add_months(issued, months) == expires


def test_the_qr_link_is_the_verification_url(course, learner, django_capture_on_commit_callbacks):
    certificate = issue(learner, course, django_capture_on_commit_callbacks)
    certificate.refresh_from_db()
    with certificate.pdf.open("rb") as handle:
        reader = PdfReader(io.BytesIO(handle.read()))
    uris = [a.get_object()["/A"]["/URI"] for a in reader.pages[0].get("/Annots", [])]
    assert uris == [f"http://testserver/nl/certificates/verify/{certificate.code}/"]


def test_generating_twice_keeps_one_pdf_and_one_mail(
    course, learner, django_capture_on_commit_callbacks, mailoutbox
):
    certificate = issue(learner, course, django_capture_on_commit_callbacks)
    certificate.refresh_from_db()
    first = (certificate.pdf.name, certificate.sha256)
    rendering.generate(certificate.pk)
    rendering.generate(certificate.pk)
    certificate.refresh_from_db()
    assert (certificate.pdf.name, certificate.sha256) == first
    assert len(mailoutbox) == 1
    folder = certificate.pdf.storage.path("certificates")
    assert os.listdir(folder) == [os.path.basename(certificate.pdf.name)]


def test_a_killed_run_leaves_no_second_file(course, learner, django_capture_on_commit_callbacks):
    """A worker that wrote the file but died before committing: the retry
    replaces the orphan with the same bytes instead of adding a copy."""
    with django_capture_on_commit_callbacks(execute=False):
        certificate = services.issue_for_course(learner, course)
    data = rendering.render(certificate)
    storage = certificate.pdf.storage
    name = pdf_upload_to(certificate, "certificate.pdf")
    storage.save(name, io.BytesIO(data))
    rendering.generate(certificate.pk)
    certificate.refresh_from_db()
    assert certificate.pdf.name == name
    assert os.listdir(storage.path("certificates")) == [os.path.basename(name)]
    assert certificate.sha256 == hashlib.sha256(data).hexdigest()


def _files(folder) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in Path(folder).rglob("*") if p.is_file())


def test_the_pdf_is_kept_in_the_private_storage_outside_media_root(
    course, learner, settings, django_capture_on_commit_callbacks
):
    certificate = issue(learner, course, django_capture_on_commit_callbacks)
    certificate.refresh_from_db()
    assert _files(settings.PRIVATE_MEDIA_ROOT) == [certificate.pdf.name]
    assert _files(settings.MEDIA_ROOT) == []
    stored = Path(settings.PRIVATE_MEDIA_ROOT) / certificate.pdf.name
    assert hashlib.sha256(stored.read_bytes()).hexdigest() == certificate.sha256


def test_the_pdf_file_name_does_not_contain_the_code(
    course, learner, django_capture_on_commit_callbacks
):
    certificate = issue(learner, course, django_capture_on_commit_callbacks)
    certificate.refresh_from_db()
    assert re.fullmatch(r"certificates/[0-9a-f]{40}\.pdf", certificate.pdf.name)
    assert certificate.code.replace("-", "") not in certificate.pdf.name.upper().replace("-", "")


def test_a_stored_pdf_has_no_url(course, learner, django_capture_on_commit_callbacks):
    certificate = issue(learner, course, django_capture_on_commit_callbacks)
    certificate.refresh_from_db()
    with pytest.raises(NotImplementedError):
        certificate.pdf.url  # noqa: B018


def _move_pdfs_to_private_storage():
    migration = importlib.import_module("certificates.migrations.0004_move_pdfs_to_private_storage")
    migration.move_pdfs_to_private_storage(apps, None)


def _as_before_the_private_storage(certificate) -> bytes:
    """Put the certificate's PDF back where it used to be: public media, named by its code."""
    data = stored_pdf(certificate)
    certificate.pdf.delete(save=False)
    legacy_name = f"certificates/{certificate.code}.pdf"
    storages["default"].save(legacy_name, ContentFile(data))
    Certificate.objects.filter(pk=certificate.pk).update(pdf=legacy_name)
    return data


def test_the_migration_moves_public_pdfs_into_the_private_storage(
    client, course, learner, settings, django_capture_on_commit_callbacks
):
    certificate = issue(learner, course, django_capture_on_commit_callbacks)
    certificate.refresh_from_db()
    data = _as_before_the_private_storage(certificate)
    _move_pdfs_to_private_storage()
    certificate.refresh_from_db()
    assert certificate.pdf.name == pdf_upload_to(certificate, "certificate.pdf")
    assert _files(settings.MEDIA_ROOT) == []
    assert _files(settings.PRIVATE_MEDIA_ROOT) == [certificate.pdf.name]
    client.force_login(learner)
    response = client.get(f"/nl/certificates/{certificate.code}/pdf")
    assert b"".join(response.streaming_content) == data


def test_the_migration_run_again_deletes_a_public_copy_left_behind(
    course, learner, settings, django_capture_on_commit_callbacks
):
    certificate = issue(learner, course, django_capture_on_commit_callbacks)
    certificate.refresh_from_db()
    data = _as_before_the_private_storage(certificate)
    _move_pdfs_to_private_storage()
    # As if the first run stopped after saving the row, before deleting the file.
    storages["default"].save(f"certificates/{certificate.code}.pdf", ContentFile(data))
    _move_pdfs_to_private_storage()
    certificate.refresh_from_db()
    assert _files(settings.MEDIA_ROOT) == []
    assert _files(settings.PRIVATE_MEDIA_ROOT) == [certificate.pdf.name]
    assert stored_pdf(certificate) == data


def test_a_new_completion_issues_a_new_certificate_and_keeps_the_old(
    course, learner, django_capture_on_commit_callbacks
):
    first = issue(learner, course, django_capture_on_commit_callbacks)
    second = issue(learner, course, django_capture_on_commit_callbacks)
    assert first.code != second.code
    assert Certificate.objects.filter(status=Certificate.Status.READY).count() == 2


def test_template_edits_never_change_an_issued_pdf(
    course, learner, locales, django_capture_on_commit_callbacks
):
    from certificates.models import CertificateTemplate

    template = CertificateTemplate.objects.create(
        locale=locales["nl"],
        name="Standaard",
        heading="Certificaat",
        signatory_name="A. Jansen",
        signatory_role="Directeur",
        is_default=True,
    )
    certificate = issue(learner, course, django_capture_on_commit_callbacks)
    certificate.refresh_from_db()
    before = certificate.sha256
    template.signatory_name = "B. de Boer"
    template.save()
    rendering.generate(certificate.pk)
    certificate.refresh_from_db()
    assert certificate.sha256 == before and "A. Jansen" in pdf_text(certificate)


@pytest.mark.parametrize(
    ("who", "status"),
    [("owner", 200), ("coordinator", 200), ("other learner", 404), ("trainer", 404)],
)
def test_pdf_is_for_the_owner_and_coordinators_only(
    client, course, learner, who, status, django_capture_on_commit_callbacks
):
    certificate = issue(learner, course, django_capture_on_commit_callbacks)
    users = {
        "owner": learner,
        "coordinator": UserFactory(roles=[roles.COORDINATORS]),
        "other learner": UserFactory(roles=[roles.LEARNERS]),
        "trainer": UserFactory(roles=[roles.TRAINERS]),
    }
    client.force_login(users[who])
    response = client.get(f"/nl/certificates/{certificate.code}/pdf")
    assert response.status_code == status
    if status == 200:
        assert response["Content-Type"] == "application/pdf"
        assert response["Cache-Control"] == "private, no-store"
        assert b"".join(response.streaming_content) == stored_pdf(certificate)


def test_anonymous_visitors_get_a_404_that_offers_the_log_in(
    client, course, learner, django_capture_on_commit_callbacks
):
    certificate = issue(learner, course, django_capture_on_commit_callbacks)
    response = client.get(f"/nl/certificates/{certificate.code}/pdf")
    assert response.status_code == 404
    assert "/nl/accounts/login/?next=" in response.text
    assert "Noor Smit" not in response.text


def test_verification_shows_valid_with_name_course_and_date_only(
    client, course, learner, django_capture_on_commit_callbacks
):
    certificate = issue(learner, course, django_capture_on_commit_callbacks)
    response = client.get(f"/nl/certificates/verify/{certificate.code.lower()}/")
    assert response.status_code == 200
    assert "Dit certificaat is geldig." in response.text
    assert "Noor Smit" in response.text and "Signalen van mensenhandel herkennen" in response.text
    assert "noor@example.org" not in response.text


def test_verification_form_redirects_to_the_code(
    client, course, learner, django_capture_on_commit_callbacks
):
    certificate = issue(learner, course, django_capture_on_commit_callbacks)
    response = client.get("/nl/certificates/verify/", {"code": certificate.code.replace("-", " ")})
    assert response.status_code == 302
    assert response["Location"] == f"/nl/certificates/verify/{certificate.code}/"
    bad = client.get("/nl/certificates/verify/", {"code": "abc"})
    assert bad.status_code == 400


def test_unknown_code_is_a_404_with_a_clear_message(client, homes):
    response = client.get("/en/certificates/verify/AAAA-BBBB-CCCC-DD/")
    assert response.status_code == 404
    assert "No certificate has the code" in response.text


def test_revoked_and_expired_certificates_say_so(
    client, course, learner, django_capture_on_commit_callbacks
):
    revoked = issue(learner, course, django_capture_on_commit_callbacks)
    services.revoke(revoked, "Fraude bij de toets")
    assert "ingetrokken" in client.get(f"/nl/certificates/verify/{revoked.code}/").text
    expired = issue(learner, course, django_capture_on_commit_callbacks)
    Certificate.objects.filter(pk=expired.pk).update(
        expires_on=timezone.localdate() - timedelta(days=1)
    )
    assert "verlopen" in client.get(f"/nl/certificates/verify/{expired.code}/").text
    with pytest.raises(Refused):
        services.revoke(revoked, "nog eens")
    with pytest.raises(Refused):
        services.revoke(expired, "   ")


def test_verification_is_rate_limited_per_client(client, homes):
    statuses = [
        client.get("/nl/certificates/verify/AAAA-BBBB-CCCC-DD/").status_code for _ in range(31)
    ]
    assert statuses[:30] == [404] * 30
    assert statuses[30] == 429


def test_stuck_pending_certificates_are_queued_again(
    course, learner, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False):
        certificate = services.issue_for_course(learner, course)
    Certificate.objects.filter(pk=certificate.pk).update(
        created_at=timezone.now() - timedelta(minutes=11)
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert tasks.requeue_stuck() == 1
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.READY


def test_expiry_reminder_is_sent_once_with_a_link_to_enrol_again(
    course, learner, django_capture_on_commit_callbacks, mailoutbox
):
    certificate = issue(learner, course, django_capture_on_commit_callbacks)
    Certificate.objects.filter(pk=certificate.pk).update(
        expires_on=timezone.localdate() + timedelta(weeks=4)
    )
    mailoutbox.clear()
    assert rendering.remind_expiring() == 1
    assert rendering.remind_expiring() == 0
    assert len(mailoutbox) == 1 and course.url in mailoutbox[0].body


def test_dashboard_lists_my_certificates(
    client, course, learner, django_capture_on_commit_callbacks
):
    certificate = issue(learner, course, django_capture_on_commit_callbacks)
    client.force_login(learner)
    page = client.get("/nl/my/").text
    assert "Mijn certificaten" in page and f"/nl/certificates/{certificate.code}/pdf" in page
