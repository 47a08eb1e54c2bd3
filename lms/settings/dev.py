"""Local development (`make start`): debug on, a fixed insecure key, console e-mail."""

import os

os.environ.setdefault("DEBUG", "true")

from .base import *  # noqa: E402,F403
from .base import env_bool  # noqa: E402

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = os.environ.get("SECRET_KEY") or "dev-only-insecure-key-never-use-in-production"
ALLOWED_HOSTS = ["*"]
# runserver serves static files from the apps; nothing is collected in development.
STATIC_ROOT = None
