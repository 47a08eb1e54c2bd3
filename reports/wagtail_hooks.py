"""The figures in the Wagtail admin: a "Figures" menu item for those who may
read them (`reports.view_figures`), the dashboard and its downloads, and the
permission among the group settings, so it can be given to other groups."""

from django.contrib.auth.models import Permission
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import views
from .models import VIEW_FIGURES


class FiguresMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(VIEW_FIGURES)


@hooks.register("register_admin_urls")
def register_figures_urls():
    return [
        path("reports/figures/", views.dashboard, name="reports_figures"),
        path(
            "reports/figures/export.csv",
            views.export,
            {"extension": "csv"},
            name="reports_figures_csv",
        ),
        path(
            "reports/figures/export.xlsx",
            views.export,
            {"extension": "xlsx"},
            name="reports_figures_xlsx",
        ),
    ]


@hooks.register("register_admin_menu_item")
def figures_menu_item():
    # After "Training days" (250) and "School lessons" (260), before "Certificates".
    return FiguresMenuItem(
        _("Figures"), reverse("reports_figures"), name="figures", icon_name="table", order=270
    )


@hooks.register("register_permissions")
def figures_permission():
    app_label, codename = VIEW_FIGURES.split(".")
    return Permission.objects.filter(content_type__app_label=app_label, codename=codename)
