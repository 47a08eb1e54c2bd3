import pytest

from courses.choices import Format
from tests.factories import CourseIndexPageFactory, CoursePageFactory, UserFactory


@pytest.fixture
def course(homes):
    catalogue = CourseIndexPageFactory(parent=homes["nl"])
    return CoursePageFactory(
        parent=catalogue,
        title="Signalen van mensenhandel herkennen",
        format=Format.ELEARNING,
        accreditation="Studiebelasting 2 uur",
        certificate_validity_months=24,
    )


@pytest.fixture
def learner():
    return UserFactory(first_name="Noor", last_name="Smit", email="noor@example.org")


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Public media and the private storage, each in a folder of this test's own."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private-media"
