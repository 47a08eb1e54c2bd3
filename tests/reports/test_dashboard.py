"""The figures dashboard in the Wagtail admin: who may see it, what it shows,
its chart, and what it says to input that makes no sense."""

import re

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission
from django.utils import timezone, translation
from wagtail.users.models import UserProfile

from lms import roles
from tests.certificates.test_admin import log_in_with_second_factor
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

URL = "/admin/reports/figures/"
YEAR_2025 = {"start": "2025-01-01", "end": "2025-12-31"}


def nl(message: str) -> str:
    """What the admin says, in the coordinator's language (Dutch)."""
    with translation.override("nl"):
        return translation.gettext(message)


def heading(start: str, end: str, where: str) -> str:
    return nl("%(start)s to %(end)s, %(municipality)s") % {
        "start": start,
        "end": end,
        "municipality": where,
    }


def html(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


def page_heading(response) -> str:
    return html(response).find("h2", id="figures-heading").get_text(" ", strip=True)


def summary(response) -> dict[str, str]:
    table = html(response).find("table", attrs={"aria-labelledby": "figures-summary"})
    return {
        row.th.get_text(strip=True): row.td.get_text(strip=True)
        for row in table.tbody.find_all("tr")
    }


def test_anonymous_visitors_are_sent_to_log_in(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"] == f"/nl/accounts/login/?next={URL}"


@pytest.mark.parametrize("role", [roles.LEARNERS, roles.TRAINERS, roles.SCHOOL_CONTACTS])
def test_people_without_admin_access_are_refused(client, data, role):
    client.force_login(UserFactory(roles=[role]))
    response = client.get(URL, YEAR_2025)
    assert response.status_code == 403
    assert nl("Pupils reached") not in response.text


def test_an_editor_without_the_permission_is_refused(client):
    editor = UserFactory(roles=[roles.EDITORS])
    log_in_with_second_factor(client, editor)
    response = client.get(URL)
    # Wagtail's answer to a permission refused inside the admin: back to its home.
    assert (response.status_code, response["Location"]) == (302, "/admin/")
    assert URL not in client.get("/admin/").text  # no menu item either


def test_a_coordinator_sees_the_figures_and_the_menu_item(client, coordinator, data):
    assert URL in client.get("/admin/").text
    response = client.get(URL, YEAR_2025)
    assert response.status_code == 200
    assert {"private", "no-store"} <= set(response["Cache-Control"].split(", "))
    figures = summary(response)
    assert figures[nl("Professionals trained (different people)")] == "5"
    assert figures[nl("School lessons given")] == "3"
    assert figures[nl("Pupils reached")] == "68"
    assert figures[nl("Average evaluation score (1–5)")] == "4,3"


def test_a_superuser_sees_the_figures(client):
    admin = UserFactory(is_superuser=True)
    log_in_with_second_factor(client, admin)
    assert client.get(URL).status_code == 200


def test_choosing_a_municipality_narrows_every_figure(client, coordinator, data):
    response = client.get(URL, {**YEAR_2025, "municipality": data.rotterdam.pk})
    figures = summary(response)
    assert figures[nl("Professionals trained (different people)")] == "1"
    assert figures[nl("Pupils reached")] == "38"
    assert figures[nl("On the waiting list")] == "1"
    assert page_heading(response) == heading("1 januari 2025", "31 december 2025", "Rotterdam")


def test_the_dashboard_names_nobody(client, coordinator, data):
    text = client.get(URL, YEAR_2025).text
    assert "Geheim" not in text and "Verborgen" not in text
    assert "verborgen" not in text


def test_without_a_choice_the_period_is_this_calendar_year(client, coordinator):
    year = timezone.localdate().year
    page = html(client.get(URL))
    assert page.find("input", attrs={"name": "start"})["value"] == f"{year}-01-01"
    assert page.find("input", attrs={"name": "end"})["value"] == f"{year}-12-31"
    assert page.find("h2", id="figures-heading").get_text(" ", strip=True) == heading(
        f"1 januari {year}", f"31 december {year}", nl("All municipalities")
    )


def test_a_chart_per_figure_with_its_months_readable_without_javascript(client, coordinator, data):
    page = html(client.get(URL, YEAR_2025))
    charts = page.find_all("svg", attrs={"role": "img"})
    assert len(charts) == 5
    pupils = next(svg for svg in charts if svg.title.get_text() == nl("Pupils reached"))
    labelled_by = pupils["aria-labelledby"].split()
    assert [page.find(id=ident).name for ident in labelled_by] == ["title", "desc"]
    assert "december 2025" in pupils.desc.get_text()
    labels = [text.get_text() for text in pupils.find_all("text")]
    months = ["Jan", "Feb", "Mrt", "Apr", "Mei", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dec"]
    assert [label for label in labels if label in months] == months
    assert labels.count("2025") == 1  # under the first month only
    assert {"20", "18", "30"} <= set(labels)  # the bars' values
    assert page.find_all("script", src=re.compile("reports")) == []


def test_the_table_beside_the_charts_has_every_month(client, coordinator, data):
    page = html(client.get(URL, YEAR_2025))
    table = page.find("div", attrs={"aria-labelledby": "figures-months"}).table
    rows = {
        row.th.get_text(strip=True): [td.get_text(strip=True) for td in row.find_all("td")]
        for row in table.tbody.find_all("tr")
    }
    assert list(rows)[0] == "januari 2025" and len(rows) == 12
    # training day, e-learning, certificates, lessons, pupils, meetings, young people, waiting
    assert rows["september 2025"] == ["0", "0", "0", "0", "0", "3", "15", "2"]
    assert rows["december 2025"] == ["0", "1", "1", "1", "30", "0", "0", "0"]
    headings = [th.get_text(strip=True) for th in table.thead.find_all("th")]
    assert headings[5] == nl("Pupils reached")


NOT_A_DATE = "Enter a date, for example 2026-12-31."
FROM_2000 = "Choose a date from 2000 to 2099."
NO_MUNICIPALITY = "Choose a municipality from the list."


@pytest.mark.parametrize(
    ("query", "field", "message"),
    [
        (
            {"start": "2025-06-01", "end": "2025-01-31"},
            "end",
            "The end of the period comes before its start.",
        ),
        ({"start": "gisteren", "end": "2025-01-31"}, "start", NOT_A_DATE),
        ({"start": "2025-02-30"}, "start", NOT_A_DATE),
        ({"municipality": "999999"}, "municipality", NO_MUNICIPALITY),
        ({"municipality": "Rotterdam'--"}, "municipality", NO_MUNICIPALITY),
        (
            {"start": "2019-01-01", "end": "2025-12-31"},
            "end",
            "Choose a period of at most five years.",
        ),
        ({"start": "1999-12-31"}, "start", FROM_2000),
        ({"end": "9999-12-31"}, "end", FROM_2000),
    ],
)
def test_bad_input_is_explained_at_the_field(client, coordinator, query, field, message):
    response = client.get(URL, query)
    assert response.status_code == 400
    page = html(response)
    assert page.find(attrs={"role": "alert"}) is not None
    wrapper = page.find(attrs={"name": field}).find_parent(class_="w-field__wrapper")
    assert wrapper.find(class_="error-message").get_text(" ", strip=True) == nl(message)
    assert page.find("svg", attrs={"role": "img"}) is None


def test_one_date_alone_means_its_calendar_year(client, coordinator, data):
    response = client.get(URL, {"start": "2025-07-01"})
    assert page_heading(response) == heading(
        "1 juli 2025", "31 december 2025", nl("All municipalities")
    )


def test_the_page_is_in_english_for_an_english_admin(client, coordinator, data):
    profile = UserProfile.get_for_user(coordinator)
    profile.preferred_language = "en"
    profile.save()
    figures = summary(client.get(URL, YEAR_2025))
    assert figures["Pupils reached"] == "68"
    assert figures["Average evaluation score (1–5)"] == "4.3"


def test_coordinators_hold_the_permission_and_the_group_settings_show_it(client):
    log_in_with_second_factor(client, UserFactory(is_superuser=True))
    coordinators = Group.objects.get(name=roles.COORDINATORS)
    permission = Permission.objects.get(content_type__app_label="reports", codename="view_figures")
    page = client.get(f"/admin/groups/edit/{coordinators.pk}/")
    assert page.status_code == 200
    checkbox = html(page).find("input", attrs={"name": "permissions", "value": str(permission.pk)})
    assert checkbox.has_attr("checked")
