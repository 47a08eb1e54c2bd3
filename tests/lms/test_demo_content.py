"""The demo content says only what the centre's own documents say
(../shared/DOMAIN.md): a wrong phone number or an invented rule is harmful on a
platform about trafficking."""

import pytest
from django.core.management import call_command

from courses.models import CoursePage
from lms.models import HelpContact

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(settings):
    settings.DEBUG = True
    call_command("seed_demo", verbosity=0)
    settings.DEBUG = False


def test_the_centre_is_named_in_full_with_its_phone_number(client, demo):
    page = client.get("/nl/").text
    assert "Expertisecentrum Seksualiteit, Sekswerk en Mensenhandel (ESSM)" in page
    assert "010 236 52 12" in page
    assert "010 000 00 00" not in page


def test_no_invented_accreditation_duration_or_price(client, demo):
    texts = " ".join(
        " ".join([c.duration, c.accreditation, c.price_information, c.summary])
        for c in CoursePage.objects.all()
    )
    for invented in ("SKJ", "6 uur", "6 hours", "dagdelen", "Gratis", "Free for", "kosteloos"):
        assert invented not in texts
    make_a_move = CoursePage.objects.filter(slug="make-a-move")
    assert {c.duration for c in make_a_move} == {""}


def test_the_elearnings_study_load_is_its_lessons_added_up(client, demo):
    course = CoursePage.objects.get(
        slug="signalen-mensenhandel-herkennen", locale__language_code="nl"
    )
    assert sum(lesson.minutes for lesson in course.lessons()) == 120
    assert course.display_duration == "2 uur"
    assert ">2 uur</dd>" in client.get(course.url).text


def test_the_signals_checklist_has_no_threshold_and_the_full_list(client, demo):
    page = client.get("/nl/aanbod/signalen-mensenhandel-herkennen/").text
    lesson_texts = " ".join(
        str(lesson.body)
        for lesson in CoursePage.objects.get(
            slug="signalen-mensenhandel-herkennen", locale__language_code="nl"
        )
        .lessons()
        .specific()
    )
    assert page  # the course page answers
    assert "vier of meer" not in lesson_texts
    assert "Is jonger dan 18 (tot 21 jaar) en werkt als sekswerker" in lesson_texts
    assert "Werkt onder slechte omstandigheden" in lesson_texts
    assert "meer dan 8 uur per dag zonder pauze" in lesson_texts
    assert "verzonnen" not in lesson_texts
    assert "AVIM" in lesson_texts


def test_help_contacts_lead_with_the_low_threshold_route_and_all_can_be_reached(demo):
    contacts = list(HelpContact.objects.filter(locale__language_code="nl"))
    assert contacts[0].name == "Advies- en Meldpunt Jeugdprostitutie en Mensenhandel (ESSM)"
    assert [c.name for c in contacts[1:]] == ["CoMensha", "Politie", "Meld Misdaad Anoniem"]
    assert all(c.phone or c.url for c in contacts)


def test_rotterdam_has_the_tariff_agreement_in_the_demo(demo):
    from lms.models import Municipality

    agreed = list(Municipality.objects.filter(has_agreement=True).values_list("name", flat=True))
    assert agreed == ["Rotterdam"]
