import re

import pytest

from lms.demo import DEMO_PASSWORD

pytestmark = pytest.mark.e2e

COURSE = "/nl/aanbod/signalen-mensenhandel-herkennen/"


def log_in(page, email, password=DEMO_PASSWORD):
    page.goto("/nl/accounts/login/")
    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Wachtwoord", exact=True).fill(password)
    page.get_by_role("main").get_by_role("button", name="Inloggen").click()
    page.wait_for_url(re.compile(r"/nl/my/$"))


def test_enrol_and_read_every_lesson(page, new_learner, assert_accessible):
    log_in(page, new_learner, "correct-horse-battery")
    page.goto(COURSE)
    assert_accessible(page)
    page.get_by_role("button", name="Schrijf je in voor de e-learning").click()
    page.wait_for_url(re.compile(r"/drie-elementen/$"))

    for lesson in range(7):
        if lesson in (0, 2, 4):  # a definition, the Instagram case, the meldcode's steps
            assert_accessible(page)
        if lesson == 1:  # the signals checklist works as a plain form
            page.locator(".checklist input[type=checkbox]").nth(0).check()
            page.locator(".checklist input[type=checkbox]").nth(1).check()
            page.get_by_role("button", name="Wat betekenen mijn vinkjes?").click()
            assert (
                "Je hebt 2 signalen aangevinkt." in page.locator(".checklist__result").inner_text()
            )
            assert_accessible(page)
        last_lesson = page.url
        page.get_by_role("button", name="Markeer als klaar").click()
        page.wait_for_load_state()

    # Every lesson read: the closing quiz is what is left (7 of 8 steps).
    page.wait_for_url(re.compile(r"/eindtoets/$"))
    page.goto(last_lesson)  # read again, the last lesson leads on to the quiz
    to_quiz = page.get_by_role("link", name="Ga naar “Eindtoets: signalen van mensenhandel”")
    assert to_quiz.get_attribute("href").endswith("/eindtoets/")
    page.goto(COURSE)
    assert page.locator("progress").get_attribute("value") == "88"
    assert page.get_by_role("link", name="Verder").get_attribute("href").endswith("/eindtoets/")
    assert "Je hebt deze cursus afgerond." not in page.content()

    page.goto("/nl/my/")
    assert page.get_by_role("heading", name="Cursussen die je volgt").is_visible()
    assert "Signalen van mensenhandel herkennen" in page.locator("main").inner_text()
    assert_accessible(page)


def test_trainer_opens_a_session_plan(page, demo, assert_accessible):
    log_in(page, "trainer@example.org")
    response = page.goto("/nl/aanbod/girls-talk/bijeenkomst-1/")
    assert response.status == 200
    assert page.get_by_role("heading", name="Activiteiten").is_visible()
    assert_accessible(page)


def test_catalogue_filter_without_javascript(browser, live_server, demo, assert_accessible):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    page.goto("/nl/aanbod/")
    page.get_by_label("Vorm").select_option("group_programme")
    page.get_by_role("button", name="Toon").click()
    cards = page.locator(".essm-card__title").all_inner_texts()
    assert sorted(cards) == ["Girls' Talk", "Make a Move"]
    context.close()
