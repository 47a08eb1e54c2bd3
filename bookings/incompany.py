"""In-company requests: an organisation asks for a training for its team
(no account needed), confirms its e-mail address by link, and a coordinator
turns the request into an in-company training day that only people with the
organisation's invitation link can book."""

import logging
from dataclasses import dataclass
from datetime import date, time

from django.db import transaction
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from courses.choices import Format
from courses.models import CoursePage
from lms import audit, pagecache
from lms.errors import Refused
from lms.locking import lock_one
from workshops.choices import DayKind, DayStatus
from workshops.models import Session, TrainingDay, Venue

from . import tasks
from .models import InCompanyRequest

logger = logging.getLogger(__name__)
RequestStatus = InCompanyRequest.Status
IN_COMPANY_FORMATS = (Format.TRAINING_DAY, Format.IN_COMPANY)


def requestable_courses(language: str | None = None):
    """The live courses given as a training day or in-company, in `language`."""
    language = (language or get_language() or "nl")[:2]
    return (
        CoursePage.objects.live()
        .filter(format__in=IN_COMPANY_FORMATS, locale__language_code=language)
        .order_by("title")
    )


def submit_request(*, course: CoursePage, language: str, **fields) -> InCompanyRequest:
    """Record a request (unconfirmed) and mail the link that confirms it."""
    with transaction.atomic():
        request = InCompanyRequest.objects.create(
            course_key=course.translation_key,
            course_title=course.title,
            language=(language or "nl")[:2],
            **fields,
        )
        transaction.on_commit(lambda: tasks.send_in_company_confirmation.delay(request.pk))
    return request


def confirm_request(request: InCompanyRequest) -> bool:
    """The e-mail address is confirmed: the request is new and coordinators
    hear of it. Returns False (and mails nobody) when it was confirmed before."""
    with transaction.atomic():
        request = lock_one(request)
        if request.status != RequestStatus.UNCONFIRMED:
            return False
        request.status = RequestStatus.NEW
        request.confirmed_at = timezone.now()
        request.save(update_fields=["status", "confirmed_at"])
        audit.record(
            request,
            "bookings.incompany.confirm",
            changes={"status": (RequestStatus.UNCONFIRMED, RequestStatus.NEW)},
        )
        transaction.on_commit(lambda: tasks.send_in_company_received.delay(request.pk))
    return True


@dataclass(frozen=True)
class SessionSpec:
    date: date
    starts_at: time
    ends_at: time


def _course_for(request: InCompanyRequest) -> CoursePage:
    courses = CoursePage.objects.filter(translation_key=request.course_key)
    course = (
        courses.filter(locale__language_code=request.language).first()
        or courses.filter(locale__language_code="nl").first()
        or courses.first()
    )
    if course is None:
        raise Refused(_("The training this request is for no longer exists."), status=409)
    return course


def plan_in_company(
    request: InCompanyRequest,
    *,
    capacity: int,
    sessions: list[SessionSpec],
    by,
    venue: Venue | None = None,
    location: str = "",
    min_participants: int = 0,
) -> TrainingDay:
    """Turn a confirmed request into a published in-company training day for
    the organisation, link it to the request (planned) and mail the contact
    the invitation link to share with the team.

    Raises Refused: 400 without sessions or with a session that ends before it
    starts; 409 when the request is not confirmed, already planned or
    declined."""
    if not sessions:
        raise Refused(_("Add at least one session."))
    if any(session.ends_at <= session.starts_at for session in sessions):
        raise Refused(_("The end comes before the start."))
    with transaction.atomic():
        request = lock_one(request)
        if request.status not in (RequestStatus.NEW, RequestStatus.IN_PROGRESS):
            raise Refused(
                _("Only a confirmed request that is not yet planned can be planned."),
                status=409,
            )
        day = TrainingDay.objects.create(
            course=_course_for(request),
            kind=DayKind.IN_COMPANY,
            organisation=request.organisation,
            status=DayStatus.DRAFT,
            capacity=capacity,
            min_participants=min_participants,
        )
        for spec in sessions:
            Session.objects.create(
                training_day=day,
                date=spec.date,
                starts_at_time=spec.starts_at,
                ends_at_time=spec.ends_at,
                venue=venue,
                location="" if venue else (location or request.location),
            )
        day.status = DayStatus.PUBLISHED
        day.save(update_fields=["status"])
        before = request.status
        request.training_day = day
        request.status = RequestStatus.PLANNED
        request.save(update_fields=["training_day", "status"])
        audit.record(
            request,
            "bookings.incompany.plan",
            by=by,
            changes={"status": (before, RequestStatus.PLANNED), "training_day": (None, day.pk)},
        )
        transaction.on_commit(pagecache.invalidate)
        logger.info("In-company request %s planned as day %s by user %s", request.pk, day.pk, by.pk)
        transaction.on_commit(lambda: tasks.send_in_company_planned.delay(request.pk))
    return day
