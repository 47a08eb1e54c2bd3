"""The section of /my/ this app gives: the learner's bookings, upcoming and past;
and what the app's sections of /my/ (bookings, places booked for colleagues,
school lesson requests, a trainer's sessions) first ask about the reader."""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef, Prefetch, Q, Subquery
from django.utils import timezone
from django.utils.translation import get_language

from lms.usercache import remember_for_user
from workshops.models import Session, Trainer

from . import offers
from .models import GroupBooking, Registration, SchoolLessonRequest


@dataclass(frozen=True)
class Holdings:
    """What the reader of /my/ has in this app."""

    bookings: bool
    group_bookings: bool
    school_requests: bool
    trainer_id: int | None


def holdings(request) -> Holdings:
    """Whether the user has bookings, group bookings and school lesson requests
    (of their schools or their own), and their trainer record: one query for
    the four sections, kept on the request and with the user's entries
    (lms.usercache; bookings.receivers starts a new version when one of these
    rows changes), so a warm /my/ asks the database nothing for it."""
    if not hasattr(request, "_bookings_holdings"):
        request._bookings_holdings = remember_for_user(
            request.user.pk, "bookings-holdings", lambda: _holdings(request.user.pk)
        )
    return request._bookings_holdings


def _holdings(user_id) -> Holdings:
    row = (
        get_user_model()
        .objects.filter(pk=user_id)
        .values_list(
            Exists(Registration.objects.filter(user=OuterRef("pk"))),
            Exists(GroupBooking.objects.filter(contact=OuterRef("pk"))),
            Exists(
                SchoolLessonRequest.objects.filter(
                    Q(school__contacts=OuterRef("pk")) | Q(contact_user=OuterRef("pk"))
                )
            ),
            Subquery(Trainer.objects.filter(user=OuterRef("pk")).values("pk")[:1]),
        )
        .first()
    )
    return Holdings(*(row or (False, False, False, None)))


def bookings_section(request) -> dict | None:
    """Upcoming bookings (a place, a place in the queue, or cancelled while the
    day is still to come) and past ones, each with its course in the reader's
    language. Five queries with bookings, whatever their number; one without."""
    if not holdings(request).bookings:
        return None
    registrations = list(
        Registration.objects.filter(user=request.user)
        .select_related("training_day")
        .prefetch_related(
            Prefetch("training_day__sessions", queryset=Session.objects.select_related("venue"))
        )
        .order_by("-created_at")
    )
    if not registrations:
        return None
    courses = offers.courses_in_language(
        {r.training_day.course_key for r in registrations}, get_language() or "nl"
    )
    today = timezone.localdate()
    upcoming, past = [], []
    for registration in registrations:
        sessions = list(registration.training_day.sessions.all())
        entry = {
            "registration": registration,
            "course": courses.get(registration.training_day.course_key),
            "sessions": sessions,
            "price": offers.money(registration.price) if registration.price is not None else "",
        }
        is_past = not sessions or sessions[-1].date < today
        (past if is_past else upcoming).append(entry)
    upcoming.sort(key=lambda e: (e["sessions"][0].date, e["sessions"][0].starts_at_time))
    return {
        "template": "bookings/includes/dashboard_bookings.html",
        "upcoming": upcoming,
        "past": past,
    }
