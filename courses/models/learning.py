"""What the platform keeps of a learner's e-learning: the enrolment and each lesson
done, keyed by translation keys so progress is the same in both languages."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Enrollment(models.Model):
    """A learner's place in an e-learning course. Keyed by the course's
    translation key, so progress is the same in Dutch and English."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="enrollments"
    )
    course_key = models.UUIDField(_("course"), db_index=True)
    enrolled_at = models.DateTimeField(_("enrolled at"), auto_now_add=True)
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        constraints = [
            models.UniqueConstraint(fields=["user", "course_key"], name="one_enrollment_per_course")
        ]

    def __str__(self):
        return f"{self.user} · {self.course_key}"

    @property
    def is_completed(self) -> bool:
        return self.completed_at is not None


class LessonProgress(models.Model):
    """A lesson a learner marked as done (keyed by the lesson's translation key)."""

    enrollment = models.ForeignKey(
        Enrollment, on_delete=models.CASCADE, related_name="lessons_done"
    )
    lesson_key = models.UUIDField(_("lesson"))
    completed_at = models.DateTimeField(_("done at"), auto_now_add=True)

    class Meta:
        verbose_name = _("lesson done")
        verbose_name_plural = _("lessons done")
        constraints = [
            models.UniqueConstraint(fields=["enrollment", "lesson_key"], name="lesson_done_once")
        ]

    def __str__(self):
        return f"{self.enrollment} · {self.lesson_key}"
