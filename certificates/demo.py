"""Demo for `seed_demo`: the demo learner has completed the trafficking
e-learning and holds its certificate, so verification can be tried at once."""

from django.utils import timezone

from courses import services as learning
from courses.models import CoursePage, Enrollment, QuizAttempt
from courses.quizzes.services import start_attempt
from lms.demo import SeedContext
from lms.models import User

from .models import Certificate

LEARNER = "leerling@example.org"


def seed(ctx: SeedContext) -> None:
    learner = User.objects.filter(email=LEARNER).first()
    course = CoursePage.objects.filter(
        slug="signalen-mensenhandel-herkennen", locale=ctx.locales["nl"]
    ).first()
    if learner is None or course is None:
        return
    if not Enrollment.objects.filter(user=learner, course_key=course.translation_key).exists():
        learning.enroll(learner, course)
        for lesson in course.lessons():
            learning.mark_lesson_done(learner, lesson)
        for quiz in course.quizzes():
            attempt = start_attempt(learner, quiz)
            QuizAttempt.objects.filter(pk=attempt.pk).update(
                submitted_at=timezone.now(), score=100.0, passed=True
            )
        progress = learning.progress_for(learner, course, list(course.lessons()))
        # Sends course_completed after commit, which issues the certificate.
        learning.check_completion(progress.enrollment, course, progress)
        ctx.log.append(f"completed e-learning for {LEARNER}")
    ctx.after.append(lambda: _report(learner))


def _report(learner) -> str | None:
    certificate = Certificate.objects.filter(recipient=learner).order_by("created_at").first()
    if certificate is None:
        return None
    return (
        f"Demo certificate of {learner.email}: {certificate.code} "
        f"({certificate.get_status_display()}) — verify at "
        f"/nl/certificates/verify/{certificate.code}/"
    )
