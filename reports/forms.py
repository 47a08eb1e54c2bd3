"""The dashboard's filter: a period (this calendar year unless chosen) and a
municipality (or all). Read from the query string, so a view of the figures
can be bookmarked and its exports linked; what does not make sense is said in
the form, never answered with an error page."""

from datetime import date

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lms.models import Municipality

from .figures import Period

EARLIEST, LATEST = date(2000, 1, 1), date(2099, 12, 31)
MAX_YEARS = 5


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self):
        super().__init__(format="%Y-%m-%d")


def _date_field(label: str) -> forms.DateField:
    return forms.DateField(
        label=label,
        required=False,
        widget=DateInput(),
        error_messages={"invalid": _("Enter a date, for example 2026-12-31.")},
    )


class FiguresFilterForm(forms.Form):
    start = _date_field(_("From"))
    end = _date_field(_("To (inclusive)"))
    municipality = forms.ModelChoiceField(
        label=_("Municipality"),
        queryset=Municipality.objects.all(),
        required=False,
        empty_label=_("All municipalities"),
        error_messages={"invalid_choice": _("Choose a municipality from the list.")},
    )

    def __init__(self, data=None, *, today: date | None = None):
        self.today = today or timezone.localdate()
        year = Period.calendar_year(self.today.year)
        super().__init__(data, initial={"start": year.start, "end": year.end})

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if self.errors:
            return cleaned
        # One end left empty: the calendar year of the other; both: this year.
        if start is None and end is None:
            start, end = self.initial["start"], self.initial["end"]
        elif start is None:
            start = date(end.year, 1, 1)
        elif end is None:
            end = date(start.year, 12, 31)
        for name, value in (("start", start), ("end", end)):
            if not EARLIEST <= value <= LATEST:
                self.add_error(name, _("Choose a date from 2000 to 2099."))
        if self.errors:
            return cleaned
        if end < start:
            self.add_error("end", _("The end of the period comes before its start."))
        elif end.year - start.year > MAX_YEARS or (
            end.year - start.year == MAX_YEARS and (end.month, end.day) >= (start.month, start.day)
        ):
            self.add_error("end", _("Choose a period of at most five years."))
        cleaned["start"], cleaned["end"] = start, end
        return cleaned

    def period(self) -> Period:
        """The chosen period; call only on a valid form (or an unbound one)."""
        if not self.is_bound:
            return Period(self.initial["start"], self.initial["end"])
        return Period(self.cleaned_data["start"], self.cleaned_data["end"])

    def chosen_municipality(self) -> Municipality | None:
        return self.cleaned_data.get("municipality") if self.is_bound else None
