"""Fixtures for the audit log's tests: a training day, a coordinator in the
admin (second factor passed), and the entries logged for an object."""

import pytest
from django.contrib.contenttypes.models import ContentType
from wagtail.models import ModelLogEntry

from lms import roles
from tests.bookings.conftest import day, training_course  # noqa: F401
from tests.certificates.test_admin import log_in_with_second_factor
from tests.factories import UserFactory


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Certificate PDFs in a folder of this test's own."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private-media"


@pytest.fixture
def coordinator(client):
    user = UserFactory(first_name="Carla", last_name="Coördinator", roles=[roles.COORDINATORS])
    log_in_with_second_factor(client, user)
    return user


def logged(instance, action: str | None = None) -> list[ModelLogEntry]:
    """The audit log entries of `instance` (of one action), oldest first."""
    entries = ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(instance), object_id=str(instance.pk)
    )
    if action is not None:
        entries = entries.filter(action=action)
    return list(entries.order_by("timestamp", "pk"))


def the_entry(instance, action: str) -> ModelLogEntry:
    """The one entry `action` wrote for `instance` (fails on none or several)."""
    [entry] = logged(instance, action)
    return entry
