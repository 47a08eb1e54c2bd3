"""The monthly bar chart's geometry (pure: no database)."""

from datetime import date

import pytest
from django.utils import translation

from reports import charts

JANUARY_TO_MARCH = [date(2025, 1, 1), date(2025, 2, 1), date(2025, 3, 1)]


def first_quarter(*values: int) -> list[tuple[date, int]]:
    return list(zip(JANUARY_TO_MARCH, values, strict=True))


@pytest.mark.parametrize(
    ("highest", "step"), [(0, 1), (5, 1), (6, 2), (10, 2), (68, 20), (101, 50), (999, 200)]
)
def test_the_scale_uses_round_steps(highest, step):
    assert charts.step_for(highest) == step


def test_bars_are_as_high_as_their_share_of_the_scale():
    chart = charts.bar_chart("pupils", "Pupils", first_quarter(0, 10, 5))
    assert [bar.height for bar in chart.bars] == [0, charts.PLOT_HEIGHT, charts.PLOT_HEIGHT / 2]
    assert all(bar.y + bar.height == chart.baseline for bar in chart.bars)
    assert [tick.value for tick in chart.ticks] == [0, 2, 4, 6, 8, 10]
    assert chart.width == charts.LEFT + 3 * charts.SLOT + charts.RIGHT


def test_months_are_labelled_and_the_year_shown_where_it_starts():
    months = [date(2025, 11, 1), date(2025, 12, 1), date(2026, 1, 1), date(2026, 2, 1)]
    with translation.override("nl"):
        chart = charts.bar_chart("lessons", "Lessen", [(month, 1) for month in months])
    assert [bar.month for bar in chart.bars] == ["Nov", "Dec", "Jan", "Feb"]
    assert [bar.year for bar in chart.bars] == ["2025", "", "2026", ""]


def test_the_description_names_the_highest_month():
    with translation.override("en"):
        chart = charts.bar_chart("pupils", "Pupils reached", first_quarter(3, 9, 4))
        empty = charts.bar_chart("pupils", "Pupils reached", first_quarter(0, 0, 0))
    assert chart.description == (
        "Pupils reached per month, January 2025 to March 2025. The highest is 9, in "
        "February 2025. The numbers per month are in the table beside the charts."
    )
    assert empty.description == (
        "Pupils reached per month, January 2025 to March 2025: none in any month."
    )
