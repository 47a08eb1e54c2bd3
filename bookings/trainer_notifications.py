"""The mails a trainer gets about a school lesson, in their own language, each
with a calendar file: assigned (METHOD:REQUEST), changed (the same UID with a
higher SEQUENCE) and no longer theirs (METHOD:CANCEL). The UID is stable per
(trainer, session), so a calendar program updates or removes the one event.

Every function takes keys and re-reads the rows; it sends nothing when what
it would announce is no longer true (safe to run twice or late)."""

from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from lms.http import public_url
from workshops import ical
from workshops.models import Assignment, Session, Trainer

from .models import SchoolClass

REQUEST, CANCEL = "REQUEST", "CANCEL"


def uid_prefix(trainer: Trainer) -> tuple[str, int]:
    """What makes a trainer's event UID: ("trainer", pk) with the session."""
    return ("trainer", trainer.pk)


def _session(session_id: int) -> Session | None:
    return Session.objects.select_related("venue").filter(pk=session_id).first()


def _trainer(trainer_id: int) -> Trainer | None:
    return Trainer.objects.select_related("user").filter(pk=trainer_id).first()


def _school_class(session: Session) -> SchoolClass | None:
    return SchoolClass.objects.select_related("request__school").filter(session=session).first()


def _title(school_class: SchoolClass | None) -> str:
    if school_class is None:
        return _("Prevention lesson")
    return _("Prevention lesson at %(school)s") % {"school": school_class.request.school.name}


def calendar_file(session: Session, trainer: Trainer, *, method: str) -> bytes:
    return ical.calendar(
        [session],
        title=_title(_school_class(session)),
        uid_prefix=uid_prefix(trainer),
        sequence=session.ics_sequence,
        method=method,
    )


def _send(session: Session, trainer: Trainer, *, template: str, subject: str, method: str, **extra):
    school_class = _school_class(session)
    partners = [
        str(assignment.trainer)
        for assignment in session.assignments.select_related("trainer__user")
        if assignment.trainer_id != trainer.pk
    ]
    context = {
        "trainer": trainer,
        "session": session,
        "school_class": school_class,
        "lesson_request": school_class.request if school_class else None,
        "partners": partners if method == REQUEST else [],
        "my_url": public_url(reverse("lms:dashboard")),
        **extra,
    }
    body = render_to_string(f"bookings/email/{template}.txt", context)
    message = EmailMultiAlternatives(subject, body, to=[trainer.user.email])
    message.attach(
        "lesson.ics",
        calendar_file(session, trainer, method=method),
        f"text/calendar; charset=utf-8; method={method}",
    )
    message.send()


def _language(trainer: Trainer) -> str:
    return getattr(trainer.user, "language", "") or "nl"


def _assigned(session_id: int, trainer_id: int) -> tuple[Session, Trainer] | None:
    session, trainer = _session(session_id), _trainer(trainer_id)
    if session is None or trainer is None or session.cancelled_at is not None:
        return None
    if not Assignment.objects.filter(session=session, trainer=trainer).exists():
        return None
    return session, trainer


def send_assignment(session_id: int, trainer_id: int) -> None:
    """You give this lesson: the details with a calendar file."""
    found = _assigned(session_id, trainer_id)
    if found is None:
        return
    session, trainer = found
    with translation.override(_language(trainer)):
        subject = _("New lesson on %(date)s") % {"date": f"{session.date:%d-%m-%Y}"}
        _send(session, trainer, template="trainer_assignment", subject=subject, method=REQUEST)


def send_change(session_id: int, trainer_id: int) -> None:
    """Your lesson moved (or its pair changed): the new plan, same UID."""
    found = _assigned(session_id, trainer_id)
    if found is None:
        return
    session, trainer = found
    with translation.override(_language(trainer)):
        subject = _("Changed lesson: now on %(date)s") % {"date": f"{session.date:%d-%m-%Y}"}
        _send(session, trainer, template="trainer_change", subject=subject, method=REQUEST)


def send_cancellation(session_id: int, trainer_id: int, reason: str = "") -> None:
    """You no longer give this lesson: the session was cancelled or given to
    someone else. Nothing is sent when the trainer has it (again)."""
    session, trainer = _session(session_id), _trainer(trainer_id)
    if session is None or trainer is None:
        return
    still_theirs = Assignment.objects.filter(session=session, trainer=trainer).exists()
    if still_theirs and session.cancelled_at is None:
        return
    with translation.override(_language(trainer)):
        subject = _("Lesson cancelled: %(date)s") % {"date": f"{session.date:%d-%m-%Y}"}
        _send(
            session,
            trainer,
            template="trainer_cancellation",
            subject=subject,
            method=CANCEL,
            reason=reason,
        )
