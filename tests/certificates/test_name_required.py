"""A certificate carries the recipient's name, never an e-mail address: without
a name it waits until the learner fills it in."""

import pytest

from certificates.models import Certificate
from certificates.services import issue
from lms.errors import Refused
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_no_certificate_for_a_user_without_a_name(homes):
    user = UserFactory(first_name="", last_name="")
    with pytest.raises(Refused):
        issue(user, kind=Certificate.Kind.COURSE, subject_key=None, subject_title="Cursus")
    assert Certificate.objects.count() == 0


def test_the_certificate_waits_for_the_name_then_follows_the_profile(
    client, homes, django_capture_on_commit_callbacks
):
    from courses.models import Enrollment
    from tests.factories import CourseIndexPageFactory, CoursePageFactory

    course = CoursePageFactory(parent=CourseIndexPageFactory(parent=homes["nl"]))
    user = UserFactory(first_name="", last_name="")
    Enrollment.objects.create(
        user=user, course_key=course.translation_key, completed_at="2026-11-01T10:00Z"
    )
    client.force_login(user)
    assert "Je naam ontbreekt" in client.get("/nl/my/").text
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/nl/my/profile/", {"first_name": "Sanne", "last_name": "Visser", "language": "nl"}
        )
    assert response.status_code == 302
    certificate = Certificate.objects.get(recipient=user)
    assert certificate.recipient_name == "Sanne Visser"
    assert certificate.subject_key == course.translation_key
