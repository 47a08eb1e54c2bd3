"""A school's prevention lessons from the request to the trainer's schedule,
in the browser: a coordinator reviews and proposes (through the service: the
request starts in the database, see below), the school accepts with the link
from its e-mail, and a trainer sees the lesson on their /my/. On a desktop
and on a phone (375 px), every page checked with axe.

The request is created in the database: the public request form is driven by
tests/bookings/test_school_request*.py, and the coordinator's admin form by
tests/bookings/test_scheduling_admin.py."""

import re
from datetime import time, timedelta

import pytest
from django.utils import timezone

from bookings import school_scheduling as scheduling
from bookings.models import SchoolLessonRequest
from bookings.school_scheduling import PlannedLesson
from tests.bookings.scheduling_factories import lesson_request, lesson_trainer
from tests.e2e.test_learning import log_in
from workshops.holidays import is_holiday

pytestmark = pytest.mark.e2e

PASSWORD = "correct-horse-battery"
PHONE = {"width": 375, "height": 740}
DESKTOP = {"width": 1280, "height": 800}
Status = SchoolLessonRequest.Status


def a_school_day():
    day = timezone.localdate() + timedelta(days=21)
    while day.weekday() >= 5 or is_holiday(day):
        day += timedelta(days=1)
    return day


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_a_proposed_lesson_accepted_by_the_school_is_in_the_trainers_schedule(
    page, live_server, mailoutbox, assert_accessible, viewport
):
    page.set_viewport_size(viewport)
    anna, bram = lesson_trainer("Anna"), lesson_trainer("Bram")
    request = lesson_request(Status.REQUESTED, classes=("2B", "3A"), language="en")
    scheduling.start_review(request, by=None)
    day = a_school_day()
    classes = list(request.classes.all())
    scheduling.propose(
        request,
        [
            PlannedLesson(classes[0].pk, day, time(9, 0), (anna.pk, bram.pk)),
            PlannedLesson(classes[1].pk, day, time(10, 30), (anna.pk, bram.pk)),
        ],
        by=None,
    )

    [proposal] = [m for m in mailoutbox if m.to == ["contact@example.org"]]
    path = re.search(r"https?://[^/\s]+(/\S*proposal/\S+)", proposal.body).group(1)
    page.goto(path)
    assert_accessible(page)
    assert "2B" in page.inner_text("main") and "3A" in page.inner_text("main")
    page.get_by_role("button", name="Accept these lessons").click()
    page.wait_for_load_state()
    assert_accessible(page)
    request.refresh_from_db()
    assert request.status == Status.CONFIRMED

    log_in(page, anna.user.email, PASSWORD)
    page.goto("/nl/my/")
    main = page.inner_text("main")
    assert "Demo College Noord" in main and "Bram Demo" in main
    assert f"{day.day}" in main
    assert_accessible(page)
