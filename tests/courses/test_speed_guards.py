"""What the speed of the logged-in pages rests on (issue 9): a lesson page and /my/
cost the same few queries and shared-cache round trips however many lessons and
enrolments there are, and what is kept for every reader (outlines, lesson
bodies, study loads, the menu) changes with the next publish."""

import pytest
from django.core.cache import cache
from django.core.cache.backends.locmem import LocMemCache
from django.test import override_settings

from courses.choices import Format
from courses.models import LessonPage
from courses.services import enroll
from tests.factories import (
    CourseIndexPageFactory,
    CoursePageFactory,
    LessonPageFactory,
    QuizPageFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

# Production keeps sessions in Redis (cached_db); without REDIS_URL the test
# settings would read them from the database, one query more.
SESSIONS_IN_THE_CACHE = override_settings(
    SESSION_ENGINE="django.contrib.sessions.backends.cached_db"
)

# A warm request: none. The user's row and their progress are kept in the
# shared cache under the user's version (lms.usercache).
LESSON_QUERIES = 0
# Certificates, and whether the learner has bookings, group
# bookings, school lesson requests or a trainer record (bookings.dashboard.
# holdings); enrolments, quiz attempts and lessons done come from the cache
# like the lesson page's progress, and the booking sections query only for
# who has them.
DASHBOARD_QUERIES = 2


def build_learning(homes, courses: int, lessons: int):
    """A learner enrolled in `courses` e-learnings, each with a quiz, the first
    with `lessons` lessons (the others three), two done in each; returns the
    learner and a lesson in the middle of the first course."""
    catalogue = CourseIndexPageFactory(parent=homes["nl"], slug="aanbod")
    learner = UserFactory()
    middle = None
    for i in range(courses):
        course = CoursePageFactory(
            parent=catalogue, slug=f"c{i}", format=Format.ELEARNING, sequential=False
        )
        made = [
            LessonPageFactory(parent=course, slug=f"l{j}") for j in range(lessons if i == 0 else 3)
        ]
        QuizPageFactory(parent=course, slug="toets")
        enrollment = enroll(learner, course)
        for lesson in made[:2]:
            enrollment.lessons_done.create(lesson_key=lesson.translation_key)
        middle = middle or made[len(made) // 2]
    return learner, LessonPage.objects.get(pk=middle.pk)


@SESSIONS_IN_THE_CACHE
@pytest.mark.parametrize("courses, lessons", [(1, 3), (12, 40)])
def test_lesson_page_and_dashboard_queries_do_not_grow(
    client, homes, courses, lessons, django_assert_max_num_queries
):
    learner, lesson = build_learning(homes, courses, lessons)
    client.force_login(learner)
    client.get(homes["nl"].url)  # a running site has long since made its settings row
    for path, bound in ((lesson.url, LESSON_QUERIES), ("/nl/my/", DASHBOARD_QUERIES)):
        assert client.get(path).status_code == 200  # a running site has seen it
        with django_assert_max_num_queries(bound):
            response = client.get(path)
        assert response.status_code == 200


class CountingCache(LocMemCache):
    """The test cache, noting each call that would be a round trip to Redis."""

    calls: list[str] = []

    def get(self, *args, **kwargs):
        self.calls.append("get")
        return super().get(*args, **kwargs)

    def get_many(self, keys, version=None):
        self.calls.append("get_many")  # one round trip (Redis's MGET), however many keys
        missing = object()
        found = {key: LocMemCache.get(self, key, missing, version=version) for key in keys}
        return {key: value for key, value in found.items() if value is not missing}

    def set(self, *args, **kwargs):
        self.calls.append("set")
        return super().set(*args, **kwargs)

    def add(self, *args, **kwargs):
        self.calls.append("add")
        return super().add(*args, **kwargs)

    def incr(self, *args, **kwargs):
        self.calls.append("incr")
        return super().incr(*args, **kwargs)


@SESSIONS_IN_THE_CACHE
@pytest.mark.parametrize("courses, lessons", [(1, 3), (12, 40)])
def test_warm_logged_in_pages_ask_the_shared_cache_only_for_what_is_per_request(
    client, homes, courses, lessons
):
    learner, lesson = build_learning(homes, courses, lessons)
    with override_settings(
        CACHES={"default": {"BACKEND": f"{__name__}.CountingCache", "LOCATION": "speed"}}
    ):
        cache.clear()  # (a local-memory cache of its own, kept between tests)
        client.force_login(learner)
        client.get(homes["nl"].url)  # a running site has long since made its settings row
        # The page generation, the session, then the user's version and row
        # (the version then serves the rest of the request, lms.usercache);
        # the lesson page then its progress; /my/ its kept sections in one
        # round trip (lms.dashboard), then whether the user has bookings,
        # requests or a trainer record. The outline, the lesson body, the
        # menu, the language links and the footer come from this process.
        for path, calls in (
            (lesson.url, ["get"] * 5),
            ("/nl/my/", ["get"] * 4 + ["get_many", "get"]),
        ):
            client.get(path)  # the first reader builds and keeps what every reader shares
            CountingCache.calls.clear()
            assert client.get(path).status_code == 200
            assert CountingCache.calls == calls, path


# --- What is kept for every reader follows the next publish -----------------


@pytest.fixture
def learner_in_course(client, homes):
    catalogue = CourseIndexPageFactory(parent=homes["nl"], title="Aanbod", slug="aanbod")
    course = CoursePageFactory(
        parent=catalogue, slug="cursus", format=Format.ELEARNING, sequential=False
    )
    lessons = [LessonPageFactory(parent=course, title=f"Les {i}", slug=f"les-{i}") for i in (1, 2)]
    learner = UserFactory()
    enroll(learner, course)
    client.force_login(learner)
    return course, lessons


def test_a_newly_published_lesson_shows_in_the_lesson_nav_at_once(client, learner_in_course):
    course, (_first, last) = learner_in_course
    assert "Les 3" not in client.get(last.url).text
    added = LessonPageFactory(parent=course, title="Les 3", slug="les-3", live=False)
    added.save_revision().publish()
    assert f'href="{added.url}" rel="next"' in client.get(last.url).text


def test_a_published_lesson_body_shows_at_once_and_a_preview_shows_the_draft(
    client, learner_in_course
):
    _course, (lesson, _last) = learner_in_course
    assert "Inhoud van de les." in client.get(lesson.url).text  # kept from now on
    lesson.body = [("paragraph", "<p>Bijgewerkte inhoud.</p>")]
    lesson.save_revision().publish()
    assert "Bijgewerkte inhoud." in client.get(lesson.url).text
    draft = LessonPage.objects.get(pk=lesson.pk)
    draft.body = [("paragraph", "<p>Nog niet gepubliceerd.</p>")]
    draft.save_revision()
    preview = draft.get_latest_revision_as_object().make_preview_request()
    assert "Nog niet gepubliceerd." in preview.content.decode()
    live = client.get(lesson.url).text
    assert "Bijgewerkte inhoud." in live and "Nog niet gepubliceerd." not in live


def test_the_study_load_on_the_card_follows_the_published_lessons(client, homes):
    catalogue = CourseIndexPageFactory(parent=homes["nl"], slug="aanbod")
    course = CoursePageFactory(parent=catalogue, format=Format.ELEARNING, duration="")
    LessonPageFactory(parent=course, minutes=15)
    assert "15 minuten" in client.get(catalogue.url).text
    LessonPageFactory(parent=course, minutes=20, live=False).save_revision().publish()
    assert "35 minuten" in client.get(catalogue.url).text


def test_the_menu_follows_the_catalogue_to_its_new_address(client, homes):
    catalogue = CourseIndexPageFactory(parent=homes["nl"], slug="aanbod")
    client.force_login(UserFactory())  # every page has the menu; /my/ is never cached
    assert 'href="/nl/aanbod/">Aanbod<' in client.get("/nl/my/").text
    catalogue.slug = "ons-aanbod"
    catalogue.save_revision().publish()
    assert 'href="/nl/ons-aanbod/">Aanbod<' in client.get("/nl/my/").text


@pytest.mark.parametrize(
    "minutes, nl, en",
    [
        ((45,), "45 minuten", "45 minutes"),
        ((60, 60), "2 uur", "2 hours"),
        ((60, 10), "1 uur en 10 minuten", "1 hour and 10 minutes"),
    ],
)
def test_a_study_load_of_an_hour_or_more_reads_in_hours(homes, minutes, nl, en):
    from django.utils import translation

    catalogue = CourseIndexPageFactory(parent=homes["nl"], slug="aanbod")
    course = CoursePageFactory(parent=catalogue, format=Format.ELEARNING, duration="")
    for each in minutes:
        LessonPageFactory(parent=course, minutes=each)
    for language, expected in (("nl", nl), ("en", en)):
        with translation.override(language):
            assert course.display_duration == expected
