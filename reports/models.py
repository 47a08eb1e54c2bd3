"""The permission to read the funders' figures. The figures are aggregates of
other apps' rows and have no table of their own; this model exists only so
that Django creates the permission `reports.view_figures`, which the
Coordinators group is given (migration 0002) and can be given to anyone else
through Wagtail's group settings."""

from django.db import models
from django.utils.translation import gettext_lazy as _

VIEW_FIGURES = "reports.view_figures"


class FiguresAccess(models.Model):
    class Meta:
        managed = False
        default_permissions = ()
        permissions = [("view_figures", _("Can view and export the funders' figures"))]
        verbose_name = _("figures")
        verbose_name_plural = _("figures")

    def __str__(self):
        return str(self._meta.verbose_name)
