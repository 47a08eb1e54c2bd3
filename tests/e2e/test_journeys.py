"""One journey per role, end to end, the way a new person walks it: on a phone
(375 px) and on a desktop."""

import re

import pytest

from certificates.models import Certificate
from courses.models import QuizPage
from lms.demo import DEMO_PASSWORD, current_totp_code
from tests.e2e.conftest import open_menu
from tests.e2e.test_accounts import fill_sign_up
from tests.e2e.test_quiz import answer_everything_right

pytestmark = pytest.mark.e2e

PHONE = {"width": 375, "height": 740}
DESKTOP = {"width": 1280, "height": 800}


def test_a_professional_signs_up_learns_and_gets_a_certificate_on_a_phone(
    page, demo, mailoutbox, assert_accessible
):
    page.set_viewport_size(PHONE)
    page.goto("/nl/")
    # On a phone the main menu sits behind the "Menu" disclosure, as it should.
    assert not page.get_by_role("link", name="Aanbod", exact=True).is_visible()
    open_menu(page)
    page.get_by_role("link", name="Aanbod", exact=True).click()
    page.get_by_role("link", name="Signalen van mensenhandel herkennen", exact=True).click()
    page.get_by_role("main").get_by_role("link", name="maak een account aan").click()
    fill_sign_up(page, "Mira", "Hoekstra", "mira.hoekstra@example.net")
    page.wait_for_url(re.compile(r"/nl/accounts/confirm-email/$"))
    link = re.search(r"https?://\S+/confirm-email/\S+/", mailoutbox[-1].body).group(0)
    assert "Hallo van Expertisecentrum Seksualiteit, Sekswerk en Mensenhandel" in (
        mailoutbox[-1].body
    )
    page.goto(link)
    page.get_by_role("button", name="Bevestig", exact=True).click()
    page.wait_for_url(re.compile(r"/nl/"))

    page.goto("/nl/aanbod/signalen-mensenhandel-herkennen/")
    page.get_by_role("button", name="Schrijf je in voor de e-learning").click()
    for _ in range(7):
        page.get_by_role("button", name="Markeer als klaar").click()
        page.wait_for_load_state()
    page.wait_for_url(re.compile(r"/eindtoets/$"))
    page.get_by_role("button", name="Start de toets").click()
    page.wait_for_url(re.compile(r"/quizzes/attempts/\d+/$"))
    answer_everything_right(
        page, QuizPage.objects.get(slug="eindtoets", locale__language_code="nl")
    )
    page.get_by_role("button", name="Inleveren").click()
    assert "Je hebt deze cursus afgerond." in page.locator("main").inner_text()
    assert_accessible(page)

    page.get_by_role("link", name="Mijn certificaten").click()
    assert page.get_by_role("link", name="PDF downloaden").first.is_visible()
    assert_accessible(page)

    # Anyone can verify it: the name shows, the e-mail address never does.
    certificate = Certificate.objects.get(recipient__email="mira.hoekstra@example.net")
    page.context.clear_cookies()
    page.goto(f"/nl/certificates/verify/{certificate.code}/")
    main = page.locator("main").inner_text()
    assert "Mira Hoekstra" in main
    assert "mira.hoekstra@example.net" not in page.content()
    assert_accessible(page)


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_a_coordinator_logs_in_with_a_code_and_sets_a_tariff_agreement(
    page, demo, assert_accessible, viewport
):
    from lms.models import Municipality

    page.set_viewport_size(viewport)
    page.goto("/nl/accounts/login/?next=/admin/")
    page.get_by_label("E-mail").fill("coordinator@example.org")
    page.get_by_label("Wachtwoord", exact=True).fill(DEMO_PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Inloggen").click()
    page.wait_for_url(re.compile(r"/nl/accounts/2fa/authenticate/"))
    assert_accessible(page)
    page.get_by_label("Code").fill(current_totp_code("coordinator@example.org"))
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(re.compile(r"/admin/$"))

    schiedam = Municipality.objects.get(name="Schiedam")
    page.goto(f"/admin/snippets/lms/municipality/edit/{schiedam.pk}/")
    page.get_by_role("checkbox", name="Tariefafspraak").check()
    page.get_by_role("button", name="Opslaan").first.click()
    page.wait_for_url(re.compile(r"/admin/snippets/lms/municipality/$"))
    schiedam.refresh_from_db()
    assert schiedam.has_agreement

    page.goto("/nl/my/")
    assert page.get_by_role("link", name="Beheer").first.get_attribute("href") == "/admin/"
