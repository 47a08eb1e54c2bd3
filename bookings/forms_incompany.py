"""The public in-company request form and the coordinator's planning form."""

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from workshops.models import Venue

from .incompany import SessionSpec, requestable_courses
from .models import InCompanyRequest


class InCompanyRequestForm(forms.ModelForm):
    course = forms.ChoiceField(
        label=gettext_lazy("Training"),
        error_messages={"invalid_choice": gettext_lazy("Choose a training from the list.")},
    )

    class Meta:
        model = InCompanyRequest
        fields = [
            "organisation",
            "contact_name",
            "contact_email",
            "contact_phone",
            "course",
            "team_size",
            "preferred_periods",
            "location",
            "questions",
        ]
        widgets = {
            "preferred_periods": forms.Textarea(attrs={"rows": 3}),
            "questions": forms.Textarea(attrs={"rows": 4}),
            "contact_email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "contact_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "contact_phone": forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
            "organisation": forms.TextInput(attrs={"autocomplete": "organization"}),
        }
        help_texts = {
            "preferred_periods": gettext_lazy("For example: weeks, months or days of the week."),
            "location": gettext_lazy("Where the training would take place."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.courses = {str(c.translation_key): c for c in requestable_courses()}
        self.fields["course"].choices = [("", "---------")] + [
            (key, course.title) for key, course in self.courses.items()
        ]
        self.fields["team_size"].validators += [MinValueValidator(1), MaxValueValidator(500)]
        self.fields["team_size"].widget.attrs.update({"min": 1, "max": 500})

    def clean_course(self):
        course = self.courses.get(self.cleaned_data["course"])
        if course is None:
            raise forms.ValidationError(_("Choose a training from the list."))
        return course


class PlanInCompanyForm(forms.Form):
    """A coordinator sets the date (one session) and places of the in-company day."""

    date = forms.DateField(
        label=gettext_lazy("Date"), widget=forms.DateInput(attrs={"type": "date"})
    )
    starts_at = forms.TimeField(
        label=gettext_lazy("Start"), widget=forms.TimeInput(attrs={"type": "time"})
    )
    ends_at = forms.TimeField(
        label=gettext_lazy("End"), widget=forms.TimeInput(attrs={"type": "time"})
    )
    capacity = forms.IntegerField(label=gettext_lazy("Places"), min_value=1, max_value=500)
    venue = forms.ModelChoiceField(
        label=gettext_lazy("Venue"), queryset=Venue.objects.all(), required=False
    )
    location = forms.CharField(
        label=gettext_lazy("Other location"),
        max_length=255,
        required=False,
        help_text=gettext_lazy("Without a venue: the organisation's address from the request."),
    )

    def clean_date(self):
        if self.cleaned_data["date"] < timezone.localdate():
            raise forms.ValidationError(_("This date has passed."))
        return self.cleaned_data["date"]

    def clean(self):
        data = super().clean()
        if data.get("starts_at") and data.get("ends_at") and data["ends_at"] <= data["starts_at"]:
            self.add_error("ends_at", _("The end comes before the start."))
        return data

    def sessions(self) -> list[SessionSpec]:
        data = self.cleaned_data
        return [
            SessionSpec(date=data["date"], starts_at=data["starts_at"], ends_at=data["ends_at"])
        ]
