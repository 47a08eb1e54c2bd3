"""Celery entry points of the school side: thin, they take keys and call
`school_notifications`. Queued after commit by `schools` and `school_beat`,
which import this module (so this one imports no service)."""

from celery import shared_task

from . import school_notifications
from .tasks import RETRY


@shared_task(**RETRY)
def send_school_confirmation_link(request_id: int) -> None:
    school_notifications.send_confirmation_link(request_id)


@shared_task(**RETRY)
def send_school_received(request_id: int) -> None:
    school_notifications.send_received(request_id)


@shared_task(**RETRY)
def send_school_confirmed(request_id: int) -> None:
    school_notifications.send_confirmed(request_id)


@shared_task(**RETRY)
def send_school_other_dates_asked(request_id: int) -> None:
    school_notifications.send_other_dates_asked(request_id)


@shared_task(**RETRY)
def send_school_lesson_reminder(class_id: int) -> None:
    school_notifications.send_lesson_reminder(class_id)


@shared_task(**RETRY)
def send_school_evaluation_invitation(request_id: int) -> None:
    school_notifications.send_evaluation_invitation(request_id)


@shared_task(**RETRY)
def send_school_invitation(previous_id: int, school_year: str) -> None:
    school_notifications.send_invitation(previous_id, school_year)
