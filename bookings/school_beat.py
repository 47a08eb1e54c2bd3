"""Periodic work of school lessons (Celery beat, see CELERY_BEAT_SCHEDULE):
a reminder two days before each lesson, and after a request's last lesson
its status "delivered" with the evaluation invitation. Each is safe to run
twice: what was done is marked in the statement that claims it.

A module of its own because these tasks call `schools`, which itself queues
the mail tasks of `school_tasks`."""

from datetime import timedelta

from celery import shared_task
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from . import school_tasks, schools
from .models import SchoolClass, SchoolLessonRequest

Status = SchoolLessonRequest.Status

REMIND_BEFORE = timedelta(days=2)


def send_lesson_reminders(now=None) -> int:
    """Mail the school contact and both trainers of every lesson of a
    confirmed request within the next two days, once per lesson. Returns
    the number of lessons reminded."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    due = (
        SchoolClass.objects.filter(
            request__status=Status.CONFIRMED,
            reminded_at__isnull=True,
            session__isnull=False,
            session__cancelled_at__isnull=True,
            session__date__gte=today,
            session__date__lte=today + REMIND_BEFORE,
        )
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    reminded = 0
    for class_id in list(due):
        with transaction.atomic():
            claimed = SchoolClass.objects.filter(pk=class_id, reminded_at__isnull=True).update(
                reminded_at=now
            )
            if claimed:
                reminded += 1
                transaction.on_commit(
                    lambda pk=class_id: school_tasks.send_school_lesson_reminder.delay(pk)
                )
    return reminded


def deliver_finished(now=None) -> int:
    """Every confirmed request whose last lesson has ended becomes delivered
    and its school is invited to evaluate, once. Returns how many."""
    now = now or timezone.now()
    candidates = (
        SchoolLessonRequest.objects.filter(
            status=Status.CONFIRMED, classes__session__cancelled_at__isnull=True
        )
        .annotate(last_date=Max("classes__session__date"))
        .filter(last_date__lte=timezone.localdate(now))
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    return sum(schools.mark_delivered(request_id, now) for request_id in list(candidates))


@shared_task
def remind_school_lessons() -> int:
    return send_lesson_reminders()


@shared_task
def deliver_finished_school_lessons() -> int:
    return deliver_finished()
