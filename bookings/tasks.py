"""Celery entry points of bookings: thin, they take keys and call
`notifications` (mails) or `services`. Queued after commit by the services."""

from celery import shared_task
from django.db import DatabaseError

from . import notifications

RETRY = {
    "autoretry_for": (OSError, DatabaseError),
    "retry_backoff": 2,
    "retry_backoff_max": 300,
    "max_retries": 8,
    "acks_late": True,
}


@shared_task(**RETRY)
def send_booking_mail(registration_id: int) -> None:
    notifications.send_booking_mail(registration_id)


@shared_task(**RETRY)
def send_promotion_mail(registration_id: int) -> None:
    notifications.send_promotion_mail(registration_id)


@shared_task(**RETRY)
def send_cancellation_mail(registration_id: int) -> None:
    notifications.send_cancellation_mail(registration_id)


# --- Group bookings, in-company requests, reminders, the centre cancelling ---


@shared_task(**RETRY)
def send_reminder_mail(registration_id: int) -> None:
    notifications.send_reminder_mail(registration_id)


@shared_task(**RETRY)
def send_day_cancelled_mail(registration_id: int, reason: str = "") -> None:
    notifications.send_day_cancelled_mail(registration_id, reason)


@shared_task(**RETRY)
def send_group_booked_mail(group_id: int) -> None:
    notifications.send_group_booked_mail(group_id)


@shared_task(**RETRY)
def send_claim_invitation(registration_id: int) -> None:
    notifications.send_claim_invitation(registration_id)


@shared_task(**RETRY)
def send_places_released_mail(group_id: int, emails: list[str]) -> None:
    notifications.send_places_released_mail(group_id, emails)


@shared_task(**RETRY)
def send_in_company_confirmation(request_id: int) -> None:
    notifications.send_in_company_confirmation(request_id)


@shared_task(**RETRY)
def send_in_company_received(request_id: int) -> None:
    notifications.send_in_company_received(request_id)


@shared_task(**RETRY)
def send_in_company_planned(request_id: int) -> None:
    notifications.send_in_company_planned(request_id)


@shared_task(**RETRY)
def send_minimum_warning(day_id: int) -> None:
    notifications.send_minimum_warning(day_id)
