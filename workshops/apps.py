from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkshopsConfig(AppConfig):
    """The calendar: deliveries of a course (training days, lessons, programmes)."""

    name = "workshops"
    verbose_name = _("Workshops")
