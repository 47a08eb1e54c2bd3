import pytest

from lms import roles
from tests.certificates.test_admin import log_in_with_second_factor
from tests.factories import UserFactory

from . import dataset


@pytest.fixture
def data(homes):
    return dataset.build(homes)


@pytest.fixture
def coordinator(client):
    user = UserFactory(roles=[roles.COORDINATORS])
    log_in_with_second_factor(client, user)
    return user
