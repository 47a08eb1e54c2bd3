"""The mails of school lessons. A school reads them in the language its
request was made in; coordinators and trainers in their own. Each function
takes a key, re-reads the row and sends nothing when the request is no longer
in the state the mail is about, so a retried task never mails the wrong thing.

Contract with the coordinator's side: after setting a request to `proposed`
with an answer token, call `send_proposal(request_id)` (or queue
`school_tasks.send_proposal`) after the commit."""

from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lms.http import public_url
from workshops import ical
from workshops.models import Session

from . import school_links
from .models import SchoolClass, SchoolLessonRequest
from .notifications import coordinators

Status = SchoolLessonRequest.Status


def _request(request_id: int, *statuses: str) -> SchoolLessonRequest | None:
    return (
        SchoolLessonRequest.objects.select_related("school__municipality")
        .prefetch_related(school_links.classes_with_lessons())
        .filter(pk=request_id, status__in=statuses)
        .first()
    )


def _mail(to: list[str], subject: str, template: str, context: dict, attachment=None) -> None:
    body = render_to_string(f"bookings/email/{template}.txt", context)
    message = EmailMultiAlternatives(subject, body, to=to)
    if attachment is not None:
        message.attach(*attachment)
    message.send()


def _to_school(request: SchoolLessonRequest, subject, template: str, attachment=None, **extra):
    context = {
        "request": request,
        "school": request.school,
        "classes": school_links.planned_classes(request),
        "wishes": school_links.wishes(request),
        **extra,
    }
    _mail([request.contact_email], subject, template, context, attachment)


def _language(user) -> str:
    return getattr(user, "language", "") or "nl"


def request_admin_url(request: SchoolLessonRequest) -> str:
    """The request in the back office, else the admin's home."""
    for name in (
        "bookings_school_request",
        "bookings_schoollessonrequest_modeladmin_inspect",
        "bookings_schoollessonrequest_modeladmin_edit",
    ):
        try:
            return public_url(reverse(name, args=[request.pk]))
        except NoReverseMatch:
            continue
    return public_url("/admin/")


def _to_coordinators(request: SchoolLessonRequest, subject: str, template: str) -> None:
    """`subject` is a lazy format string with %(school)s, read in each
    coordinator's language."""
    for coordinator in coordinators():
        with translation.override(_language(coordinator)):
            context = {
                "request": request,
                "school": request.school,
                "classes": school_links.planned_classes(request),
                "wishes": school_links.wishes(request),
                "coordinator": coordinator,
                "admin_url": request_admin_url(request),
            }
            _mail(
                [coordinator.email],
                str(subject) % {"school": request.school.name},
                template,
                context,
            )


# --- Requesting --------------------------------------------------------------------


def send_confirmation_link(request_id: int) -> None:
    """To whoever asked: confirm your e-mail address with this link."""
    request = _request(request_id, Status.UNCONFIRMED)
    if request is None:
        return
    with translation.override(request.language):
        subject = _("Please confirm your request for prevention lessons")
        _to_school(
            request, subject, "school_confirm", confirm_url=school_links.confirm_url(request)
        )


def send_received(request_id: int) -> None:
    """After the address is confirmed: to the school, that we have the
    request; to the coordinators, that there is one to schedule."""
    request = _request(request_id, Status.REQUESTED)
    if request is None:
        return
    with translation.override(request.language):
        subject = _("We have received your request for prevention lessons")
        _to_school(request, subject, "school_received")
    _to_coordinators(
        request, gettext_lazy("New request for prevention lessons from %(school)s"), "school_new"
    )


# --- The proposal and the school's answer ----------------------------------------------


def send_proposal(request_id: int) -> None:
    """To the school: the dates, times and trainers proposed per class, with
    the single-use link to accept or ask for other dates."""
    request = _request(request_id, Status.PROPOSED)
    if request is None or not request.answer_token:
        return
    with translation.override(request.language):
        subject = _("Proposed dates for your prevention lessons")
        _to_school(
            request,
            subject,
            "school_proposal",
            answer_url=school_links.proposal_url(request),
            expires_at=request.answer_token_expires_at,
        )


def lessons(request: SchoolLessonRequest) -> list[Session]:
    return [
        school_class.session
        for school_class in request.classes.all()
        if school_class.session is not None and school_class.session.cancelled_at is None
    ]


def calendar_file(request: SchoolLessonRequest) -> bytes:
    """One event per lesson; the UID stays the same per lesson for the life of
    the request and the SEQUENCE grows with every confirmation."""
    return ical.calendar(
        lessons(request),
        title=_("Prevention lesson at %(school)s") % {"school": request.school.name},
        uid_prefix=("school-lesson", request.pk),
        sequence=request.ics_sequence,
        method="REQUEST",
    )


def send_confirmed(request_id: int) -> None:
    """To the school, with the calendar file; the coordinators are told."""
    request = _request(request_id, Status.CONFIRMED)
    if request is None:
        return
    with translation.override(request.language):
        subject = _("Your prevention lessons are confirmed")
        attachment = (
            "lessons.ics",
            calendar_file(request),
            "text/calendar; charset=utf-8; method=REQUEST",
        )
        _to_school(request, subject, "school_confirmed", attachment)
    _to_coordinators(
        request, gettext_lazy("%(school)s accepted the proposed lessons"), "school_accepted"
    )


def send_other_dates_asked(request_id: int) -> None:
    """To the coordinators: the school asks for other dates, with its message."""
    request = _request(request_id, Status.IN_REVIEW)
    if request is None or not request.school_answer:
        return
    _to_coordinators(request, gettext_lazy("%(school)s asks for other dates"), "school_other_dates")


def send_closed(request_id: int, cancelled_lesson_ids: list[int]) -> None:
    """To the school: the request is declined or cancelled, with the reason,
    and a calendar file that removes lessons it had already been sent."""
    request = _request(request_id, Status.DECLINED, Status.CANCELLED)
    if request is None:
        return
    with translation.override(request.language):
        attachment = None
        cancelled = list(
            Session.objects.filter(pk__in=cancelled_lesson_ids).select_related("venue")
        )
        if cancelled:
            attachment = (
                "lessons.ics",
                ical.calendar(
                    cancelled,
                    title=_("Prevention lesson at %(school)s") % {"school": request.school.name},
                    uid_prefix=("school-lesson", request.pk),
                    sequence=request.ics_sequence,
                    method="CANCEL",
                ),
                "text/calendar; charset=utf-8; method=CANCEL",
            )
        if request.status == Status.DECLINED:
            subject = _("We cannot give the prevention lessons you asked for")
        else:
            subject = _("Your prevention lessons are cancelled")
        _to_school(request, subject, "school_closed", attachment)


# --- Before and after the lessons ----------------------------------------------------


def send_lesson_reminder(class_id: int) -> None:
    """Two days before a lesson: to the school contact and to each trainer."""
    school_class = (
        SchoolClass.objects.select_related("request__school", "session__venue")
        .filter(
            pk=class_id,
            request__status=Status.CONFIRMED,
            session__isnull=False,
            session__cancelled_at__isnull=True,
        )
        .first()
    )
    if school_class is None:
        return
    request, session = school_class.request, school_class.session
    trainers = [
        assignment.trainer.user
        for assignment in session.assignments.select_related("trainer__user").order_by("pk")
    ]
    context = {
        "request": request,
        "school": request.school,
        "school_class": school_class,
        "session": session,
        "trainer_names": [user.first_name or user.get_full_name() for user in trainers],
    }
    with translation.override(request.language):
        subject = _("Reminder: prevention lesson on %(date)s") % {
            "date": session.date.strftime("%d-%m-%Y")
        }
        _mail([request.contact_email], subject, "school_reminder", context)
    for user in trainers:
        with translation.override(_language(user)):
            subject = _("Reminder: prevention lesson at %(school)s on %(date)s") % {
                "school": request.school.name,
                "date": session.date.strftime("%d-%m-%Y"),
            }
            _mail(
                [user.email],
                subject,
                "school_reminder_trainer",
                {**context, "trainer": user},
            )


def send_evaluation_invitation(request_id: int) -> None:
    """After the last lesson: how was it? (a link to the evaluation form)."""
    request = _request(request_id, Status.DELIVERED)
    if request is None or not request.evaluation_token:
        return
    with translation.override(request.language):
        subject = _("How were the prevention lessons?")
        _to_school(
            request,
            subject,
            "school_evaluation",
            evaluation_url=school_links.evaluation_url(request),
        )


def send_invitation(previous_id: int, school_year: str) -> None:
    """To a school that had lessons last year: ask again for `school_year`
    with the form prefilled from this request."""
    request = SchoolLessonRequest.objects.select_related("school").filter(pk=previous_id).first()
    if request is None:
        return
    with translation.override(request.language):
        subject = _("Prevention lessons in school year %(year)s") % {"year": school_year}
        _mail(
            [request.contact_email],
            subject,
            "school_invitation",
            {
                "request": request,
                "school": request.school,
                "school_year": school_year,
                "invitation_url": school_links.invitation_url(request, school_year),
            },
        )
