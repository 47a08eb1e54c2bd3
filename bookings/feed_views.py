"""A trainer's personal calendar feed, and turning it off or renewing it.

The feed needs no log-in (calendar programs cannot log in): the secret token
in its address is the key, and an unknown, revoked or replaced token is a
404. It lives under the language prefix (/nl/feeds/trainer/<token>.ics), like
every other page of the app: the prefix sets the language of its texts.
It holds the trainer's sessions from 30 days back to a year ahead; cancelled
ones are left out, so they disappear at the next refresh. Events say what the
trainer needs (for a school lesson the school's contact and phone), never
anything about pupils or participants. Three queries, however many sessions."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from workshops import feeds

from .dashboard import holdings
from .trainer_dashboard import (
    given_by,
    plan_links,
    session_details,
    session_place,
    session_plans,
    session_title,
)


def _description(request, session, trainer_id: int, links: dict) -> str:
    lines = list(session_details(session))
    others = [str(a.trainer) for a in session.assignments.all() if a.trainer_id != trainer_id]
    if others:
        lines.append(_("With: %(names)s") % {"names": ", ".join(others)})
    for title, url in session_plans(session, links):
        lines.append(f"{_('Session plan')}: {title} {request.build_absolute_uri(url)}")
    return "\n".join(lines)


@require_GET
def trainer_feed(request, token: str):
    trainer = feeds.trainer_for_token(token)
    if trainer is None:
        raise Http404
    today = timezone.localdate()
    links = plan_links()
    sessions = given_by(trainer.pk).filter(
        date__range=(today - feeds.LOOK_BACK, today + feeds.LOOK_AHEAD)
    )
    events = [
        feeds.FeedEvent(
            session=session,
            summary=session_title(session),
            location=session_place(session),
            description=_description(request, session, trainer.pk, links),
        )
        for session in sessions
    ]
    name = _("Sessions of %(name)s") % {"name": trainer}
    response = HttpResponse(
        feeds.feed_calendar(trainer, events, name=name),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = 'inline; filename="sessions.ics"'
    response["Cache-Control"] = "private"
    response["X-Robots-Tag"] = "noindex"
    return response


@login_required
@require_POST
def manage_feed(request):
    """Turn the feed off, or give it a new address (which also turns it on)."""
    trainer_id = holdings(request).trainer_id
    if trainer_id is None:
        raise Http404
    trainer = request.user.trainer
    action = request.POST.get("action")
    if action == "regenerate":
        feeds.regenerate_feed_token(trainer)
        messages.success(
            request,
            _(
                "Your calendar feed has a new address. Subscribe to it again; the old "
                "address no longer works."
            ),
        )
    elif action == "revoke":
        feeds.revoke_feed_token(trainer)
        messages.success(request, _("Your calendar feed is off: its address no longer works."))
    else:
        return HttpResponse(_("Choose what to do with the feed."), status=400)
    return redirect(reverse("lms:dashboard") + "#trainer-feed-heading")
