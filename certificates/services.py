"""Issuing, generating, revoking and reminding: the certificate workflows."""

import logging
from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lms import audit
from lms.errors import Refused

from .models import Certificate, CertificateTemplate
from .tasks import queue_generation

logger = logging.getLogger(__name__)


def _add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return day.replace(year=year, month=month, day=min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)


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
    completion always gives a new certificate; earlier ones stay as they are.
    Raises Refused when the user has no first and last name: a
    certificate carries a name, never an e-mail address."""
    if not user.has_name:
        raise Refused(_("A certificate needs the recipient's first and last name."))
    language = language or getattr(user, "language", "nl") or "nl"
    today = timezone.localdate()
    with transaction.atomic():
        certificate = Certificate.objects.create(
            recipient=user,
            recipient_name=user.get_full_name(),
            kind=kind,
            subject_key=subject_key,
            subject_title=subject_title,
            study_load=study_load,
            language=language,
            issued_on=today,
            expires_on=_add_months(today, validity_months) if validity_months else None,
            validity_months=validity_months,
            template=template_for(language),
            issued_by=issued_by,
        )
        audit.record(
            certificate,
            "certificates.issue",
            by=issued_by,
            changes={"status": (None, certificate.status)},
        )
        queue_generation(certificate)
    return certificate


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


def revoke(certificate: Certificate, reason: str, *, by=None) -> Certificate:
    if not reason.strip():
        raise Refused(_("Give a reason for revoking."))
    if certificate.status == Certificate.Status.REVOKED:
        raise Refused(_("This certificate has already been revoked."))
    before = certificate.status
    certificate.status = Certificate.Status.REVOKED
    certificate.revoked_at = timezone.now()
    certificate.revoke_reason = reason.strip()[:255]
    with transaction.atomic():
        certificate.save(update_fields=["status", "revoked_at", "revoke_reason"])
        # The reason stays on the certificate, not in the log.
        audit.record(
            certificate,
            "certificates.revoke",
            by=by,
            changes={"status": (before, Certificate.Status.REVOKED)},
        )
    logger.info("certificate %s revoked by %s: %s", certificate.code, by, reason)
    return certificate


def reissue(certificate: Certificate, *, by=None) -> Certificate:
    """A new certificate (new code, today's date) for the same recipient and subject."""
    if certificate.recipient is None:
        raise Refused(_("The recipient's account no longer exists."))
    with transaction.atomic():
        new = issue(
            certificate.recipient,
            kind=certificate.kind,
            subject_key=certificate.subject_key,
            subject_title=certificate.subject_title,
            study_load=certificate.study_load,
            validity_months=certificate.validity_months,
            issued_by=by,
            language=certificate.language,
        )
        audit.record(certificate, "certificates.reissue", by=by, new_certificate=new.pk)
    return new
