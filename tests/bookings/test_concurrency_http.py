"""The same proof over HTTP: two web nodes (gunicorn processes on two ports)
sharing PostgreSQL and Redis, 200 logged-in professionals posting the booking
form at the same moment, half to each node. Exactly 20 get a place, the others
a place in the queue, nobody is lost and nothing answers 5xx."""

import os

import pytest
from django.db import connection
from django.urls import reverse

from bench.bookings import (
    Visitor,
    book_at_once,
    free_port,
    session_cookies,
    start_node,
    stop,
    wait_until_up,
)
from bookings.models import Registration
from lms.models import User
from tests.workshops.factories import TrainingDayFactory

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

Status = Registration.Status
PEOPLE = 200
CAPACITY = 20


def database_url() -> str:
    """The test database (test_<name>), which the nodes must share with the test."""
    db = connection.settings_dict
    auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.fixture
def two_nodes(require_postgres, training_course):
    """Started once the site exists: a node keeps what it read (sites, routes)
    in Redis, and this test's own changes only reach its local cache."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.bookings.live_settings",
        "DATABASE_URL": database_url(),
        "CACHE_KEY_PREFIX": f"live-{os.getpid()}",
        "DB_CONN_MAX_AGE": "0",
    }
    ports = [free_port(), free_port()]
    nodes = [start_node(port, env) for port in ports]
    try:
        for port, node in zip(ports, nodes, strict=True):
            wait_until_up(port, node)
        yield ports
    finally:
        stop(nodes)


def test_two_hundred_people_book_twenty_seats_on_two_nodes(two_nodes, training_course):
    day = TrainingDayFactory(course=training_course, capacity=CAPACITY)
    users = User.objects.bulk_create(
        User(username=f"web{n}", email=f"web{n}@example.org") for n in range(PEOPLE)
    )
    path = reverse("bookings:book", kwargs={"key": day.key})
    visitors = [
        Visitor(two_nodes[n % 2], path, cookie) for n, cookie in enumerate(session_cookies(users))
    ]
    connection.close()  # the nodes' connections, not this one, do the work

    book_at_once(visitors, {"organisation": "Wijkteam", "municipality": ""})

    answers = [(v.status, v.location) for v in visitors]
    assert answers == [(302, "/nl/my/#bookings-heading")] * PEOPLE
    registrations = Registration.objects.filter(training_day=day)
    assert sorted(registrations.values_list("user_id", flat=True)) == sorted(u.pk for u in users)
    assert registrations.filter(status=Status.CONFIRMED).count() == CAPACITY
    positions = registrations.filter(status=Status.WAITLISTED).values_list(
        "waitlist_position", flat=True
    )
    assert sorted(positions) == list(range(1, PEOPLE - CAPACITY + 1))
