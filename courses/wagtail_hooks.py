from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin import widgets as wagtailadmin_widgets

from .models import QuizPage
from .quizzes import services as quiz_services
from .quizzes.forms import QuizImportForm
from .quizzes.importing import QuizImportError


def import_view(request, quiz_id: int):
    """Upload a GIFT or Aiken file and append its questions to a quiz."""
    quiz = get_object_or_404(QuizPage, pk=quiz_id)
    if not quiz.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    problems = []
    form = QuizImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            result = quiz_services.import_questions(
                quiz,
                upload.name,
                form.cleaned_data["text"],
                user=request.user,
                publish=form.cleaned_data["publish"],
            )
        except QuizImportError as error:
            problems = error.problems
        else:
            for notice in result.notices:
                messages.info(request, _("Line %(line)d: %(message)s") % vars(notice))
            messages.success(
                request,
                _("%(count)d question(s) added to “%(title)s”.")
                % {"count": len(result.questions), "title": quiz.title},
            )
            return redirect("wagtailadmin_pages:edit", quiz.pk)
    status = 400 if problems or form.errors else 200
    return TemplateResponse(
        request,
        "courses/admin/quiz_import.html",
        {"quiz": quiz, "form": form, "problems": problems},
        status=status,
    )


@hooks.register("register_admin_urls")
def register_quiz_import_url():
    return [path("quizzes/<int:quiz_id>/import/", import_view, name="courses_quiz_import")]


@hooks.register("register_page_header_buttons")
def quiz_import_button(page, user, view_name=None, next_url=None):
    if isinstance(page.specific_deferred, QuizPage) and page.permissions_for_user(user).can_edit():
        yield wagtailadmin_widgets.Button(
            gettext_lazy("Import questions"),
            reverse("courses_quiz_import", args=[page.pk]),
            icon_name="upload",
            priority=60,
        )
