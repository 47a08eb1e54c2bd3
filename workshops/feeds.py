"""A trainer's personal calendar feed: a secret address that Outlook, Google
Calendar and other calendar programs subscribe to, holding every session the
trainer gives. Here: the secret (turn it off, give a new one) and the calendar
file itself; what each event says is the caller's (bookings knows the schools).

The feed is a subscription, not an invitation: METHOD:PUBLISH, one event per
session with a UID that stays the same for (trainer, session), so a program
that refreshes the feed updates an event in place. A cancelled session is
left out of the feed, so it disappears at the next refresh."""

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone
from icalendar import Calendar, Event, vText

from lms.locking import lock_one

from .ical import PRODID, event_uid
from .models import Session, Trainer, new_feed_token

logger = logging.getLogger(__name__)

# What the feed holds: the last 30 days (for a look back) and a year ahead.
LOOK_BACK = timedelta(days=30)
LOOK_AHEAD = timedelta(days=365)
# How often a calendar program should fetch the feed again.
REFRESH = timedelta(hours=1)


def regenerate_feed_token(trainer: Trainer) -> str:
    """Give the trainer a new secret feed address (the old one stops working
    at once) and return the new token."""
    with transaction.atomic():
        trainer = lock_one(trainer)
        trainer.feed_token = new_feed_token()
        trainer.save(update_fields=["feed_token"])
    logger.info("calendar feed token of trainer %s regenerated", trainer.pk)
    return trainer.feed_token


def revoke_feed_token(trainer: Trainer) -> None:
    """Turn the trainer's feed off: no address answers until they regenerate one."""
    with transaction.atomic():
        trainer = lock_one(trainer)
        trainer.feed_token = None
        trainer.save(update_fields=["feed_token"])
    logger.info("calendar feed of trainer %s revoked", trainer.pk)


def trainer_for_token(token: str) -> Trainer | None:
    """The active trainer whose feed `token` opens, or None."""
    if not token:
        return None
    return Trainer.objects.filter(feed_token=token, active=True).select_related("user").first()


@dataclass(frozen=True)
class FeedEvent:
    """One session as the feed shows it."""

    session: Session
    summary: str
    location: str = ""
    description: str = ""


def feed_calendar(
    trainer: Trainer, events: Iterable[FeedEvent], *, name: str, stamp: datetime | None = None
) -> bytes:
    """The feed as an iCalendar file: X-WR-CALNAME `name`, one event per
    session, times in Europe/Amsterdam with their VTIMEZONE."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", timezone.get_default_timezone_name())
    cal.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", REFRESH)
    stamp = stamp or timezone.now()
    for item in events:
        session = item.session
        event = Event()
        event.add("uid", event_uid("trainer", trainer.pk, session))
        event.add("dtstamp", stamp)
        event.add("dtstart", session.starts_at)
        event.add("dtend", session.ends_at)
        event.add("summary", item.summary)
        if item.location:
            event.add("location", vText(item.location))
        if session.online_url:
            event.add("url", session.online_url)
        if item.description:
            event.add("description", item.description)
        event.add("status", "CONFIRMED")
        event.add("transp", "OPAQUE")
        cal.add_component(event)
    cal.add_missing_timezones()
    return cal.to_ical()
