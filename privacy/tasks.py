"""Celery entry points of the privacy app: the retention rules, one beat
entry each (CELERY_BEAT_SCHEDULE), safe to run twice."""

from celery import shared_task

from . import retention


@shared_task
def apply_retention(rule: str) -> int:
    return retention.apply(rule)
