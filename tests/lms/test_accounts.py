import re

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
    yield_hotp_counters_from_time,
)
from django.contrib.auth.models import Group

from lms import roles
from lms.models import User
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "correct-horse-battery"


def current_code(secret):
    counters = list(yield_hotp_counters_from_time())
    return format_hotp_value(hotp_value(secret, counters[len(counters) // 2]))


def confirmation_link(message):
    return re.search(r"https?://[^/\s]+(/\S+/confirm-email/\S+/)", message.body).group(1)


def sign_up(client, lang, email, password, on_commit):
    with on_commit(execute=True):
        return client.post(
            f"/{lang}/accounts/signup/",
            {"email": email, "password1": password, "password2": password},
        )


def test_sign_up_sends_a_dutch_verification_mail_and_joins_learners(
    client, homes, mailoutbox, django_capture_on_commit_callbacks
):
    response = sign_up(
        client,
        "nl",
        "nieuw@example.org",
        "lang-genoeg-wachtwoord",
        django_capture_on_commit_callbacks,
    )
    assert response.status_code == 302
    user = User.objects.get(email="nieuw@example.org")
    assert user.groups.filter(name=roles.LEARNERS).exists()
    assert user.language == "nl"
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["nieuw@example.org"]
    assert "Bevestig" in mailoutbox[0].subject


def test_unverified_account_cannot_log_in_until_the_link_is_followed(
    client, homes, mailoutbox, django_capture_on_commit_callbacks
):
    sign_up(
        client, "en", "new@example.org", "long-enough-password", django_capture_on_commit_callbacks
    )
    client.logout()
    response = client.post(
        "/en/accounts/login/", {"login": "new@example.org", "password": "long-enough-password"}
    )
    assert response["Location"].endswith("/en/accounts/confirm-email/")

    link = confirmation_link(mailoutbox[-1])
    response = client.post(link)
    assert response.status_code == 302
    assert client.get("/en/my/").status_code == 200


def test_log_in_and_log_out(client, homes):
    user = UserFactory()
    response = client.post("/nl/accounts/login/", {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/nl/my/"
    assert user.email in client.get("/nl/my/").text
    client.post("/nl/accounts/logout/")
    assert client.get("/nl/my/").status_code == 302


def test_password_reset_mails_a_link(client, homes, mailoutbox, django_capture_on_commit_callbacks):
    user = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/nl/accounts/password/reset/", {"email": user.email})
    assert response.status_code == 302
    assert len(mailoutbox) == 1
    assert "/nl/accounts/password/reset/key/" in mailoutbox[0].body


def test_failed_log_ins_are_throttled_even_for_the_right_password(client, homes):
    user = UserFactory()
    for _ in range(5):
        response = client.post("/nl/accounts/login/", {"login": user.email, "password": "wrong"})
        assert response.status_code == 200
    response = client.post("/nl/accounts/login/", {"login": user.email, "password": PASSWORD})
    assert response.status_code == 429
    assert "Te veel inlogpogingen. Probeer het later nogmaals." in response.text


def test_admin_log_in_goes_through_allauth(client, homes):
    response = client.get("/admin/login/?next=/admin/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_coordinator_without_two_factor_must_set_it_up_before_the_admin(client, homes):
    coordinator = UserFactory(roles=[roles.COORDINATORS])
    client.force_login(coordinator)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert "/accounts/2fa/totp/activate/" in response["Location"]


def test_learner_gets_no_admin(client, homes):
    client.force_login(UserFactory(roles=[roles.LEARNERS]))
    response = client.get("/admin/")
    assert response.status_code == 302
    assert "/accounts/2fa/" not in response["Location"]


def test_coordinator_with_two_factor_is_asked_for_a_code_then_enters_the_admin(client, homes):
    coordinator = UserFactory(roles=[roles.COORDINATORS])
    secret = generate_totp_secret()
    TOTP.activate(coordinator, secret)

    response = client.post(
        "/nl/accounts/login/", {"login": coordinator.email, "password": PASSWORD}
    )
    assert response["Location"].startswith("/nl/accounts/2fa/authenticate/")
    assert client.get("/admin/").status_code == 302  # not logged in yet

    bad = client.post("/nl/accounts/2fa/authenticate/", {"code": "000000"})
    assert bad.status_code == 200
    response = client.post("/nl/accounts/2fa/authenticate/", {"code": current_code(secret)})
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_roles_exist_with_their_admin_rights():
    names = set(Group.objects.values_list("name", flat=True))
    assert set(roles.ALL_ROLES) <= names
    editor = UserFactory(roles=[roles.EDITORS])
    coordinator = UserFactory(roles=[roles.COORDINATORS])
    trainer = UserFactory(roles=[roles.TRAINERS])
    assert editor.has_perm("wagtailadmin.access_admin")
    assert not editor.has_perm("lms.change_sitesettings")
    assert coordinator.has_perm("lms.change_sitesettings")
    assert not trainer.has_perm("wagtailadmin.access_admin")
    assert Authenticator.objects.count() == 0
