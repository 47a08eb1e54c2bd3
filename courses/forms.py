from django import forms
from django.utils.translation import gettext_lazy as _

from .choices import Audience, Format, Theme


def _with_all(choices):
    return [("", _("All"))] + list(choices)


class CatalogueFilterForm(forms.Form):
    audience = forms.ChoiceField(
        label=_("For"), choices=_with_all(Audience.choices), required=False
    )
    format = forms.ChoiceField(label=_("Format"), choices=_with_all(Format.choices), required=False)
    theme = forms.ChoiceField(label=_("Theme"), choices=_with_all(Theme.choices), required=False)
