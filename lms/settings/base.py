"""Settings shared by every environment.

Safe by default: everything that differs per machine comes from the environment
(see `.env.example`). `dev`, `test` and `production` only adjust what they must.
"""

import os
from pathlib import Path

import dj_database_url
import dj_email_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
PROJECT_DIR = BASE_DIR / "lms"


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Our apps first so their templates and translations win.
    "lms",
    "courses",
    "workshops",
    "bookings",
    "certificates",
    "reports",
    "privacy",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.simple_translation",
    "wagtail.contrib.redirects",
    "wagtail.locales",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "wagtail_modeladmin",
    "modelcluster",
    "taggit",
    "django_filters",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "django_ratelimit",
    "csp",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Security headers are added outside the page cache, so cached answers
    # carry them too.
    "lms.middleware.ContentSecurityPolicyMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "lms.middleware.CrossOriginResourcePolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Answers anonymous catalogue and course pages from the cache before the
    # rest of the stack runs; see lms/pagecache.py.
    "lms.pagecache.AnonymousPageCacheMiddleware",
    "lms.pagecache.SiteLookupMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # A 400 (not allauth's 200) for an account form sent with mistakes.
    "lms.middleware.InvalidAccountFormMiddleware",
    "lms.middleware.RequireTwoFactorForAdminMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Turns a rate-limited request into RATELIMIT_VIEW's 429 (not a 403).
    "django_ratelimit.middleware.RatelimitMiddleware",
]

ROOT_URLCONF = "lms.urls"
WSGI_APPLICATION = "lms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# --- Database: SQLite file by default, PostgreSQL via DATABASE_URL -------------
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Redis: broker, result backend and cache when REDIS_URL is set ------------
REDIS_URL = os.environ.get("REDIS_URL", "")

if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "lms"),
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 2, "SOCKET_TIMEOUT": 2},
        }
    }
    # Sessions read from Redis, written through to the database.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Without Redis the site is one process (the embedded default), where a
# local-memory cache is shared by everything that counts rate limits.
SILENCED_SYSTEM_CHECKS = [] if REDIS_URL else ["django_ratelimit.E003", "django_ratelimit.W001"]

# --- Celery ------------------------------------------------------------------
# Without Redis the tasks run eagerly in-process: the same code path, no worker.
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_RESULT_BACKEND = REDIS_URL or "cache+memory://"
CELERY_TASK_DEFAULT_QUEUE = os.environ.get("CELERY_QUEUE", "lms")
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# The longest task (a certificate PDF plus its e-mail) takes seconds; these
# limits stop a stuck task long before the visibility timeout re-delivers it.
CELERY_TASK_SOFT_TIME_LIMIT = 120
CELERY_TASK_TIME_LIMIT = 180
# A message not acknowledged within this time goes back to the queue: longer than
# the hard time limit, so a running task is never delivered twice, and far shorter
# than Redis's default hour, so a killed worker's task returns within minutes.
CELERY_VISIBILITY_TIMEOUT = int(os.environ.get("CELERY_VISIBILITY_TIMEOUT", "300"))
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": CELERY_VISIBILITY_TIMEOUT,
    # Sweep for messages whose worker died every N seconds (kombu's default
    # scans only every 100 s), so they return soon after the timeout.
    "unacked_restore_interval": int(os.environ.get("CELERY_RESTORE_INTERVAL", "10")),
    "unacked_restore_throttle": 1,
}
CELERY_RESULT_BACKEND_TRANSPORT_OPTIONS = {"visibility_timeout": CELERY_VISIBILITY_TIMEOUT}
CELERY_RESULT_EXPIRES = 60 * 60 * 24
# Nothing reads a task's result, and a mail task's failure (its traceback)
# may name an address: no results are kept in Redis unless a caller asks for
# one (`apply_async(ignore_result=False)`).
CELERY_TASK_IGNORE_RESULT = True
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TIMEZONE = "Europe/Amsterdam"
CELERY_BEAT_SCHEDULE: dict = {
    "requeue-stuck-certificates": {
        "task": "certificates.tasks.requeue_stuck_certificates",
        "schedule": 5 * 60,
    },
    "remind-expiring-certificates": {
        "task": "certificates.tasks.remind_expiring_certificates",
        "schedule": 24 * 60 * 60,
    },
    # Bookings (bookings/beat.py): each is safe to run twice.
    "remind-training-day-participants": {
        "task": "bookings.beat.remind_participants",
        "schedule": 60 * 60,
    },
    "release-unclaimed-group-places": {
        "task": "bookings.beat.release_unclaimed_places",
        "schedule": 15 * 60,
    },
    "warn-coordinators-below-minimum": {
        "task": "bookings.beat.warn_coordinators_below_minimum",
        "schedule": 60 * 60,
    },
    # School lessons (bookings/school_beat.py): each is safe to run twice.
    "remind-school-lessons": {
        "task": "bookings.school_beat.remind_school_lessons",
        "schedule": 60 * 60,
    },
    "deliver-finished-school-lessons": {
        "task": "bookings.school_beat.deliver_finished_school_lessons",
        "schedule": 60 * 60,
    },
}

# --- Retention (privacy/retention.py): days before personal data goes --------
# The privacy page shows these numbers; README "Privacy" says what each removes.
RETENTION = {
    # School and in-company requests never confirmed by their link: deleted.
    "unconfirmed_requests": 14,
    # A school request's contact person and their texts, after the school year ended.
    "school_contact_details": 365,
    # An in-company request's contact person and questions, after the training day.
    "in_company_requests": 365,
    # Colleagues' addresses on places booked for them and never claimed, after the day.
    "unclaimed_places": 30,
    # Comments in a school's evaluation (the ratings stay).
    "evaluation_comments": 365,
    # Accounts whose address was never confirmed (they never could log in).
    "unverified_accounts": 30,
    # A session expires this long after it was last saved; expired ones are deleted.
    "sessions": 14,
}
SESSION_COOKIE_AGE = RETENTION["sessions"] * 24 * 60 * 60
# Daily, each safe to run twice.
CELERY_BEAT_SCHEDULE.update(
    {
        f"retention-{rule}": {
            "task": "privacy.tasks.apply_retention",
            "schedule": 24 * 60 * 60,
            "args": (rule,),
        }
        for rule in RETENTION
    }
)

# --- E-mail ------------------------------------------------------------------
EMAIL_URL = os.environ.get("EMAIL_URL") or "console://"
_email = dj_email_url.parse(EMAIL_URL)
EMAIL_BACKEND = _email["EMAIL_BACKEND"]
EMAIL_HOST = _email["EMAIL_HOST"]
EMAIL_PORT = _email["EMAIL_PORT"]
EMAIL_HOST_USER = _email["EMAIL_HOST_USER"]
EMAIL_HOST_PASSWORD = _email["EMAIL_HOST_PASSWORD"]
EMAIL_USE_TLS = _email["EMAIL_USE_TLS"]
EMAIL_USE_SSL = _email["EMAIL_USE_SSL"]
if EMAIL_URL.startswith("file://"):
    # file:///var/mail/lms writes one file per message into that folder.
    EMAIL_FILE_PATH = EMAIL_URL.removeprefix("file://")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Expertisecentrum <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Accounts ----------------------------------------------------------------
AUTH_USER_MODEL = "lms.User"
# Django's and allauth's, reading the logged-in user's row from the cache
# (lms/usercache.py).
AUTHENTICATION_BACKENDS = [
    "lms.usercache.CachedModelBackend",
    "lms.usercache.CachedAuthenticationBackend",
]
# Django's rules with our own wording (lms/passwords.py).
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "lms.passwords.UserAttributeSimilarityValidator"},
    {"NAME": "lms.passwords.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "lms.passwords.CommonPasswordValidator"},
    {"NAME": "lms.passwords.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "lms:dashboard"
ACCOUNT_ADAPTER = "lms.accounts.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
# First and last name, asked first: they go on certificates.
ACCOUNT_SIGNUP_FORM_CLASS = "lms.forms.SignupForm"
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGOUT_REDIRECT_URL = "/"
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = ""
# Adding, removing or choosing a primary e-mail address asks for the password
# again (allauth's reauthentication; a change of password asks the old one).
# After a password change every other session ends (Django checks the session
# against the password hash); the browser that changed it stays logged in.
ACCOUNT_REAUTHENTICATION_REQUIRED = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
# Throttled per client address and per account; counted in the shared cache so
# the limits hold across web nodes (Redis in production).
ACCOUNT_RATE_LIMITS = {
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "reset_password": "20/m/ip,5/m/key",
    "confirm_email": "1/3m/key",
    # Password forms for logged-in users: five wrong tries, then a pause.
    "reauthenticate": "5/5m/user",
    "change_password": "5/5m/user",
}
# Public look-ups (certificate verification) are limited per client address,
# counted in the shared cache; over the limit the client gets a 429.
RATELIMIT_VIEW = "lms.views.rate_limited"
# Behind reverse proxies REMOTE_ADDR is the proxy: with TRUSTED_PROXY_COUNT set to
# the number of proxies that append to X-Forwarded-For, allauth's limits and
# django-ratelimit's both count the real client (lms/http.py).
ALLAUTH_TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
RATELIMIT_IP_META_KEY = "lms.http.client_ip"
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Expertisecentrum LMS"

# --- Internationalisation ----------------------------------------------------
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands"), ("en", "English")]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

# --- Static and media --------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# Private files (certificate PDFs) are never web-served: people get them only
# through views that check who asks. By default they live in a folder outside
# MEDIA_ROOT; PRIVATE_STORAGE=s3 keeps them in an S3-compatible bucket instead,
# shared by every web node and worker (objects with a private ACL).
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", BASE_DIR / "private-media"))
PRIVATE_STORAGE = os.environ.get("PRIVATE_STORAGE", "filesystem")
PRIVATE_STORAGE_BACKENDS = {
    "filesystem": {"BACKEND": "certificates.storage.PrivateFileSystemStorage"},
    "s3": {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ.get("AWS_STORAGE_BUCKET_NAME", ""),
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "addressing_style": os.environ.get("AWS_S3_ADDRESSING_STYLE") or None,
            # Unset: boto3 looks further (instance role, ~/.aws/credentials).
            "access_key": os.environ.get("AWS_ACCESS_KEY_ID") or None,
            "secret_key": os.environ.get("AWS_SECRET_ACCESS_KEY") or None,
            "default_acl": "private",
            "querystring_auth": True,
            "file_overwrite": True,
        },
    },
}
if PRIVATE_STORAGE not in PRIVATE_STORAGE_BACKENDS:
    raise ValueError(f"PRIVATE_STORAGE must be 'filesystem' or 's3', not {PRIVATE_STORAGE!r}.")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    "private": PRIVATE_STORAGE_BACKENDS[PRIVATE_STORAGE],
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# --- Wagtail -----------------------------------------------------------------
WAGTAIL_SITE_NAME = _("Expertise centre learning platform")
WAGTAILADMIN_BASE_URL = os.environ.get("BASE_URL", "http://127.0.0.1:8000")
WAGTAILADMIN_LOGIN_URL = "account_login"
WAGTAIL_FRONTEND_LOGIN_URL = "account_login"
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "odt", "pptx", "xlsx", "txt"]
# Responsive embeds would carry an inline style, which the CSP refuses; the
# video block's CSS gives the frame its aspect ratio instead.
WAGTAILEMBEDS_RESPONSIVE_HTML = False
# Staff avatars from gravatar.com would send staff e-mail hashes to an outside
# service on every admin page.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False
WAGTAIL_PASSWORD_RESET_ENABLED = False

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "SAMEORIGIN"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"

# --- Content-Security-Policy, Permissions-Policy -----------------------------
# Public pages run no inline script or style: everything comes from our own
# origin, video players from the providers the video block allows.
VIDEO_FRAME_SOURCES = [
    "https://www.youtube-nocookie.com",
    "https://www.youtube.com",
    "https://player.vimeo.com",
]
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'none'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "manifest-src": ["'self'"],
        "frame-src": VIDEO_FRAME_SOURCES,
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "frame-ancestors": ["'self'"],
        "form-action": ["'self'"],
    }
}
# Wagtail's admin has inline scripts and styles in its panels and widgets, shows
# previews in a frame of its own and image uploads as blob: URLs; it gets this
# policy (lms.middleware.ContentSecurityPolicyMiddleware), otherwise as strict.
ADMIN_CONTENT_SECURITY_POLICY = {
    **CONTENT_SECURITY_POLICY["DIRECTIVES"],
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "frame-src": ["'self'", *VIDEO_FRAME_SOURCES],
    "base-uri": ["'self'"],
}
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
        "interest-cohort",
    )
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # Wagtail logs every page action and background task at INFO.
        "wagtail": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
    },
}
