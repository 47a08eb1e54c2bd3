"""The coordinator's side of a school's request for prevention lessons:
review it, propose a date, a start time and two trainers per class (and
propose again when the school asks for other dates), or decline or cancel it
with a reason.

Every service runs in one transaction and raises `Refused` with a translated
message. A proposal locks every trainer it names (in ascending key order, so
two coordinators never deadlock) before it reads their calendars, so the hard
rules (no clash incl. travel time, not unavailable, within the maximum per
day and week) hold under concurrency: of two proposals that would double-book
a trainer, one wins and the other is refused (409)."""

import logging
import secrets
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from lms import audit
from lms.errors import Refused
from lms.locking import lock_one, lock_rows
from workshops import services as calendar_services
from workshops.choices import Programme
from workshops.holidays import HolidayCalendar
from workshops.models import Assignment, Session, Trainer
from workshops.pairing import OUTSIDE_REGION, soft_reasons
from workshops.suggestions import TrainerCalendar

from . import scheduling_tasks
from .models import SchoolClass, SchoolLessonRequest

logger = logging.getLogger(__name__)

Status = SchoolLessonRequest.Status

LESSON_LENGTH = timedelta(minutes=90)
ANSWER_VALID_FOR = timedelta(days=14)
# A proposal is made while reviewing, replaced while waiting for the school's
# answer, and moved after the school confirmed (a reschedule).
PROPOSABLE = (Status.IN_REVIEW, Status.PROPOSED, Status.CONFIRMED)


@dataclass(frozen=True)
class PlannedLesson:
    """One class's lesson as a coordinator plans it."""

    school_class_id: int
    date: date
    starts_at_time: time
    trainer_ids: tuple[int, ...]

    @property
    def ends_at_time(self) -> time:
        return (datetime.combine(self.date, self.starts_at_time) + LESSON_LENGTH).time()


@dataclass(frozen=True)
class Proposal:
    request: SchoolLessonRequest
    sessions: list[Session]
    warnings: list[str]


def lesson_end(start: time) -> time:
    return (datetime.combine(date(2000, 1, 3), start) + LESSON_LENGTH).time()


def _locked(lesson_request: SchoolLessonRequest) -> SchoolLessonRequest:
    return lock_one(lesson_request)


def start_review(lesson_request: SchoolLessonRequest, *, by) -> SchoolLessonRequest:
    """requested → in review. Raises Refused (409) from any other status."""
    with transaction.atomic():
        lesson_request = _locked(lesson_request)
        if lesson_request.status != Status.REQUESTED:
            raise Refused(
                _("Only a new request can be taken into review; this one is %(status)s.")
                % {"status": lesson_request.get_status_display().lower()},
                status=409,
            )
        lesson_request.status = Status.IN_REVIEW
        lesson_request.save(update_fields=["status", "updated_at"])
        audit.record(
            lesson_request,
            "bookings.school.review",
            by=by,
            changes={"status": (Status.REQUESTED, Status.IN_REVIEW)},
        )
    logger.info("school request %s in review by %s", lesson_request.pk, by)
    return lesson_request


# --- Proposing ------------------------------------------------------------------


def _check_shape(plan: list[PlannedLesson], classes: dict[int, SchoolClass]) -> None:
    planned = [entry.school_class_id for entry in plan]
    if len(planned) != len(set(planned)) or set(planned) != set(classes):
        raise Refused(_("Plan exactly one lesson for every class of the request."))
    for entry in plan:
        ids = entry.trainer_ids
        if len(ids) != 2 or ids[0] == ids[1]:
            raise Refused(
                _("Every lesson needs two different trainers (class %(label)s).")
                % {"label": classes[entry.school_class_id]}
            )


def _check_dates(plan: list[PlannedLesson], classes: dict[int, SchoolClass]) -> None:
    days = [entry.date for entry in plan]
    holidays = HolidayCalendar.between(min(days), max(days))
    now = timezone.now()
    for entry in plan:
        label = classes[entry.school_class_id]
        when = {"date": date_format(entry.date, "DATE_FORMAT"), "label": label}
        if entry.ends_at_time <= entry.starts_at_time:
            raise Refused(_("A lesson must end on the day it starts (class %(label)s).") % when)
        if timezone.make_aware(datetime.combine(entry.date, entry.starts_at_time)) <= now:
            raise Refused(_("%(date)s has passed (class %(label)s).") % when)
        if entry.date.weekday() >= 5:
            raise Refused(_("%(date)s is in a weekend (class %(label)s).") % when)
        holiday = holidays.name(entry.date)
        if holiday:
            raise Refused(
                _("%(date)s is a holiday: %(holiday)s (class %(label)s).")
                % {**when, "holiday": holiday}
            )


def _soft_warning(reason: str, trainer: Trainer, lesson_request, day: date, load: int) -> str:
    if reason == OUTSIDE_REGION:
        return _("%(name)s does not work in %(municipality)s.") % {
            "name": trainer,
            "municipality": lesson_request.school.municipality,
        }
    return _("%(name)s already has %(count)d sessions in %(month)s, more than most trainers.") % {
        "name": trainer,
        "count": load,
        "month": date_format(day, "YEAR_MONTH_FORMAT"),
    }


def check_plan(
    lesson_request: SchoolLessonRequest,
    plan: list[PlannedLesson],
    classes: dict[int, SchoolClass],
    trainers: dict[int, Trainer],
) -> tuple[dict[int, Session], list[str]]:
    """The planned (unsaved) sessions per class and the soft warnings; raises
    Refused (409) naming every hard clash. Reads each trainer's calendar once
    (constant queries); the caller holds the trainers' locks."""
    moving = [
        c.session_id for c in classes.values() if c.session_id and c.session.cancelled_at is None
    ]
    calendar = TrainerCalendar.load([entry.date for entry in plan], exclude_sessions=moving)
    location = lesson_request.school.one_line
    planned = {
        entry.school_class_id: Session(
            programme=Programme.PREVENTION_LESSON,
            date=entry.date,
            starts_at_time=entry.starts_at_time,
            ends_at_time=entry.ends_at_time,
            location=location,
        )
        for entry in plan
    }
    region = lesson_request.school.municipality_id
    errors, warnings = [], []
    for entry in plan:
        session = planned[entry.school_class_id]
        label = classes[entry.school_class_id]
        for trainer_id in entry.trainer_ids:
            trainer = calendar.trainers.get(trainer_id)
            if trainer is None:
                errors.append(
                    _("%(name)s is not active as a trainer.") % {"name": trainers[trainer_id]}
                )
                continue
            if not trainer.is_qualified_for(Programme.PREVENTION_LESSON):
                errors.append(
                    _("%(name)s is not qualified for %(programme)s.")
                    % {"name": trainer, "programme": Programme.PREVENTION_LESSON.label}
                )
                continue
            extra = [
                planned[other.school_class_id]
                for other in plan
                if other is not entry and trainer_id in other.trainer_ids
            ]
            availability, others = calendar.availability(trainer, entry.date, extra)
            clash = calendar_services.refusal(trainer, session, availability, others)
            if clash:
                errors.append(_("Class %(label)s: %(clash)s") % {"label": label, "clash": clash})
                continue
            candidate = calendar.candidate(trainer, entry.date, extra)
            for reason in soft_reasons(
                candidate, region, average_load=calendar.average_load(entry.date)
            ):
                warning = _soft_warning(
                    reason, trainer, lesson_request, entry.date, candidate.load_this_month
                )
                if warning not in warnings:
                    warnings.append(warning)
    if errors:
        raise Refused(" ".join(dict.fromkeys(errors)), status=409)
    return planned, warnings


def propose(
    lesson_request: SchoolLessonRequest,
    plan: list[PlannedLesson],
    *,
    by,
    override_soft: bool = False,
) -> Proposal:
    """Propose a 90-minute lesson per class with its two trainers, or replace
    the earlier proposal (a moved lesson keeps its session, with a higher
    calendar sequence; a trainer taken off is sent a cancellation).

    Refuses (400) a plan that misses a class, has not two different trainers
    per lesson, or a date that has passed, is in a weekend or is a public or
    school holiday; (409) a hard clash for any trainer, and soft rules (outside
    the region, a high load) unless `override_soft`, when they are returned
    as warnings. Sets the status to proposed with a new answer link (valid 14
    days); the school and the trainers are mailed after commit."""
    with transaction.atomic():
        lesson_request = _locked(lesson_request)
        if lesson_request.status not in PROPOSABLE:
            raise Refused(
                _("A request that is %(status)s cannot get a proposal.")
                % {"status": lesson_request.get_status_display().lower()},
                status=409,
            )
        classes = {
            c.pk: c
            for c in SchoolClass.objects.filter(request=lesson_request).select_related("session")
        }
        plan = list(plan)
        _check_shape(plan, classes)
        _check_dates(plan, classes)
        trainer_ids = sorted({i for entry in plan for i in entry.trainer_ids})
        trainers = {t.pk: t for t in lock_rows(Trainer, trainer_ids)}
        if len(trainers) != len(trainer_ids):
            raise Refused(_("Choose the trainers from the list."))
        planned, warnings = check_plan(lesson_request, plan, classes, trainers)
        if warnings and not override_soft:
            raise Refused(
                " ".join(warnings) + " " + _("Tick “override soft rules” to propose this anyway."),
                status=409,
            )
        mails, sessions = [], []
        for entry in plan:
            school_class = classes[entry.school_class_id]
            before = _lesson(school_class.session)
            session, new_mails = _place(school_class, planned[entry.school_class_id], entry)
            sessions.append(session)
            mails.extend(new_mails)
            after = _lesson(session)
            if after != before:
                audit.record(
                    session,
                    "bookings.school.lesson",
                    by=by,
                    changes={name: (before[name], after[name]) for name in before},
                    school_class=school_class.pk,
                )
        if any(kind != "assignment" for kind, *_rest in mails):
            lesson_request.ics_sequence += 1
        before_status = lesson_request.status
        lesson_request.status = Status.PROPOSED
        lesson_request.answer_token = secrets.token_urlsafe(24)
        lesson_request.answer_token_expires_at = timezone.now() + ANSWER_VALID_FOR
        lesson_request.save(
            update_fields=[
                "status",
                "answer_token",
                "answer_token_expires_at",
                "ics_sequence",
                "updated_at",
            ]
        )
        audit.record(
            lesson_request,
            "bookings.school.propose",
            by=by,
            changes={"status": (before_status, Status.PROPOSED)},
            sessions=[session.pk for session in sessions],
        )
        request_id = lesson_request.pk
        transaction.on_commit(lambda: scheduling_tasks.send_proposal.delay(request_id))
        _queue_trainer_mails(mails)
    logger.info(
        "school request %s proposed by %s%s",
        lesson_request.pk,
        by,
        f" overriding: {'; '.join(warnings)}" if warnings else "",
    )
    return Proposal(lesson_request, sessions, warnings)


def _lesson(session: Session | None) -> dict:
    """A class's lesson as the audit log compares it: when and with whom."""
    if session is None or session.cancelled_at is not None:
        return {"date": None, "starts_at_time": None, "trainers": []}
    return {
        "date": session.date,
        "starts_at_time": session.starts_at_time,
        "trainers": sorted(session.assignments.values_list("trainer_id", flat=True)),
    }


def _place(school_class: SchoolClass, planned: Session, entry: PlannedLesson):
    """Create the class's session, or move the existing one; the mails to send."""
    session = school_class.session
    wanted = list(entry.trainer_ids)
    if session is None or session.cancelled_at is not None:
        planned.save()
        Assignment.objects.bulk_create(
            [Assignment(session=planned, trainer_id=trainer_id) for trainer_id in wanted]
        )
        school_class.session = planned
        school_class.save(update_fields=["session"])
        return planned, [("assignment", planned.pk, trainer_id) for trainer_id in wanted]
    fields = ("date", "starts_at_time", "ends_at_time", "location", "venue_id", "online_url")
    moved = any(getattr(session, name) != getattr(planned, name) for name in fields)
    current = set(session.assignments.values_list("trainer_id", flat=True))
    removed, added = current - set(wanted), [t for t in wanted if t not in current]
    if moved or removed or added:
        session.ics_sequence += 1
    for name in fields:
        setattr(session, name, getattr(planned, name))
    session.save()
    Assignment.objects.filter(session=session, trainer_id__in=removed).delete()
    Assignment.objects.bulk_create(
        [Assignment(session=session, trainer_id=trainer_id) for trainer_id in added]
    )
    mails = [("cancellation", session.pk, trainer_id) for trainer_id in sorted(removed)]
    mails += [("assignment", session.pk, trainer_id) for trainer_id in added]
    if moved or removed or added:
        mails += [
            ("change", session.pk, trainer_id) for trainer_id in wanted if trainer_id in current
        ]
    return session, mails


def _queue_trainer_mails(mails: list[tuple], reason: str = "") -> None:
    tasks = {
        "assignment": scheduling_tasks.send_trainer_assignment,
        "change": scheduling_tasks.send_trainer_change,
    }
    for kind, session_id, trainer_id in mails:
        if kind == "cancellation":
            transaction.on_commit(
                lambda s=session_id, t=trainer_id: scheduling_tasks.send_trainer_cancellation.delay(
                    s, t, reason
                )
            )
        else:
            transaction.on_commit(
                lambda task=tasks[kind], s=session_id, t=trainer_id: task.delay(s, t)
            )


# --- Declining and cancelling ------------------------------------------------------

CLOSING_ACTIONS = {
    Status.DECLINED: "bookings.school.decline",
    Status.CANCELLED: "bookings.school.cancel",
}


def _close(lesson_request, status: str, reason: str, *, by) -> SchoolLessonRequest:
    reason = (reason or "").strip()
    if not reason:
        raise Refused(_("Give a reason: the school reads it."))
    with transaction.atomic():
        lesson_request = _locked(lesson_request)
        if lesson_request.status not in SchoolLessonRequest.OPEN:
            raise Refused(
                _("This request is already %(status)s.")
                % {"status": lesson_request.get_status_display().lower()},
                status=409,
            )
        was_confirmed = lesson_request.status == SchoolLessonRequest.Status.CONFIRMED
        now = timezone.now()
        sessions = list(
            Session.objects.filter(
                school_class__request=lesson_request, cancelled_at__isnull=True
            ).prefetch_related("assignments")
        )
        mails = []
        for session in sessions:
            session.cancelled_at = now
            session.ics_sequence += 1
            session.save(update_fields=["cancelled_at", "ics_sequence"])
            mails += [("cancellation", session.pk, a.trainer_id) for a in session.assignments.all()]
        if sessions:
            lesson_request.ics_sequence += 1
        before = lesson_request.status
        lesson_request.status = status
        lesson_request.status_reason = reason
        lesson_request.answer_token = ""
        lesson_request.answer_token_expires_at = None
        lesson_request.save(
            update_fields=[
                "status",
                "status_reason",
                "answer_token",
                "answer_token_expires_at",
                "ics_sequence",
                "updated_at",
            ]
        )
        audit.record(
            lesson_request,
            CLOSING_ACTIONS[status],
            by=by,
            changes={"status": (before, status)},
            sessions=[session.pk for session in sessions],
        )
        _queue_trainer_mails(mails, reason)
        # The school had a calendar file only for lessons it had confirmed.
        told = [s.pk for s in sessions] if was_confirmed else []
        request_id = lesson_request.pk
        transaction.on_commit(lambda: scheduling_tasks.send_closed.delay(request_id, told))
    logger.info("school request %s %s by %s", lesson_request.pk, status, by)
    return lesson_request


def decline(lesson_request: SchoolLessonRequest, reason: str, *, by) -> SchoolLessonRequest:
    """The centre cannot give these lessons. Any proposed lessons are
    cancelled and their trainers told. Raises Refused without a reason (400)
    or when the request is already closed (409)."""
    return _close(lesson_request, Status.DECLINED, reason, by=by)


def cancel(lesson_request: SchoolLessonRequest, reason: str, *, by) -> SchoolLessonRequest:
    """Cancel a request at any open step, as `decline`."""
    return _close(lesson_request, Status.CANCELLED, reason, by=by)
