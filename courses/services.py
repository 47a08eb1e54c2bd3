"""Learning workflows: enrolment, marking lessons done and completion, each under
the enrolment's lock. How far a learner is (the read side) is in `models.progress`."""

from collections.abc import Callable

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lms.errors import Refused

from . import signals
from .models import CoursePage, Enrollment, LessonPage, LessonProgress
from .models.progress import Progress, progress_for


def lock_enrollment(user, course: CoursePage) -> Enrollment | None:
    """The learner's enrolment, locked until the transaction ends (call it inside
    one), or None. Every workflow that changes a learner's progress takes this
    lock before anything else: they then run one after the other, and the one
    that decides on completion sees what the others did."""
    return (
        Enrollment.objects.select_for_update()
        .filter(user=user, course_key=course.translation_key)
        .first()
    )


def enroll(user, course: CoursePage) -> Enrollment:
    """Enrol `user` in an e-learning course; enrolling twice returns the same
    enrolment. Raises Refused for a course that is not an e-learning."""
    if not course.is_elearning:
        raise Refused(_("This course has no e-learning to enrol in."))
    if not course.live:
        raise Refused(_("This course is not available."))
    try:
        with transaction.atomic():
            enrollment, _created = Enrollment.objects.get_or_create(
                user=user, course_key=course.translation_key
            )
    except IntegrityError:  # a simultaneous enrolment won the race
        enrollment = Enrollment.objects.get(user=user, course_key=course.translation_key)
    return enrollment


def mark_lesson_done(user, lesson: LessonPage) -> Progress:
    """Record that `user` finished `lesson`, then check course completion (under
    the enrolment's lock, so a quiz handed in at the same moment is seen).
    Raises Refused when the learner is not enrolled or the lesson is locked."""
    course = lesson.get_parent().specific
    with transaction.atomic():
        enrollment = lock_enrollment(user, course)
        if enrollment is None:
            raise Refused(_("Enrol in the course first."), status=403)
        lessons = list(course.lessons())
        progress = progress_for(user, course, lessons, enrollment)
        if progress.is_locked(course, lesson):
            raise Refused(_("Finish the earlier lessons first."), status=403)
        LessonProgress.objects.get_or_create(
            enrollment=enrollment, lesson_key=lesson.translation_key
        )
        progress = progress_for(user, course, lessons, enrollment)
        check_completion(enrollment, course, progress)
    return progress


# --- Completion -------------------------------------------------------------
# A requirement takes (enrollment, course, progress) and says whether it is met.
# The lessons rule is built in; the quizzes app adds "required quizzes passed".
Requirement = Callable[[Enrollment, CoursePage, Progress], bool]
_requirements: list[Requirement] = []


def register_completion_requirement(requirement: Requirement) -> Requirement:
    """Add a condition a course must meet before it completes. Lessons register
    here; quizzes register from `courses.quizzes.services` (required quizzes passed)."""
    if requirement not in _requirements:
        _requirements.append(requirement)
    return requirement


@register_completion_requirement
def required_lessons_done(enrollment, course, progress) -> bool:
    return all(progress.is_done(lesson) for lesson in progress.required)


def check_completion(enrollment: Enrollment, course: CoursePage, progress: Progress) -> bool:
    """Mark the enrolment completed, once, when every requirement is met, and
    send `course_completed` after commit. Returns whether it is completed."""
    if enrollment.completed_at is not None:
        return True
    if not all(requirement(enrollment, course, progress) for requirement in _requirements):
        return False
    enrollment.completed_at = timezone.now()
    enrollment.save(update_fields=["completed_at"])
    transaction.on_commit(
        lambda: signals.course_completed.send(
            sender=Enrollment, enrollment=enrollment, course=course
        )
    )
    return True
