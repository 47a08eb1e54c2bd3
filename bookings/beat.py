"""Periodic work of bookings (Celery beat, see CELERY_BEAT_SCHEDULE): reminders
three days before, releasing group places not claimed in time, and warning
coordinators of a day below its minimum. Each is safe to run twice: what was
done is marked in the same statement that claims it, so nothing goes twice.

A module of its own (imported by BookingsConfig.ready) because these tasks call
`services`, which itself queues the mail tasks of `tasks`."""

from datetime import timedelta

from celery import shared_task
from django.db import transaction
from django.db.models import Count, Min, Q
from django.utils import timezone

from workshops.choices import DayStatus
from workshops.models import TrainingDay

from . import groups, tasks
from .models import Registration

Status = Registration.Status

REMIND_BEFORE = timedelta(days=3)
RUNNING = (DayStatus.PUBLISHED, DayStatus.FULL)


def _days_starting(after, until):
    return (
        TrainingDay.objects.filter(status__in=RUNNING)
        .annotate(first_date=Min("sessions__date"))
        .filter(first_date__gte=after, first_date__lte=until)
    )


def send_reminders(now=None) -> int:
    """Mail every confirmed participant of a day whose first session is within
    three days, once. Returns the number of reminders queued."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    days = _days_starting(today, today + REMIND_BEFORE)
    due = Registration.objects.filter(
        training_day__in=days, status=Status.CONFIRMED, reminded_at__isnull=True, user__isnull=False
    ).values_list("pk", flat=True)
    queued = 0
    for registration_id in due:
        with transaction.atomic():
            # Claimed and marked in one statement: a second run finds it marked.
            claimed = Registration.objects.filter(
                pk=registration_id, reminded_at__isnull=True
            ).update(reminded_at=now)
            if claimed:
                queued += 1
                transaction.on_commit(lambda pk=registration_id: tasks.send_reminder_mail.delay(pk))
    return queued


def warn_below_minimum(now=None) -> int:
    """Tell coordinators, once per day, when its decision date has come and
    fewer than the minimum have a confirmed place. Returns the days warned."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    below = (
        TrainingDay.objects.filter(
            status__in=RUNNING,
            min_participants__gt=0,
            decision_date__lte=today,
            minimum_warning_sent_at__isnull=True,
        )
        .annotate(
            first_date=Min("sessions__date"),
            confirmed=Count(
                "registrations",
                filter=Q(registrations__status=Status.CONFIRMED),
                distinct=True,
            ),
        )
        .filter(first_date__gte=today)
    )
    warned = 0
    for day in below:
        if day.confirmed >= day.min_participants:
            continue
        with transaction.atomic():
            claimed = TrainingDay.objects.filter(
                pk=day.pk, minimum_warning_sent_at__isnull=True
            ).update(minimum_warning_sent_at=now)
            if claimed:
                warned += 1
                transaction.on_commit(lambda pk=day.pk: tasks.send_minimum_warning.delay(pk))
    return warned


@shared_task
def remind_participants() -> int:
    return send_reminders()


@shared_task
def release_unclaimed_places() -> int:
    return groups.release_expired()


@shared_task
def warn_coordinators_below_minimum() -> int:
    return warn_below_minimum()
