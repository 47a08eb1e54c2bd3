"""The coordinator's admin view that schedules a group's meetings: dates,
times and two trainers each, through `programmes.schedule_meetings` (all or
nothing; a clash is refused there with its reason). Registered under /admin/
in wagtail_hooks.py; Coordinators only."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy, ngettext

from lms import roles
from lms.errors import Refused

from . import programmes
from .models import ProgrammeGroup, Trainer


class MeetingForm(forms.Form):
    date = forms.DateField(
        label=gettext_lazy("Date"), widget=forms.DateInput(attrs={"type": "date"})
    )
    starts_at = forms.TimeField(
        label=gettext_lazy("Start"), widget=forms.TimeInput(attrs={"type": "time"})
    )
    ends_at = forms.TimeField(
        label=gettext_lazy("End"), widget=forms.TimeInput(attrs={"type": "time"})
    )
    first_trainer = forms.ModelChoiceField(
        label=gettext_lazy("Trainer"), queryset=Trainer.objects.none()
    )
    second_trainer = forms.ModelChoiceField(
        label=gettext_lazy("Second trainer"), queryset=Trainer.objects.none()
    )

    def __init__(self, *args, trainers=None, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("first_trainer", "second_trainer"):
            self.fields[name].queryset = (
                trainers if trainers is not None else Trainer.objects.none()
            )

    def spec(self) -> programmes.MeetingSpec:
        data = self.cleaned_data
        return programmes.MeetingSpec(
            date=data["date"],
            starts_at=data["starts_at"],
            ends_at=data["ends_at"],
            trainers=(data["first_trainer"], data["second_trainer"]),
        )


def meeting_formset(rows: int):
    """A form per meeting; a row left empty is skipped."""
    return forms.formset_factory(
        MeetingForm, extra=rows, max_num=programmes.MAX_MEETINGS, validate_max=True
    )


class CountForm(forms.Form):
    count = forms.IntegerField(
        label=gettext_lazy("How many meetings do you schedule now?"),
        min_value=1,
        max_value=programmes.MAX_MEETINGS,
    )


def _qualified(group: ProgrammeGroup):
    return (
        Trainer.objects.filter(active=True, qualifications__programme=group.programme)
        .select_related("user")
        .distinct()
    )


def schedule_meetings(request, group_id: int):
    """The group's meetings so far, and a row per meeting still to schedule:
    as many as the programme has left (Girls' Talk: 9 in all), or as many as
    the coordinator asks for when the programme gives no number."""
    if not roles.has_role(request.user, roles.COORDINATORS):
        raise PermissionDenied
    group = get_object_or_404(ProgrammeGroup.objects.select_related("municipality"), pk=group_id)
    meetings = list(
        group.sessions.order_by("meeting_number", "date").prefetch_related(
            "assignments__trainer__user"
        )
    )
    expected = programmes.number_of_meetings(group.programme)
    count_form = None
    if expected is not None:
        rows = max(expected - len(meetings), 0)
    else:
        count_form = CountForm(request.GET or None, initial={"count": 1})
        rows = count_form.cleaned_data["count"] if count_form.is_valid() else 1
    data = request.POST if request.method == "POST" else None
    formset = meeting_formset(rows)(
        data,
        form_kwargs={"trainers": _qualified(group)},
        prefix="meeting",
    )
    status = 200
    if data is not None:
        status = 400
        if formset.is_valid():
            specs = [form.spec() for form in formset if form.has_changed()]
            try:
                scheduled = programmes.schedule_meetings(group, specs, by=request.user)
            except Refused as error:
                formset._non_form_errors = formset.error_class([error.message])
                status = error.status
            else:
                messages.success(
                    request,
                    ngettext(
                        "%(count)d meeting of %(group)s is scheduled.",
                        "%(count)d meetings of %(group)s are scheduled.",
                        len(scheduled),
                    )
                    % {"count": len(scheduled), "group": group},
                )
                return redirect("workshops_programme_schedule", group.pk)
    context = {
        "group": group,
        "meetings": [
            {"session": s, "trainers": [str(a.trainer) for a in s.assignments.all()]}
            for s in meetings
        ],
        "expected": expected,
        "formset": formset,
        "count_form": count_form,
        "back_url": reverse("workshops_programmegroup_modeladmin_index"),
    }
    return TemplateResponse(
        request, "workshops/admin/programme_schedule.html", context, status=status
    )
