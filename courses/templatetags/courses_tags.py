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
    next change to the page tree (lms.pagecache.remember): in this process, so
    no request waits for Redis, and in the shared cache for the other nodes.
    Like `{% cache %}`, only for what is the same for every reader."""
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError(f"{bits[0]} needs a name.")
    nodelist = parser.parse(("endshared_fragment",))
    parser.delete_first_token()
    return SharedFragmentNode(nodelist, bits[1], [parser.compile_filter(bit) for bit in bits[2:]])
