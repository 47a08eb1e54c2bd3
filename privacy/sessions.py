"""Sessions kept in the database (Django's `db` and `cached_db` engines, the
ones this platform uses): ending every session of one person, and removing
the expired ones, as `manage.py clearsessions` does.

With a cache-only or cookie engine there is nothing here to remove; a
removed account's sessions still end, as its password hash changes (Django
checks it on every request)."""

from importlib import import_module

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore as DatabaseSessionStore


def _store_class():
    return import_module(settings.SESSION_ENGINE).SessionStore


def _in_database() -> bool:
    return issubclass(_store_class(), DatabaseSessionStore)


def end_sessions_of(user, now) -> int:
    """Delete every unexpired session logged in as `user` (from the cache too,
    with `cached_db`). Sessions carry no user column, so each one is read:
    a removal is rare, and this is the only way that needs no extra table."""
    if not _in_database():
        return 0
    store = _store_class()
    ended = 0
    sessions = store.get_model_class().objects.filter(expire_date__gt=now)
    for session in sessions.iterator():
        if session.get_decoded().get(SESSION_KEY) == str(user.pk):
            store(session_key=session.session_key).delete()
            ended += 1
    return ended


def clear_expired(now) -> int:
    """Remove the sessions that expired before `now`; returns how many."""
    if not _in_database():
        return 0
    deleted, _ = _store_class().get_model_class().objects.filter(expire_date__lt=now).delete()
    return deleted
