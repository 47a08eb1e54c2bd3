"""Whole-page cache for anonymous visitors, and the page-tree generation.

Pages opt in by calling `serve_cached_for_anonymous`, which marks a response as
shareable; `AnonymousPageCacheMiddleware` stores marked responses and answers
later anonymous requests for the same URL straight from the cache, before
routing, sessions or templates run. An entry carries the generation it was made
under; every publish, unpublish, move or delete of any page, and every save of
a site, site settings, help contact or view restriction (lms.signals), bumps the
generation, so an edit shows at once on every web node (Redis in production).
The other shared caches (routes, sites, settings, outlines) use it the same way.

Never cached: logged-in visitors (any request with a session cookie), POSTs,
previews, responses carrying messages or cookies, and anything but a 200.
"""

from contextvars import ContextVar

from django.conf import settings
from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.http import HttpResponse

GENERATION_KEY = "pagecache:generation"
TIMEOUT = 60 * 60
MARK = "_shareable_with_anonymous"


# The generation as read once at the start of the request being served (set
# by SiteLookupMiddleware), so the several caches a page consults do not each
# ask Redis for it. Scoped to the request's context, never shared between them.
_request_generation: ContextVar[int | None] = ContextVar("page_generation", default=None)


def generation() -> int:
    """The current page-tree generation (creating it if the cache is empty)."""
    value = _request_generation.get()
    if value is not None:
        return value
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, 1, timeout=None)
        value = cache.get(GENERATION_KEY)
    return value


def _key(request) -> str:
    return f"pagecache:{request.get_full_path()}"


def invalidate(*args, **kwargs) -> None:
    """Signal receiver: any change to the page tree or its snippets."""
    _request_generation.set(None)  # the request that made the change sees it
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # never set: nothing can be cached under it yet
        cache.add(GENERATION_KEY, 1, timeout=None)


def _maybe_anonymous(request) -> bool:
    return (
        request.method == "GET"
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
    )


def serve_cached_for_anonymous(page, request, serve, *args, **kwargs):
    """Serve `page`, marking the response shareable when the visitor is anonymous."""
    response = serve(request, *args, **kwargs)
    if (
        _maybe_anonymous(request)
        and not request.user.is_authenticated
        and not getattr(request, "is_preview", False)
        and len(messages.get_messages(request)) == 0
        and response.status_code == 200
        and not response.streaming
    ):
        setattr(response, MARK, True)
    return response


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _maybe_anonymous(request):
            return self.get_response(request)
        key = _key(request)
        found = cache.get_many([key, GENERATION_KEY])
        # The generation at the start: a change published while this response
        # is made leaves the stored copy already out of date, as it should.
        current = found.get(GENERATION_KEY) or generation()
        entry = found.get(key)
        if entry is not None and entry[0] == current:
            _generation, content, content_type, language = entry
            response = HttpResponse(content, content_type=content_type)
            response["Content-Language"] = language
            response["X-Page-Cache"] = "hit"
            return response

        response = self.get_response(request)
        if getattr(response, MARK, False) and not response.cookies:
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
            cache.set(
                key,
                (
                    current,
                    response.content,
                    response["Content-Type"],
                    response.get("Content-Language", ""),
                ),
                TIMEOUT,
            )
            response["X-Page-Cache"] = "miss"
        return response


def cached_route(page, request, path_components, route):
    """Resolve `path_components` below `page` through a cache of URL -> page,
    so routing costs one query instead of one per URL segment. `route` is the
    uncached routing; only plain results (no extra view arguments) are stored."""
    key = f"pageroute:{page.pk}:{'/'.join(path_components)}"
    current = generation()
    entry = cache.get(key)
    if entry is not None and entry[0] == current:
        _generation, page_id, content_type_id = entry
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        target = model.objects.filter(pk=page_id).first() if model else None
        if target is not None:
            return target.route(request, [])
    result = route(request, path_components)
    target, args, kwargs = result
    if not args and not kwargs:
        cache.set(key, (current, target.pk, target.content_type_id), TIMEOUT)
    return result


class SiteLookupMiddleware:
    """Resolve the Wagtail site of a request from the cache: the same for every
    request to a host until a site or page changes (which starts a new
    generation). Wagtail reads it from `request._wagtail_site`. The generation
    read on the way is kept for the rest of the request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from wagtail.models import Site

        key = f"site-for:{request._get_raw_host()}:{request.get_port()}"
        found = cache.get_many([key, GENERATION_KEY])  # one round trip
        entry, current = found.get(key), found.get(GENERATION_KEY)
        current = current or generation()
        if entry is not None and entry[0] == current:
            site = entry[1]
        else:
            site = Site._find_for_request(request)
            if site is not None:
                cache.set(key, (current, site), TIMEOUT)
        request._wagtail_site = site
        token = _request_generation.set(current)
        try:
            return self.get_response(request)
        finally:
            _request_generation.reset(token)


def any_view_restrictions() -> bool:
    """Whether any page is private (log-in, password or group restriction).
    Saving or deleting a restriction starts a new generation (lms.signals)."""
    from wagtail.models import PageViewRestriction

    current = generation()
    entry = cache.get("view-restrictions")
    if entry is not None and entry[0] == current:
        return entry[1]
    exists = PageViewRestriction.objects.exists()
    cache.set("view-restrictions", (current, exists), TIMEOUT)
    return exists
