"""Every way into booking is linked from where a visitor looks for it."""

import pytest

from tests.factories import CoursePageFactory

pytestmark = pytest.mark.django_db


def test_the_menu_leads_to_the_calendar_of_training_dates(client, day):
    page = client.get("/nl/agenda/")
    assert page.status_code == 200
    assert 'href="/nl/agenda/"' in client.get("/nl/").text


def test_an_open_date_offers_a_group_booking(client, day, training_course):
    page = client.get(training_course.url)
    assert f"/nl/training-days/{day.key}/book-group/" in page.text


def test_a_training_page_offers_an_in_company_request_for_that_course(client, training_course):
    page = client.get(training_course.url)
    assert f"/nl/in-company/?course={training_course.translation_key}" in page.text


def test_the_in_company_form_opens_with_the_course_from_the_link(client, training_course):
    form = client.get(f"/nl/in-company/?course={training_course.translation_key}")
    assert form.context["form"]["course"].value() == str(training_course.translation_key)


def test_an_in_company_course_page_links_to_the_request_form(client, training_course):
    course = CoursePageFactory(
        parent=training_course.get_parent(), title="Incompany", format="in_company"
    )
    page = client.get(course.url)
    assert f"/nl/in-company/?course={course.translation_key}" in page.text


def test_the_menu_leads_schools_to_the_request_form(client, homes):
    home = client.get("/nl/").text
    assert 'href="/nl/scholen/aanvragen/"' in home


def test_the_prevention_lesson_page_leads_to_the_request_form(client, training_course):
    course = CoursePageFactory(
        parent=training_course.get_parent(), title="Preventieles", format="school_lesson"
    )
    page = client.get(course.url)
    assert 'href="/nl/scholen/aanvragen/"' in page.text
    assert "mailto:" not in page.text.split("<main", 1)[1].split("</main>", 1)[0]
