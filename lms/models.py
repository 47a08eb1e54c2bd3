"""What every app shares: the user, the home page, site settings and help contacts."""

import uuid

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index

from . import pagecache
from .blocks import BaseStreamBlock
from .help_contacts import HelpContact  # noqa: F401 (a model of this app)


class Municipality(models.Model):
    """A municipality professionals work for. Those with a tariff agreement with
    the centre get the reduced price on training days; the funders' figures are
    reported per municipality. Coordinators maintain the list (a snippet)."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    has_agreement = models.BooleanField(
        _("tariff agreement"),
        default=False,
        help_text=_("Professionals working for this municipality pay the reduced tariff."),
    )

    panels = [FieldPanel("name"), FieldPanel("has_agreement")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")

    def __str__(self):
        return self.name


class Profession(models.TextChoices):
    SOCIAL_WORKER = "social_worker", _("Social worker")
    YOUTH_WORKER = "youth_worker", _("Youth worker")
    TEACHER = "teacher", _("Teacher or school staff")
    SHELTER_STAFF = "shelter_staff", _("Shelter staff")
    CULTURAL_MEDIATOR = "cultural_mediator", _("Cultural mediator")
    POLICE = "police", _("Community police officer")
    MUNICIPALITY = "municipality", _("Municipal officer")
    FRONT_DESK = "front_desk", _("Front-desk staff")
    OTHER = "other", _("Other")


class User(AbstractUser):
    """An adult with an account: a professional, a school or organisation contact,
    a trainer or staff. The e-mail address is the log-in; the username is internal
    (a random one is given, as accounts are never looked up by it)."""

    email = models.EmailField(_("e-mail address"), unique=True)
    language = models.CharField(
        _("language"),
        max_length=8,
        choices=[("nl", "Nederlands"), ("en", "English")],
        default="nl",
        help_text=_("Language for e-mails and certificates."),
    )
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    profession = models.CharField(
        _("profession"), max_length=40, choices=Profession.choices, blank=True
    )
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("municipality you work for"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self):
        return self.get_full_name() or str(_("(no name)"))

    def save(self, *args, **kwargs):
        if not self.username:
            self.username = f"user-{uuid.uuid4().hex}"
        super().save(*args, **kwargs)

    @property
    def has_name(self) -> bool:
        return bool(self.first_name.strip() and self.last_name.strip())


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    organisation_name = models.CharField(
        _("organisation name"), max_length=200, default="Expertisecentrum"
    )
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    privacy_statement_nl = RichTextField(_("privacy statement (Dutch)"), blank=True)
    privacy_statement_en = RichTextField(_("privacy statement (English)"), blank=True)
    accessibility_statement = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("accessibility statement"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "The page with the accessibility statement; the footer links to it, in "
            "the reader's language where the page has a translation."
        ),
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("organisation_name"),
                FieldPanel("contact_email"),
                FieldPanel("contact_phone"),
            ],
            heading=_("Organisation"),
        ),
        MultiFieldPanel(
            [FieldPanel("privacy_statement_nl"), FieldPanel("privacy_statement_en")],
            heading=_("Privacy statement"),
        ),
        FieldPanel("accessibility_statement"),
    ]

    class Meta:
        verbose_name = _("site settings")

    @classmethod
    def for_site(cls, site):
        """Every page shows these, so they are cached; saving them starts a new
        page generation (lms.signals), which retires the cached copy."""
        if site is None:
            return super().for_site(site)
        load = super().for_site
        return pagecache.remember(f"site-settings:{site.pk}", lambda: load(site))

    @property
    def privacy_statement(self) -> str:
        """The statement in the active language, falling back to Dutch."""
        if (get_language() or "nl").startswith("en") and self.privacy_statement_en:
            return self.privacy_statement_en
        return self.privacy_statement_nl

    @property
    def accessibility_statement_url(self) -> str:
        """The statement page in the active language (its translation if it is
        live, else the page chosen), or "" when none is chosen."""
        if self.accessibility_statement_id is None:
            return ""
        language = get_language() or "nl"

        def build() -> str:
            page = Page.objects.filter(pk=self.accessibility_statement_id).first()
            if page is None:
                return ""
            translated = page.get_translations(inclusive=True).live()
            page = translated.filter(locale__language_code=language).first() or page
            return page.url or ""

        return pagecache.remember(f"accessibility-url:{self.pk}:{language}", build)


class FastPrivacyMixin:
    """While no page of the site is private, say so without asking the database
    on every page view (Wagtail checks each page's view restrictions)."""

    def get_view_restrictions(self):
        if not pagecache.any_view_restrictions():
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()


class HomePage(FastPrivacyMixin, Page):
    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["courses.CourseIndexPage", "lms.StandardPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def route(self, request, path_components):
        return pagecache.cached_route(self, request, path_components, super().route)

    def serve(self, request, *args, **kwargs):
        return pagecache.serve_cached_for_anonymous(self, request, super().serve, *args, **kwargs)


class StandardPage(FastPrivacyMixin, Page):
    """A plain content page (about us, contact, accessibility statement)."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["lms.HomePage", "lms.StandardPage"]
    subpage_types = ["lms.StandardPage"]

    class Meta:
        verbose_name = _("standard page")
