"""The section of /my/ for a contact who booked places for colleagues: each
group with its places, who has claimed theirs and until when the others can."""

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import get_language

from workshops.models import Session

from . import offers
from .dashboard import holdings
from .models import GroupBooking, Registration


def groups_section(request) -> dict | None:
    """Groups whose training day is still to come (three queries, whatever the
    number of groups; none beyond `holdings` for who never booked for a group)."""
    if not holdings(request).group_bookings:
        return None
    today = timezone.localdate()
    groups = list(
        GroupBooking.objects.filter(contact=request.user, training_day__sessions__date__gte=today)
        .distinct()
        .select_related("training_day")
        .prefetch_related(
            Prefetch("training_day__sessions", queryset=Session.objects.select_related("venue")),
            Prefetch(
                "places",
                queryset=Registration.objects.select_related("user").order_by("invited_email"),
            ),
        )
        .order_by("claim_deadline")
    )
    if not groups:
        return None
    courses = offers.courses_in_language(
        {group.training_day.course_key for group in groups}, get_language() or "nl"
    )
    entries = []
    for group in groups:
        places = list(group.places.all())
        entries.append(
            {
                "group": group,
                "course": courses.get(group.training_day.course_key),
                "sessions": list(group.training_day.sessions.all()),
                "places": places,
                "claimed": sum(p.status == Registration.Status.CONFIRMED for p in places),
            }
        )
    return {"template": "bookings/group_dashboard.html", "groups": entries}
