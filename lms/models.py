"""What every app shares: the user, the home page, site settings and help contacts."""

from django.contrib.auth.models import AbstractUser
from django.core.cache import cache
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index

from .blocks import BaseStreamBlock


class User(AbstractUser):
    """An adult with an account: a professional, a school or organisation contact,
    a trainer or staff. The e-mail address is the log-in; the username is internal."""

    email = models.EmailField(_("e-mail address"), unique=True)
    language = models.CharField(
        _("language"),
        max_length=8,
        choices=[("nl", "Nederlands"), ("en", "English")],
        default="nl",
        help_text=_("Language for e-mails and certificates."),
    )

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self):
        return self.get_full_name() or self.email


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    organisation_name = models.CharField(
        _("organisation name"), max_length=200, default="Expertisecentrum"
    )
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    privacy_statement_nl = RichTextField(_("privacy statement (Dutch)"), blank=True)
    privacy_statement_en = RichTextField(_("privacy statement (English)"), blank=True)

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
    ]

    class Meta:
        verbose_name = _("site settings")

    @classmethod
    def for_site(cls, site):
        """Every page shows these, so they are cached; saving them starts a new
        page generation (lms.signals), which retires the cached copy."""
        from .pagecache import generation

        if site is None:
            return super().for_site(site)
        key = f"site-settings:{site.pk}:{generation()}"
        instance = cache.get(key)
        if instance is None:
            instance = super().for_site(site)
            cache.set(key, instance, 60 * 60)
        return instance

    @property
    def privacy_statement(self) -> str:
        """The statement in the active language, falling back to Dutch."""
        if (get_language() or "nl").startswith("en") and self.privacy_statement_en:
            return self.privacy_statement_en
        return self.privacy_statement_nl


class HelpContact(TranslatableMixin, models.Model):
    """A public help line shown wherever young people or victims may read."""

    name = models.CharField(_("name"), max_length=120)
    description = models.CharField(_("description"), max_length=255, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    url = models.URLField(_("website or chat"), blank=True)
    hours = models.CharField(_("opening hours"), max_length=120, blank=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [
        FieldPanel("name"),
        FieldPanel("description"),
        FieldPanel("phone"),
        FieldPanel("url"),
        FieldPanel("hours"),
        FieldPanel("sort_order"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order", "name"]
        verbose_name = _("help contact")
        verbose_name_plural = _("help contacts")

    def __str__(self):
        return self.name

    @property
    def phone_href(self) -> str:
        return "tel:" + "".join(ch for ch in self.phone if ch.isdigit() or ch == "+")


class FastPrivacyMixin:
    """While no page of the site is private, say so without asking the database
    on every page view (Wagtail checks each page's view restrictions)."""

    def get_view_restrictions(self):
        from wagtail.models import PageViewRestriction

        from .pagecache import any_view_restrictions

        if not any_view_restrictions():
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
        from .pagecache import cached_route

        if not path_components:
            return super().route(request, path_components)
        return cached_route(self, request, path_components, super().route)


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
