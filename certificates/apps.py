from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CertificatesConfig(AppConfig):
    """Certificates of completion and attendance, rendered by Celery workers."""

    name = "certificates"
    verbose_name = _("Certificates")

    def ready(self):
        # Django forces these imports into ready(): they need the models loaded.
        from django.db.models.signals import post_delete, post_save

        from bookings.signals import training_day_completed
        from courses.signals import course_completed
        from lms.dashboard import register_section
        from lms.signals import profile_saved

        from . import checks, dashboard, receivers  # noqa: F401 (checks registers itself)
        from .models import Certificate

        course_completed.connect(
            receivers.on_course_completed, dispatch_uid="certificate-on-completion"
        )
        training_day_completed.connect(
            receivers.on_training_day_completed, dispatch_uid="certificate-on-training-day"
        )
        profile_saved.connect(receivers.on_profile_saved, dispatch_uid="certificate-after-name")
        for signal in (post_save, post_delete):
            signal.connect(
                receivers.certificate_changed,
                sender=Certificate,
                dispatch_uid=f"usercache-certificate-{id(signal)}",
            )
        register_section(dashboard.certificates_section, order=20, kept=True)
