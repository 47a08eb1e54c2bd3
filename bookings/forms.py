from django import forms
from django.utils.translation import gettext_lazy as _

from lms.models import Municipality


class BookingForm(forms.Form):
    """A professional's details for one place on a training day."""

    organisation = forms.CharField(label=_("Organisation"), max_length=200)
    municipality = forms.ModelChoiceField(
        label=_("Municipality you work in"),
        queryset=Municipality.objects.all(),
        required=False,
        empty_label=_("My municipality is not in the list"),
        help_text=_(
            "The price follows the municipality you work in: municipalities with an "
            "agreement with the centre pay the reduced tariff."
        ),
        error_messages={"invalid_choice": _("Choose a municipality from the list.")},
    )
    invoice_reference = forms.CharField(
        label=_("Invoice reference"),
        max_length=100,
        required=False,
        help_text=_("A reference or purchase order number your organisation asks for."),
    )
    dietary_needs = forms.CharField(label=_("Dietary needs"), max_length=255, required=False)
    access_needs = forms.CharField(
        label=_("Access needs"),
        max_length=255,
        required=False,
        help_text=_("For example step-free access or an interpreter."),
    )
    invitation = forms.CharField(widget=forms.HiddenInput, required=False)

    @classmethod
    def initial_for(cls, user, query) -> dict:
        """The profile's details, overridden by what the visitor chose on the
        form already (the "show the price" button sends the form by GET)."""
        initial = {"organisation": user.organisation, "municipality": user.municipality_id}
        for name in ("organisation", "invoice_reference", "dietary_needs", "access_needs"):
            if query.get(name):
                initial[name] = query[name][: cls.base_fields[name].max_length]
        if "municipality" in query:
            initial["municipality"] = query["municipality"]
        return initial

    def chosen_municipality(self):
        """The municipality the form shows (bound or initial), or None."""
        if self.is_bound:
            return self.cleaned_data.get("municipality") if self.is_valid() else None
        value = self.initial.get("municipality")
        try:
            return Municipality.objects.filter(pk=int(value)).first() if value else None
        except (TypeError, ValueError):
            return None
