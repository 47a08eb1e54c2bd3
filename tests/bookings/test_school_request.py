"""The public request form for prevention lessons: four steps kept in the
session and checked on the server, a summary, the honeypot and the rate
limit, and confirming the address by link."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils.translation import gettext, override

from bookings.forms_schools import requestable_school_years
from bookings.models import School, SchoolLessonRequest
from lms import roles
from tests.factories import UserFactory

from .school_factories import SchoolFactory, link_in

Status = SchoolLessonRequest.Status


def url(name="school_request", *args, language="en"):
    with override(language):
        return reverse(f"bookings:{name}", args=args)


@pytest.fixture
def coordinator_user(db):
    return UserFactory(email="coordinator@example.org", roles=[roles.COORDINATORS])


def steps(rotterdam, changes: dict | None = None):
    """What a school fills in, step by step (fictional school)."""
    data = {
        1: {
            "name": "Demo College Noord",
            "brin": "",
            "address": "Voorbeeldstraat 12",
            "postcode": "3011ab",
            "city": "Rotterdam",
            "municipality": str(rotterdam.pk),
            "location_kind": "secondary",
        },
        2: {
            "contact_name": "Sanne Jansen",
            "contact_role": "Zorgcoördinator",
            "contact_email": "sanne@example.org",
            "contact_phone": "010 000 00 00",
        },
        3: {
            "level": "havo",
            "school_year": requestable_school_years()[0],
            "classes-TOTAL_FORMS": "3",
            "classes-INITIAL_FORMS": "0",
            "classes-0-label": "2B",
            "classes-0-group_size": "25",
            "classes-1-label": "",
            "classes-1-group_size": "28",
            "classes-2-label": "",
            "classes-2-group_size": "",
        },
        4: {
            "preferred_weeks": "6, 7, 10-12",
            "day_parts": ["morning", "afternoon"],
            "topics": ["sexting", "boundaries"],
            "notes": "",
        },
    }
    for step, fields in (changes or {}).items():
        data[step] = {**data[step], **fields}
    return data


def fill_in(client, data, *, language="en", until=4):
    response = None
    for step in range(1, until + 1):
        response = client.post(url(language=language), {"step": step, **data[step]})
        assert response.status_code == 302, response.content.decode()[:2000]
    return response


def send(client, rotterdam, changes: dict | None = None, *, language="en"):
    fill_in(client, steps(rotterdam, changes), language=language)
    return client.post(url(language=language), {"step": 5})


# --- The steps ---------------------------------------------------------------------


def test_each_step_leads_to_the_next(client, rotterdam):
    data = steps(rotterdam)
    for step in (1, 2, 3, 4):
        response = client.post(url(), {"step": step, **data[step]})
        assert response["Location"] == f"{url()}?step={step + 1}"


def test_a_visitor_sees_the_contact_fields_on_step_two(client, rotterdam):
    client.post(url(), {"step": 1, **steps(rotterdam)[1]})
    page = client.get(url(), {"step": 2}).content.decode()
    assert 'name="contact_email"' in page
    assert 'name="postcode"' not in page


def test_day_parts_and_topics_are_checkboxes_so_a_school_can_choose_several(client, rotterdam):
    fill_in(client, steps(rotterdam), until=3)
    page = client.get(url(), {"step": 4}).content.decode()
    assert 'type="checkbox" name="day_parts"' in page
    assert 'type="checkbox" name="topics"' in page
    assert 'type="radio" name="day_parts"' not in page


def test_the_summary_shows_every_answer_before_sending(client, rotterdam):
    fill_in(client, steps(rotterdam))
    page = client.get(url(), {"step": 5}).content.decode()
    for text in (
        "Check your request",
        "Demo College Noord",
        "Voorbeeldstraat 12, 3011 AB Rotterdam",
        "Sanne Jansen",
        "2B: 25 pupils",
        "28 pupils",
        "6-7, 10-12",
        "Morning, Afternoon",
        "Sexting",
    ):
        assert text in page
    assert SchoolLessonRequest.objects.count() == 0


def test_a_change_from_the_summary_returns_to_the_summary(client, rotterdam):
    data = steps(rotterdam)
    fill_in(client, data)
    response = client.post(url(), {"step": 1, **data[1], "name": "Demo College Zuid"})
    assert response["Location"] == f"{url()}?step=5"
    assert "Demo College Zuid" in client.get(response["Location"]).content.decode()


def test_a_step_cannot_be_skipped(client, rotterdam):
    assert "Step 1 of 5" in client.get(url(), {"step": 4}).content.decode()
    response = client.post(url(), {"step": 3, **steps(rotterdam)[3]})
    assert response["Location"] == f"{url()}?step=1"


def test_going_back_shows_what_was_filled_in(client, rotterdam):
    fill_in(client, steps(rotterdam), until=2)
    page = client.get(url(), {"step": 1}).content.decode()
    assert 'value="Demo College Noord"' in page


def test_add_a_class_gives_one_more_row_without_errors(client, rotterdam):
    fill_in(client, steps(rotterdam), until=2)
    response = client.post(url(), {"step": 3, "action": "add_class", **steps(rotterdam)[3]})
    page = response.content.decode()
    assert response.status_code == 200
    assert 'name="classes-3-group_size"' in page
    assert 'value="2B"' in page
    assert "Please correct the following" not in page


@pytest.mark.parametrize(
    ("step", "fields", "message"),
    [
        (1, {"postcode": "30111"}, "Enter a postcode such as 3011 AB."),
        (1, {"brin": "ABCD"}, "A BRIN code is two digits and two letters"),
        (1, {"municipality": "999999"}, "Choose a municipality from the list."),
        (2, {"contact_email": "not-an-address"}, "Enter a valid email address."),
        (2, {"contact_phone": "call me"}, "Enter a phone number such as 010 123 45 67."),
        (3, {"classes-0-group_size": "41"}, "Ensure this value is less than or equal to 40."),
        (3, {"school_year": "2019-2020"}, "Choose this school year or the next one."),
        (
            3,
            {"classes-0-label": "", "classes-0-group_size": "", "classes-1-group_size": ""},
            "Add at least one class with its group size.",
        ),
        (3, {"classes-TOTAL_FORMS": "25"}, "A request is for at most 20 classes."),
        (4, {"preferred_weeks": "60"}, "Week 60 does not exist in school year"),
        (4, {"preferred_weeks": "soon"}, "Write week numbers such as 6, 7, 10"),
        (4, {"preferred_weeks": "12-10"}, "A range of weeks goes from low to high"),
        (4, {"day_parts": []}, "Choose at least one day-part."),
        (4, {"topics": ["knitting"]}, "Select a valid choice."),
    ],
)
def test_bad_input_is_refused_with_a_message_and_nothing_is_written(
    client, rotterdam, step, fields, message
):
    data = steps(rotterdam, {step: fields})
    fill_in(client, data, until=step - 1)
    response = client.post(url(), {"step": step, **data[step]})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert f"Step {step} of 5" in response.content.decode()
    assert SchoolLessonRequest.objects.count() == 0


def test_the_weeks_are_kept_in_the_order_of_the_school_year(client, rotterdam, db):
    send(client, rotterdam, {4: {"preferred_weeks": "week 6 en 45, 44"}})
    assert SchoolLessonRequest.objects.get().preferred_weeks == [44, 45, 6]


# --- Sending and confirming ---------------------------------------------------------


def test_sending_records_an_unconfirmed_request_and_mails_the_link(
    client, rotterdam, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = send(client, rotterdam)
    assert response["Location"] == url("school_request_sent")
    request = SchoolLessonRequest.objects.get()
    assert (request.status, request.language, request.school.name, request.school.postcode) == (
        Status.UNCONFIRMED,
        "en",
        "Demo College Noord",
        "3011 AB",
    )
    assert list(request.classes.values_list("label", "group_size")) == [("2B", 25), ("", 28)]
    assert request.preferred_weeks == [6, 7, 10, 11, 12]
    (message,) = mail.outbox
    assert message.to == ["sanne@example.org"]
    assert message.subject == "Please confirm your request for prevention lessons"
    assert link_in(message, "/confirm/") == url("school_confirm", request.confirm_token)


def test_after_sending_the_form_starts_empty(client, rotterdam):
    send(client, rotterdam)
    assert 'value="Demo College Noord"' not in client.get(url()).content.decode()


def test_confirming_queues_the_request_and_tells_school_and_coordinators_once(
    client, rotterdam, coordinator_user, django_capture_on_commit_callbacks
):
    send(client, rotterdam)
    request = SchoolLessonRequest.objects.get()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        first = client.get(url("school_confirm", request.confirm_token))
    assert first.status_code == 200
    assert "is confirmed" in first.content.decode()
    request.refresh_from_db()
    assert request.status == Status.REQUESTED and request.confirmed_at is not None
    assert sorted((m.to[0], m.subject) for m in mail.outbox) == [
        # The coordinator reads Dutch; the school asked in English.
        ("coordinator@example.org", "Nieuwe aanvraag voor preventielessen van Demo College Noord"),
        ("sanne@example.org", "We have received your request for prevention lessons"),
    ]
    with django_capture_on_commit_callbacks(execute=True):
        second = client.get(url("school_confirm", request.confirm_token))
    assert second.status_code == 200
    assert "You had already confirmed this request" in second.content.decode()
    assert len(mail.outbox) == 2


def test_an_unknown_confirmation_link_is_not_found(client, db):
    assert client.get(url("school_confirm", "no-such-token")).status_code == 404


# --- Spam -----------------------------------------------------------------------------


def test_a_filled_honeypot_is_refused_on_a_step(client, rotterdam):
    data = steps(rotterdam)
    response = client.post(url(), {"step": 1, "website": "http://spam.example", **data[1]})
    assert response.status_code == 400
    assert "Your request could not be sent." in response.content.decode()
    assert "Step 2 of 5" not in client.get(url(), {"step": 2}).content.decode()


def test_a_filled_honeypot_on_sending_saves_nothing(client, rotterdam):
    fill_in(client, steps(rotterdam))
    response = client.post(url(), {"step": 5, "website": "spam"})
    assert response.status_code == 400
    assert (SchoolLessonRequest.objects.count(), School.objects.count(), len(mail.outbox)) == (
        0,
        0,
        0,
    )


def test_the_honeypot_is_hidden_from_people_and_screen_readers(client, db):
    page = client.get(url()).content.decode()
    assert '<div hidden aria-hidden="true">' in page
    assert 'name="website" id="id_website" value="" tabindex="-1" autocomplete="off"' in page


def test_sending_is_rate_limited_per_client(client, rotterdam):
    for _ in range(5):
        assert send(client, rotterdam).status_code == 302
    response = send(client, rotterdam)
    assert response.status_code == 429
    assert SchoolLessonRequest.objects.count() == 5


# --- Schools, accounts and languages ---------------------------------------------------------


def test_a_school_with_the_same_brin_is_reused(client, rotterdam):
    school = SchoolFactory(name="Demo College (hoofdgebouw)", brin="12AB")
    send(client, rotterdam, {1: {"brin": "12 ab"}})
    assert SchoolLessonRequest.objects.get().school == school
    assert School.objects.count() == 1


def test_a_school_with_the_same_name_and_postcode_is_reused(client, rotterdam):
    school = SchoolFactory(name="Demo College Noord", postcode="3011 AB")
    send(client, rotterdam)
    assert SchoolLessonRequest.objects.get().school == school


def test_a_logged_in_school_contact_finds_their_details_and_the_request_linked(
    client, rotterdam, django_capture_on_commit_callbacks
):
    user = UserFactory(
        first_name="Sanne",
        last_name="Jansen",
        email="sanne@example.org",
        roles=[roles.SCHOOL_CONTACTS],
    )
    client.force_login(user)
    fill_in(client, steps(rotterdam), until=1)
    page = client.get(url(), {"step": 2}).content.decode()
    assert 'value="Sanne Jansen"' in page and 'value="sanne@example.org"' in page
    send(client, rotterdam)
    request = SchoolLessonRequest.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        client.get(url("school_confirm", request.confirm_token))
    request.refresh_from_db()
    assert request.contact_user == user
    assert list(request.school.contacts.all()) == [user]


def test_confirming_does_not_make_someone_a_contact_of_a_school_that_has_contacts(
    client, rotterdam
):
    school = SchoolFactory(brin="12AB")
    owner = UserFactory(email="owner@example.org")
    school.contacts.add(owner)
    client.force_login(UserFactory(email="someone@example.org"))
    send(client, rotterdam, {1: {"brin": "12AB"}})
    request = SchoolLessonRequest.objects.get()
    client.get(url("school_confirm", request.confirm_token))
    assert list(school.contacts.all()) == [owner]


def test_a_request_in_dutch_is_mailed_in_dutch(
    client, rotterdam, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        send(client, rotterdam, language="nl")
    request = SchoolLessonRequest.objects.get()
    assert request.language == "nl"
    (message,) = mail.outbox
    assert link_in(message, request.confirm_token) == url(
        "school_confirm", request.confirm_token, language="nl"
    )
    with override("nl"):
        assert message.subject == gettext("Please confirm your request for prevention lessons")


def test_the_form_answers_at_its_translated_addresses(client, db):
    assert client.get("/en/schools/request/").status_code == 200
    assert client.get("/nl/scholen/aanvragen/").status_code == 200


def test_the_notes_field_says_never_to_write_pupils_names(client, rotterdam):
    fill_in(client, steps(rotterdam), until=3)
    page = client.get(url(), {"step": 4}).content.decode()
    assert "Never write pupils' names or anything else about individual pupils." in page
