"""Holes a black-box probe found: every way into the admin needs a session that
passed the second factor, every password form is throttled, and every page
carries the security headers."""

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.test import override_settings
from wagtail.models import PageViewRestriction

from lms import roles
from tests.factories import UserFactory
from tests.lms.test_accounts import PASSWORD, current_code

pytestmark = pytest.mark.django_db

ADMIN_URLS = [
    "/admin/",
    "/admin/users/",
    "/admin/pages/",
    "/admin/api/main/pages/",
    "/admin/certificates/",
    "/admin/snippets/",
]

# Each log-in URL, and where an admin URL leads after a correct password there:
# allauth's own log-in waits for the code; the others only redirect to it, so
# no one is logged in and the admin asks for a log-in.
LOG_IN_URLS = [
    ("/nl/accounts/login/", "/nl/accounts/2fa/authenticate/"),
    ("/en/accounts/login/", "/nl/accounts/2fa/authenticate/"),
    ("/nl/_util/login/", "/nl/accounts/login/?next="),
    ("/en/_util/login/", "/nl/accounts/login/?next="),
    ("/admin/login/", "/nl/accounts/login/?next="),
]


@pytest.fixture
def coordinator_with_device():
    coordinator = UserFactory(roles=[roles.COORDINATORS])
    secret = generate_totp_secret()
    TOTP.activate(coordinator, secret)
    return coordinator, secret


@pytest.mark.parametrize("login_url,lands_on", LOG_IN_URLS)
def test_a_password_alone_opens_no_admin_url(
    client, homes, coordinator_with_device, login_url, lands_on
):
    coordinator, _secret = coordinator_with_device
    client.post(
        f"{login_url}?next=/admin/",
        {"login": coordinator.email, "username": coordinator.email, "password": PASSWORD},
    )
    for url in ADMIN_URLS:
        response = client.get(url, follow=True)
        final_url, _status = response.redirect_chain[-1]
        assert final_url.startswith(lands_on), url
        assert response.status_code == 200, url


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_wagtails_own_log_in_form_is_allauths(client, homes, lang):
    response = client.get(f"/{lang}/_util/login/?next=/admin/")
    assert response.status_code == 302
    assert response["Location"] == f"/{lang}/accounts/login/?next=/admin/"


def test_an_unverified_account_cannot_log_in_through_wagtails_form(client, homes):
    user = UserFactory(roles=[roles.LEARNERS])
    user.emailaddress_set.update(verified=False)
    client.post("/nl/_util/login/", {"username": user.email, "password": PASSWORD})
    assert client.get("/nl/my/").status_code == 302


def test_a_session_that_skipped_the_second_factor_is_asked_for_a_code(
    client, homes, coordinator_with_device
):
    coordinator, secret = coordinator_with_device
    client.force_login(coordinator)  # a log-in that did not go through allauth
    for url in ADMIN_URLS:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/nl/accounts/2fa/reauthenticate/?next="), url

    response = client.post(
        "/nl/accounts/2fa/reauthenticate/?next=/admin/users/", {"code": current_code(secret)}
    )
    assert response.status_code == 302
    assert response["Location"] == "/admin/users/"
    assert client.get("/admin/users/").status_code == 200
    assert client.get("/admin/api/main/pages/").status_code == 200


def test_staff_without_a_device_are_sent_to_set_one_up(client, homes):
    client.force_login(UserFactory(roles=[roles.EDITORS]))
    response = client.get("/admin/api/main/pages/")
    assert response.status_code == 302
    assert response["Location"] == "/nl/accounts/2fa/totp/activate/"


@pytest.mark.parametrize("role", [roles.LEARNERS, roles.SCHOOL_CONTACTS, roles.TRAINERS])
def test_a_user_without_admin_rights_gets_a_no_access_page(client, homes, role):
    client.force_login(UserFactory(roles=[role]))
    response = client.get("/admin/")
    assert response.status_code == 403
    assert "Geen toegang tot de beheeromgeving" in response.text
    assert 'href="/nl/my/"' in response.text


def test_six_wrong_codes_at_the_second_factor_give_429(client, homes, coordinator_with_device):
    coordinator, _secret = coordinator_with_device
    client.post("/nl/accounts/login/", {"login": coordinator.email, "password": PASSWORD})
    statuses = [
        client.post("/nl/accounts/2fa/authenticate/", {"code": "000000"}).status_code
        for _ in range(6)
    ]
    assert statuses == [400, 400, 400, 400, 400, 429]


def test_six_wrong_codes_when_asked_again_give_429(client, homes, coordinator_with_device):
    coordinator, _secret = coordinator_with_device
    client.force_login(coordinator)
    statuses = [
        client.post("/nl/accounts/2fa/reauthenticate/", {"code": "000000"}).status_code
        for _ in range(6)
    ]
    assert statuses == [400, 400, 400, 400, 400, 429]


def test_six_wrong_passwords_when_asked_again_give_429(client, homes):
    client.force_login(UserFactory())
    statuses = [
        client.post("/nl/accounts/reauthenticate/", {"password": "wrong"}).status_code
        for _ in range(6)
    ]
    assert statuses == [400, 400, 400, 400, 400, 429]


def test_six_wrong_passwords_for_a_private_page_give_429(client, homes):
    restriction = PageViewRestriction.objects.create(
        page=homes["nl"], restriction_type=PageViewRestriction.PASSWORD, password="geheim-123"
    )
    url = f"/nl/_util/authenticate_with_password/{restriction.pk}/{homes['nl'].pk}/"
    statuses = [
        client.post(url, {"password": "wrong", "return_url": "/nl/"}).status_code for _ in range(6)
    ]
    assert statuses == [400, 400, 400, 400, 400, 429]


@override_settings(ALLAUTH_TRUSTED_PROXY_COUNT=1)
def test_behind_a_proxy_each_visitor_has_their_own_log_in_limit(client, homes):
    for n in range(10):
        client.post(
            "/nl/accounts/login/",
            {"login": f"someone{n}@example.org", "password": "wrong"},
            HTTP_X_FORWARDED_FOR="203.0.113.7",
        )
    blocked = client.post(
        "/nl/accounts/login/",
        {"login": "someone@example.org", "password": "wrong"},
        HTTP_X_FORWARDED_FOR="203.0.113.7",
    )
    other_visitor = client.post(
        "/nl/accounts/login/",
        {"login": "someone@example.org", "password": "wrong"},
        HTTP_X_FORWARDED_FOR="198.51.100.20",
    )
    assert blocked.status_code == 429
    assert other_visitor.status_code == 400  # the wrong password, not the throttle


@override_settings(ALLAUTH_TRUSTED_PROXY_COUNT=1)
def test_behind_a_proxy_each_visitor_has_their_own_verification_limit(client, homes):
    statuses = [
        client.get(
            "/nl/certificates/verify/AAAA-BBBB-CCCC-DD/", HTTP_X_FORWARDED_FOR="203.0.113.7"
        ).status_code
        for _ in range(31)
    ]
    other_visitor = client.get(
        "/nl/certificates/verify/AAAA-BBBB-CCCC-DD/", HTTP_X_FORWARDED_FOR="198.51.100.20"
    )
    assert statuses[-1] == 429
    assert other_visitor.status_code == 404


def _policy(header: str) -> dict[str, list[str]]:
    directives = {}
    for part in header.split(";"):
        name, *values = part.split()
        directives[name] = values
    return directives


def test_public_pages_carry_a_strict_content_security_policy(client, homes):
    response = client.get("/nl/")
    policy = _policy(response["Content-Security-Policy"])
    assert policy["default-src"] == ["'none'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'self'"]
    assert policy["form-action"] == ["'self'"]
    assert "https://www.youtube-nocookie.com" in policy["frame-src"]


def test_public_pages_carry_the_other_security_headers(client, homes):
    response = client.get("/nl/")
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "SAMEORIGIN"


def test_public_pages_have_no_inline_script_or_style(client, homes):
    text = client.get("/nl/").text
    assert "<script>" not in text
    assert "style=" not in text


def test_the_admin_has_its_own_policy_as_strict_as_it_allows(
    client, homes, coordinator_with_device
):
    coordinator, secret = coordinator_with_device
    client.post("/nl/accounts/login/", {"login": coordinator.email, "password": PASSWORD})
    client.post("/nl/accounts/2fa/authenticate/", {"code": current_code(secret)})
    response = client.get("/admin/")
    assert response.status_code == 200
    policy = _policy(response["Content-Security-Policy"])
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'self'"]
    assert policy["form-action"] == ["'self'"]
    assert "'unsafe-eval'" not in policy["script-src"]
    # Staff avatars are not fetched from gravatar.com.
    assert "gravatar.com" not in response.text


@override_settings(DEBUG=False)
def test_the_404_page_never_links_to_another_site(client, homes):
    # The test client would read "//evil.example/x" as a host; a real server
    # passes it on as the path.
    response = client.get("/x", PATH_INFO="//evil.example/x")
    assert response.status_code == 404
    assert "evil.example" not in response.text
    assert 'href="/en/"' in response.text
