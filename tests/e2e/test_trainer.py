"""A trainer's way to the session plans and quiz results, on a desktop and on a
phone. New strings are not in the Dutch catalogue yet (the lead adds them):
the journey finds its way by sections, rel and link targets."""

import re

import pytest

from tests.e2e.conftest import open_menu
from tests.e2e.test_learning import log_in

pytestmark = pytest.mark.e2e

GIRLS_TALK = "/nl/aanbod/girls-talk/"


def fits_the_width(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


@pytest.mark.parametrize("width", [1280, 375])
def test_trainer_opens_session_plans_and_quiz_results_from_my_page(
    page, demo, assert_accessible, width
):
    page.set_viewport_size({"width": width, "height": 900})
    log_in(page, "trainer@example.org")  # the log-in form leads to /nl/my/
    plans = page.locator('section[aria-labelledby="session-plans-heading"]')
    assert plans.get_by_role("heading", level=3).all_inner_texts() == [
        "Preventieles van 90 minuten",
        "Girls' Talk",
        "Make a Move",
    ]
    assert fits_the_width(page)
    assert_accessible(page)

    # Girls' Talk's plans, in order: its first meeting opens.
    girls_talk = plans.locator("ol.plan-list").nth(1)
    assert girls_talk.locator("li").count() == 9
    girls_talk.get_by_role("link").first.click()
    page.wait_for_url(re.compile(r"/nl/aanbod/girls-talk/bijeenkomst-1/$"))
    assert page.get_by_role("heading", level=1).inner_text().startswith("Bijeenkomst 1")
    assert page.locator('a[rel="prev"]').count() == 0
    assert fits_the_width(page)
    assert_accessible(page)

    # On paper: the plan without the site's header, menu and footer.
    page.emulate_media(media="print")
    assert page.locator(".essm-header").is_hidden()
    assert page.locator(".essm-footer").is_hidden()
    assert page.get_by_role("heading", name="Activiteiten").is_visible()
    page.emulate_media(media="screen")

    page.locator('a[rel="next"]').click()
    page.wait_for_url(re.compile(r"/nl/aanbod/girls-talk/bijeenkomst-2/$"))
    assert fits_the_width(page)  # its title has the longest word
    page.locator('a[rel="prev"]').click()
    page.wait_for_url(re.compile(r"/nl/aanbod/girls-talk/bijeenkomst-1/$"))

    # Back to the programme: nine meetings, the plans listed for the trainer.
    page.locator("nav.essm-breadcrumb").get_by_role("link", name="Girls' Talk").click()
    page.wait_for_url(re.compile(f"{GIRLS_TALK}$"))
    on_course = page.locator('section[aria-labelledby="session-plans-heading"] a')
    assert on_course.first.get_attribute("href") == f"{GIRLS_TALK}bijeenkomst-1/"
    assert on_course.count() == 9
    assert page.locator("dl.facts dd").all_inner_texts().count("9") == 1
    assert_accessible(page)

    # Quiz results from /my/, and their CSV.
    open_menu(page)  # on a phone the main menu is behind "Menu"
    page.get_by_role("link", name="Mijn leeromgeving").click()
    page.wait_for_url(re.compile(r"/nl/my/$"))
    results = page.locator('section[aria-labelledby="quiz-results-heading"]')
    results.get_by_role("link", name="Eindtoets: signalen van mensenhandel", exact=True).click()
    page.wait_for_url(re.compile(r"/nl/quizzes/\d+/results/$"))
    assert_accessible(page)
    csv_link = page.get_by_role("link", name="Download als CSV")
    download = page.request.get(page.url + csv_link.get_attribute("href"))
    assert download.status == 200
    assert download.headers["content-type"] == "text/csv; charset=utf-8"
