"""What a person has taken on that their account's removal would break: a
booked place on a coming training day, places held for colleagues, sessions
to give as a trainer, an open request as a school's or organisation's
contact, or the running of the platform itself. While any is there the
account stays, and the person is told what to do first.

Requests made without an account belong to the person by their e-mail
address: only addresses the account has verified count, so nobody reaches
someone else's requests by adding their address unconfirmed."""

from functools import reduce
from operator import or_

from allauth.account.models import EmailAddress
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from bookings.models import GroupBooking, InCompanyRequest, Registration, SchoolLessonRequest
from lms import roles
from workshops.models import Assignment


def verified_addresses(user) -> set[str]:
    """The addresses the person has proved are theirs, in lower case."""
    addresses = EmailAddress.objects.filter(user=user, verified=True).values_list(
        "email", flat=True
    )
    return {address.lower() for address in addresses}


def by_address(field: str, addresses: set[str]) -> Q:
    """Rows whose `field` is one of `addresses`, in any case; none when empty."""
    if not addresses:
        return Q(pk__in=[])
    return reduce(or_, (Q(**{f"{field}__iexact": address}) for address in sorted(addresses)))


def school_requests_of(user, addresses: set[str]):
    return SchoolLessonRequest.objects.filter(
        Q(contact_user=user) | by_address("contact_email", addresses)
    )


def in_company_requests_of(addresses: set[str]):
    return InCompanyRequest.objects.filter(by_address("contact_email", addresses))


def blocking(user) -> list[str]:
    """Why `user`'s account cannot be removed now, one sentence each (empty:
    it can). Each sentence says what to do first."""
    today = timezone.localdate()
    reasons = []
    if user.is_staff or user.is_superuser or roles.has_role(user, *roles.ADMIN_ROLES):
        reasons.append(
            _(
                "Your account is used to run the platform. Ask the centre to remove it, "
                "so that your work can be handed over."
            )
        )
    sessions = (
        Assignment.objects.filter(
            trainer__user=user, session__date__gte=today, session__cancelled_at__isnull=True
        )
        .values("session")
        .distinct()
        .count()
    )
    if sessions:
        reasons.append(
            ngettext(
                "You are still scheduled as a trainer for %(count)s session. Ask a "
                "coordinator to assign someone else first.",
                "You are still scheduled as a trainer for %(count)s sessions. Ask a "
                "coordinator to assign someone else first.",
                sessions,
            )
            % {"count": sessions}
        )
    if (
        Registration.objects.active()
        .filter(user=user, training_day__sessions__date__gte=today)
        .exists()
    ):
        reasons.append(
            _(
                "You have a booking for a training day that has not taken place yet. "
                "Cancel it first under My bookings; once the date to cancel has passed, "
                "contact the centre."
            )
        )
    if GroupBooking.objects.filter(
        contact=user,
        training_day__sessions__date__gte=today,
        places__status__in=Registration.ACTIVE,
    ).exists():
        reasons.append(
            _(
                "You hold places for colleagues on a training day that has not taken "
                "place yet. Contact the centre to hand the booking over or cancel it."
            )
        )
    addresses = verified_addresses(user)
    if school_requests_of(user, addresses).filter(status__in=SchoolLessonRequest.OPEN).exists():
        reasons.append(
            _(
                "You are the contact for a school's request for prevention lessons that "
                "is still open. Ask the centre to name another contact first."
            )
        )
    Status = InCompanyRequest.Status
    if (
        in_company_requests_of(addresses)
        .filter(
            Q(status__in=(Status.NEW, Status.IN_PROGRESS))
            | Q(status=Status.PLANNED, training_day__sessions__date__gte=today)
        )
        .exists()
    ):
        reasons.append(
            _(
                "You are the contact for an in-company training that is still being "
                "arranged or has yet to take place. Ask the centre to name another "
                "contact first."
            )
        )
    return reasons
