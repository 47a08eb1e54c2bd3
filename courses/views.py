from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lms.errors import Refused, refused_response

from . import services
from .models import CoursePage, LessonPage
from .models.progress import progress_for


def _refused(request, error: Refused, course):
    return refused_response(request, error, back_url=course.url, back_label=_("Back to the course"))


@require_POST
@login_required
def enroll(request, course_id: int):
    course = get_object_or_404(CoursePage.objects.live(), pk=course_id)
    try:
        services.enroll(request.user, course)
    except Refused as error:
        return _refused(request, error, course)
    progress = progress_for(request.user, course, list(course.lessons()))
    messages.success(request, _("You are enrolled. Good luck!"))
    target = progress.continue_page
    return redirect(target.url if target else course.url)


@require_POST
@login_required
def lesson_done(request, lesson_id: int):
    lesson = get_object_or_404(LessonPage.objects.live(), pk=lesson_id)
    course = lesson.get_parent().specific
    try:
        progress = services.mark_lesson_done(request.user, lesson)
    except Refused as error:
        return _refused(request, error, course)
    if progress.enrollment.is_completed:
        messages.success(request, _("You have completed this course. Well done!"))
        return redirect(course.url)
    lessons = progress.lessons
    position = next((i for i, item in enumerate(lessons) if item.pk == lesson.pk), None)
    if position is not None and position + 1 < len(lessons):
        return redirect(lessons[position + 1].url)
    target = progress.continue_page
    return redirect(target.url if target else course.url)
