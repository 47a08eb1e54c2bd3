from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    """Figures for the municipalities that fund the centre (coordinators only)."""

    name = "reports"
    verbose_name = _("Figures")
