import re
import time

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
    """The code of this 30-second period; on the period's last seconds, of the
    next one (waited for), so a loaded machine cannot post it too late."""
    left = 30 - time.time() % 30
    if left < 8:
        time.sleep(left + 0.05)
    counters = list(yield_hotp_counters_from_time())
    return format_hotp_value(hotp_value(secret, counters[len(counters) // 2]))


def confirmation_link(message):
    return re.search(r"https?://[^/\s]+(/\S+/confirm-email/\S+/)", message.body).group(1)


def sign_up(client, lang, email, password, on_commit, first_name="Noor", last_name="Smit"):
    with on_commit(execute=True):
        return client.post(
            f"/{lang}/accounts/signup/",
            {
                "first_name": first_name,
                "last_name": last_name,
                "email": email,
                "password1": password,
                "password2": password,
            },
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
        assert response.status_code == 400
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
    assert bad.status_code == 400
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


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_three_sign_ups_in_a_row_each_get_an_account(
    client, homes, mailoutbox, django_capture_on_commit_callbacks, lang
):
    for n in range(3):
        client.logout()
        response = sign_up(
            client,
            lang,
            f"persoon{n}@example.org",
            "lang-genoeg-wachtwoord",
            django_capture_on_commit_callbacks,
            first_name=f"Persoon{n}",
        )
        assert response.status_code == 302
        assert response["Location"] == f"/{lang}/accounts/confirm-email/"
    users = User.objects.filter(email__startswith="persoon").order_by("email")
    assert [u.get_full_name() for u in users] == ["Persoon0 Smit", "Persoon1 Smit", "Persoon2 Smit"]
    assert len({u.username for u in users}) == 3
    assert len(mailoutbox) == 3


def test_sign_up_asks_the_name_first_and_requires_it(client, homes):
    page = client.get("/nl/accounts/signup/").text
    assert (
        page.index('name="first_name"')
        < page.index('name="last_name"')
        < page.index('name="email"')
    )
    response = client.post(
        "/nl/accounts/signup/",
        {
            "first_name": " ",
            "last_name": "",
            "email": "zonder.naam@example.org",
            "password1": "lang-genoeg-wachtwoord",
            "password2": "lang-genoeg-wachtwoord",
        },
    )
    assert response.status_code == 400
    assert "Dit is een verplicht veld." in response.text
    assert not User.objects.filter(email="zonder.naam@example.org").exists()


def test_account_mails_speak_in_the_organisations_name(
    client, homes, mailoutbox, django_capture_on_commit_callbacks
):
    from lms.models import SiteSettings

    site_settings = SiteSettings.for_site(homes["nl"].get_site())
    site_settings.organisation_name = "Expertisecentrum Seksualiteit, Sekswerk en Mensenhandel"
    site_settings.save()
    sign_up(
        client,
        "nl",
        "groet@example.org",
        "lang-genoeg-wachtwoord",
        django_capture_on_commit_callbacks,
    )
    body = mailoutbox[0].body
    assert "Hallo van Expertisecentrum Seksualiteit, Sekswerk en Mensenhandel!" in body
    assert "van !" not in body


def test_password_errors_are_dutch_on_dutch_pages(client, homes):
    response = client.post(
        "/nl/accounts/signup/",
        {
            "first_name": "Noor",
            "last_name": "Smit",
            "email": "kort@example.org",
            "password1": "kort",
            "password2": "kort",
        },
    )
    assert response.status_code == 400
    assert "Je wachtwoord is te kort: gebruik minstens 10 tekens." in response.text
    assert "This password" not in response.text


def test_a_user_changes_their_details_on_the_profile_page(client, homes):
    from lms.models import Municipality

    user = UserFactory()
    client.force_login(user)
    assert client.get("/nl/my/profile/").status_code == 200
    schiedam = Municipality.objects.get(name="Schiedam")
    response = client.post(
        "/nl/my/profile/",
        {
            "first_name": "Sanne",
            "last_name": "de Vries",
            "language": "en",
            "organisation": "Wijkteam Noord",
            "profession": "social_worker",
            "municipality": schiedam.pk,
        },
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert (user.get_full_name(), user.language, user.organisation, user.municipality) == (
        "Sanne de Vries",
        "en",
        "Wijkteam Noord",
        schiedam,
    )


def test_the_profile_refuses_an_empty_name_with_400(client, homes):
    user = UserFactory()
    client.force_login(user)
    response = client.post("/nl/my/profile/", {"first_name": "", "last_name": "", "language": "nl"})
    assert response.status_code == 400
    assert "Dit is een verplicht veld." in response.text
    user.refresh_from_db()
    assert user.get_full_name() == "Noor Smit"


def test_the_police_region_municipalities_are_there_with_rotterdam():
    from lms.models import Municipality

    names = list(Municipality.objects.values_list("name", flat=True))
    assert len(names) == 13
    assert "Rotterdam" in names
