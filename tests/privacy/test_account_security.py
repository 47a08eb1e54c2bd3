"""Changing the password ends every other session; changing e-mail addresses
and the password asks for the password."""

import pytest
from allauth.account.models import EmailAddress
from django.test import Client

from lms.models import User
from tests.factories import UserFactory

from .conftest import PASSWORD

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "een-nieuw-lang-wachtwoord"
CHANGE = "/en/accounts/password/change/"
EMAILS = "/en/accounts/email/"
REAUTHENTICATE = "/en/accounts/reauthenticate/"


@pytest.fixture
def user(homes):
    return UserFactory(email="noor@example.org")


def logged_in_client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_a_password_change_logs_out_every_other_session(user):
    here, elsewhere = logged_in_client(user), logged_in_client(user)
    assert elsewhere.get("/en/my/").status_code == 200

    response = here.post(
        CHANGE, {"oldpassword": PASSWORD, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD}
    )

    assert response.status_code == 302
    # The browser that changed it stays logged in; the other one is sent to log in.
    assert here.get("/en/my/").status_code == 200
    away = elsewhere.get("/en/my/")
    assert away.status_code == 302
    assert away["Location"].startswith("/en/accounts/login/")
    assert User.objects.get(pk=user.pk).check_password(NEW_PASSWORD)


def test_a_password_change_asks_the_current_password(user):
    here, elsewhere = logged_in_client(user), logged_in_client(user)

    response = here.post(
        CHANGE, {"oldpassword": "not-it", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD}
    )

    assert response.status_code == 400
    assert "Please type your current password." in response.text
    assert User.objects.get(pk=user.pk).check_password(PASSWORD)
    assert elsewhere.get("/en/my/").status_code == 200


def test_a_password_reset_logs_out_every_session(
    user, mailoutbox, django_capture_on_commit_callbacks
):
    elsewhere = logged_in_client(user)
    visitor = Client()
    with django_capture_on_commit_callbacks(execute=True):
        visitor.post("/en/accounts/password/reset/", {"email": user.email})
    link = next(
        word for word in mailoutbox[-1].body.split() if "/accounts/password/reset/key/" in word
    )
    form_url = visitor.get(link.removeprefix("http://testserver"))["Location"]
    visitor.post(form_url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})

    assert User.objects.get(pk=user.pk).check_password(NEW_PASSWORD)
    assert elsewhere.get("/en/my/").status_code == 302


def test_adding_an_address_asks_for_the_password_first(user, django_capture_on_commit_callbacks):
    client = logged_in_client(user)

    response = client.post(EMAILS, {"email": "noor@werk.example", "action_add": ""})

    assert response.status_code == 302
    assert response["Location"] == f"{REAUTHENTICATE}?next=%2Fen%2Faccounts%2Femail%2F"
    assert not EmailAddress.objects.filter(email="noor@werk.example").exists()

    wrong = client.post(response["Location"], {"password": "not-it"})
    assert wrong.status_code == 400
    assert not EmailAddress.objects.filter(email="noor@werk.example").exists()

    with django_capture_on_commit_callbacks(execute=True):
        client.post(response["Location"], {"password": PASSWORD})
    added = EmailAddress.objects.get(email="noor@werk.example")
    assert (added.user_id, added.verified, added.primary) == (user.pk, False, False)


def test_choosing_another_primary_address_asks_for_the_password(user):
    EmailAddress.objects.create(user=user, email="noor@werk.example", verified=True)
    client = logged_in_client(user)

    response = client.post(EMAILS, {"email": "noor@werk.example", "action_primary": ""})

    assert response.status_code == 302
    assert response["Location"].startswith(REAUTHENTICATE)
    assert User.objects.get(pk=user.pk).email == "noor@example.org"

    client.post(response["Location"], {"password": PASSWORD})
    assert User.objects.get(pk=user.pk).email == "noor@werk.example"


def test_removing_an_address_asks_for_the_password(user):
    EmailAddress.objects.create(user=user, email="noor@werk.example", verified=True)
    client = logged_in_client(user)

    response = client.post(EMAILS, {"email": "noor@werk.example", "action_remove": ""})

    assert response["Location"].startswith(REAUTHENTICATE)
    assert EmailAddress.objects.filter(email="noor@werk.example").exists()
