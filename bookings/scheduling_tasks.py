"""Celery entry points of school-lesson scheduling: thin, they take keys and
call the mail modules. Queued after commit by `school_scheduling`, which
imports this module (so this one imports no service)."""

from celery import shared_task

from . import school_notifications, trainer_notifications
from .tasks import RETRY


@shared_task(**RETRY)
def send_proposal(request_id: int) -> None:
    school_notifications.send_proposal(request_id)


@shared_task(**RETRY)
def send_trainer_assignment(session_id: int, trainer_id: int) -> None:
    trainer_notifications.send_assignment(session_id, trainer_id)


@shared_task(**RETRY)
def send_trainer_change(session_id: int, trainer_id: int) -> None:
    trainer_notifications.send_change(session_id, trainer_id)


@shared_task(**RETRY)
def send_trainer_cancellation(session_id: int, trainer_id: int, reason: str = "") -> None:
    trainer_notifications.send_cancellation(session_id, trainer_id, reason)


@shared_task(**RETRY)
def send_closed(request_id: int, cancelled_lesson_ids: list[int]) -> None:
    school_notifications.send_closed(request_id, cancelled_lesson_ids)
