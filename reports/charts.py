"""Bar charts per month as SVG geometry, computed here and drawn by a template
(`templates/reports/includes/bar_chart.html`), so the chart is in the page as
served: no JavaScript, a title and a description for screen readers, and the
same numbers in the table beside it. Pure: values in, coordinates out."""

import math
from dataclasses import dataclass
from datetime import date

from django.utils.formats import date_format
from django.utils.translation import gettext as _

SLOT = 36  # horizontal room per month
BAR = 24  # bar width within its slot
LEFT = 48  # room for the scale's numbers
RIGHT = 8
TOP = 20  # room for the value above the highest bar
PLOT_HEIGHT = 150
BOTTOM = 40  # room for the month and year under the bars


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    height: float
    centre: float
    value: int
    value_y: float  # the number just above the bar
    month: str
    year: str  # shown under the first month and under each January


@dataclass(frozen=True)
class Tick:
    y: float
    value: int


@dataclass(frozen=True)
class BarChart:
    slug: str
    title: str
    description: str
    width: int
    height: int
    baseline: float
    left: int
    right: int
    bar_width: int
    month_y: float
    year_y: float
    bars: list[Bar]
    ticks: list[Tick]


def step_for(highest: int) -> int:
    """A round step (1, 2 or 5 times a power of ten) that splits the scale
    from 0 to `highest` into at most five parts."""
    if highest <= 5:
        return 1
    magnitude = 10 ** math.floor(math.log10(highest / 5))
    for factor in (1, 2, 5):
        if factor * magnitude * 5 >= highest:
            return factor * magnitude
    return 10 * magnitude


def bar_chart(slug: str, title: str, points: list[tuple[date, int]]) -> BarChart:
    """One bar per month; `points` are (first day of the month, value) in order."""
    highest = max((value for _month, value in points), default=0)
    step = step_for(highest)
    ceiling = max(step, step * math.ceil(highest / step))
    baseline = TOP + PLOT_HEIGHT
    scale = PLOT_HEIGHT / ceiling

    bars = []
    for index, (month, value) in enumerate(points):
        height = round(value * scale, 1)
        x = LEFT + index * SLOT + (SLOT - BAR) / 2
        bars.append(
            Bar(
                x=x,
                y=round(baseline - height, 1),
                height=height,
                centre=x + BAR / 2,
                value=value,
                value_y=round(baseline - height - 4, 1),
                month=date_format(month, "M"),
                year=str(month.year) if index == 0 or month.month == 1 else "",
            )
        )
    ticks = [
        Tick(y=round(baseline - value * scale, 1), value=value)
        for value in range(0, ceiling + 1, step)
    ]
    width = LEFT + SLOT * len(points) + RIGHT
    return BarChart(
        slug=slug,
        title=title,
        description=describe(title, points),
        width=width,
        height=TOP + PLOT_HEIGHT + BOTTOM,
        baseline=baseline,
        left=LEFT,
        right=width - RIGHT,
        bar_width=BAR,
        month_y=baseline + 16,
        year_y=baseline + 32,
        bars=bars,
        ticks=ticks,
    )


def describe(title: str, points: list[tuple[date, int]]) -> str:
    """What the chart shows, in a sentence, for those who cannot see it."""
    if not points:
        return _("%(title)s: no months in this period.") % {"title": title}
    first, last = points[0][0], points[-1][0]
    months = {
        "title": title,
        "start": date_format(first, "YEAR_MONTH_FORMAT"),
        "end": date_format(last, "YEAR_MONTH_FORMAT"),
    }
    highest_month, highest = max(points, key=lambda point: point[1])
    if highest == 0:
        return _("%(title)s per month, %(start)s to %(end)s: none in any month.") % months
    return _(
        "%(title)s per month, %(start)s to %(end)s. The highest is %(value)s, in "
        "%(month)s. The numbers per month are in the table beside the charts."
    ) % {**months, "value": highest, "month": date_format(highest_month, "YEAR_MONTH_FORMAT")}
