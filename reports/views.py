"""The coordinators' figures in the Wagtail admin (registered in
wagtail_hooks.py): the dashboard and its CSV and XLSX downloads. Only for
holders of `reports.view_figures` (Coordinators, superusers). Aggregates
only: no page or file here names a person."""

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.template.response import TemplateResponse

from lms.http import private

from . import exports, tables
from .charts import bar_chart
from .figures import compute
from .forms import FiguresFilterForm
from .models import VIEW_FIGURES

# The monthly figures drawn as charts (the table beside them has them all).
CHARTED = ("day_participants", "elearnings_completed", "lessons", "pupils", "group_participants")


def _allowed(request) -> None:
    if not request.user.has_perm(VIEW_FIGURES):
        raise PermissionDenied


def _filter(request) -> FiguresFilterForm:
    return FiguresFilterForm(request.GET or None)


def _invalid(request, form):
    return private(TemplateResponse(request, "reports/figures.html", {"form": form}, status=400))


def dashboard(request):
    _allowed(request)
    form = _filter(request)
    if form.is_bound and not form.is_valid():
        return _invalid(request, form)
    figures = compute(form.period(), form.chosen_municipality())
    headings = dict(tables.month_columns())
    charts = [
        bar_chart(name, headings[name], [(row.month, getattr(row, name)) for row in figures.months])
        for name in CHARTED
    ]
    context = {
        "form": form,
        "figures": figures,
        "municipality": tables.municipality_label(figures),
        "summary": tables.summary(figures),
        "courses": tables.per_course(figures),
        "programmes": tables.per_programme(figures),
        "months": tables.per_month(figures),
        "charts": charts,
        "query": request.GET.urlencode(),
    }
    return private(TemplateResponse(request, "reports/figures.html", context))


def export(request, extension: str):
    """The dashboard's figures as a download (same filter, same numbers)."""
    _allowed(request)
    form = _filter(request)
    if form.is_bound and not form.is_valid():
        return _invalid(request, form)
    figures = compute(form.period(), form.chosen_municipality())
    if extension == "csv":
        # With a byte-order mark, so Excel reads the accents right.
        response = HttpResponse(
            "\ufeff" + exports.as_csv(figures), content_type="text/csv; charset=utf-8"
        )
    else:
        response = HttpResponse(exports.as_xlsx(figures), content_type=exports.XLSX_TYPE)
    response["Content-Disposition"] = (
        f'attachment; filename="{exports.filename(figures, extension)}"'
    )
    return private(response)
