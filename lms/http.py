"""HTTP helpers every app shares: the client's address for rate limits, the
site's absolute URLs for mails, and the header that keeps a personal answer
out of every cache.

The client's address is the same for every rate limit (allauth's and ours).

Behind a reverse proxy `REMOTE_ADDR` is the proxy's address: every visitor
would share one rate-limit bucket. With `TRUSTED_PROXY_COUNT` set, the address
comes from the `X-Forwarded-For` entry our own proxies appended; allauth reads
the same setting (`ALLAUTH_TRUSTED_PROXY_COUNT`), so both agree.
"""

from allauth.account.adapter import get_adapter
from django.conf import settings


def client_ip(request) -> str:
    """The client's IP address as allauth determines it; used by django-ratelimit
    through `RATELIMIT_IP_META_KEY`."""
    return get_adapter(request).get_client_ip(request)


def public_url(path: str) -> str:
    """An absolute URL on this site, for mails and calendar files (BASE_URL)."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def private(response):
    """Mark an answer as meant for one person only: no shared or browser cache
    keeps it (forms with personal data, token links)."""
    response["Cache-Control"] = "private, no-store"
    return response
