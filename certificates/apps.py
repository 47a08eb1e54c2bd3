from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CertificatesConfig(AppConfig):
    """Certificates of completion and attendance, rendered by Celery workers."""

    name = "certificates"
    verbose_name = _("Certificates")
