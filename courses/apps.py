from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoursesConfig(AppConfig):
    name = "courses"
    verbose_name = _("Courses")

    def ready(self):
        # Imported here: models may only be imported once the app registry is ready.
        from django.db.models.signals import post_delete, post_save

        from lms.dashboard import register_section

        from .models import Enrollment, LessonProgress, QuizAttempt
        from .signals import learner_state_changed

        for model in (Enrollment, LessonProgress, QuizAttempt):
            for signal in (post_save, post_delete):
                signal.connect(
                    learner_state_changed,
                    sender=model,
                    dispatch_uid=f"usercache-{model.__name__}-{id(signal)}",
                )

        from . import dashboard
        from .quizzes import services  # noqa: F401 (registers a completion requirement)

        # For a trainer the session plans are what /my/ is for: first.
        register_section(dashboard.trainer_section, order=5, kept=True)
        register_section(dashboard.learning_section, order=10, kept=True)
