import csv

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from lms import roles
from lms.errors import Refused, refused_response
from lms.http import private

from ..models import QuizAttempt, QuizPage
from . import services


def _refused(request, error: Refused, back_url: str):
    return refused_response(request, error, back_url=back_url, back_label=_("Back to the quiz"))


@require_POST
@login_required
def start(request, quiz_id: int):
    quiz = get_object_or_404(QuizPage.objects.live(), pk=quiz_id)
    try:
        attempt = services.start_attempt(request.user, quiz)
    except Refused as error:
        return _refused(request, error, quiz.url)
    return redirect("courses:quiz_attempt", attempt_id=attempt.pk)


@require_GET
@login_required
def attempt(request, attempt_id: int):
    found = get_object_or_404(
        QuizAttempt.objects.select_related("quiz"), pk=attempt_id, user=request.user
    )
    quiz = found.quiz
    if not found.is_submitted:
        response = render(
            request,
            "courses/quiz_attempt.html",
            {
                "quiz": quiz,
                "attempt": found,
                "questions": services.shown_questions(found),
                "now": timezone.now(),
            },
        )
    else:
        response = render(
            request,
            "courses/quiz_review.html",
            {"quiz": quiz, "attempt": found, "result": services.result(request.user, found)},
        )
    private(response)
    return response


@require_POST
@login_required
def submit(request, attempt_id: int):
    try:
        submitted = services.submit_attempt(request.user, attempt_id, request.POST)
    except Refused as error:
        back = (
            QuizAttempt.objects.filter(pk=attempt_id, user=request.user)
            .select_related("quiz")
            .first()
        )
        return _refused(request, error, back.quiz.url if back else "/")
    return redirect("courses:quiz_attempt", attempt_id=submitted.pk)


@require_GET
@login_required
def results(request, quiz_id: int):
    """All attempts and per-question statistics, for trainers and coordinators."""
    if not roles.has_role(request.user, roles.TRAINERS, roles.COORDINATORS):
        raise Http404
    quiz = get_object_or_404(QuizPage, pk=quiz_id)
    stats = services.statistics(quiz)
    if request.GET.get("format") == "csv":
        return _csv(quiz, stats)
    response = render(request, "courses/quiz_results.html", {"quiz": quiz, **stats})
    private(response)
    return response


def _csv(quiz: QuizPage, stats: dict) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="quiz-{quiz.pk}-results.csv"'
    writer = csv.writer(response)
    writer.writerow(["attempt", "learner", "e-mail", "submitted", "score", "passed", "late"])
    for item in stats["attempts"]:
        writer.writerow(
            [
                item.number,
                _safe(item.user.get_full_name()),
                _safe(item.user.email),
                item.submitted_at.isoformat(timespec="seconds"),
                f"{item.score:.1f}",
                "yes" if item.passed else "no",
                "yes" if item.late else "no",
            ]
        )
    writer.writerow([])
    writer.writerow(["question", "answered", "share correct (%)", "most chosen wrong option"])
    for row in stats["questions"]:
        question = row["question"]["value"]
        writer.writerow(
            [
                _safe(question.get("title") or question["prompt"]),
                row["answered"],
                "" if row["share_correct"] is None else row["share_correct"],
                _safe(row["most_chosen_wrong"]),
            ]
        )
    return response


def _safe(text: str) -> str:
    """Keep spreadsheet programs from running a cell as a formula."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
