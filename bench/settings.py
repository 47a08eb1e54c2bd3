"""Production settings for benchmarks: plain HTTP on 127.0.0.1."""

import os
import secrets

os.environ.setdefault("SECRET_KEY", secrets.token_urlsafe(60))

from lms.settings.production import *  # noqa: E402,F403

ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
STATIC_ROOT = os.environ.get("BENCH_STATIC_ROOT", STATIC_ROOT)  # noqa: F405
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "WARNING"}}
