"""The validity is stored in months, so a reissue keeps exactly what the course
gave, rather than guessing it back from two dates."""

from datetime import date

import pytest

from certificates import services
from certificates.models import Certificate
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("months", [1, 6, 11, 24])
def test_a_reissue_keeps_the_validity_in_months(homes, months, monkeypatch):
    user = UserFactory()
    monkeypatch.setattr(services.timezone, "localdate", lambda: date(2028, 1, 31))
    original = services.issue(
        user,
        kind=Certificate.Kind.COURSE,
        subject_key=None,
        subject_title="Signalen",
        validity_months=months,
    )
    monkeypatch.setattr(services.timezone, "localdate", lambda: date(2028, 2, 29))
    again = services.reissue(original)
    assert again.validity_months == months
    assert again.expires_on == services._add_months(date(2028, 2, 29), months)
