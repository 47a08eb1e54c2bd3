"""The client's address, the same for every rate limit (allauth's and ours).

Behind a reverse proxy `REMOTE_ADDR` is the proxy's address: every visitor
would share one rate-limit bucket. With `TRUSTED_PROXY_COUNT` set, the address
comes from the `X-Forwarded-For` entry our own proxies appended; allauth reads
the same setting (`ALLAUTH_TRUSTED_PROXY_COUNT`), so both agree.
"""

from allauth.account.adapter import get_adapter


def client_ip(request) -> str:
    """The client's IP address as allauth determines it; used by django-ratelimit
    through `RATELIMIT_IP_META_KEY`."""
    return get_adapter(request).get_client_ip(request)
