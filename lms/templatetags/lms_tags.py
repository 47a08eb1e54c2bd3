from django import template
from django.conf import settings
from django.urls import reverse, translate_url
from django.utils.translation import get_language, get_language_info
from wagtail.models import Page, Site

register = template.Library()


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    """A link per language to the same page in that language: the page's live
    translation if there is one, otherwise that language's home page; for
    views that are not pages, the same URL under the other language prefix."""
    request = context["request"]
    page = context.get("page")
    current = get_language()
    codes = [code for code, _name in settings.LANGUAGES]
    targets: dict[str, Page] = {}
    if isinstance(page, Page) and page.pk:
        targets = _by_language(page.get_translations(inclusive=True).live())
        if len(targets) < len(codes):
            site = Site.find_for_request(request)
            if site is not None:
                homes = _by_language(site.root_page.get_translations(inclusive=True).live())
                targets = {**homes, **targets}
    links = []
    for code in codes:
        target = targets.get(code)
        url = target.get_url(request) if target is not None else None
        links.append(
            {
                "code": code,
                "name": get_language_info(code)["name_local"],
                "url": url or translate_url(request.get_full_path(), code),
                "is_current": code == current,
            }
        )
    return {"links": links}


def _by_language(pages) -> dict[str, Page]:
    return {p.locale.language_code: p for p in pages.select_related("locale")}


@register.simple_tag
def home_url():
    """The home page in the active language: each language's tree is served at
    its own prefix (/nl/, /en/), so no query is needed."""
    return reverse("wagtail_serve", args=[""])
