from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info
from wagtail.models import Locale, Page

register = template.Library()


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    """A link per language to the same page in that language: the page's
    translation if there is a live one, otherwise that language's home page."""
    request = context["request"]
    page = context.get("page")
    current = get_language()
    links = []
    for code, _name in settings.LANGUAGES:
        url = None
        if isinstance(page, Page):
            translation = (
                page.get_translations(inclusive=True)
                .filter(locale__language_code=code)
                .live()
                .first()
            )
            if translation is None:
                root = page.get_site().root_page if page.get_site() else None
                if root is not None:
                    translation = (
                        root.get_translations(inclusive=True)
                        .filter(locale__language_code=code)
                        .first()
                    )
            if translation is not None:
                url = translation.get_url(request)
        if url is None:
            url = translate_url(request.get_full_path(), code)
        info = get_language_info(code)
        links.append(
            {
                "code": code,
                "name": info["name_local"],
                "url": url,
                "is_current": code == current,
            }
        )
    return {"links": links}


@register.simple_tag(takes_context=True)
def home_url(context):
    """The home page in the active language."""
    request = context["request"]
    from wagtail.models import Site

    site = Site.find_for_request(request)
    if site is None:
        return "/"
    root = site.root_page
    try:
        localized = root.get_translation(Locale.get_active())
    except Page.DoesNotExist:
        localized = root
    return localized.get_url(request) or "/"
