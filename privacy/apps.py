from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    """A user's own data: download, account removal and retention (AVG)."""

    name = "privacy"
    verbose_name = _("Privacy")
