"""The group booking form: colleagues' e-mail addresses, one organisation and
invoice reference for the group."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lms.models import Municipality

from .groups import MAX_GROUP_SIZE


class GroupBookingForm(forms.Form):
    emails = forms.CharField(
        label=gettext_lazy("Your colleagues' e-mail addresses"),
        widget=forms.Textarea(attrs={"rows": 6, "autocomplete": "off"}),
        help_text=gettext_lazy(
            "One address per line. Each colleague gets a personal link to claim their place."
        ),
    )
    organisation = forms.CharField(label=gettext_lazy("Organisation"), max_length=200)
    municipality = forms.ModelChoiceField(
        label=gettext_lazy("Municipality your organisation works for"),
        queryset=Municipality.objects.order_by("name"),
        required=False,
        help_text=gettext_lazy("Municipalities with an agreement pay the reduced tariff."),
    )
    invoice_reference = forms.CharField(
        label=gettext_lazy("Invoice reference"), max_length=100, required=False
    )

    def clean_emails(self):
        lines = [line.strip() for line in self.cleaned_data["emails"].splitlines()]
        emails = [line.lower() for line in lines if line]
        invalid = []
        for email in emails:
            try:
                validate_email(email)
            except ValidationError:
                invalid.append(email)
        if invalid:
            raise ValidationError(
                _("Not an e-mail address: %(emails)s") % {"emails": ", ".join(invalid)}
            )
        duplicates = sorted({email for email in emails if emails.count(email) > 1})
        if duplicates:
            raise ValidationError(
                _("Each colleague can be named once. Named twice: %(emails)s")
                % {"emails": ", ".join(duplicates)}
            )
        if len(emails) > MAX_GROUP_SIZE:
            raise ValidationError(
                _("A group booking holds at most %(count)d places.") % {"count": MAX_GROUP_SIZE}
            )
        return emails
