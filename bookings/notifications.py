"""The mails of a booking, each in the participant's language, with a calendar
file (workshops.ical) where the booking gives or takes a place."""

from urllib.parse import urlencode

from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.translation import gettext as _

from lms import roles
from lms.http import public_url
from lms.models import User
from workshops import ical
from workshops.models import TrainingDay

from .models import GroupBooking, InCompanyRequest, Registration

Status = Registration.Status


def _registration(registration_id: int) -> Registration | None:
    return (
        Registration.objects.select_related("training_day__course", "user", "municipality")
        .filter(pk=registration_id, user__isnull=False)
        .first()
    )


def calendar_file(registration: Registration, *, cancel: bool = False) -> bytes:
    day = registration.training_day
    return ical.calendar(
        day.sessions.select_related("venue"),
        title=day.course.title,
        uid_prefix=("registration", registration.pk),
        sequence=registration.ics_sequence,
        method="CANCEL" if cancel else "REQUEST",
    )


def _send(registration: Registration, template: str, subject: str, *, ics: str | None) -> None:
    context = {
        "registration": registration,
        "day": registration.training_day,
        "sessions": registration.training_day.sessions.select_related("venue"),
        "my_url": public_url(reverse("lms:dashboard")),
    }
    body = render_to_string(f"bookings/email/{template}.txt", context)
    message = EmailMultiAlternatives(subject, body, to=[registration.user.email])
    if ics is not None:
        message.attach(
            "training.ics",
            calendar_file(registration, cancel=ics == "CANCEL"),
            f"text/calendar; charset=utf-8; method={ics}",
        )
    message.send()


def _language(registration: Registration) -> str:
    return getattr(registration.user, "language", "") or "nl"


def send_booking_mail(registration_id: int) -> None:
    """Confirmed: the place with a calendar file. Waitlisted: the position."""
    registration = _registration(registration_id)
    if registration is None or registration.status not in (Status.CONFIRMED, Status.WAITLISTED):
        return
    with translation.override(_language(registration)):
        title = registration.training_day.course.title
        if registration.status == Status.CONFIRMED:
            subject = _("Your place: %(title)s") % {"title": title}
            _send(registration, "confirmed", subject, ics="REQUEST")
        else:
            subject = _("On the waiting list: %(title)s") % {"title": title}
            _send(registration, "waitlisted", subject, ics=None)


def send_promotion_mail(registration_id: int) -> None:
    registration = _registration(registration_id)
    if registration is None or registration.status != Status.CONFIRMED:
        return
    with translation.override(_language(registration)):
        subject = _("A place came free for you: %(title)s") % {
            "title": registration.training_day.course.title
        }
        _send(registration, "promoted", subject, ics="REQUEST")


def send_cancellation_mail(registration_id: int) -> None:
    registration = _registration(registration_id)
    if registration is None or registration.status != Status.CANCELLED:
        return
    with translation.override(_language(registration)):
        subject = _("Booking cancelled: %(title)s") % {
            "title": registration.training_day.course.title
        }
        _send(registration, "cancelled", subject, ics="CANCEL")


# --- Reminders and the centre cancelling a day -------------------------------


def send_reminder_mail(registration_id: int) -> None:
    """A few days before: the date again, with the calendar file (unchanged
    UID and sequence: calendar programs see the same event)."""
    registration = _registration(registration_id)
    if registration is None or registration.status != Status.CONFIRMED:
        return
    with translation.override(_language(registration)):
        subject = _("Reminder: %(title)s") % {"title": registration.training_day.course.title}
        _send(registration, "reminder", subject, ics="REQUEST")


def send_day_cancelled_mail(registration_id: int, reason: str = "") -> None:
    registration = _registration(registration_id)
    if registration is None or registration.status != Status.CANCELLED:
        return
    with translation.override(_language(registration)):
        subject = _("Training day cancelled: %(title)s") % {
            "title": registration.training_day.course.title
        }
        context = {
            "registration": registration,
            "day": registration.training_day,
            "sessions": registration.training_day.sessions.select_related("venue"),
            "reason": reason,
        }
        body = render_to_string("bookings/email/day_cancelled.txt", context)
        message = EmailMultiAlternatives(subject, body, to=[registration.user.email])
        message.attach(
            "training.ics",
            calendar_file(registration, cancel=True),
            "text/calendar; charset=utf-8; method=CANCEL",
        )
        message.send()


# --- Group bookings ------------------------------------------------------------


def _plain_mail(to: list[str], subject: str, template: str, context: dict) -> None:
    body = render_to_string(f"bookings/email/{template}.txt", context)
    EmailMultiAlternatives(subject, body, to=to).send()


def _group(group_id: int) -> GroupBooking | None:
    return (
        GroupBooking.objects.select_related("training_day__course", "contact")
        .filter(pk=group_id)
        .first()
    )


def _user_language(user) -> str:
    return getattr(user, "language", "") or "nl"


def invitee_language(registration: Registration) -> str:
    """An invited colleague with an account reads in their own language; one
    without reads in the language of the colleague who booked."""
    account = User.objects.filter(email__iexact=registration.invited_email).first()
    return _user_language(account or registration.group.contact)


def send_group_booked_mail(group_id: int) -> None:
    """To the contact: the places held, for whom, and until when."""
    group = _group(group_id)
    if group is None:
        return
    with translation.override(_user_language(group.contact)):
        day = group.training_day
        subject = _("Places held for your colleagues: %(title)s") % {"title": day.course.title}
        context = {
            "group": group,
            "day": day,
            "sessions": day.sessions.select_related("venue"),
            "places": group.places.order_by("invited_email"),
            "my_url": public_url(reverse("lms:dashboard")),
        }
        _plain_mail([group.contact.email], subject, "group_booked", context)


def send_claim_invitation(registration_id: int) -> None:
    """To a colleague: a place is held for you; claim it with this link."""
    registration = (
        Registration.objects.select_related("training_day__course", "group__contact")
        .filter(pk=registration_id, status=Status.RESERVED, group__isnull=False)
        .exclude(claim_token="")
        .first()
    )
    if registration is None:
        return
    with translation.override(invitee_language(registration)):
        day = registration.training_day
        subject = _("A place is held for you: %(title)s") % {"title": day.course.title}
        context = {
            "registration": registration,
            "group": registration.group,
            "day": day,
            "sessions": day.sessions.select_related("venue"),
            "claim_url": public_url(reverse("bookings:claim", args=[registration.claim_token])),
        }
        _plain_mail([registration.invited_email], subject, "claim_invitation", context)


def send_places_released_mail(group_id: int, emails: list[str]) -> None:
    """To the contact: these colleagues did not claim their place in time."""
    group = _group(group_id)
    if group is None or not emails:
        return
    with translation.override(_user_language(group.contact)):
        day = group.training_day
        subject = _("Unclaimed places released: %(title)s") % {"title": day.course.title}
        context = {"group": group, "day": day, "emails": sorted(emails)}
        _plain_mail([group.contact.email], subject, "group_released", context)


# --- In-company requests and the minimum-participants warning -----------------


def coordinators():
    return User.objects.filter(groups__name=roles.COORDINATORS, is_active=True).distinct()


def _request(request_id: int) -> InCompanyRequest | None:
    return InCompanyRequest.objects.filter(pk=request_id).first()


def send_in_company_confirmation(request_id: int) -> None:
    """To whoever asked: confirm your e-mail address with this link."""
    in_company = _request(request_id)
    if in_company is None or in_company.status != InCompanyRequest.Status.UNCONFIRMED:
        return
    with translation.override(in_company.language or "nl"):
        subject = _("Please confirm your request for an in-company training")
        context = {
            "request": in_company,
            "confirm_url": public_url(
                reverse("bookings:in_company_confirm", args=[in_company.confirm_token])
            ),
        }
        _plain_mail([in_company.contact_email], subject, "in_company_confirm", context)


def request_admin_url(in_company: InCompanyRequest) -> str:
    """The coordinator's page that turns the request into a training day."""
    try:
        return public_url(reverse("bookings_in_company_plan", args=[in_company.pk]))
    except NoReverseMatch:  # the admin hook is not registered (yet)
        return public_url("/admin/")


def send_in_company_received(request_id: int) -> None:
    """To every coordinator: a confirmed request came in."""
    in_company = _request(request_id)
    if in_company is None:
        return
    for coordinator in coordinators():
        with translation.override(_user_language(coordinator)):
            subject = _("In-company request from %(organisation)s") % {
                "organisation": in_company.organisation
            }
            context = {
                "request": in_company,
                "coordinator": coordinator,
                "admin_url": request_admin_url(in_company),
            }
            _plain_mail([coordinator.email], subject, "in_company_received", context)


def invitation_url(day: TrainingDay) -> str:
    """The booking link only the organisation's team gets."""
    path = reverse("bookings:book", args=[day.key])
    return public_url(path + "?" + urlencode({"invitation": day.invitation_token}))


def send_in_company_planned(request_id: int) -> None:
    """To whoever asked: the date is set; share this link with your team."""
    in_company = (
        InCompanyRequest.objects.select_related("training_day__course")
        .filter(pk=request_id, training_day__isnull=False)
        .first()
    )
    if in_company is None:
        return
    with translation.override(in_company.language or "nl"):
        day = in_company.training_day
        subject = _("Your in-company training is planned: %(title)s") % {"title": day.course.title}
        context = {
            "request": in_company,
            "day": day,
            "sessions": day.sessions.select_related("venue"),
            "invitation_url": invitation_url(day),
        }
        _plain_mail([in_company.contact_email], subject, "in_company_planned", context)


def day_admin_url(day: TrainingDay) -> str:
    """The day's page in the back office (a modeladmin listing or a snippet,
    whichever the admin registers), else the admin's home."""
    for name, args in (
        ("workshops_trainingday_modeladmin_edit", [day.pk]),
        ("wagtailsnippets_workshops_trainingday:edit", [day.pk]),
    ):
        try:
            return public_url(reverse(name, args=args))
        except NoReverseMatch:
            continue
    return public_url("/admin/")


def send_minimum_warning(day_id: int) -> None:
    """To every coordinator: the decision date came and too few signed up."""
    day = TrainingDay.objects.select_related("course").filter(pk=day_id).first()
    if day is None:
        return
    confirmed = Registration.objects.filter(training_day=day, status=Status.CONFIRMED).count()
    for coordinator in coordinators():
        with translation.override(_user_language(coordinator)):
            subject = _("Too few participants: %(title)s") % {"title": day.course.title}
            context = {
                "day": day,
                "sessions": day.sessions.select_related("venue"),
                "confirmed": confirmed,
                "admin_url": day_admin_url(day),
            }
            _plain_mail([coordinator.email], subject, "minimum_warning", context)
