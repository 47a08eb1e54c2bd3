"""Group bookings: a contact holds places for named colleagues, each claims
theirs with a personal link, and places not claimed in time go back."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import override
from icalendar import Calendar

from bookings import beat, groups, services
from bookings.models import GroupBooking, Registration
from lms.errors import Refused
from tests.factories import UserFactory
from tests.workshops.factories import TrainingDayFactory
from workshops.choices import DayKind, DayStatus

Status = Registration.Status


@pytest.fixture
def group_day(training_course):
    return TrainingDayFactory(course=training_course, capacity=3)


@pytest.fixture
def contact(db):
    return UserFactory(email="contact@example.org", first_name="Sanne")


def group_url(day, language="en"):
    with override(language):
        return reverse("bookings:book_group", kwargs={"key": day.key})


def claim_url(token, language="en"):
    with override(language):
        return reverse("bookings:claim", args=[token])


def hold(day, contact, emails, **kwargs):
    kwargs.setdefault("organisation", "Wijkteam Noord")
    return groups.book_group(day, contact, emails=emails, **kwargs)


def claim_links(outbox) -> dict[str, str]:
    return {
        m.to[0]: re.search(r"http://testserver(/\S+/claim/\S+/)", m.body).group(1)
        for m in outbox
        if "/claim/" in m.body
    }


# --- Booking for colleagues ------------------------------------------------------


def test_a_contact_holds_places_and_each_colleague_gets_a_claim_link(
    client, group_day, contact, django_capture_on_commit_callbacks
):
    client.force_login(contact)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            group_url(group_day),
            {
                "emails": "Ali@Example.org\n\nbo@example.org\n",
                "organisation": "Wijkteam Noord",
                "invoice_reference": "PO-123",
            },
        )
    assert response.status_code == 302
    places = Registration.objects.filter(training_day=group_day).order_by("invited_email")
    assert [(p.invited_email, p.status, p.invoice_reference) for p in places] == [
        ("ali@example.org", Status.RESERVED, "PO-123"),
        ("bo@example.org", Status.RESERVED, "PO-123"),
    ]
    assert sorted(claim_links(mail.outbox)) == ["ali@example.org", "bo@example.org"]
    assert [m.to for m in mail.outbox if "/claim/" not in m.body] == [["contact@example.org"]]
    assert services.seats(group_day).left == 1


def test_held_places_fill_the_day(group_day, contact):
    hold(group_day, contact, ["a@example.org", "b@example.org", "c@example.org"])
    group_day.refresh_from_db()
    assert group_day.status == DayStatus.FULL


def test_more_colleagues_than_seats_left_is_refused_with_the_seats_left(client, group_day, contact):
    services.book_place(group_day, UserFactory(), organisation="Elders")
    client.force_login(contact)
    response = client.post(
        group_url(group_day),
        {"emails": "a@example.org\nb@example.org\nc@example.org", "organisation": "Noord"},
    )
    assert response.status_code == 409
    assert "Only 2 places are left on this date" in response.content.decode()
    assert GroupBooking.objects.count() == 0
    assert Registration.objects.filter(status=Status.RESERVED).count() == 0


def test_a_group_is_never_put_on_the_waiting_list(group_day, contact):
    hold(group_day, contact, ["a@example.org", "b@example.org", "c@example.org"])
    with pytest.raises(Refused) as refused:
        hold(group_day, contact, ["d@example.org"])
    assert refused.value.status == 409
    assert Registration.objects.filter(status=Status.WAITLISTED).count() == 0


@pytest.mark.parametrize(
    ("emails", "message"),
    [
        ("a@example.org\nA@example.org", "Named twice: a@example.org"),
        ("a@example.org\nnot-an-address", "Not an e-mail address: not-an-address"),
        ("", "This field is required."),
    ],
)
def test_bad_addresses_are_refused_and_nothing_is_written(
    client, group_day, contact, emails, message
):
    client.force_login(contact)
    response = client.post(group_url(group_day), {"emails": emails, "organisation": "Noord"})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert GroupBooking.objects.count() == Registration.objects.count() == 0


def test_a_colleague_who_already_has_a_place_is_refused(client, group_day, contact):
    services.book_place(group_day, UserFactory(email="a@example.org"), organisation="Noord")
    client.force_login(contact)
    response = client.post(
        group_url(group_day), {"emails": "b@example.org\nA@example.org", "organisation": "Noord"}
    )
    assert response.status_code == 409
    assert "Already booked on this date: a@example.org" in response.content.decode()
    assert GroupBooking.objects.count() == 0


def test_booking_for_colleagues_needs_an_account(client, group_day):
    response = client.get(group_url(group_day))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_a_draft_day_cannot_be_booked_for_colleagues(client, training_course, contact):
    draft = TrainingDayFactory(course=training_course, status=DayStatus.DRAFT)
    client.force_login(contact)
    assert client.get(group_url(draft)).status_code == 404
    response = client.post(group_url(draft), {"emails": "a@example.org", "organisation": "N"})
    assert response.status_code == 404
    assert GroupBooking.objects.count() == 0


def test_an_in_company_day_needs_its_invitation_for_a_group(client, training_course, contact):
    day = TrainingDayFactory(
        course=training_course, kind=DayKind.IN_COMPANY, organisation="Wijkteam Noord"
    )
    client.force_login(contact)
    data = {"emails": "a@example.org", "organisation": "Wijkteam Noord"}
    assert client.post(group_url(day) + "?invitation=wrong", data).status_code == 404
    assert GroupBooking.objects.count() == 0
    url = group_url(day) + f"?invitation={day.invitation_token}"
    assert client.post(url, data).status_code == 302
    assert GroupBooking.objects.count() == 1


def test_registration_closed_refuses_a_group(group_day, contact):
    group_day.registration_closes_at = timezone.now() - timedelta(minutes=1)
    group_day.save()
    with pytest.raises(Refused) as refused:
        hold(group_day, contact, ["a@example.org"])
    assert refused.value.status == 409


# --- Claiming a place --------------------------------------------------------------


@pytest.fixture
def held(group_day, contact):
    group = hold(group_day, contact, ["ali@example.org", "bo@example.org"])
    return group.places.get(invited_email="ali@example.org")


def test_an_anonymous_colleague_is_asked_to_log_in_or_sign_up_and_come_back(client, held):
    response = client.get(claim_url(held.claim_token))
    assert response.status_code == 200
    content = response.content.decode()
    expected_next = f"next=%2Fen%2Fclaim%2F{held.claim_token}%2F"
    assert f'href="/en/accounts/login/?{expected_next}"' in content
    assert f'href="/en/accounts/signup/?{expected_next}"' in content


def test_the_sign_up_page_keeps_the_claim_link(client, held):
    response = client.get(f"/en/accounts/signup/?next=/en/claim/{held.claim_token}/")
    assert f'value="/en/claim/{held.claim_token}/"' in response.content.decode()


def test_claiming_confirms_the_place_and_sends_a_calendar_file(
    client, held, django_capture_on_commit_callbacks
):
    ali = UserFactory(email="Ali@example.org")
    client.force_login(ali)
    assert client.get(claim_url(held.claim_token)).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(claim_url(held.claim_token))
    assert response.status_code == 302
    held.refresh_from_db()
    assert (held.user, held.status, held.claim_token) == (ali, Status.CONFIRMED, "")
    assert held.confirmed_at is not None
    (message,) = mail.outbox
    assert message.to == ["Ali@example.org"]
    calendar = Calendar.from_ical(message.attachments[0][1])
    assert calendar["METHOD"] == "REQUEST"


def test_a_place_cannot_be_claimed_by_another_account(client, held):
    client.force_login(UserFactory(email="someone-else@example.org"))
    assert client.get(claim_url(held.claim_token)).status_code == 403
    response = client.post(claim_url(held.claim_token))
    assert response.status_code == 403
    assert "held for another e-mail address" in response.content.decode()
    held.refresh_from_db()
    assert (held.status, held.user) == (Status.RESERVED, None)


def test_an_unknown_claim_link_is_not_found(client, db):
    client.force_login(UserFactory())
    assert client.get(claim_url("not-a-token")).status_code == 404
    assert client.post(claim_url("not-a-token")).status_code == 404


def test_a_used_claim_link_is_not_found(client, held):
    token = held.claim_token
    groups.claim_place(held, UserFactory(email="ali@example.org"))
    client.force_login(UserFactory())
    assert client.get(claim_url(token)).status_code == 404


def test_an_anonymous_post_to_a_claim_link_claims_nothing(client, held):
    assert client.post(claim_url(held.claim_token)).status_code == 403
    held.refresh_from_db()
    assert held.status == Status.RESERVED


def test_someone_with_a_place_already_cannot_claim_a_second(client, group_day, held):
    ali = UserFactory(email="ali@example.org")
    other_day_place = services.book_place(group_day, ali, organisation="Noord")
    assert other_day_place.status == Status.CONFIRMED
    client.force_login(ali)
    response = client.post(claim_url(held.claim_token))
    assert response.status_code == 409
    assert "You already have a place on this date." in response.content.decode()
    held.refresh_from_db()
    assert held.status == Status.RESERVED


def test_a_place_cannot_be_claimed_after_the_deadline(client, held):
    GroupBooking.objects.filter(pk=held.group_id).update(
        claim_deadline=timezone.now() - timedelta(minutes=1)
    )
    client.force_login(UserFactory(email="ali@example.org"))
    response = client.post(claim_url(held.claim_token))
    assert response.status_code == 409
    held.refresh_from_db()
    assert held.status == Status.RESERVED


def test_the_claim_deadline_is_never_after_registration_closes(training_course, contact):
    day = TrainingDayFactory(course=training_course)
    day.registration_closes_at = timezone.now() + timedelta(days=2)
    day.save()
    group = hold(day, contact, ["a@example.org"])
    assert group.claim_deadline == day.registration_closes_at


# --- Releasing unclaimed places ----------------------------------------------------


def test_unclaimed_places_go_to_the_waiting_list_once(
    group_day, contact, django_capture_on_commit_callbacks
):
    group = hold(group_day, contact, ["ali@example.org", "bo@example.org"])
    ali_place = group.places.get(invited_email="ali@example.org")
    groups.claim_place(ali_place, UserFactory(email="ali@example.org"))
    services.book_place(group_day, UserFactory(), organisation="Elders")
    waiting = services.book_place(group_day, UserFactory(), organisation="Elders")
    assert waiting.status == Status.WAITLISTED
    GroupBooking.objects.filter(pk=group.pk).update(
        claim_deadline=timezone.now() - timedelta(minutes=1)
    )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert beat.release_unclaimed_places() == 1
        assert beat.release_unclaimed_places() == 0
    bo_place = group.places.get(invited_email="bo@example.org")
    waiting.refresh_from_db(), ali_place.refresh_from_db()
    assert (bo_place.status, bo_place.claim_token) == (Status.CANCELLED, "")
    assert ali_place.status == Status.CONFIRMED
    assert waiting.status == Status.CONFIRMED
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        ["contact@example.org", waiting.user.email]
    )
    released = next(m for m in mail.outbox if m.to == ["contact@example.org"])
    assert "bo@example.org" in released.body


def test_places_before_their_deadline_stay_held(group_day, contact):
    hold(group_day, contact, ["ali@example.org"])
    assert beat.release_unclaimed_places() == 0
    assert Registration.objects.get().status == Status.RESERVED


# --- The contact's overview on /my/ ------------------------------------------------


def test_the_contact_sees_who_has_claimed_their_place(client, group_day, contact, held):
    groups.claim_place(held, UserFactory(email="ali@example.org"))
    client.force_login(contact)
    content = client.get("/en/my/").content.decode()
    assert "Places booked for colleagues" in content
    assert "1 of 2 places claimed" in content
    assert re.search(r"ali@example.org</td><td[^>]*>\s*<span[^>]*>claimed<", content)
    assert re.search(r"bo@example.org</td><td[^>]*>\s*<span[^>]*>not yet claimed<", content)


def test_other_people_do_not_see_a_contacts_group(client, held):
    client.force_login(UserFactory())
    assert "ali@example.org" not in client.get("/en/my/").content.decode()
