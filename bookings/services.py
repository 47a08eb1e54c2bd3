"""Booking, cancelling and the waiting list: every workflow that changes who
holds a seat locks the training day's row first (lms.locking), counts under
that lock and writes in the same transaction, so seats are never oversold on
one web node or several. Mails leave after commit (bookings.tasks)."""

from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.db.models import Count, F, IntegerField, Max, OuterRef, Prefetch, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.crypto import constant_time_compare
from django.utils.translation import gettext as _

from lms import audit, pagecache
from lms.errors import Refused
from lms.locking import lock_one
from workshops.choices import DayKind, DayStatus
from workshops.models import Session, TrainingDay

from . import tasks
from .models import Registration, Tariff

Status = Registration.Status


@dataclass(frozen=True)
class Seats:
    capacity: int
    taken: int
    waiting: int

    @property
    def left(self) -> int:
        return max(self.capacity - self.taken, 0)


def seats(day: TrainingDay) -> Seats:
    """Seats taken (confirmed or held for a colleague) and people waiting."""
    counts = Registration.objects.filter(training_day=day).aggregate(
        taken=Count("pk", filter=Q(status__in=Registration.SEAT_HOLDING)),
        waiting=Count("pk", filter=Q(status=Status.WAITLISTED)),
    )
    return Seats(capacity=day.capacity, **counts)


def _count_of(registrations) -> Coalesce:
    """A subquery counting `registrations` of the outer training day."""
    counted = (
        registrations.filter(training_day=OuterRef("pk"))
        .order_by()
        .values("training_day")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def upcoming_open_days(*, course_key=None):
    """Published (or full) open days that start today or later, soonest first,
    each with `seats_taken` and `seats_waiting` counted and its sessions (with
    venues) prefetched: one query for the days and one for the sessions,
    however many there are. `course_key` narrows them to one course."""
    first_date = (
        Session.objects.filter(training_day=OuterRef("pk"))
        .order_by("date", "starts_at_time")
        .values("date")[:1]
    )
    days = (
        TrainingDay.objects.filter(
            kind=DayKind.OPEN, status__in=(DayStatus.PUBLISHED, DayStatus.FULL)
        )
        .annotate(
            first_date=Subquery(first_date),
            seats_taken=_count_of(Registration.objects.holding_a_seat()),
            seats_waiting=_count_of(Registration.objects.filter(status=Status.WAITLISTED)),
        )
        .filter(first_date__gte=timezone.localdate())
        .select_related("course")
        .prefetch_related(Prefetch("sessions", queryset=Session.objects.select_related("venue")))
        .order_by("first_date", "pk")
    )
    if course_key is not None:
        days = days.filter(course_key=course_key)
    return days


def _refresh_status(day: TrainingDay, *, left: int | None = None) -> None:
    """Published ⇄ full, following the seats (`left`, when the caller has just
    counted them under the lock); other statuses are the centre's."""
    if day.status not in (DayStatus.PUBLISHED, DayStatus.FULL):
        return
    left = seats(day).left if left is None else left
    status = DayStatus.FULL if left == 0 else DayStatus.PUBLISHED
    if status != day.status:
        day.status = status
        day.save(update_fields=["status"])


def _after_commit(*callbacks) -> None:
    """Anonymous course pages show seats left: a change shows at once."""
    transaction.on_commit(pagecache.invalidate)
    for callback in callbacks:
        transaction.on_commit(callback)


def _next_waitlist_position(day: TrainingDay) -> int:
    last = Registration.objects.filter(training_day=day, status=Status.WAITLISTED).aggregate(
        last=Max("waitlist_position")
    )["last"]
    return (last or 0) + 1


def _tariff(day: TrainingDay, municipality) -> tuple[str, Decimal | None]:
    reduced = day.is_reduced_for(municipality)
    return (Tariff.REDUCED if reduced else Tariff.STANDARD), day.price_for(municipality)


def book_place(
    day: TrainingDay,
    user,
    *,
    organisation: str,
    municipality=None,
    invoice_reference: str = "",
    dietary_needs: str = "",
    access_needs: str = "",
    invitation_token: str | None = None,
) -> Registration:
    """Give `user` a confirmed place while seats remain, else the next place
    on the waiting list. The price follows the municipality they work in.

    Raises Refused: 409 when registration is closed or the person already has
    a place or a place in the queue; 403 for an in-company day without its
    invitation; `lms.locking.Busy` (409) when the day stays locked too long."""
    with transaction.atomic():
        day = lock_one(day)
        if day.is_invitation_only and not constant_time_compare(
            invitation_token or "", day.invitation_token
        ):
            raise Refused(
                _("Only people invited by the organisation can book this date."), status=403
            )
        if not day.registration_is_open():
            raise Refused(_("Registration for this date is closed."), status=409)
        existing = Registration.objects.active().filter(training_day=day, user=user).first()
        if existing is not None:
            raise Refused(
                _("You are already on the waiting list for this date.")
                if existing.status == Status.WAITLISTED
                else _("You already have a place on this date."),
                status=409,
            )
        tariff, price = _tariff(day, municipality)
        registration = Registration(
            training_day=day,
            user=user,
            organisation=organisation,
            municipality=municipality,
            invoice_reference=invoice_reference,
            dietary_needs=dietary_needs,
            access_needs=access_needs,
            tariff=tariff,
            price=price,
        )
        left = seats(day).left
        if left > 0:
            registration.status = Status.CONFIRMED
            registration.confirmed_at = timezone.now()
            left -= 1
        else:
            registration.status = Status.WAITLISTED
            registration.waitlist_position = _next_waitlist_position(day)
        registration.save()
        audit.record(
            registration,
            "bookings.registration.book",
            by=user,
            changes={
                "status": (None, registration.status),
                "waitlist_position": (None, registration.waitlist_position),
            },
        )
        _refresh_status(day, left=left)
        _after_commit(lambda: tasks.send_booking_mail.delay(registration.pk))
    return registration


def _promote(day: TrainingDay, *, by=None) -> list[Registration]:
    """Fill free seats from the head of the waiting list (under the day's lock);
    `by` is whoever's action freed them."""
    promoted = []
    free = seats(day).left
    while free > 0:
        first = (
            Registration.objects.filter(training_day=day, status=Status.WAITLISTED)
            .order_by("waitlist_position")
            .first()
        )
        if first is None:
            break
        position = first.waitlist_position
        first.status = Status.CONFIRMED
        first.waitlist_position = None
        first.confirmed_at = timezone.now()
        first.ics_sequence += 1
        first.save(update_fields=["status", "waitlist_position", "confirmed_at", "ics_sequence"])
        audit.record(
            first,
            "bookings.registration.promote",
            by=by,
            changes={
                "status": (Status.WAITLISTED, Status.CONFIRMED),
                "waitlist_position": (position, None),
            },
        )
        _close_gap(day, position, by=by)
        promoted.append(first)
        free -= 1
    return promoted


def _close_gap(day: TrainingDay, position: int, *, by=None) -> None:
    behind = Registration.objects.filter(
        training_day=day, status=Status.WAITLISTED, waitlist_position__gt=position
    )
    moved = []
    for registration in behind.only("pk", "waitlist_position"):
        old = registration.waitlist_position
        moved.append((registration, {"waitlist_position": (old, old - 1)}))
    behind.update(waitlist_position=F("waitlist_position") - 1)
    audit.record_many("bookings.registration.move", moved, by=by)


def fill_from_waitlist(day: TrainingDay, *, by=None) -> list[Registration]:
    """Promote as many waiting people as there are free seats (after the
    centre adds places, for instance). Returns those promoted."""
    with transaction.atomic():
        day = lock_one(day)
        promoted = _promote(day, by=by)
        _refresh_status(day)
        _after_commit(*(_promotion_mail(r) for r in promoted))
    return promoted


def _promotion_mail(registration: Registration):
    return lambda: tasks.send_promotion_mail.delay(registration.pk)


def cancel_registration(registration: Registration, *, by, by_centre: bool = False) -> Registration:
    """Cancel a place or a place in the queue. A freed seat goes to the first
    person waiting, who is told. Participants may cancel until the day's
    deadline; the centre (`by_centre`) at any time.

    Raises Refused: 403 after the deadline, 409 when already cancelled."""
    with transaction.atomic():
        day = lock_one(registration.training_day)
        registration = lock_one(registration)
        if registration.status == Status.CANCELLED:
            raise Refused(_("This booking was already cancelled."), status=409)
        if not by_centre and not day.can_cancel_self():
            raise Refused(
                _(
                    "The date to cancel online has passed. Please contact the centre to "
                    "cancel your place."
                ),
                status=403,
            )
        was_waiting = registration.status == Status.WAITLISTED
        position = registration.waitlist_position
        before = registration.status
        registration.status = Status.CANCELLED
        registration.waitlist_position = None
        registration.cancelled_at = timezone.now()
        registration.cancelled_by = by
        registration.ics_sequence += 1
        registration.save(
            update_fields=[
                "status",
                "waitlist_position",
                "cancelled_at",
                "cancelled_by",
                "ics_sequence",
            ]
        )
        audit.record(
            registration,
            "bookings.registration.cancel",
            by=by,
            changes={"status": (before, Status.CANCELLED), "waitlist_position": (position, None)},
        )
        promoted = []
        if was_waiting:
            _close_gap(day, position, by=by)
        else:
            promoted = _promote(day, by=by)
        _refresh_status(day)
        callbacks = [lambda: tasks.send_cancellation_mail.delay(registration.pk)]
        if registration.user_id is None:  # an unclaimed group place: nobody to tell
            callbacks = []
        _after_commit(*callbacks, *(_promotion_mail(r) for r in promoted))
    return registration


# --- Group places and the centre cancelling a day ----------------------------
# (used by bookings.groups and bookings.beat; the same lock-then-count pattern)


def settle(day: TrainingDay) -> None:
    """After another bookings workflow changed who holds seats on `day` (under
    its lock): published ⇄ full follows, and anonymous pages show it at once."""
    _refresh_status(day)
    _after_commit()


def release_places(day: TrainingDay, registrations, *, by=None) -> list[Registration]:
    """Give back places held for colleagues (RESERVED) that were not claimed:
    they are cancelled and the freed seats go to the head of the waiting list,
    who are told. Places claimed or cancelled meanwhile are left as they are,
    so running this twice changes nothing more. Returns the places released."""
    with transaction.atomic():
        day = lock_one(day)
        held = Registration.objects.filter(
            pk__in=[r.pk for r in registrations], training_day=day, status=Status.RESERVED
        )
        released = list(held)
        held.filter(pk__in=[r.pk for r in released]).update(
            status=Status.CANCELLED,
            cancelled_at=timezone.now(),
            cancelled_by=by,
            claim_token="",
            ics_sequence=F("ics_sequence") + 1,
        )
        for place in released:
            audit.record(
                place,
                "bookings.registration.release",
                by=by,
                changes={"status": (Status.RESERVED, Status.CANCELLED)},
            )
        promoted = _promote(day, by=by) if released else []
        _refresh_status(day)
        _after_commit(*(_promotion_mail(r) for r in promoted))
    return released


def cancel_training_day(day: TrainingDay, *, by, reason: str = "") -> list[Registration]:
    """The centre cancels a whole training day: its status becomes cancelled
    and every place, held place and place in the queue is cancelled without
    promotion. Each participant gets a mail (with `reason`) and a calendar
    file that removes the date. Returns the cancelled registrations.

    Raises Refused (409) when the day is already cancelled or completed."""
    with transaction.atomic():
        day = lock_one(day)
        if day.status in (DayStatus.CANCELLED, DayStatus.COMPLETED):
            raise Refused(_("This training day is already cancelled or over."), status=409)
        before = day.status
        day.status = DayStatus.CANCELLED
        day.save(update_fields=["status"])
        cancelled = list(Registration.objects.active().filter(training_day=day))
        now = timezone.now()
        for registration in cancelled:
            changes = {
                "status": (registration.status, Status.CANCELLED),
                "waitlist_position": (registration.waitlist_position, None),
            }
            registration.status = Status.CANCELLED
            registration.waitlist_position = None
            registration.cancelled_at = now
            registration.cancelled_by = by
            registration.claim_token = ""
            registration.ics_sequence += 1
            registration.save(
                update_fields=[
                    "status",
                    "waitlist_position",
                    "cancelled_at",
                    "cancelled_by",
                    "claim_token",
                    "ics_sequence",
                ]
            )
            audit.record(registration, "bookings.registration.cancel", by=by, changes=changes)
        audit.record(
            day,
            "bookings.trainingday.cancel",
            by=by,
            changes={"status": (before, DayStatus.CANCELLED)},
            registrations=[registration.pk for registration in cancelled],
        )
        _after_commit(
            *(
                _day_cancelled_mail(registration, reason)
                for registration in cancelled
                if registration.user_id is not None
            )
        )
    return cancelled


def _day_cancelled_mail(registration: Registration, reason: str):
    return lambda: tasks.send_day_cancelled_mail.delay(registration.pk, reason)
