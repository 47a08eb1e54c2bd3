"""What a logged-in page needs to know about its reader, without asking the
database on every page: the user's row, and per-user entries such as a
learner's progress in a course.

Every entry of a user is kept in the shared cache (Redis in production: every
web node sees the same entries) under the user's *version*, a random number
that changes, at once and again when the transaction commits, whenever
something the entries are made of changes: the user's row is saved or deleted
(lms.signals), or a model the apps name changes (`bump_user_version`, e.g. an
enrolment or a quiz attempt, courses.apps). The version is read before the
database, so an entry built from rows read just before a change (a password
changed, an account deactivated, a lesson done) is kept under the old version
and never read again. The timeouts bound what changes rows without save(),
such as QuerySet.update(), which nothing in the project does to these models.

A warm logged-in page thus asks the cache for the user's version, their row
and the entries it shows, instead of asking the database for each.
"""

import secrets
from collections.abc import Callable
from contextvars import ContextVar
from typing import Any, TypeVar

from allauth.account.auth_backends import AuthenticationBackend
from django.contrib.auth.backends import ModelBackend
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import transaction

ROW_TIMEOUT = 5 * 60
ENTRY_TIMEOUT = 60 * 60

T = TypeVar("T")


def _version_key(user_id) -> str:
    return f"user-version:{user_id}"


class CachedUserMixin:
    """`get_user` (run on every request with a session) from the cache."""

    def get_user(self, user_id):
        version = user_version(user_id)
        # The rest of this request reads the user's entries under this version
        # too (unless something of theirs changes meanwhile: bump_user_version).
        _request_versions.set({user_id: version})
        key = f"user-entry:{user_id}:{version}:row"
        found = cache.get(key)
        if found is None:
            user = super().get_user(user_id)
            if user is not None:
                cache.set(key, user, ROW_TIMEOUT)
            return user
        return found if self.user_can_authenticate(found) else None


class CachedModelBackend(CachedUserMixin, ModelBackend):
    pass


class CachedAuthenticationBackend(CachedUserMixin, AuthenticationBackend):
    pass


# The version of the request's user as get_user read it, so the entries one
# request reads are of one version and cost no second round trip for it. Set
# per request (get_user), emptied when a request starts or ends and when the
# user's version moves on; never shared between requests.
_request_versions: ContextVar[dict | None] = ContextVar("user_versions", default=None)


def _forget_request_versions(**kwargs) -> None:
    _request_versions.set(None)


request_started.connect(_forget_request_versions, dispatch_uid="usercache-request-started")
request_finished.connect(_forget_request_versions, dispatch_uid="usercache-request-finished")


def user_version(user_id) -> int:
    known = _request_versions.get()
    if known is not None and user_id in known:
        return known[user_id]
    version = cache.get(_version_key(user_id))
    if version is None:
        cache.add(_version_key(user_id), secrets.randbits(62), timeout=None)
        version = cache.get(_version_key(user_id))
    return version


def bump_user_version(user_id) -> None:
    """Something the user's entries are made of changed: start a new version
    now, and again once the change is committed (a reader between the two saw
    the rows from before the commit)."""

    def bump():
        known = _request_versions.get()
        if known is not None and user_id in known:
            _request_versions.set({k: v for k, v in known.items() if k != user_id})
        cache.set(_version_key(user_id), secrets.randbits(62), timeout=None)

    bump()
    transaction.on_commit(bump)


def remember_for_user(user_id, key: str, build: Callable[[], T]) -> T:
    """The entry `key` of `user_id` at their current version, else `build()`.
    Read the version before building: what is built then belongs to it."""
    full_key = f"user-entry:{user_id}:{user_version(user_id)}:{key}"
    found: Any = cache.get(full_key)
    if found is not None:
        return found[0]
    value = build()
    cache.set(full_key, (value,), ENTRY_TIMEOUT)
    return value


def remember_many_for_user(user_id, builds: dict[str, Callable[[], Any]]) -> dict[str, Any]:
    """`remember_for_user` for several entries of one user in one round trip:
    the version is read once, the entries together, and the missing ones are
    built and kept together. Returns the values by key, in the order given."""
    version = user_version(user_id)
    full = {key: f"user-entry:{user_id}:{version}:{key}" for key in builds}
    found = cache.get_many(list(full.values()))
    values, missing = {}, {}
    for key, build in builds.items():
        if full[key] in found:
            values[key] = found[full[key]][0]
        else:
            values[key] = build()
            missing[full[key]] = (values[key],)
    if missing:
        cache.set_many(missing, ENTRY_TIMEOUT)
    return values
