"""School lessons, the school's side: a school asks for prevention lessons
(no account needed) and confirms its e-mail address by link; it answers the
coordinators' proposal through a single-use, expiring link (accept, or ask for
other dates); it evaluates after the lessons; and a coordinator invites last
year's schools to ask again. Scheduling itself is `school_scheduling`.

Every workflow runs in one transaction and locks the request's row, so a
double click or two tabs never do a step twice; mails are queued after the
commit. A class is a label, a level and a group size: never a pupil."""

import logging

from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from lms import audit
from lms.errors import Refused
from lms.locking import lock_one

from . import school_tasks
from .models import LessonEvaluation, School, SchoolClass, SchoolLessonRequest, new_token

logger = logging.getLogger(__name__)
Status = SchoolLessonRequest.Status


# --- Requesting ----------------------------------------------------------------------


def find_or_create_school(fields: dict, *, previous: SchoolLessonRequest | None = None) -> School:
    """The school a request is for: last year's, else one with the same BRIN
    code, else one with the same name and postcode, else a new one. An
    existing school's details are not changed by a public form."""
    if previous is not None:
        return previous.school
    if fields.get("brin"):
        school = School.objects.filter(brin__iexact=fields["brin"]).order_by("pk").first()
        if school is not None:
            return school
    school = (
        School.objects.filter(name__iexact=fields["name"].strip(), postcode=fields["postcode"])
        .order_by("pk")
        .first()
    )
    return school or School.objects.create(**fields)


def submit_request(
    *,
    school: dict,
    contact: dict,
    level: str,
    school_year: str,
    classes: list[dict],
    wishes: dict,
    language: str,
    user=None,
    previous: SchoolLessonRequest | None = None,
) -> SchoolLessonRequest:
    """Record a request (unconfirmed) with its classes and mail the link that
    confirms the address. `school`, `contact` and `wishes` are the cleaned
    steps of the form; `classes` a list of {"label", "group_size"}."""
    if not classes:
        raise Refused(_("Add at least one class with its group size."))
    with transaction.atomic():
        request = SchoolLessonRequest.objects.create(
            school=find_or_create_school(school, previous=previous),
            contact_user=user if user is not None and user.is_authenticated else None,
            level=level,
            school_year=school_year,
            language=(language or "nl")[:2],
            previous=previous,
            **contact,
            **wishes,
        )
        SchoolClass.objects.bulk_create(
            SchoolClass(request=request, label=c["label"], group_size=c["group_size"])
            for c in classes
        )
        transaction.on_commit(lambda: school_tasks.send_school_confirmation_link.delay(request.pk))
    return request


def confirm_request(request: SchoolLessonRequest) -> bool:
    """The address is confirmed: the request enters the coordinators' queue,
    the school hears it was received and the coordinators that it came in.
    Returns False (and mails nobody) when it was confirmed before.

    An account that made the request becomes a contact of the school when the
    school has none yet; a school's other contacts are added by a coordinator,
    so nobody sees a school's requests only by typing its name or BRIN code."""
    with transaction.atomic():
        request = lock_one(request)
        if request.status != Status.UNCONFIRMED:
            return False
        request.status = Status.REQUESTED
        request.confirmed_at = timezone.now()
        request.save(update_fields=["status", "confirmed_at", "updated_at"])
        school = lock_one(request.school)
        if request.contact_user_id and not school.contacts.exists():
            school.contacts.add(request.contact_user_id)
        transaction.on_commit(lambda: school_tasks.send_school_received.delay(request.pk))
    return True


# --- The school's answer to a proposal ------------------------------------------------


def answer_expired(request: SchoolLessonRequest, now=None) -> bool:
    expires = request.answer_token_expires_at
    return expires is not None and expires <= (now or timezone.now())


def proposal_for_token(token: str) -> SchoolLessonRequest:
    """The proposed request this answer link is for. Raises Refused: 404 when
    the link is unknown or already used, 410 when it has expired."""
    request = (
        SchoolLessonRequest.objects.select_related("school").filter(answer_token=token).first()
        if token
        else None
    )
    if request is None or request.status != Status.PROPOSED:
        raise Refused(_("This link is not valid (any more)."), status=404)
    if answer_expired(request):
        raise Refused(_("This link has expired."), status=410)
    return request


def _locked_proposal(token: str) -> SchoolLessonRequest:
    request = lock_one(proposal_for_token(token))
    # Read again under the lock: another click may have used the link meanwhile.
    if request.status != Status.PROPOSED or request.answer_token != token:
        raise Refused(_("This link is not valid (any more)."), status=404)
    if answer_expired(request):
        raise Refused(_("This link has expired."), status=410)
    return request


def _close_answer(request: SchoolLessonRequest) -> None:
    request.answer_token = ""
    request.answer_token_expires_at = None


def accept_proposal(token: str) -> SchoolLessonRequest:
    """The school accepts the proposed lessons: confirmed, the link used up,
    a confirmation with a calendar file to the school (a higher SEQUENCE than
    any before) and the coordinators told. Raises Refused (404 used or
    unknown, 410 expired); of two clicks at once exactly one succeeds."""
    with transaction.atomic():
        request = _locked_proposal(token)
        request.status = Status.CONFIRMED
        request.ics_sequence += 1
        _close_answer(request)
        request.save(
            update_fields=[
                "status",
                "ics_sequence",
                "answer_token",
                "answer_token_expires_at",
                "updated_at",
            ]
        )
        audit.record(
            request,
            "bookings.school.accept",
            changes={"status": (Status.PROPOSED, Status.CONFIRMED)},
        )
        logger.info("School lesson request %s accepted by the school", request.pk)
        transaction.on_commit(lambda: school_tasks.send_school_confirmed.delay(request.pk))
    return request


def ask_other_dates(token: str, message: str) -> SchoolLessonRequest:
    """The school asks for other dates: back in review with its message, the
    link used up, the coordinators mailed. Raises Refused like accept_proposal,
    and 400 without a message."""
    message = (message or "").strip()
    if not message:
        raise Refused(_("Tell us which dates or times would suit you better."))
    with transaction.atomic():
        request = _locked_proposal(token)
        request.status = Status.IN_REVIEW
        request.school_answer = message
        _close_answer(request)
        request.save(
            update_fields=[
                "status",
                "school_answer",
                "answer_token",
                "answer_token_expires_at",
                "updated_at",
            ]
        )
        # What the school wrote stays on the request, not in the log.
        audit.record(
            request,
            "bookings.school.other_dates",
            changes={"status": (Status.PROPOSED, Status.IN_REVIEW)},
        )
        transaction.on_commit(lambda: school_tasks.send_school_other_dates_asked.delay(request.pk))
    return request


# --- After the lessons -------------------------------------------------------------------


def last_lesson_end(request: SchoolLessonRequest):
    """When the request's last lesson (not cancelled) ends, or None without any."""
    ends = [
        school_class.session.ends_at
        for school_class in request.classes.select_related("session")
        if school_class.session is not None and school_class.session.cancelled_at is None
    ]
    return max(ends, default=None)


def mark_delivered(request_id: int, now=None) -> bool:
    """A confirmed request whose last lesson has ended: delivered, with an
    evaluation link mailed once. False when it was not (or no longer) due."""
    now = now or timezone.now()
    with transaction.atomic():
        request = SchoolLessonRequest.objects.filter(pk=request_id).first()
        if request is None:
            return False
        request = lock_one(request)
        end = last_lesson_end(request)
        if request.status != Status.CONFIRMED or end is None or end > now:
            return False
        request.status = Status.DELIVERED
        request.evaluation_token = new_token()
        request.save(update_fields=["status", "evaluation_token", "updated_at"])
        transaction.on_commit(
            lambda: school_tasks.send_school_evaluation_invitation.delay(request.pk)
        )
    return True


def evaluation_for_token(token: str) -> SchoolLessonRequest:
    """Raises Refused (404) when the link is unknown or already used."""
    request = (
        SchoolLessonRequest.objects.select_related("school")
        .filter(evaluation_token=token, status=Status.DELIVERED)
        .first()
        if token
        else None
    )
    if request is None:
        raise Refused(_("This link is not valid (any more)."), status=404)
    return request


def submit_evaluation(token: str, **ratings) -> LessonEvaluation:
    """Keep the school's ratings and comments; the request is evaluated and
    the link used up. Raises Refused (404) for a used or unknown link."""
    with transaction.atomic():
        request = lock_one(evaluation_for_token(token))
        if request.status != Status.DELIVERED or request.evaluation_token != token:
            raise Refused(_("This link is not valid (any more)."), status=404)
        evaluation = LessonEvaluation.objects.create(request=request, **ratings)
        request.status = Status.EVALUATED
        request.evaluation_token = ""
        request.save(update_fields=["status", "evaluation_token", "updated_at"])
    return evaluation


# --- A new school year -----------------------------------------------------------------


def _previous_year(school_year: str) -> str:
    first = int(school_year[:4]) - 1
    return f"{first}-{first + 1}"


def invite_again(school_year: str, *, by) -> int:
    """Mail every school that had a (confirmed) request in the school year
    before `school_year` a link to ask again, the form prefilled from its
    latest request of that year that still has a contact address. Once per
    school and year: a school already invited, that already asked for
    `school_year`, or whose contacts of that year were removed, gets nothing.
    Returns the number of schools invited."""
    last_year = _previous_year(school_year)
    asked_again = SchoolLessonRequest.objects.filter(school_year=school_year).values("school")
    already_invited = SchoolLessonRequest.objects.filter(
        school_year=last_year, invited_again_at__isnull=False
    ).values("school")
    latest = (
        SchoolLessonRequest.objects.filter(school_year=last_year, confirmed_at__isnull=False)
        .exclude(Q(school__in=asked_again) | Q(school__in=already_invited))
        # A contact removed (retention, a removed account) cannot be mailed.
        .exclude(contact_email="")
        .values("school")
        .annotate(latest=Max("pk"))
        .values_list("latest", flat=True)
    )
    invited = 0
    now = timezone.now()
    for request_id in sorted(latest):
        with transaction.atomic():
            # Claimed and marked in one statement: a second run finds it marked.
            claimed = SchoolLessonRequest.objects.filter(
                pk=request_id, invited_again_at__isnull=True
            ).update(invited_again_at=now)
            if claimed:
                invited += 1
                transaction.on_commit(
                    lambda pk=request_id: school_tasks.send_school_invitation.delay(pk, school_year)
                )
    logger.info("%s schools invited for school year %s by user %s", invited, school_year, by.pk)
    return invited
