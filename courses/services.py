"""Learning workflows: enrolment, lesson access, progress and completion."""

import enum
from collections.abc import Callable
from dataclasses import dataclass

from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lms.pagecache import generation

from . import signals
from .models import CoursePage, Enrollment, LessonPage, LessonProgress, QuizPage
from .quiz_models import passed_quiz_keys


class LearningError(Exception):
    """A learning action that cannot be done; the message is for the learner."""


class Access(enum.Enum):
    READ = "read"  # enrolled and open
    PREVIEW = "preview"  # a visitor reading the free first lesson
    LOCKED = "locked"  # enrolled, but an earlier lesson comes first
    LOGIN = "login"  # must log in first
    ENROL = "enrol"  # logged in, not enrolled


@dataclass(frozen=True)
class Progress:
    """How far a learner is: lessons done and quizzes passed (by translation key)."""

    enrollment: Enrollment | None
    done_keys: frozenset
    lessons: list[LessonPage]
    quizzes: list[QuizPage] = ()
    passed_quiz_keys: frozenset = frozenset()

    @property
    def required(self) -> list[LessonPage]:
        return [lesson for lesson in self.lessons if lesson.required]

    @property
    def required_quizzes(self) -> list[QuizPage]:
        return [quiz for quiz in self.quizzes if quiz.required]

    @property
    def percent(self) -> int:
        steps = [lesson.translation_key in self.done_keys for lesson in self.required] + [
            quiz.translation_key in self.passed_quiz_keys for quiz in self.required_quizzes
        ]
        if not steps:
            return 100 if self.enrollment and self.enrollment.is_completed else 0
        return round(100 * sum(steps) / len(steps))

    @property
    def continue_page(self) -> LessonPage | QuizPage | None:
        """The first lesson not done yet, else the first required quiz not passed."""
        lesson = next((x for x in self.lessons if x.translation_key not in self.done_keys), None)
        if lesson is not None:
            return lesson
        return next(
            (q for q in self.required_quizzes if q.translation_key not in self.passed_quiz_keys),
            None,
        )

    def is_passed(self, quiz: QuizPage) -> bool:
        return quiz.translation_key in self.passed_quiz_keys

    def is_done(self, lesson: LessonPage) -> bool:
        return lesson.translation_key in self.done_keys

    def is_locked(self, course: CoursePage, lesson: LessonPage) -> bool:
        if not course.sequential or self.enrollment is None:
            return False
        for earlier in self.lessons:
            if earlier.pk == lesson.pk:
                return False
            if earlier.translation_key not in self.done_keys:
                return True
        return False


def get_enrollment(user, course: CoursePage) -> Enrollment | None:
    if not user.is_authenticated:
        return None
    return Enrollment.objects.filter(user=user, course_key=course.translation_key).first()


@dataclass(frozen=True)
class Outline:
    course: CoursePage
    lessons: list[LessonPage]
    quizzes: list[QuizPage]


def outline_of(course_path: str) -> Outline:
    """The course at `course_path` (a page's tree path) with its published lessons
    and quizzes, in order. The same for every reader, so it is cached until the
    next publish, move or delete anywhere in the tree."""
    key = f"course-outline:{course_path}:{generation()}"
    outline = cache.get(key)
    if outline is None:
        course = CoursePage.objects.get(path=course_path)
        outline = Outline(course, list(course.lessons()), list(course.quizzes()))
        cache.set(key, outline, 60 * 60)
    return outline


def progress_for(
    user,
    course: CoursePage,
    lessons: list[LessonPage],
    enrollment: Enrollment | None = None,
    quizzes: list[QuizPage] | None = None,
) -> Progress:
    enrollment = enrollment or get_enrollment(user, course)
    if enrollment is None:
        return Progress(enrollment=None, done_keys=frozenset(), lessons=lessons)
    done = frozenset(
        LessonProgress.objects.filter(enrollment=enrollment).values_list("lesson_key", flat=True)
    )
    quizzes = list(course.quizzes()) if quizzes is None else quizzes
    return Progress(
        enrollment=enrollment,
        done_keys=done,
        lessons=lessons,
        quizzes=quizzes,
        passed_quiz_keys=frozenset(passed_quiz_keys(user, quizzes)),
    )


@dataclass(frozen=True)
class LessonState:
    access: Access
    lessons: list[LessonPage]
    progress: Progress | None


def lesson_state(user, course: CoursePage, lesson: LessonPage, outline=None) -> LessonState:
    """Who may read `lesson`, and how far the reader is in the course."""
    outline = outline or Outline(course, list(course.lessons()), list(course.quizzes()))
    lessons = outline.lessons
    is_first = bool(lessons) and lessons[0].pk == lesson.pk
    preview_or = lambda fallback: (  # noqa: E731
        Access.PREVIEW if (course.allow_preview and is_first) else fallback
    )
    if not user.is_authenticated:
        return LessonState(preview_or(Access.LOGIN), lessons, None)
    progress = progress_for(user, course, lessons, quizzes=outline.quizzes)
    if progress.enrollment is None:
        return LessonState(preview_or(Access.ENROL), lessons, progress)
    access = Access.LOCKED if progress.is_locked(course, lesson) else Access.READ
    return LessonState(access, lessons, progress)


def enroll(user, course: CoursePage) -> Enrollment:
    """Enrol `user` in an e-learning course; enrolling twice returns the same
    enrolment. Raises LearningError for a course that is not an e-learning."""
    if not course.is_elearning:
        raise LearningError(_("This course has no e-learning to enrol in."))
    if not course.live:
        raise LearningError(_("This course is not available."))
    try:
        with transaction.atomic():
            enrollment, _created = Enrollment.objects.get_or_create(
                user=user, course_key=course.translation_key
            )
    except IntegrityError:  # a simultaneous enrolment won the race
        enrollment = Enrollment.objects.get(user=user, course_key=course.translation_key)
    return enrollment


def mark_lesson_done(user, lesson: LessonPage) -> Progress:
    """Record that `user` finished `lesson`, then check course completion.
    Raises LearningError when the learner is not enrolled or the lesson is locked."""
    course = lesson.get_parent().specific
    with transaction.atomic():
        enrollment = (
            Enrollment.objects.select_for_update()
            .filter(user=user, course_key=course.translation_key)
            .first()
        )
        if enrollment is None:
            raise LearningError(_("Enrol in the course first."))
        lessons = list(course.lessons())
        progress = progress_for(user, course, lessons)
        if progress.is_locked(course, lesson):
            raise LearningError(_("Finish the earlier lessons first."))
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
    if requirement not in _requirements:
        _requirements.append(requirement)
    return requirement


@register_completion_requirement
def required_lessons_done(enrollment, course, progress) -> bool:
    return all(progress.is_done(lesson) for lesson in progress.required)


@register_completion_requirement
def required_quizzes_passed(enrollment, course, progress) -> bool:
    return all(progress.is_passed(quiz) for quiz in progress.required_quizzes)


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
