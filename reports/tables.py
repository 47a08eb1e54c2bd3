"""The figures as labelled tables: the dashboard shows them and the CSV and
XLSX exports write them, so a download holds exactly what the page says.
Cells are numbers (int, Decimal or None for "no evaluations"), text, or the
first day of a month; each output formats them its own way."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from .figures import Figures

Cell = str | int | Decimal | date | None


@dataclass(frozen=True)
class Table:
    slug: str
    title: str
    header: list[str]
    rows: list[list[Cell]]


def municipality_label(figures: Figures) -> str:
    if figures.municipality is None:
        return _("All municipalities")
    return figures.municipality.name


def selection(figures: Figures) -> Table:
    return Table(
        slug="selection",
        title=_("Selection"),
        header=[_("Filter"), _("Value")],
        rows=[
            [_("From"), date_format(figures.period.start, "DATE_FORMAT")],
            [_("To (inclusive)"), date_format(figures.period.end, "DATE_FORMAT")],
            [_("Municipality"), municipality_label(figures)],
        ],
    )


def summary(figures: Figures) -> Table:
    ratings = figures.ratings
    return Table(
        slug="summary",
        title=_("Summary"),
        header=[_("Figure"), _("Number")],
        rows=[
            [_("Professionals trained (different people)"), figures.professionals],
            [_("Professionals who attended a training day"), figures.day_participants],
            [_("E-learnings completed"), figures.elearnings_completed],
            [_("Certificates issued"), figures.certificates],
            [_("School lessons given"), figures.lessons],
            [_("Pupils reached"), figures.pupils],
            [_("Schools reached"), figures.schools],
            [_("Group-programme meetings"), sum(row.meetings for row in figures.programmes)],
            [
                _("Young people counted at group meetings"),
                sum(row.participants for row in figures.programmes),
            ],
            [_("On the waiting list"), figures.waitlisted],
            [_("Evaluations received"), ratings.evaluations],
            [_("Average evaluation score (1–5)"), ratings.overall],
            [_("Average score for the content"), ratings.content],
            [_("Average score for the trainers"), ratings.trainers],
            [_("Average score for the fit with the class"), ratings.fit],
        ],
    )


def per_course(figures: Figures) -> Table:
    return Table(
        slug="courses",
        title=_("Per course"),
        header=[
            _("Course"),
            _("Professionals at a training day"),
            _("Training days held"),
            _("E-learnings completed"),
            _("Certificates issued"),
        ],
        rows=[
            [
                row.title,
                row.day_participants,
                row.training_days,
                row.elearnings_completed,
                row.certificates,
            ]
            for row in figures.courses
        ],
    )


def per_programme(figures: Figures) -> Table:
    return Table(
        slug="programmes",
        title=_("Group programmes"),
        header=[
            _("Programme"),
            _("Groups"),
            _("Meetings"),
            _("Young people counted"),
            _("Meetings without a count yet"),
        ],
        rows=[
            [row.programme, row.groups, row.meetings, row.participants, row.meetings_without_count]
            for row in figures.programmes
        ],
    )


# The monthly columns: (attribute of MonthRow, heading); the charts use them too.
def month_columns() -> list[tuple[str, str]]:
    return [
        ("day_participants", _("Professionals at a training day")),
        ("elearnings_completed", _("E-learnings completed")),
        ("certificates", _("Certificates issued")),
        ("lessons", _("School lessons given")),
        ("pupils", _("Pupils reached")),
        ("group_meetings", _("Group-programme meetings")),
        ("group_participants", _("Young people counted at group meetings")),
        ("waitlisted", _("On the waiting list")),
    ]


def per_month(figures: Figures) -> Table:
    columns = month_columns()
    return Table(
        slug="months",
        title=_("Per month"),
        header=[_("Month"), *(heading for _name, heading in columns)],
        rows=[
            [row.month, *(getattr(row, name) for name, _heading in columns)]
            for row in figures.months
        ],
    )


def all_tables(figures: Figures) -> list[Table]:
    return [
        selection(figures),
        summary(figures),
        per_course(figures),
        per_programme(figures),
        per_month(figures),
    ]
