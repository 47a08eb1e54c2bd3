"""The work a worker does for a certificate: render the PDF once, store it in
the private storage, and send the mails. Called by `tasks`; nothing here queues
anything, so `services` -> `tasks` -> `rendering` is a line, not a circle."""

import hashlib
from datetime import timedelta

from django.core.files.base import ContentFile
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.models import Page, Site

from lms.http import public_url
from lms.models import SiteSettings
from lms.usercache import bump_user_version

from .models import Certificate
from .pdf import CertificateContent, CertificateDesign, render_certificate

REMIND_BEFORE = timedelta(weeks=6)


def verify_url(certificate: Certificate) -> str:
    with translation.override(certificate.language):
        return public_url(reverse("certificates:verify_code", args=[certificate.code]))


def design_for(certificate: Certificate) -> CertificateDesign:
    site = Site.objects.filter(is_default_site=True).first()
    organisation = "Expertisecentrum"
    if site is not None:
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
    file left behind by a killed run is replaced rather than duplicated."""
    with transaction.atomic():
        certificate = Certificate.objects.select_for_update().filter(pk=certificate_id).first()
        if certificate is None or certificate.status == Certificate.Status.REVOKED:
            return certificate
        if not certificate.pdf:
            data = render(certificate)
            name = certificate.pdf.field.generate_filename(certificate, "certificate.pdf")
            storage = certificate.pdf.storage
            if storage.exists(name):  # left by a run that died before committing
                storage.delete(name)
            certificate.pdf.save(name, ContentFile(data), save=False)
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
    failed = Certificate.objects.filter(pk=certificate_id, status=Certificate.Status.PENDING)
    recipients = list(failed.values_list("recipient_id", flat=True))
    failed.update(
        status=Certificate.Status.FAILED, failure=f"{type(error).__name__}: {error}"[:255]
    )
    for recipient_id in recipients:  # /my/ no longer lists it (update() sends no signal)
        if recipient_id is not None:
            bump_user_version(recipient_id)


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
    page = (
        Page.objects.live()
        .filter(translation_key=certificate.subject_key, locale__language_code=certificate.language)
        .first()
    )
    return public_url(page.url) if page is not None and page.url else public_url("/")
