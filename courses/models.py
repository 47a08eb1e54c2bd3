"""The catalogue: what the centre offers, as Wagtail pages in Dutch and English."""

from django.conf import settings
from django.db import models
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from lms import roles
from lms.blocks import BaseStreamBlock
from lms.models import FastPrivacyMixin
from lms.pagecache import generation, serve_cached_for_anonymous

from .blocks import ActivityBlock, LessonStreamBlock


class Audience(models.TextChoices):
    PROFESSIONALS = "professionals", _("Professionals")
    EDUCATION = "education", _("Education professionals")
    YOUNG_PEOPLE = "young_people", _("Young people")


class Format(models.TextChoices):
    ELEARNING = "elearning", _("E-learning")
    TRAINING_DAY = "training_day", _("Training day")
    IN_COMPANY = "in_company", _("In-company training")
    GROUP_PROGRAMME = "group_programme", _("Group programme")
    SCHOOL_LESSON = "school_lesson", _("School lesson")


class Theme(models.TextChoices):
    YOUTH_PROSTITUTION = "youth_prostitution", _("Youth prostitution")
    HUMAN_TRAFFICKING = "human_trafficking", _("Human trafficking")
    ONLINE_SAFETY = "online_safety", _("Boundaries and online safety")
    RESILIENCE = "resilience", _("Resilience and self-esteem")


class CourseIndexPage(FastPrivacyMixin, Page):
    """The catalogue of everything the centre offers."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["lms.HomePage"]
    subpage_types = ["courses.CoursePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("course catalogue")

    def courses(self):
        return (
            CoursePage.objects.child_of(self).live().public().order_by("path").defer_streamfields()
        )

    def get_context(self, request, *args, **kwargs):
        from .forms import CatalogueFilterForm

        context = super().get_context(request, *args, **kwargs)
        form = CatalogueFilterForm(request.GET or None)
        courses = self.courses()
        if form.is_valid():
            for field in ("audience", "format", "theme"):
                if form.cleaned_data.get(field):
                    courses = courses.filter(**{field: form.cleaned_data[field]})
        context["filter_form"] = form
        context["courses"] = courses
        return context

    def serve(self, request, *args, **kwargs):

        return serve_cached_for_anonymous(self, request, super().serve, *args, **kwargs)


class CoursePage(FastPrivacyMixin, Page):
    """One offer: an e-learning, a training day, an in-company training, a group
    programme or a school lesson."""

    summary = models.TextField(_("summary"), help_text=_("One or two sentences for the catalogue."))
    audience = models.CharField(_("audience"), max_length=20, choices=Audience.choices)
    format = models.CharField(_("format"), max_length=20, choices=Format.choices)
    theme = models.CharField(_("theme"), max_length=30, choices=Theme.choices)
    duration = models.CharField(
        _("duration"), max_length=100, help_text=_("For example: 90 minutes, 1 day, 9 meetings.")
    )
    learning_goals = RichTextField(_("learning goals"), features=["ul", "ol", "bold", "italic"])
    accreditation = models.CharField(_("accreditation / study load"), max_length=255, blank=True)
    price_information = models.TextField(_("price information"), blank=True)
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("body"))
    sequential = models.BooleanField(
        _("lessons in order"),
        default=True,
        help_text=_("Each lesson opens once the previous one is done. Off: any order."),
    )
    certificate_validity_months = models.PositiveSmallIntegerField(
        _("certificate valid for (months)"),
        default=0,
        help_text=_("0: the certificate does not expire."),
    )
    allow_preview = models.BooleanField(
        _("preview for visitors"),
        default=True,
        help_text=_("Visitors without an account may read the first lesson."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("audience"),
                FieldPanel("format"),
                FieldPanel("theme"),
                FieldPanel("duration"),
            ],
            heading=_("In the catalogue"),
        ),
        FieldPanel("learning_goals"),
        FieldPanel("accreditation"),
        FieldPanel("price_information"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("sequential"),
                FieldPanel("allow_preview"),
                FieldPanel("certificate_validity_months"),
            ],
            heading=_("E-learning"),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("learning_goals"),
        index.SearchField("body"),
        index.FilterField("audience"),
        index.FilterField("format"),
        index.FilterField("theme"),
    ]
    parent_page_types = ["courses.CourseIndexPage"]
    subpage_types = ["courses.LessonPage", "courses.QuizPage", "courses.SessionPlanPage"]

    class Meta:
        verbose_name = _("course")
        verbose_name_plural = _("courses")

    @property
    def is_elearning(self) -> bool:
        return self.format == Format.ELEARNING

    @property
    def next_step_label(self) -> str:
        """What a reader can do next, by format (shown on cards and the page)."""
        return {
            Format.ELEARNING: _("Enrol in the e-learning"),
            Format.TRAINING_DAY: _("Book a date"),
            Format.IN_COMPANY: _("Request an in-company training"),
            Format.GROUP_PROGRAMME: _("Request the programme"),
            Format.SCHOOL_LESSON: _("Request lessons for your school"),
        }[self.format]

    def lessons(self):
        """The published lessons of this course, in order."""
        return LessonPage.objects.child_of(self).live().order_by("path").defer_streamfields()

    def quizzes(self):
        """The published quizzes of this course, in order."""

        return QuizPage.objects.child_of(self).live().order_by("path").defer_streamfields()

    def serve(self, request, *args, **kwargs):

        return serve_cached_for_anonymous(self, request, super().serve, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        from . import services

        context = super().get_context(request, *args, **kwargs)
        lessons = list(self.lessons()) if self.is_elearning else []
        context["lessons"] = lessons
        progress = (
            services.progress_for(request.user, self, lessons)
            if request.user.is_authenticated and self.is_elearning
            else None
        )
        context["progress"] = progress
        if progress is not None and progress.enrollment is not None:
            context["quizzes"] = progress.quizzes
        else:
            context["quizzes"] = list(self.quizzes()) if self.is_elearning else []
        return context


class LessonPage(FastPrivacyMixin, Page):
    """One lesson of an e-learning course."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(LessonStreamBlock(), verbose_name=_("body"))
    required = models.BooleanField(
        _("required"), default=True, help_text=_("Needed to complete the course.")
    )
    minutes = models.PositiveSmallIntegerField(_("reading time (minutes)"), default=10)

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("body"),
        MultiFieldPanel([FieldPanel("required"), FieldPanel("minutes")], heading=_("Lesson")),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["courses.CoursePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("lesson")
        verbose_name_plural = _("lessons")

    def serve(self, request, *args, **kwargs):
        from . import services

        outline = services.outline_of(self.path[: -self.steplen])
        course = outline.course
        state = services.lesson_state(request.user, course, self, outline)
        access = state.access
        if access == services.Access.LOGIN:
            from django.contrib.auth.views import redirect_to_login

            return redirect_to_login(request.get_full_path())
        if access == services.Access.ENROL:
            from django.contrib import messages

            messages.info(request, _("Enrol in the course to read its lessons."))
            return redirect(course.url)
        request.lesson_state = (course, state)
        response = super().serve(request, *args, **kwargs)
        response["Cache-Control"] = "private, no-cache"
        return response

    def get_context(self, request, *args, **kwargs):
        from . import services

        context = super().get_context(request, *args, **kwargs)
        if hasattr(request, "lesson_state"):
            course, state = request.lesson_state
        else:  # e.g. an editor's preview, which does not go through serve()
            course = self.get_parent().specific
            state = services.lesson_state(request.user, course, self)
        lessons = state.lessons
        context["course"] = course
        context["lessons"] = lessons
        context["page_generation"] = generation()
        context["locked"] = state.access == services.Access.LOCKED
        context["preview"] = state.access == services.Access.PREVIEW
        context["progress"] = state.progress
        position = next((i for i, lesson in enumerate(lessons) if lesson.pk == self.pk), None)
        has_position = position is not None
        context["previous_lesson"] = (
            lessons[position - 1] if has_position and position > 0 else None
        )
        context["next_lesson"] = (
            lessons[position + 1] if has_position and position + 1 < len(lessons) else None
        )
        return context


class SessionPlanPage(FastPrivacyMixin, Page):
    """A trainer's plan for one meeting of a group programme or a school lesson.
    Only Trainers and Coordinators may read it; everyone else gets the log-in
    page (anonymous) or a 404 (logged in), never the content."""

    visible_to_roles = (roles.TRAINERS, roles.COORDINATORS)

    number = models.PositiveSmallIntegerField(_("meeting number"))
    goals = RichTextField(_("goals"), features=["ul", "ol", "bold", "italic"])
    duration_minutes = models.PositiveSmallIntegerField(_("duration (minutes)"))
    materials = RichTextField(_("materials"), features=["ul", "ol"], blank=True)
    activities = StreamField([("activity", ActivityBlock())], verbose_name=_("activities"))

    content_panels = Page.content_panels + [
        FieldPanel("number"),
        FieldPanel("goals"),
        FieldPanel("duration_minutes"),
        FieldPanel("materials"),
        FieldPanel("activities"),
    ]
    # Plans are found through the trainer's own pages, never through site search.
    search_fields: list = []
    parent_page_types = ["courses.CoursePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("session plan")
        verbose_name_plural = _("session plans")
        ordering = ["number"]

    def get_sitemap_urls(self, request=None):
        return []

    def serve(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            from django.contrib.auth.views import redirect_to_login

            return redirect_to_login(request.get_full_path())
        if not roles.has_role(request.user, *self.visible_to_roles):
            raise Http404
        response = super().serve(request, *args, **kwargs)
        response["Cache-Control"] = "private, no-store"
        return response

    @property
    def total_minutes(self) -> int:
        return sum(block.value["minutes"] for block in self.activities)


class Enrollment(models.Model):
    """A learner's place in an e-learning course. Keyed by the course's
    translation key, so progress is the same in Dutch and English."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="enrollments"
    )
    course_key = models.UUIDField(_("course"), db_index=True)
    enrolled_at = models.DateTimeField(_("enrolled at"), auto_now_add=True)
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        constraints = [
            models.UniqueConstraint(fields=["user", "course_key"], name="one_enrollment_per_course")
        ]

    def __str__(self):
        return f"{self.user} · {self.course_key}"

    @property
    def is_completed(self) -> bool:
        return self.completed_at is not None


class LessonProgress(models.Model):
    """A lesson a learner marked as done (keyed by the lesson's translation key)."""

    enrollment = models.ForeignKey(
        Enrollment, on_delete=models.CASCADE, related_name="lessons_done"
    )
    lesson_key = models.UUIDField(_("lesson"))
    completed_at = models.DateTimeField(_("done at"), auto_now_add=True)

    class Meta:
        verbose_name = _("lesson done")
        verbose_name_plural = _("lessons done")
        constraints = [
            models.UniqueConstraint(fields=["enrollment", "lesson_key"], name="lesson_done_once")
        ]

    def __str__(self):
        return f"{self.enrollment} · {self.lesson_key}"

    @property
    def card_facts(self) -> list[tuple[str, str]]:
        """Label/value pairs shown on the catalogue card."""
        return [
            (_("Format"), self.get_format_display()),
            (_("Duration"), self.duration),
            (_("For"), self.get_audience_display()),
        ]


from .quiz_models import QuizAttempt, QuizPage  # noqa: E402,F401  (models of this app)
