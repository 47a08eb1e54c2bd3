import re

import pytest

from lms import roles
from lms.models import User

pytestmark = pytest.mark.e2e


def test_sign_up_verify_and_log_in(page, demo, mailoutbox, assert_accessible):
    page.goto("/nl/")
    page.get_by_role("link", name="Account aanmaken").click()
    page.get_by_label("E-mail").fill("jeugdwerker@example.org")
    page.get_by_label("Wachtwoord:", exact=True).fill("een-lang-wachtwoord")
    page.get_by_label("Wachtwoord (bevestigen):").fill("een-lang-wachtwoord")
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
    page.get_by_label("Wachtwoord:", exact=True).fill("een-lang-wachtwoord")
    page.get_by_role("main").get_by_role("button", name="Inloggen").click()
    page.wait_for_url(re.compile(r"/nl/my/$"))
    assert "jeugdwerker@example.org" in page.content()
