"""The form that removes an account: the password once more, so that nobody
at an unattended computer or with a stolen session can do it."""

from django import forms
from django.utils.translation import gettext_lazy as _


class RemoveAccountForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(
                _("That is not your password. Nothing has been removed."), code="incorrect"
            )
        return password
