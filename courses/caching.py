"""Whole-page cache for anonymous visitors of the catalogue and course pages.

Keyed by page, language and query string, plus a generation number that every
publish, unpublish, move or delete of any page bumps, so an edit shows at once
on every web node (the cache is Redis in production). Logged-in visitors, POSTs,
previews and responses with pending messages are never cached.
"""

import hashlib

from django.contrib import messages
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.translation import get_language

GENERATION_KEY = "pagecache:generation"
TIMEOUT = 60 * 60


def generation() -> int:
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, 1, timeout=None)
        value = cache.get(GENERATION_KEY, 1)
    return value


def invalidate(**kwargs) -> None:
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # not set yet: nothing cached under a generation
        cache.add(GENERATION_KEY, 1, timeout=None)


def _cacheable(request) -> bool:
    return (
        request.method == "GET"
        and not request.user.is_authenticated
        and not getattr(request, "is_preview", False)
        and len(messages.get_messages(request)) == 0
    )


def serve_cached_for_anonymous(page, request, serve, *args, **kwargs):
    if not _cacheable(request):
        return serve(request, *args, **kwargs)
    query = hashlib.sha256(request.GET.urlencode().encode()).hexdigest()[:16]
    key = f"pagecache:{generation()}:{page.pk}:{get_language()}:{query}"
    cached = cache.get(key)
    if cached is not None:
        content, content_type = cached
        response = HttpResponse(content, content_type=content_type)
        response["X-Page-Cache"] = "hit"
        return response

    response = serve(request, *args, **kwargs)
    if response.status_code != 200 or response.streaming:
        return response

    def store(rendered):
        cache.set(key, (rendered.content, rendered["Content-Type"]), TIMEOUT)
        return rendered

    if hasattr(response, "add_post_render_callback"):
        response.add_post_render_callback(store)
    else:
        store(response)
    response["X-Page-Cache"] = "miss"
    return response
