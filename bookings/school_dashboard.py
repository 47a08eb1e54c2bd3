"""The school contact's part of /my/: every request of the schools they are a
contact of (and the ones they made themselves), with its status, classes,
the dates planned and, while a proposal waits, the link to answer it. A
fixed number of queries, however many requests."""

from django.db.models import Q
from django.utils import timezone

from . import school_links
from .dashboard import holdings
from .models import SchoolLessonRequest

Status = SchoolLessonRequest.Status

# How each status looks as a badge (components/status_badge.html).
BADGE = {
    Status.UNCONFIRMED: "neutral",
    Status.REQUESTED: "active",
    Status.IN_REVIEW: "active",
    Status.PROPOSED: "warning",
    Status.CONFIRMED: "success",
    Status.DELIVERED: "success",
    Status.EVALUATED: "neutral",
    Status.DECLINED: "danger",
    Status.CANCELLED: "danger",
}


def requests_for(user):
    """The requests a school contact may see: their schools' and their own."""
    return (
        SchoolLessonRequest.objects.filter(Q(school__contacts=user) | Q(contact_user=user))
        .distinct()
        .select_related("school")
        .prefetch_related(school_links.classes_with_lessons())
        .order_by("-created_at")
    )


def _entry(request: SchoolLessonRequest, now) -> dict:
    can_answer = (
        request.status == Status.PROPOSED
        and bool(request.answer_token)
        and (request.answer_token_expires_at is None or request.answer_token_expires_at > now)
    )
    return {
        "request": request,
        "badge": BADGE.get(request.status, "neutral"),
        "classes": school_links.planned_classes(request),
        "proposal_url": school_links.proposal_url(request) if can_answer else "",
    }


def school_requests_section(request) -> dict | None:
    """For a user with school lesson requests: all of them, newest first."""
    if not request.user.is_authenticated or not holdings(request).school_requests:
        return None
    requests = list(requests_for(request.user))
    if not requests:
        return None
    now = timezone.now()
    return {
        "template": "bookings/schools/dashboard_section.html",
        "entries": [_entry(lesson_request, now) for lesson_request in requests],
    }
