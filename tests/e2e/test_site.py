import re

import pytest

pytestmark = pytest.mark.e2e


def test_home_page_in_dutch_then_switch_to_english(page, demo, assert_accessible):
    page.goto("/nl/")
    assert page.locator("html").get_attribute("lang") == "nl"
    assert page.get_by_role("heading", level=1).inner_text().startswith("Leren over seksualiteit")
    assert page.get_by_role(
        "link", name="Signalen van mensenhandel herkennen", exact=True
    ).is_visible()
    assert_accessible(page)

    page.get_by_role("navigation", name="Taal").get_by_role("link", name="English").click()
    page.wait_for_url(re.compile(r"/en/$"))
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_role("heading", level=1).inner_text().startswith("Learning about sexuality")
    assert_accessible(page)


def test_language_switch_keeps_the_reader_on_the_same_course(page, demo):
    page.goto("/nl/aanbod/preventieles/")
    page.get_by_role("link", name="English").click()
    page.wait_for_url(re.compile(r"/en/offer/preventieles/$"))
    assert page.get_by_role("heading", level=1).inner_text() == "90-minute prevention lesson"


@pytest.mark.parametrize(
    "path",
    [
        "/nl/aanbod/",
        "/en/offer/girls-talk/",
        "/nl/accounts/login/",
        "/en/accounts/signup/",
        "/nl/search/?q=training",
        "/nl/privacy/",
    ],
)
def test_pages_have_no_accessibility_violations(page, demo, assert_accessible, path):
    response = page.goto(path)
    assert response.status == 200
    assert_accessible(page)


def test_skip_link_is_the_first_thing_the_keyboard_reaches(page, demo):
    page.goto("/nl/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert focused == "Naar de inhoud"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"
