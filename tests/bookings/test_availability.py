"""A trainer edits their own availability on /my/availability/: periods off
(validated) and their maximum a day and a week. Only their own; anyone who
is not a trainer gets a 404."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.factories import UserFactory
from tests.workshops.factories import SessionFactory, TrainerFactory
from workshops.choices import Programme
from workshops.models import Unavailability

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
URL = "/en/my/availability/"


@pytest.fixture
def trainer():
    return TrainerFactory(programmes=[Programme.PREVENTION_LESSON])


@pytest.fixture
def logged_in(client, trainer, homes):
    client.force_login(trainer.user)
    return client


def add(client, starts_on, ends_on):
    return client.post(
        URL,
        {
            "action": "add",
            "period-starts_on": starts_on.isoformat(),
            "period-ends_on": ends_on.isoformat(),
        },
    )


def test_a_trainer_adds_a_period_and_sees_it(logged_in, trainer):
    response = add(logged_in, TODAY + timedelta(days=10), TODAY + timedelta(days=12))
    assert response.status_code == 302
    period = Unavailability.objects.get(trainer=trainer)
    assert (period.starts_on, period.ends_on) == (
        TODAY + timedelta(days=10),
        TODAY + timedelta(days=12),
    )
    page = logged_in.get(URL).text
    assert f"{(TODAY + timedelta(days=10)):%-d}" in page
    assert f"/my/availability/{period.pk}/remove/" in page


@pytest.mark.parametrize(
    ("start", "end", "message"),
    [
        (5, 3, "The end comes before the start."),
        (-1, 3, "The period cannot start in the past."),
        (1, 400, "Enter at most a year at a time."),
    ],
)
def test_a_bad_period_is_refused_with_a_message(logged_in, trainer, start, end, message):
    response = add(logged_in, TODAY + timedelta(days=start), TODAY + timedelta(days=end))
    assert response.status_code == 400
    assert message in response.text
    assert not Unavailability.objects.exists()


def test_a_period_over_a_session_warns_about_it(logged_in, trainer):
    session = SessionFactory(programme=Programme.PREVENTION_LESSON, date=TODAY + timedelta(days=4))
    session.assignments.create(trainer=trainer)
    response = add(logged_in, TODAY + timedelta(days=3), TODAY + timedelta(days=5))
    page = logged_in.get(response.url).text
    assert "You already have 1 session in this period" in page


def test_a_trainer_removes_their_own_period(logged_in, trainer):
    period = Unavailability.objects.create(
        trainer=trainer, starts_on=TODAY + timedelta(1), ends_on=TODAY + timedelta(2)
    )
    response = logged_in.post(f"/en/my/availability/{period.pk}/remove/")
    assert response.status_code == 302
    assert not Unavailability.objects.exists()


def test_another_trainers_period_is_a_404_and_stays(logged_in):
    someone = TrainerFactory()
    period = Unavailability.objects.create(
        trainer=someone, starts_on=TODAY + timedelta(1), ends_on=TODAY + timedelta(2)
    )
    response = logged_in.post(f"/en/my/availability/{period.pk}/remove/")
    assert response.status_code == 404
    assert Unavailability.objects.filter(pk=period.pk).exists()


def test_removing_needs_a_post(logged_in, trainer):
    period = Unavailability.objects.create(
        trainer=trainer, starts_on=TODAY + timedelta(1), ends_on=TODAY + timedelta(2)
    )
    assert logged_in.get(f"/en/my/availability/{period.pk}/remove/").status_code == 405
    assert Unavailability.objects.filter(pk=period.pk).exists()


def test_a_trainer_changes_their_maximum(logged_in, trainer):
    response = logged_in.post(
        URL, {"action": "limits", "limits-per_day": "1", "limits-per_week": "3"}
    )
    assert response.status_code == 302
    trainer.refresh_from_db()
    assert (trainer.max_sessions_per_day, trainer.max_sessions_per_week) == (1, 3)


@pytest.mark.parametrize(("day", "week"), [("0", "3"), ("2", "11"), ("4", "3")])
def test_a_maximum_outside_1_to_10_or_a_day_above_the_week_is_refused(
    logged_in, trainer, day, week
):
    response = logged_in.post(
        URL, {"action": "limits", "limits-per_day": day, "limits-per_week": week}
    )
    assert response.status_code == 400
    trainer.refresh_from_db()
    assert (trainer.max_sessions_per_day, trainer.max_sessions_per_week) == (2, 6)


@pytest.mark.parametrize("roles", [["Learners"], ["School contacts"], ["Coordinators"]])
def test_someone_who_is_not_a_trainer_gets_a_404(client, homes, roles):
    client.force_login(UserFactory(roles=roles))
    assert client.get(URL).status_code == 404
    assert (
        client.post(
            URL, {"action": "limits", "limits-per_day": "1", "limits-per_week": "1"}
        ).status_code
        == 404
    )


def test_anonymous_visitors_are_sent_to_log_in(client, homes):
    response = client.get(URL)
    assert response.status_code == 302
    assert "/accounts/login/" in response.url
