import os

import pytest
from celery._state import _set_task_join_will_block
from django.conf import settings
from django.utils import translation
from wagtail.models import Locale, Page, Site

from lms.models import HomePage


def skip_or_fail(reason: str):
    """Skip a test whose service is missing, visibly; in CI a missing service is
    a failure, so a green CI run always means every test ran."""
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"CI must run this test: {reason}")
    pytest.skip(reason)


@pytest.fixture
def require_postgres():
    """For tests of row locking and other PostgreSQL behaviour."""
    from django.db import connection

    if connection.vendor != "postgresql":
        skip_or_fail("needs PostgreSQL: set DATABASE_URL=postgres://...")


@pytest.fixture
def locales(db):
    nl, _ = Locale.objects.get_or_create(language_code="nl")
    en, _ = Locale.objects.get_or_create(language_code="en")
    return {"nl": nl, "en": en}


@pytest.fixture
def homes(locales):
    """A Dutch home page as the site root, with its English translation."""
    root = Page.get_first_root_node()
    home_nl = HomePage(title="Welkom bij het leerplatform", slug="home-nl", locale=locales["nl"])
    root.add_child(instance=home_nl)
    home_en = HomePage(
        title="Welcome to the learning platform",
        slug="home-en",
        locale=locales["en"],
        translation_key=home_nl.translation_key,
    )
    root.add_child(instance=home_en)
    Site.objects.all().delete()
    Site.objects.create(hostname="testserver", root_page=home_nl, is_default_site=True)
    return {"nl": home_nl, "en": home_en}


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in the site's default language. A request through
    LocaleMiddleware leaves its language active in the thread, so without this
    a test's reverse() would follow whatever page the previous test read last."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _celery_may_join_results():
    """Celery keeps "a task is running here, don't wait on results" in one
    process-wide flag that eager tasks set and restore. Eager tasks run from
    many threads at once (the booking races) can restore it in the wrong
    order and leave it set, which would make a later test's result.get()
    refuse. Each test starts with it cleared, as a fresh process would."""
    _set_task_join_will_block(False)
    yield


@pytest.fixture(autouse=True)
def _clear_cache():
    """Wagtail caches site root paths and allauth its rate limits in the cache;
    each test starts from an empty one, as a fresh site would."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def redis_url():
    """A reachable Redis for tests that start real Celery workers."""
    url = os.environ.get("REDIS_URL")
    if not url:
        skip_or_fail("needs Redis: set REDIS_URL to run a real Celery worker")
    import redis

    try:
        redis.Redis.from_url(url, socket_connect_timeout=2).ping()
    except redis.RedisError as exc:
        skip_or_fail(f"Redis at {url} is not reachable: {exc}")
    return url
