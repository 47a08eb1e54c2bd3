"""A school's prevention lessons from the request to the trainer's schedule,
driven in the browser as the people involved walk it: a school contact (no
account) fills in the four steps of the public request form, checks the
summary, sends it and confirms with the link from the e-mail; a coordinator
logs in with a second factor, takes the request into review and proposes a
date, a time and one of the suggested trainer pairs in the admin; the school
accepts with the link from its e-mail and gets the confirmation with a
calendar file; one of the trainers sees the lesson on /my/. On a desktop and
on a phone (375 px); every page checked with axe, the coordinator's page of
the request included.

No demo data: the two trainers qualified for the prevention lesson and the
municipality they work in are made here."""

import re
from datetime import timedelta

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import override

from bookings.forms_schools import requestable_school_years
from bookings.models import SchoolLessonRequest
from lms import roles
from lms.demo import current_totp_code
from tests.bookings.scheduling_factories import lesson_trainer, municipality
from tests.e2e.test_learning import log_in
from tests.factories import UserFactory
from workshops.holidays import is_holiday

pytestmark = pytest.mark.e2e

PASSWORD = "correct-horse-battery"
PHONE = {"width": 375, "height": 740}
DESKTOP = {"width": 1280, "height": 800}
SCHOOL = "Demo College Noord"
CONTACT = "sanne@example.org"
COORDINATOR = "planner@example.org"
Status = SchoolLessonRequest.Status


def a_school_day():
    day = timezone.localdate() + timedelta(days=21)
    while day.weekday() >= 5 or is_holiday(day):
        day += timedelta(days=1)
    return day


def link_in(mail, pattern: str) -> str:
    """The path of the first link in a mail that matches `pattern`."""
    return re.search(rf"https?://[^/\s]+({pattern}\S*)", mail.body).group(1)


def mails_to(mailoutbox, address: str, subject: str) -> list:
    return [m for m in mailoutbox if m.to == [address] and subject in m.subject]


def request_lessons(page, assert_accessible) -> None:
    """The school contact's four steps, the summary and sending."""
    page.goto("/nl/scholen/aanvragen/")
    assert_accessible(page)
    page.get_by_label("Naam van de school of locatie").fill(SCHOOL)
    page.get_by_label("Straat en huisnummer").fill("Voorbeeldstraat 12")
    page.get_by_label("Postcode").fill("3011 AB")
    page.get_by_label("Plaats", exact=True).fill("Rotterdam")
    page.get_by_label("Gemeente").select_option(label="Rotterdam")
    page.get_by_role("radio", name="Middelbare school").check()
    page.get_by_role("button", name="Volgende stap").click()
    page.wait_for_url(re.compile(r"\?step=2$"))
    assert page.get_by_label("Je naam").count() == 1, (
        "step 2 (contact person) shows the fields of step 1 (school) to a visitor"
    )

    page.get_by_label("Je naam").fill("Sanne Jansen")
    page.get_by_label("Je functie op school").fill("Zorgcoördinator")
    page.get_by_label("E-mailadres").fill(CONTACT)
    page.get_by_label("Telefoonnummer").fill("010 000 00 00")
    page.get_by_role("button", name="Volgende stap").click()
    page.wait_for_url(re.compile(r"\?step=3$"))

    page.get_by_label("Niveau").select_option(label="Havo")
    page.get_by_label("Schooljaar").select_option(requestable_school_years()[0])
    first_class = page.get_by_role("group", name="Klas 1")
    first_class.get_by_label(re.compile(r"^Klas")).fill("2B")
    first_class.get_by_label("Groepsgrootte").fill("25")
    assert_accessible(page)
    page.get_by_role("button", name="Volgende stap").click()
    page.wait_for_url(re.compile(r"\?step=4$"))

    page.get_by_label("Voorkeursweken").fill("10, 11")
    assert page.get_by_role("checkbox", name="Ochtend").count() == 1, (
        "the day-parts are radio buttons: a school can choose only one"
    )
    page.get_by_role("checkbox", name="Ochtend").check()
    page.get_by_role("checkbox", name="Middag").check()
    page.get_by_role("checkbox", name="Sexting").check()
    page.get_by_role("checkbox", name="Grenzen aangeven").check()
    page.get_by_role("button", name="Volgende stap").click()
    page.wait_for_url(re.compile(r"\?step=5$"))

    main = page.get_by_role("main")
    for text in (
        SCHOOL,
        "Sanne Jansen",
        CONTACT,
        "Havo",
        "2B: 25",
        "10-11",
        "Ochtend, Middag",
        "Sexting",
    ):
        assert text in main.inner_text(), text
    assert_accessible(page)
    assert not SchoolLessonRequest.objects.exists()
    page.get_by_role("button", name="Aanvraag versturen").click()
    page.wait_for_url(re.compile(r"/nl/scholen/aanvragen/verstuurd/$"))
    assert_accessible(page)


def coordinator_logs_in(page, email: str, assert_accessible) -> None:
    page.goto("/nl/accounts/login/?next=/admin/")
    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Wachtwoord", exact=True).fill(PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Inloggen").click()
    page.wait_for_url(re.compile(r"/nl/accounts/2fa/authenticate/"))
    assert_accessible(page)
    page.get_by_label("Code").fill(current_totp_code(email))
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(re.compile(r"/admin/$"))


def propose_in_the_admin(page, day, assert_accessible) -> None:
    """From the requests listing to a sent proposal: review, ask for
    suggestions, choose the suggested pair, send."""
    menu = page.get_by_role("button", name="Schoollessen")
    if not menu.is_visible():  # on a phone the sidebar is folded away
        page.get_by_role("button", name="Toon/verberg zijbalk").click()
    menu.click()
    page.get_by_role("link", name="Aanvragen", exact=True).click()
    page.wait_for_url(re.compile(r"/admin/bookings/schoollessonrequest/"))
    row = page.get_by_role("row").filter(has_text=SCHOOL)
    row.get_by_role("link", name="Openen").click()
    page.wait_for_url(re.compile(r"/admin/bookings/school-requests/\d+/$"))
    assert_accessible(page)
    page.get_by_role("button", name="In behandeling nemen").click()
    page.get_by_text("De aanvraag is in behandeling.").wait_for()

    lesson = page.get_by_role("group", name=re.compile(r"^Klas 2B"))
    lesson.get_by_label("Datum").fill(day.isoformat())
    lesson.get_by_label("Begintijd").fill("09:00")
    page.get_by_role("button", name="Duo's voorstellen").click()
    page.wait_for_load_state()
    lesson = page.get_by_role("group", name=re.compile(r"^Klas 2B"))
    lesson.get_by_role(
        "radio", name=re.compile(r"Anna Demo \+ Bram Demo|Bram Demo \+ Anna Demo")
    ).check()
    page.get_by_role("button", name="Voorstel versturen").click()
    page.get_by_text("Het voorstel is naar de school gestuurd.").wait_for()


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_a_school_request_becomes_a_lesson_in_the_trainers_schedule(
    page, live_server, mailoutbox, assert_accessible, viewport
):
    page.set_viewport_size(viewport)
    municipality("Rotterdam")
    anna, _bram = lesson_trainer("Anna"), lesson_trainer("Bram")
    coordinator = UserFactory(email=COORDINATOR, roles=[roles.COORDINATORS])
    TOTP.activate(coordinator, generate_totp_secret())
    day = a_school_day()

    # The school asks, without an account, and confirms its address.
    request_lessons(page, assert_accessible)
    [confirm] = mails_to(mailoutbox, CONTACT, "Bevestig je aanvraag")
    page.goto(link_in(confirm, "/nl/scholen/bevestigen/"))
    assert SCHOOL in page.get_by_role("main").inner_text()
    assert_accessible(page)
    request = SchoolLessonRequest.objects.get(school__name=SCHOOL)
    assert request.status == Status.REQUESTED
    assert request.preferred_weeks == [10, 11]

    # A coordinator proposes a date and a suggested pair in the admin.
    coordinator_logs_in(page, COORDINATOR, assert_accessible)
    propose_in_the_admin(page, day, assert_accessible)
    request.refresh_from_db()
    assert request.status == Status.PROPOSED

    # The school accepts with the link from its e-mail.
    page.context.clear_cookies()
    [proposal] = mails_to(mailoutbox, CONTACT, "Voorgestelde")
    page.goto(link_in(proposal, "/nl/scholen/voorstel/"))
    main = page.get_by_role("main").inner_text()
    assert "2B" in main and SCHOOL in main
    assert_accessible(page)
    page.get_by_role("button", name="Accepteer deze lessen").click()
    page.get_by_role("heading", name="Bedankt voor je antwoord").wait_for()
    assert_accessible(page)
    request.refresh_from_db()
    assert request.status == Status.CONFIRMED
    [confirmed] = mails_to(mailoutbox, CONTACT, "zijn bevestigd")
    assert [name for name, _content, _type in confirmed.attachments] == ["lessons.ics"]
    calendar = confirmed.attachments[0][1]
    assert "BEGIN:VEVENT" in (calendar.decode() if isinstance(calendar, bytes) else calendar)

    # A trainer finds the lesson in their schedule.
    log_in(page, anna.user.email, PASSWORD)
    page.goto("/nl/my/")
    main = page.get_by_role("main").inner_text()
    with override("nl"):
        when = date_format(day, "D j M Y")
    assert SCHOOL in main and "Bram Demo" in main
    assert when in main, when
    assert_accessible(page)
