"""The counting rules, on the known data set of tests/reports/dataset.py."""

from datetime import date
from decimal import Decimal

import pytest

from reports.figures import CourseRow, Period, ProgrammeRow, compute

pytestmark = pytest.mark.django_db

YEAR = Period.calendar_year(2025)
AFTER_THE_YEAR = date(2026, 3, 1)


def totals(figures) -> dict:
    return {
        "professionals": figures.professionals,
        "day_participants": figures.day_participants,
        "elearnings_completed": figures.elearnings_completed,
        "certificates": figures.certificates,
        "lessons": figures.lessons,
        "pupils": figures.pupils,
        "schools": figures.schools,
        "waitlisted": figures.waitlisted,
        "evaluations": figures.ratings.evaluations,
        "score": figures.ratings.overall,
    }


def test_all_municipalities_count_every_row_of_the_year(data):
    figures = compute(YEAR, None, today=AFTER_THE_YEAR)
    assert totals(figures) == {
        "professionals": 5,
        "day_participants": 4,
        "elearnings_completed": 2,
        "certificates": 3,
        "lessons": 3,
        "pupils": 68,
        "schools": 3,
        "waitlisted": 2,
        "evaluations": 2,
        "score": Decimal("4.3"),
    }
    ratings = figures.ratings
    assert (ratings.content, ratings.trainers, ratings.fit) == (
        Decimal("4.5"),
        Decimal("4.5"),
        Decimal("4.0"),
    )


def test_rotterdam_counts_its_bookings_profiles_schools_and_groups(data):
    figures = compute(YEAR, data.rotterdam, today=AFTER_THE_YEAR)
    assert totals(figures) == {
        "professionals": 1,
        "day_participants": 1,
        "elearnings_completed": 1,
        "certificates": 1,
        "lessons": 2,
        "pupils": 38,
        "schools": 2,
        "waitlisted": 1,
        "evaluations": 1,
        "score": Decimal("4.7"),
    }
    assert figures.programmes == [
        ProgrammeRow(
            "Girls' Talk", groups=1, meetings=3, participants=15, meetings_without_count=1
        ),
        ProgrammeRow("Make a Move"),
    ]


def test_the_municipality_given_with_a_booking_wins_over_the_profile(data):
    figures = compute(YEAR, data.schiedam, today=AFTER_THE_YEAR)
    assert totals(figures) == {
        "professionals": 3,
        "day_participants": 2,
        "elearnings_completed": 1,
        "certificates": 2,
        "lessons": 1,
        "pupils": 30,
        "schools": 1,
        "waitlisted": 1,
        "evaluations": 1,
        "score": Decimal("4.0"),
    }
    assert [row.meetings for row in figures.programmes] == [0, 0]


def test_group_programmes_count_meetings_held_and_young_people_counted(data):
    figures = compute(YEAR, None, today=AFTER_THE_YEAR)
    assert figures.programmes == [
        ProgrammeRow(
            "Girls' Talk", groups=1, meetings=3, participants=15, meetings_without_count=1
        ),
        ProgrammeRow("Make a Move", groups=1, meetings=1, participants=6, meetings_without_count=0),
    ]


def test_per_course_both_ways_of_training_and_the_certificates(data):
    figures = compute(YEAR, None, today=AFTER_THE_YEAR)
    assert figures.courses == [
        CourseRow("Signalen herkennen", elearnings_completed=2, certificates=2),
        CourseRow("Training jeugdprostitutie", day_participants=4, training_days=2, certificates=1),
    ]


def test_per_month(data):
    months = {row.month.month: row for row in compute(YEAR, None, today=AFTER_THE_YEAR).months}
    assert len(months) == 12
    assert (months[1].elearnings_completed, months[1].certificates) == (1, 1)
    assert (months[2].lessons, months[2].pupils) == (1, 20)
    assert (months[3].day_participants, months[3].certificates) == (3, 1)
    assert months[4].certificates == 0  # revoked
    assert (months[6].day_participants, months[7].day_participants) == (1, 2)
    assert (months[9].group_meetings, months[9].group_participants, months[9].waitlisted) == (
        3,
        15,
        2,
    )
    assert (months[10].group_meetings, months[10].group_participants) == (1, 6)
    assert (months[11].lessons, months[11].pupils) == (1, 18)
    assert (months[12].elearnings_completed, months[12].lessons, months[12].pupils) == (1, 1, 30)


def test_the_first_and_last_day_of_the_period_are_included(data):
    first_day = compute(Period(date(2025, 1, 1), date(2025, 1, 1)), None, today=AFTER_THE_YEAR)
    assert (first_day.elearnings_completed, first_day.certificates) == (1, 1)
    last_day = compute(Period(date(2025, 12, 31), date(2025, 12, 31)), None, today=AFTER_THE_YEAR)
    assert (last_day.elearnings_completed, last_day.certificates, last_day.pupils) == (1, 1, 30)


def test_a_day_less_on_each_side_leaves_the_boundary_rows_out(data):
    inner = compute(Period(date(2025, 1, 2), date(2025, 12, 30)), None, today=AFTER_THE_YEAR)
    assert (inner.elearnings_completed, inner.certificates, inner.lessons, inner.pupils) == (
        0,
        1,
        2,
        38,
    )


def test_lessons_and_meetings_after_today_are_not_yet_given(data):
    figures = compute(YEAR, None, today=date(2025, 9, 10))
    assert (figures.lessons, figures.pupils, figures.schools) == (1, 20, 1)
    assert figures.programmes[0] == ProgrammeRow(
        "Girls' Talk", groups=1, meetings=2, participants=15, meetings_without_count=0
    )
