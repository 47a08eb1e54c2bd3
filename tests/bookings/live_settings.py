"""Settings of the web nodes that tests/bookings/test_concurrency_http.py starts:
the test settings, sharing PostgreSQL (the test database, from DATABASE_URL)
and, when REDIS_URL is set, Redis for the cache and sessions, as production
nodes do."""

import os

from lms.settings.test import *  # noqa: F403
from lms.settings.test import REDIS_URL

if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "lms-live-test"),
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 2, "SOCKET_TIMEOUT": 2},
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
# Errors of the nodes show in the test's output.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
