from django import template
from django.conf import settings
from django.urls import Resolver404, resolve, reverse, translate_url
from django.utils.translation import get_language, get_language_info, override
from wagtail.models import Page, Site

from lms.pagecache import remember

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
                "url": url or _same_view_in(request, code),
                "is_current": code == current,
            }
        )
    return {"links": links}


def _same_view_in(request, code: str) -> str:
    """The current URL under another language's prefix, if it is one of ours;
    otherwise that language's home page. A path such as `//evil.example/x` (a 404)
    must never come back as a link: browsers read it as another site."""
    path = request.path
    try:
        resolve(path)
    except Resolver404:
        with override(code):
            return reverse("wagtail_serve", args=[""])
    url = translate_url(request.get_full_path(), code)
    if not url.startswith("/") or url.startswith("//"):
        with override(code):
            return reverse("wagtail_serve", args=[""])
    return url


def _by_language(pages) -> dict[str, Page]:
    return {p.locale.language_code: p for p in pages.select_related("locale")}


def _translation_urls(request, page: Page, codes: list[str]) -> dict[str, str]:
    """URL of `page` in each language (or that language's home page), cached
    until the next change to the page tree: it is the same for every reader."""

    def build() -> dict[str, str]:
        targets = _by_language(page.get_translations(inclusive=True).live())
        if len(targets) < len(codes):
            site = Site.find_for_request(request)
            if site is not None:
                homes = _by_language(site.root_page.get_translations(inclusive=True).live())
                targets = {**homes, **targets}
        return {code: target.get_url(request) for code, target in targets.items()}

    return remember(f"translation-urls:{page.pk}:{request.get_host()}", build)


@register.simple_tag
def home_url():
    """The home page in the active language: each language's tree is served at
    its own prefix (/nl/, /en/), so no query is needed."""
    return reverse("wagtail_serve", args=[""])
