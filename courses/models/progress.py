"""How far a learner is, and who may read a lesson: the read side of learning,
used by the pages (their context) and by the workflows in `services`."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from wagtail.models import Page

from lms.pagecache import generation, remember
from lms.usercache import remember_for_user

from .learning import Enrollment, LessonProgress
from .quizzes import QuizPage, passed_quiz_keys

if TYPE_CHECKING:  # the page models import this module for their context
    from .catalogue import CoursePage, LessonPage


class Access(enum.Enum):
    READ = "read"  # enrolled and open
    PREVIEW = "preview"  # a visitor reading the free first lesson
    LOCKED = "locked"  # enrolled, but an earlier lesson comes first
    LOGIN = "login"  # must log in first
    ENROL = "enrol"  # logged in, not enrolled


@dataclass(frozen=True)
class Progress:
    """How far a learner is: lessons done and quizzes passed (by translation key).
    Frozen, so what is worked out from it is worked out once (templates ask for
    the percentage several times)."""

    enrollment: Enrollment | None
    done_keys: frozenset
    lessons: list[LessonPage]
    quizzes: list[QuizPage] = ()
    passed_quiz_keys: frozenset = frozenset()

    @cached_property
    def required(self) -> list[LessonPage]:
        return [lesson for lesson in self.lessons if lesson.required]

    @cached_property
    def required_quizzes(self) -> list[QuizPage]:
        return [quiz for quiz in self.quizzes if quiz.required]

    @cached_property
    def percent(self) -> int:
        steps = [lesson.translation_key in self.done_keys for lesson in self.required] + [
            quiz.translation_key in self.passed_quiz_keys for quiz in self.required_quizzes
        ]
        if not steps:
            return 100 if self.enrollment and self.enrollment.is_completed else 0
        return round(100 * sum(steps) / len(steps))

    @cached_property
    def continue_page(self) -> LessonPage | QuizPage | None:
        """The first lesson not done yet, else the first required quiz not passed."""
        lesson = next((x for x in self.lessons if x.translation_key not in self.done_keys), None)
        if lesson is not None:
            return lesson
        return next(
            (q for q in self.required_quizzes if q.translation_key not in self.passed_quiz_keys),
            None,
        )

    @cached_property
    def quiz_after_lessons(self) -> QuizPage | None:
        """Where the last lesson leads: the first quiz not passed yet, else the first quiz."""
        return next(
            (q for q in self.quizzes if q.translation_key not in self.passed_quiz_keys),
            self.quizzes[0] if self.quizzes else None,
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

    def build() -> Outline:
        course = Page.objects.get(path=course_path).specific
        return Outline(course, list(course.lessons()), list(course.quizzes()))

    return remember(f"course-outline:{course_path}", build)


def _enrollment_and_lessons_done(user, course: CoursePage) -> tuple[Enrollment | None, frozenset]:
    """The learner's enrolment in `course` and the keys of the lessons they have
    done, in one query: the enrolment's row joined to each lesson done."""
    if not user.is_authenticated:
        return None, frozenset()
    fields = [field.attname for field in Enrollment._meta.concrete_fields]
    rows = Enrollment.objects.filter(user=user, course_key=course.translation_key).values_list(
        *fields, "lessons_done__lesson_key"
    )
    found = list(rows)
    if not found:
        return None, frozenset()
    enrollment = Enrollment.from_db(rows.db, fields, found[0][:-1])
    return enrollment, frozenset(row[-1] for row in found if row[-1] is not None)


def progress_for(
    user,
    course: CoursePage,
    lessons: list[LessonPage],
    enrollment: Enrollment | None = None,
    quizzes: list[QuizPage] | None = None,
) -> Progress:
    """How far `user` is in `course`, given its published `lessons` and
    `quizzes` (read from the course when None). Pass `enrollment` when the
    caller holds it (locked); otherwise it is read together with the lessons
    done. Two queries, three without `quizzes`, however many there are."""
    quizzes = list(course.quizzes()) if quizzes is None else quizzes
    if enrollment is None:
        if not user.is_authenticated:
            return Progress(enrollment=None, done_keys=frozenset(), lessons=lessons)
        # Read on every lesson page and /my/: kept per learner until their
        # enrolments, lessons done or attempts change, or a page is published
        # (a quiz's pass mark or grading method may have changed).
        enrollment, done, passed = remember_for_user(
            user.pk,
            f"progress:{generation()}:{course.translation_key}",
            lambda: _read_progress(user, course, quizzes),
        )
    else:
        done = frozenset(
            LessonProgress.objects.filter(enrollment=enrollment).values_list(
                "lesson_key", flat=True
            )
        )
        passed = frozenset(passed_quiz_keys(user, quizzes))
    if enrollment is None:
        return Progress(enrollment=None, done_keys=frozenset(), lessons=lessons)
    return Progress(
        enrollment=enrollment,
        done_keys=done,
        lessons=lessons,
        quizzes=quizzes,
        passed_quiz_keys=passed,
    )


def _read_progress(user, course: CoursePage, quizzes: list[QuizPage]):
    enrollment, done = _enrollment_and_lessons_done(user, course)
    if enrollment is None:
        return None, frozenset(), frozenset()
    return enrollment, done, frozenset(passed_quiz_keys(user, quizzes))


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
