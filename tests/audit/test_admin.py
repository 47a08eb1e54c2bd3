"""Reading the audit log in the admin: coordinators find every entry, with
what changed, under Reports → Site history and in a registration's History;
editors do not see the back office's entries; nobody can edit or delete an
entry through the admin; and no entry holds a name or an e-mail address."""

import json

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.models import ModelLogEntry
from wagtail.users.models import UserProfile

from bookings import groups, services
from certificates import services as certificates
from lms import roles
from tests.certificates.test_admin import log_in_with_second_factor
from tests.factories import UserFactory
from tests.workshops.factories import TrainerFactory
from workshops import services as calendar

pytestmark = pytest.mark.django_db

SITE_HISTORY = "/admin/reports/site-history/"


def in_english(user):
    """Strings asserted here are read in English: the Dutch ones come from the
    catalogue."""
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()


def book(day, user=None):
    return services.book_place(day, user or UserFactory(), organisation="Wijkteam Noord")


def test_site_history_shows_a_coordinator_who_did_what_and_the_change(client, coordinator, day):
    in_english(coordinator)
    first = book(day)
    services.cancel_registration(first, by=coordinator, by_centre=True)
    page = client.get(SITE_HISTORY)
    assert page.status_code == 200
    assert "Booking cancelled (status: Confirmed → Cancelled)" in page.text
    assert "Place booked (status: – → Confirmed)" in page.text
    assert "Carla Coördinator" in page.text
    assert f"#{first.pk}" in page.text


def test_site_history_names_trainers_and_other_related_objects_by_id(client, coordinator, day):
    in_english(coordinator)
    trainer = TrainerFactory()
    calendar.assign_trainer(day.sessions.get(), trainer, by=coordinator)
    page = client.get(SITE_HISTORY)
    assert f"Trainer assigned (trainers: – → #{trainer.pk})" in page.text


def test_site_history_filters_on_an_action(client, coordinator, day):
    in_english(coordinator)
    first = book(day)
    services.cancel_registration(first, by=coordinator, by_centre=True)
    page = client.get(SITE_HISTORY, {"action": "bookings.registration.cancel"})
    assert "Booking cancelled" in page.text
    assert "Place booked (" not in page.text


def test_a_registrations_history_lists_its_entries(client, coordinator, day):
    in_english(coordinator)
    first = book(day)
    services.cancel_registration(first, by=coordinator, by_centre=True)
    page = client.get(f"/admin/bookings/registration/history/{first.pk}/")
    assert page.status_code == 200
    assert "Booking cancelled (status: Confirmed → Cancelled)" in page.text


def test_an_editor_does_not_see_the_back_offices_entries(client, day):
    editor = UserFactory(roles=[roles.EDITORS])
    in_english(editor)
    log_in_with_second_factor(client, editor)
    book(day)
    page = client.get(SITE_HISTORY)
    assert page.status_code == 200
    assert "Place booked" not in page.text


def _admin_patterns(patterns, prefix=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _admin_patterns(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern), pattern.name or ""


def test_no_admin_url_edits_or_deletes_a_log_entry(client, day):
    superuser = UserFactory(is_superuser=True, is_staff=True)
    log_in_with_second_factor(client, superuser)
    entry = ModelLogEntry.objects.get(object_id=str(book(day).pk))
    admin_urls = [
        (route, name)
        for route, name in _admin_patterns(get_resolver().url_patterns)
        if route.startswith("admin/")
    ]
    assert admin_urls
    assert [u for u in admin_urls if "logentry" in (u[0] + u[1]).lower()] == []
    assert AdminURLFinder(superuser).get_edit_url(entry) is None
    for url in (
        f"/admin/snippets/wagtailcore/modellogentry/edit/{entry.pk}/",
        f"/admin/snippets/wagtailcore/modellogentry/delete/{entry.pk}/",
        f"/admin/wagtailcore/modellogentry/edit/{entry.pk}/",
        f"/admin/wagtailcore/modellogentry/delete/{entry.pk}/",
    ):
        # (an unknown path is sent to its /nl/ form first, which is not found either)
        assert client.post(url, {"action": "x"}, follow=True).status_code == 404, url
    assert client.post(SITE_HISTORY, {"action": "delete"}).status_code == 405
    assert ModelLogEntry.objects.filter(pk=entry.pk, action=entry.action).exists()


def test_no_entry_holds_a_name_or_an_e_mail_address(client, coordinator, day, training_course):
    noor = UserFactory(first_name="Noortje", last_name="Verhoeven", email="noortje@example.org")
    registration = book(day, noor)
    group = groups.book_group(
        day, noor, emails=["collega-x@example.org"], organisation="Wijkteam Noord"
    )
    services.release_places(day, list(group.places.all()), by=coordinator)
    services.cancel_registration(registration, by=coordinator, by_centre=True)
    certificate = certificates.issue_for_course(noor, training_course, issued_by=coordinator)
    certificates.revoke(certificate, "Noortje deed de toets niet zelf", by=coordinator)
    entries = list(ModelLogEntry.objects.filter(action__startswith="bookings.")) + list(
        ModelLogEntry.objects.filter(action__startswith="certificates.")
    )
    assert len(entries) >= 5
    written = json.dumps([[e.label, e.data] for e in entries]).lower()
    for personal in ("noortje", "verhoeven", "example.org", "wijkteam", "coördinator"):
        assert personal not in written
    assert reverse("wagtailadmin_reports:site_history") == SITE_HISTORY
