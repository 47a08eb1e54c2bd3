"""Attendance: trainers (for their own sessions) and coordinators mark each
participant per session; a participant who meets the training day's
completion rule completes it, once, and `training_day_completed` is sent after
commit (certificates listens). Group programmes (Girls' Talk, Make a Move)
register nobody: their trainers record only how many took part."""

import logging
from collections.abc import Mapping
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lms import audit, roles
from lms.errors import Refused
from lms.locking import lock_one, lock_rows
from workshops.choices import CompletionRule, Programme
from workshops.models import Assignment, Session, TrainingDay

from .models import Attendance, Registration
from .signals import training_day_completed

logger = logging.getLogger(__name__)

GROUP_PROGRAMMES = (Programme.GIRLS_TALK, Programme.MAKE_A_MOVE)
# The most a group meeting can hold; a typo such as 300 is refused.
MAX_GROUP_SIZE = 99


def is_group_programme(session: Session) -> bool:
    return session.programme in GROUP_PROGRAMMES


def may_mark(user, session: Session) -> bool:
    """Coordinators mark every session; a trainer only the sessions they give."""
    if not user.is_authenticated:
        return False
    if roles.has_role(user, roles.COORDINATORS):
        return True
    return Assignment.objects.filter(session=session, trainer__user=user).exists()


def can_mark_yet(session: Session) -> bool:
    """Attendance is marked from the day of the session on, never ahead."""
    return session.date <= timezone.localdate()


def participants(session: Session) -> list[Registration]:
    """The confirmed participants of the session's training day, by name."""
    if session.training_day_id is None or is_group_programme(session):
        return []
    return list(
        Registration.objects.filter(
            training_day_id=session.training_day_id,
            status=Registration.Status.CONFIRMED,
            user__isnull=False,
        )
        .select_related("user")
        .order_by("user__last_name", "user__first_name", "pk")
    )


def marks(session: Session) -> dict[int, str]:
    """What has been marked for this session, by registration id."""
    return dict(Attendance.objects.filter(session=session).values_list("registration_id", "status"))


def _refuse_before_the_day(session: Session) -> None:
    if not can_mark_yet(session):
        raise Refused(_("Attendance can be marked from the day of the session on."), status=409)


def _completes(day: TrainingDay, attended_sessions: set[int], all_sessions: set[int]) -> bool:
    if day.completion_rule == CompletionRule.ANY_SESSION:
        return bool(attended_sessions & all_sessions)
    return bool(all_sessions) and all_sessions <= attended_sessions


@dataclass(frozen=True)
class Marked:
    saved: int
    completed: list[Registration] = field(default_factory=list)


def mark_attendance(session: Session, statuses: Mapping[int, str], *, by) -> Marked:
    """Record `statuses` (registration id → present, late, excused or absent)
    for one session. Marking again overwrites: one mark per participant and
    session. A participant who now meets the day's completion rule (present
    or late counts as attended) is completed once, and `training_day_completed`
    is sent for them after commit.

    Raises Refused: 400 for an unknown status, someone who is not a confirmed
    participant of this day, or a group programme (they keep a count only);
    409 before the day of the session."""
    if is_group_programme(session) or session.training_day_id is None:
        raise Refused(_("This session has no registered participants."), status=400)
    _refuse_before_the_day(session)
    if any(status not in Attendance.Status.values for status in statuses.values()):
        raise Refused(_("Choose present, late, excused or absent."), status=400)
    if not statuses:
        return Marked(saved=0)
    with transaction.atomic():
        # The registrations' rows: two people marking the same participants at
        # once are served one after the other, so completion happens once.
        registrations = lock_rows(Registration, statuses.keys())
        if len(registrations) != len(set(statuses)) or any(
            r.training_day_id != session.training_day_id
            or r.status != Registration.Status.CONFIRMED
            for r in registrations
        ):
            raise Refused(_("Someone on this list is not a participant of this date."))
        before = marks(session)
        for registration in registrations:
            mark, _created = Attendance.objects.update_or_create(
                registration=registration,
                session=session,
                defaults={"status": statuses[registration.pk], "marked_by": by},
            )
            if before.get(registration.pk) != mark.status:
                audit.record(
                    mark,
                    "bookings.attendance.mark",
                    by=by,
                    changes={"status": (before.get(registration.pk), mark.status)},
                    session=session.pk,
                    registration=registration.pk,
                )
        completed = _complete(session.training_day, registrations)
    logger.info("attendance of session %s marked by %s", session.pk, by)
    return Marked(saved=len(registrations), completed=completed)


def _complete(day: TrainingDay, registrations: list[Registration]) -> list[Registration]:
    """Complete, once, those who meet the rule now (under their rows' locks)."""
    waiting = [r for r in registrations if r.completed_at is None]
    if not waiting:
        return []
    all_sessions = set(day.sessions.values_list("pk", flat=True))
    attended: dict[int, set[int]] = {}
    for registration_id, session_id in Attendance.objects.filter(
        registration__in=waiting, status__in=Attendance.ATTENDED
    ).values_list("registration_id", "session_id"):
        attended.setdefault(registration_id, set()).add(session_id)
    completed = []
    now = timezone.now()
    for registration in waiting:
        if _completes(day, attended.get(registration.pk, set()), all_sessions):
            registration.completed_at = now
            registration.save(update_fields=["completed_at"])
            completed.append(registration)
            transaction.on_commit(_announce(registration, day))
    return completed


def _announce(registration: Registration, day: TrainingDay):
    return lambda: training_day_completed.send(
        sender=Registration, registration=registration, training_day=day
    )


def set_participant_count(session: Session, count: int, *, by) -> Session:
    """For a group programme meeting: how many took part (no names are kept).

    Raises Refused: 400 for a session that registers participants, or a count
    below 0 or above MAX_GROUP_SIZE; 409 before the day of the session."""
    if not is_group_programme(session):
        raise Refused(_("This session registers its participants by name."), status=400)
    _refuse_before_the_day(session)
    if not 0 <= count <= MAX_GROUP_SIZE:
        raise Refused(_("Give a number from 0 to %(max)d.") % {"max": MAX_GROUP_SIZE}, status=400)
    with transaction.atomic():
        session = lock_one(session)
        before = session.participant_count
        session.participant_count = count
        session.save(update_fields=["participant_count"])
        if before != count:
            audit.record(
                session,
                "bookings.attendance.count",
                by=by,
                changes={"participant_count": (before, count)},
            )
    logger.info("participant count of session %s set by %s", session.pk, by)
    return session
