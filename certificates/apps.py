from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CertificatesConfig(AppConfig):
    """Certificates of completion and attendance, rendered by Celery workers."""

    name = "certificates"
    verbose_name = _("Certificates")

    def ready(self):
        from courses.signals import course_completed
        from lms.dashboard import register_section

        from . import dashboard, receivers

        course_completed.connect(
            receivers.on_course_completed, dispatch_uid="certificate-on-completion"
        )
        register_section(dashboard.certificates_section, order=20)
