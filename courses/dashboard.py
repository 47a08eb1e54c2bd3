"""The learning section of /my/: courses in progress and completed."""

from functools import reduce
from operator import or_

from django.db.models import Q
from wagtail.models import Locale

from .models import CoursePage, Enrollment, LessonPage, LessonProgress, QuizPage
from .quiz_models import passed_quiz_keys
from .services import Progress


def learning_section(request) -> dict | None:
    enrollments = list(Enrollment.objects.filter(user=request.user).order_by("-enrolled_at"))
    if not enrollments:
        return {
            "template": "courses/includes/dashboard_learning.html",
            "in_progress": [],
            "completed": [],
        }
    keys = [e.course_key for e in enrollments]
    active = Locale.get_active()
    courses: dict = {}
    # Prefer the course in the reader's language; fall back to any translation.
    for course in CoursePage.objects.live().filter(translation_key__in=keys).defer_streamfields():
        if course.translation_key not in courses or course.locale_id == active.pk:
            courses[course.translation_key] = course
    lessons_by_course: dict = {key: [] for key in courses}
    quizzes_by_course: dict = {key: [] for key in courses}
    if courses:
        children = reduce(
            or_, (Q(path__startswith=c.path, depth=c.depth + 1) for c in courses.values())
        )
        parents = {c.path: c.translation_key for c in courses.values()}
        for model, target in ((LessonPage, lessons_by_course), (QuizPage, quizzes_by_course)):
            for page in model.objects.live().filter(children).order_by("path").defer_streamfields():
                target[parents[page.path[: -model.steplen]]].append(page)
    passed = passed_quiz_keys(request.user, [q for qs in quizzes_by_course.values() for q in qs])
    done: dict = {}
    for enrollment_id, key in LessonProgress.objects.filter(enrollment__in=enrollments).values_list(
        "enrollment_id", "lesson_key"
    ):
        done.setdefault(enrollment_id, set()).add(key)

    in_progress, completed = [], []
    for enrollment in enrollments:
        course = courses.get(enrollment.course_key)
        if course is None:
            continue
        progress = Progress(
            enrollment=enrollment,
            done_keys=frozenset(done.get(enrollment.pk, ())),
            lessons=lessons_by_course[enrollment.course_key],
            quizzes=quizzes_by_course[enrollment.course_key],
            passed_quiz_keys=frozenset(passed),
        )
        entry = {"course": course, "progress": progress}
        (completed if enrollment.is_completed else in_progress).append(entry)
    return {
        "template": "courses/includes/dashboard_learning.html",
        "in_progress": in_progress,
        "completed": completed,
    }
