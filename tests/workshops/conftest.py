import pytest

from courses.choices import Format
from tests.factories import CourseIndexPageFactory, CoursePageFactory


@pytest.fixture
def training_course(homes):
    catalogue = CourseIndexPageFactory(parent=homes["nl"], title="Aanbod", slug="aanbod")
    return CoursePageFactory(
        parent=catalogue,
        title="Training jeugdprostitutie",
        slug="training-jeugdprostitutie",
        format=Format.TRAINING_DAY,
    )
