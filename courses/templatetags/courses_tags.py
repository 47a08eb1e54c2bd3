from django import template
from django.utils.translation import get_language

from lms.pagecache import remember

from ..models import CourseIndexPage

register = template.Library()


@register.simple_tag(takes_context=True)
def catalogue_url(context) -> str:
    """The catalogue ("Aanbod") in the active language, for the main menu; kept
    until the next change to the page tree, as it is the same for every reader."""
    request = context.get("request")
    language = get_language() or "nl"

    def build() -> str:
        index = CourseIndexPage.objects.live().filter(locale__language_code=language).first()
        return index.get_url(request) if index is not None else ""

    return remember(f"catalogue-url:{language}", build)
