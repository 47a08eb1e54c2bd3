from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    """A user's own data: download, account removal and retention (AVG)."""

    name = "privacy"
    verbose_name = _("Privacy")

    def ready(self):
        # Imported here: models may only be imported once the app registry is ready.
        from lms.dashboard import register_section

        from . import dashboard

        # Last of the sections, just above the account's own links.
        register_section(dashboard.privacy_section, order=90, kept=True)
