from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoursesConfig(AppConfig):
    name = "courses"
    verbose_name = _("Courses")

    def ready(self):
        # Imported here: models may only be imported once the app registry is ready.
        from lms.dashboard import register_section

        from . import dashboard
        from .quizzes import services  # noqa: F401 (registers a completion requirement)

        # For a trainer the session plans are what /my/ is for: first.
        register_section(dashboard.trainer_section, order=5)
        register_section(dashboard.learning_section, order=10)
