"""Booking a training day in the browser: one professional books the last place,
a second joins the waiting list, the first cancels, and the second gets the
place and an e-mail. On a desktop and on a phone (375 px)."""

import re

import pytest

from bookings.models import Registration
from tests.e2e.test_learning import log_in
from tests.factories import CourseIndexPageFactory, CoursePageFactory, UserFactory
from tests.workshops.factories import TrainingDayFactory

pytestmark = pytest.mark.e2e

PASSWORD = "correct-horse-battery"
PHONE = {"width": 375, "height": 740}
DESKTOP = {"width": 1280, "height": 800}


@pytest.fixture
def last_place(homes):
    from courses.choices import Format

    catalogue = CourseIndexPageFactory(parent=homes["nl"], title="Aanbod", slug="aanbod")
    course = CoursePageFactory(
        parent=catalogue,
        title="Training jeugdprostitutie",
        slug="training-jeugdprostitutie",
        format=Format.TRAINING_DAY,
    )
    return TrainingDayFactory(course=course, capacity=1)


def book(page, day, link: str, button: str, assert_accessible):
    page.goto(day.course.url)
    assert_accessible(page)
    page.get_by_role("link", name=re.compile(link)).click()
    page.wait_for_url(re.compile(r"/book/$"))
    assert_accessible(page)
    page.get_by_label("Organisatie").fill("Wijkteam Feijenoord")
    page.get_by_role("button", name=button).click()
    page.wait_for_url(re.compile(r"/nl/my/"))


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_a_cancelled_place_goes_to_the_first_on_the_waiting_list(
    page, browser, live_server, last_place, mailoutbox, assert_accessible, viewport
):
    first = UserFactory(email="eerste@example.org")
    second = UserFactory(email="tweede@example.org")
    page.set_viewport_size(viewport)

    log_in(page, first.email, PASSWORD)
    book(page, last_place, "Boek een plaats", "Boek mijn plaats", assert_accessible)
    bookings = page.locator("section", has=page.locator("#bookings-heading"))
    assert "Plaats bevestigd" in bookings.inner_text()
    assert_accessible(page)

    other = browser.new_context(base_url=live_server.url, locale="nl-NL", viewport=viewport)
    waiting = other.new_page()
    log_in(waiting, second.email, PASSWORD)
    waiting.goto(last_place.course.url)
    assert "Vol – wachtlijst" in waiting.locator("main").inner_text()
    book(
        waiting, last_place, "Zet me op de wachtlijst", "Zet me op de wachtlijst", assert_accessible
    )
    assert "Wachtlijst, nummer 1" in waiting.locator("main").inner_text()

    mailoutbox.clear()
    bookings.get_by_role("link", name=re.compile("^Annuleren")).click()
    page.wait_for_url(re.compile(r"/cancel/$"))
    assert_accessible(page)
    page.get_by_role("button", name="Ja, annuleer mijn boeking").click()
    page.wait_for_url(re.compile(r"/nl/my/"))
    assert "Geannuleerd" in bookings.inner_text()

    waiting.reload()
    assert "Plaats bevestigd" in waiting.locator("main").inner_text()
    assert Registration.objects.get(user=second).status == Registration.Status.CONFIRMED
    promoted = [m for m in mailoutbox if m.to == [second.email]]
    assert len(promoted) == 1
    assert "Training jeugdprostitutie" in promoted[0].subject
    assert promoted[0].attachments[0][2].startswith("text/calendar")
    other.close()
