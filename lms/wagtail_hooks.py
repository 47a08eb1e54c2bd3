from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import HelpContact, Municipality


class HelpContactViewSet(SnippetViewSet):
    model = HelpContact
    icon = "help"
    menu_label = _("Help contacts")
    list_display = ["name", "phone", "hours", "locale"]
    search_fields = ["name", "description"]


register_snippet(HelpContactViewSet)


class MunicipalityViewSet(SnippetViewSet):
    model = Municipality
    icon = "globe"
    menu_label = _("Municipalities")
    list_display = ["name", "has_agreement"]
    list_filter = ["has_agreement"]
    search_fields = ["name"]


register_snippet(MunicipalityViewSet)
