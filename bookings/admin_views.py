"""The coordinator's actions on a training day that go through a workflow,
not a form on a row: giving its sessions to trainers (refused on a clash by
`workshops.services`) and cancelling the whole day (everyone is told).
Registered under /admin/ in wagtail_hooks.py; Coordinators only."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lms import roles
from lms.errors import Refused
from workshops import services as calendar
from workshops.models import Session, Trainer, TrainingDay

from . import services


def _coordinators_only(request) -> None:
    if not roles.has_role(request.user, roles.COORDINATORS):
        raise PermissionDenied


class AssignForm(forms.Form):
    trainer = forms.ModelChoiceField(
        label=gettext_lazy("Trainer"),
        queryset=Trainer.objects.none(),
        error_messages={"invalid_choice": gettext_lazy("Choose a trainer from the list.")},
    )

    def __init__(self, *args, session: Session, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["trainer"].queryset = (
            Trainer.objects.filter(active=True, qualifications__programme=session.programme)
            .exclude(assignments__session=session)
            .select_related("user")
            .distinct()
        )


def session_trainers(request, session_id: int):
    """Who gives this session: assign a trainer (a clash is refused with the
    reason) or take one off."""
    _coordinators_only(request)
    session = get_object_or_404(
        Session.objects.select_related("training_day__course", "venue"), pk=session_id
    )
    status = 200
    form = AssignForm(request.POST or None, session=session)
    if request.method == "POST" and "unassign" in request.POST:
        trainer_id = request.POST["unassign"].strip()
        trainer = get_object_or_404(Trainer, pk=int(trainer_id) if trainer_id.isdigit() else 0)
        try:
            calendar.unassign_trainer(session, trainer, by=request.user)
        except Refused as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request, _("%(name)s no longer gives this session.") % {"name": trainer}
            )
        return redirect("bookings_session_trainers", session.pk)
    if request.method == "POST":
        status = 400
        if form.is_valid():
            trainer = form.cleaned_data["trainer"]
            try:
                calendar.assign_trainer(session, trainer, by=request.user)
            except Refused as error:
                form.add_error("trainer", error.message)
                status = error.status
            else:
                messages.success(request, _("%(name)s gives this session.") % {"name": trainer})
                return redirect("bookings_session_trainers", session.pk)
    context = {
        "session": session,
        "day": session.training_day,
        "assigned": session.trainers.select_related("user"),
        "form": form,
        "back_url": reverse("workshops_trainingday_modeladmin_index"),
    }
    return TemplateResponse(request, "bookings/admin/session_trainers.html", context, status=status)


class CancelDayForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reason, for the participants"),
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("It is in the e-mail every participant gets."),
    )


def cancel_day(request, day_id: int):
    """Cancel a whole training day: every participant is told, with a
    calendar file that removes it."""
    _coordinators_only(request)
    day = get_object_or_404(TrainingDay.objects.select_related("course"), pk=day_id)
    form = CancelDayForm(request.POST or None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                cancelled = services.cancel_training_day(
                    day, by=request.user, reason=form.cleaned_data["reason"]
                )
            except Refused as error:
                form.add_error(None, error.message)
                status = error.status
            else:
                messages.success(
                    request,
                    _("%(day)s is cancelled; %(count)d participants are told.")
                    % {"day": day, "count": len(cancelled)},
                )
                return redirect("workshops_trainingday_modeladmin_index")
    context = {
        "day": day,
        "form": form,
        "seats": services.seats(day),
        "back_url": reverse("workshops_trainingday_modeladmin_index"),
    }
    return TemplateResponse(request, "bookings/admin/cancel_day.html", context, status=status)
