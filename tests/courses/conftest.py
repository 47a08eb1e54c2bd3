import pytest

from courses.choices import Format
from tests.factories import CourseIndexPageFactory, CoursePageFactory, LessonPageFactory


@pytest.fixture
def catalogue(homes):
    return CourseIndexPageFactory(parent=homes["nl"], title="Aanbod", slug="aanbod")


@pytest.fixture
def course(catalogue):
    """An e-learning with three lessons in order; the first may be previewed."""
    course = CoursePageFactory(
        parent=catalogue,
        title="Mensenhandel herkennen",
        slug="mensenhandel",
        format=Format.ELEARNING,
    )
    course.lessons_made = [
        LessonPageFactory(parent=course, title=f"Les {i}", slug=f"les-{i}") for i in (1, 2, 3)
    ]
    return course
