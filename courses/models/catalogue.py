"""The catalogue: what the centre offers, as Wagtail pages in Dutch and English."""

from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from lms import roles
from lms.blocks import BaseStreamBlock
from lms.http import private
from lms.models import FastPrivacyMixin
from lms.pagecache import remember, serve_cached_for_anonymous

from ..blocks import ActivityBlock, LessonStreamBlock
from ..choices import Audience, Format, Theme
from ..forms import CatalogueFilterForm
from .progress import Access, lesson_state, outline_of, progress_for
from .quizzes import QuizPage


class CourseIndexPage(FastPrivacyMixin, Page):
    """The catalogue of everything the centre offers."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["lms.HomePage"]
    subpage_types = ["courses.CoursePage"]
    max_count_per_parent = 1

    # The query parameters the catalogue reads (CatalogueFilterForm) and the
    # values each accepts; the page cache stores no other query string.
    filters = {"audience": Audience.values, "format": Format.values, "theme": Theme.values}

    class Meta:
        verbose_name = _("course catalogue")

    def courses(self):
        return (
            CoursePage.objects.child_of(self).live().public().order_by("path").defer_streamfields()
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        form = CatalogueFilterForm(request.GET or None)
        courses = self.courses()
        if form.is_valid():
            for field in self.filters:
                if form.cleaned_data.get(field):
                    courses = courses.filter(**{field: form.cleaned_data[field]})
        context["filter_form"] = form
        context["courses"] = courses
        return context

    def serve(self, request, *args, **kwargs):
        return serve_cached_for_anonymous(
            self, request, super().serve, *args, accepted_query=self.filters, **kwargs
        )


class CoursePage(FastPrivacyMixin, Page):
    """One offer: an e-learning, a training day, an in-company training, a group
    programme or a school lesson."""

    summary = models.TextField(_("summary"), help_text=_("One or two sentences for the catalogue."))
    audience = models.CharField(_("audience"), max_length=20, choices=Audience.choices)
    format = models.CharField(_("format"), max_length=20, choices=Format.choices)
    theme = models.CharField(_("theme"), max_length=30, choices=Theme.choices)
    duration = models.CharField(
        _("duration"),
        max_length=100,
        blank=True,
        help_text=_(
            "For example: 90 minutes. Leave empty for an e-learning: its study load is "
            "the sum of its lessons' durations."
        ),
    )
    number_of_meetings = models.PositiveSmallIntegerField(
        _("number of meetings"),
        null=True,
        blank=True,
        help_text=_(
            "For a group programme: how many meetings it has. Leave empty when the "
            "number is not fixed."
        ),
    )
    learning_goals = RichTextField(_("learning goals"), features=["ul", "ol", "bold", "italic"])
    accreditation = models.CharField(_("accreditation / study load"), max_length=255, blank=True)
    price_information = models.TextField(_("price information"), blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Shown on the course page and its card. An illustration, not a photo of people."
        ),
    )
    image_alt = models.CharField(
        _("image description (alt text)"),
        max_length=255,
        blank=True,
        help_text=_("What the image shows, for readers who cannot see it. Required with an image."),
    )
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

    def clean(self):
        super().clean()
        if self.image_id and not self.image_alt.strip():
            raise ValidationError(
                {"image_alt": _("Describe the image for readers who cannot see it.")}
            )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldPanel("image"), FieldPanel("image_alt")],
            heading=_("Image"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("audience"),
                FieldPanel("format"),
                FieldPanel("theme"),
                FieldPanel("duration"),
                FieldPanel("number_of_meetings"),
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
    def card_facts(self) -> list[tuple[str, str]]:
        """Label/value pairs shown on the catalogue card; a fact the editors left
        empty is left out."""
        facts = [
            (_("Format"), self.get_format_display()),
            (_("Duration"), self.display_duration),
            (_("For"), self.get_audience_display()),
        ]
        return [(label, value) for label, value in facts if value]

    @property
    def display_duration(self) -> str:
        """What editors wrote; for an e-learning without it, the study load that
        its lessons add up to (never a figure nobody entered)."""
        if self.duration or not self.is_elearning:
            return self.duration
        minutes = self.study_load_minutes()
        if not minutes:
            return ""
        hours, rest = divmod(minutes, 60)
        in_minutes = ngettext("%(minutes)d minute", "%(minutes)d minutes", rest) % {"minutes": rest}
        if not hours:
            return in_minutes
        in_hours = ngettext("%(hours)d hour", "%(hours)d hours", hours) % {"hours": hours}
        if not rest:
            return in_hours
        return _("%(hours)s and %(minutes)s") % {"hours": in_hours, "minutes": in_minutes}

    def study_load_minutes(self) -> int:
        """The sum of the published lessons' reading times; the same for every
        reader, so cached until the next change to the page tree."""
        return remember(
            f"study-load:{self.pk}", lambda: sum(lesson.minutes for lesson in self.lessons())
        )

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
        context = super().get_context(request, *args, **kwargs)
        lessons, quizzes = [], []
        if self.is_elearning and self.path:  # (a new page's preview has no place yet)
            outline = outline_of(self.path)
            lessons, quizzes = outline.lessons, outline.quizzes
        context["lessons"] = lessons
        context["quizzes"] = quizzes
        context["progress"] = (
            progress_for(request.user, self, lessons, quizzes=quizzes)
            if request.user.is_authenticated and self.is_elearning
            else None
        )
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
        outline = outline_of(self.path[: -self.steplen])
        course = outline.course
        state = lesson_state(request.user, course, self, outline)
        access = state.access
        if access == Access.LOGIN:
            from django.contrib.auth.views import redirect_to_login

            return redirect_to_login(request.get_full_path())
        if access == Access.ENROL:
            from django.contrib import messages

            messages.info(request, _("Enrol in the course to read its lessons."))
            return redirect(course.url)
        request.lesson_state = (course, state)
        response = super().serve(request, *args, **kwargs)
        response["Cache-Control"] = "private, no-cache"
        return response

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if hasattr(request, "lesson_state"):
            course, state = request.lesson_state
        else:  # e.g. an editor's preview, which does not go through serve()
            course = self.get_parent().specific
            state = lesson_state(request.user, course, self)
        lessons = state.lessons
        context["course"] = course
        context["lessons"] = lessons
        # The body is the same for every reader, except a checklist's answer and
        # an editor's preview (the draft's body, never the published one kept).
        context["body_is_shared"] = not (
            getattr(request, "is_preview", False) or "checklist" in request.GET
        )
        context["locked"] = state.access == Access.LOCKED
        context["preview"] = state.access == Access.PREVIEW
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
    duration_minutes = models.PositiveSmallIntegerField(
        _("duration (minutes)"),
        null=True,
        blank=True,
        help_text=_("The meeting's slot in the schedule. Leave empty when it is not fixed."),
    )
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

    @classmethod
    def readable_by(cls, user) -> bool:
        return roles.has_role(user, *cls.visible_to_roles)

    @classmethod
    def plans_of(cls, course: Page):
        """The published plans of `course`, by meeting number."""
        return cls.objects.child_of(course).live().order_by("number", "path").defer_streamfields()

    def serve(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            from django.contrib.auth.views import redirect_to_login

            return redirect_to_login(request.get_full_path())
        if not self.readable_by(request.user):
            raise Http404
        response = super().serve(request, *args, **kwargs)
        private(response)
        return response

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        course = self.get_parent()
        plans = list(self.plans_of(course))
        position = next((i for i, plan in enumerate(plans) if plan.pk == self.pk), None)
        context["course"] = course
        context["previous_plan"] = plans[position - 1] if position else None
        context["next_plan"] = (
            plans[position + 1] if position is not None and position + 1 < len(plans) else None
        )
        return context

    @property
    def total_minutes(self) -> int:
        return sum(block.value["minutes"] or 0 for block in self.activities)
