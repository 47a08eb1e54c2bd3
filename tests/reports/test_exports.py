"""The figures as CSV and XLSX downloads: the dashboard's numbers, private,
named after the selection, for the same people only."""

import csv
import io
from datetime import datetime

import openpyxl
import pytest
from django.utils import translation
from django.utils.text import slugify

from courses.models import Enrollment
from lms import roles
from tests.certificates.test_admin import log_in_with_second_factor
from tests.factories import CoursePageFactory, UserFactory

from .dataset import moment

pytestmark = pytest.mark.django_db

CSV_URL = "/admin/reports/figures/export.csv"
XLSX_URL = "/admin/reports/figures/export.xlsx"
YEAR_2025 = {"start": "2025-01-01", "end": "2025-12-31"}


def nl(message: str) -> str:
    with translation.override("nl"):
        return translation.gettext(message)


def csv_sections(response) -> dict[str, list[list[str]]]:
    """Each table of the CSV by its title: its header and rows."""
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    sections, current = {}, None
    for row in csv.reader(io.StringIO(text.lstrip("\ufeff"))):
        if not row:
            current = None
        elif current is None:
            current = sections.setdefault(row[0], [])
        else:
            current.append(row)
    return sections


def workbook(response):
    return openpyxl.load_workbook(io.BytesIO(response.content))


def test_the_csv_holds_the_dashboards_figures(client, coordinator, data):
    response = client.get(CSV_URL, YEAR_2025)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == (
        f'attachment; filename="{slugify(nl("figures"))}-2025-01-01-2025-12-31-'
        f'{slugify(nl("all municipalities"))}.csv"'
    )
    sections = csv_sections(response)
    assert list(sections) == [
        nl("Selection"),
        nl("Summary"),
        nl("Per course"),
        nl("Group programmes"),
        nl("Per month"),
    ]
    summary = dict(sections[nl("Summary")][1:])
    assert summary[nl("Professionals trained (different people)")] == "5"
    assert summary[nl("Pupils reached")] == "68"
    assert summary[nl("Schools reached")] == "3"
    assert summary[nl("Average evaluation score (1–5)")] == "4.3"
    assert sections[nl("Per course")][1:] == [
        ["Signalen herkennen", "0", "0", "2", "2"],
        ["Training jeugdprostitutie", "4", "2", "0", "1"],
    ]
    months = {row[0]: row[1:] for row in sections[nl("Per month")][1:]}
    assert list(months) == [f"2025-{month:02d}" for month in range(1, 13)]
    assert months["2025-09"] == ["0", "0", "0", "0", "0", "3", "15", "2"]


def test_the_xlsx_has_a_sheet_per_table(client, coordinator, data):
    response = client.get(XLSX_URL, {**YEAR_2025, "municipality": data.rotterdam.pk})
    assert response.status_code == 200
    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    assert response["Content-Disposition"].endswith('-2025-01-01-2025-12-31-rotterdam.xlsx"')
    book = workbook(response)
    assert book.sheetnames == [
        nl("Selection"),
        nl("Summary"),
        nl("Per course"),
        nl("Group programmes"),
        nl("Per month"),
    ]
    selection = {row[0]: row[1] for row in book[nl("Selection")].iter_rows(values_only=True)}
    assert selection[nl("Municipality")] == "Rotterdam"
    summary = {row[0]: row[1] for row in book[nl("Summary")].iter_rows(values_only=True)}
    assert summary[nl("Pupils reached")] == 38
    assert summary[nl("Schools reached")] == 2
    assert summary[nl("Average evaluation score (1–5)")] == 4.7
    programmes = list(book[nl("Group programmes")].iter_rows(min_row=2, values_only=True))
    assert programmes == [("Girls' Talk", 1, 3, 15, 1), ("Make a Move", 0, 0, 0, 0)]
    months = list(book[nl("Per month")].iter_rows(min_row=2, values_only=True))
    assert len(months) == 12
    assert months[10] == (datetime(2025, 11, 1), 0, 0, 0, 1, 18, 0, 0, 0)


def test_exports_name_nobody(client, coordinator, data):
    text = client.get(CSV_URL, YEAR_2025).content.decode()
    cells = [
        str(cell)
        for sheet in workbook(client.get(XLSX_URL, YEAR_2025)).worksheets
        for row in sheet.iter_rows(values_only=True)
        for cell in row
    ]
    for found in (text, " ".join(cells)):
        assert "Verborgen" not in found and "verborgen" not in found


def test_a_course_title_that_looks_like_a_formula_stays_text(client, coordinator, data):
    course = CoursePageFactory(parent=data.elearning.get_parent(), title="=HYPERLINK(1)")
    enrollment = Enrollment.objects.create(user=UserFactory(), course_key=course.translation_key)
    Enrollment.objects.filter(pk=enrollment.pk).update(completed_at=moment(datetime(2025, 5, 5)))
    rows = csv_sections(client.get(CSV_URL, YEAR_2025))[nl("Per course")]
    assert ["'=HYPERLINK(1)", "0", "0", "1", "0"] in rows
    sheet = workbook(client.get(XLSX_URL, YEAR_2025))[nl("Per course")]
    cell = next(row[0] for row in sheet.iter_rows(min_row=2) if "HYPERLINK" in row[0].value)
    assert (cell.value, cell.data_type) == ("=HYPERLINK(1)", "s")


@pytest.mark.parametrize("url", [CSV_URL, XLSX_URL])
def test_exports_are_private(client, coordinator, url):
    cache_control = client.get(url)["Cache-Control"]
    assert {"private", "no-store"} <= set(cache_control.split(", "))


@pytest.mark.parametrize("url", [CSV_URL, XLSX_URL])
def test_anonymous_visitors_are_sent_to_log_in(client, url):
    response = client.get(url)
    assert (response.status_code, response["Location"]) == (302, f"/nl/accounts/login/?next={url}")


@pytest.mark.parametrize("url", [CSV_URL, XLSX_URL])
@pytest.mark.parametrize("role", [roles.LEARNERS, roles.TRAINERS])
def test_learners_and_trainers_get_no_export(client, url, role):
    client.force_login(UserFactory(roles=[role]))
    response = client.get(url, YEAR_2025)
    assert response.status_code == 403
    assert "Content-Disposition" not in response


@pytest.mark.parametrize("url", [CSV_URL, XLSX_URL])
def test_an_editor_gets_no_export(client, url):
    log_in_with_second_factor(client, UserFactory(roles=[roles.EDITORS]))
    response = client.get(url, YEAR_2025)
    assert (response.status_code, response["Location"]) == (302, "/admin/")


@pytest.mark.parametrize("url", [CSV_URL, XLSX_URL])
def test_bad_input_gives_the_form_with_its_message_not_a_file(client, coordinator, url):
    response = client.get(url, {"start": "2025-12-31", "end": "2025-01-01"})
    assert response.status_code == 400
    assert "Content-Disposition" not in response
    assert nl("The end of the period comes before its start.") in response.text
