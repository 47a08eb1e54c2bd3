"""Issuing, generating, revoking and reminding: the certificate workflows."""

import hashlib
import logging
from datetime import date, timedelta

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.models import Site

from .models import Certificate, CertificateTemplate

logger = logging.getLogger(__name__)

STUCK_AFTER = timedelta(minutes=10)
REMIND_BEFORE = timedelta(weeks=6)


class CertificateError(Exception):
    """A certificate action that cannot be done; the message is for the user."""


def _add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return day.replace(year=year, month=month, day=min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)


def public_url(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def verify_url(certificate: Certificate) -> str:
    with translation.override(certificate.language):
        return public_url(reverse("certificates:verify_code", args=[certificate.code]))


def template_for(language: str) -> CertificateTemplate | None:
    templates = CertificateTemplate.objects.filter(locale__language_code=language)
    return templates.filter(is_default=True).first() or templates.first()


def issue(
    user,
    *,
    kind: str,
    subject_key,
    subject_title: str,
    study_load: str = "",
    validity_months: int = 0,
    issued_by=None,
    language: str | None = None,
) -> Certificate:
    """Create a certificate for `user` and queue its PDF after commit. A new
    completion always gives a new certificate; earlier ones stay as they are."""
    language = language or getattr(user, "language", "nl") or "nl"
    today = timezone.localdate()
    certificate = Certificate.objects.create(
        recipient=user,
        recipient_name=user.get_full_name() or user.email,
        kind=kind,
        subject_key=subject_key,
        subject_title=subject_title,
        study_load=study_load,
        language=language,
        issued_on=today,
        expires_on=_add_months(today, validity_months) if validity_months else None,
        template=template_for(language),
        issued_by=issued_by,
    )
    queue_generation(certificate)
    return certificate


def queue_generation(certificate: Certificate) -> None:
    from .tasks import generate_certificate

    transaction.on_commit(lambda: generate_certificate.delay(certificate.pk))


def issue_for_course(user, course, *, issued_by=None) -> Certificate:
    """A course-completion certificate, titled in the recipient's language."""
    language = getattr(user, "language", "nl") or "nl"
    titled = (
        course.get_translations(inclusive=True).filter(locale__language_code=language).first()
        or course
    ).specific
    return issue(
        user,
        kind=Certificate.Kind.COURSE,
        subject_key=course.translation_key,
        subject_title=titled.title,
        study_load=getattr(titled, "accreditation", ""),
        validity_months=getattr(course, "certificate_validity_months", 0),
        issued_by=issued_by,
        language=language,
    )


def design_for(certificate: Certificate):
    from .pdf import CertificateDesign

    site = Site.objects.filter(is_default_site=True).first()
    organisation = "Expertisecentrum"
    if site is not None:
        from lms.models import SiteSettings

        organisation = SiteSettings.for_site(site).organisation_name
    template = certificate.template
    with translation.override(certificate.language):
        if template is None:
            return CertificateDesign(
                heading=_("Certificate"),
                intro=_("This is to certify that"),
                completion_text=_("has successfully completed"),
                signatory_name=organisation,
                signatory_role=_("Training team"),
                organisation_name=organisation,
            )
        return CertificateDesign(
            heading=template.heading,
            intro=template.intro,
            completion_text=template.completion_text,
            signatory_name=template.signatory_name,
            signatory_role=template.signatory_role,
            organisation_name=organisation,
            primary_color=template.primary_color,
            logo_path=_image_path(template.logo),
            signature_path=_image_path(template.signature),
        )


def _image_path(image) -> str | None:
    if image is None:
        return None
    try:
        return image.file.path
    except (NotImplementedError, ValueError):
        return None


def render(certificate: Certificate) -> bytes:
    from .pdf import CertificateContent, render_certificate

    content = CertificateContent(
        recipient_name=certificate.recipient_name,
        subject_title=certificate.subject_title,
        issued_on=certificate.issued_on,
        study_load=certificate.study_load,
        code=certificate.code,
        verify_url=verify_url(certificate),
        language=certificate.language,
        expires_on=certificate.expires_on,
    )
    return render_certificate(design_for(certificate), content)


def generate(certificate_id: int) -> Certificate | None:
    """Render and store the PDF once, then e-mail the recipient once.

    Safe to run twice or after a crash: the PDF is only made while the row has
    none, rendering is deterministic (the same bytes, the same SHA-256), and a
    file left behind by a killed run is reused rather than duplicated."""
    with transaction.atomic():
        certificate = Certificate.objects.select_for_update().filter(pk=certificate_id).first()
        if certificate is None or certificate.status == Certificate.Status.REVOKED:
            return certificate
        if not certificate.pdf:
            data = render(certificate)
            name = f"certificates/{certificate.code}.pdf"
            storage = certificate.pdf.storage
            if storage.exists(name):  # left by a run that died before committing
                storage.delete(name)
            certificate.pdf.save(name.split("/")[-1], ContentFile(data), save=False)
            certificate.sha256 = hashlib.sha256(data).hexdigest()
        certificate.status = Certificate.Status.READY
        certificate.failure = ""
        certificate.save(update_fields=["pdf", "sha256", "status", "failure"])
    send_ready_mail(certificate.pk)
    return certificate


def send_ready_mail(certificate_id: int) -> None:
    """E-mail the recipient a link to their certificate, once."""
    with transaction.atomic():
        certificate = (
            Certificate.objects.select_for_update(of=("self",))
            .select_related("recipient")
            .filter(pk=certificate_id, emailed_at__isnull=True, status=Certificate.Status.READY)
            .first()
        )
        if certificate is None or certificate.recipient is None:
            return
        with translation.override(certificate.language):
            context = {
                "certificate": certificate,
                "pdf_url": public_url(reverse("certificates:pdf", args=[certificate.code])),
                "verify_url": verify_url(certificate),
            }
            subject = _("Your certificate: %(title)s") % {"title": certificate.subject_title}
            body = render_to_string("certificates/email/ready.txt", context)
        EmailMultiAlternatives(subject, body, to=[certificate.recipient.email]).send()
        certificate.emailed_at = timezone.now()
        certificate.save(update_fields=["emailed_at"])


def mark_failed(certificate_id: int, error: Exception) -> None:
    Certificate.objects.filter(pk=certificate_id, status=Certificate.Status.PENDING).update(
        status=Certificate.Status.FAILED, failure=f"{type(error).__name__}: {error}"[:255]
    )


def revoke(certificate: Certificate, reason: str, *, by=None) -> Certificate:
    if not reason.strip():
        raise CertificateError(_("Give a reason for revoking."))
    if certificate.status == Certificate.Status.REVOKED:
        raise CertificateError(_("This certificate has already been revoked."))
    certificate.status = Certificate.Status.REVOKED
    certificate.revoked_at = timezone.now()
    certificate.revoke_reason = reason.strip()[:255]
    certificate.save(update_fields=["status", "revoked_at", "revoke_reason"])
    logger.info("certificate %s revoked by %s: %s", certificate.code, by, reason)
    return certificate


def reissue(certificate: Certificate, *, by=None) -> Certificate:
    """A new certificate (new code, today's date) for the same recipient and subject."""
    if certificate.recipient is None:
        raise CertificateError(_("The recipient's account no longer exists."))
    validity = 0
    if certificate.expires_on:
        validity = max(1, round((certificate.expires_on - certificate.issued_on).days / 30.44))
    return issue(
        certificate.recipient,
        kind=certificate.kind,
        subject_key=certificate.subject_key,
        subject_title=certificate.subject_title,
        study_load=certificate.study_load,
        validity_months=validity,
        issued_by=by,
        language=certificate.language,
    )


def regenerate(certificates) -> int:
    """Queue again the certificates that have no PDF yet (failed or pending).
    Issued PDFs are never made again: they are immutable."""
    count = 0
    for certificate in certificates:
        if certificate.status in (Certificate.Status.FAILED, Certificate.Status.PENDING):
            Certificate.objects.filter(pk=certificate.pk).update(
                status=Certificate.Status.PENDING, failure=""
            )
            queue_generation(certificate)
            count += 1
    return count


def requeue_stuck(now=None) -> int:
    """Certificates pending for longer than STUCK_AFTER go back on the queue."""
    now = now or timezone.now()
    stuck = Certificate.objects.filter(
        status=Certificate.Status.PENDING, created_at__lt=now - STUCK_AFTER
    )
    return regenerate(stuck)


def remind_expiring(today=None) -> int:
    """Mail learners whose certificate expires within REMIND_BEFORE, once each."""
    today = today or timezone.localdate()
    due = Certificate.objects.filter(
        status=Certificate.Status.READY,
        reminded_at__isnull=True,
        expires_on__isnull=False,
        expires_on__gte=today,
        expires_on__lte=today + REMIND_BEFORE,
        recipient__isnull=False,
    ).select_related("recipient")
    sent = 0
    for certificate in due:
        with translation.override(certificate.language):
            context = {"certificate": certificate, "enrol_url": _enrol_url(certificate)}
            subject = _("Your certificate for %(title)s expires soon") % {
                "title": certificate.subject_title
            }
            body = render_to_string("certificates/email/expiring.txt", context)
        EmailMultiAlternatives(subject, body, to=[certificate.recipient.email]).send()
        Certificate.objects.filter(pk=certificate.pk).update(reminded_at=timezone.now())
        sent += 1
    return sent


def _enrol_url(certificate: Certificate) -> str:
    from wagtail.models import Page

    page = (
        Page.objects.live()
        .filter(translation_key=certificate.subject_key, locale__language_code=certificate.language)
        .first()
    )
    return public_url(page.url) if page is not None and page.url else public_url("/")
