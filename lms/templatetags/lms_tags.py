from dataclasses import dataclass

from django import forms, template
from django.apps import apps
from django.conf import settings
from django.urls import Resolver404, resolve, reverse, translate_url
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.translation import get_language, get_language_info, override
from django.utils.translation import gettext_lazy as _
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


# --- The main menu ----------------------------------------------------------
# One list: a later feature adds its entry here ("Voor scholen", "Agenda").
# A page is named by its type, as Wagtail's `parent_page_types` does, so this
# module imports no app that builds on lms.


@dataclass(frozen=True)
class MenuItem:
    label: str
    url_name: str = ""
    page_type: str = ""  # "app_label.ModelName": the first live page of that type
    logged_in_only: bool = False


MAIN_MENU = [
    MenuItem(_("Our offer"), page_type="courses.CourseIndexPage"),
    MenuItem(_("Calendar"), url_name="bookings:agenda"),
    MenuItem(_("For schools"), url_name="bookings:school_request"),
    MenuItem(_("Check a certificate"), url_name="certificates:verify"),
    MenuItem(_("My learning"), url_name="lms:dashboard", logged_in_only=True),
    MenuItem(_("Search"), url_name="lms:search"),
]


def _page_type_url(request, page_type: str) -> str:
    language = get_language() or "nl"

    def build() -> str:
        try:
            model = apps.get_model(page_type)
        except LookupError:
            return ""
        page = model.objects.live().filter(locale__language_code=language).first()
        return page.get_url(request) if page is not None else ""

    return remember(f"menu-url:{page_type}:{language}", build)


@register.simple_tag(takes_context=True)
def main_menu(context) -> list[dict]:
    """The main menu's entries for this reader: label, URL and whether it is
    the section the current page is in (`aria-current`)."""
    request = context.get("request")
    user = getattr(request, "user", None)
    logged_in = bool(user and user.is_authenticated)
    path = request.path if request is not None else ""
    return [
        {"label": label, "url": url, "current": path.startswith(url)}
        for label, url, logged_in_only in _menu_in_language(request, get_language() or "nl")
        if logged_in or not logged_in_only
    ]


@register.filter
def current_urls(menu: list[dict]) -> str:
    """The URLs of the entries of `main_menu` the current page is in (what
    the menu's markup varies with beyond site, language and log-in state)."""
    return " ".join(item["url"] for item in menu if item["current"])


def _menu_in_language(request, language: str) -> list[tuple[str, str, bool]]:
    """Label, URL and "logged in only" of each entry: the same for every reader
    of a language, so kept until the next publish (lms.pagecache)."""

    def build() -> list[tuple[str, str, bool]]:
        entries = []
        for item in MAIN_MENU:
            url = (
                reverse(item.url_name) if item.url_name else _page_type_url(request, item.page_type)
            )
            if url:
                entries.append((str(item.label), url, item.logged_in_only))
        return entries

    return remember(f"main-menu:{language}", build)


# --- Breadcrumbs ------------------------------------------------------------


@register.inclusion_tag("components/breadcrumb.html", takes_context=True)
def breadcrumbs(context, page=None, current=None, parent_title=None, parent_url=None):
    """The trail from the home page to here. For a Wagtail page: its ancestors
    below the root (the language's home page first). A view passes `crumbs`
    (a list of (title, url)) in its context, or the template names the page it
    belongs under (`page=quiz`) or one parent (`parent_title`, `parent_url`)
    and its own title (`current=...`). Nothing on a home page."""
    page = page if page is not None else context.get("page")
    crumbs = [{"title": _("Home"), "url": home_url()}]
    if isinstance(page, Page) and page.pk:
        request = context.get("request")
        if current is None and page.depth <= 2:
            return {"crumbs": []}  # the home page itself

        def build() -> list[dict]:
            ancestors = page.get_ancestors().filter(depth__gt=2)
            return [{"title": a.title, "url": a.get_url(request)} for a in ancestors]

        # The same for every reader until the page tree changes: no query on a
        # warm page (lms.pagecache).
        trail = remember(f"crumbs:{page.pk}:{request.get_host() if request else ''}", build)
        crumbs.extend(trail)
        if current is not None:
            crumbs.append({"title": page.title, "url": page.get_url(request)})
        if current is None:
            current = page.title
    for title, url in context.get("crumbs") or []:
        crumbs.append({"title": title, "url": url})
    if parent_title and parent_url:
        crumbs.append({"title": parent_title, "url": parent_url})
    if current is None:
        return {"crumbs": []}
    crumbs.append({"title": current, "url": ""})
    return {"crumbs": crumbs}


# --- Template helpers for components ------------------------------------------


class CaptureNode(template.Node):
    def __init__(self, nodelist, name: str):
        self.nodelist = nodelist
        self.name = name

    def render(self, context) -> str:
        # Rendered by the template engine (auto-escaped), so safe to insert.
        context[self.name] = mark_safe(self.nodelist.render(context).strip())  # noqa: S308
        return ""


@register.tag
def capture(parser, token):
    """`{% capture as name %}...{% endcapture %}`: the rendered content as a
    variable, to hand to a component (`{% include "components/alert.html"
    with body=name %}`), since `{% include %}` takes no content of its own."""
    bits = token.split_contents()
    if len(bits) != 3 or bits[1] != "as":
        raise template.TemplateSyntaxError("Use {% capture as name %}…{% endcapture %}.")
    nodelist = parser.parse(("endcapture",))
    parser.delete_first_token()
    return CaptureNode(nodelist, bits[2])


class SharedFragmentNode(template.Node):
    def __init__(self, nodelist, name: str, vary_on: list):
        self.nodelist = nodelist
        self.name = name
        self.vary_on = vary_on

    def render(self, context) -> str:
        parts = [self.name, *(str(value.resolve(context)) for value in self.vary_on)]
        return remember("fragment:" + ":".join(parts), lambda: self.nodelist.render(context))


@register.tag
def shared_fragment(parser, token):
    """`{% shared_fragment name value... %}...{% endshared_fragment %}` renders
    its content once per combination of values and keeps the HTML until the
    next change to the page tree or the site settings (lms.pagecache.remember):
    in this process, so no request waits for Redis, and in the shared cache for
    the other nodes. Like `{% cache %}`, only for what is the same for every
    reader: never anything of the reader, the URL or a form (a CSRF token)."""
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError(f"{bits[0]} needs a name.")
    nodelist = parser.parse(("endshared_fragment",))
    parser.delete_first_token()
    return SharedFragmentNode(nodelist, bits[1], [parser.compile_filter(bit) for bit in bits[2:]])


@register.simple_tag
def items(*values):
    """`{% items _("Attempt") _("Score") as headers %}`: a list for a component."""
    return list(values)


@register.simple_tag
def pairs(*values):
    """`{% pairs _("Format") page.format _("For") page.audience as facts %}`:
    (label, value) pairs for a description list; pairs with an empty value are
    left out."""
    pairs_ = zip(values[::2], values[1::2], strict=True)
    return [(label, value) for label, value in pairs_ if value not in (None, "")]


_CONTROL_CLASSES = {
    "textarea": "utrecht-textarea utrecht-textarea--html-textarea",
    "select": "utrecht-select utrecht-select--html-select",
    "checkbox": "utrecht-checkbox utrecht-checkbox--html-input",
}
_TEXTBOX = "utrecht-textbox utrecht-textbox--html-input"


@register.filter
def field_kind(field) -> str:
    """What the form-field component draws for a bound field: text, textarea,
    select, radio (a group), checkboxes (a group), checkbox, hidden."""
    widget = field.field.widget
    if widget.is_hidden:
        return "hidden"
    # CheckboxSelectMultiple is a subclass of RadioSelect: ask it first.
    if isinstance(widget, forms.CheckboxSelectMultiple):
        return "checkboxes"
    if isinstance(widget, forms.RadioSelect):
        return "radio"
    if isinstance(widget, forms.CheckboxInput):
        return "checkbox"
    if isinstance(widget, forms.Textarea):
        return "textarea"
    if isinstance(widget, forms.Select):
        return "select"
    return "text"


@register.simple_tag
def field_control(field, describedby: str = ""):
    """The field's own input with the NL Design System classes and the ARIA
    attributes that tie it to its hint and error."""
    kind = field_kind(field)
    css = _CONTROL_CLASSES.get(kind, _TEXTBOX)
    attrs = {"class": f"{css}{' ' + css.split()[0] + '--invalid' if field.errors else ''}"}
    if describedby:
        attrs["aria-describedby"] = describedby
    if field.errors:
        attrs["aria-invalid"] = "true"
    existing = field.field.widget.attrs.get("class")
    if existing:
        attrs["class"] += f" {existing}"
    return field.as_widget(attrs=attrs)


@register.simple_tag
def search_entries(results) -> list[dict]:
    """What each search result shows: the page, its type, a summary and the
    trail of pages above it (below the home page), with one query for the
    trails of the whole results page."""
    pages = list(results)
    paths = {
        page.path[:end]
        for page in pages
        for end in range(3 * Page.steplen, len(page.path), Page.steplen)
    }
    titles = dict(Page.objects.filter(path__in=paths).values_list("path", "title"))
    entries = []
    for page in pages:
        trail = [
            titles[page.path[:end]]
            for end in range(3 * Page.steplen, len(page.path), Page.steplen)
            if page.path[:end] in titles
        ]
        summary = (
            getattr(page, "summary", "")
            or getattr(page, "intro", "")
            or page.search_description
            or ""
        )
        entries.append(
            {
                "page": page,
                "type": capfirst(page.specific_class._meta.verbose_name)
                if page.specific_class
                else "",
                "summary": summary,
                "trail": trail,
            }
        )
    return entries
