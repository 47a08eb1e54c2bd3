"""The anonymous page cache (lms.pagecache): what a hit carries and what gets stored."""

import pytest
from csp.constants import NONCE
from csp.decorators import csp_exempt, csp_replace, csp_update
from django.conf import settings
from django.core.cache import cache, caches
from django.db import connection
from django.http import HttpResponse
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from courses.choices import Format
from courses.services import enroll
from lms import pagecache
from lms.middleware import ContentSecurityPolicyMiddleware
from lms.models import StandardPage
from tests.factories import (
    CourseIndexPageFactory,
    CoursePageFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

# Headers that differ between any two answers, cached or not.
PER_RESPONSE = {"Date", "X-Page-Cache"}


def stored_entries() -> int:
    """How many entries the (local-memory) test cache holds."""
    return len(caches["default"]._cache)


@pytest.fixture
def catalogue(homes):
    catalogue = CourseIndexPageFactory(parent=homes["nl"], title="Aanbod", slug="aanbod")
    CoursePageFactory(parent=catalogue, title="E-learning mensenhandel", format=Format.ELEARNING)
    CoursePageFactory(parent=catalogue, title="Preventieles", format=Format.SCHOOL_LESSON)
    return catalogue


@pytest.fixture
def warm(client, homes):
    """A running site has long since made its settings row and warmed its caches."""
    client.get(homes["nl"].url)
    return client


def headers(response) -> dict:
    return {k: v for k, v in response.headers.items() if k not in PER_RESPONSE}


@pytest.mark.parametrize("page", ["catalogue", "course"])
def test_a_cached_page_carries_the_same_headers_as_a_fresh_one(warm, catalogue, page):
    url = catalogue.url if page == "catalogue" else catalogue.get_children().first().url
    miss = warm.get(url)
    hit = warm.get(url)
    assert (miss["X-Page-Cache"], hit["X-Page-Cache"]) == ("miss", "hit")
    assert headers(hit) == headers(miss)
    assert hit["Content-Security-Policy"] == miss["Content-Security-Policy"]
    assert "default-src 'none'" in hit["Content-Security-Policy"]
    assert hit["X-Frame-Options"] == "SAMEORIGIN"
    assert "Cookie" in hit["Vary"]
    assert hit.content == miss.content


def test_the_home_page_is_served_from_the_cache(warm, homes):
    first, second = warm.get(homes["nl"].url), warm.get(homes["nl"].url)
    assert first["X-Page-Cache"] in {"miss", "hit"}
    assert second["X-Page-Cache"] == "hit"
    assert "Welkom bij het leerplatform" in second.text


def test_query_strings_the_page_ignores_are_answered_but_not_stored(warm, catalogue):
    warm.get(catalogue.url)
    before = stored_entries()
    for n in range(50):
        response = warm.get(catalogue.url, {"junk": n})
        assert response.status_code == 200
        assert "Preventieles" in response.text
        assert "X-Page-Cache" not in response
    assert stored_entries() == before


def test_filter_values_the_catalogue_does_not_know_are_not_stored(warm, catalogue):
    warm.get(catalogue.url)
    before = stored_entries()
    for n in range(20):
        assert warm.get(catalogue.url, {"format": f"x{n}"}).status_code == 200
        assert warm.get(catalogue.url, {"format": ["elearning", f"x{n}"]}).status_code == 200
    assert stored_entries() == before


def test_a_course_page_with_any_query_string_is_not_stored(warm, catalogue):
    course = catalogue.get_children().first()
    warm.get(course.url)
    before = stored_entries()
    for n in range(20):
        assert "X-Page-Cache" not in warm.get(course.url, {"utm_source": f"mail{n}"})
    assert stored_entries() == before


def test_catalogue_filters_are_cached_and_still_filter(warm, catalogue):
    first = warm.get(catalogue.url, {"format": "school_lesson"})
    assert first["X-Page-Cache"] == "miss"
    assert "Preventieles" in first.text and "E-learning mensenhandel" not in first.text
    # The filter form sends every field, the unused ones empty, in its own order.
    again = warm.get(catalogue.url, {"format": "school_lesson"})
    assert again["X-Page-Cache"] == "hit" and again.content == first.content
    other = warm.get(catalogue.url, {"audience": "", "format": "elearning", "theme": ""})
    assert other["X-Page-Cache"] == "miss"
    assert "E-learning mensenhandel" in other.text and "Preventieles" not in other.text
    reordered = warm.get(f"{catalogue.url}?theme=&format=elearning&audience=")
    assert reordered["X-Page-Cache"] == "hit" and reordered.content == other.content
    everything = warm.get(catalogue.url)
    assert "Preventieles" in everything.text and "E-learning mensenhandel" in everything.text


def test_a_hit_is_never_served_to_a_logged_in_visitor(warm, catalogue):
    warm.get(catalogue.url)
    assert warm.get(catalogue.url)["X-Page-Cache"] == "hit"
    warm.force_login(UserFactory())
    response = warm.get(catalogue.url)
    assert "X-Page-Cache" not in response
    assert "Uitloggen" in response.text


# --- This process's copies of the pages -------------------------------------


def test_a_page_this_process_keeps_is_not_served_once_another_node_publishes(warm, catalogue):
    warm.get(catalogue.url)
    assert warm.get(catalogue.url)["X-Page-Cache"] == "hit"
    cache.incr(pagecache.GENERATION_KEY)  # all a publish on another node does here
    assert warm.get(catalogue.url)["X-Page-Cache"] == "miss"


def test_a_page_another_process_stored_is_served_from_the_shared_cache(warm, catalogue):
    stored = warm.get(catalogue.url)
    pagecache._local.clear()  # as in a process that has not served it yet
    hit = warm.get(catalogue.url)
    assert hit["X-Page-Cache"] == "hit"
    assert hit.content == stored.content and headers(hit) == headers(stored)


def test_a_page_this_process_keeps_does_not_outlive_an_emptied_shared_cache(warm, catalogue):
    warm.get(catalogue.url)
    assert warm.get(catalogue.url)["X-Page-Cache"] == "hit"
    cache.clear()  # Redis restarted or flushed
    assert warm.get(catalogue.url)["X-Page-Cache"] == "miss"


def test_the_pages_a_process_keeps_stay_within_their_budget(warm, catalogue, monkeypatch):
    budget = 3 * len(warm.get(catalogue.url).content)
    monkeypatch.setattr(pagecache, "_LOCAL_BYTES", budget)
    filters = [{"format": value} for value in Format.values] + [{"theme": "resilience"}]
    for query in filters:
        assert warm.get(catalogue.url, query)["X-Page-Cache"] == "miss"
        assert sum(len(pickled or b"") for _, pickled in pagecache._local.values()) <= budget
    for query in filters:  # what the process let go, the shared cache still has
        assert warm.get(catalogue.url, query)["X-Page-Cache"] == "hit"


# --- The security policy of fresh and cached answers ------------------------


def policy(response) -> str:
    return response["Content-Security-Policy"]


def directive(response, name: str) -> str:
    """The sources of one directive, whatever order the policy lists them in."""
    for part in policy(response).split(";"):
        key, _, sources = part.strip().partition(" ")
        if key == name:
            return sources
    raise AssertionError(f"{name} missing from {policy(response)!r}")


def test_admin_answers_keep_the_admin_policy_between_public_pages(warm, homes):
    public = policy(warm.get(homes["nl"].url))
    admin = policy(warm.get("/admin/"))  # the log-in redirect, under /admin/
    assert "script-src 'self' 'unsafe-inline'" in admin
    assert "'unsafe-inline'" not in public
    assert policy(warm.get(homes["nl"].url)) == public
    assert policy(warm.get("/admin/pages/")) == admin


def test_a_changed_policy_applies_at_once_to_cached_pages(warm, catalogue):
    warm.get(catalogue.url)
    directives = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]
    changed = {"DIRECTIVES": {**directives, "img-src": ["'self'", "https://img.example"]}}
    with override_settings(CONTENT_SECURITY_POLICY=changed):
        hit = warm.get(catalogue.url)
    assert hit["X-Page-Cache"] == "hit"
    assert "img-src 'self' https://img.example" in policy(hit)
    assert "img.example" not in policy(warm.get(catalogue.url))


@pytest.mark.parametrize("decorator", [csp_update, csp_replace])
def test_a_view_with_a_policy_of_its_own_keeps_it(rf, decorator):
    own = ContentSecurityPolicyMiddleware(
        decorator({"img-src": "https://img.example"})(lambda request: HttpResponse())
    )
    plain = ContentSecurityPolicyMiddleware(lambda request: HttpResponse())
    assert "img.example" not in policy(plain(rf.get("/nl/")))
    assert "https://img.example" in policy(own(rf.get("/nl/")))
    assert "img.example" not in policy(plain(rf.get("/nl/")))


def test_an_exempt_view_gets_no_policy(rf):
    plain = ContentSecurityPolicyMiddleware(lambda request: HttpResponse())
    exempt = ContentSecurityPolicyMiddleware(csp_exempt()(lambda request: HttpResponse()))
    assert "Content-Security-Policy" in plain(rf.get("/nl/"))
    assert "Content-Security-Policy" not in exempt(rf.get("/nl/"))


def test_a_page_that_uses_a_nonce_gets_its_own_in_the_policy(rf):
    directives = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]
    with_nonce = {"DIRECTIVES": {**directives, "script-src": ["'self'", NONCE]}}

    def view(request):
        return HttpResponse(f"<script nonce='{request.csp_nonce}'></script>")

    with override_settings(CONTENT_SECURITY_POLICY=with_nonce):
        middleware = ContentSecurityPolicyMiddleware(view)
        first, second = middleware(rf.get("/nl/")), middleware(rf.get("/nl/"))
        plain = ContentSecurityPolicyMiddleware(lambda request: HttpResponse())(rf.get("/nl/"))
    for response in (first, second):
        nonce = response.content.decode().split("'")[1]
        assert directive(response, "script-src") == f"'self' 'nonce-{nonce}'"
    assert policy(first) != policy(second)
    assert directive(plain, "script-src") == "'self'"


# --- The route, site and outline entries kept under the generation -----------


def test_a_published_change_shows_at_once_though_the_route_is_kept(client, homes):
    page = StandardPage(title="Over ons", slug="over-ons")
    homes["nl"].add_child(instance=page)
    client.force_login(UserFactory())  # past the anonymous page cache
    assert "Over ons" in client.get("/nl/over-ons/").text
    page.title = "Wie wij zijn"
    page.save_revision().publish()
    assert "Wie wij zijn" in client.get("/nl/over-ons/").text
    page.unpublish()
    assert client.get("/nl/over-ons/").status_code == 404


def test_nothing_kept_in_a_process_outlives_an_emptied_shared_cache(client, homes):
    """After Redis is emptied (a restart, a flush) the generation starts again;
    what a process kept under an earlier start must not come back."""
    page = StandardPage(title="Over ons", slug="over-ons")
    homes["nl"].add_child(instance=page)
    client.force_login(UserFactory())
    client.get("/nl/over-ons/")  # makes the settings row (a new generation)
    cache.clear()
    assert "Over ons" in client.get("/nl/over-ons/").text
    StandardPage.objects.filter(pk=page.pk).update(title="Stilletjes veranderd")
    cache.clear()
    assert "Stilletjes veranderd" in client.get("/nl/over-ons/").text


def test_the_dashboard_shows_each_course_in_the_readers_language(client, homes, locales):
    catalogue = CourseIndexPageFactory(parent=homes["nl"], slug="aanbod")
    course = CoursePageFactory(parent=catalogue, title="Mensenhandel herkennen")
    english = course.copy_for_translation(locales["en"], copy_parents=True)
    english.title = "Recognising trafficking"
    english.save_revision().publish()
    learner = UserFactory()
    enroll(learner, course)
    client.force_login(learner)
    assert "Mensenhandel herkennen" in client.get("/nl/my/").text
    assert "Recognising trafficking" in client.get("/en/my/").text
    with CaptureQueriesContext(connection) as queries:
        client.get("/en/my/")
    assert not any("wagtailcore_page" in q["sql"] for q in queries.captured_queries)
