"""A trainer's own availability: periods they cannot be scheduled and the most
sessions they take a day and a week. Changed under a lock on the trainer's
row, the same lock `services.assign_trainer` takes, so a period entered while
a coordinator assigns them is seen by one or the other, never missed."""

import logging
from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lms.errors import Refused
from lms.locking import lock_one

from .models import Session, Trainer, Unavailability

logger = logging.getLogger(__name__)

# The longest period a trainer enters at once.
MAX_PERIOD = timedelta(days=366)
LIMITS = range(1, 11)


def add_unavailability(trainer: Trainer, starts_on: date, ends_on: date) -> Unavailability:
    """Record that `trainer` cannot be scheduled from `starts_on` to `ends_on`
    (inclusive). Raises Refused (400) for an end before the start, a start in
    the past or a period longer than a year."""
    if ends_on < starts_on:
        raise Refused(_("The end comes before the start."), status=400)
    if starts_on < timezone.localdate():
        raise Refused(_("The period cannot start in the past."), status=400)
    if ends_on - starts_on >= MAX_PERIOD:
        raise Refused(_("Enter at most a year at a time."), status=400)
    with transaction.atomic():
        trainer = lock_one(trainer)
        period = Unavailability.objects.create(
            trainer=trainer, starts_on=starts_on, ends_on=ends_on
        )
    logger.info("trainer %s entered unavailability %s", trainer.pk, period.pk)
    return period


def sessions_during(trainer: Trainer, period: Unavailability) -> list[Session]:
    """The trainer's sessions (not cancelled) in the period: for a warning,
    as a period does not take them off sessions they already have."""
    return list(
        Session.objects.filter(
            assignments__trainer=trainer,
            date__range=(period.starts_on, period.ends_on),
            cancelled_at__isnull=True,
        ).order_by("date", "starts_at_time")
    )


def remove_unavailability(trainer: Trainer, period_id: int) -> None:
    """Remove one of the trainer's own periods. Raises Unavailability.DoesNotExist
    for a period that is not theirs (the caller answers 404)."""
    with transaction.atomic():
        trainer = lock_one(trainer)
        deleted, _count = Unavailability.objects.filter(pk=period_id, trainer=trainer).delete()
        if not deleted:
            raise Unavailability.DoesNotExist
    logger.info("trainer %s removed unavailability %s", trainer.pk, period_id)


def set_limits(trainer: Trainer, *, per_day: int, per_week: int) -> Trainer:
    """Set the most sessions the trainer takes a day and a week (1 to 10; a
    day's no more than a week's). Raises Refused (400) otherwise. Sessions
    they already have are kept; only new assignments see the limits."""
    if per_day not in LIMITS or per_week not in LIMITS:
        raise Refused(_("Choose a number from 1 to 10."), status=400)
    if per_day > per_week:
        raise Refused(_("A day cannot hold more sessions than its week."), status=400)
    with transaction.atomic():
        trainer = lock_one(trainer)
        trainer.max_sessions_per_day = per_day
        trainer.max_sessions_per_week = per_week
        trainer.save(update_fields=["max_sessions_per_day", "max_sessions_per_week"])
    logger.info("trainer %s set their limits to %s/%s", trainer.pk, per_day, per_week)
    return trainer
