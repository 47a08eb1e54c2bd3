from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET
from wagtail import hooks
from wagtail.admin import widgets as wagtailadmin_widgets

from lms.http import private

from .models import QuizPage
from .quizzes import services as quiz_services
from .quizzes.exporting import export_filename, export_quiz
from .quizzes.forms import QuizImportForm
from .quizzes.importing import QuizImportError


def _quiz_to_edit(request, quiz_id: int) -> QuizPage:
    quiz = get_object_or_404(QuizPage, pk=quiz_id)
    if not quiz.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    return quiz


def import_view(request, quiz_id: int):
    """Upload a GIFT or Aiken file and append its questions to a quiz."""
    quiz = _quiz_to_edit(request, quiz_id)
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


@require_GET
def export_view(request, quiz_id: int):
    """The quiz's questions as a GIFT file to download (its newest revision, as the
    editor shows it); only for those who may edit the quiz, as the file holds the answers."""
    quiz = _quiz_to_edit(request, quiz_id)
    response = HttpResponse(
        export_quiz(quiz).text.encode("utf-8"), content_type="text/plain; charset=utf-8"
    )
    response["Content-Disposition"] = content_disposition_header(True, export_filename(quiz))
    return private(response)


@hooks.register("register_admin_urls")
def register_quiz_interchange_urls():
    return [
        path("quizzes/<int:quiz_id>/import/", import_view, name="courses_quiz_import"),
        path("quizzes/<int:quiz_id>/export/", export_view, name="courses_quiz_export"),
    ]


@hooks.register("register_page_header_buttons")
def quiz_interchange_buttons(page, user, view_name=None, next_url=None):
    if isinstance(page.specific_deferred, QuizPage) and page.permissions_for_user(user).can_edit():
        yield wagtailadmin_widgets.Button(
            gettext_lazy("Import questions"),
            reverse("courses_quiz_import", args=[page.pk]),
            icon_name="upload",
            priority=60,
        )
        yield wagtailadmin_widgets.Button(
            gettext_lazy("Export questions (GIFT)"),
            reverse("courses_quiz_export", args=[page.pk]),
            icon_name="download",
            priority=61,
        )
