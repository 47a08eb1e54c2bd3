"""The forms of the school side: the four steps of the public request form
(school, contact, classes, wishes), the school's answer to a proposal and the
evaluation. Classes are a label, a level and a group size: never a pupil."""

import re
from datetime import date

from django import forms
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lms.models import Municipality

from .models import DayPart, LessonEvaluation, Level, LocationKind, Topic

MAX_CLASSES = 20
MAX_GROUP_SIZE = 40
MAX_WEEKS = 40
# A Dutch school year starts in August: weeks from 31 on belong to its first
# calendar year, the lower ones to its second.
FIRST_WEEK_OF_SCHOOL_YEAR = 31


# --- School years and weeks ---------------------------------------------------------


def school_year_of(day: date) -> str:
    """The school year a day falls in, e.g. "2026-2027" from August 2026 to July 2027."""
    first = day.year if day.month >= 8 else day.year - 1
    return f"{first}-{first + 1}"


def following_school_year(school_year: str) -> str:
    first = int(school_year[:4]) + 1
    return f"{first}-{first + 1}"


def preceding_school_year(school_year: str) -> str:
    first = int(school_year[:4]) - 1
    return f"{first}-{first + 1}"


def requestable_school_years(today: date | None = None) -> list[str]:
    """The current school year and the next: lessons are asked for no further ahead."""
    current = school_year_of(today or timezone.localdate())
    return [current, following_school_year(current)]


_RANGE_WORDS = re.compile(r"(t/m|\btot en met\b|\btot\b|\bto\b|\buntil\b)", re.IGNORECASE)
_WEEK_WORDS = re.compile(r"\b(weeks?|weken|wk|en|and)\b", re.IGNORECASE)
_RANGE = re.compile(r"^(\d{1,2})-(\d{1,2})$")


def _has_week(year: int, week: int) -> bool:
    try:
        date.fromisocalendar(year, week, 1)
    except ValueError:
        return False
    return True


def parse_weeks(text: str, school_year: str) -> list[int]:
    """ISO week numbers from "6, 7, 10" or "10-12" (ranges in one calendar
    year). Raises ValidationError with a message for the person."""
    first_year = int(school_year[:4])
    cleaned = _WEEK_WORDS.sub(" ", _RANGE_WORDS.sub("-", text))
    cleaned = re.sub(r"\s*[-–]\s*", "-", cleaned)
    parts = [part for part in re.split(r"[,;.\s]+", cleaned) if part]
    weeks: set[int] = set()
    for part in parts:
        match = _RANGE.match(part)
        if match:
            start, end = int(match.group(1)), int(match.group(2))
            if end < start:
                raise forms.ValidationError(
                    _("A range of weeks goes from low to high, such as 10-12.")
                )
            numbers = range(start, end + 1)
        elif part.isdigit():
            numbers = [int(part)]
        else:
            raise forms.ValidationError(
                _("Write week numbers such as 6, 7, 10 or a range such as 10-12.")
            )
        for week in numbers:
            year = first_year if week >= FIRST_WEEK_OF_SCHOOL_YEAR else first_year + 1
            if not 1 <= week <= 53 or not _has_week(year, week):
                raise forms.ValidationError(
                    _("Week %(week)s does not exist in school year %(year)s.")
                    % {"week": week, "year": school_year}
                )
            weeks.add(week)
    if not weeks:
        raise forms.ValidationError(_("Give at least one week."))
    if len(weeks) > MAX_WEEKS:
        raise forms.ValidationError(_("Give at most %(count)s weeks.") % {"count": MAX_WEEKS})
    # In the order of the school year: autumn weeks first.
    return sorted(weeks, key=lambda week: (week < FIRST_WEEK_OF_SCHOOL_YEAR, week))


def format_weeks(weeks: list[int]) -> str:
    """[6, 7, 8, 10] → "6-8, 10" (in the order given)."""
    groups: list[list[int]] = []
    for week in weeks:
        if groups and week == groups[-1][-1] + 1:
            groups[-1].append(week)
        else:
            groups.append([week])
    return ", ".join(
        str(group[0]) if len(group) == 1 else f"{group[0]}-{group[-1]}" for group in groups
    )


# --- The steps of the request form ------------------------------------------------


class HoneypotMixin(forms.Form):
    """A field people never see (hidden for screen readers too, see the
    template): only a robot fills it in."""

    website = forms.CharField(required=False, label=gettext_lazy("Leave this field empty"))

    HONEYPOT = "website"

    def is_spam(self) -> bool:
        return bool(self.data.get(self.HONEYPOT, "").strip())

    def visible_fields(self):
        return [field for field in super().visible_fields() if field.name != self.HONEYPOT]


_POSTCODE = re.compile(r"^(\d{4})\s*([A-Za-z]{2})$")
_BRIN = re.compile(r"^\d{2}[A-Z]{2}(\d{2})?$")
_PHONE = re.compile(r"^\+?[0-9][0-9 ()\-]{7,19}$")


class SchoolStepForm(HoneypotMixin):
    name = forms.CharField(label=gettext_lazy("Name of the school or location"), max_length=200)
    brin = forms.CharField(
        label=gettext_lazy("BRIN code"),
        max_length=8,
        required=False,
        help_text=gettext_lazy("Four characters, such as 12AB, or six with the branch: 12AB00."),
    )
    address = forms.CharField(
        label=gettext_lazy("Street and number"),
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "street-address"}),
    )
    postcode = forms.CharField(
        label=gettext_lazy("Postcode"),
        max_length=10,
        widget=forms.TextInput(attrs={"autocomplete": "postal-code"}),
    )
    city = forms.CharField(
        label=gettext_lazy("City"),
        max_length=100,
        widget=forms.TextInput(attrs={"autocomplete": "address-level2"}),
    )
    municipality = forms.ModelChoiceField(
        label=gettext_lazy("Municipality"),
        queryset=Municipality.objects.all(),
        error_messages={"invalid_choice": gettext_lazy("Choose a municipality from the list.")},
    )
    location_kind = forms.ChoiceField(
        label=gettext_lazy("Kind of location"),
        choices=LocationKind.choices,
        widget=forms.RadioSelect,
    )

    field_order = ["name", "brin", "address", "postcode", "city", "municipality", "location_kind"]

    def clean_brin(self):
        brin = re.sub(r"\s+", "", self.cleaned_data["brin"]).upper()
        if brin and not _BRIN.match(brin):
            raise forms.ValidationError(
                _("A BRIN code is two digits and two letters, such as 12AB (or 12AB00).")
            )
        return brin

    def clean_postcode(self):
        match = _POSTCODE.match(self.cleaned_data["postcode"].strip())
        if match is None:
            raise forms.ValidationError(_("Enter a postcode such as 3011 AB."))
        return f"{match.group(1)} {match.group(2).upper()}"


class ContactStepForm(HoneypotMixin):
    contact_name = forms.CharField(
        label=gettext_lazy("Your name"),
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    contact_role = forms.CharField(
        label=gettext_lazy("Your role at the school"),
        max_length=100,
        help_text=gettext_lazy("For example: care coordinator, mentor or teacher."),
    )
    contact_email = forms.EmailField(
        label=gettext_lazy("E-mail address"),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        help_text=gettext_lazy("We send a link to this address to confirm the request."),
    )
    contact_phone = forms.CharField(
        label=gettext_lazy("Phone number"),
        max_length=40,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
    )

    field_order = ["contact_name", "contact_role", "contact_email", "contact_phone"]

    def clean_contact_phone(self):
        phone = self.cleaned_data["contact_phone"].strip()
        if not _PHONE.match(phone) or sum(ch.isdigit() for ch in phone) < 9:
            raise forms.ValidationError(_("Enter a phone number such as 010 123 45 67."))
        return phone


class ClassesStepForm(HoneypotMixin):
    level = forms.ChoiceField(
        label=gettext_lazy("Level"), choices=[("", "---------"), *Level.choices]
    )
    school_year = forms.ChoiceField(
        label=gettext_lazy("School year"),
        error_messages={"invalid_choice": gettext_lazy("Choose this school year or the next one.")},
    )

    field_order = ["level", "school_year"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["school_year"].choices = [(year, year) for year in requestable_school_years()]


class ClassForm(forms.Form):
    """One class: a label the school uses (optional) and its size."""

    label = forms.CharField(
        label=gettext_lazy("Class"),
        max_length=30,
        required=False,
        help_text=gettext_lazy("For example 2B. Never pupils' names."),
    )
    group_size = forms.IntegerField(
        label=gettext_lazy("Group size"),
        min_value=1,
        max_value=MAX_GROUP_SIZE,
        widget=forms.NumberInput(attrs={"min": 1, "max": MAX_GROUP_SIZE}),
    )


class BaseClassFormSet(forms.BaseFormSet):
    default_error_messages = {
        "too_few_forms": gettext_lazy("Add at least one class with its group size."),
        "too_many_forms": gettext_lazy("A request is for at most %(num)d classes."),
    }

    def initial_form_count(self):
        # Every row may stay empty (rows after the first are skipped), also
        # rows prefilled from what was typed before.
        return super().initial_form_count() if self.is_bound else 0

    def clean(self):
        super().clean()
        if any(self.errors):
            return
        if not self.classes():
            raise forms.ValidationError(self.error_messages["too_few_forms"])

    def classes(self) -> list[dict]:
        return [
            {
                "label": form.cleaned_data["label"].strip(),
                "group_size": form.cleaned_data["group_size"],
            }
            for form in self.forms
            if form.cleaned_data
        ]


CLASSES_PREFIX = "classes"
# Rows a new form shows; "Add a class" gives one more.
FIRST_ROWS = 3


def class_formset(data=None, *, rows: list[dict] | None = None, extra: int = 0):
    """The classes of step 3: bound to `data`, or showing `rows` (what was
    typed before) plus `extra` empty ones, or FIRST_ROWS empty rows."""
    count = len(rows) + extra if rows else FIRST_ROWS
    formset = forms.formset_factory(
        ClassForm,
        formset=BaseClassFormSet,
        extra=max(min(count, MAX_CLASSES) - 1, 0),
        min_num=1,
        validate_min=True,
        max_num=MAX_CLASSES,
        validate_max=True,
        absolute_max=MAX_CLASSES,
    )
    if data is not None:
        return formset(data, prefix=CLASSES_PREFIX)
    return formset(prefix=CLASSES_PREFIX, initial=rows or None)


class WishesStepForm(HoneypotMixin):
    preferred_weeks = forms.CharField(
        label=gettext_lazy("Preferred weeks"),
        max_length=300,
        help_text=gettext_lazy(
            "Week numbers, separated by commas, such as 6, 7, 10; a range such as 10-12 "
            "is fine too."
        ),
    )
    day_parts = forms.MultipleChoiceField(
        label=gettext_lazy("Day-parts"),
        choices=DayPart.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": gettext_lazy("Choose at least one day-part.")},
    )
    topics = forms.MultipleChoiceField(
        label=gettext_lazy("Topics"),
        choices=Topic.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": gettext_lazy("Choose at least one topic.")},
    )
    notes = forms.CharField(
        label=gettext_lazy("Notes"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=gettext_lazy(
            "Anything we should know to prepare. Never write pupils' names or anything "
            "else about individual pupils."
        ),
    )

    field_order = ["preferred_weeks", "day_parts", "topics", "notes"]

    def __init__(self, *args, school_year: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.school_year = school_year

    def clean_preferred_weeks(self):
        return parse_weeks(self.cleaned_data["preferred_weeks"], self.school_year)


class SummaryForm(HoneypotMixin):
    """The last step: only the honeypot and the button."""


# --- The school's answer and the evaluation ---------------------------------------


class OtherDatesForm(forms.Form):
    message = forms.CharField(
        label=gettext_lazy("Which dates or times would suit you better?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "required": gettext_lazy("Tell us which dates or times would suit you better.")
        },
    )


RATING_CHOICES = [
    (1, gettext_lazy("1 – poor")),
    (2, "2"),
    (3, "3"),
    (4, "4"),
    (5, gettext_lazy("5 – excellent")),
]


def _rating(label):
    return forms.TypedChoiceField(
        label=label,
        choices=RATING_CHOICES,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": gettext_lazy("Choose a rating from 1 to 5.")},
    )


class EvaluationForm(forms.ModelForm):
    content_rating = _rating(gettext_lazy("How good was the content of the lesson?"))
    trainers_rating = _rating(gettext_lazy("How well did the trainers give the lesson?"))
    fit_rating = _rating(gettext_lazy("How well did the lesson fit your classes?"))

    class Meta:
        model = LessonEvaluation
        fields = ["content_rating", "trainers_rating", "fit_rating", "comments"]
        widgets = {"comments": forms.Textarea(attrs={"rows": 5})}
        labels = {"comments": gettext_lazy("Comments")}
        help_texts = {
            "comments": gettext_lazy(
                "What went well, what could be better? Please do not write names of "
                "pupils or anything about individual pupils."
            )
        }


class InviteAgainForm(forms.Form):
    school_year = forms.ChoiceField(label=gettext_lazy("Invite for school year"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        years = requestable_school_years()
        self.fields["school_year"].choices = [(year, year) for year in years]
        self.fields["school_year"].initial = years[-1]
