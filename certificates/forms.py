from django import forms
from django.utils.translation import gettext_lazy as _

from .models import CODE_LENGTH, normalise_code


class VerifyForm(forms.Form):
    code = forms.CharField(
        label=_("Certificate code"),
        max_length=40,
        help_text=_("For example K7QD-3MXP-9TBA-W2. Upper or lower case, with or without dashes."),
    )

    def clean_code(self):
        code = normalise_code(self.cleaned_data["code"])
        if len(code.replace("-", "")) != CODE_LENGTH:
            raise forms.ValidationError(
                _("A certificate code has %(count)d letters and digits.") % {"count": CODE_LENGTH}
            )
        return code


class RevokeForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=255)
