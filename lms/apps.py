from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LmsConfig(AppConfig):
    name = "lms"
    verbose_name = _("Learning platform")

    def ready(self):
        # Django forces this import into ready(): the receivers need the models.
        from . import signals  # noqa: F401 (connects the receivers)
