"""Celery entry points of the certificates app, and queueing them: thin, they
call `rendering` for the work."""

import logging
from datetime import timedelta

from celery import shared_task
from django.db import DatabaseError, transaction
from django.utils import timezone

from lms.usercache import bump_user_version

from . import rendering
from .models import Certificate

logger = logging.getLogger(__name__)


@shared_task(
    bind=True,
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=(OSError, DatabaseError),
    retry_backoff=2,
    retry_backoff_max=300,
    max_retries=8,
)
def generate_certificate(self, certificate_id: int) -> str | None:
    if (self.request.delivery_info or {}).get("redelivered"):
        # Worth knowing: workers are being lost. Running again is safe, as
        # rendering.generate is idempotent.
        logger.warning(
            "Certificate %s: task delivered again; an earlier worker stopped "
            "before acknowledging it",
            certificate_id,
        )
    try:
        certificate = rendering.generate(certificate_id)
    except (OSError, DatabaseError):
        if self.request.retries >= self.max_retries:
            rendering.mark_failed(certificate_id, RuntimeError("gave up after retries"))
        raise
    except Exception as error:  # a bug or bad data: retrying will not help
        rendering.mark_failed(certificate_id, error)
        raise
    return certificate.status if certificate else None


@shared_task
def requeue_stuck_certificates() -> int:
    return requeue_stuck()


@shared_task
def remind_expiring_certificates() -> int:
    return rendering.remind_expiring()


STUCK_AFTER = timedelta(minutes=10)


def queue_generation(certificate: Certificate) -> None:
    transaction.on_commit(lambda: generate_certificate.delay(certificate.pk))


def regenerate(certificates) -> int:
    """Queue again the certificates that have no PDF yet (failed or pending).
    Issued PDFs are never made again: they are immutable."""
    count = 0
    for certificate in certificates:
        if certificate.status in (Certificate.Status.FAILED, Certificate.Status.PENDING):
            Certificate.objects.filter(pk=certificate.pk).update(
                status=Certificate.Status.PENDING, failure=""
            )
            if certificate.recipient_id is not None:  # shown again on /my/, as pending
                bump_user_version(certificate.recipient_id)
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
