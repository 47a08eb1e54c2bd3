"""The sections of /my/ this app gives: courses in progress and completed, and
for trainers and coordinators the session plans and quiz results."""

from collections.abc import Callable
from functools import reduce
from operator import or_
from typing import NamedTuple
from uuid import UUID

from django.db.models import Q
from django.utils.translation import get_language

from lms.pagecache import generation, keep, recall, remember
from lms.usercache import remember_for_user

from .models import (
    CoursePage,
    Enrollment,
    LessonPage,
    LessonProgress,
    QuizPage,
    SessionPlanPage,
)
from .models.progress import Outline, Progress
from .models.quizzes import passed_quiz_keys


def _course_outlines() -> dict[UUID, dict[str, Outline]]:
    """Every live course with its live lessons and quizzes, by the course's
    translation key and language (three queries, whatever the number)."""
    courses = list(CoursePage.objects.live().select_related("locale").defer_streamfields())
    children: dict[str, tuple[list, list]] = {c.path: ([], []) for c in courses}
    if courses:
        below = reduce(or_, (Q(path__startswith=c.path, depth=c.depth + 1) for c in courses))
        for index, model in enumerate((LessonPage, QuizPage)):
            for page in model.objects.live().filter(below).order_by("path").defer_streamfields():
                children[page.path[: -model.steplen]][index].append(page)
    outlines: dict[UUID, dict[str, Outline]] = {}
    for course in courses:
        lessons, quizzes = children[course.path]
        outlines.setdefault(course.translation_key, {})[course.locale.language_code] = Outline(
            course, lessons, quizzes
        )
    return outlines


def _outlines_by_key(keys: list[UUID]) -> dict[UUID, dict[str, Outline]]:
    """The outline of each course in `keys` (translation keys), in each of its
    languages; {} for a course that is not live. The same for every learner, so
    they are kept under the page generation (lms.pagecache): a dashboard reads
    none of it from the database, however many courses a learner follows."""
    found = {key: recall(f"course-outlines:{key}", None) for key in keys}
    if None in found.values():
        every = _course_outlines()
        for key in every.keys() | set(keys):
            keep(f"course-outlines:{key}", every.get(key, {}))
        found = {key: every.get(key, {}) for key in keys}
    return found


def _learning(user, language: str) -> tuple[list, dict, set, dict]:
    """The learner's enrolments (newest first), the outline of each course in
    `language` or else another translation, the quizzes passed and the lessons
    done per enrolment: three queries."""
    enrollments = list(Enrollment.objects.filter(user=user).order_by("-enrolled_at"))
    if not enrollments:
        return [], {}, set(), {}
    outlines: dict[UUID, Outline] = {}
    for key, translations in _outlines_by_key([e.course_key for e in enrollments]).items():
        if translations:
            outlines[key] = translations.get(language, next(iter(translations.values())))
    passed = passed_quiz_keys(user, [q for o in outlines.values() for q in o.quizzes])
    done: dict = {}
    for enrollment_id, key in LessonProgress.objects.filter(enrollment__in=enrollments).values_list(
        "enrollment_id", "lesson_key"
    ):
        done.setdefault(enrollment_id, set()).add(key)
    return enrollments, outlines, passed, done


def learning_section(request) -> dict | None:
    language = get_language()
    # Kept per learner until their enrolments, lessons done or attempts
    # change, or a page is published (lms.usercache).
    enrollments, outlines, passed, done = remember_for_user(
        request.user.pk,
        f"dashboard-learning:{generation()}:{language}",
        lambda: _learning(request.user, language),
    )
    section = {"template": "courses/includes/dashboard_learning.html"}
    in_progress, completed = [], []
    for enrollment in enrollments:
        outline = outlines.get(enrollment.course_key)
        if outline is None:
            continue
        progress = Progress(
            enrollment=enrollment,
            done_keys=frozenset(done.get(enrollment.pk, ())),
            lessons=outline.lessons,
            quizzes=outline.quizzes,
            passed_quiz_keys=frozenset(passed),
        )
        entry = {"course": outline.course, "progress": progress}
        (completed if enrollment.is_completed else in_progress).append(entry)
    return {**section, "in_progress": in_progress, "completed": completed}


class _TrainerOutline(NamedTuple):
    course: CoursePage
    plans: list[SessionPlanPage]
    quizzes: list[QuizPage]


def _trainer_outlines() -> list[dict[str, _TrainerOutline]]:
    """Every live course that has live session plans (by meeting number) or
    quizzes, in catalogue order, each by language (three queries)."""
    courses = list(
        CoursePage.objects.live().select_related("locale").order_by("path").defer_streamfields()
    )
    below: dict[str, tuple[list, list]] = {course.path: ([], []) for course in courses}
    in_order = (
        SessionPlanPage.objects.live().order_by("number", "path"),
        QuizPage.objects.live().order_by("path"),
    )
    for index, pages in enumerate(in_order):
        for page in pages.defer_streamfields():
            parent = page.path[: -page.steplen]
            if parent in below:  # not under a course that is live
                below[parent][index].append(page)
    by_key: dict[UUID, dict[str, _TrainerOutline]] = {}
    for course in courses:
        plans, quizzes = below[course.path]
        if plans or quizzes:
            by_key.setdefault(course.translation_key, {})[course.locale.language_code] = (
                _TrainerOutline(course, plans, quizzes)
            )
    return list(by_key.values())


def _in_language(
    translations: dict[str, _TrainerOutline], language: str, has: Callable
) -> _TrainerOutline | None:
    """The translation in `language` if it has what `has` asks, else another one."""
    fitting = {code: outline for code, outline in translations.items() if has(outline)}
    return fitting.get(language) or next(iter(fitting.values()), None)


def trainer_section(request) -> dict | None:
    """Session plans per programme and every quiz's results, for trainers and
    coordinators only; in the reader's language where a translation exists.
    The outlines are the same for every reader, so kept under the page
    generation (lms.pagecache) like the learners' ones."""
    if not SessionPlanPage.readable_by(request.user):
        return None
    language = get_language()
    programmes, quizzes = [], []
    for translations in remember("trainer-outlines", _trainer_outlines):
        if found := _in_language(translations, language, lambda outline: outline.plans):
            programmes.append({"course": found.course, "plans": found.plans})
        if found := _in_language(translations, language, lambda outline: outline.quizzes):
            quizzes.extend({"course": found.course, "quiz": quiz} for quiz in found.quizzes)
    return {
        "template": "courses/includes/dashboard_trainer.html",
        "programmes": programmes,
        "quizzes": quizzes,
    }
