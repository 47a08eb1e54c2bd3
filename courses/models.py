"""The catalogue: what the centre offers, as Wagtail pages in Dutch and English."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from lms.blocks import BaseStreamBlock


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


class CourseIndexPage(Page):
    """The catalogue of everything the centre offers."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["lms.HomePage"]
    subpage_types = ["courses.CoursePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("course catalogue")

    def courses(self):
        return CoursePage.objects.child_of(self).live().public().order_by("path")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["courses"] = self.courses()
        return context


class CoursePage(Page):
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
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("course")
        verbose_name_plural = _("courses")

    @property
    def card_facts(self) -> list[tuple[str, str]]:
        """Label/value pairs shown on the catalogue card."""
        return [
            (_("Format"), self.get_format_display()),
            (_("Duration"), self.duration),
            (_("For"), self.get_audience_display()),
        ]
