"""Downloading one's own data from /my/ as a JSON file."""

import json

import pytest
from allauth.account.models import EmailAddress

from bookings.models import InCompanyRequest
from privacy import export
from tests.factories import UserFactory

from .conftest import EMAIL, FIRST_NAME, LAST_NAME, WORK_EMAIL

pytestmark = pytest.mark.django_db

URL = "/en/my/data/download/"


@pytest.fixture
def download(logged_in):
    response = logged_in.get(URL)
    assert response.status_code == 200
    return response


@pytest.fixture
def data(download):
    return json.loads(download.content)


def test_it_is_a_private_attachment(download):
    assert download["Content-Type"] == "application/json; charset=utf-8"
    assert download["Cache-Control"] == "private, no-store"
    disposition = download["Content-Disposition"]
    assert disposition.startswith('attachment; filename="my-data-')
    assert disposition.endswith('.json"')


def test_the_account_and_its_addresses(data):
    account = data["account"]
    assert (account["first_name"], account["last_name"], account["email"]) == (
        FIRST_NAME,
        LAST_NAME,
        EMAIL,
    )
    assert (account["organisation"], account["municipality"]) == (
        "Wijkteam Zwanenburg",
        "Rotterdam",
    )
    assert account["profession"] == "Social worker"
    assert account["roles"] == ["Learners", "School contacts", "Trainers"]
    assert data["email_addresses"] == [
        {"email": EMAIL, "verified": True, "primary": True},
        {"email": WORK_EMAIL, "verified": True, "primary": False},
    ]
    # The kind of second factor, never its secret.
    assert [a["type"] for a in data["two_factor_authentication"]] == ["totp"]
    assert "secret" not in json.dumps(data["two_factor_authentication"])


def test_learning_with_lessons_and_quiz_answers(data):
    completed, begun = data["enrolments"]
    assert completed["course"] == "Signalen herkennen"
    assert completed["completed_at"] is not None
    assert [lesson["lesson"] for lesson in completed["lessons_done"]] == ["Wat is mensenhandel"]
    assert (begun["course"], begun["completed_at"], begun["lessons_done"]) == (
        "Mensenhandel",
        None,
        [],
    )
    (attempt,) = data["quiz_attempts"]
    assert (attempt["quiz"], attempt["attempt"], attempt["score_percent"]) == ("Toets", 1, 0.0)
    assert attempt["answers"] == [
        {"question": "Wie schrijft deze toets?", "your_answer": f"{FIRST_NAME} {LAST_NAME}"}
    ]
    # Only her own answer: the accepted answer stays with the quiz.
    assert "Iemand" not in json.dumps(data)


def test_bookings_and_places_for_colleagues(data):
    (booking,) = data["bookings"]
    assert booking["training"] == "Training jeugdprostitutie"
    assert (booking["status"], booking["tariff"], booking["price_eur"]) == (
        "Confirmed",
        "Reduced (municipality with an agreement)",
        "45.00",
    )
    assert (booking["dietary_needs"], booking["access_needs"]) == (
        "Vegetarisch (Fenna)",
        "Rolstoel",
    )
    assert [mark["status"] for mark in booking["attendance"]] == ["Present"]
    (group,) = data["group_bookings"]
    assert (group["organisation"], group["invoice_reference"]) == (
        "Wijkteam Zwanenburg",
        "Fenna / groep",
    )
    assert [place["status"] for place in group["places"]] == ["Confirmed"]


def test_requests_as_a_school_and_an_organisation_contact(data):
    school = [r for r in data["school_requests"] if r["status"] == "Evaluated"]
    assert len(school) == 1
    assert school[0]["contact_email"] == EMAIL
    assert school[0]["notes"] == "Bel Fenna op dinsdag."
    assert school[0]["classes"] == [{"class": "3B", "group_size": 27}]
    assert school[0]["evaluation"]["comments"] == "Fenna vond het een sterke les."
    # The unconfirmed one under her work address is hers too.
    assert sorted(r["status"] for r in data["school_requests"]) == [
        "E-mail not yet confirmed",
        "Evaluated",
    ]
    assert sorted(r["questions"] for r in data["in_company_requests"]) == [
        "",
        "Mail Fenna de offerte.",
    ]


def test_trainer_data_without_the_feed_token(fenna, data):
    trainer = data["trainer"]
    assert trainer["qualifications"] == ["Prevention lesson"]
    assert trainer["calendar_feed_on"] is True
    assert len(trainer["sessions"]) == 1
    assert len(trainer["days_off"]) == 1
    assert fenna.user.trainer.feed_token not in json.dumps(data)


def test_certificates(fenna, data):
    codes = {c["code"]: c for c in data["certificates"]}
    assert set(codes) == {fenna.certificate.code, fenna.pending_certificate.code}
    made = codes[fenna.certificate.code]
    assert (made["name_on_certificate"], made["title"], made["status"]) == (
        f"{FIRST_NAME} {LAST_NAME}",
        "Signalen herkennen",
        "Ready",
    )


def test_someone_else_gets_only_their_own(client, fenna):
    other = UserFactory(email="ander@example.org")
    # An address of hers, added to another account but never confirmed.
    EmailAddress.objects.create(user=other, email=WORK_EMAIL.lower(), verified=False)
    client.force_login(other)

    data = json.loads(client.get(URL).content)

    assert data["account"]["email"] == "ander@example.org"
    for section in (
        "enrolments",
        "quiz_attempts",
        "bookings",
        "group_bookings",
        "school_requests",
        "in_company_requests",
        "certificates",
    ):
        assert data[section] == [], section
    assert data["trainer"] is None
    assert InCompanyRequest.objects.filter(contact_email__iexact=WORK_EMAIL).exists()


def test_it_needs_a_log_in(client, db, homes):
    response = client.get(URL)

    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/")


def test_only_get(logged_in):
    assert logged_in.post(URL).status_code == 405


@pytest.mark.parametrize(
    ("block_type", "value", "answer", "shown"),
    [
        ("single_choice", {"options": [{"text": "Ja"}, {"text": "Nee"}]}, 1, "Nee"),
        ("multiple_response", {"options": [{"text": "A"}, {"text": "B"}]}, [0, 1], ["A", "B"]),
        (
            "matching",
            {"pairs": [{"left": "B8", "right": "verblijf"}], "distractors": ["boete"]},
            [1],
            ["B8 → boete"],
        ),
        ("ordering", {"items": ["eerst", "dan", "laatst"]}, [3, 1, 2], ["dan", "laatst", "eerst"]),
        ("true_false", {}, False, False),
        ("short_answer", {}, "CoMensha", "CoMensha"),
        ("single_choice", {"options": [{"text": "Ja"}]}, None, None),
    ],
)
def test_answers_read_in_the_words_the_person_saw(block_type, value, answer, shown):
    assert export.answer_text(block_type, value, answer) == shown
