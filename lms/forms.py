"""Account forms: what sign-up asks besides allauth's e-mail and password, and
the profile a user keeps up to date under /my/."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import User


class SignupForm(forms.Form):
    """allauth builds its sign-up form on this one (ACCOUNT_SIGNUP_FORM_CLASS):
    the name goes on certificates, so it is asked first and is required."""

    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)

    field_order = ["first_name", "last_name", "email", "password1", "password2"]

    def clean_first_name(self):
        return _required_name(self.cleaned_data["first_name"])

    def clean_last_name(self):
        return _required_name(self.cleaned_data["last_name"])

    def signup(self, request, user):
        user.first_name = self.cleaned_data["first_name"]
        user.last_name = self.cleaned_data["last_name"]
        user.save(update_fields=["first_name", "last_name"])


def _required_name(value: str) -> str:
    value = " ".join(value.split())
    if not value:
        raise forms.ValidationError(_("Fill in your name."), code="required")
    return value


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = [
            "first_name",
            "last_name",
            "language",
            "organisation",
            "profession",
            "municipality",
        ]
        labels = {"first_name": _("First name"), "last_name": _("Last name")}
        help_texts = {
            "municipality": _(
                "Training days are cheaper for professionals working in a municipality with "
                "an agreement with the centre."
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["first_name"].required = True
        self.fields["last_name"].required = True

    def clean_first_name(self):
        return _required_name(self.cleaned_data["first_name"])

    def clean_last_name(self):
        return _required_name(self.cleaned_data["last_name"])
