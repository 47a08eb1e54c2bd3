from django import template
from django.conf import settings
from django.core.cache import cache
from django.urls import reverse, translate_url
from django.utils.translation import get_language, get_language_info
from wagtail.models import Page, Site

from lms.pagecache import generation

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
    urls = _translation_urls(request, page, codes) if isinstance(page, Page) and page.pk else {}
    links = []
    for code in codes:
        url = urls.get(code)
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


def _translation_urls(request, page: Page, codes: list[str]) -> dict[str, str]:
    """URL of `page` in each language (or that language's home page), cached
    until the next change to the page tree: it is the same for every reader."""
    key = f"translation-urls:{page.pk}:{request.get_host()}:{generation()}"
    urls = cache.get(key)
    if urls is None:
        targets = _by_language(page.get_translations(inclusive=True).live())
        if len(targets) < len(codes):
            site = Site.find_for_request(request)
            if site is not None:
                homes = _by_language(site.root_page.get_translations(inclusive=True).live())
                targets = {**homes, **targets}
        urls = {code: target.get_url(request) for code, target in targets.items()}
        cache.set(key, urls, 60 * 60)
    return urls


@register.simple_tag
def home_url():
    """The home page in the active language: each language's tree is served at
    its own prefix (/nl/, /en/), so no query is needed."""
    return reverse("wagtail_serve", args=[""])
