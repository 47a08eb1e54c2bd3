from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import HelpContact


class HelpContactViewSet(SnippetViewSet):
    model = HelpContact
    icon = "help"
    menu_label = _("Help contacts")
    list_display = ["name", "phone", "hours", "locale"]
    search_fields = ["name", "description"]


register_snippet(HelpContactViewSet)
