"""Calendar workflows: giving a session to a trainer, or taking it back.

The rules (overlap, travel buffer, load) are the pure ones of `scheduling`;
this module feeds them what the database knows, under a lock on the trainer's
row, so two coordinators assigning one trainer at the same moment are served
one after the other and never double-book them."""

import logging
from datetime import timedelta

from django.db import transaction
from django.utils.formats import date_format, time_format
from django.utils.translation import gettext as _

from lms import audit
from lms.errors import Refused
from lms.locking import lock_one

from .choices import DayStatus
from .models import Assignment, Session, Trainer
from .scheduling import Availability, Slot, overlaps, reasons_not_free

logger = logging.getLogger(__name__)


def place_key(session: Session) -> str:
    """Where a session happens, as the scheduling rules compare it: two
    sessions at the same place need no travel time between them."""
    if session.venue_id:
        return f"venue:{session.venue_id}"
    if session.location:
        return f"location:{session.location.strip().lower()}"
    if session.online_url:
        return "online"
    return ""


def location_key(location: str) -> str:
    """The place key of a session at `location` (an address, not a venue)."""
    return place_key(Session(location=location))


def slot_of(session: Session) -> Slot:
    return Slot(session.starts_at, session.ends_at, place_key(session))


def _week_of(session: Session) -> tuple:
    monday = session.date - timedelta(days=session.date.weekday())
    return monday, monday + timedelta(days=6)


def _other_sessions(trainer: Trainer, session: Session) -> list[Session]:
    """The trainer's other sessions in the session's ISO week (all that the
    overlap and load rules look at); a cancelled session or training day frees
    its slots."""
    return list(
        Session.objects.filter(assignments__trainer=trainer, date__range=_week_of(session))
        .exclude(pk=session.pk)
        .exclude(cancelled_at__isnull=False)
        .exclude(training_day__status=DayStatus.CANCELLED)
        .select_related("venue")
        .order_by("date", "starts_at_time")
    )


def availability_of(trainer: Trainer, session: Session) -> tuple[Availability, list[Session]]:
    """What the trainer has and allows around `session`, for the pure rules."""
    others = _other_sessions(trainer, session)
    unavailable = tuple(
        trainer.unavailability.filter(
            starts_on__lte=session.date, ends_on__gte=session.date
        ).values_list("starts_on", "ends_on")
    )
    availability = Availability(
        busy=tuple(slot_of(other) for other in others),
        unavailable=unavailable,
        max_per_day=trainer.max_sessions_per_day,
        max_per_week=trainer.max_sessions_per_week,
    )
    return availability, others


def _when(session: Session) -> dict:
    return {
        "date": date_format(session.date, "DATE_FORMAT"),
        "start": time_format(session.starts_at_time, "H:i"),
        "end": time_format(session.ends_at_time, "H:i"),
    }


def _explain(reason: str, trainer: Trainer, session: Session, others: list[Session]) -> str:
    name = str(trainer)
    if reason == "unavailable":
        return _("%(name)s is unavailable on %(date)s.") % {"name": name, **_when(session)}
    if reason == "overlap":
        slot = slot_of(session)
        clash = next(other for other in others if overlaps(slot, slot_of(other)))
        return _(
            "%(name)s is already booked on %(date)s from %(start)s to %(end)s (%(place)s): "
            "that clashes with this session, travel time included."
        ) % {"name": name, "place": clash.place or "-", **_when(clash)}
    if reason == "day_full":
        return _("%(name)s already has the maximum of %(count)d sessions on %(date)s.") % {
            "name": name,
            "count": trainer.max_sessions_per_day,
            **_when(session),
        }
    return _("%(name)s already has the maximum of %(count)d sessions in that week.") % {
        "name": name,
        "count": trainer.max_sessions_per_week,
    }


def refusal(
    trainer: Trainer, session: Session, availability: Availability, others: list[Session]
) -> str:
    """Why `trainer` cannot take `session` (saved or only planned), given what
    they have (`others`, the sessions behind `availability.busy`), as one
    translated text naming each clash; empty when they can."""
    reasons = reasons_not_free(slot_of(session), availability)
    return " ".join(_explain(reason, trainer, session, others) for reason in reasons)


def _trainer_ids(session: Session) -> list[int]:
    return sorted(Assignment.objects.filter(session=session).values_list("trainer_id", flat=True))


def assign_trainer(session: Session, trainer: Trainer, *, by=None) -> Assignment:
    """Give `session` to `trainer` and return the assignment (the existing one
    when they already have it).

    Runs under a lock on the trainer's row: a second assignment of the same
    trainer waits for the first and then sees it. Raises Refused (409) naming
    the clash when the trainer is inactive, not qualified for the session's
    programme, unavailable that day, already busy at that time (travel time
    between places included), or at their daily or weekly maximum; `Busy`
    (409) when the trainer stays locked too long."""
    with transaction.atomic():
        trainer = lock_one(trainer)
        existing = Assignment.objects.filter(session=session, trainer=trainer).first()
        if existing is not None:
            return existing
        if not trainer.active:
            raise Refused(_("%(name)s is not active as a trainer.") % {"name": trainer}, status=409)
        if not trainer.qualifications.filter(programme=session.programme).exists():
            raise Refused(
                _("%(name)s is not qualified for %(programme)s.")
                % {"name": trainer, "programme": session.get_programme_display()},
                status=409,
            )
        availability, others = availability_of(trainer, session)
        reasons = reasons_not_free(slot_of(session), availability)
        if reasons:
            raise Refused(
                " ".join(_explain(reason, trainer, session, others) for reason in reasons),
                status=409,
            )
        before = _trainer_ids(session)
        assignment = Assignment.objects.create(session=session, trainer=trainer)
        audit.record(
            session,
            "workshops.session.assign",
            by=by,
            changes={"trainers": (before, [*before, trainer.pk])},
            trainer=trainer.pk,
        )
    logger.info("trainer %s assigned to session %s by %s", trainer.pk, session.pk, by)
    return assignment


def unassign_trainer(session: Session, trainer: Trainer, *, by=None) -> None:
    """Take `session` back from `trainer`. Raises Refused (409) when they did
    not have it."""
    with transaction.atomic():
        trainer = lock_one(trainer)
        before = _trainer_ids(session)
        deleted, _count = Assignment.objects.filter(session=session, trainer=trainer).delete()
        if not deleted:
            raise Refused(
                _("%(name)s is not assigned to this session.") % {"name": trainer}, status=409
            )
        audit.record(
            session,
            "workshops.session.unassign",
            by=by,
            changes={"trainers": (before, [pk for pk in before if pk != trainer.pk])},
            trainer=trainer.pk,
        )
    logger.info("trainer %s unassigned from session %s by %s", trainer.pk, session.pk, by)
