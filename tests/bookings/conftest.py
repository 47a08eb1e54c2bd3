import pytest

from courses.choices import Format
from lms.models import Municipality
from tests.factories import CourseIndexPageFactory, CoursePageFactory
from tests.workshops.factories import TrainingDayFactory


@pytest.fixture
def training_course(homes):
    catalogue = CourseIndexPageFactory(parent=homes["nl"], title="Aanbod", slug="aanbod")
    return CoursePageFactory(
        parent=catalogue,
        title="Training jeugdprostitutie",
        slug="training-jeugdprostitutie",
        format=Format.TRAINING_DAY,
    )


@pytest.fixture
def day(training_course):
    return TrainingDayFactory(course=training_course, capacity=2)


@pytest.fixture
def rotterdam(db):
    municipality, _ = Municipality.objects.get_or_create(
        name="Rotterdam", defaults={"has_agreement": True}
    )
    Municipality.objects.filter(pk=municipality.pk).update(has_agreement=True)
    municipality.refresh_from_db()
    return municipality


@pytest.fixture
def schiedam(db):
    municipality, _ = Municipality.objects.get_or_create(name="Schiedam")
    return municipality
