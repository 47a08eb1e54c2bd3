"""Calendar files (RFC 5545) with `icalendar`: one event per session, with a
UID that stays the same for the life of what it describes and a SEQUENCE that
grows with every change, so calendar programs update or remove the event."""

from collections.abc import Iterable
from datetime import datetime

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event, vCalAddress, vText

from .models import Session

PRODID = "-//ESSM//Leerplatform//NL"


def _domain() -> str:
    return settings.WAGTAILADMIN_BASE_URL.split("://", 1)[-1].split("/", 1)[0].split(":")[0]


def event_uid(kind: str, key, session: Session) -> str:
    """Stable per (what, session): e.g. a registration's events keep theirs
    through promotions and cancellation."""
    return f"{kind}-{key}-session-{session.pk}@{_domain()}"


def calendar(
    sessions: Iterable[Session],
    *,
    title: str,
    uid_prefix: tuple[str, object],
    sequence: int = 0,
    method: str = "REQUEST",
    description: str = "",
    organizer_email: str | None = None,
    stamp: datetime | None = None,
) -> bytes:
    """A calendar with one event per session. `method` is REQUEST for a new or
    changed booking and CANCEL when it is withdrawn."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("method", method)
    stamp = stamp or timezone.now()
    for session in sessions:
        event = Event()
        event.add("uid", event_uid(*uid_prefix, session))
        event.add("sequence", sequence)
        event.add("dtstamp", stamp)
        event.add("dtstart", session.starts_at)
        event.add("dtend", session.ends_at)
        event.add("summary", title)
        if session.place:
            event.add("location", vText(str(session.place)))
        if session.online_url:
            event.add("url", session.online_url)
        if description:
            event.add("description", description)
        event.add("status", "CANCELLED" if method == "CANCEL" else "CONFIRMED")
        if organizer_email:
            event.add("organizer", vCalAddress(f"mailto:{organizer_email}"))
        cal.add_component(event)
    return cal.to_ical()
