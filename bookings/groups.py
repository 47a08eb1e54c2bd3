"""Group bookings: one contact holds places on a training day for named
colleagues, who each claim theirs with a personal link; places not claimed by
the group's deadline go back (to the waiting list first).

A group never goes on the waiting list, not even partly: when fewer seats are
left than colleagues named, the booking is refused with the number left, so
the contact can name fewer. A place can only be claimed by an account with
the e-mail address it was held for (a forwarded link is no use to anyone
else)."""

import secrets
from datetime import datetime, timedelta

from allauth.account.models import EmailAddress
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from lms import audit
from lms.errors import Refused
from lms.locking import lock_one
from workshops.models import TrainingDay

from . import services, tasks
from .models import GroupBooking, Registration, Tariff

Status = Registration.Status

# How long colleagues have to claim a place, at most (never past the day's
# registration deadline or start).
CLAIM_PERIOD = timedelta(days=7)
MAX_GROUP_SIZE = 50


def claim_deadline_for(day: TrainingDay, now: datetime | None = None) -> datetime:
    now = now or timezone.now()
    deadline = now + CLAIM_PERIOD
    closes = day.registration_closes_at or day.starts_at
    return min(deadline, closes) if closes else deadline


def normalise_emails(emails) -> list[str]:
    """Lower-cased, without blanks. Raises Refused (400) on a duplicate."""
    cleaned = [email.strip().lower() for email in emails if email.strip()]
    duplicates = sorted({email for email in cleaned if cleaned.count(email) > 1})
    if duplicates:
        raise Refused(
            _("Each colleague can be named once. Named twice: %(emails)s")
            % {"emails": ", ".join(duplicates)}
        )
    if not cleaned:
        raise Refused(_("Name at least one colleague."))
    if len(cleaned) > MAX_GROUP_SIZE:
        raise Refused(
            _("A group booking holds at most %(count)d places.") % {"count": MAX_GROUP_SIZE}
        )
    return cleaned


def _already_there(day: TrainingDay, emails: list[str]) -> list[str]:
    """Of these addresses, those with a place, a held place or a place in the
    queue on `day` already (compared without case: people type them as they
    like)."""
    taken = set()
    for email, invited in (
        Registration.objects.active()
        .filter(training_day=day)
        .values_list("user__email", "invited_email")
    ):
        taken.update(address.lower() for address in (email, invited) if address)
    return sorted(taken & set(emails))


def book_group(
    day: TrainingDay,
    contact,
    *,
    emails,
    organisation: str,
    municipality=None,
    invoice_reference: str = "",
    invitation_token: str | None = None,
) -> GroupBooking:
    """Hold one place per colleague (status reserved), each with its own claim
    link mailed after commit, and tell the contact. One organisation and
    invoice reference for the whole group; the tariff follows `municipality`.

    Raises Refused: 400 for a duplicate or missing address; 403 for an
    in-company day without its invitation; 409 when registration is closed,
    when fewer seats are left than colleagues named, or when a colleague
    already has a place on this date."""
    emails = normalise_emails(emails)
    with transaction.atomic():
        day = lock_one(day)
        if day.is_invitation_only and invitation_token != day.invitation_token:
            raise Refused(
                _("Only people invited by the organisation can book this date."), status=403
            )
        if not day.registration_is_open():
            raise Refused(_("Registration for this date is closed."), status=409)
        left = services.seats(day).left
        if len(emails) > left:
            raise Refused(
                ngettext(
                    "Only %(left)d place is left on this date: name fewer colleagues.",
                    "Only %(left)d places are left on this date: name fewer colleagues.",
                    left,
                )
                % {"left": left}
                if left
                else _("This date is full: a group cannot be booked on it."),
                status=409,
            )
        already = _already_there(day, emails)
        if already:
            raise Refused(
                _("Already booked on this date: %(emails)s") % {"emails": ", ".join(already)},
                status=409,
            )
        group = GroupBooking.objects.create(
            training_day=day,
            contact=contact,
            organisation=organisation,
            invoice_reference=invoice_reference,
            claim_deadline=claim_deadline_for(day),
        )
        reduced = day.is_reduced_for(municipality)
        places = Registration.objects.bulk_create(
            Registration(
                training_day=day,
                status=Status.RESERVED,
                group=group,
                invited_email=email,
                claim_token=secrets.token_urlsafe(32),
                organisation=organisation,
                municipality=municipality,
                invoice_reference=invoice_reference,
                tariff=Tariff.REDUCED if reduced else Tariff.STANDARD,
                price=day.price_for(municipality),
            )
            for email in emails
        )
        audit.record(
            group,
            "bookings.group.book",
            by=contact,
            changes={"places": (None, len(places))},
            training_day=day.pk,
            registrations=[place.pk for place in places],
        )
        services.settle(day)
        place_ids = [place.pk for place in places]
        transaction.on_commit(lambda: tasks.send_group_booked_mail.delay(group.pk))
        for place_id in place_ids:
            transaction.on_commit(
                lambda place_id=place_id: tasks.send_claim_invitation.delay(place_id)
            )
    return group


def held_place(token: str) -> Registration | None:
    """The unclaimed place this link holds, if any."""
    if not token:
        return None
    return (
        Registration.objects.select_related("training_day__course", "group__contact")
        .filter(claim_token=token, status=Status.RESERVED, group__isnull=False)
        .first()
    )


def is_invited(user, registration: Registration) -> bool:
    """Whether the account has the address the place was held for."""
    invited = registration.invited_email.lower()
    if (user.email or "").lower() == invited:
        return True
    return EmailAddress.objects.filter(user=user, email__iexact=invited, verified=True).exists()


def claim_place(registration: Registration, user) -> Registration:
    """Turn a held place into the user's confirmed place and send the
    confirmation with its calendar file.

    Raises Refused: 403 when the account has another e-mail address than the
    one invited; 409 when the place was claimed or released meanwhile, the
    claim deadline passed, or the user already has a place on this date."""
    with transaction.atomic():
        day = lock_one(registration.training_day)
        registration = lock_one(registration)
        if registration.status != Status.RESERVED or not registration.claim_token:
            raise Refused(_("This place has already been claimed or released."), status=409)
        if not is_invited(user, registration):
            raise Refused(
                _(
                    "This place is held for another e-mail address. Log in with the "
                    "address the invitation was sent to."
                ),
                status=403,
            )
        if timezone.now() >= registration.group.claim_deadline:
            raise Refused(
                _("The date to claim this place has passed. Please ask your colleague."),
                status=409,
            )
        existing = Registration.objects.active().filter(training_day=day, user=user).first()
        if existing is not None:
            raise Refused(
                _("You are already on the waiting list for this date.")
                if existing.status == Status.WAITLISTED
                else _("You already have a place on this date."),
                status=409,
            )
        registration.user = user
        registration.status = Status.CONFIRMED
        registration.confirmed_at = timezone.now()
        registration.claim_token = ""
        registration.save(update_fields=["user", "status", "confirmed_at", "claim_token"])
        audit.record(
            registration,
            "bookings.registration.claim",
            by=user,
            changes={"status": (Status.RESERVED, Status.CONFIRMED)},
        )
        services.settle(day)
        transaction.on_commit(lambda: tasks.send_booking_mail.delay(registration.pk))
    return registration


def release_expired(now: datetime | None = None) -> int:
    """Give back every place not claimed by its group's deadline (beat). Tells
    each contact which colleagues' places went. Returns the number released."""
    now = now or timezone.now()
    expired = (
        Registration.objects.filter(
            status=Status.RESERVED, group__isnull=False, group__claim_deadline__lte=now
        )
        .select_related("training_day", "group")
        .order_by("training_day_id", "group_id")
    )
    by_day: dict[int, list[Registration]] = {}
    for registration in expired:
        by_day.setdefault(registration.training_day_id, []).append(registration)
    released = 0
    for places in by_day.values():
        # Only what this run released: another run may have been first.
        gone = services.release_places(places[0].training_day, places)
        by_group: dict[int, list[str]] = {}
        for place in gone:
            by_group.setdefault(place.group_id, []).append(place.invited_email)
        for group_id, emails in by_group.items():
            released += len(emails)
            transaction.on_commit(
                lambda group_id=group_id, emails=emails: tasks.send_places_released_mail.delay(
                    group_id, emails
                )
            )
    return released
