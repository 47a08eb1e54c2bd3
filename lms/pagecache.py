"""Whole-page cache for anonymous visitors, and the page-tree generation.

Pages opt in by calling `serve_cached_for_anonymous`, which marks a response as
shareable; `AnonymousPageCacheMiddleware` stores marked responses and answers
later anonymous requests for the same URL straight from the cache, before
routing, sessions or templates run. An entry carries the generation it was made
under; every publish, unpublish, move or delete of any page, and every save of
a site, site settings, help contact or view restriction (lms.signals), bumps the
generation (and again when its transaction commits), so an edit shows at once
on every web node (Redis in production).
Each web process keeps its own copy of the pages it stored or found, also under
their generation, so a hit asks Redis for the generation only.
The other shared caches (routes, sites, settings, outlines) use it the same way;
`remember` keeps such entries in the process as well, so a request asks Redis
for the generation once and finds the site, its route and whether any page is
private without another round trip.

A hit answers with the body and the headers the first answer had when it left
the middleware below this one (X-Frame-Options, Vary, Content-Language...), so
it is indistinguishable from a fresh answer; headers of the middleware above
(SecurityMiddleware, the security policies) are added to hits as to misses.

Only query strings a page reads are stored: a page names its query parameters
and the values it accepts, and an entry is keyed by those in a fixed order.
Anything else (`?utm_source=...`, `?junk=1`, an unknown filter value) is
answered as usual but never stored, so made-up URLs cannot fill the cache.

Never cached: logged-in visitors (any request with a session cookie), POSTs,
previews, responses carrying messages or cookies, and anything but a 200.
"""

import hashlib
import pickle
import secrets
from collections.abc import Callable, Collection, Mapping
from contextvars import ContextVar
from typing import Any, TypeVar
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse

GENERATION_KEY = "pagecache:generation"
TIMEOUT = 60 * 60
MARK = "_shareable_with_anonymous"


# The generation as read once at the start of the request being served (set
# by the page cache or SiteLookupMiddleware), so the several caches a page
# consults do not each ask Redis for it. Scoped to the request's context, never
# shared between them.
_request_generation: ContextVar[int | None] = ContextVar("page_generation", default=None)


def _first_generation() -> int:
    """A random start, not 1: after Redis is emptied the count starts again,
    and must not meet a number a process still holds entries under."""
    return secrets.randbits(62)


def generation() -> int:
    """The current page-tree generation (creating it if the cache is empty)."""
    value = _request_generation.get()
    if value is not None:
        return value
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, _first_generation(), timeout=None)
        value = cache.get(GENERATION_KEY)
    return value


T = TypeVar("T")
_MISSING: Any = object()
# This process's copies of entries and of cached pages: (generation, pickle or
# None for "there is none"). Pickles, so each reader unpickles its own object
# and nothing a request does to one reaches the next. When a newer generation
# shows, the older entries go; there are never more than _LOCAL_LIMIT of them,
# nor more than _LOCAL_BYTES of pickles (pages are the large ones), else the
# process starts afresh from the shared cache.
_local: dict[str, tuple[int, bytes | None]] = {}
_local_generation: int | None = None
_local_bytes = 0
_LOCAL_LIMIT = 1000
_LOCAL_BYTES = 32 * 1024 * 1024
# Their own key space in the shared cache, apart from entries of other shapes.
_SHARED_PREFIX = "shared:"


def _keep_locally(key: str, current: int, pickled: bytes | None) -> None:
    global _local_generation, _local_bytes
    size = len(pickled or b"")
    if (
        current != _local_generation
        or len(_local) >= _LOCAL_LIMIT
        or _local_bytes + size > _LOCAL_BYTES
    ):
        _local.clear()
        _local_generation = current
        _local_bytes = 0
    replaced = _local.get(key)
    if replaced is not None:
        _local_bytes -= len(replaced[1] or b"")
    _local[key] = (current, pickled)
    _local_bytes += size


def recall(key: str, default: Any = _MISSING) -> Any:
    """The value kept under `key` in the current generation, from this process
    or else from the shared cache; `default` when there is none. That there is
    none is remembered in the process too (until the generation changes)."""
    current = generation()
    found = _local.get(key)
    if found is not None and found[0] == current:
        pickled = found[1]
    else:
        entry = cache.get(_SHARED_PREFIX + key)
        pickled = entry[1] if entry is not None and entry[0] == current else None
        _keep_locally(key, current, pickled)
    if pickled is None:
        return default
    return pickle.loads(pickled)  # noqa: S301 - only ever written by keep(), below


def keep(key: str, value: Any) -> None:
    """Keep `value` under `key` for the current generation. Only for what is the
    same for every reader: it is shared by all visitors and all web nodes."""
    current = generation()
    pickled = pickle.dumps(value, pickle.HIGHEST_PROTOCOL)
    cache.set(_SHARED_PREFIX + key, (current, pickled), TIMEOUT)
    _keep_locally(key, current, pickled)


def remember(key: str, build: Callable[[], T]) -> T:
    """`recall(key)`, or else `build()`, kept under `key` (see `keep`)."""
    value = recall(key)
    if value is _MISSING:
        value = build()
        keep(key, value)
    return value


# Headers that belong to one answer rather than to the page: the server dates
# each answer, and the marker says whether this one came from the cache.
# Cookies are never stored (a response setting one is not cached at all).
_PER_ANSWER_HEADERS = frozenset({"date", "set-cookie", "x-page-cache"})


def _key(request) -> str:
    """The entry of a URL: its host, path and query parameters sorted by name,
    so the filter form's `?audience=&format=x&theme=` in any order is one entry.
    Hashed, as a query string may be of any length. (A host outside
    ALLOWED_HOSTS is refused before anything is stored.)"""
    query = urlencode(sorted(request.GET.lists()), doseq=True)
    url = f"{request._get_raw_host()}{request.path}?{query}"
    digest = hashlib.blake2b(url.encode(), digest_size=16).hexdigest()
    return f"page:{digest}"  # (generation, pickled (body, headers))


def _reads_only(request, accepted_query: Mapping[str, Collection[str]]) -> bool:
    """Whether every query parameter is one the page reads, given once, with a
    value it accepts (or empty, as the filter form sends an unused filter)."""
    for name, values in request.GET.lists():
        if name not in accepted_query or len(values) != 1:
            return False
        if values[0] and values[0] not in accepted_query[name]:
            return False
    return True


def invalidate(*args, **kwargs) -> None:
    """Signal receiver: any change to the page tree or its snippets.

    Wagtail sends its signals inside the transaction that makes the change (a
    bulk publish, a move, a delete). Another node that reads between the new
    generation and the commit still finds the old rows and stores them under
    the new generation; so the generation moves on once more at the commit."""
    _new_generation()
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(_new_generation)


def _new_generation() -> None:
    _request_generation.set(None)  # the request that made the change sees it
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # never set: nothing can be cached under it yet
        cache.add(GENERATION_KEY, _first_generation(), timeout=None)


def _maybe_anonymous(request) -> bool:
    return (
        request.method == "GET"
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
    )


def serve_cached_for_anonymous(
    page,
    request,
    serve,
    *args,
    accepted_query: Mapping[str, Collection[str]] | None = None,
    **kwargs,
):
    """Serve `page`, marking the response shareable when the visitor is anonymous
    and the query string holds only parameters of `accepted_query` (name: the
    values the page accepts); any other query string is answered, not stored."""
    response = serve(request, *args, **kwargs)
    if (
        _maybe_anonymous(request)
        and _reads_only(request, accepted_query or {})
        and not request.user.is_authenticated
        and not getattr(request, "is_preview", False)
        and len(messages.get_messages(request)) == 0
        and response.status_code == 200
        and not response.streaming
    ):
        setattr(response, MARK, True)
    return response


def _stored_page(key: str) -> tuple[int, bytes | None]:
    """The current generation and the page stored under `key` in it (None if
    there is none), in one round trip to the shared cache; it carries the page
    only when this process has no copy of its own."""
    local = _local.get(key)
    if local is not None:
        current = cache.get(GENERATION_KEY) or generation()
        if local[0] == current:
            return current, local[1]
        entry = cache.get(key)  # another node may have stored it since
    else:
        found = cache.get_many([key, GENERATION_KEY])
        current = found.get(GENERATION_KEY) or generation()
        entry = found.get(key)
    if entry is None or entry[0] != current:
        return current, None
    _keep_locally(key, current, entry[1])
    return current, entry[1]


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _maybe_anonymous(request):
            return self.get_response(request)
        key = _key(request)
        # The generation at the start: a change published while this response
        # is made leaves the stored copy already out of date, as it should.
        current, stored = _stored_page(key)
        if stored is not None:
            content, headers = pickle.loads(stored)  # noqa: S301 - stored below
            response = HttpResponse(content, headers=headers)
            response["X-Page-Cache"] = "hit"
            return response

        token = _request_generation.set(current)
        try:
            response = self.get_response(request)
        finally:
            _request_generation.reset(token)
        if getattr(response, MARK, False) and not response.cookies:
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
            headers = {
                name: value
                for name, value in response.headers.items()
                if name.lower() not in _PER_ANSWER_HEADERS
            }
            stored = pickle.dumps((response.content, headers), pickle.HIGHEST_PROTOCOL)
            cache.set(key, (current, stored), TIMEOUT)
            _keep_locally(key, current, stored)
            response["X-Page-Cache"] = "miss"
        return response


def _route_key(request) -> str:
    """Where the page a URL leads to is kept: per host and path (the language
    prefix included), hashed, as a path may be of any length."""
    url = f"{request._get_raw_host()}:{request.get_port()}{request.path}"
    return "route-for:" + hashlib.blake2b(url.encode(), digest_size=16).hexdigest()


def cached_route(page, request, path_components, route):
    """Route `path_components` below `page` with `route` (Wagtail's routing)
    and keep the page found for its URL, so that SiteLookupMiddleware can hand
    it to Wagtail next time without a query. The page is kept as routing loaded
    it, before it is served; only plain results (no view arguments) are kept."""
    result = route(request, path_components)
    target, args, kwargs = result
    if not args and not kwargs:
        keep(_route_key(request), target)
    return result


class SiteLookupMiddleware:
    """Resolve the Wagtail site of a request, the page its URL leads to and the
    sites' root paths (for page URLs) from the cache: they are the same for
    every request to a URL until a site or page changes, which starts a new
    generation. Wagtail reads them from `request._wagtail_site`,
    `request._wagtail_route_for_request` and
    `request._wagtail_cached_site_root_paths`. The generation, read here once,
    is kept for the rest of the request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from wagtail.models import Site
        from wagtail.url_routing import RouteResult

        # Read once (unless the page cache above has just read it).
        token = _request_generation.set(generation())
        try:
            request._wagtail_site = remember(
                f"site-for:{request._get_raw_host()}:{request.get_port()}",
                lambda: Site._find_for_request(request),
            )
            request._wagtail_cached_site_root_paths = remember(
                "site-root-paths", Site.get_site_root_paths
            )
            page = recall(_route_key(request), None)
            if page is not None:
                request._wagtail_route_for_request = RouteResult(page)
            return self.get_response(request)
        finally:
            _request_generation.reset(token)


def any_view_restrictions() -> bool:
    """Whether any page is private (log-in, password or group restriction).
    Saving or deleting a restriction starts a new generation (lms.signals)."""
    from wagtail.models import PageViewRestriction

    return remember("view-restrictions", PageViewRestriction.objects.exists)
