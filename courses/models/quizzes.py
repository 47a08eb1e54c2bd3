"""Quizzes: the page editors write and the attempts learners make."""

from dataclasses import dataclass

from django.conf import settings
from django.db import models
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from lms.models import FastPrivacyMixin

from .. import grading
from ..blocks import QuestionStreamBlock


class GradingMethod(models.TextChoices):
    HIGHEST = "highest", _("Highest attempt")
    LAST = "last", _("Last attempt")
    FIRST = "first", _("First attempt")
    AVERAGE = "average", _("Average of attempts")


class Review(models.IntegerChoices):
    """What a learner sees of a submitted attempt; each level adds to the one before."""

    SCORE = 1, _("Score only")
    CORRECTNESS = 2, _("Score and which answers were right")
    FEEDBACK = 3, _("Also the feedback")
    ANSWERS = 4, _("Also the right answers")


# Submissions that arrive this long after the time limit still count: the
# network, not the learner, may have been slow.
LATE_GRACE_SECONDS = 30


class QuizPage(FastPrivacyMixin, Page):
    intro = models.TextField(_("introduction"), blank=True)
    questions = StreamField(QuestionStreamBlock(), verbose_name=_("questions"))
    required = models.BooleanField(
        _("required"), default=True, help_text=_("Passing it is needed to complete the course.")
    )
    pass_mark = models.PositiveSmallIntegerField(
        _("pass mark (%)"), default=70, help_text=_("Percentage of the points needed to pass.")
    )
    max_attempts = models.PositiveSmallIntegerField(
        _("maximum attempts"), default=0, help_text=_("0 means unlimited.")
    )
    grading_method = models.CharField(
        _("grading method"),
        max_length=10,
        choices=GradingMethod.choices,
        default=GradingMethod.HIGHEST,
    )
    time_limit_minutes = models.PositiveSmallIntegerField(
        _("time limit (minutes)"), default=0, help_text=_("0 means no time limit.")
    )
    shuffle_questions = models.BooleanField(_("shuffle questions"), default=False)
    shuffle_options = models.BooleanField(_("shuffle options"), default=True)
    review_after_attempt = models.PositiveSmallIntegerField(
        _("after each attempt the learner sees"), choices=Review.choices, default=Review.FEEDBACK
    )
    review_after_close = models.PositiveSmallIntegerField(
        _("after the last attempt the learner sees"),
        choices=Review.choices,
        default=Review.ANSWERS,
        help_text=_(
            "Once every allowed attempt is handed in. With unlimited attempts this never "
            "comes, so right answers shown only here stay hidden."
        ),
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("questions"),
        MultiFieldPanel(
            [
                FieldPanel("required"),
                FieldPanel("pass_mark"),
                FieldPanel("max_attempts"),
                FieldPanel("grading_method"),
                FieldPanel("time_limit_minutes"),
                FieldPanel("shuffle_questions"),
                FieldPanel("shuffle_options"),
                FieldPanel("review_after_attempt"),
                FieldPanel("review_after_close"),
            ],
            heading=_("Settings"),
        ),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    parent_page_types = ["courses.CoursePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("quiz")
        verbose_name_plural = _("quizzes")

    @property
    def review_promise(self) -> str:
        """What the learner will see after handing in, as the quiz page tells it."""
        after_attempt = {
            Review.SCORE: _("After handing in you see your score."),
            Review.CORRECTNESS: _(
                "After handing in you see your score and which answers were right."
            ),
            Review.FEEDBACK: _(
                "After handing in you see your score, which answers were right and the "
                "explanation that goes with them."
            ),
            Review.ANSWERS: _(
                "After handing in you see your score, which answers were right, the "
                "explanation that goes with them and the right answers."
            ),
        }[self.review_after_attempt]
        if (
            self.max_attempts
            and self.review_after_close >= Review.ANSWERS > self.review_after_attempt
        ):
            return f"{after_attempt} {_('After your last attempt you also see the right answers.')}"
        return str(after_attempt)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["course"] = self.get_parent().specific
        if getattr(request, "is_preview", False):
            context["preview_questions"] = preview(self)
        elif request.user.is_authenticated:
            context["state"] = quiz_state(request.user, self)
        return context


class AttemptQuerySet(models.QuerySet):
    def submitted(self):
        return self.filter(submitted_at__isnull=False)


class QuizAttempt(models.Model):
    """One attempt at a quiz. It keeps the questions as they were when it began
    (and the revision they came from), so later edits never regrade it."""

    quiz = models.ForeignKey(QuizPage, on_delete=models.CASCADE, related_name="attempts")
    quiz_key = models.UUIDField(_("quiz"), db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="quiz_attempts"
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    number = models.PositiveSmallIntegerField(_("attempt"))
    questions = models.JSONField(_("questions as taken"))
    layout = models.JSONField(_("order shown"), default=dict)
    answers = models.JSONField(_("answers"), default=dict)
    started_at = models.DateTimeField(_("started"), auto_now_add=True)
    deadline = models.DateTimeField(_("deadline"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    late = models.BooleanField(_("submitted too late"), default=False)
    score = models.FloatField(_("score (%)"), null=True, blank=True)
    passed = models.BooleanField(_("passed"), null=True)

    objects = AttemptQuerySet.as_manager()

    class Meta:
        verbose_name = _("quiz attempt")
        verbose_name_plural = _("quiz attempts")
        ordering = ["started_at"]
        constraints = [
            # Attempts are numbered per quiz in every language (its translation key).
            models.UniqueConstraint(
                fields=["user", "quiz_key", "number"], name="attempt_number_once_per_quiz"
            )
        ]

    def __str__(self):
        return f"{self.user} · {self.quiz} #{self.number}"

    @property
    def is_submitted(self) -> bool:
        return self.submitted_at is not None


def quiz_grade(scores: list[float], method: str) -> float | None:
    """The quiz's grade from the scores of submitted attempts, oldest first."""
    if not scores:
        return None
    if method == GradingMethod.LAST:
        return scores[-1]
    if method == GradingMethod.FIRST:
        return scores[0]
    if method == GradingMethod.AVERAGE:
        return sum(scores) / len(scores)
    return max(scores)


def passed_quiz_keys(user, quizzes: list[QuizPage]) -> set:
    """Translation keys of the quizzes `user` has passed, by each quiz's method."""
    if not quizzes or not user.is_authenticated:
        return set()
    by_key = {quiz.translation_key: quiz for quiz in quizzes}
    scores: dict = {}
    for key, score in (
        QuizAttempt.objects.submitted()
        .filter(user=user, quiz_key__in=by_key)
        .order_by("submitted_at")
        .values_list("quiz_key", "score")
    ):
        scores.setdefault(key, []).append(score or 0.0)
    passed = set()
    for key, quiz in by_key.items():
        grade = quiz_grade(scores.get(key, []), quiz.grading_method)
        if grade is not None and grade >= quiz.pass_mark:
            passed.add(key)
    return passed


# --- What a quiz looks like to one reader (its page and the attempts use it) ---

OPTION_HMAC_SALT = "courses.quizzes.option-token"
TOKEN_LENGTH = 16  # hex digits: 64 bits
PREVIEW = 0  # no attempt has this primary key


def plain(value):
    """A block value as plain JSON data (StructValue/ListValue -> dict/list)."""
    if hasattr(value, "items"):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple) or type(value).__name__ == "ListValue":
        return [plain(item) for item in value]
    return value


def snapshot(quiz: QuizPage) -> list[dict]:
    return [{"id": b.id, "type": b.block_type, "value": plain(b.value)} for b in quiz.questions]


def option_tokens(attempt_pk: int, question: dict) -> list[str]:
    """What the form posts for each option, pair or item of `question` in the
    attempt `attempt_pk` (see `courses.grading`). An HMAC under SECRET_KEY: the
    same on every request of the attempt, different in every other attempt, and
    without the key it tells nothing of the option it stands for."""
    count = grading.token_count(question["type"], question["value"])
    return [
        salted_hmac(
            OPTION_HMAC_SALT, f"{attempt_pk}:{question['id']}:{i}", algorithm="sha256"
        ).hexdigest()[:TOKEN_LENGTH]
        for i in range(count)
    ]


def preview(quiz: QuizPage) -> list[dict]:
    """The questions as a learner sees them (natural order), for editors' preview."""
    return [
        {
            "id": q["id"],
            **grading.presentation(
                q["type"],
                q["value"],
                list(range(grading.token_count(q["type"], q["value"]))),
                option_tokens(PREVIEW, q),
            ),
        }
        for q in snapshot(quiz)
    ]


@dataclass
class QuizState:
    attempts: list[QuizAttempt]
    open_attempt: QuizAttempt | None
    grade: float | None
    passed: bool
    attempts_left: int | None  # None: unlimited

    @property
    def can_start(self) -> bool:
        return self.open_attempt is None and (self.attempts_left is None or self.attempts_left > 0)

    @property
    def closed(self) -> bool:
        """Every allowed attempt handed in: only then may the review show more
        (such as the right answers), as no attempt can count any more. An open
        attempt keeps it open even when no new one may start."""
        return self.open_attempt is None and self.attempts_left == 0


def quiz_state(user, quiz: QuizPage) -> QuizState:
    attempts = list(QuizAttempt.objects.filter(user=user, quiz_key=quiz.translation_key))
    submitted = sorted((a for a in attempts if a.is_submitted), key=lambda a: a.submitted_at)
    grade = quiz_grade([a.score or 0.0 for a in submitted], quiz.grading_method)
    left = None if not quiz.max_attempts else max(0, quiz.max_attempts - len(attempts))
    open_attempt = next((a for a in attempts if not a.is_submitted), None)
    return QuizState(
        attempts=attempts,
        open_attempt=open_attempt,
        grade=grade,
        passed=grade is not None and grade >= quiz.pass_mark,
        attempts_left=left,
    )
