from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoursesConfig(AppConfig):
    name = "courses"
    verbose_name = _("Courses")

    def ready(self):
        from lms.dashboard import register_section

        from . import dashboard

        register_section(dashboard.learning_section, order=10)
