import re

import pytest

from lms import roles
from lms.models import User

pytestmark = pytest.mark.e2e


def sign_up(page, first_name, last_name, email):
    page.get_by_role("link", name="Account aanmaken").click()
    fill_sign_up(page, first_name, last_name, email)


def fill_sign_up(page, first_name, last_name, email):
    """Fill in and send the sign-up form the page shows."""
    page.get_by_label("Voornaam").fill(first_name)
    page.get_by_label("Achternaam").fill(last_name)
    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Wachtwoord", exact=True).fill("een-lang-wachtwoord")
    page.get_by_label("Wachtwoord (bevestigen)").fill("een-lang-wachtwoord")
    page.get_by_role("main").get_by_role("button", name="Account aanmaken").click()


def test_sign_up_verify_and_log_in(page, demo, mailoutbox, assert_accessible):
    page.goto("/nl/")
    page.get_by_role("link", name="Account aanmaken").click()
    page.get_by_label("Voornaam").fill("Sam")
    page.get_by_label("Achternaam").fill("de Jong")
    page.get_by_label("E-mail").fill("jeugdwerker@example.org")
    page.get_by_label("Wachtwoord", exact=True).fill("een-lang-wachtwoord")
    page.get_by_label("Wachtwoord (bevestigen)").fill("een-lang-wachtwoord")
    page.get_by_role("main").get_by_role("button", name="Account aanmaken").click()
    page.wait_for_url(re.compile(r"/nl/accounts/confirm-email/$"))
    assert_accessible(page)

    assert len(mailoutbox) == 1
    link = re.search(r"https?://\S+/confirm-email/\S+/", mailoutbox[0].body).group(0)
    page.goto(link)
    page.get_by_role("button", name="Bevestig", exact=True).click()
    page.wait_for_url(re.compile(r"/nl/my/$"))
    assert page.get_by_role("heading", level=1).inner_text() == "Mijn leeromgeving"
    assert (
        User.objects.get(email="jeugdwerker@example.org")
        .groups.filter(name=roles.LEARNERS)
        .exists()
    )

    page.get_by_role("button", name="Uitloggen").click()
    page.goto("/nl/accounts/login/")
    page.get_by_label("E-mail").fill("jeugdwerker@example.org")
    page.get_by_label("Wachtwoord", exact=True).fill("een-lang-wachtwoord")
    page.get_by_role("main").get_by_role("button", name="Inloggen").click()
    page.wait_for_url(re.compile(r"/nl/my/$"))
    assert "jeugdwerker@example.org" in page.content()


def test_a_second_and_third_sign_up_work_too(page, demo, mailoutbox):
    for n, (first, last) in enumerate([("Sam", "de Jong"), ("Iris", "Bakker"), ("Ali", "Yilmaz")]):
        page.goto("/nl/")
        sign_up(page, first, last, f"professional{n}@example.org")
        page.wait_for_url(re.compile(r"/nl/accounts/confirm-email/$"))
        page.context.clear_cookies()
    names = sorted(u.get_full_name() for u in User.objects.filter(email__startswith="professional"))
    assert names == ["Ali Yilmaz", "Iris Bakker", "Sam de Jong"]
    assert len(mailoutbox) == 3
