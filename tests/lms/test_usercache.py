"""The reader's row and progress come from the shared cache (lms.usercache), and
never outlive a change: what a user would notice is that nothing is stale."""

import pytest
from django.core.cache import cache
from django.test import Client, override_settings

from courses.choices import Format
from courses.services import enroll, mark_lesson_done
from lms import usercache
from tests.factories import (
    CourseIndexPageFactory,
    CoursePageFactory,
    LessonPageFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

SESSIONS_IN_THE_CACHE = override_settings(
    SESSION_ENGINE="django.contrib.sessions.backends.cached_db"
)


@SESSIONS_IN_THE_CACHE
def test_a_deactivated_account_is_logged_out_at_its_next_page(client, homes):
    user = UserFactory()
    client.force_login(user)
    assert client.get("/nl/my/").status_code == 200  # the row is now kept in the cache
    user.is_active = False
    user.save()
    response = client.get("/nl/my/")
    assert response.status_code == 302
    assert response["Location"].startswith("/nl/accounts/login/")


@SESSIONS_IN_THE_CACHE
def test_a_new_password_ends_the_other_sessions_at_once(homes):
    user = UserFactory()
    other_device = Client()
    other_device.force_login(user)
    assert other_device.get("/nl/my/").status_code == 200
    user.set_password("een-heel-nieuw-wachtwoord-2026")
    user.save()
    assert other_device.get("/nl/my/").status_code == 302


@SESSIONS_IN_THE_CACHE
def test_a_changed_name_shows_on_the_next_page(client, homes):
    user = UserFactory(first_name="Sanne", last_name="de Vries")
    client.force_login(user)
    client.get("/nl/my/profile/")
    user.first_name = "Sandra"
    user.save()
    assert 'value="Sandra"' in client.get("/nl/my/profile/").text


@SESSIONS_IN_THE_CACHE
def test_a_lesson_done_shows_in_the_progress_at_once(client, homes):
    catalogue = CourseIndexPageFactory(parent=homes["nl"], slug="aanbod")
    course = CoursePageFactory(
        parent=catalogue, slug="cursus", format=Format.ELEARNING, sequential=False
    )
    first, second = (LessonPageFactory(parent=course, slug=f"les-{i}") for i in (1, 2))
    learner = UserFactory()
    enroll(learner, course)
    client.force_login(learner)
    assert "Voortgang: 0%" in client.get(second.url).text  # the progress is now kept
    mark_lesson_done(learner, first)
    assert "Voortgang: 50%" in client.get(second.url).text
    assert "Voortgang: 50%" in client.get("/nl/my/").text


def test_an_entry_built_before_a_change_is_not_read_after_it():
    built = []

    def build():
        built.append(len(built))
        return len(built)

    # A reader reads the version, then (slowly) the rows...
    version = usercache.user_version(7)
    assert usercache.remember_for_user(7, "progress", build) == 1
    # ...meanwhile the rows change: the next reader builds afresh.
    usercache.bump_user_version(7)
    assert usercache.user_version(7) != version
    assert usercache.remember_for_user(7, "progress", build) == 2
    assert usercache.remember_for_user(7, "progress", build) == 2
    assert cache.get(f"user-entry:7:{version}:progress") == (1,)


@SESSIONS_IN_THE_CACHE
@pytest.mark.parametrize("from_the_group_side", [False, True])
def test_a_new_or_lost_role_counts_at_once(client, homes, from_the_group_side):
    from django.contrib.auth.models import Group

    from lms import roles

    user = UserFactory()
    trainers = Group.objects.get(name=roles.TRAINERS)
    client.force_login(user)
    assert not roles.has_role(user, roles.TRAINERS)  # now kept in the cache
    if from_the_group_side:
        trainers.user_set.add(user)
    else:
        user.groups.add(trainers)
    assert roles.has_role(user, roles.TRAINERS)
    if from_the_group_side:
        trainers.user_set.clear()
    else:
        user.groups.remove(trainers)
    assert not roles.has_role(user, roles.TRAINERS)


def test_one_request_reads_one_version_until_something_of_the_user_changes():
    """The version get_user read serves the rest of the request (no second
    round trip), but a change made during the request is seen after it, and
    the next request reads the version afresh."""
    user = UserFactory()
    usercache._forget_request_versions()  # as a request starts (request_started)
    assert usercache.CachedModelBackend().get_user(user.pk) == user
    assert usercache.remember_for_user(user.pk, "answer", lambda: "before") == "before"
    other_node_bumps = cache.set  # a change made elsewhere: this request keeps its version
    other_node_bumps(f"user-version:{user.pk}", 1, timeout=None)
    assert usercache.remember_for_user(user.pk, "answer", lambda: "other") == "before"
    usercache.bump_user_version(user.pk)  # a change made by this request
    assert usercache.remember_for_user(user.pk, "answer", lambda: "after") == "after"
    usercache._forget_request_versions()  # as it ends (request_finished)
    assert usercache.user_version(user.pk) == cache.get(f"user-version:{user.pk}")
