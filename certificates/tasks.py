"""Celery entry points of the certificates app (thin: they call the services)."""

from celery import shared_task
from django.db import DatabaseError

from . import services


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
    try:
        certificate = services.generate(certificate_id)
    except (OSError, DatabaseError):
        if self.request.retries >= self.max_retries:
            services.mark_failed(certificate_id, RuntimeError("gave up after retries"))
        raise
    except Exception as error:  # a bug or bad data: retrying will not help
        services.mark_failed(certificate_id, error)
        raise
    return certificate.status if certificate else None


@shared_task
def requeue_stuck_certificates() -> int:
    return services.requeue_stuck()


@shared_task
def remind_expiring_certificates() -> int:
    return services.remind_expiring()
